"""An inspector, in her browser, prepares a visit: she sees the last visit's overdue
recommendation, draws the sample of women, opens a sampled woman's record, records a finding and
a recommendation; then the governor records his action plan (Rule 25.3)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from inspections import services
from inspections.models import ActionPlan, Recommendation
from prisoners.tests.factories import PrisonerFactory
from tests.screenshots import screenshot
from tests.test_browser_admission import follow, sign_in, signed_in


def _last_visit(cast, facility):
    """A visit that ended, one of whose recommendations is now past its deadline."""
    inspector, today = cast["inspector"], timezone.localdate()
    visit = services.plan_visit(
        by=inspector,
        facility=facility,
        body="National Preventive Mechanism",
        body_kind="npm",
        planned_start=today - timedelta(days=40),
        planned_end=today - timedelta(days=39),
    )
    services.add_member(by=inspector, visit=visit, name="Anong", role="Lead", woman=True)
    services.start_visit(by=inspector, visit=visit, started_at=timezone.now() - timedelta(days=40))
    late = services.recommend(
        by=inspector,
        visit=visit,
        text="Record the daily health visit to every segregated woman.",
        rule="22",
        priority="high",
        owner_role="health",
        deadline=today + timedelta(days=1),
    )
    services.finish_visit(by=inspector, visit=visit, ended_at=timezone.now() - timedelta(days=39))
    Recommendation.objects.filter(pk=late.pk).update(deadline=today - timedelta(days=5))


@pytest.mark.browser
@pytest.mark.rule("25.3")
@pytest.mark.django_db(transaction=True)
def test_an_inspector_prepares_a_visit_and_the_governor_answers(
    live_server, page, cast, facility_a, artifacts_dir
):
    for n in range(5):
        PrisonerFactory(facility=facility_a, prison_number=f"A7{n:04d}", given_names=f"Woman{n}")
    _last_visit(cast, facility_a)
    base = live_server.url

    signed_in(page, base, "inspector")
    page.get_by_role("link", name="Inspections").first.click()
    page.get_by_role("link", name=f"Plan a visit to {facility_a}").click()
    form = page.get_by_test_id("inspections-form")
    form.get_by_label("Monitoring body").fill("Independent Monitoring Board")
    form.get_by_label("Kind of body").select_option("board")
    form.get_by_label("Unannounced").check()
    today = timezone.localdate()
    form.get_by_label("Planned start").fill(today.isoformat())
    form.get_by_label("Planned end").fill((today + timedelta(days=1)).isoformat())
    form.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The visit is planned. Add its team.")).to_be_visible()
    expect(page.get_by_test_id("inspections-no-woman")).to_be_visible()

    # The last visit's recommendation, overdue, is on the preparation page.
    still_open = page.get_by_test_id("inspections-still-open")
    expect(still_open).to_contain_text("Record the daily health visit")
    expect(still_open).to_contain_text("Overdue")
    expect(page.get_by_test_id("inspections-compared").first).to_be_visible()

    page.get_by_role("link", name="Add a team member").click()
    form = page.get_by_test_id("inspections-form")
    form.get_by_label("Name").fill("Dr Malee Chaiyaporn")
    form.get_by_label("Role on the team").fill("Lead inspector")
    form.get_by_label("Yes, a woman").check()
    form.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("inspections-no-woman")).to_have_count(0)
    screenshot(page, artifacts_dir / "inspections-prepare.png", full_page=True)

    page.get_by_role("link", name="Draw the sample").click()
    form = page.get_by_test_id("inspections-form")
    form.get_by_label("Seed").fill("2026")
    form.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The sample is drawn.")).to_be_visible()
    expect(page.get_by_test_id("inspections-seed")).to_contain_text("2026")
    sampled = page.get_by_test_id("inspections-sampled").get_by_role("link").first
    sampled.click()
    expect(page.get_by_test_id("inspections-case")).to_be_visible()
    page.get_by_test_id("inspections-her-record").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Woman")
    page.go_back()
    page.get_by_role("link", name="Write the case-review note").click()
    form = page.get_by_test_id("inspections-form")
    form.get_by_label("Case-review note").fill("Her record is complete.")
    form.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The note is saved.")).to_be_visible()

    # The page she leaves has a form of its own: save the one the link opens, once it is there.
    follow(page, page.get_by_role("link", name="Start the visit"))
    page.get_by_test_id("inspections-form").get_by_role("button", name="Save").click()
    expect(page.get_by_text("The visit has started")).to_be_visible()

    page.get_by_role("link", name="Record a finding").click()
    form = page.get_by_test_id("inspections-form")
    form.get_by_label("Area").select_option("hygiene")
    form.get_by_label("Rule").fill("5")
    form.get_by_label("What was found").fill("No sanitary products on unit 2 for two days.")
    form.get_by_label("Evidence").fill("Stock checks; women's accounts.")
    form.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("inspections-findings")).to_contain_text("No sanitary products")

    page.get_by_role("link", name="Make a recommendation").click()
    form = page.get_by_test_id("inspections-form")
    form.get_by_label("Recommendation").fill("Keep a reserve of sanitary products on each unit.")
    form.get_by_label("Rule").fill("5")
    form.get_by_label("Priority").select_option("high")
    form.get_by_label("Owner at the facility").select_option("governor")
    form.get_by_label("Deadline").fill((today + timedelta(days=14)).isoformat())
    form.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("inspections-recommendation")).to_contain_text("Keep a reserve")
    screenshot(page, artifacts_dir / "inspections-visit.png", full_page=True)
    visit_url = page.url

    page.context.clear_cookies()
    sign_in(page, base, "governor")
    page.goto(visit_url)
    expect(page.get_by_test_id("inspections-sampled")).to_have_count(0)
    page.get_by_role("link", name="Record the action plan").click()
    form = page.get_by_test_id("inspections-form")
    form.get_by_label("Action").fill("A reserve cupboard on each unit, checked weekly.")
    form.get_by_label("Who carries it out").fill("Head of custody")
    form.get_by_label("Target date").fill((today + timedelta(days=10)).isoformat())
    form.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The action plan is recorded.")).to_be_visible()
    expect(page.get_by_test_id("inspections-recommendation")).to_contain_text("Head of custody")
    screenshot(page, artifacts_dir / "inspections-governor.png", full_page=True)
    assert ActionPlan.objects.get().owner == "Head of custody"
