from django import forms
from django.utils.translation import gettext_lazy as _

from bangkok import late
from bangkok.forms import DATETIME, StyledForm, moment, offer_only

from .models import Device, Place, Purpose
from .services import authorisers_of

YES_NO = [("yes", _("Yes, still needed")), ("no", _("No: take it off now"))]


class ApplyForm(StyledForm):
    """Only the approved devices and the allowed purposes are offered (Mandela 43.2, 47.1)."""

    device = forms.ChoiceField(label=_("Device"), choices=Device.choices, widget=forms.RadioSelect)
    purpose = forms.ChoiceField(
        label=_("Purpose"), choices=Purpose.choices, widget=forms.RadioSelect
    )
    necessity = forms.CharField(
        label=_("Why nothing less would do"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only when no lesser form of control would be effective (Mandela 48.1)."),
        max_length=5000,
    )
    emergency = forms.TypedChoiceField(
        label=_("Is it an emergency?"),
        choices=[
            ("yes", _("Yes: applied now to prevent harm, injury or serious damage")),
            ("no", _("No: planned, it waits for the governor's authority")),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        help_text=_(
            "In an emergency it is on at once and the governor confirms it, or it comes off, "
            "within the set time (Mandela 47.2, 48)."
        ),
    )
    sought_from = forms.ModelChoiceField(
        label=_("Governor whose authority you ask"),
        queryset=None,
        required=False,
        help_text=_("Leave empty to ask any governor of her facility."),
    )
    place = forms.ChoiceField(label=_("Where"), choices=Place.choices, widget=forms.RadioSelect)
    place_detail = forms.CharField(
        label=_("Place"),
        required=False,
        max_length=200,
        help_text=_("For example the hospital or court."),
    )
    applied_at = moment(_("Applied at"))
    late_reason = late.form_field()

    def __init__(self, *args, facility, devices=None, **kwargs):
        """`devices`: the only ones offered (those health staff approved for her), or None
        for every approved instrument."""
        super().__init__(*args, **kwargs)
        if devices is not None:
            offer_only(self.fields["device"], devices)
            self.fields["device"].help_text = _(
                "Only the methods health staff approved for her (Rule 24)."
            )
        field = self.fields["sought_from"]
        field.queryset = authorisers_of(facility)
        field.label_from_instance = lambda user: user.get_full_name() or user.username


class ReviewForm(StyledForm):
    still_needed = forms.ChoiceField(
        label=_("Is the restraint still needed?"), choices=YES_NO, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=5000,
    )
    reviewed_at = moment(_("Reviewed at"))

    def clean_still_needed(self):
        return self.cleaned_data["still_needed"] == "yes"


class RemoveForm(StyledForm):
    removed_at = moment(_("Removed at"))


class ApprovalForm(StyledForm):
    devices = forms.MultipleChoiceField(
        label=_("Devices approved"),
        choices=Device.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The least restrictive method that is safe for her (Rule 24)."),
    )
    conditions = forms.CharField(
        label=_("Conditions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Seen by health staff only."),
        max_length=5000,
    )
    valid_until = forms.DateTimeField(label=_("Valid until"), widget=DATETIME)
