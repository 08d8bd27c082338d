"""Two of the same act at once: one health check and one review a use of force, whatever the
timing (each under the use of force's row lock)."""

import pytest

from force.models import ForceHealthCheck, ForceReview
from force.services import record_health_check, review_force
from staff.tests.factories import make_staff
from tests.concurrency import race

from .factories import use_force


@pytest.mark.django_db(transaction=True)
def test_two_governors_reviewing_at_once_make_one_review(cast, woman_a, facility_a):
    force = use_force(cast, woman_a)
    other = make_staff("governor", facility_a, username="governor_two")

    def review(by):
        return lambda: review_force(by=by, force=force, outcome="justified", findings="Fine.")

    outcomes = race({"first": review(cast["governor"]), "second": review(other)})

    assert "This use of force has been reviewed already." in outcomes
    assert len(outcomes) == 2
    assert ForceReview.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_health_checks_at_once_make_one(cast, woman_a, facility_a):
    force = use_force(cast, woman_a)
    other = make_staff("health", facility_a, username="nurse_two")

    def check(by):
        return lambda: record_health_check(by=by, force=force, examined=False)

    outcomes = race({"first": check(cast["health"]), "second": check(other)})

    assert "The health check after this use of force is recorded already." in outcomes
    assert len(outcomes) == 2
    assert ForceHealthCheck.objects.count() == 1
