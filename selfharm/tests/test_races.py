"""Two openings at once make one open case (her row's lock and the database constraint)."""

import pytest

from selfharm.models import Case
from selfharm.services import open_case
from tests.concurrency import race


@pytest.mark.django_db(transaction=True)
def test_two_openings_at_once_make_one_open_case(cast, woman_a):
    def opening(by):
        return lambda: open_case(by=by, prisoner=woman_a, concern="Crying.", prompt="distress")

    outcomes = race({"first": opening(cast["custody"]), "second": opening(cast["social"])})

    assert "She has an open self-harm case already." in outcomes
    assert len(outcomes) == 2
    assert Case.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_assessments_at_once_make_one(cast, woman_a, facility_a):
    from selfharm.models import Assessment
    from selfharm.services import assess
    from staff.tests.factories import make_staff

    from .factories import PLAN, trained

    case = open_case(by=cast["custody"], prisoner=woman_a, concern="Crying.", prompt="distress")
    other = make_staff("social", facility_a, username="social_two")
    trained(cast["health"])
    trained(other)

    def assessing(by):
        return lambda: assess(by=by, case=case, took_part=True, risk="low", plan=PLAN)

    outcomes = race({"first": assessing(cast["health"]), "second": assessing(other)})

    assert "This case is assessed already." in outcomes
    assert Assessment.objects.count() == 1
