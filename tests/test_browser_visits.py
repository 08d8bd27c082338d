"""A social worker records that the woman refuses a visitor; a custody officer then tries to
book that person and sees the refusal naming Rule 44, and never reads the name on her list
(Rule 44: her refusal may reveal domestic violence)."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from health.tests.factories import admitted_woman
from tests.her_page import open_sections
from tests.screenshots import screenshot
from tests.test_browser_admission import sign_in, signed_in
from visits.models import Visit

REFUSED = "Kittisak Violent"


@pytest.mark.browser
@pytest.mark.rule("44")
@pytest.mark.django_db(transaction=True)
def test_a_visitor_she_refused_cannot_be_booked(live_server, page, cast, facility_a, artifacts_dir):
    base = live_server.url
    woman = admitted_woman(cast, facility_a).prisoner
    woman_url = f"{base}/women/{woman.uuid}/"

    signed_in(page, base, "social")
    page.goto(woman_url)
    open_sections(page)
    page.get_by_role("link", name="Add a visitor").click()
    page.get_by_label("Name", exact=True).fill(REFUSED)
    page.get_by_label("Relationship to her").select_option("partner")
    page.get_by_role("button", name="Add to her list").click()
    page.get_by_role("link", name="Record her answer").click()
    page.get_by_label("She refuses").check()
    page.get_by_label("Language she was consulted in").fill("Thai")
    page.get_by_role("button", name="Record her answer").click()
    expect(page.get_by_test_id("visitors")).to_contain_text("She refused")
    screenshot(page, artifacts_dir / "visits-refused-visitor.png", full_page=True)
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, base, "custody")
    page.goto(woman_url)
    open_sections(page)
    assert REFUSED not in page.content()
    page.get_by_role("link", name="Book a visit").click()
    form = page.get_by_test_id("booking-form")
    form.get_by_label("Kind of visit").select_option("family")
    form.get_by_label("Date and hour").fill("2031-05-01T14:00")
    form.get_by_label("Or the name of someone asking to visit").fill(REFUSED)
    form.get_by_role("button", name="Book the visit").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Bangkok Rule 44")
    screenshot(page, artifacts_dir / "visits-booking-refused.png", full_page=True)
    assert not Visit.objects.exists()


@pytest.mark.browser
@pytest.mark.rule("43")
@pytest.mark.django_db(transaction=True)
def test_a_visit_the_prison_cancels_stays_booked_until_the_governor_confirms(
    live_server, page, cast, facility_a, artifacts_dir
):
    from visits.tests.factories import approved, booked

    base = live_server.url
    woman = admitted_woman(cast, facility_a).prisoner
    visit = booked(cast, woman, [approved(cast, woman)])
    visit_url = base + reverse("visits:visit", args=[visit.uuid])

    signed_in(page, base, "custody")
    page.goto(visit_url)
    page.get_by_text("Record that the visit was cancelled").click()
    page.get_by_label("The prison cancelled").check()
    page.get_by_label("Why").fill("Search of the visits hall")
    page.get_by_role("button", name="Record as cancelled").click()
    expect(page.get_by_test_id("visit-status")).to_contain_text("Booked")
    expect(page.get_by_test_id("cancellation")).to_contain_text("Awaiting authority")
    screenshot(page, artifacts_dir / "visits-cancellation-awaits.png", full_page=True)
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, base, "governor")
    page.goto(visit_url)
    page.get_by_test_id("cancellation").get_by_role("button", name="Give my authority").click()
    page.goto(visit_url)
    expect(page.get_by_test_id("visit-status")).to_contain_text("Cancelled")
    screenshot(page, artifacts_dir / "visits-cancellation-confirmed.png", full_page=True)
    visit.refresh_from_db()
    assert visit.status == "cancelled" and visit.cancelled_by == "prison"
