"""The women list's search and filters, shared by the page and the API."""

import itertools

import django_filters
from django.db.models import Model, QuerySet
from django.forms.models import ModelChoiceIterator, ModelChoiceIteratorValue
from django.utils.translation import gettext_lazy as _
from django_filters import fields
from drf_spectacular.utils import extend_schema_field

from bangkok.pagination import Shape
from bangkok.prepared import prepared
from facilities.models import Facility, facility_label
from facilities.scope import ASSIGNED, facilities_of

from .models import CustodyStatus, LegalStatus, Prisoner, ProtectionFlags, Unit, unit_label
from .permissions import women_of_facilities


class _Rows(ModelChoiceIterator):
    """A select's options from the rows of the columns they show (`field.rows`), not from
    model instances: each a (value, label), or a group of them under its name."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        yield from self.field.rows(self.queryset)


def _choice(value, label) -> tuple:
    return ModelChoiceIteratorValue(value, None), label


class RowChoices(fields.ModelChoiceIterator, _Rows):
    """django-filter's options (its "null" option too) read as rows."""


class _Scoped(fields.ModelChoiceField):
    """A choice among the records of her facilities, its options read by SQL written once a
    connection (`bangkok.prepared`) with the ids of her facilities (`facility_ids`, read with
    her account), or from `queryset` without them."""

    iterator = RowChoices
    columns: tuple[str, ...]

    def __init__(self, *args, facility_ids=None, **kwargs):
        self.facility_ids = facility_ids
        super().__init__(*args, **kwargs)

    def rows(self, queryset):
        ids = self.facility_ids
        if not ids:
            return self.written(queryset.values_list(*self.columns))
        key = (f"{type(self).__name__} options", len(ids))
        options = self.options_in

        def build(*values):
            return options(Facility.objects.filter(pk__in=values)).values_list(*self.columns)

        return self.written(prepared(self.queryset.model, key, build, *ids))


# What staff of more than one facility are told before they choose one (here and in the work
# queues, `prisoners.queues`).
FACILITY_FIRST = _("Choose a facility first: its units are then offered.")


class UnitField(_Scoped):
    """The units to choose from, each written as `Unit.__str__` writes it, read as rows. Staff
    of more than one facility choose the facility first (`facility_first`): a national
    member of staff's units are a thousand options of 120 facilities, a hundred kilobytes
    of every page of the list, and writing them half of its CPU; until then only the
    unit chosen, if one is, is offered. Once a facility is chosen (`facility_code`), its
    units are offered (for staff of one facility, if it has any: a unit of another would
    find none of her women), and the unit chosen whatever its facility, so that the form
    shows what the list is filtered by; the units of more than one facility grouped under
    each facility's name (`Facility.__str__`), in the order of the units (by facility)."""

    columns = ("uuid", "facility__code", "facility__name", "code", "name")

    def __init__(self, *args, facility_code=None, unit_chosen=None, **kwargs):
        self.facility_code, self.unit_chosen = facility_code, unit_chosen
        super().__init__(*args, **kwargs)
        if self.facility_first and not facility_code:
            self.help_text = FACILITY_FIRST

    @property
    def facility_first(self) -> bool:
        return len(self.facility_ids or ()) > 1

    @staticmethod
    def options_in(facilities):
        return Unit.objects.filter(facility__in=facilities).select_related("facility")

    def rows(self, queryset):
        if self.facility_first and not (self.facility_code or self.unit_chosen):
            return iter(())
        return super().rows(queryset)

    def written(self, rows):
        rows = list(rows)
        if self.facility_first or any(row[1] == self.facility_code for row in rows):
            rows = [r for r in rows if r[1] == self.facility_code or str(r[0]) == self.unit_chosen]
        options = [
            _choice(uuid, unit_label(place, code, name)) for uuid, place, _n, code, name in rows
        ]
        places = [(place, name) for _uuid, place, name, _code, _name in rows]
        if len(set(places)) < 2:
            yield from options
            return
        for place, group in itertools.groupby(
            zip(places, options, strict=True), key=lambda p: p[0]
        ):
            yield facility_label(*place), [option for _place, option in group]


class FacilityField(_Scoped):
    """The facilities to choose from, as `Facility.__str__` writes them, read as rows."""

    columns = ("code", "name")

    @staticmethod
    def options_in(facilities):
        return facilities

    @staticmethod
    def written(rows):
        for code, name in rows:
            yield _choice(code, facility_label(code, name))


class _ScopedFilter(django_filters.ModelChoiceFilter):
    """Gives its field the ids of the facilities of the request's user (`_Scoped`)."""

    @property
    def field(self):
        user = getattr(self.get_request(), "user", None)
        self.extra["facility_ids"] = getattr(user, ASSIGNED, None)
        return super().field


class FacilityFilter(_ScopedFilter):
    field_class = FacilityField


@extend_schema_field({"type": "string", "description": "A unit's id (uuid); empty for any."})
class UnitFilter(_ScopedFilter):
    """Empty means "any unit", as on the page: the schema says string, not uuid. Its field
    offers the units of the facility chosen in the same filters, if one is."""

    field_class = UnitField

    @property
    def field(self):
        data = getattr(getattr(self, "parent", None), "data", None) or {}
        self.extra["facility_code"] = data.get("facility") or None
        self.extra["unit_chosen"] = data.get("unit") or None
        return super().field


def _facilities(request):
    return facilities_of(request.user) if request else Facility.objects.none()


def _units(request):
    if request is None:
        return Unit.objects.none()
    return UnitField.options_in(facilities_of(request.user))


# What a row of the list reads of her, on the page and in the API: the columns of one row
# rather than a record each of her, her facility, unit and flags (their making was a fifth of
# the list's time).
LIST_COLUMNS = (
    *("id", "uuid", "family_name", "given_names", "prison_number", "date_of_birth"),
    *("legal_status", "custody_status", "facility__code", "unit__code"),
    *(f"flags__{name}" for name in ProtectionFlags.FIELDS),
)


class PrisonerFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name or prison number"), method="search", max_length=100)
    facility = FacilityFilter(
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

    def filter_queryset(self, queryset):
        return self.filter_with(queryset, self.form.cleaned_data)

    def shape(self, user) -> Shape | None:
        """The list's query for `user` (`prisoners_visible_to` filtered by this valid form) as
        a shape of values (`bangkok.pagination.Shape`): the ids of her facilities (read with
        her account) and of the facility and unit chosen; the other choices are in its key.
        None for a search by name (its query is built each time) or a user read otherwise."""
        ids = getattr(user, ASSIGNED, None)
        chosen = self.form.cleaned_data
        if not ids or chosen.get("q"):
            return None
        records = {name: value for name, value in chosen.items() if isinstance(value, Model)}
        choices = tuple((name, value) for name, value in chosen.items() if name not in records)
        given = len(ids)

        def build(*values) -> QuerySet:
            women = women_of_facilities(*values[:given])
            stand_ins = zip(records.items(), values[given:], strict=True)
            each = {**chosen, **{name: type(record)(pk=pk) for (name, record), pk in stand_ins}}
            return self.filter_with(women, each)

        key = ("women list", given, tuple(records), choices)
        return Shape(Prisoner, key, build, (*ids, *(record.pk for record in records.values())))

    def filter_with(self, queryset, chosen: dict):
        """`queryset` filtered by `chosen` (a form's cleaned data): what `filter_queryset` does
        with the form's, for other values of the same filters (`shape`)."""
        for name, value in chosen.items():
            queryset = self.filters[name].filter(queryset, value)
        return queryset

    def search(self, queryset, name, value):
        return queryset.search(value)

    def only_juveniles(self, queryset, name, value):
        return queryset.juveniles() if value == "true" else queryset
