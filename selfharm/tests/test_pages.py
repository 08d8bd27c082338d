"""The self-harm pages: open a case from her page, assess with a care plan, review and close,
the check after, an incident and its clinical part; refusals beside the form; what each role
reads of a case and an incident (Rule 8: the clinical part is health staff's alone)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from audit.models import AuditEvent
from conftest import client_for
from prisoners.tests.factories import PrisonerFactory
from selfharm.models import Assessment, Case, ClosureCheck, PlanAction, Review
from tests import refusals
from tests.her_page import open_her_page

from .factories import assess, closed_case, incident, open_case, review, trained

pytestmark = pytest.mark.django_db


def _assessment(**fields):
    return {
        "took_part": "yes",
        "her_account": "I felt alone at night.",
        "risk": "raised",
        "triggers": "Nights alone.",
        "protective": "Her children.",
        "plan_1_what": "Talk with her each hour",
        "plan_1_team": "custody",
        "plan_1_when": "Hourly",
        "plan_2_what": "See the nurse",
        "plan_2_team": "health",
        "plan_2_when": "Daily",
        **fields,
    }


def test_custody_open_a_case_from_her_page(cast, woman_a):
    client = client_for(cast["custody"])
    her = open_her_page(client, woman_a).content.decode()
    assert "Self-harm and suicide risk" in her and "Open a self-harm case" in her

    response = client.post(
        f"/self-harm/women/{woman_a.uuid}/open/",
        {"concern": "Said she would end it.", "prompt": "said", "immediate_action": "Stayed"},
        follow=True,
    )

    case = Case.objects.get()
    assert response.redirect_chain[0][0] == f"/self-harm/{case.uuid}/"
    body = response.content.decode()
    assert "Case opened" in body and "Said she would end it." in body
    assert "Not assessed yet." in body
    her = open_her_page(client, woman_a).content.decode()
    assert 'data-testid="selfharm-open"' in her


@pytest.mark.rule("35")
def test_the_page_refuses_an_untrained_assessor_beside_the_form(cast, woman_a):
    case = open_case(cast, woman_a)
    with refusals.nothing_written(Assessment, PlanAction):
        response = client_for(cast["health"]).post(f"/self-harm/{case.uuid}/assess/", _assessment())

    assert response.status_code == 400
    assert "Rule 35" in response.content.decode()
    # What is kept is the attempt, for oversight (audit/refusals.py).
    [attempt] = AuditEvent.objects.filter(action="rule.refused")
    assert attempt.detail["rule"] == "35"


@pytest.mark.rule("16")
def test_assess_review_close_and_check_from_the_pages(cast, woman_a):
    case = open_case(cast, woman_a)
    trained(cast["health"])
    health = client_for(cast["health"])
    # The form names the version of the case it changes.
    assert 'name="version"' in health.get(f"/self-harm/{case.uuid}/assess/").content.decode()

    response = health.post(f"/self-harm/{case.uuid}/assess/", _assessment(), follow=True)
    assert "Assessment and care plan recorded." in response.content.decode()
    assert PlanAction.objects.filter(case=case).count() == 2

    alone = health.post(
        f"/self-harm/{case.uuid}/review/",
        {"participants": [cast["health"].pk], "took_part": "yes", "risk": "low", "close": "on"},
    )
    assert alone.status_code == 400 and "Rule 16" in alone.content.decode()
    assert not Review.objects.exists()

    closed = health.post(
        f"/self-harm/{case.uuid}/review/",
        {"participants": [cast["social"].pk], "took_part": "yes", "risk": "low", "close": "on"},
        follow=True,
    )
    assert "Review recorded." in closed.content.decode()
    case.refresh_from_db()
    assert not case.is_open

    checked = client_for(cast["social"]).post(
        f"/self-harm/{case.uuid}/check/", {"outcome": "well", "notes": "Well."}, follow=True
    )
    assert "Check recorded." in checked.content.decode()
    assert ClosureCheck.objects.get().case == case


def test_reception_and_the_inspector_see_that_a_case_exists_not_what_it_says(cast, woman_a):
    case = open_case(cast, woman_a, concern="Hid razor blades.")
    assess(cast, case, her_account="Her own words.")
    for role in ("reception", "inspector"):
        body = client_for(cast[role]).get(f"/self-harm/{case.uuid}/").content.decode()
        assert 'data-testid="case-dates"' in body
        assert "Hid razor blades." not in body and "Her own words." not in body
        assert "Talk with her every hour" not in body
    body = client_for(cast["safeguarding"]).get(f"/self-harm/{case.uuid}/").content.decode()
    assert "Hid razor blades." in body and "Her own words." in body


@pytest.mark.rule("8")
def test_the_clinical_part_of_an_incident_is_health_staffs_alone_and_its_read_audited(
    cast, woman_a
):
    found = incident(cast, woman_a)
    health = client_for(cast["health"])
    response = health.post(
        f"/self-harm/incidents/{found.uuid}/clinical/",
        {"method": "Cuts", "injuries": "Three cuts", "treatment": "Dressed"},
        follow=True,
    )
    assert "Clinical part recorded." in response.content.decode()
    assert "Three cuts" in response.content.decode()
    assert AuditEvent.objects.filter(action="selfharm.clinical_read").exists()
    for role in ("custody", "governor", "inspector", "social"):
        body = client_for(cast[role]).get(f"/self-harm/incidents/{found.uuid}/").content.decode()
        assert "Three cuts" not in body and "Recorded by health staff" in body
        her = open_her_page(client_for(cast[role]), woman_a).content.decode()
        assert "Three cuts" not in her


def test_a_forbidden_case_and_a_missing_one_answer_the_same(cast, woman_b):
    case = open_case(cast, woman_b, by=cast["outsider"])
    client = client_for(cast["custody"])
    forbidden = client.get(f"/self-harm/{case.uuid}/")
    missing = client.get("/self-harm/00000000-0000-0000-0000-000000000000/")
    assert forbidden.status_code == missing.status_code == 404
    # The same page but for its nonce (the not-found sweep compares them byte for byte).
    assert len(forbidden.content) == len(missing.content)


def test_her_section_asks_as_many_queries_for_many_incidents_as_for_one(cast, woman_a):
    client = client_for(cast["health"])
    incident(cast, woman_a)
    url = f"/women/{woman_a.uuid}/"

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    one = count()
    for place in ("Yard", "Dining hall", "Workshop"):
        incident(cast, woman_a, place=place)
    assert count() == one


def test_the_queue_buckets_and_its_queries_do_not_grow(cast, woman_a, facility_a):
    from tests import queues

    open_case(cast, woman_a)
    client = client_for(cast["custody"])

    def more():
        for n in range(3):
            woman = PrisonerFactory(facility=facility_a, prison_number=f"A0777{n}")
            closed_case(cast, woman)

    queues.queries_do_not_grow(client, "/queues/selfharm/", more)
    counts = queues.tab_counts(queues.page(client, "selfharm"))
    assert counts["Awaiting assessment"] == 1
    assert counts["Check after closure due"] == 3
    assert client_for(cast["reception"]).get("/queues/selfharm/").status_code == 404


def test_a_review_is_offered_only_once_assessed(cast, woman_a):
    case = open_case(cast, woman_a)
    client = client_for(cast["health"])
    response = client.get(f"/self-harm/{case.uuid}/review/")
    assert response.status_code == 302
    assess(cast, case)
    review(cast, case, risk="raised")
    assert client.get(f"/self-harm/{case.uuid}/review/").status_code == 200


def test_her_clinical_file_holds_her_incidents_clinical_parts_and_audits_their_ids(cast, woman_a):
    """Rule 8: health staff read the clinical part of her incidents with the rest of her file,
    and the file's read names the parts shown; an incident whose part is not recorded says so."""
    from selfharm.models import IncidentClinical
    from selfharm.services import record_clinical

    done, waiting = incident(cast, woman_a), incident(cast, woman_a)
    record_clinical(
        by=cast["health"],
        incident=done,
        method="Canaryfilemethod",
        injuries="A cut",
        treatment="Dressed",
    )
    part = IncidentClinical.objects.get(incident=done)
    page = client_for(cast["health"]).get(f"/health/women/{woman_a.uuid}/").content.decode()
    assert 'data-testid="file-selfharm"' in page and "Canaryfilemethod" in page
    assert "Clinical part to record" in page and str(waiting.uuid) in page
    read = AuditEvent.objects.filter(action="health.file_read").latest("id")
    assert str(part.uuid) in str(read.disclosed)
