"""Reception's queue: who is still in reception, and what each admission still lacks."""

from datetime import timedelta

import pytest

from admissions.models import Admission
from admissions.services import complete_admission, record_rights_offer
from conftest import client_for
from health.tests.factories import admitted_woman
from register.services import record_child
from tests import queues

pytestmark = pytest.mark.django_db


def offer_all(cast, admission, items=("family_contact", "legal_advice", "information", "consular")):
    for item in items:
        record_rights_offer(
            by=cast["reception"], admission=admission, item=item, outcome="done", language="my"
        )


def child_outside(cast, admission, **fields):
    return record_child(
        by=cast["reception"],
        mother=admission.prisoner,
        given_names="Nilar",
        date_of_birth="2019-05-01",
        location="Mawlamyine",
        custody="relative",
        **fields,
    )


def test_the_queue_says_what_each_admission_still_lacks(cast, facility_a):
    waiting = admitted_woman(cast, facility_a, prison_number="A1", family_name="Win")
    offer_all(cast, waiting, items=("family_contact", "information"))
    ready = admitted_woman(cast, facility_a, prison_number="A2", family_name="Aung")
    offer_all(cast, ready)
    child_outside(cast, ready, arrangements="With her grandmother")

    client = client_for(cast["reception"])
    response = queues.page(client, "reception")
    listed = {row.split(" ")[1]: row for row in queues.rows(response)}
    assert "Access to legal advice" in listed["Win"] and "consular" in listed["Win"]
    assert "Contact with her relatives" not in listed["Win"]
    assert "legal advice" not in listed["Aung"] and "arrangement" not in listed["Aung"]
    counts = queues.tab_counts(response)
    assert counts["All"] == 2 and counts["Rights to offer"] == 1
    assert counts["Ready to complete"] == 1 and counts["A child without an arrangement"] == 0
    assert queues.dashboard_counts(client, "reception") == counts


def test_a_child_without_an_arrangement_holds_her_in_reception_until_one_is_recorded(
    cast, facility_a
):
    admission = admitted_woman(cast, facility_a)
    offer_all(cast, admission)
    child_outside(cast, admission)
    client = client_for(cast["reception"])
    counts = queues.tab_counts(queues.page(client, "reception"))
    assert counts["A child without an arrangement"] == 1 and counts["Ready to complete"] == 0
    row = queues.rows(queues.page(client, "reception", bucket="children"))[0]
    assert "a child's arrangement (Rule 2.2)" in row
    assert "Nilar" not in row  # her name is for the register, not this list


def test_a_completed_admission_leaves_the_queue(cast, facility_a):
    admission = admitted_woman(cast, facility_a)
    offer_all(cast, admission)
    client = client_for(cast["reception"])
    assert queues.tab_counts(queues.page(client, "reception"))["All"] == 1
    complete_admission(by=cast["reception"], admission=admission)
    body = queues.page(client, "reception").content.decode()
    assert "Nobody is waiting in reception." in body


def test_one_in_reception_over_a_day_is_in_its_own_bucket(cast, facility_a):
    old = admitted_woman(cast, facility_a, prison_number="A1")
    Admission.objects.filter(pk=old.pk).update(admitted_at=old.admitted_at - timedelta(hours=30))
    admitted_woman(cast, facility_a, prison_number="A2")
    client = client_for(cast["reception"])
    assert queues.tab_counts(queues.page(client, "reception"))["In reception over 24 hours"] == 1


def test_the_queues_queries_do_not_grow_with_its_rows(cast, facility_a):
    client = client_for(cast["reception"])
    admitted_woman(cast, facility_a, prison_number="A0")
    queues.queries_do_not_grow(
        client,
        "/queues/reception/",
        lambda: [admitted_woman(cast, facility_a, prison_number=f"A{n}") for n in range(1, 6)],
    )


def test_another_facilitys_admissions_are_not_hers(cast, facility_a):
    admitted_woman(cast, facility_a)
    client = client_for(cast["outsider"])
    assert queues.tab_counts(queues.page(client, "reception"))["All"] == 0


@pytest.mark.parametrize("role", ["custody", "health", "social", "safeguarding", "inspector"])
def test_the_queue_is_receptions(cast, facility_a, role):
    admitted_woman(cast, facility_a)
    assert queues.page(client_for(cast[role]), "reception").status_code == 404
