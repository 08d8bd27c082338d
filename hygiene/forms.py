from django import forms
from django.utils.translation import gettext_lazy as _

from bangkok.forms import DATETIME, StyledForm, moment

from .models import Basis, Category, Item


class ItemForm(StyledForm):
    name = forms.CharField(label=_("Item"), max_length=200)
    category = forms.ChoiceField(label=_("Category"), choices=Category.choices)
    price = forms.DecimalField(
        label=_("Price to her"),
        min_value=0,
        max_digits=8,
        decimal_places=2,
        initial=0,
        help_text=_("0 when it is free. Sanitary items are always free (Rule 5)."),
    )
    low_stock = forms.IntegerField(
        label=_("Low stock below"),
        min_value=0,
        initial=20,
        help_text=_("A stock check counting fewer than this tells the governor."),
    )


class ChangeItemForm(ItemForm):
    in_use = forms.BooleanField(
        label=_("In use"), required=False, help_text=_("Untick to stop issuing it.")
    )


class StockCheckForm(StyledForm):
    counted = forms.IntegerField(label=_("Counted in store"), min_value=0)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class WaterForm(StyledForm):
    unit = forms.ModelChoiceField(
        label=_("Where"),
        queryset=None,
        required=False,
        empty_label=_("The whole facility"),
    )
    started_at = forms.DateTimeField(label=_("When the water stopped"), widget=DATETIME)
    cause = forms.CharField(label=_("Cause"), max_length=500)
    provision = forms.CharField(
        label=_("What was provided meanwhile"),
        max_length=500,
        widget=forms.Textarea,
        help_text=_("Water brought in for the women's and children's personal care, and how."),
    )

    def __init__(self, *args, facility, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = facility.units.order_by("code")


class EndWaterForm(StyledForm):
    ended_at = moment(_("When the water came back"))


class IssueForm(StyledForm):
    item = forms.ModelChoiceField(label=_("Item"), queryset=Item.objects.none())
    quantity = forms.IntegerField(label=_("How many"), min_value=1, initial=1)

    def __init__(self, *args, facility, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = facility.hygiene_items.filter(in_use=True).order_by(
            "category", "name"
        )


class EntitlementForm(StyledForm):
    basis = forms.ChoiceField(label=_("Why"), choices=Basis.choices, widget=forms.RadioSelect)
    extra = forms.CharField(
        label=_("What she has besides the standard issue"),
        max_length=300,
        help_text=_(
            "For example: extra sanitary towels, a daily shower, extra water. Say what she "
            "has, never why."
        ),
    )

    def __init__(self, *args, bases=None, **kwargs):
        super().__init__(*args, **kwargs)
        if bases is not None:
            self.fields["basis"].choices = [c for c in Basis.choices if c[0] in bases]


class EndEntitlementForm(StyledForm):
    pass
