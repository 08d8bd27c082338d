"""A woman released with her plan complete and her copy of her records in hand (Rules 45-47,
55; Mandela 9). Her earliest release date is recorded and her plan started (the setup); then
only the browser: a social worker completes every section of her plan, health staff hand her
health care over, and reception reads her copy, logs that she signed for it and releases her.
Before that, the release is refused on the page naming Mandela Rule 9."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from release.services import record_release_date, start_plan
from release.tests.factories import admitted
from tests.screenshots import screenshot
from tests.test_browser_admission import sign_in, signed_in

SECTIONS = {
    "accommodation": ("complete", "Her sister's flat on the day; a hostel place after."),
    "income": ("complete", "Welfare allowance claimed; job centre appointment booked."),
    "children": ("complete", "Reunification with her children planned with their carer."),
    "safety": ("not_needed", ""),
    "referrals": ("complete", "Probation and a women's NGO in her own language."),
    "transition": ("not_needed", ""),
    "support": ("complete", "She wants a counsellor and help with housing papers."),
}


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()


@pytest.mark.browser
@pytest.mark.rule("46")
@pytest.mark.rule("47")
@pytest.mark.rule("M9")
@pytest.mark.django_db(transaction=True)
def test_a_woman_released_with_her_plan_complete_and_her_records_copy_in_hand(
    live_server, page, page_checks, cast, facility_a, artifacts_dir
):
    admission = admitted(cast, facility_a)
    record_release_date(
        by=cast["social"],
        admission=admission,
        earliest_release_on=timezone.localdate() + timedelta(days=20),
    )
    start_plan(by=cast["social"], admission=admission)
    base = live_server.url
    release_page = f"{base}/release/{admission.uuid}/"

    signed_in(page, base, "social")
    page.goto(release_page)
    expect(page.get_by_test_id("health-status")).to_contain_text("Not complete")
    for part, (status, notes) in SECTIONS.items():
        card = page.get_by_test_id(f"part-{part}")
        card.locator("summary").click()
        card.get_by_label("Status").select_option(status)
        if notes:
            card.get_by_label("What is arranged").fill(notes)
        card.get_by_role("button", name="Save the section").click()
        expect(page.get_by_role("alert").filter(has_text="The section is saved.")).to_be_visible()
    expect(page.get_by_test_id("release-checks")).to_contain_text("Complete")
    screenshot(page, artifacts_dir / "release-plan.png", full_page=True)
    sign_out(page)

    sign_in(page, base, "health")
    page.goto(release_page)
    page.get_by_label("Medication to continue").fill("Metformin 500 mg twice daily")
    page.get_by_label("Community health service taking her on").fill("District health centre")
    page.get_by_label("Handed over to them on").fill(timezone.localdate().isoformat())
    page.get_by_label("Health continuity is complete: her care is handed over").check()
    page.get_by_role("button", name="Save health continuity").click()
    expect(
        page.get_by_role("alert").filter(has_text="health continuity is recorded")
    ).to_be_visible()
    expect(page.get_by_test_id("health-status")).to_contain_text("Complete")
    sign_out(page)

    sign_in(page, base, "reception")
    page.goto(f"{base}/admissions/{admission.uuid}/")
    page.get_by_text("Release her").click()
    page.get_by_label("Why she is released").fill("End of sentence")
    page.get_by_role("button", name="Record the release").click()
    expect(page.get_by_text("Mandela Rule 9").first).to_be_visible()
    page_checks.settle()  # the refusal is checked where it was posted, before she moves on

    page.goto(release_page)
    expect(page.get_by_test_id("copy-status")).to_contain_text("Not handed over")
    page.get_by_test_id("copy-general").click()
    expect(page.locator("html")).to_have_attribute("lang", "th")
    expect(page.get_by_test_id("copy-episode")).to_contain_text(admission.order_number)
    screenshot(page, artifacts_dir / "release-records-copy.png", full_page=True)
    page.go_back()
    page.get_by_label("Handed to her; she signed for it").check()
    page.get_by_label("Language of the copy").select_option("th")
    page.get_by_role("button", name="Log the hand-over").click()
    expect(
        page.get_by_role("alert").filter(has_text="hand-over of her copy is logged")
    ).to_be_visible()
    expect(page.get_by_text("Nothing here keeps her release waiting.")).to_be_visible()

    page.get_by_test_id("to-release").click()
    page.get_by_text("Release her").click()
    page.get_by_label("Why she is released").fill("End of sentence")
    page.get_by_role("button", name="Record the release").click()
    expect(
        page.get_by_role("alert").filter(has_text="She is released; the episode is closed.")
    ).to_be_visible()
    admission.refresh_from_db()
    assert admission.stage == "released"
