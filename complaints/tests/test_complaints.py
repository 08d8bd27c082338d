"""Complaints and reports of abuse (Rules 7, 25; Mandela 57, 71): who lodges, who reads, who
is kept out, and what a report of abuse sets in motion the same day."""

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse

from audit.models import AuditEvent
from complaints.models import Complaint, ProtectionPlan
from complaints.services import complaints as services
from complaints.services import protected_against_retaliation
from conftest import client_for
from reminders.models import Reminder
from reminders.services import tasks_for
from staff.tests.factories import make_staff
from tests import refusals
from tests.her_page import open_her_page

from .factories import complaint, report

pytestmark = pytest.mark.django_db
NARRATIVE = "She says an officer pushed her on the stairs."


@pytest.fixture
def accused(facility_a):
    return make_staff("safeguarding", facility_a, username="accused_officer")


@pytest.mark.rule("25.1")
@pytest.mark.rule("7.2")
def test_a_report_of_abuse_sets_her_protection_in_motion_the_same_day(cast, woman_a):
    filed = report(cast["custody"], woman_a, wishes_legal_action=True, sexual=True)
    assert protected_against_retaliation(woman_a)
    kinds = set(Reminder.objects.filter(prisoner=woman_a).values_list("kind", flat=True))
    assert {
        "complaints.acknowledge",
        "complaints.reply",
        "complaints.plan",
        "complaints.support",
        "complaints.referral",
        "complaints.medical",
    } <= kinds
    plan = Reminder.objects.get(kind="complaints.plan")
    assert plan.due_at.date() == filed.received_at.date() and plan.rule == "25.1"
    medical = Reminder.objects.get(kind="complaints.medical")
    assert medical.assignee_role == "health" and medical.confidential  # Rule 25.2, masked
    assert NARRATIVE not in str(AuditEvent.objects.values_list("detail", flat=True))


@pytest.mark.rule("7.1")
def test_a_referral_is_asked_for_at_once_only_if_she_wants_legal_action(cast, woman_a):
    report(cast["custody"], woman_a)
    assert not Reminder.objects.filter(kind="complaints.referral").exists()


@pytest.mark.rule("25")
def test_staff_it_names_are_never_told_and_never_see_it(cast, woman_a, accused):
    filed = report(cast["custody"], woman_a, named_staff=[accused])
    assert not tasks_for(accused).exists()
    assert tasks_for(cast["safeguarding"]).filter(kind="complaints.acknowledge").exists()
    client = client_for(accused)
    assert client.get(reverse("complaints:detail", args=[filed.uuid])).status_code == 404
    page = open_her_page(client, woman_a).content.decode()
    assert NARRATIVE not in page and str(filed.uuid) not in page
    with pytest.raises(Http404):
        services.acknowledge_complaint(by=accused, complaint=filed)


@pytest.mark.rule("M71")
def test_it_is_never_assigned_to_someone_it_names(cast, woman_a, accused):
    filed = report(cast["custody"], woman_a, named_staff=[accused])
    assigned = Complaint.objects.values_list("assigned_to", flat=True)
    before = list(assigned)
    with refusals.refused("M71", Reminder):
        services.assign_complaint(by=cast["safeguarding"], complaint=filed, to=accused)
    assert list(assigned) == before
    services.assign_complaint(by=cast["safeguarding"], complaint=filed, to=cast["safeguarding"])
    assert Complaint.objects.get(pk=filed.pk).assigned_to == cast["safeguarding"]


@pytest.mark.rule("M71")
def test_staff_named_in_it_cant_take_it(cast, woman_a):
    with refusals.refused("M71", Complaint, Reminder):
        report(cast["custody"], woman_a, named_staff=[cast["custody"]])


@pytest.mark.rule("25")
def test_safeguarding_and_the_inspector_read_it_and_every_read_is_audited(cast, woman_a):
    filed = report(cast["custody"], woman_a)
    for role in ("safeguarding", "inspector"):
        page = client_for(cast[role]).get(reverse("complaints:detail", args=[filed.uuid]))
        assert page.status_code == 200 and NARRATIVE in page.content.decode()
    reads = AuditEvent.objects.filter(action="complaints.read")
    assert {e.actor_id for e in reads} >= {cast["safeguarding"].pk, cast["inspector"].pk}


@pytest.mark.rule("25")
@pytest.mark.parametrize("role", ["reception", "custody", "health", "social", "governor"])
def test_other_roles_dont_read_it(role, cast, woman_a):
    filed = report(cast["safeguarding"], woman_a)
    client = client_for(cast[role])
    assert client.get(reverse("complaints:detail", args=[filed.uuid])).status_code == 404
    page = open_her_page(client, woman_a).content.decode()
    assert NARRATIVE not in page and "Treatment by staff" not in page


def test_the_governor_sees_that_it_exists_and_its_status(cast, woman_a):
    report(cast["custody"], woman_a)
    page = open_her_page(client_for(cast["governor"]), woman_a)
    body = page.content.decode()
    assert "A complaint or report" in body and "Received" in body
    assert NARRATIVE not in body


@pytest.mark.rule("25.1")
def test_moving_her_rather_than_the_perpetrator_needs_a_reason(cast, woman_a):
    filed = report(cast["custody"], woman_a)
    with refusals.refused("25.1", ProtectionPlan):
        services.record_protection_plan(
            by=cast["safeguarding"],
            complaint=filed,
            measures=["she_is_moved"],
            support_offered=True,
        )
    plan = services.record_protection_plan(
        by=cast["safeguarding"],
        complaint=filed,
        measures=["perpetrator_moved", "no_contact"],
        support_offered=True,
    )
    assert plan.measures == ["perpetrator_moved", "no_contact"]
    assert Reminder.objects.get(kind="complaints.plan").status == "done"


@pytest.mark.rule("25.1")
@pytest.mark.rule("7.2")
def test_a_report_closes_only_with_its_plan_and_the_offer_of_support(cast, woman_a):
    officer = cast["safeguarding"]
    filed = report(cast["custody"], woman_a)
    services.answer_complaint(by=officer, complaint=filed, reply="The officer was moved.")
    with refusals.refused("25.1"):
        services.close_complaint(by=officer, complaint=filed)
    services.record_protection_plan(
        by=officer, complaint=filed, measures=["perpetrator_moved"], support_offered=True
    )
    with refusals.refused("7.2"):
        services.close_complaint(by=officer, complaint=filed)
    assert Complaint.objects.get(pk=filed.pk).status != "closed"
    services.offer_psychological_support(by=officer, complaint=filed)
    assert services.close_complaint(by=officer, complaint=filed).status == "closed"


def test_answering_closes_the_deadlines(cast, woman_a):
    filed = complaint(cast["reception"], woman_a)
    services.answer_complaint(by=cast["safeguarding"], complaint=filed, reply="Fixed.")
    open_kinds = Reminder.objects.open().filter(kind__startswith="complaints.")
    assert not open_kinds.filter(kind__in=["complaints.acknowledge", "complaints.reply"]).exists()
    with pytest.raises(ValidationError):
        services.answer_complaint(by=cast["safeguarding"], complaint=filed, reply="Again")


def test_a_report_of_abuse_says_when_and_by_whom(cast, woman_a):
    with pytest.raises(ValidationError):
        report(cast["custody"], woman_a, timing="")
    assert not Complaint.objects.exists()


def test_lodging_through_the_page_keeps_her_account_from_the_lodger(cast, woman_a):
    client = client_for(cast["custody"])
    url = reverse("complaints:lodge", args=[woman_a.uuid])
    empty = client.post(url, {})
    assert empty.status_code == 400 and not Complaint.objects.exists()
    answer = client.post(
        url,
        {
            "kind": "complaint",
            "channel": "in_person",
            "subject": "conditions",
            "narrative": "Cold cells at night.",
        },
    )
    assert answer.status_code == 302
    filed = Complaint.objects.get()
    assert client.get(reverse("complaints:detail", args=[filed.uuid])).status_code == 404


def test_safeguarding_deal_with_it_through_the_page(cast, woman_a):
    filed = report(cast["custody"], woman_a)
    client = client_for(cast["safeguarding"])
    plan = reverse("complaints:act", args=[filed.uuid, "plan"])
    refused = client.post(plan, {"measures": ["she_is_moved"], "support_offered": "on"})
    assert refused.status_code == 400
    assert "Bangkok Rule 25.1" in refused.content.decode()
    ok = client.post(plan, {"measures": ["perpetrator_moved"], "support_offered": "on"})
    assert ok.status_code == 302
    close = client.post(reverse("complaints:act", args=[filed.uuid, "close"]))
    assert close.status_code == 400 and "Answer it before closing it." in close.content.decode()


def test_the_api_reads_whole_for_safeguarding_and_status_only_for_the_governor(cast, woman_a):
    from signin.tests.factories import token_for

    report(cast["custody"], woman_a)

    def get(role):
        token = token_for(cast[role])
        url = f"/api/v1/prisoners/{woman_a.uuid}/complaints/"
        return client_for(None).get(url, HTTP_AUTHORIZATION=f"Token {token}")

    assert get("safeguarding").json()["results"][0]["narrative"] == NARRATIVE
    status_only = get("governor").json()["results"][0]
    assert "narrative" not in status_only and status_only["status"] == "received"
    assert get("custody").status_code == 404


@pytest.mark.rule("25")
@pytest.mark.rule("M71")
def test_to_a_safeguarding_officer_it_names_the_complaint_doesnt_exist_anywhere(
    cast, woman_a, accused
):
    """Pages, the API, lists, the oversight counts and tasks: a 404 or nothing at all."""
    from signin.tests.factories import token_for

    filed = report(cast["custody"], woman_a, named_staff=[accused])
    client = client_for(accused)
    for step in services_steps():
        assert client.post(reverse("complaints:act", args=[filed.uuid, step])).status_code == 404
    token = token_for(accused)
    api = client_for(None)
    auth = {"HTTP_AUTHORIZATION": f"Token {token}"}
    assert api.get(f"/api/v1/complaints/{filed.uuid}/", **auth).status_code == 404
    listed = api.get(f"/api/v1/prisoners/{woman_a.uuid}/complaints/", **auth).json()
    assert listed["results"] == []
    for op in ("acknowledge", "answer", "close", "protection-plan"):
        answer = api.post(
            f"/api/v1/complaints/{filed.uuid}/{op}/", {}, content_type="application/json", **auth
        )
        assert answer.status_code == 404, op
    assert Complaint.objects.get(pk=filed.pk).acknowledged_at is None
    assert not tasks_for(accused).exists()
    # Her colleague who isn't named reads it.
    assert (
        client_for(cast["safeguarding"])
        .get(reverse("complaints:detail", args=[filed.uuid]))
        .status_code
        == 200
    )


def services_steps():
    from complaints.actions import STEPS

    return list(STEPS)


def test_her_complaints_cost_the_same_queries_however_many(
    cast, woman_a, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from signin.tests.factories import token_for

    token = token_for(cast["safeguarding"])
    url = f"/api/v1/prisoners/{woman_a.uuid}/complaints/"
    auth = {"HTTP_AUTHORIZATION": f"Token {token}"}
    page = reverse("prisoners:detail", args=[woman_a.uuid])
    browser = client_for(cast["safeguarding"])
    report(cast["custody"], woman_a, named_staff=[cast["reception"]])
    client_for(None).get(url, **auth)
    with CaptureQueriesContext(connection) as one:
        client_for(None).get(url, **auth)
    with CaptureQueriesContext(connection) as one_page:
        browser.get(page)
    for _ in range(4):
        report(cast["custody"], woman_a, named_staff=[cast["reception"], cast["social"]])
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert len(client_for(None).get(url, **auth).json()["results"]) == 5
    with django_assert_max_num_queries(len(one_page.captured_queries)):
        browser.get(page)
