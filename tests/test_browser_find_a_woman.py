"""A reception officer, in Chromium: sign in, find a woman, open her page."""

import re

import pytest
from playwright.sync_api import expect

from prisoners.services import set_protection_flags
from prisoners.tests.factories import PrisonerFactory, UnitFactory
from tests.screenshots import screenshot

PASSWORD = "correct horse battery staple"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_reception_signs_in_searches_and_opens_her_page(
    live_server, page, cast, facility_a, facility_b, artifacts_dir
):
    woman = PrisonerFactory(
        facility=facility_a,
        given_names="Siriporn",
        family_name="Boonmee",
        prison_number="A24019",
        aliases=["Pim"],
    )
    set_protection_flags(prisoner=woman, by=None, source="health", no_segregation=True)
    PrisonerFactory(facility=facility_a, given_names="Maria", family_name="García")
    PrisonerFactory(facility=facility_b, given_names="Siriporn", family_name="Elsewhere")
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    page.goto(f"{live_server.url}/women/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    page.get_by_label("Username").fill("reception")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Find a woman")).to_be_visible()

    page.get_by_label("Name or prison number").fill("siriporn")
    page.get_by_role("button", name="Search").click()
    rows = page.get_by_test_id("women").locator("tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("A24019")
    expect(page.get_by_text("Elsewhere")).to_have_count(0)

    rows.first.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Siriporn Boonmee")
    # Reception doesn't act on segregation: the flag is custody's, the governor's and
    # health's to see (Rules 8, 22), so even that it exists stays off her page.
    expect(page.get_by_text("No segregation")).to_have_count(0)
    expect(page.get_by_text("Pim")).to_be_visible()
    screenshot(page, artifacts_dir / "find-a-woman.png", full_page=True)
    assert errors == [], f"browser console errors (CSP?): {errors}"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_staff_of_two_facilities_choose_the_facility_then_its_unit(
    live_server, page, facility_a, facility_b, artifacts_dir
):
    """A custody officer of two facilities filters the list by a unit: she chooses the
    facility, its units are offered at once (htmx), she chooses one and searches."""
    from staff.tests.factories import make_staff
    from tests.test_browser_admission import signed_in

    make_staff("custody", facility_a, facility_b, username="ratana")
    north = UnitFactory(facility=facility_a, code="N1", name="North wing")
    UnitFactory(facility=facility_b, code="S1", name="South wing")
    PrisonerFactory(facility=facility_a, unit=north, family_name="Onthewing")
    PrisonerFactory(facility=facility_a, family_name="Elsewhere")
    PrisonerFactory(facility=facility_b, family_name="Otherplace")
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    signed_in(page, live_server.url, "ratana")
    page.goto(f"{live_server.url}/women/")
    unit = page.get_by_label("Unit")
    expect(unit.locator("option")).to_have_count(1)
    expect(page.get_by_text("Choose a facility first: its units are then offered.")).to_be_visible()
    expect(page.get_by_test_id("women").locator("tbody tr")).to_have_count(3)

    page.get_by_label("Facility").select_option(label=str(facility_a))
    expect(unit.locator("option")).to_have_count(2)
    expect(unit.locator("option", has_text="South wing")).to_have_count(0)
    expect(page.get_by_text("Choose a facility first")).to_have_count(0)
    unit.select_option(label=str(north))
    screenshot(page, artifacts_dir / "find-a-woman-by-unit.png", full_page=True)
    page.get_by_role("button", name="Search").click()
    rows = page.get_by_test_id("women").locator("tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Onthewing")
    expect(page.get_by_label("Unit")).to_have_value(str(north.uuid))
    assert errors == [], f"browser console errors (CSP?): {errors}"
