from django import forms
from django.utils.translation import gettext_lazy as _

from bangkok.forms import StyledForm, moment

from .models import Kind


class BreachForm(StyledForm):
    kind = forms.ChoiceField(
        label=_("What happened"), choices=Kind.choices, widget=forms.RadioSelect
    )
    occurred_at = moment(_("When it happened"))
    account = forms.CharField(
        label=_("Account"),
        max_length=4000,
        widget=forms.Textarea,
        help_text=_("What happened, who did it and where, as far as you know."),
    )
