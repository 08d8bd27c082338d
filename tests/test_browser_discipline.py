"""Custody's day in the browser, with forms that know the rule before she starts: she
records a search of a woman and is offered only the staff who may carry it out (women
trained in searching methods, Rule 19), told how many others are not shown and why; the strip
search fields appear only for a strip search; an empty form names every field it needs. She
lays a charge. The woman is pregnant: custody finds no Segregate form, only that she is under
the "No segregation" protection and Rule 22 in words, never why (Rules 8, 22). A breastfeeding
mother is the same. Nothing is segregated."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from discipline.models import Charge, Segregation
from health.services.maternity import declare_pregnancy, record_breastfeeding
from health.tests.factories import admitted_woman
from searches.models import Search
from searches.tests.factories import trained
from staff.models import Gender
from staff.tests.factories import make_staff
from tests.her_page import open_sections
from tests.screenshots import screenshot
from tests.test_browser_admission import signed_in

SHOTS = Path("/work/shots/forms")


def shot(page, artifacts_dir, name):
    screenshot(page, artifacts_dir / f"{name}.png", full_page=True)
    if SHOTS.parent.is_dir():
        SHOTS.mkdir(exist_ok=True)
        screenshot(page, SHOTS / f"{name}.png", full_page=True)


@pytest.mark.browser
@pytest.mark.rule("19")
@pytest.mark.rule("22")
@pytest.mark.rule("8")
@pytest.mark.django_db(transaction=True)
def test_custody_searches_charges_and_finds_no_segregate_form_for_a_pregnant_woman(
    live_server, page, cast, facility_a, artifacts_dir
):
    base = live_server.url
    woman = admitted_woman(cast, facility_a).prisoner
    declare_pregnancy(by=cast["health"], prisoner=woman)
    officer = cast["custody"]
    officer.first_name, officer.last_name = "Ratana", "Chai"
    officer.save()
    trained(officer)
    man = make_staff(
        "custody",
        facility_a,
        username="somchai",
        first_name="Somchai",
        last_name="Man",
        gender=Gender.MAN,
    )
    trained(man)
    make_staff("custody", facility_a, username="nid", first_name="Nid", last_name="Untrained")

    signed_in(page, base, "custody")
    page.goto(f"{base}/women/{woman.uuid}/")
    open_sections(page)
    page.get_by_role("link", name="Record a search").click()

    # Who and how first; nothing else is asked until then.
    expect(page.get_by_test_id("search-form")).to_have_count(0)
    page.get_by_label("Strip search").check()
    expect(page.get_by_label("Individual reason")).to_be_visible()
    shot(page, artifacts_dir, "search-strip-fields")
    page.get_by_label("Pat-down").check()
    expect(page.get_by_label("Individual reason")).to_have_count(0)
    form = page.get_by_test_id("search-form")
    expect(form).to_be_visible()

    # Only the women trained in searching methods are offered; the others are counted.
    searchers = page.locator("#id_searchers")
    expect(searchers.get_by_label("Ratana Chai")).to_be_visible()
    expect(searchers.get_by_label("Somchai Man")).to_have_count(0)
    expect(searchers.get_by_label("Nid Untrained")).to_have_count(0)
    missing = page.get_by_test_id("searchers-missing")
    expect(missing).to_contain_text("1 staff member not shown: not recorded as women (Rule 19).")
    expect(missing).to_contain_text("not shown: no valid training in Search methods (Rule 19).")

    # An empty form names every field it needs, at once.
    page.get_by_role("button", name="Record the search").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Choose “Legal basis or occasion”.")
    expect(summary).to_contain_text("Choose “Who searched”.")
    expect(summary).to_contain_text("Enter “Place”.")
    expect(summary).not_to_contain_text("This field is required.")
    shot(page, artifacts_dir, "search-errors")

    page.get_by_label("Admission").check()
    page.locator("#id_searchers").get_by_label("Ratana Chai").check()
    page.get_by_label("Place", exact=True).fill("Reception search room")
    shot(page, artifacts_dir, "search-form")
    page.get_by_role("button", name="Record the search").click()
    expect(page.get_by_text("Search recorded.")).to_be_visible()

    page.goto(f"{base}/women/{woman.uuid}/")
    open_sections(page)
    page.get_by_role("link", name="Lay a charge").click()
    page.get_by_label("What she is charged with").fill("Fought with another woman in the yard")
    page.get_by_label("Language she was told in").fill("Thai")
    page.get_by_role("button", name="Lay the charge").click()
    expect(page.get_by_text("Charge laid. The governor hears it.")).to_be_visible()

    # No Segregate form for her: the rule and the protection in words, never why.
    page.goto(f"{base}/women/{woman.uuid}/")
    open_sections(page)
    expect(page.get_by_role("link", name="Segregate")).to_have_count(0)
    expect(page.get_by_test_id("no-segregation-note")).to_contain_text("Bangkok Rule 22")
    page.goto(f"{base}/discipline/women/{woman.uuid}/segregate/")
    barred = page.get_by_test_id("segregation-barred")
    expect(barred).to_contain_text("under the 'No segregation' protection (Bangkok Rule 22)")
    expect(barred).to_contain_text("confidential (Rule 8)")
    expect(page.get_by_test_id("segregate-form")).to_have_count(0)
    shot(page, artifacts_dir, "segregation-barred")
    assert not re.search(r"(?i)pregnan|breastfe|infant", page.content())

    assert Search.objects.filter(prisoner=woman).count() == 1
    assert Charge.objects.filter(prisoner=woman).count() == 1
    assert not Segregation.objects.exists()


@pytest.mark.browser
@pytest.mark.rule("22")
@pytest.mark.rule("8")
@pytest.mark.django_db(transaction=True)
def test_a_custody_officer_finds_no_segregate_form_for_a_breastfeeding_mother(
    live_server, page, cast, facility_a, artifacts_dir
):
    base = live_server.url
    woman = admitted_woman(cast, facility_a).prisoner
    record_breastfeeding(by=cast["health"], prisoner=woman, status="breastfeeding")

    signed_in(page, base, "custody")
    page.goto(f"{base}/women/{woman.uuid}/")
    open_sections(page)
    expect(page.get_by_role("link", name="Segregate")).to_have_count(0)
    page.goto(f"{base}/discipline/women/{woman.uuid}/segregate/")
    expect(page.get_by_test_id("segregation-barred")).to_contain_text("Bangkok Rule 22")
    expect(page.get_by_label("Reason")).to_have_count(0)
    shot(page, artifacts_dir, "discipline-segregation-refused")
    assert not re.search(r"(?i)pregnan|breastfe|infant", page.content())
    assert not Segregation.objects.exists()
