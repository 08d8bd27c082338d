"""Pretrial detention in the browser (Rules 56, 58, 65): a social worker sees a hearing three
days ahead in her queue and records the caretaking information sent to the woman's lawyer;
custody record what happened at a hearing gone by, with the non-custodial alternatives
considered; the governor finds a woman untried past the threshold among her tasks. The
records, and the clock's run, are set up first; from sign-in on, only the browser."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import expect

from health.tests.factories import admitted_woman
from pretrial import services
from tests.screenshots import screenshot
from tests.test_browser_admission import sign_in, signed_in


@pytest.mark.browser
@pytest.mark.rule("58")
@pytest.mark.rule("57")
@pytest.mark.django_db(transaction=True)
def test_caretaking_information_sent_a_hearings_result_and_the_long_pretrial_alert(
    live_server, page, cast, facility_a, artifacts_dir
):
    woman = admitted_woman(cast, facility_a, given_names="Nilar", family_name="Oo").prisoner
    coming = services.enter_hearing(
        by=cast["custody"],
        prisoner=woman,
        at=timezone.now() + timedelta(days=3),
        court="Bangkok Criminal Court",
        kind="bail",
        attendance="video",
    )
    services.enter_hearing(
        by=cast["custody"],
        prisoner=woman,
        at=timezone.now() - timedelta(hours=3),
        court="Provincial Court",
        kind="first_appearance",
        attendance="in_person",
        escort_arranged=True,
        escort="Two officers, the women's van",
    )
    arrested = woman.admissions.get().arrested_at
    services.raise_long_pretrial_alerts(
        now=arrested + timedelta(days=settings.PRETRIAL_LONG_DAYS + 1)
    )
    base = live_server.url

    # The social worker: the hearing in her queue, the caretaking information sent.
    signed_in(page, base, "social")
    page.get_by_role("link", name="Caretaking information before court").click()
    expect(page.get_by_role("heading", name="Caretaking information before court")).to_be_visible()
    page.get_by_role("link", name="To send (1)").click()
    row = page.get_by_test_id("queue-table").get_by_role("row").filter(has_text="Bangkok Criminal")
    row.get_by_role("link", name="Open the hearing").click()
    expect(page.get_by_test_id("no-notices")).to_be_visible()
    page.get_by_test_id("send-caretaking").click()
    form = page.get_by_test_id("pretrial-form")
    form.get_by_label("Sent to").select_option("lawyer")
    form.get_by_label("Name of the recipient").fill("Khun Anan Wong")
    form.get_by_label("Sent on").fill(timezone.localtime().strftime("%Y-%m-%dT%H:%M"))
    form.get_by_label("What was shared, in summary").fill(
        "Two children, 4 and 9, with their grandmother, who is unwell."
    )
    screenshot(page, artifacts_dir / "pretrial-caretaking-form.png", full_page=True)
    form.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The caretaking information sent is recorded.")).to_be_visible()
    expect(page.get_by_test_id("notices")).to_contain_text("with their grandmother")
    assert coming.notices.count() == 1
    page.get_by_role("button", name="Sign out").click()

    # Custody: the hearing gone by, its result with the alternatives considered.
    sign_in(page, base, "custody")
    page.get_by_role("link", name="Court dates", exact=True).click()
    hearings = page.get_by_test_id("hearings")
    expect(hearings.get_by_role("row")).to_have_count(3)
    screenshot(page, artifacts_dir / "pretrial-court-dates.png", full_page=True)
    hearings.get_by_role("row").filter(has_text="Provincial Court").get_by_role("link").click()
    page.get_by_test_id("record-result").click()
    form = page.get_by_test_id("pretrial-form")
    form.get_by_label("Remanded in custody").check()
    form.get_by_label("Non-custodial alternatives considered").fill(
        "Bail with reporting put forward by her lawyer; refused."
    )
    form.get_by_role("button", name="Save").click()
    expect(page.get_by_text("What happened at her hearing is recorded.")).to_be_visible()
    expect(page.get_by_test_id("result")).to_contain_text("Remanded in custody")
    expect(page.get_by_test_id("alternatives")).to_contain_text("Bail with reporting")
    screenshot(page, artifacts_dir / "pretrial-hearing.png", full_page=True)
    page.get_by_role("navigation", name="Breadcrumb").get_by_role("link", name="Nilar Oo").click()
    section = page.get_by_test_id("her-hearings")
    expect(section).to_contain_text("Remanded in custody")
    screenshot(section.locator("xpath=.."), artifacts_dir / "pretrial-her-section.png")
    page.get_by_role("button", name="Sign out").click()

    # The governor: the long pretrial detention among her tasks.
    sign_in(page, base, "governor")
    page.get_by_role("link", name="My tasks").click()
    expect(page.get_by_text("review her pretrial detention").first).to_be_visible()
    screenshot(page, artifacts_dir / "pretrial-governor-tasks.png", full_page=True)
