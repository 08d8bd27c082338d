"""Reception admits a woman whose child outside is somewhere nobody knows: the admission can't
be completed (Rule 2.2); the social worker opens her task, records where the child lives and
who has custody, and the task is gone; reception then completes the admission. Everything
after sign-in is done in the browser, as staff do it (Rules 2.2, 3)."""

import re

import pytest
from playwright.sync_api import expect

from tests.her_page import open_sections
from tests.screenshots import screenshot
from tests.test_browser_admission import follow, sign_in, signed_in

CHILD = "Hnin Wai"
PLACE = "With her aunt in Hpa-An"


def admit(page, base) -> str:
    """Reception opens the admission of a new woman and answers her rights; its address."""
    page.get_by_role("link", name="Admit a woman").click()
    page.get_by_role("link", name="She is new: record who she is").click()
    page.get_by_label("Nationality", exact=True).select_option(label="Thailand")
    page.get_by_label("The language she prefers").select_option(label="Thai")
    fields = {
        "Given names": "Khin",
        "Family name": "Myo",
        "Date of birth": "1988-02-11",
        "Issuing authority": "Bangkok Criminal Court",
        "Legal basis": "Remand pending trial",
        "Order number": "CR-2026-2231",
        "Order date": "2026-11-27",
        "Date and hour of arrest": "2026-11-26T18:10",
        "Place of arrest": "Bang Sue",
    }
    for label, value in fields.items():
        page.get_by_label(label, exact=True).fill(value)
    page.get_by_role("button", name="Open the admission").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Admission of Khin Myo")
    for item in ("family_contact", "legal_advice", "information", "consular"):
        form = page.get_by_test_id(f"right-{item}")
        if not form.count():  # consular access is offered to a foreign national only
            continue
        form.get_by_label("Accepted").check()
        # The next form is filled on the page that follows.
        follow(page, form.get_by_role("button", name="Record her answer"))
    url = page.url
    page.get_by_role("link", name="Continue: Children").click()
    return url


def step(page, name: str) -> None:
    """Go to a step of the guided admission by its link in the progress."""
    page.get_by_test_id("steps").get_by_role("link", name=re.compile(name)).click()


@pytest.mark.browser
@pytest.mark.rule("2.2")
@pytest.mark.rule("3")
@pytest.mark.django_db(transaction=True)
def test_a_child_whose_whereabouts_are_unknown_is_found_then_she_is_admitted(
    live_server, page, cast, facility_a, artifacts_dir
):
    base = live_server.url
    shots = artifacts_dir / "child-whereabouts"
    shots.mkdir(exist_ok=True)
    signed_in(page, base, "reception")
    admission_url = admit(page, base)

    # She doesn't know where her daughter is now, nor who has her.
    page.get_by_text("Add a child").click()
    page.get_by_label("Child's given names").fill(CHILD)
    page.get_by_label("Date of birth").last.fill("2017-08-21")
    page.get_by_label("Where the child lives is not known").check()
    page.get_by_label("Custody or guardianship").select_option("unknown")
    page.get_by_role("button", name="Add the child").click()
    children = page.get_by_test_id("admission-children")
    expect(children).to_contain_text("whereabouts not known")
    expect(children).to_contain_text("No arrangement recorded")

    step(page, "Complete")
    page.get_by_role("button", name="Complete the admission").click()
    expect(page.get_by_test_id("refusal")).to_contain_text("Bangkok Rule 2.2")
    screenshot(page, shots / "1-refused-rule-2-2.png", full_page=True)
    page.get_by_role("button", name="Sign out").click()

    # The social worker's task opens the child's form.
    sign_in(page, base, "social")
    page.get_by_role("link", name="My tasks").first.click()
    row = page.get_by_role("row").filter(has_text="Find out where a child lives")
    expect(row).to_contain_text("Khin Myo")
    expect(row).not_to_contain_text(CHILD)
    screenshot(page, shots / "2-social-worker-tasks.png", full_page=True)
    row.get_by_role("link", name=re.compile("Record where the child lives")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Change {CHILD}'s record")

    # Saved with a place but "not known" still ticked: said beside the tick, nothing lost.
    page.get_by_label("Where the child lives", exact=True).fill(PLACE)
    page.get_by_role("button", name="Save the child's record").click()
    expect(page.locator("#id_location_unknown_error")).to_contain_text("untick")
    expect(page.locator("#id_custody_error")).to_have_count(0)
    expect(page.get_by_label("Where the child lives", exact=True)).to_have_value(PLACE)
    screenshot(page, shots / "3-error-beside-the-field.png", full_page=True)

    page.get_by_label("Where the child lives is not known").uncheck()
    page.get_by_label("Custody or guardianship").select_option("relative")
    page.get_by_label("Carer's contact").fill("Daw Aye, 089 555 0142")
    page.get_by_label("Arrangements made for the child").fill(
        "Her aunt in Hpa-An cares for her; the social worker spoke to her today."
    )
    page.get_by_role("button", name="Save the child's record").click()
    expect(page.get_by_text(f"{CHILD}'s record is saved.")).to_be_visible()
    open_sections(page)
    expect(page.get_by_test_id("children")).to_contain_text(PLACE)

    page.get_by_role("link", name="My tasks").first.click()
    expect(page.get_by_text("Find out where a child lives")).to_have_count(0)
    screenshot(page, shots / "4-task-gone.png", full_page=True)
    page.get_by_role("button", name="Sign out").click()

    # Reception completes the admission.
    sign_in(page, base, "reception")
    page.goto(admission_url)
    step(page, "Children")
    expect(page.get_by_test_id("admission-children")).to_contain_text(PLACE)
    expect(page.get_by_test_id("admission-children")).not_to_contain_text("No arrangement recorded")
    step(page, "Complete")
    page.get_by_role("button", name="Complete the admission").click()
    expect(page).to_have_url(re.compile(r"/women/[0-9a-f-]+/$"))
    open_sections(page)
    expect(page.get_by_text("Admitted", exact=True)).to_be_visible()
    screenshot(page, shots / "5-admitted.png", full_page=True)
