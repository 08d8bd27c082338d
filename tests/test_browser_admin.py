"""The system administrator's pages: accounts, their training, facilities, API tokens and
second factors, all read and used in the browser (and checked by axe and at a phone's width,
as every browser page is)."""

import pytest
from playwright.sync_api import expect

from searches.tests.factories import trained
from staff.models import Course
from tests.test_browser_admission import signed_in


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_administrator_reads_an_account_and_its_training(live_server, page, cast):
    officer = cast["custody"]
    trained(officer, Course.SEARCH_METHODS)
    trained(officer, Course.CHILD_SEARCHES)
    base = live_server.url

    signed_in(page, base, "sysadmin")
    page.get_by_role("link", name="Accounts and facilities").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()

    page.get_by_role("link", name="Staff members", exact=True).click()
    page.locator("#result_list").get_by_role("link", name="custody", exact=True).click()
    training = page.locator("#training_records-group")
    expect(training).to_contain_text("Search methods (Rule 19)")
    expect(training).to_contain_text("Searching children (Rule 21)")
    expect(training).not_to_contain_text("This field is required")
    # Her training is read only here: no input to type into in the training rows.
    assert training.locator("input:not([type=hidden]), select, textarea").count() == 0

    page.goto(f"{base}/admin/staff/user/{officer.pk}/password/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.goto(f"{base}/admin/staff/user/add/")
    expect(page.get_by_label("Username")).to_be_visible()
    for path in (
        "/admin/staff/trainingrecord/",
        "/admin/staff/accesschange/",
        "/admin/prisoners/facility/",
        "/admin/signin/apitoken/",
        "/admin/signin/twofactoraccount/",
    ):
        page.goto(base + path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.locator("#result_list").get_by_role("link").first.click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
