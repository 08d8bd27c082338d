"""The safeguarding pages: record an incident from her page, make the victim's support plan with
the Rule 25.1 refusal beside the form, the list with its search and empty states, and what each
role reads (the inspector never who else was involved nor what happened)."""

import pytest
from django.utils import timezone

from audit.models import AuditEvent
from conftest import client_for
from safeguarding.models import FamilyConcern, Incident, Plan
from tests import refusals
from tests.her_page import open_her_page

from .factories import concern, incident, make_support, need, other_woman, plan_of

pytestmark = pytest.mark.django_db


def _moment():
    return timezone.localtime().strftime("%Y-%m-%dT%H:%M")


def test_custody_record_an_incident_from_her_page_naming_the_other_woman(cast, woman_a):
    bully = other_woman(woman_a, "S08801")
    client = client_for(cast["custody"])
    her = open_her_page(client, woman_a).content.decode()
    assert "Safeguarding" in her and 'data-testid="safeguarding-none"' in her

    response = client.post(
        f"/safeguarding/women/{woman_a.uuid}/incident/",
        {
            "kind": "threats",
            "her_part": "victim",
            "occurred_at": _moment(),
            "place": "The yard",
            "account": "Told she would be hurt if she spoke.",
            "injured": "no",
            "reported_by": "herself",
            "other_1_number": "s08801",
            "other_1_part": "perpetrator",
        },
        follow=True,
    )

    found = Incident.objects.get()
    assert response.redirect_chain[0][0] == f"/safeguarding/incidents/{found.uuid}/"
    body = response.content.decode()
    assert "Incident recorded." in body and bully.full_name in body
    assert Plan.objects.filter(involvement__incident=found).count() == 2
    her = open_her_page(client, woman_a).content.decode()
    assert 'data-testid="safeguarding-incidents"' in her
    assert AuditEvent.objects.filter(action="safeguarding.incident_read").exists()


def test_an_unknown_prison_number_is_named_beside_its_field(cast, woman_a):
    response = client_for(cast["custody"]).post(
        f"/safeguarding/women/{woman_a.uuid}/incident/",
        {
            "kind": "threats",
            "her_part": "victim",
            "occurred_at": _moment(),
            "place": "The yard",
            "account": "x",
            "injured": "no",
            "reported_by": "staff",
            "other_1_number": "NOPE1",
            "other_1_part": "perpetrator",
        },
    )
    assert response.status_code == 400
    assert "No woman with this prison number in her facility." in response.content.decode()
    assert not Incident.objects.exists()


@pytest.mark.rule("25.1")
def test_the_page_refuses_segregating_a_victim_beside_the_form(cast, woman_a):
    plan = plan_of(incident(cast, woman_a))
    client = client_for(cast["safeguarding"])
    form = client.get(f"/safeguarding/plans/{plan.uuid}/make/").content.decode()
    assert 'name="version"' in form

    with refusals.nothing_written(Plan):
        response = client.post(
            f"/safeguarding/plans/{plan.uuid}/make/",
            {"measures": ["segregation"], "support_offered": "on", "version": plan.version},
        )
    assert response.status_code == 400
    assert "Rule 25.1" in response.content.decode()
    plan.refresh_from_db()
    assert plan.made_at is None
    [attempt] = AuditEvent.objects.filter(action="rule.refused")
    assert attempt.detail["rule"] == "25.1"


@pytest.mark.rule("25.1")
def test_make_review_and_end_a_support_plan_from_the_pages(cast, woman_a):
    plan = plan_of(incident(cast, woman_a))
    client = client_for(cast["safeguarding"])

    response = client.post(
        f"/safeguarding/plans/{plan.uuid}/make/",
        {
            "measures": ["no_contact", "key_worker"],
            "support_offered": "on",
            "her_views": "I feel safer with a named officer.",
            "version": plan.version,
        },
        follow=True,
    )
    body = response.content.decode()
    assert "Plan made." in body and "A named member of staff she can go to" in body
    plan.refresh_from_db()
    response = client.post(
        f"/safeguarding/plans/{plan.uuid}/review/",
        {"notes": "No contact since.", "close": "on", "version": plan.version},
        follow=True,
    )
    assert 'data-testid="plan-ended"' in response.content.decode()
    assert client.get(f"/safeguarding/plans/{plan.uuid}/review/", follow=True).status_code == 200


def test_the_inspector_reads_that_an_incident_exists_never_who_or_what(cast, woman_a):
    bully = other_woman(woman_a, "S08803", family_name="Wongsa")
    found = incident(cast, woman_a, other=bully, account="Pushed down the stairs by her.")
    client = client_for(cast["inspector"])

    body = client.get(f"/safeguarding/incidents/{found.uuid}/").content.decode()
    assert "Bullying" in body and "Perpetrator" in body
    assert "Wongsa" not in body and "Pushed down" not in body and "S08803" not in body
    her = open_her_page(client, woman_a).content.decode()
    assert "Wongsa" not in her and "Pushed down" not in her
    listed = client.get("/safeguarding/").content.decode()
    assert "Wongsa" not in listed and 'name="q"' not in listed
    assert not AuditEvent.objects.filter(action="safeguarding.incident_read").exists()


def test_the_list_searches_pages_and_says_when_empty(cast, woman_a):
    client = client_for(cast["custody"])
    empty = client.get("/safeguarding/").content.decode()
    assert "No incident between women is recorded in your facilities." in empty

    incident(cast, woman_a, other=other_woman(woman_a, "S08804"))
    incident(cast, other_woman(woman_a, "S08805"), other=other_woman(woman_a, "S08806"))
    assert client.get("/safeguarding/").content.decode().count("govuk-table__row") == 3 + 6
    found = client.get("/safeguarding/?q=Srisuk").content.decode()
    assert "Malee Srisuk" in found and "S08805" not in found
    none = client.get("/safeguarding/?q=Nobody").content.decode()
    assert "No incident matches the search." in none
    paged = client.get("/safeguarding/?page_size=1").content.decode()
    assert 'rel="next"' in paged
    by_kind = client.get("/safeguarding/?kind=violence").content.decode()
    assert "No incident matches the search." in by_kind


def test_a_family_concern_is_recorded_and_triaged_from_the_pages(cast, woman_a):
    client = client_for(cast["reception"])
    response = client.post(
        f"/safeguarding/women/{woman_a.uuid}/concern/",
        {"raised_by": "Her aunt", "way": "letter", "concern": "She wrote that she is afraid."},
        follow=True,
    )
    record = FamilyConcern.objects.get()
    assert "Concern recorded." in response.content.decode()
    # Reception recorded it; what it says is for those who read concerns.
    assert "She wrote that she is afraid." not in response.content.decode()

    officer = client_for(cast["safeguarding"])
    queue = officer.get("/queues/family-concerns/").content.decode()
    assert woman_a.full_name in queue
    response = officer.post(
        f"/safeguarding/concerns/{record.uuid}/triage/",
        {"outcome": "closed", "reason": "Spoke with her: she is safe.", "version": record.version},
        follow=True,
    )
    assert "Concern triaged." in response.content.decode()
    record.refresh_from_db()
    assert record.triage == "closed"


@pytest.mark.rule("M5.2")
def test_a_need_without_adjustments_is_refused_beside_the_form(cast, woman_a):
    client = client_for(cast["social"])
    response = client.post(
        f"/safeguarding/women/{woman_a.uuid}/need/",
        {"kind": "sensory", "description": "Hard of hearing."},
    )
    assert response.status_code == 400 and "Mandela 5.2" in response.content.decode()
    response = client.post(
        f"/safeguarding/women/{woman_a.uuid}/need/",
        {"kind": "sensory", "description": "Hard of hearing.", "adjustments": "Written notices."},
        follow=True,
    )
    assert "Need and its plan recorded." in response.content.decode()


def test_her_section_shows_her_plans_needs_and_concerns(cast, woman_a):
    make_support(cast, plan_of(incident(cast, woman_a)))
    need(cast, woman_a)
    concern(cast, woman_a)
    body = open_her_page(client_for(cast["social"]), woman_a).content.decode()
    for testid in ("safeguarding-plans", "safeguarding-needs", "safeguarding-concerns"):
        assert f'data-testid="{testid}"' in body


def test_the_list_and_her_section_ask_as_many_queries_for_many_incidents_as_for_one(cast, woman_a):
    from tests.queues import queries_do_not_grow

    client = client_for(cast["safeguarding"])
    found = incident(cast, woman_a, injured=True)
    make_support(cast, plan_of(found))

    def more():
        for _n in range(3):
            made = incident(cast, woman_a, injured=True)
            make_support(cast, plan_of(made))

    queries_do_not_grow(client, "/safeguarding/", more)
    queries_do_not_grow(client, f"/women/{woman_a.uuid}/", more)


@pytest.mark.rule("25.1")
def test_the_change_page_refuses_segregating_a_victim_and_keeps_her_plan(cast, woman_a):
    plan = make_support(cast, plan_of(incident(cast, woman_a)))
    client = client_for(cast["social"])
    form = client.get(f"/safeguarding/plans/{plan.uuid}/change/").content.decode()
    assert 'value="no_contact"' in form and "checked" in form

    with refusals.nothing_written(Plan):
        response = client.post(
            f"/safeguarding/plans/{plan.uuid}/change/",
            {"measures": ["segregation"], "version": plan.version},
        )
    assert response.status_code == 400 and "Rule 25.1" in response.content.decode()
    plan.refresh_from_db()
    assert plan.measures == ["no_contact", "other_moved"]


@pytest.mark.rule("M5.2")
def test_the_review_page_refuses_ending_a_need_as_met_without_its_adjustments(cast, woman_a):
    from safeguarding.models import CareReview

    found = need(cast, woman_a)
    with refusals.nothing_written(CareReview):
        response = client_for(cast["social"]).post(
            f"/safeguarding/needs/{found.uuid}/review/",
            {
                "in_place": "no",
                "notes": "Still upstairs.",
                "ended": "met",
                "version": found.version,
            },
        )
    assert response.status_code == 400 and "Mandela 5.2" in response.content.decode()
