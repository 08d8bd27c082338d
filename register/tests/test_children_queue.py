"""The social workers' queue of children whose whereabouts are unknown or who have no
arrangement for their care (Rules 2.2, 3)."""

import pytest

from audit.models import AuditEvent
from conftest import client_for
from health.tests.factories import admitted_woman
from register.services import record_child, update_child
from register.tests.factories import decide
from tests import queues

pytestmark = pytest.mark.django_db


def child(cast, mother, name, **fields):
    return record_child(
        by=cast["reception"],
        mother=mother,
        given_names=name,
        **{"date_of_birth": "2018-02-01", "location": "Yangon", "custody": "relative", **fields},
    )


@pytest.fixture
def mother(cast, facility_a):
    return admitted_woman(cast, facility_a).prisoner


def test_children_unknown_or_without_arrangement_are_in_the_queue(cast, mother):
    lost = child(cast, mother, "Lost", location="", location_unknown=True, custody="unknown")
    child(cast, mother, "Unarranged")
    child(cast, mother, "Settled", arrangements="With her aunt")
    decide(cast["social"], mother)
    baby = {"date_of_birth": "2026-01-01", "location": "", "custody": ""}
    child(cast, mother, "Inside", lives_with_mother=True, **baby)

    client = client_for(cast["social"])
    response = queues.page(client, "children")
    names = " ".join(queues.rows(response))
    assert "Lost" in names and "Unarranged" in names
    assert "Settled" not in names and "Inside" not in names
    counts = queues.tab_counts(response)
    assert counts == {"All": 2, "Whereabouts unknown": 1, "No arrangement": 2}
    assert queues.dashboard_counts(client, "children") == counts
    # Finding where the child lives takes her out of that bucket.
    update_child(
        by=cast["social"],
        child=lost,
        location="Hpa-an",
        location_unknown=False,
        custody="relative",
        arrangements="With her uncle",
    )
    assert queues.tab_counts(queues.page(client, "children")) == {
        "All": 1,
        "Whereabouts unknown": 0,
        "No arrangement": 1,
    }


def test_a_page_of_children_is_an_audited_read_of_their_identities(cast, mother):
    shown = child(cast, mother, "Unarranged")
    queues.page(client_for(cast["social"]), "children")
    event = AuditEvent.objects.get(action="child.identity_read", actor=cast["social"])
    assert event.disclosed == [str(shown.uuid)]


def test_the_queues_queries_do_not_grow_with_its_rows(cast, mother):
    client = client_for(cast["social"])
    child(cast, mother, "First")
    queues.queries_do_not_grow(
        client, "/queues/children/", lambda: [child(cast, mother, f"Other{n}") for n in range(4)]
    )
    first = queues.page(client, "children", page_size=2)
    assert len(queues.rows(first)) == 2 and first.context["next_url"]


@pytest.mark.parametrize(
    "role", ["reception", "custody", "health", "safeguarding", "governor", "inspector"]
)
def test_only_social_workers_have_the_queue(cast, mother, role):
    child(cast, mother, "Unarranged")
    client = client_for(cast[role])
    assert queues.page(client, "children").status_code == 404
    assert "Unarranged" not in client.get("/").content.decode()
