"""The separation of a child living with her mother (Rule 52), as a social worker records it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from bangkok.forms import StyledForm

from .models import Custody


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
