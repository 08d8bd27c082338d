"""The discipline forms. The services judge every Rule; a form only shapes the input (the
choices it offers already leave out what Rules 22 and 23 forbid)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from bangkok import late
from bangkok.forms import DATE, StyledForm, moment

from .models import (
    ContactMeans,
    MentalHealth,
    Privilege,
    ReviewOutcome,
    SanctionType,
    SegregationKind,
)

YES_NO = [("yes", _("Yes")), ("no", _("No"))]


def yes_no(label) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label, choices=YES_NO, coerce=lambda v: v == "yes", widget=forms.RadioSelect
    )


def day(label, *, required=True, help_text="") -> forms.DateField:
    return forms.DateField(label=label, required=required, widget=DATE, help_text=help_text)


class ChargeForm(StyledForm):
    offence = forms.CharField(
        label=_("What she is charged with"), widget=forms.Textarea, max_length=500
    )
    occurred_at = moment(_("When it happened"))
    informed_at = moment(_("When she was told of the charge"))
    language = forms.CharField(label=_("Language she was told in"), max_length=50)
    interpreter = forms.BooleanField(label=_("An interpreter was used"), required=False)
    late_reason = late.form_field()


class DecisionForm(StyledForm):
    held_at = moment(_("When the hearing was held"))
    informed_promptly = forms.BooleanField(
        label=_("She was told of the charge promptly, in a language she understands"),
        required=False,
    )
    interpreter = forms.BooleanField(label=_("An interpreter was present"), required=False)
    legal_assistance = forms.BooleanField(label=_("She had legal assistance"), required=False)
    time_to_prepare = forms.BooleanField(
        label=_("She had time and means to prepare her defence"), required=False
    )
    safeguards_note = forms.CharField(
        label=_("If a safeguard was missing, why"),
        widget=forms.Textarea,
        required=False,
        max_length=5000,
    )
    evidence = forms.CharField(label=_("Evidence heard"), widget=forms.Textarea, max_length=10000)
    mental_health = forms.ChoiceField(
        label=_("Her mental illness or developmental disability (Mandela Rule 39.3)"),
        choices=[("", _("Not yet considered")), *MentalHealth.choices],
        required=False,
    )
    proved = yes_no(_("Is the charge proved?"))
    reasons = forms.CharField(
        label=_("Reasons for the decision"), widget=forms.Textarea, max_length=10000
    )


class SanctionForm(StyledForm):
    type = forms.ChoiceField(label=_("Sanction"), choices=SanctionType.choices)
    privilege = forms.ChoiceField(
        label=_("Privilege she loses (for a loss of a privilege)"),
        choices=[("", _("None")), *Privilege.choices],
        required=False,
    )
    starts_on = day(_("From"), required=False, help_text=_("Leave empty for today."))
    ends_on = day(_("Until"))


class ReviewForm(StyledForm):
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=ReviewOutcome.choices, widget=forms.RadioSelect
    )
    reasons = forms.CharField(label=_("Reasons"), widget=forms.Textarea, max_length=10000)
    ends_on = day(
        _("New end date (when reduced)"),
        required=False,
        help_text=_("Leave empty unless the outcome reduces the sanction."),
    )


class SegregateForm(StyledForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=SegregationKind.choices)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea, max_length=5000)
    planned_end = day(_("Planned end"), help_text=_("At most 15 consecutive days."))
    began_at = moment(_("When it began, if before it is recorded"))
    late_reason = late.form_field()
    sought_from = forms.ModelChoiceField(
        label=_("Governor whose authority you ask"),
        queryset=None,
        required=False,
        empty_label=_("Any governor of her facility"),
        help_text=_("It starts when she gives her authority, with her own sign-in."),
    )

    def __init__(self, *args, governors=None, **kwargs):
        super().__init__(*args, **kwargs)
        if governors is None:
            del self.fields["sought_from"]
        else:
            self.fields["sought_from"].queryset = governors
            self.fields["sought_from"].label_from_instance = lambda u: (
                u.get_full_name() or u.username
            )


class ExtendForm(StyledForm):
    planned_end = day(_("New planned end"), help_text=_("At most 15 consecutive days."))
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea, max_length=5000, required=False
    )


class EndForm(StyledForm):
    reason = forms.CharField(label=_("Why it ends"), max_length=300)


class VisitForm(StyledForm):
    fit_to_remain = yes_no(_("Is she fit to remain segregated?"))


class PersonChoice(forms.ChoiceField):
    """One of the people offered; any other answer is left to the service, which refuses it
    naming why (her child: Rule 23)."""

    def valid_value(self, value):
        return True


class RestrictionForm(StyledForm):
    means = forms.ChoiceField(
        label=_("Means restricted"), choices=ContactMeans.choices, widget=forms.RadioSelect
    )
    person = PersonChoice(
        label=_("Person concerned"),
        help_text=_(
            "Someone on her visitor list or in her family record. Her children are never "
            "restricted (Rule 23)."
        ),
    )
    reason = forms.CharField(label=_("Security reason"), widget=forms.Textarea, max_length=5000)
    starts_on = day(_("From"), required=False, help_text=_("Leave empty for today."))
    ends_on = day(_("Until"))

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [("", _("Choose a person")), *people]
