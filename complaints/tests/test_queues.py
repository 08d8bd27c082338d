"""Safeguarding's caseload and the governor's actions held for review, as work queues."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from audit.models import AuditEvent
from complaints.services.complaints import (
    acknowledge_complaint,
    answer_complaint,
    assign_complaint,
)
from conftest import client_for
from prisoners.tests.factories import PrisonerFactory, UnitFactory
from tests import queues

from .factories import complaint, held_action, report

pytestmark = pytest.mark.django_db


def lodged(cast, woman, hours_ago: float, by="reception", **overrides):
    return complaint(
        cast[by],
        woman,
        received_at=timezone.now() - timedelta(hours=hours_ago),
        **overrides,
    )


def test_the_caseload_sorts_complaints_into_buckets_by_their_deadlines(cast, woman_a):
    safeguarding = cast["safeguarding"]
    fresh = lodged(cast, woman_a, 1)  # nobody deals with it: new, to acknowledge
    late_ack = lodged(cast, woman_a, 50)  # past the 48 hours to acknowledge
    acknowledged = lodged(cast, woman_a, 2)
    assign_complaint(by=safeguarding, complaint=acknowledged, to=safeguarding)
    acknowledge_complaint(by=safeguarding, complaint=acknowledged)
    late_answer = lodged(cast, woman_a, 24 * 31)  # past the 30 days to answer
    answered = lodged(cast, woman_a, 3)
    answer_complaint(by=safeguarding, complaint=answered, reply="Hot water is back.")

    client = client_for(safeguarding)
    counts = queues.tab_counts(queues.page(client, "complaints"))
    assert counts == {
        "All": 5,
        "New": 3,  # fresh, late_ack, late_answer: nobody assigned, not acknowledged
        "Due to acknowledge": 3,  # late or not
        "Due to answer": 1,
        "Overdue": 2,
    }
    overdue_page = queues.page(client, "complaints", bucket="overdue")
    assert len(queues.rows(overdue_page)) == 2
    acknowledge = queues.page(client, "complaints", bucket="acknowledge").content.decode()
    assert f'href="/complaints/{fresh.uuid}/"' in acknowledge
    assert f'href="/complaints/{answered.uuid}/"' not in acknowledge
    new = queues.page(client, "complaints", bucket="new").content.decode()
    assert f"/complaints/{acknowledged.uuid}/" not in new
    answer = queues.page(client, "complaints", bucket="answer").content.decode()
    assert f"/complaints/{acknowledged.uuid}/" in answer
    assert f"/complaints/{late_ack.uuid}/" not in answer
    assert f"/complaints/{late_answer.uuid}/" in overdue_page.content.decode()
    # The same counts on her dashboard, each a link to its bucket.
    assert queues.dashboard_counts(client, "complaints") == counts
    assert 'href="/queues/complaints/?bucket=overdue"' in client.get("/").content.decode()


def test_acknowledging_moves_a_complaint_from_to_acknowledge_to_to_answer(cast, woman_a):
    safeguarding = cast["safeguarding"]
    lodged(cast, woman_a, 1)
    it = lodged(cast, woman_a, 2)
    client = client_for(safeguarding)
    assert queues.tab_counts(queues.page(client, "complaints"))["Due to acknowledge"] == 2
    acknowledge_complaint(by=safeguarding, complaint=it)
    counts = queues.tab_counts(queues.page(client, "complaints"))
    assert counts["Due to acknowledge"] == 1 and counts["Due to answer"] == 1


def test_another_facilitys_complaint_is_not_in_the_caseload(cast, woman_a, woman_b):
    lodged(cast, woman_b, 1, by="outsider", subject="property")  # facility B: not hers
    body = queues.page(client_for(cast["safeguarding"]), "complaints").content.decode()
    assert "Thandar" not in body
    assert "No complaint is open in your facilities." in body


def test_a_complaint_naming_her_is_never_in_her_caseload(cast, woman_a):
    lodged(cast, woman_a, 1, named_staff=[cast["safeguarding"]])
    client = client_for(cast["safeguarding"])
    assert queues.tab_counts(queues.page(client, "complaints"))["All"] == 0
    assert queues.dashboard_counts(client, "complaints")["All"] == 0


def test_the_caseload_filters_by_kind_and_unit(cast, facility_a, woman_a):
    north = UnitFactory(facility=facility_a, code="N", name="North wing")
    other = PrisonerFactory(facility=facility_a, unit=north, family_name="Kaewta")
    lodged(cast, woman_a, 1)
    report(cast["reception"], other)
    client = client_for(cast["safeguarding"])
    by_kind = queues.rows(queues.page(client, "complaints", kind="abuse_report"))
    assert len(by_kind) == 1 and "Kaewta" in by_kind[0]
    by_unit = queues.page(client, "complaints", unit=str(north.uuid))
    assert [row for row in queues.rows(by_unit) if "Kaewta" in row] == queues.rows(by_unit)
    assert queues.tab_counts(by_unit)["All"] == 1
    # A filter keeps the bucket chosen, and an unknown value is no filter.
    assert queues.tab_counts(queues.page(client, "complaints", unit="nonsense"))["All"] == 2
    empty = queues.page(client, "complaints", kind="complaint", unit=str(north.uuid))
    assert "Nothing here matches what you chose." in empty.content.decode()


def test_the_caseload_pages_and_its_queries_do_not_grow_with_its_rows(cast, woman_a):
    client = client_for(cast["safeguarding"])
    lodged(cast, woman_a, 1)
    queues.queries_do_not_grow(
        client, "/queues/complaints/", lambda: [lodged(cast, woman_a, h) for h in range(2, 8)]
    )
    first = queues.page(client, "complaints", page_size=3)
    assert len(queues.rows(first)) == 3
    next_url = first.context["next_url"]
    second = client.get("/queues/complaints/" + next_url)
    third = client.get("/queues/complaints/" + second.context["next_url"])
    assert len(queues.rows(second)) == 3 and len(queues.rows(third)) == 1
    assert not set(queues.rows(first)) & set(queues.rows(second))


def test_a_page_of_the_caseload_is_audited_with_what_it_showed(cast, woman_a):
    shown = lodged(cast, woman_a, 1)
    queues.page(client_for(cast["safeguarding"]), "complaints")
    event = AuditEvent.objects.get(action="complaints.caseload_listed")
    assert event.disclosed == [str(shown.uuid)]


@pytest.mark.parametrize(
    "role", ["reception", "custody", "health", "social", "governor", "inspector", "sysadmin"]
)
def test_the_caseload_is_safeguardings_alone(cast, woman_a, role):
    lodged(cast, woman_a, 1)
    client = client_for(cast[role])
    assert queues.page(client, "complaints").status_code == 404
    assert "Complaints caseload" not in client.get("/").content.decode()


def test_the_governor_reviews_held_actions_from_her_queue(cast, woman_a):
    from complaints.services import review_held_action

    lodged(cast, woman_a, 1)
    held = held_action(cast["custody"], woman_a)
    governor = client_for(cast["governor"])
    counts = queues.tab_counts(queues.page(governor, "held-actions"))
    assert counts == {"All": 1, "Awaiting your review": 1, "Awaiting safeguarding's review": 1}
    assert queues.dashboard_counts(governor, "held-actions") == counts
    body = queues.page(governor, "held-actions").content.decode()
    assert f"/complaints/held/{held.uuid}/" in body
    review_held_action(by=cast["safeguarding"], held=held, retaliatory=False)
    counts = queues.tab_counts(queues.page(governor, "held-actions"))
    assert counts["Awaiting safeguarding's review"] == 0 and counts["Awaiting your review"] == 1
    for role in ("safeguarding", "custody", "inspector"):
        assert queues.page(client_for(cast[role]), "held-actions").status_code == 404


def test_the_held_actions_queries_do_not_grow_with_its_rows(cast, facility_a, woman_a):
    lodged(cast, woman_a, 1)
    held_action(cast["custody"], woman_a)
    governor = client_for(cast["governor"])

    def more():
        for n in range(4):
            woman = PrisonerFactory(facility=facility_a, prison_number=f"A0030{n}")
            lodged(cast, woman, 1)
            held_action(cast[("custody", "social")[n % 2]], woman)

    queues.queries_do_not_grow(governor, "/queues/held-actions/", more)
    assert queues.tab_counts(queues.page(governor, "held-actions"))["All"] == 5


def test_staff_of_two_facilities_choose_the_facility_then_its_unit(
    cast, facility_a, facility_b, woman_a
):
    """Staff of two facilities filter the queue by facility, and by unit once a facility is
    chosen (its units only: a national member of staff's queues offered 961 units); staff of
    one choose among her units as before, with no facility to choose."""
    from staff.tests.factories import make_staff

    north = UnitFactory(facility=facility_a, code="N", name="North wing")
    south = UnitFactory(facility=facility_b, code="S", name="South wing")
    on_north = PrisonerFactory(facility=facility_a, unit=north, family_name="Kaewta")
    elsewhere = PrisonerFactory(facility=facility_b, unit=south, family_name="Otherplace")
    lodged(cast, woman_a, 1)
    lodged(cast, on_north, 1)
    complaint(make_staff("reception", facility_b), elsewhere, received_at=timezone.now())
    both = client_for(make_staff("safeguarding", facility_a, facility_b))
    hint = "Choose a facility first: its units are then offered."

    def select(response, key: str) -> str:
        found = re.search(
            rf'<select[^>]* name="{key}".*?</select>', response.content.decode(), re.S
        )
        return found[0] if found else ""

    first = queues.page(both, "complaints")
    assert queues.tab_counts(first)["All"] == 3
    assert select(first, "facility").count("<option") == 3 and hint in first.content.decode()
    assert select(first, "unit").count("<option") == 1
    chosen = queues.page(both, "complaints", facility=facility_a.code)
    assert queues.tab_counts(chosen)["All"] == 2 and hint not in chosen.content.decode()
    assert (
        str(north.uuid) in select(chosen, "unit") and str(south.uuid) not in chosen.content.decode()
    )
    on_unit = queues.page(both, "complaints", facility=facility_a.code, unit=str(north.uuid))
    assert [row for row in queues.rows(on_unit) if "Kaewta" in row] == queues.rows(on_unit)
    assert queues.tab_counts(on_unit)["All"] == 1
    # A unit of another facility than the one chosen, or with none chosen, is no filter.
    assert queues.tab_counts(queues.page(both, "complaints", unit=str(north.uuid)))["All"] == 3
    mixed = queues.page(both, "complaints", facility=facility_b.code, unit=str(north.uuid))
    assert queues.tab_counts(mixed)["All"] == 1 and "Otherplace" in queues.rows(mixed)[0]
    one = queues.page(client_for(cast["safeguarding"]), "complaints")
    assert select(one, "facility") == "" and str(north.uuid) in select(one, "unit")
    assert hint not in one.content.decode()
