"""Health's queue of screenings, follow-ups and antenatal contacts (Rules 6-18, 48): health
staff's alone (Rule 8)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from conftest import client_for
from health.tests.factories import admitted_woman
from reminders.services import schedule_reminder
from tests import queues

pytestmark = pytest.mark.django_db


def task(woman, kind, title, hours):
    return schedule_reminder(
        key=f"{kind}:{woman.uuid}",
        kind=kind,
        rule="48",
        title=title,
        confidential=True,
        facility=woman.facility,
        assignee_role="health",
        prisoner=woman,
        due_at=timezone.now() + timedelta(hours=hours),
    )


def test_screenings_follow_ups_and_contacts_each_in_their_bucket(cast, facility_a):
    woman = admitted_woman(cast, facility_a).prisoner  # her entry screening is due
    task(woman, "health.antenatal_contact", "Antenatal contact due", 24)
    task(woman, "health.screening_follow_up", "Follow-up after screening", -3)
    client = client_for(cast["health"])
    response = queues.page(client, "health")
    assert queues.tab_counts(response) == {
        "All": 3,
        "Screenings due": 1,
        "Follow-ups": 1,
        "Antenatal and postnatal contacts": 1,
        "Past due": 1,
    }
    contacts = queues.rows(queues.page(client, "health", bucket="contacts"))
    assert len(contacts) == 1 and "Antenatal contact due" in contacts[0]
    assert f"/health/women/{woman.uuid}/" in response.content.decode()
    assert queues.dashboard_counts(client, "health")["Antenatal and postnatal contacts"] == 1


def test_the_queues_queries_do_not_grow_with_its_rows(cast, facility_a):
    client = client_for(cast["health"])
    admitted_woman(cast, facility_a, prison_number="A0")
    queues.queries_do_not_grow(
        client,
        "/queues/health/",
        lambda: [admitted_woman(cast, facility_a, prison_number=f"A{n}") for n in range(1, 5)],
    )


@pytest.mark.parametrize(
    "role", ["reception", "custody", "social", "safeguarding", "governor", "inspector"]
)
def test_no_other_role_has_it_nor_reads_its_titles(cast, facility_a, role):
    woman = admitted_woman(cast, facility_a).prisoner
    task(woman, "health.antenatal_contact", "Antenatal contact due", 24)
    client = client_for(cast[role])
    assert queues.page(client, "health").status_code == 404
    assert "Antenatal" not in client.get("/").content.decode()
