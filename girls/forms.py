from django import forms
from django.utils.translation import gettext_lazy as _

from bangkok.forms import DATETIME, StyledForm

from .models import Event, How


class GuardianNoticeForm(StyledForm):
    event = forms.ChoiceField(label=_("Told of"), choices=Event.choices)
    reached = forms.TypedChoiceField(
        label=_("Were they reached?"),
        choices=[("true", _("Yes, they were told")), ("false", _("No, nobody could be reached"))],
        coerce=lambda value: value == "true",
        widget=forms.RadioSelect,
    )
    guardian = forms.CharField(label=_("Parent or guardian"), max_length=200)
    relationship = forms.CharField(
        label=_("Who they are to her"),
        max_length=100,
        help_text=_("Her mother, her father, her grandmother, her legal guardian..."),
    )
    how = forms.ChoiceField(label=_("How"), choices=How.choices)
    told_at = forms.DateTimeField(label=_("When"), widget=DATETIME)
    note = forms.CharField(
        label=_("What was said or tried"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when nobody could be reached: say what was tried."),
    )
