"""A custody officer opens a self-harm case from a woman's page; health staff, trained under
Rule 35, assess her from their task list with a care plan; a review with a social worker
closes it at a low risk (Rule 16); the social worker records the check after it closed."""

import re

import pytest
from playwright.sync_api import expect

from health.tests.factories import admitted_woman
from selfharm.models import Case
from selfharm.tests.factories import trained
from tests.her_page import open_sections
from tests.screenshots import screenshot
from tests.test_browser_admission import sign_in, signed_in


@pytest.mark.browser
@pytest.mark.rule("16")
@pytest.mark.rule("35")
@pytest.mark.django_db(transaction=True)
def test_a_case_is_opened_assessed_reviewed_closed_and_checked(
    live_server, page, page_checks, cast, facility_a, artifacts_dir
):
    base = live_server.url
    woman = admitted_woman(cast, facility_a).prisoner
    trained(cast["health"])
    social = cast["social"].get_full_name() or cast["social"].username

    # Custody open a case from her page.
    signed_in(page, base, "custody")
    page.goto(f"{base}/women/{woman.uuid}/")
    open_sections(page)
    expect(page.get_by_test_id("selfharm-none")).to_be_visible()
    page.get_by_role("link", name="Open a self-harm case").click()
    page.get_by_label("What was seen or heard").fill("Said at lunch she would end it tonight.")
    page.get_by_label("She said she would harm herself").check()
    page.get_by_label("What was done at once").fill("Stayed with her; told the senior officer.")
    page.get_by_role("button", name="Open the case").click()
    expect(page.get_by_text("Case opened.")).to_be_visible()
    expect(page.get_by_test_id("assessment-awaited")).to_be_visible()
    page.context.clear_cookies()

    # Health staff assess her from their task, with a care plan.
    sign_in(page, base, "health")
    page.goto(f"{base}/tasks/")
    page.get_by_role("link", name=re.compile("Record the self-harm risk assessment")).first.click()
    expect(page.get_by_role("heading", name="Assess her self-harm risk")).to_be_visible()
    page.get_by_role("group", name="Did she take part?").get_by_label("Yes").check()
    page.get_by_label("Her account, in her words").fill("Nobody has visited for months.")
    page.get_by_role("group", name="Risk").get_by_label("Raised").check()
    page.get_by_label("Action 1: what").fill("Talk with her every hour")
    page.get_by_label("Action 1: which team").select_option("custody")
    page.get_by_label("Action 1: how often or by when").fill("Hourly")
    page.get_by_label("Action 2: what").fill("Arrange a call with her sister")
    page.get_by_label("Action 2: which team").select_option("social")
    page.get_by_label("Action 2: how often or by when").fill("By Friday")
    page.get_by_role("button", name="Record the assessment").click()
    expect(page.get_by_text("Assessment and care plan recorded.")).to_be_visible()
    expect(page.get_by_test_id("care-plan")).to_contain_text("Arrange a call with her sister")

    # A review with the social worker closes it at a low risk.
    page.get_by_role("link", name="Record a review").click()
    page.get_by_label(social, exact=True).check()
    page.get_by_role("group", name="Did she take part?").get_by_label("Yes").check()
    page.get_by_label("Her account, in her words").fill("Her sister called; she feels better.")
    page.get_by_role("group", name="Risk").get_by_label("Low").check()
    page.get_by_label("Close the case (only when her risk is low)").check()
    page.get_by_role("button", name="Record the review").click()
    expect(page.get_by_text("Review recorded.")).to_be_visible()
    expect(page.get_by_test_id("closed")).to_be_visible()
    page.context.clear_cookies()

    # The social worker records the check after it closed, from her page.
    sign_in(page, base, "social")
    page.goto(f"{base}/women/{woman.uuid}/")
    open_sections(page)
    page.get_by_role("link", name="Her last case").click()
    page.get_by_role("link", name="Record the check").click()
    page.get_by_label("She is well").check()
    page.get_by_label("How she is").fill("Working in the garden, in touch with her sister.")
    page.get_by_role("button", name="Record the check").click()
    expect(page.get_by_text("Check recorded.")).to_be_visible()
    expect(page.get_by_test_id("closure-check")).to_contain_text("She is well")
    screenshot(page, artifacts_dir / "selfharm-case.png", full_page=True)
    case = Case.objects.get()
    assert not case.is_open and case.closure_check.outcome == "well"
