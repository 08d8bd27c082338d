"""An inspector who oversees two facilities compares them on the indicators, follows one over
a year, and opens the cases behind another (RULES-SPEC 3; Rules 25.3, 67-70). Each page is
checked by axe and at a phone's width, as every browser page is."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from admissions.models import RightsItem, RightsOffer
from admissions.services import admit_woman
from admissions.tests.factories import commitment, identity
from complaints.services.complaints import lodge_complaint
from staff.tests.factories import make_staff
from tests.screenshots import screenshot
from tests.test_browser_admission import signed_in


def _admit(by, facility, number, *, offered):
    admission = admit_woman(
        by=by,
        facility=facility,
        commitment=commitment(arrested_at=timezone.now() - timedelta(days=4)),
        identity=identity(prison_number=number),
        admitted_at=timezone.now() - timedelta(days=3),
    )
    if offered:
        RightsOffer.objects.create(
            admission=admission,
            item=RightsItem.FAMILY_CONTACT,
            offered_by=by,
            language="en",
            outcome="accepted",
        )
    return admission


@pytest.mark.browser
@pytest.mark.rule("2.1", "25.1")
@pytest.mark.django_db(transaction=True)
def test_the_inspector_compares_two_facilities_follows_a_year_and_opens_the_cases(
    live_server, page, cast, facility_a, facility_b, artifacts_dir
):
    make_staff("inspector", facility_a, facility_b, username="national")
    reception_b = make_staff("reception", facility_b, username="reception_b")
    for number in range(6):
        _admit(cast["reception"], facility_a, f"A-{number}", offered=number < 3)
    admitted = [_admit(reception_b, facility_b, f"B-{number}", offered=True) for number in range(5)]
    # A report of abuse two days ago with no protection plan since (Rule 25.1).
    lodge_complaint(
        by=reception_b,
        prisoner=admitted[0].prisoner,
        kind="abuse_report",
        channel="in_person",
        subject="other_prisoners",
        narrative="She says another woman threatened her.",
        timing="during",
        perpetrator="prisoner",
        received_at=timezone.now() - timedelta(days=2),
    )
    base = live_server.url
    signed_in(page, base, "national")
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Oversight").click()
    page.get_by_test_id("indicators-link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Indicators")
    # Both facilities together: 8 of the 11 women were offered contact with their family.
    expect(page.get_by_test_id("now-family-contact-offered")).to_have_text("72.7 % (8 of 11)")
    # One report is fewer than 5 women: its rate is not shown, its case is.
    expect(page.get_by_test_id("now-abuse-reports-plan-same-day")).to_have_text("fewer than 5")
    screenshot(page, artifacts_dir / "indicators.png", full_page=True)

    # The two facilities side by side, and their total.
    page.get_by_test_id("facilities-link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Indicators by facility")
    row = page.get_by_test_id("by-facility-family-contact-offered")
    expect(row).to_contain_text("50.0 % (3 of 6)")
    expect(row).to_contain_text("100.0 % (5 of 5)")
    expect(page.get_by_test_id("total-family-contact-offered")).to_have_text("72.7 % (8 of 11)")
    screenshot(page, artifacts_dir / "indicators-by-facility.png", full_page=True)

    # A year of one indicator, month by month, drawn and written.
    row.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Admissions where contact with her relatives was offered"
    )
    expect(page.get_by_role("img", name="Month by month")).to_be_visible()
    expect(page.get_by_test_id("months").locator("tbody tr")).to_have_count(12)
    this_month = timezone.localdate().strftime("%Y-%m")
    expect(page.get_by_test_id(f"month-{this_month}")).to_contain_text("(8 of 11)")
    expect(page.get_by_role("img", name="By facility")).to_be_visible()
    expect(page.get_by_test_id("place-total")).to_contain_text("(8 of 11)")
    screenshot(page, artifacts_dir / "indicator-year.png", full_page=True)

    # The case behind the report's indicator, one by one.
    page.get_by_role("link", name="Indicators", exact=True).click()
    page.get_by_test_id("indicator-abuse-reports-plan-same-day").get_by_role(
        "link", name="Cases"
    ).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Reports of abuse without a protection plan the same day"
    )
    expect(page.get_by_role("main")).to_contain_text("B-0")
