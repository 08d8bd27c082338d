"""The social workers' queue of contact lapses (Rules 26, 28)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from conftest import client_for
from prisoners.tests.factories import UnitFactory
from reminders.services import schedule_reminder
from tests import queues
from visits.services.reminders import schedule_contact_reminders

pytestmark = pytest.mark.django_db


def lapse(woman, kind, hours):
    return schedule_reminder(
        key=f"{kind}:{woman.uuid}",
        kind=kind,
        rule="26",
        title="No family contact recorded: help her keep in touch",
        facility=woman.facility,
        assignee_role="social",
        prisoner=woman,
        due_at=timezone.now() + timedelta(hours=hours),
    )


def test_the_sweeps_lapses_are_in_the_social_workers_queue(cast, woman_a):
    schedule_contact_reminders(now=timezone.now() + timedelta(days=400))
    client = client_for(cast["social"])
    counts = queues.tab_counts(queues.page(client, "contact"))
    assert counts["No family contact"] == 1
    assert queues.dashboard_counts(client, "contact") == counts


def test_lapses_by_kind_and_past_due_with_a_unit_filter(cast, facility_a, woman_a):
    from prisoners.tests.factories import PrisonerFactory

    east = UnitFactory(facility=facility_a, name="East")
    other = PrisonerFactory(facility=facility_a, unit=east, family_name="Kaewta")
    lapse(woman_a, "visits.family_contact", -2)
    lapse(other, "visits.child_visit", 5)
    client = client_for(cast["social"])
    assert queues.tab_counts(queues.page(client, "contact")) == {
        "All": 2,
        "No family contact": 1,
        "No visit with her children": 1,
        "Past due": 1,
    }
    only_east = queues.rows(queues.page(client, "contact", unit=str(east.uuid)))
    assert len(only_east) == 1 and "Kaewta" in only_east[0]


@pytest.mark.parametrize("role", ["reception", "custody", "health", "governor", "inspector"])
def test_only_social_workers_have_it(cast, woman_a, role):
    assert queues.page(client_for(cast[role]), "contact").status_code == 404


def test_the_queues_queries_do_not_grow_with_its_rows(cast, facility_a, woman_a):
    from prisoners.tests.factories import PrisonerFactory

    lapse(woman_a, "visits.family_contact", -2)
    client = client_for(cast["social"])

    def more():
        for n in range(4):
            woman = PrisonerFactory(facility=facility_a, prison_number=f"A0040{n}")
            lapse(woman, ("visits.family_contact", "visits.child_visit")[n % 2], n)

    queues.queries_do_not_grow(client, "/queues/contact/", more)
    assert queues.tab_counts(queues.page(client, "contact"))["All"] == 5
