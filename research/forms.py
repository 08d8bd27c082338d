from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bangkok.forms import StyledForm

FIRST_YEAR = 2000


class YearForm(StyledForm):
    """Which year and which of her facilities (all of them together unless she says)."""

    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False)
    facility = forms.ChoiceField(label=_("Facility"), required=False)

    def __init__(self, data, *, facilities, **kwargs):
        data = data.copy()
        this_year = timezone.localdate().year
        if not data.get("year"):
            data["year"] = str(this_year)
        super().__init__(data, **kwargs)
        self.fields["year"].choices = [
            (str(year), str(year)) for year in range(this_year, FIRST_YEAR - 1, -1)
        ]
        self.fields["facility"].choices = [("", _("All your facilities, and each"))] + [
            (f.code, str(f)) for f in facilities
        ]
