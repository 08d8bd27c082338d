"""Her daily regime, in the browser (Rule 42; Mandela 23, 44): a custody officer gives her a
place on an activity and records that the prison cancelled it; records a day she was out of
her cell an hour, is refused until she says why (Rule 42), and the day, locked up 22 hours or
more with no segregation on record, goes to the governor at once since it is already over;
the governor reviews it from her page."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from regime.tests.factories import activity, yesterday
from tests.her_page import open_sections
from tests.screenshots import screenshot
from tests.test_browser_admission import sign_in, signed_in


@pytest.mark.browser
@pytest.mark.rule("42")
@pytest.mark.rule("M44")
@pytest.mark.django_db(transaction=True)
def test_a_day_locked_up_is_recorded_then_reviewed_by_the_governor(
    live_server, page, cast, woman_a, artifacts_dir
):
    activity(cast, woman_a.facility, name="Literacy class")
    base = live_server.url
    day = yesterday().isoformat()

    signed_in(page, base, "custody")
    page.goto(f"{base}/women/{woman_a.uuid}/")
    open_sections(page)
    page.get_by_role("link", name="Give her a place on an activity").click()
    page.get_by_label("Activity").select_option(label="Literacy class")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert").filter(has_text="Place given.")).to_be_visible()
    expect(page.get_by_test_id("places")).to_contain_text("Literacy class")

    page.get_by_role("link", name="Record attendance").click()
    page.get_by_label("Day").fill(timezone.localdate().isoformat())  # her place began today
    page.get_by_role("radio", name="No").check()
    page.get_by_label("If not, why").select_option(label="Cancelled by the prison")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert").filter(has_text="Attendance recorded.")).to_be_visible()
    expect(page.get_by_test_id("attendance")).to_contain_text("No: Cancelled by the prison")

    # An hour out of her cell: refused under Rule 42 until she says why, nothing lost.
    page.get_by_role("link", name="Record her time out of cell").click()
    page.get_by_label("Day").fill(day)
    page.get_by_label("Minutes out of her cell").fill("60")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert")).to_contain_text("Rule 42")
    expect(page.get_by_label("Minutes out of her cell")).to_have_value("60")
    page.get_by_label("Why so little").fill("Lockdown after a search of the wing.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert").filter(has_text="Time out of cell recorded.")).to_be_visible()
    expect(page.get_by_test_id("days")).to_contain_text("Locked up 22 hours or more")
    screenshot(page, artifacts_dir / "regime-her-days.png", full_page=True)
    page.context.clear_cookies()

    # The governor: the day is hers to review now, not the day after the daily check.
    sign_in(page, base, "governor")
    page.get_by_role("link", name="My tasks").click()
    expect(page.get_by_role("main")).to_contain_text("Mandela Rule 44")
    page.goto(f"{base}/women/{woman_a.uuid}/")
    open_sections(page)
    page.get_by_role("link", name="Her daily regime").click()
    page.get_by_test_id("days").get_by_role("link", name="Review").click()
    page.get_by_label("What happened and what was done").fill(
        "The wing was locked down for a search; she had her hour in the yard at 16:00."
    )
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert").filter(has_text="Review recorded.")).to_be_visible()
    expect(page.get_by_test_id("days")).to_contain_text("Reviewed by the governor")
    screenshot(page, artifacts_dir / "regime-day-reviewed.png", full_page=True)
