"""The women list's search and filters, shared by the page and the API."""

import django_filters
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field

from facilities.models import Facility
from facilities.scope import facilities_of

from .models import CustodyStatus, LegalStatus, Prisoner, Unit


@extend_schema_field({"type": "string", "description": "A unit's id (uuid); empty for any."})
class UnitFilter(django_filters.ModelChoiceFilter):
    """Empty means "any unit", as on the page: the schema says string, not uuid."""


def _facilities(request):
    return facilities_of(request.user) if request else Facility.objects.none()


def _units(request):
    if request is None:
        return Unit.objects.none()
    return Unit.objects.filter(facility__in=facilities_of(request.user)).select_related("facility")


class PrisonerFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name or prison number"), method="search", max_length=100)
    facility = django_filters.ModelChoiceFilter(
        label=_("Facility"), queryset=_facilities, to_field_name="code", empty_label=_("Any")
    )
    unit = UnitFilter(label=_("Unit"), queryset=_units, to_field_name="uuid", empty_label=_("Any"))
    legal_status = django_filters.ChoiceFilter(
        label=_("Legal status"), choices=LegalStatus.choices, empty_label=_("Any")
    )
    custody_status = django_filters.ChoiceFilter(
        label=_("Custody"), choices=CustodyStatus.choices, empty_label=_("In custody or released")
    )
    juvenile = django_filters.ChoiceFilter(
        label=_("Girls under 18 only"),
        choices=[("true", _("Yes")), ("false", _("No"))],
        method="only_juveniles",
    )

    class Meta:
        model = Prisoner
        fields = ["q", "facility", "unit", "legal_status", "custody_status", "juvenile"]

    def search(self, queryset, name, value):
        return queryset.search(value)

    def only_juveniles(self, queryset, name, value):
        return queryset.juveniles() if value == "true" else queryset
