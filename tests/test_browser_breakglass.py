"""A custody officer, in her browser, breaks the glass on a woman found collapsed at night and
reads the emergency part of her clinical file; health staff review the read the next day; the
inspector lists it with its review, never anything of the file (Rule 8; indicator 53)."""

import pytest
from playwright.sync_api import expect

from health.services.screening import answer_item, start_screening
from release.tests.factories import admitted
from tests.her_page import open_sections
from tests.screenshots import screenshot
from tests.test_browser_admission import sign_in, signed_in

NAME, FAMILY, NUMBER = "Ploy", "Chaiyasit", "A48101"
FINDING = "Epilepsy: buccal midazolam in the wing's medical box."


@pytest.mark.browser
@pytest.mark.rule("8")
@pytest.mark.django_db(transaction=True)
def test_custody_break_the_glass_health_review_it_the_inspector_lists_it(
    live_server, page, cast, facility_a, artifacts_dir
):
    admission = admitted(
        cast, facility_a, prison_number=NUMBER, given_names=NAME, family_name=FAMILY
    )
    screening = start_screening(by=cast["health"], admission=admission, language="th")
    answer_item(
        by=cast["health"],
        screening=screening,
        item="primary_care",
        answer="answered",
        finding=FINDING,
    )
    woman = admission.prisoner
    base = live_server.url

    # Custody: from her page, the glass broken with the reason, and the part read.
    signed_in(page, base, "custody")
    page.goto(f"{base}/women/{woman.uuid}/")
    open_sections(page)
    page.get_by_test_id("break-glass").click()
    page.get_by_role("button", name="Break the glass").click()
    expect(page.get_by_text("Rule 8").first).to_be_visible()  # no reason: refused
    page.get_by_label("She is unwell, injured or unconscious").check()
    page.get_by_label("What is happening").fill("Found fitting in her cell at 02:10; no nurse.")
    page.get_by_role("button", name="Break the glass").click()
    expect(
        page.get_by_text("The emergency part of her clinical file is open to you.")
    ).to_be_visible()
    expect(page.get_by_test_id("breakglass-part")).to_contain_text(FINDING)
    screenshot(page, artifacts_dir / "breakglass-read.png", full_page=True)
    page.get_by_role("button", name="Sign out").click()

    # Health staff: the review, from the list of reads.
    sign_in(page, base, "health")
    page.goto(f"{base}/break-glass/")
    page.get_by_test_id("review").click()
    expect(page.get_by_test_id("breakglass-access")).to_contain_text("Found fitting")
    page.get_by_label("Justified", exact=True).check()
    page.get_by_role("button", name="Record the review").click()
    expect(page.get_by_text("The review is recorded.")).to_be_visible()
    page.get_by_role("button", name="Sign out").click()

    # The inspector: the read and its review, nothing of the file.
    sign_in(page, base, "inspector")
    page.goto(f"{base}/break-glass/")
    accesses = page.get_by_test_id("breakglass-accesses")
    expect(accesses).to_contain_text("Found fitting")
    expect(accesses).to_contain_text("Justified")
    expect(accesses).not_to_contain_text(FINDING)
    screenshot(page, artifacts_dir / "breakglass-list.png", full_page=True)
