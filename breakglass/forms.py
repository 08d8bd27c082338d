from django import forms
from django.utils.translation import gettext_lazy as _

from bangkok.forms import StyledForm

from .models import Finding, Reason


class BreakGlassForm(StyledForm):
    # Not required here: without them the service refuses, naming Rule 8, as the API does.
    reason = forms.ChoiceField(
        label=_("Why you need it now"),
        choices=Reason.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    detail = forms.CharField(
        label=_("What is happening"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Say what you see and why no member of health staff can tell you."),
    )


class ReviewForm(StyledForm):
    finding = forms.ChoiceField(
        label=_("Was it justified?"), choices=Finding.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Why"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when it was not justified."),
    )
