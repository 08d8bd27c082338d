from django import forms
from django.utils.translation import gettext_lazy as _

from bangkok.forms import StyledForm


class RefuseForm(StyledForm):
    reason = forms.CharField(
        label=_("Why you refuse"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Whoever asked sees this."),
    )
