"""A query written once for its shape answers as the query built each time, whatever values it
is run with (`bangkok.prepared`)."""

import uuid

import pytest
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext

from bangkok.prepared import _SHAPES, EACH_TIME, Same, prepared
from facilities.models import Facility
from prisoners.models import Prisoner
from prisoners.tests.factories import FacilityFactory, PrisonerFactory

pytestmark = pytest.mark.django_db


def _by_number(facility_pk, woman_uuid):
    return (
        Prisoner.objects.filter(facility__in=Facility.objects.filter(pk__in=[facility_pk]))
        .filter(uuid=woman_uuid)
        .order_by()
        .select_related("facility", "unit", "flags")[:1]
    )


def test_the_same_records_as_the_query_built_each_time_for_any_values():
    first, second = FacilityFactory(), FacilityFactory()
    ann, bea = PrisonerFactory(facility=first), PrisonerFactory(facility=second)
    key = ("test", uuid.uuid4())
    for facility, woman in [(first, ann), (second, bea), (first, bea), (second, ann)]:
        built = list(_by_number(facility.pk, woman.uuid))
        with CaptureQueriesContext(connection) as queries:
            found = prepared(Prisoner, key, _by_number, facility.pk, woman.uuid)
        assert len(queries) == 1
        assert found == built
        for record, expected in zip(found, built, strict=True):
            assert record.facility.name == expected.facility.name  # related, in the one query
            assert record.flags.pk == expected.flags.pk
            assert record.full_name == expected.full_name


def test_values_rows_too():
    ann = PrisonerFactory()

    def numbers(pk):
        return Prisoner.objects.filter(pk=pk).order_by().values("prison_number")[:1]

    key = ("test values", uuid.uuid4())
    assert prepared(Prisoner, key, numbers, ann.pk) == [{"prison_number": ann.prison_number}]
    assert prepared(Prisoner, key, numbers, ann.pk + 1000) == []


def test_a_string_is_a_value_too():
    first, second = FacilityFactory(code="F1"), FacilityFactory(code="F2")

    def coded(code):
        return Facility.objects.filter(code=code).values("pk")

    key = ("test string", uuid.uuid4())
    assert prepared(Facility, key, coded, "F1") == [{"pk": first.pk}]
    assert prepared(Facility, key, coded, "F2") == [{"pk": second.pk}]
    assert prepared(Facility, key, coded, "F1' OR 'x'='x") == []


def test_a_value_turned_into_another_is_refused():
    FacilityFactory(code="F1")

    def containing(code):
        return Facility.objects.filter(code__contains=code)  # LIKE '%F%': another string

    with pytest.raises(ValueError, match="not parameters"):
        prepared(Facility, ("test like", uuid.uuid4()), containing, "F")


def test_a_value_written_into_the_sql_is_refused():
    ann = PrisonerFactory()

    def sliced(count):
        return Prisoner.objects.order_by("pk")[:count]  # the limit is written into the SQL

    with pytest.raises(ValueError, match="not parameters"):
        prepared(Prisoner, ("test refused", uuid.uuid4()), sliced, ann.pk)


def test_same_is_the_very_object():
    condition, alike = [1], [1]
    assert Same(condition) == Same(condition)
    assert Same(condition) != Same(alike)


def test_a_query_holding_a_moment_is_built_each_time():
    """A condition built from the clock would answer with its first moment for as long as the
    connection kept the query: such a query is not kept, and sees what was made since."""
    from django.utils import timezone

    ann = PrisonerFactory()
    built = []

    def made_by_now(pk):
        built.append(pk)
        return Prisoner.objects.filter(pk__gte=pk, created_at__lte=timezone.now()).values("pk")

    key = ("test moment", uuid.uuid4())
    assert prepared(Prisoner, key, made_by_now, ann.pk) == [{"pk": ann.pk}]
    assert len(built) == 2  # with stand-ins, found to hold a moment, then with her values
    bea = PrisonerFactory()
    found = prepared(Prisoner, key, made_by_now, ann.pk)
    assert {row["pk"] for row in found} == {ann.pk, bea.pk}
    assert built[2:] == [ann.pk]  # built each time, and only once
    kept = ("test no moment", uuid.uuid4())
    prepared(Prisoner, kept, lambda pk: Prisoner.objects.filter(pk=pk).values("pk"), ann.pk)
    shapes = connections["default"].__dict__[_SHAPES]
    assert kept in shapes
    assert shapes[key] is EACH_TIME
