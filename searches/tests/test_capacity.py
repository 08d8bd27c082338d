"""Staff capacity for the governor and the inspector (Rules 29-35; RULES-SPEC 2.16): staff
working with women prisoners, women in senior posts, who holds each training, new starters
past the day their Rule 33.1 training was due; and the governor's reminder a month before."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import client_for
from reminders.models import Reminder
from searches.services import schedule_new_starter_reminders, staff_capacity
from searches.tasks import schedule_training_expiry_reminders as task
from staff.models import Course, Employment, Gender, Grade
from staff.services import grant_confirmed
from staff.tests.factories import make_staff

from .factories import trained

pytestmark = pytest.mark.django_db

KIND = "staff.new_starter_training"


def employ(user, *, grade=Grade.OFFICER, days_ago=None):
    started = None if days_ago is None else timezone.localdate() - timedelta(days=days_ago)
    return Employment.objects.create(user=user, grade=grade, started_on=started)


@pytest.fixture
def new_starter_days(settings):
    settings.NEW_STARTER_TRAINING_DAYS = 90
    return 90


@pytest.mark.rule("33.1")
def test_the_governor_is_reminded_a_month_before_a_new_starters_training_is_due(
    cast, facility_a, facility_b, new_starter_days
):
    officer = cast["custody"]
    grant_confirmed(user=officer, facilities=[facility_b])
    employ(officer, days_ago=60)
    assert schedule_new_starter_reminders() == 2
    reminders = Reminder.objects.filter(kind=KIND)
    assert {r.facility for r in reminders} == {facility_a, facility_b}
    reminder = reminders.first()
    assert reminder.assignee_role == "governor" and reminder.rule == "33.1"
    due = timezone.localdate() + timedelta(days=30)
    assert timezone.localdate(reminder.escalate_at) == due
    assert timezone.localdate(reminder.due_at) == due - timedelta(days=30)
    # Once: running it again, or the daily task, makes no other.
    assert schedule_new_starter_reminders() == 0 and task() == 0


@pytest.mark.rule("33.1")
def test_not_yet_within_the_month_nor_for_staff_who_dont_work_with_women(cast, new_starter_days):
    employ(cast["custody"], days_ago=59)
    employ(cast["inspector"], days_ago=200)  # she visits; Rule 33.1 is about prison staff
    employ(cast["reception"])  # started before it was recorded
    assert schedule_new_starter_reminders() == 0
    assert not Reminder.objects.filter(kind=KIND).exists()


@pytest.mark.rule("33.1")
def test_the_reminder_closes_once_she_is_trained(cast, new_starter_days):
    employ(cast["custody"], days_ago=100)
    schedule_new_starter_reminders()
    reminder = Reminder.objects.get(kind=KIND)
    trained(cast["custody"], Course.WOMENS_NEEDS)
    schedule_new_starter_reminders()
    reminder.refresh_from_db()
    assert reminder.status == "done" and reminder.outcome


def test_capacity_counts_her_facilities_staff_women_senior_posts_and_trainings(
    cast, facility_a, new_starter_days
):
    governor = cast["governor"]
    employ(governor, grade=Grade.SENIOR, days_ago=900)
    trained(governor, Course.WOMENS_NEEDS)
    employ(cast["custody"], days_ago=120)  # past the day, untrained
    employ(cast["health"], days_ago=10)
    man = make_staff("custody", facility_a, username="man", gender=Gender.MAN)
    employ(man, grade=Grade.SENIOR, days_ago=900)
    trained(cast["health"], Course.WOMENS_NEEDS)
    trained(man, Course.WOMENS_NEEDS)
    trained(man, Course.HIV)
    trained(
        cast["reception"],
        Course.WOMENS_NEEDS,
        completed=timezone.localdate() - timedelta(days=800),
        expires=timezone.localdate() - timedelta(days=1),
    )
    [capacity] = staff_capacity(governor)
    # The cast's staff of facility A who work with women (not the inspector), and the man.
    working = {"reception", "custody", "health", "social", "safeguarding", "governor"}
    assert capacity.facility == facility_a
    assert capacity.staff == len(working & set(cast)) + 1
    assert capacity.women == capacity.staff - 1
    assert (capacity.senior, capacity.senior_women) == (2, 1)
    assert capacity.trained[Course.WOMENS_NEEDS] == 3  # reception's has expired
    assert capacity.trained[Course.HIV] == 1
    assert capacity.new_starters_late == 1
    assert capacity.share(capacity.trained[Course.HIV]) == round(100 / capacity.staff)


def test_the_inspector_reads_the_figures_the_custody_officer_does_not(cast, facility_a):
    inspector = client_for(cast["inspector"])
    page = inspector.get("/searches/training/")
    assert page.status_code == 200
    body = page.content.decode()
    assert 'data-testid="capacity"' in body and "Senior posts held by women" in body
    api = inspector.get("/api/v1/training-capacity/")
    assert api.status_code == 200
    [figures] = api.json()
    assert figures["facility"] == facility_a.code
    courses = {row["course"]: row for row in figures["courses"]}
    assert courses["womens_needs"]["rule"] == "33.1"
    assert "username" not in str(figures)  # counts only, no names
    assert client_for(cast["custody"]).get("/api/v1/training-capacity/").status_code == 404


def test_two_facilities_have_a_column_each_and_one_together(cast, facility_a, facility_b):
    governor = make_staff("governor", facility_a, facility_b, username="both")
    capacity = staff_capacity(governor)
    assert [c.facility for c in capacity] == sorted(
        [facility_a, facility_b], key=lambda f: f.name
    ) + [None]
    assert capacity[-1].staff == capacity[0].staff + capacity[1].staff - 1  # herself in both


def test_the_figures_ask_as_many_queries_for_many_staff_as_for_few(cast, facility_a):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            staff_capacity(cast["governor"])
        return len(captured)

    queries()  # her role and permissions, read once a request
    few = queries()
    for n in range(5):
        member = make_staff("custody", facility_a, username=f"extra{n}")
        trained(member, Course.GENDER_SENSITIVITY)
        employ(member, days_ago=n)
    assert queries() == few
