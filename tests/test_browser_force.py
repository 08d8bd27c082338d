"""A custody officer records a use of force on a woman from her page; health staff record the
check after it from their task list; the governor reviews it from the woman's page. Custody
then see that the check was done and when, never its findings (Rule 8), and that it was
reviewed (Mandela 82). The governor finds the refused first attempt on oversight, beside the
count of its rule (Rule 25.3)."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from force.models import UseOfForce
from health.tests.factories import admitted_woman
from tests.her_page import open_sections
from tests.screenshots import screenshot
from tests.test_browser_admission import sign_in, signed_in


@pytest.mark.browser
@pytest.mark.rule("M82")
@pytest.mark.rule("8")
@pytest.mark.django_db(transaction=True)
def test_force_is_recorded_checked_by_health_and_reviewed_by_the_governor(
    live_server, page, page_checks, cast, facility_a, artifacts_dir
):
    base = live_server.url
    woman = admitted_woman(cast, facility_a).prisoner
    officer = cast["custody"].get_full_name() or cast["custody"].username
    started = (timezone.localtime() - timedelta(minutes=20)).strftime("%Y-%m-%dT%H:%M")

    # Custody record it from her page.
    signed_in(page, base, "custody")
    page.goto(f"{base}/women/{woman.uuid}/")
    open_sections(page)
    expect(page.get_by_test_id("no-force")).to_be_visible()
    page.get_by_role("link", name="Record a use of force").click()
    page.get_by_label("Started at").fill(started)
    page.get_by_label("How long (minutes)").fill("3")
    page.get_by_label("Where", exact=True).fill("Dining hall")
    page.get_by_label("No: spontaneous").check()
    page.get_by_label("To prevent injury to others").check()
    page.get_by_label("What happened").fill("Held another woman by the hair and would not let go.")
    # Nothing said of what was tried first: refused, naming the rule, and the form kept.
    page.get_by_label("Guiding hold").check()
    page.get_by_label(officer, exact=True).check()
    page.get_by_role("group", name="Injuries to her").get_by_label("None seen").check()
    page.get_by_role("group", name="Injuries to staff").get_by_label("None seen").check()
    page.get_by_label("Body-worn camera footage reference").fill("BWC-7781")
    page.get_by_role("button", name="Record the use of force").click()
    expect(page.get_by_role("alert")).to_contain_text("Mandela Rule 82")
    assert not UseOfForce.objects.exists()
    page.get_by_label("What was tried first").fill("Asked her twice to let go; a colleague talked.")
    page.get_by_role("button", name="Record the use of force").click()
    expect(page.get_by_text("Use of force recorded.")).to_be_visible()
    expect(page.get_by_test_id("health-check-awaited")).to_be_visible()
    expect(page.get_by_test_id("review-awaited")).to_be_visible()
    page.context.clear_cookies()

    # Health staff record the check from their task.
    sign_in(page, base, "health")
    page.goto(f"{base}/tasks/")
    page.get_by_role(
        "link", name=re.compile("Record the health check after the force")
    ).first.click()
    expect(page.get_by_role("heading", name="Health check after a use of force")).to_be_visible()
    page.get_by_label("Yes: examined").check()
    page.get_by_label("Findings").fill("Scratch on the right forearm, cleaned.")
    page.get_by_role("button", name="Record the health check").click()
    expect(page.get_by_text("Health check recorded.")).to_be_visible()
    expect(page.get_by_test_id("health-check")).to_contain_text("Scratch on the right forearm")
    page.context.clear_cookies()

    # The governor reviews it from her page.
    sign_in(page, base, "governor")
    page.goto(f"{base}/women/{woman.uuid}/")
    open_sections(page)
    page.get_by_test_id("force-uses").get_by_role("link").first.click()
    page.get_by_role("link", name="Review it").click()
    expect(page.get_by_test_id("review-health-check")).to_contain_text("Health check done at")
    expect(page.get_by_test_id("force-summary")).not_to_contain_text("Scratch")
    page.get_by_label("Justified and proportionate").check()
    page.get_by_label("Findings").fill("The footage shows she was asked twice first.")
    page.get_by_label("Lessons").fill("Call for a second officer sooner.")
    page.get_by_role("button", name="Record the review").click()
    expect(page.get_by_text("Review recorded.")).to_be_visible()
    expect(page.get_by_test_id("review")).to_contain_text("Justified and proportionate")
    screenshot(page, artifacts_dir / "force-reviewed.png", full_page=True)
    # On oversight, the act refused at the start (nothing tried first) stands beside the count
    # of its rule: kept as an attempt, not added to the count.
    page.get_by_role("link", name="Oversight").click()
    expect(page.get_by_test_id("zero-force-review-overdue")).to_contain_text("0")
    refused = page.get_by_test_id("refused-force-review-overdue")
    expect(refused).to_contain_text("1")
    screenshot(page, artifacts_dir / "oversight-refused-attempts.png", full_page=True)
    # The attempt itself: when, what was tried, by which role; never for whom.
    refused.get_by_role("link").click()
    expect(page.get_by_role("heading", name="Attempts refused")).to_be_visible()
    attempt = page.get_by_test_id("attempts")
    expect(attempt).not_to_contain_text(woman.prison_number)
    expect(attempt).to_contain_text("Custody officer")
    screenshot(page, artifacts_dir / "oversight-attempts-list.png", full_page=True)
    page.context.clear_cookies()

    # Custody see that it was checked and reviewed, not what health found.
    sign_in(page, base, "custody")
    page.goto(f"{base}/women/{woman.uuid}/")
    open_sections(page)
    page.get_by_test_id("force-uses").get_by_role("link").first.click()
    expect(page.get_by_test_id("health-check")).to_contain_text("Health check done at")
    expect(page.get_by_test_id("health-check")).not_to_contain_text("Scratch")
    expect(page.get_by_test_id("review")).not_to_contain_text("Justified")
