"""A custody officer records from a woman's page that another woman bullied her; the safeguarding
officer makes her support plan from her page, first refused for holding her apart against
her wishes (Rule 25.1), then with measures on the other woman; reviews it; and plans the other
woman's management."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from health.tests.factories import admitted_woman
from prisoners.tests.factories import PrisonerFactory
from safeguarding.models import Plan
from tests.her_page import open_sections
from tests.screenshots import screenshot
from tests.test_browser_admission import sign_in, signed_in


@pytest.mark.browser
@pytest.mark.rule("25.1")
@pytest.mark.django_db(transaction=True)
def test_an_incident_is_recorded_and_each_womans_plan_made_and_reviewed(
    live_server, page, page_checks, cast, facility_a, artifacts_dir
):
    base = live_server.url
    woman = admitted_woman(cast, facility_a).prisoner
    PrisonerFactory(facility=facility_a, prison_number="S05501", family_name="Meesuk")
    two_days_ago = timezone.localtime(timezone.now() - timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")

    # Custody record the incident from her page, naming the other woman.
    signed_in(page, base, "custody")
    page.goto(f"{base}/women/{woman.uuid}/")
    open_sections(page)
    expect(page.get_by_test_id("safeguarding-none")).to_be_visible()
    page.get_by_role("link", name="Record an incident between women").click()
    page.get_by_role("group", name="What kind of incident").get_by_label("Bullying").check()
    page.get_by_role("group", name="Her part").get_by_label("Victim").check()
    page.get_by_label("When").fill(two_days_ago)
    page.get_by_label("Why it is recorded late").fill("She told us only today.")
    page.get_by_label("Where").fill("The dining hall")
    page.get_by_label("What happened").fill("Her food taken every day this week.")
    page.get_by_role("group", name="Was anyone hurt?").get_by_label("No").check()
    page.get_by_role("group", name="Who reported it").get_by_label("The woman herself").check()
    page.get_by_label("Another woman 1: prison number").fill("S05501")
    page.get_by_label("Another woman 1: her part").select_option("perpetrator")
    page.get_by_role("button", name="Record the incident").click()
    expect(page.get_by_text("Incident recorded.")).to_be_visible()
    expect(page.get_by_test_id("involved")).to_contain_text("Meesuk")
    page.context.clear_cookies()

    # The safeguarding officer makes her support plan, from her page.
    sign_in(page, base, "safeguarding")
    page.goto(f"{base}/women/{woman.uuid}/")
    open_sections(page)
    page.get_by_test_id("safeguarding-plans").get_by_role("link", name="Support plan").click()
    page.get_by_role("link", name="Make her support plan").click()
    expect(page.get_by_role("heading", name="Her support plan")).to_be_visible()
    page.get_by_label("She is held apart from other women").check()
    page.get_by_label("Support and counselling were offered to her").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Rule 25.1").first).to_be_visible()
    page.get_by_label("She is held apart from other women").uncheck()
    page.get_by_label("No contact between them").check()
    page.get_by_label("The other woman moved to another unit").check()
    page.get_by_label("Her views, in her words").fill("I want to stay with my friends.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Plan made.")).to_be_visible()
    expect(page.get_by_test_id("measures")).to_contain_text("No contact between them")

    # Her plan reviewed.
    page.get_by_role("link", name="Record a review").click()
    page.get_by_label("What the review found").fill("No contact since; she eats with friends.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Review recorded.")).to_be_visible()
    expect(page.get_by_test_id("review")).to_contain_text("No contact since")

    # The other woman's management, from the incident.
    page.get_by_role("link", name="The incident").click()
    page.get_by_role("link", name="Management").click()
    page.get_by_role("link", name="Plan her management").click()
    page.get_by_label("No contact between them").check()
    page.get_by_label("A programme on her behaviour").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Plan made.")).to_be_visible()
    screenshot(page, artifacts_dir / "safeguarding-plans.png", full_page=True)
    assert Plan.objects.filter(made_at__isnull=False).count() == 2
    assert Plan.objects.get(part="victim").reviews.count() == 1
