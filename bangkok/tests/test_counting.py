import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from bangkok.counting import ALL, counts

pytestmark = pytest.mark.django_db


def test_every_count_is_the_querysets_own_and_all_of_them_are_one_statement(
    cast, facility_a, facility_b, woman_a, woman_b
):
    """What `QuerySet.count()` and `filter(...).count()` answer, for querysets of several
    tables, conditions that are NULL for some rows or cross a relation, and a queryset that is
    empty whatever the data (no statement for it)."""
    from facilities.models import Facility
    from prisoners.models import Prisoner
    from prisoners.tests.factories import PrisonerFactory
    from staff.models import User

    PrisonerFactory(facility=facility_a, prison_number="A00002", aliases=["Noi"])
    women = Prisoner.objects.all()
    conditions = {
        "here": Q(facility=facility_a),
        "no-unit": Q(unit__isnull=True),
        "not-in-b": ~Q(facility__code="B"),
        "named": Q(aliases__contains=["Noi"]),
        "none": Q(pk__in=[]),
    }
    staff = User.objects.filter(is_active=True)
    asked = [
        (women, conditions),
        (Facility.objects.all(), {"a": Q(code="A")}),
        (Prisoner.objects.none(), {"any": Q(facility=facility_a)}),
        (staff, {}),
    ]
    with CaptureQueriesContext(connection) as captured:
        answers = counts(asked)
    assert len(captured) == 1
    expected = [
        {ALL: women.count(), **{k: women.filter(q).count() for k, q in conditions.items()}},
        {ALL: Facility.objects.count(), "a": 1},
        {ALL: 0, "any": 0},
        {ALL: staff.count()},
    ]
    assert answers == expected
    assert answers[0] == {ALL: 3, "here": 2, "no-unit": 3, "not-in-b": 2, "named": 1, "none": 0}


def test_nothing_to_count_asks_nothing(db):
    from prisoners.models import Prisoner

    with CaptureQueriesContext(connection) as captured:
        assert counts([(Prisoner.objects.none(), {})]) == [{ALL: 0}]
        assert counts([]) == []
    assert len(captured) == 0
