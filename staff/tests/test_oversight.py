"""Indicators 40-42 (Rules 29, 33-35) with the staff as they were on each period's last day:
her postings, her role and her grade read from their history, not today's."""

from datetime import date, datetime, timedelta

import pgtrigger
import pytest
from django.apps import apps
from django.utils import timezone

from facilities.models import Facility
from oversight import registry
from staff.models import Course, Employment, FacilityGrant, Gender, Grade, TrainingRecord

from .factories import make_staff

pytestmark = pytest.mark.django_db

HISTORY = ("FacilityGrantEvent", "RoleGrantEvent", "UserEvent", "EmploymentEvent")


def _back(user, days: int, **which) -> None:
    """Her history's rows (of `which` kind, or all) as if written `days` days ago."""
    at = timezone.now() - timedelta(days=days)
    names = [f"staff.{name}:append_only" for name in HISTORY if name != "EmploymentEvent"]
    with pgtrigger.ignore(*names):
        for name in which.get("only", HISTORY):
            events = apps.get_model("staff", name).objects
            mine = events.filter(pgh_obj=user) if name == "UserEvent" else events.filter(user=user)
            mine.filter(**which.get("filter", {})).update(pgh_created_at=at)


def _trained(user, course, days: int) -> None:
    completed = timezone.localdate() - timedelta(days=days)
    TrainingRecord.objects.create(
        user=user,
        course=course,
        completed=completed,
        in_effect_from=timezone.make_aware(datetime.combine(completed, datetime.min.time())),
    )


def _on(facility, key, day: date):
    found = registry._INDICATORS[key].counts(Facility.objects.filter(pk=facility.pk), [(day, day)])
    return found.get((0, facility.pk), (0, 0))


@pytest.mark.rule("33.1")
@pytest.mark.rule("29")
def test_the_staff_posted_on_the_day_as_they_were_not_as_they_are(facility_a):
    today = timezone.localdate()
    stayed = make_staff("custody", facility_a, username="stayed", gender=Gender.WOMAN)
    _back(stayed, 60)
    _trained(stayed, Course.WOMENS_NEEDS, 50)
    Employment.objects.create(user=stayed, grade=Grade.SENIOR)
    _back(stayed, 60, only=["EmploymentEvent"])
    moved = make_staff("custody", facility_a, username="moved", gender=Gender.MAN)
    _back(moved, 60)
    Employment.objects.create(user=moved, grade=Grade.SENIOR)
    _back(moved, 60, only=["EmploymentEvent"])
    FacilityGrant.objects.filter(user=moved).delete()  # posted away 20 days ago
    _back(moved, 20, only=["FacilityGrantEvent"], filter={"pgh_label": "facility.removed"})
    make_staff("custody", facility_a, username="new")  # posted today

    # Forty days ago both were posted there, one trained; both in senior posts, one a woman.
    assert _on(facility_a, "staff-gender-training", today - timedelta(days=40)) == (1, 2)
    assert _on(facility_a, "women-in-senior-posts", today - timedelta(days=40)) == (1, 2)
    # Ten days ago, the one posted away no longer counts; the one posted today not yet.
    assert _on(facility_a, "staff-gender-training", today - timedelta(days=10)) == (1, 1)
    assert _on(facility_a, "women-in-senior-posts", today - timedelta(days=10)) == (1, 1)
    # Seventy days ago, none of them was there yet.
    assert _on(facility_a, "staff-gender-training", today - timedelta(days=70)) == (0, 0)
    # Her grade and her role as they were: a senior post she took up only today.
    Employment.objects.filter(user=stayed).update(grade=Grade.OFFICER)
    assert _on(facility_a, "women-in-senior-posts", today - timedelta(days=10)) == (1, 1)
    assert _on(facility_a, "women-in-senior-posts", today)[1] == 0
