"""What the governor and the inspector oversee of uses of force, and the demo's records."""

from datetime import timedelta

import pytest
from django.utils import timezone

from facilities.models import Facility
from force import demo
from force.models import ForceHealthCheck, ForceReview, UseOfForce
from oversight.registry import overview
from prisoners.tests.factories import PrisonerFactory
from reminders.models import Reminder

from .factories import protect, use_force

pytestmark = pytest.mark.django_db


def _seen(user, woman):
    facilities = Facility.objects.filter(pk=woman.facility_id)
    today = timezone.localdate()
    zeros, lists = overview(user, facilities, today - timedelta(days=7), today)
    return (
        {z["item"].key: z for z in zeros},
        {entry["item"].key: entry["count"] for entry in lists},
    )


@pytest.mark.rule("24")
def test_force_on_a_protected_woman_and_in_a_protected_period_are_counted_with_their_cases(
    cast, woman_a
):
    use_force(cast, woman_a)
    protect(woman_a, restraint_health_approval=True)
    protected = use_force(cast, woman_a)
    protect(woman_a, no_restraint_obstetric=True)
    in_period = use_force(cast, woman_a)

    zeros, lists = _seen(cast["inspector"], woman_a)

    assert lists["force"] == 3
    assert lists["force-on-protected-women"] == 2
    period = zeros["force-protected-period"]
    assert period["count"] == 1
    assert [row.uuid for row in period["cases"]] == [in_period.uuid]
    assert "(protected)" in period["cases"][0].what
    for clinical in ("pregnan", "labour", "partum"):
        assert clinical not in period["cases"][0].what.lower()
    assert protected.protected


@pytest.mark.rule("M82")
def test_overdue_reviews_and_health_checks_count_until_done(cast, woman_a, settings):
    settings.LATE_RECORD_REASON_AFTER_HOURS = 200
    force = use_force(cast, woman_a, started_at=timezone.now() - timedelta(days=4))

    zeros, _lists = _seen(cast["governor"], woman_a)
    assert zeros["force-review-overdue"]["count"] == 1
    assert zeros["force-health-check-overdue"]["count"] == 1

    from force.services import record_health_check, review_force

    record_health_check(by=cast["health"], force=force, examined=False)
    review_force(by=cast["governor"], force=force, outcome="justified", findings="Fine.")
    zeros, _lists = _seen(cast["governor"], woman_a)
    # Done, but late: still counted, so a zero means every one was done in time.
    assert zeros["force-review-overdue"]["count"] == 1
    assert zeros["force-health-check-overdue"]["count"] == 1


def test_force_done_in_time_counts_nowhere(cast, woman_a):
    from force.services import record_health_check, review_force

    force = use_force(cast, woman_a)
    record_health_check(by=cast["health"], force=force, examined=False)
    review_force(by=cast["governor"], force=force, outcome="justified", findings="Fine.")

    zeros, _lists = _seen(cast["inspector"], woman_a)
    assert all(zeros[key]["count"] == 0 for key in zeros if key.startswith("force-"))


@pytest.mark.parametrize("role", ["custody", "health", "social", "safeguarding", "reception"])
def test_only_the_governor_and_the_inspector_oversee(cast, woman_a, role):
    use_force(cast, woman_a)

    zeros, lists = _seen(cast[role], woman_a)

    assert "force" not in lists and "force-protected-period" not in zeros


def test_the_demo_records_force_in_each_state(cast, facility_a):
    from complaints.services.complaints import lodge_complaint
    from restraints.tests.factories import restrain

    women = [PrisonerFactory(facility=facility_a) for _ in range(4)]
    protect(women[1], no_segregation=True)
    restrain(cast, women[2])
    lodge_complaint(
        by=cast["reception"],
        prisoner=women[3],
        kind="complaint",
        channel="letter",
        subject="conditions",
        narrative="No hot water.",
    )

    demo.seed(facility=facility_a, staff=cast, women=women)

    reviewed = UseOfForce.objects.get(prisoner=women[0])
    assert ForceReview.objects.filter(force=reviewed).exists()
    assert ForceHealthCheck.objects.filter(force=reviewed).exists()
    overdue = UseOfForce.objects.get(prisoner=women[1])
    assert overdue.protected and not ForceReview.objects.filter(force=overdue).exists()
    assert overdue in UseOfForce.objects.review_overdue()
    linked = UseOfForce.objects.get(prisoner=women[2])
    assert linked.restraint is not None
    after_report = UseOfForce.objects.get(prisoner=women[3])
    assert Reminder.objects.filter(key=f"force:{after_report.uuid}:after-report").exists()
