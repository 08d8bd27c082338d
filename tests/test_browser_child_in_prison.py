"""A baby comes to live with her mother in prison only on a best-interests decision, and later
leaves her on a separation plan (Rules 49, 52). Reception is refused the baby before the
decision; the social worker records it; reception adds the baby; the social worker decides
the child leaves, makes the plan, sees what it lacks, completes it and records the separation.
Everything after the admission is opened is done in the browser, as staff do it."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.her_page import open_sections
from tests.screenshots import screenshot
from tests.test_browser_admission import sign_in, signed_in

BABY = "Dao"


def decide(page, *, outcome: str, reasons: str, child: str | None = None) -> None:
    """The social worker records a best-interests decision on its page."""
    expect(page.get_by_role("heading", level=1)).to_have_text("A best-interests decision")
    if child:
        which = page.get_by_label("Which child")
        expect(which.locator("option").nth(1)).to_contain_text(child)
        which.select_option(index=1)
    page.get_by_label("Who took part").fill("She, the social worker, the unit nurse")
    page.get_by_label("Her views").fill("She wants what is best for her baby.")
    page.get_by_label("The child's needs").fill("A baby who is breastfed and thriving.")
    page.get_by_label(outcome).check()
    page.get_by_label("The reasons, in the child's best interests").fill(reasons)
    page.get_by_role("button", name="Record the decision").click()


@pytest.mark.browser
@pytest.mark.rule("49")
@pytest.mark.rule("52")
@pytest.mark.django_db(transaction=True)
def test_a_baby_lives_with_her_mother_on_a_decision_and_leaves_on_a_plan(
    live_server, page, cast, facility_a, artifacts_dir
):
    from admissions.services import admit_woman
    from admissions.tests.factories import commitment, identity

    admission = admit_woman(
        by=cast["reception"], facility=facility_a, commitment=commitment(), identity=identity()
    )
    woman = admission.prisoner
    base = live_server.url
    shots = artifacts_dir / "child-in-prison"
    shots.mkdir(exist_ok=True)
    born = (timezone.localdate() - timedelta(days=120)).isoformat()

    # Reception: the baby can't be recorded as living with her before the decision.
    signed_in(page, base, "reception")
    page.goto(f"{base}/admissions/{admission.uuid}/steps/children/")
    page.get_by_text("Add a child").click()
    page.get_by_label("Child's given names").fill(BABY)
    page.get_by_label("Date of birth").last.fill(born)
    page.get_by_label("Lives with her mother in prison").check()
    page.get_by_role("button", name="Add the child").click()
    expect(page.get_by_text(re.compile("Bangkok Rule 49")).first).to_be_visible()
    screenshot(page, shots / "1-refused-rule-49.png", full_page=True)
    page.get_by_role("button", name="Sign out").click()

    # The social worker decides, before the baby comes, that she lives with her mother.
    sign_in(page, base, "social")
    page.goto(f"{base}/women/{woman.uuid}/")
    open_sections(page)
    page.get_by_test_id("best-interests-link").click()
    decide(
        page,
        outcome="The child lives with her mother in prison",
        reasons="A baby is best cared for by her mother; the unit has a place.",
    )
    expect(
        page.get_by_text(re.compile("The decision is recorded. The next review"))
    ).to_be_visible()
    screenshot(page, shots / "2-decision-recorded.png", full_page=True)
    page.get_by_role("button", name="Sign out").click()

    # Reception adds the baby.
    sign_in(page, base, "reception")
    page.goto(f"{base}/admissions/{admission.uuid}/steps/children/")
    page.get_by_text("Add a child").click()
    page.get_by_label("Child's given names").fill(BABY)
    page.get_by_label("Date of birth").last.fill(born)
    page.get_by_label("Lives with her mother in prison").check()
    page.get_by_role("button", name="Add the child").click()
    expect(page.get_by_test_id("admission-children")).to_contain_text("with her mother")
    page.get_by_role("button", name="Sign out").click()

    # The social worker: the review is due; later the child is to leave. Refused first: the
    # page says what is missing, each with its rule.
    sign_in(page, base, "social")
    page.goto(f"{base}/women/{woman.uuid}/")
    open_sections(page)
    expect(page.get_by_test_id("review-due")).to_contain_text("Best-interests review due")
    page.get_by_role("link", name=f"Separation {BABY}").click()
    missing = page.get_by_test_id("separation-missing")
    expect(missing).to_contain_text("Rule 52.1")
    page.get_by_role("button", name="Record the separation").click()
    expect(page.get_by_text(re.compile("Bangkok Rule 52.1")).first).to_be_visible()
    screenshot(page, shots / "3-separation-refused.png", full_page=True)

    page.get_by_role("link", name="Record a decision").click()
    decide(
        page,
        child=BABY,
        outcome="The child lives apart from her mother",
        reasons="Her grandmother can care for the child, who is ready for nursery.",
    )
    expect(page.get_by_text("The decision is recorded: the child lives apart")).to_be_visible()
    open_sections(page)

    page.get_by_role("link", name=f"Separation {BABY}").click()
    page.get_by_role("link", name="Make the plan").click()
    today = timezone.localdate().isoformat()
    page.get_by_label("Who will care for the child").fill("Her grandmother, Mrs Boonmee")
    page.get_by_label("Where the child will live").fill("Lampang")
    page.get_by_label("Carer's contact").fill("+66 81 234 5678")
    page.get_by_label("Custody or guardianship").select_option("relative")
    page.get_by_label("Day the carer confirmed the arrangement").fill(today)
    page.get_by_label("The gradual transition: its stages and dates").fill(
        "Day visits for two weeks, then weekends, then the move."
    )
    page.get_by_label("Day she was consulted").fill(today)
    page.get_by_label("Her views on the plan").fill("She agrees; she asked for weekly visits.")
    page.get_by_label("Day consular officials were consulted").fill(today)  # foreign national
    page.get_by_label("Consular official consulted").fill("The consul, Ms Tan")
    page.get_by_label("Relocation to the child's home country, considered with her").fill(
        "She wants the child near her, with her mother in Lampang."
    )
    page.get_by_label("How she and the child will meet after").fill(
        "Her grandmother brings the child every Saturday."
    )
    page.get_by_label("She meets the child at least every (days)").fill("7")
    page.get_by_role("button", name="Save the plan").click()
    expect(page.get_by_text("The separation plan is saved.")).to_be_visible()
    expect(page.get_by_test_id("separation-ready")).to_be_visible()
    screenshot(page, shots / "4-plan-complete.png", full_page=True)

    page.get_by_role("button", name="Record the separation").click()
    expect(page.get_by_text("The separation is recorded.")).to_be_visible()
    open_sections(page)
    expect(page.get_by_test_id("children")).to_contain_text("Lampang")
    screenshot(page, shots / "5-separated.png", full_page=True)
