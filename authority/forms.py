from django import forms
from django.utils.translation import gettext_lazy as _

from bangkok.forms import StyledForm


class ConfirmForm(StyledForm):
    """Nothing to fill in: she confirms as herself. Carries a refusal of her confirmation."""


class RefuseForm(StyledForm):
    reason = forms.CharField(
        label=_("Why you refuse"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Whoever asked sees this."),
    )
