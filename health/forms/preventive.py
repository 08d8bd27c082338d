from django import forms
from django.utils.translation import gettext_lazy as _

from bangkok.forms import DATE, StyledForm

from ..models import ScreeningKind, ScreeningResult


class PreventiveScreeningForm(StyledForm):
    kind = forms.ChoiceField(label=_("Screening"), choices=ScreeningKind.choices)
    done_on = forms.DateField(
        label=_("Date"),
        widget=DATE,
        help_text=_("The day it was offered, or the day of a test she reports."),
    )
    declined = forms.BooleanField(
        label=_("She declined it"),
        required=False,
        help_text=_("Her right: it never counts against her, and is offered again later."),
    )
    reported = forms.BooleanField(
        label=_("She reports it from before her admission"), required=False
    )
    result = forms.ChoiceField(
        label=_("Result"),
        choices=[("", _("Not known yet")), *ScreeningResult.choices],
        required=False,
    )


class PreventiveResultForm(StyledForm):
    result = forms.ChoiceField(label=_("Result"), choices=ScreeningResult.choices)


class FollowUpOutcomeForm(StyledForm):
    outcome = forms.CharField(
        label=_("Outcome of the follow-up"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("E.g. colposcopy done and its finding, or treatment given."),
        max_length=5000,
    )
