"""The work queues in the browser: safeguarding works her caseload of complaints from the
dashboard, and the governor her escalations by team and the authorities waiting for her.
The records are set up first; from sign-in on, only the browser."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from admissions.models import TransferProposal
from admissions.services import complete_admission, propose_transfer, record_rights_offer
from complaints.models import Complaint, HeldAction
from complaints.tests.factories import complaint
from health.tests.factories import admitted_woman
from register.services import record_child
from reminders.services import schedule_reminder, sweep_reminders
from tests.screenshots import screenshot
from tests.test_browser_admission import sign_in, signed_in

SHOTS = Path("/work/shots/queues")


def shot(page, name: str) -> None:
    screenshot(page, SHOTS / f"{name}.png", full_page=True)


@pytest.mark.browser
@pytest.mark.rule("25")
@pytest.mark.django_db(transaction=True)
def test_safeguarding_acknowledges_an_overdue_complaint_from_her_caseload(
    live_server, page, cast, facility_a
):
    base = live_server.url
    woman = admitted_woman(cast, facility_a).prisoner
    late = complaint(cast["reception"], woman, received_at=timezone.now() - timedelta(hours=60))
    complaint(cast["reception"], woman, subject="property")

    signed_in(page, base, "safeguarding")
    expect(page.get_by_role("heading", name="Your queues")).to_be_visible()
    shot(page, "safeguarding-dashboard")
    page.get_by_role("link", name="Complaints caseload").click()
    expect(page.get_by_role("heading", name="Complaints caseload")).to_be_visible()
    expect(page.get_by_role("link", name="Due to acknowledge (2)")).to_be_visible()
    page.get_by_role("link", name="Overdue (1)").click()
    expect(page.get_by_test_id("queue-table").get_by_role("row")).to_have_count(2)
    expect(page.get_by_text("Living conditions")).to_be_visible()
    shot(page, "safeguarding-caseload-overdue")

    page.get_by_role("link", name="Open the complaint").click()
    expect(page).to_have_url(f"{base}/complaints/{late.uuid}/")
    page.get_by_role("button", name="Record that it was acknowledged").click()
    expect(page.get_by_role("button", name="Record that it was acknowledged")).to_have_count(0)

    page.goto(f"{base}/")
    page.get_by_role("link", name="Due to acknowledge").click()
    expect(page.get_by_role("link", name="Due to acknowledge (1)")).to_be_visible()
    expect(page.get_by_role("link", name="Due to answer (1)")).to_be_visible()
    expect(page.get_by_role("link", name="Overdue (0)")).to_be_visible()
    expect(page.get_by_text("Living conditions")).to_have_count(0)
    expect(page.get_by_text("Property")).to_be_visible()
    shot(page, "safeguarding-caseload-after")
    assert Complaint.objects.get(pk=late.pk).acknowledged_at is not None


def overdue_task(key, role, woman, *, title, confidential=False):
    return schedule_reminder(
        key=key,
        kind=f"demo.{role}",
        rule="M7",
        title=title,
        facility=woman.facility,
        assignee_role=role,
        prisoner=woman,
        due_at=timezone.now() - timedelta(hours=30),
        escalate_at=timezone.now() - timedelta(hours=6),
        confidential=confidential,
    )


@pytest.mark.browser
@pytest.mark.rule("4")
@pytest.mark.django_db(transaction=True)
def test_the_governor_works_escalations_and_decides_an_authority_from_her_queue(
    live_server, page, cast, facility_a, facility_b
):
    base = live_server.url
    admission = admitted_woman(cast, facility_a)
    for item in ("family_contact", "legal_advice", "information", "consular"):
        record_rights_offer(
            by=cast["reception"], admission=admission, item=item, outcome="done", language="my"
        )
    complete_admission(by=cast["reception"], admission=admission)
    woman = admission.prisoner
    overdue_task("late-1", "reception", woman, title="Record her rights")
    overdue_task("late-2", "reception", woman, title="Sign her property")
    overdue_task("late-3", "health", woman, title="Antenatal contact due", confidential=True)
    sweep_reminders()
    proposal = propose_transfer(
        by=cast["reception"], admission=admission, to_facility=facility_b, reason="Room"
    )

    signed_in(page, base, "governor")
    expect(page.get_by_test_id("queue-total-escalations")).to_have_text("(3)")
    expect(page.get_by_test_id("queue-total-authorities")).to_have_text("(1)")
    shot(page, "governor-dashboard")
    page.get_by_role("link", name="Escalations by team").click()
    expect(page.get_by_role("link", name="Reception (2)")).to_be_visible()
    page.get_by_role("link", name="Health (1)").click()
    table = page.get_by_test_id("queue-table")
    expect(table.get_by_text("Health task (confidential)")).to_be_visible()
    assert "Antenatal" not in page.content()
    page.get_by_role("link", name="Reception (2)").click()
    expect(page.get_by_test_id("queue-table").get_by_role("row")).to_have_count(3)
    shot(page, "governor-escalations")

    page.locator("#main-content").get_by_role("link", name="Dashboard").click()
    page.get_by_role("link", name="Authorities waiting for you").click()
    expect(page.get_by_test_id("waiting-transfers")).to_contain_text(woman.full_name)
    shot(page, "governor-authorities")
    page.get_by_test_id("waiting-transfers").get_by_role("button", name="Give my authority").click()
    expect(page.get_by_test_id("waiting-transfers-empty")).to_be_visible()
    page.goto(f"{base}/")
    expect(page.get_by_test_id("queue-total-authorities")).to_have_text("(0)")
    assert TransferProposal.objects.get(pk=proposal.pk).authority == "confirmed"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_every_queue_opens_from_its_roles_dashboard(live_server, page, cast, facility_a):
    base = live_server.url
    admission = admitted_woman(cast, facility_a)  # in reception; her entry screening is due
    woman = admission.prisoner
    record_child(
        by=cast["reception"],
        mother=woman,
        given_names="Nilar",
        date_of_birth="2019-05-01",
        location="",
        location_unknown=True,
        custody="unknown",
    )
    schedule_reminder(
        key=f"visits.family_contact:{woman.uuid}",
        kind="visits.family_contact",
        rule="26",
        title="No family contact recorded for 30 days: help her keep in touch",
        facility=facility_a,
        assignee_role="social",
        prisoner=woman,
        due_at=timezone.now(),
    )
    HeldAction.objects.create(
        prisoner=woman,
        facility=facility_a,
        kind="transfer",
        summary="Transfer to another prison",
        requested_by=cast["custody"],
    )
    journeys = {
        "reception": [("Admissions in reception", "reception")],
        "social": [("Children to follow up", "children"), ("Contact lapses", "contact")],
        "health": [("Screenings, follow-ups and contacts", "health")],
        "governor": [("Actions held after a report", "held-actions")],
    }
    for username, queues_of_role in journeys.items():
        sign_in(page, base, username)
        for title, key in queues_of_role:
            page.goto(f"{base}/")
            page.get_by_role("link", name=title).click()
            expect(page.get_by_role("heading", name=title)).to_be_visible()
            expect(page.get_by_test_id("queue-table").get_by_role("row")).to_have_count(2)
            shot(page, f"{username}-{key}")
        page.get_by_role("button", name="Sign out").click()
