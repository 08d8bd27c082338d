"""Two at once make one: a plan made twice, a concern triaged twice (the row's lock)."""

import pytest

from safeguarding import services
from safeguarding.models import FamilyConcern, PlanReview
from tests.concurrency import race

from .factories import concern, incident, make_support, plan_of


@pytest.mark.django_db(transaction=True)
def test_a_plan_made_twice_at_once_is_made_once(cast, woman_a):
    plan = plan_of(incident(cast, woman_a))

    def making(by, views):
        return lambda: make_support(cast, plan, by=by, her_views=views)

    outcomes = race(
        {"first": making(cast["safeguarding"], "One"), "second": making(cast["social"], "Two")}
    )

    assert "This plan is made already: change it or review it." in outcomes
    plan.refresh_from_db()
    assert plan.made_at is not None and plan.her_views in ("One", "Two")
    assert not PlanReview.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_concern_triaged_twice_at_once_is_triaged_once(cast, woman_a):
    record = concern(cast, woman_a)

    def triaging(by, reason):
        return lambda: services.triage_concern(
            by=by, concern=record, outcome="closed", reason=reason
        )

    outcomes = race(
        {
            "first": triaging(cast["safeguarding"], "Safe"),
            "second": triaging(cast["governor"], "Fine"),
        }
    )

    assert "This concern is triaged already." in outcomes and len(outcomes) == 2
    assert FamilyConcern.objects.get().reason in ("Safe", "Fine")
