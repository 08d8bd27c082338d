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
