from django import forms
from django.utils.translation import gettext_lazy as _

from bangkok.forms import DATE, StyledForm, moment

from ..models import BirthPlace, FeedingStatus, PregnancyOutcome


class NothingForm(StyledForm):
    """A step with nothing to fill in (its refusal still shows beside its button)."""


class DeclareForm(StyledForm):
    declared_on = forms.DateField(
        label=_("She said so on"),
        required=False,
        widget=DATE,
        help_text=_("Leave empty for today."),
    )


class ConfirmForm(StyledForm):
    edd = forms.DateField(label=_("Expected date of delivery"), widget=DATE)


class EndForm(StyledForm):
    outcome = forms.ChoiceField(
        label=_("How it ended"),
        choices=[c for c in PregnancyOutcome.choices if c[0] != PregnancyOutcome.BIRTH],
        widget=forms.RadioSelect,
    )
    ended_on = forms.DateField(
        label=_("On"), required=False, widget=DATE, help_text=_("Leave empty for today.")
    )


class CarePlanForm(StyledForm):
    advice_programme = forms.CharField(
        label=_("Diet and health advice programme"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Drawn up and monitored by a qualified health practitioner (Rule 48.1)."),
        max_length=5000,
    )
    supplementary_food = forms.CharField(
        label=_("Free supplementary food"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=5000,
    )
    planned_birth_place = forms.ChoiceField(
        label=_("Planned place of birth"),
        choices=[("", "—"), *BirthPlace.choices],
        required=False,
        help_text=_("A hospital outside the prison where practicable."),
    )
    planned_birth_detail = forms.CharField(label=_("Which place"), max_length=200, required=False)


class LabourForm(StyledForm):
    started_at = moment(_("Labour started (date and hour)"))


class BirthForm(StyledForm):
    born_at = moment(_("Birth (date and hour)"))
    place = forms.ChoiceField(label=_("Place of birth"), choices=BirthPlace.choices)
    place_detail = forms.CharField(label=_("Which place"), max_length=200, required=False)
    baby_with_her = forms.BooleanField(label=_("The baby stays with her"), required=False)
    certificate_checked = forms.BooleanField(
        label=_("The birth certificate was checked: it does not mention the prison"),
        required=False,
    )


class ContactForm(StyledForm):
    at = moment(_("When (date and hour)"))
    notes = forms.CharField(
        label=_("Notes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=5000,
    )


class BreastfeedingForm(StyledForm):
    status = forms.ChoiceField(
        label=_("Breastfeeding"), choices=FeedingStatus.choices, widget=forms.RadioSelect
    )
    support = forms.CharField(
        label=_("Support given"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=5000,
    )
    restricted = forms.BooleanField(
        label=_("Breastfeeding is restricted for a health reason"), required=False
    )
    restriction_reason = forms.CharField(
        label=_("The specific health reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Required for any restriction: breastfeeding is never discouraged (Rule 48.2)."
        ),
        max_length=5000,
    )
