"""The governor, in her browser, seals a released girl's records (Havana Rule 19); a social
worker can then find her neither by name nor by number; the governor opens the record on a
court's order and reads it; the inspector sees that read among the confidential reads, never
whose record it was."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from admissions.services import release
from release.tests.factories import admitted, ready_for_release
from tests.her_page import open_sections
from tests.screenshots import screenshot
from tests.test_browser_admission import follow, sign_in, signed_in

NAME, FAMILY, NUMBER = "Sandar", "Myint", "A48001"


def search(page, text: str):
    # The list she searches from has the same form: fill it once the new list has loaded.
    follow(page, page.get_by_role("link", name="Women"))
    page.get_by_label("Name or prison number").fill(text)
    page.get_by_label("Custody").select_option("released")
    page.get_by_role("button", name="Search").click()


@pytest.mark.browser
@pytest.mark.rule("H19")
@pytest.mark.django_db(transaction=True)
def test_the_governor_seals_a_girls_records_and_opens_them_on_a_court_order(
    live_server, page, cast, facility_a, artifacts_dir
):
    born = timezone.localdate() - timedelta(days=16 * 365 + 100)
    admission = admitted(
        cast,
        facility_a,
        prison_number=NUMBER,
        given_names=NAME,
        family_name=FAMILY,
        date_of_birth=born,
    )
    release(
        by=cast["reception"], admission=ready_for_release(cast, admission), reason="Bail granted"
    )
    base = live_server.url

    # The governor finds her, released, and seals her records at once.
    signed_in(page, base, "governor")
    search(page, NAME)
    page.get_by_test_id("women").get_by_role("link", name=f"{FAMILY}, {NAME}").click()
    open_sections(page)
    page.get_by_test_id("seal").click()
    page.get_by_label("Why her record is sealed now").fill(
        "The youth court asked that her record be sealed on her release."
    )
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Her records are sealed.")).to_be_visible()
    expect(page.get_by_test_id("sealed").get_by_role("row")).to_have_count(2)
    expect(page.get_by_test_id("sealed")).not_to_contain_text(NAME)
    screenshot(page, artifacts_dir / "sealing-list.png", full_page=True)
    page.get_by_role("button", name="Sign out").click()

    # A social worker finds her neither by name nor by number.
    sign_in(page, base, "social")
    for text in (NAME, NUMBER):
        search(page, text)
        expect(page.get_by_role("heading", name="No woman matches")).to_be_visible()
    page.get_by_role("button", name="Sign out").click()

    # The governor opens it on a court's order, by the number the order gives.
    sign_in(page, base, "governor")
    page.get_by_role("link", name="Girls").click()
    page.get_by_test_id("sealed-link").click()
    page.get_by_label("Prison number given by the order").fill(NUMBER)
    page.get_by_role("button", name="Find").click()
    page.get_by_test_id("open-sealed").click()
    page.get_by_label("Legal basis").select_option("court_order")
    page.get_by_label("Reference").fill("Youth Court order YC-2026-0412")
    page.get_by_label("Why it is opened").fill("The court asks for the dates of her custody.")
    page.get_by_role("button", name="Open it").click()
    expect(page.get_by_text("The record is open to you.")).to_be_visible()
    expect(page.get_by_test_id("sealed-name")).to_contain_text(f"{NAME} {FAMILY}")
    expect(page.get_by_test_id("opening")).to_contain_text("YC-2026-0412")
    screenshot(page, artifacts_dir / "sealing-opened.png", full_page=True)
    page.get_by_role("button", name="Sign out").click()

    # The inspector sees the read, never whose record it was.
    sign_in(page, base, "inspector")
    page.get_by_role("link", name="Oversight").click()
    page.get_by_test_id("reads-link").click()
    reads = page.get_by_test_id("reads")
    expect(reads).to_contain_text("A girl's sealed record, opened on a legal basis")
    expect(reads).not_to_contain_text(NAME)
    screenshot(page, artifacts_dir / "sealing-reads.png", full_page=True)
