"""The inspector reads how each kind of task a Rule sets a deadline for was kept in a period:
done in time, done late and by how long, still open past its time (Rules 25.3, 67). Counts
only, of her facilities: nothing of any woman, nor what a clinical task is about."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from conftest import client_for
from reminders.models import Basis, Reminder, Status
from reminders.services import schedule_reminder, timeliness
from tests.versions import VersionedAPIClient

pytestmark = pytest.mark.django_db
KIND = "health.screening_follow_up"
TITLE = gettext_lazy("See her again after her entry screening")


def task(facility, woman, n, *, due, status=Status.PENDING, closed=None, basis=Basis.MUST):
    reminder = schedule_reminder(
        key=f"timeliness:{facility.code}:{n}",
        kind=KIND,
        rule="6",
        title=TITLE,
        facility=facility,
        assignee_role="health",
        due_at=due,
        prisoner=woman,
        basis=basis,
        confidential=True,
    )
    Reminder.objects.filter(pk=reminder.pk).update(status=status, closed_at=closed)


@pytest.fixture
def kept(facility_a, facility_b, woman_a, woman_b):
    now = timezone.now()
    day = timedelta(days=1)
    task(facility_a, woman_a, 1, due=now - 5 * day, status=Status.DONE, closed=now - 6 * day)
    task(facility_a, woman_a, 2, due=now - 5 * day, status=Status.DONE, closed=now - 4 * day)
    task(facility_a, woman_a, 3, due=now - 4 * day, status=Status.DONE, closed=now - day)
    task(facility_a, woman_a, 4, due=now - 2 * day, status=Status.ESCALATED)
    task(facility_a, woman_a, 5, due=now - 2 * day, status=Status.CANCELLED, closed=now)
    task(facility_a, woman_a, 6, due=now + 2 * day)  # not due yet: due, not overdue
    task(facility_a, woman_a, 7, due=now - 60 * day, status=Status.ESCALATED)  # before
    task(facility_a, woman_a, 8, due=now - 2 * day, basis=Basis.GUIDANCE)  # no Rule's deadline
    task(facility_b, woman_b, 9, due=now - 2 * day, status=Status.ESCALATED)  # elsewhere


@pytest.mark.rule("25.3")
def test_each_kind_is_counted_in_time_late_and_open_past_its_time(kept, cast, facility_a):
    from facilities.models import Facility

    today = timezone.localdate()
    facilities = Facility.objects.filter(pk=facility_a.pk)
    period = (today - timedelta(days=29), today + timedelta(days=3))
    [row] = timeliness(facilities, *period, viewer=cast["inspector"])
    assert (row["kind"], row["rule"], row["due"]) == (KIND, "6", 6)
    assert (row["in_time"], row["late"], row["cancelled"], row["overdue"]) == (1, 2, 1, 1)
    assert row["late_by"] == timedelta(days=2) and row["longest"] == timedelta(days=3)
    assert row["title"] == "See her again after her entry screening"


@pytest.mark.rule("25.3")
@pytest.mark.parametrize("role", ["governor", "inspector"])
def test_oversight_shows_them_without_any_woman(kept, cast, facility_a, role):
    end = (timezone.localdate() + timedelta(days=3)).isoformat()
    page = client_for(cast[role]).get(
        reverse("oversight:overview"), {"facility": facility_a.code, "end": end}
    )
    text = page.content.decode()
    table = text[
        text.index('data-testid="timeliness"') : text.index(
            "</table>", text.index('data-testid="timeliness"')
        )
    ]
    row = table[table.index(f'data-testid="timeliness-{KIND}"') :]
    cells = [
        c.split(">", 1)[1].split("<", 1)[0] for c in row.split('<td class="govuk-table__cell')[1:]
    ]
    assert cells[0] == "See her again after her entry screening"
    assert "2 days (3 days)" in row and "Bangkok Rule 6" in row
    assert "Malee" not in table and "A00001" not in table


def test_none_due_says_so(cast):
    text = client_for(cast["inspector"]).get(reverse("oversight:overview")).content.decode()
    assert "No task with a deadline a Rule sets was due in this facility and period." in text


@pytest.mark.rule("25.3")
def test_the_api_gives_the_same_counts(kept, cast, facility_a):
    api = VersionedAPIClient()
    api.force_authenticate(cast["inspector"])
    end = (timezone.localdate() + timedelta(days=3)).isoformat()
    body = api.get("/api/v1/oversight/", {"facility": facility_a.code, "end": end}).json()
    [row] = body["timeliness"]
    assert (row["due"], row["in_time"], row["late"], row["overdue"]) == (6, 1, 2, 1)
    assert row["late_by"] == "2 00:00:00" and row["longest"] == "3 00:00:00"


@pytest.mark.rule("25")
def test_a_task_hidden_from_her_is_not_counted_for_her(kept, cast, facility_a):
    """A task about a report that names her is hidden from her: the counts don't betray it."""
    from facilities.models import Facility

    Reminder.objects.get(key=f"timeliness:{facility_a.code}:4").hidden_from.add(cast["governor"])
    today = timezone.localdate()
    facilities = Facility.objects.filter(pk=facility_a.pk)
    period = (today - timedelta(days=29), today + timedelta(days=3))
    [hers] = timeliness(facilities, *period, viewer=cast["governor"])
    [theirs] = timeliness(facilities, *period, viewer=cast["inspector"])
    assert (hers["due"], hers["overdue"]) == (5, 0)
    assert (theirs["due"], theirs["overdue"]) == (6, 1)
