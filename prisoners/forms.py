"""The forms of her core record's pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from bangkok.forms import StyledForm, offer_only

from .models import Unit


class UnitChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Unit) -> str:
        return f"{obj.code} – {obj.name} ({obj.get_designation_display()})"


class PlaceForm(StyledForm):
    """The unit of her facility she moves to (Rules 49, 51.2; Mandela 11): only the units the
    Rules let her live on today are offered; the service judges whatever is posted."""

    unit = UnitChoice(
        label=_("Move her to"),
        queryset=Unit.objects.none(),
        empty_label=_("Choose a unit"),
        error_messages={"required": _("Choose the unit she moves to.")},
    )
    reason = forms.CharField(
        label=_("Why she moves"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, woman, **kwargs):
        from .services import units_for

        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = woman.facility.units.all()
        self.offered = units_for(woman)
        offer_only(self.fields["unit"], self.offered)
