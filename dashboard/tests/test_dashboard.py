from datetime import timedelta

import pytest
from django.utils import timezone

from conftest import client_for
from reminders.services import schedule_reminder, sweep_reminders

pytestmark = pytest.mark.django_db


def task(facility, woman, role, hours, key):
    return schedule_reminder(
        key=key,
        kind=f"demo.{role}",
        rule="M7",
        title=f"Task {key}",
        facility=facility,
        assignee_role=role,
        prisoner=woman,
        due_at=timezone.now() + timedelta(hours=hours),
    )


def test_the_dashboard_lists_what_is_due_today_for_her_role_in_her_facility(
    cast, facility_a, facility_b, woman_a, woman_b
):
    task(facility_a, woman_a, "reception", -2, "overdue")
    task(facility_a, woman_a, "reception", 72, "next-week")
    task(facility_a, woman_a, "health", -2, "not-mine")
    task(facility_b, woman_b, "reception", -2, "other-prison")
    sweep_reminders()
    body = client_for(cast["reception"]).get("/").content.decode()
    assert "Task overdue" in body
    for absent in ("Task next-week", "Task not-mine", "Task other-prison"):
        assert absent not in body


def test_the_governor_sees_escalated_tasks_of_every_role(cast, facility_a, woman_a):
    schedule_reminder(
        key="late",
        kind="demo.health",
        rule="6",
        title="Late task",
        facility=facility_a,
        assignee_role="health",
        prisoner=woman_a,
        due_at=timezone.now() - timedelta(hours=30),
        escalate_at=timezone.now() - timedelta(hours=6),
    )
    sweep_reminders()
    assert "Late task" in client_for(cast["governor"]).get("/").content.decode()
    assert "Late task" not in client_for(cast["custody"]).get("/").content.decode()


def test_a_user_with_no_facility_is_told_why_she_sees_nothing(cast):
    body = client_for(cast["unassigned"]).get("/").content.decode()
    assert "not assigned to any facility" in body


def test_the_sysadmin_dashboard_offers_accounts_and_no_case_data(cast, woman_a):
    body = client_for(cast["sysadmin"]).get("/").content.decode()
    assert "Staff accounts" in body
    assert "Srisuk" not in body and "Women in custody" not in body


def test_the_task_list_lets_her_mark_a_task_done(cast, facility_a, woman_a):
    reminder = task(facility_a, woman_a, "reception", -1, "call")
    client = client_for(cast["reception"])
    assert "Task call" in client.get("/tasks/").content.decode()
    response = client.post(f"/tasks/{reminder.uuid}/done/", {"outcome": "Called"}, follow=True)
    body = response.content.decode()
    assert "Marked as done" in body
    assert "You have no open tasks." in body


def test_her_queues_are_counted_on_the_dashboard_in_queries_that_do_not_grow(cast, woman_a):
    from complaints.tests.factories import complaint
    from tests import queues

    client = client_for(cast["safeguarding"])
    complaint(cast["reception"], woman_a)
    queues.queries_do_not_grow(
        client, "/", lambda: [complaint(cast["reception"], woman_a) for _ in range(4)]
    )
    assert queues.dashboard_counts(client, "complaints")["All"] == 5


def test_a_queue_page_link_tampered_with_shows_nothing(cast):
    client = client_for(cast["safeguarding"])
    assert client.get("/queues/complaints/", {"cursor": "not-a-cursor"}).status_code == 404
    assert client.get("/queues/no-such-queue/").status_code == 404


def test_the_head_counts_are_the_women_in_custody_in_her_facilities_and_the_girls_among_them(
    cast, facility_a, woman_a, woman_b
):
    from prisoners.models import CustodyStatus, Prisoner
    from prisoners.tests.factories import PrisonerFactory

    sixteen = timezone.localdate().replace(year=timezone.localdate().year - 16, day=1)
    PrisonerFactory(facility=facility_a, prison_number="A00090", date_of_birth=sixteen)
    gone = PrisonerFactory(facility=facility_a, prison_number="A00091", date_of_birth=sixteen)
    Prisoner.objects.filter(pk=gone.pk).update(custody_status=CustodyStatus.RELEASED)
    response = client_for(cast["governor"]).get("/")
    assert response.context["counts"] == {"in_custody": 2, "juveniles": 1}


def test_the_governors_tasks_are_hers_and_every_teams_escalated_soonest_first(
    cast, facility_a, woman_a
):
    task(facility_a, woman_a, "governor", 5, "hers-later")
    task(facility_a, woman_a, "governor", -1, "hers-due")
    task(facility_a, woman_a, "health", -40, "health-escalated")
    task(facility_a, woman_a, "custody", -2, "custody-due")
    sweep_reminders()
    client = client_for(cast["governor"])
    listed = [t.key for t in client.get("/tasks/").context["page"].items]
    assert listed == ["health-escalated", "hers-due", "hers-later"]
    today = [t.key for t in client.get("/").context["today"]]
    assert today[:2] == ["health-escalated", "hers-due"]


def test_the_governors_tasks_and_dashboard_ask_as_many_queries_for_many_as_for_one(
    cast, facility_a, woman_a
):
    from prisoners.tests.factories import PrisonerFactory
    from tests import queues

    task(facility_a, woman_a, "governor", -1, "hers")
    sweep_reminders()
    client = client_for(cast["governor"])

    def more():
        for n, role in enumerate(("custody", "health", "social", "reception", "governor")):
            woman = PrisonerFactory(facility=facility_a, prison_number=f"A0030{n}")
            task(facility_a, woman, role, -30, f"late-{n}")
        sweep_reminders()

    few = {url: queues.queries_of(client, url) for url in ("/", "/tasks/")}
    more()
    assert {url: queues.queries_of(client, url) for url in ("/", "/tasks/")} == few
    assert len(client.get("/tasks/").context["page"].items) == 6


def test_the_dashboard_counts_in_one_statement_whatever_her_queues_or_facilities(
    cast, facility_a, facility_b, woman_a, monkeypatch
):
    """Her head counts, her tasks and every queue of hers with its buckets or parts are one
    statement (`bangkok.counting`): as many queries for a governor of two facilities as of
    one, and for more queues than she has."""
    from dataclasses import replace

    from reminders import queues
    from staff.tests.factories import make_staff
    from tests.queues import queries_of

    one = make_staff("governor", facility_a)
    both = make_staff("governor", facility_a, facility_b)
    task(facility_a, woman_a, "governor", -1, "hers")
    asked = queries_of(client_for(one), "/")
    assert queries_of(client_for(both), "/") == asked
    had = len(queues.queues_for(one))
    # Every other team's queue lent to her, and the parts of her authorities thrice over.
    for queue in queues.every_queue():
        if "governor" not in queue.roles:
            monkeypatch.setitem(queues._QUEUES, queue.key, replace(queue, roles=("governor",)))
    authorities = queues._QUEUES["authorities"]
    monkeypatch.setitem(
        queues._QUEUES,
        "authorities",
        replace(authorities, parts=lambda viewer: authorities.parts(viewer) * 3),
    )
    assert len(queues.queues_for(one)) > had + 3
    assert queries_of(client_for(one), "/") == asked
    assert queries_of(client_for(both), "/") == asked
