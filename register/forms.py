"""A child's record corrected on a page, and the separation of a child living with her mother
(Rule 52), as staff record them."""

import copy

from django import forms
from django.utils.translation import gettext_lazy as _

from bangkok.forms import DATE, NamedErrors, StyledForm, govuk_styled

from .models import CHILD_FIELDS, Child, Custody


class SeparationForm(StyledForm):
    separated_on = forms.DateField(
        label=_("Day the child leaves"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty for today."),
    )
    reason = forms.CharField(
        label=_("Why, in the child's best interests"), max_length=2000, widget=forms.Textarea
    )
    carer = forms.CharField(label=_("Who will care for the child"), max_length=200)
    carer_contact = forms.CharField(label=_("Carer's contact"), max_length=300, required=False)
    location = forms.CharField(label=_("Where the child will live"), max_length=300)
    custody = forms.ChoiceField(
        label=_("Custody or guardianship"),
        choices=[(value, label) for value, label in Custody.choices if value != Custody.UNKNOWN],
    )


class ChildEditForm(NamedErrors, forms.ModelForm):
    """A child's record as reception (at admission) or a social worker corrects it: where she
    lives or that it is not known, who has custody, the carer's contact and the arrangements
    made for her care (Rules 2.2, 3.1). Each missing answer is said at its own field."""

    class Meta:
        model = Child
        fields = list(CHILD_FIELDS)
        widgets = {"date_of_birth": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        govuk_styled(self)
        self.fields["lives_with_mother"].help_text = _(
            "A child living with her leaves prison only by a separation of its own (Rule 52), "
            "not by an edit."
        )
        self.fields["location_unknown"].help_text = _(
            "Social workers are asked to find out. Untick it once where she lives is known."
        )
        self.fields["custody"].help_text = _("'Not known' also asks social workers to find out.")

    def clean(self):
        data = super().clean()
        if data.get("lives_with_mother"):
            return data
        location, unknown = (data.get("location") or "").strip(), data.get("location_unknown")
        if not location and not unknown:
            self.add_error(
                "location",
                _("Say where the child lives, or tick that it is not known (Rule 3.1)."),
            )
        elif location and unknown:
            self.add_error(
                "location_unknown",
                _("Where the child lives is given: untick 'not known', or clear the place."),
            )
        if not data.get("custody"):
            self.add_error(
                "custody", _("Say who has custody of the child; 'Not known' is allowed (Rule 3.1).")
            )
        return data

    def _post_clean(self):
        # The record is changed by the service, under its lock and version, never here: the
        # form only validates what was typed (the model's own checks included) on a copy.
        self.instance = copy.copy(self.instance)
        super()._post_clean()
