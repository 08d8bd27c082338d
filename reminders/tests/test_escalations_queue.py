"""The governor's escalations by team, and her authorities counted on her dashboard."""

from datetime import timedelta

import pytest
from django.utils import timezone

from conftest import client_for
from reminders.services import schedule_reminder, sweep_reminders
from tests import queues

pytestmark = pytest.mark.django_db


def overdue(key, role, woman, *, confidential=False, title=None):
    return schedule_reminder(
        key=key,
        kind=f"demo.{role}",
        rule="M7",
        title=title or f"Task {key}",
        facility=woman.facility,
        assignee_role=role,
        prisoner=woman,
        due_at=timezone.now() - timedelta(hours=30),
        escalate_at=timezone.now() - timedelta(hours=6),
        confidential=confidential,
    )


def test_escalations_are_grouped_by_the_team_that_owns_them(cast, woman_a, woman_b):
    overdue("r1", "reception", woman_a)
    overdue("r2", "reception", woman_a)
    overdue("c1", "custody", woman_a)
    overdue("h1", "health", woman_a, confidential=True, title="Antenatal contact due")
    overdue("b1", "reception", woman_b)  # another facility's
    schedule_reminder(
        key="soon",
        kind="demo.social",
        rule="26",
        title="Not late",
        facility=woman_a.facility,
        assignee_role="social",
        prisoner=woman_a,
        due_at=timezone.now() + timedelta(hours=3),
    )
    sweep_reminders()
    client = client_for(cast["governor"])
    response = queues.page(client, "escalations")
    counts = queues.tab_counts(response)
    assert counts["All"] == 4
    assert (counts["Reception"], counts["Custody"], counts["Health"], counts["Social work"]) == (
        2,
        1,
        1,
        0,
    )
    assert queues.dashboard_counts(client, "escalations") == counts
    health = queues.rows(queues.page(client, "escalations", bucket="health"))
    assert len(health) == 1 and "Health task (confidential)" in health[0]
    assert "Antenatal" not in response.content.decode()
    reception = queues.rows(queues.page(client, "escalations", bucket="reception"))
    assert len(reception) == 2 and all("Reception" in row for row in reception)


def test_the_escalations_filter_by_facility(cast, facility_a, facility_b, woman_a, woman_b):
    from staff.tests.factories import make_staff

    governor = make_staff("governor", facility_a, facility_b, username="regional")
    overdue("a", "reception", woman_a)
    overdue("b", "reception", woman_b)
    sweep_reminders()
    client = client_for(governor)
    assert queues.tab_counts(queues.page(client, "escalations"))["All"] == 2
    only_b = queues.rows(queues.page(client, "escalations", facility="B"))
    assert len(only_b) == 1 and "Thandar" in only_b[0]
    # The governor of one facility has no facility to choose (a choice of one is none).
    assert 'name="facility"' in queues.page(client, "escalations").content.decode()
    alone = queues.page(client_for(cast["governor"]), "escalations").content.decode()
    assert 'name="facility"' not in alone


def test_her_authorities_are_counted_on_her_dashboard_and_open_her_queue(cast, woman_a):
    client = client_for(cast["governor"])
    body = client.get("/").content.decode()
    assert 'data-testid="queue-total-authorities">(0)' in body
    assert 'href="/authority/"' in body and "Nothing is waiting." in body


@pytest.mark.parametrize(
    "role", ["reception", "custody", "health", "social", "safeguarding", "inspector"]
)
def test_no_other_role_has_the_escalations(cast, woman_a, role):
    client = client_for(cast[role])
    assert queues.page(client, "escalations").status_code == 404
    assert "Authorities waiting for you" not in client.get("/").content.decode()


def test_the_escalations_queries_do_not_grow_with_its_rows(cast, woman_a, facility_a):
    from prisoners.tests.factories import PrisonerFactory

    overdue("first", "reception", woman_a)
    sweep_reminders()
    client = client_for(cast["governor"])

    def more():
        for n, role in enumerate(("custody", "health", "social", "reception")):
            woman = PrisonerFactory(facility=facility_a, prison_number=f"A0020{n}")
            overdue(f"more{n}", role, woman, confidential=role == "health")
        sweep_reminders()

    queues.queries_do_not_grow(client, "/queues/escalations/", more)
    assert queues.tab_counts(queues.page(client, "escalations"))["All"] == 5
