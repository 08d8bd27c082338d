"""A custody officer asks for handcuffs for a hospital escort and the governor gives her
authority; health staff then record, on her clinical file, her pregnancy and that labour has
started. The restraint page tells custody to remove them now, and once removed, a new
restraint is refused on the page under Rule 24, naming the protection and nothing of why
(Rules 8, 24). Nothing is written. Every step is taken in the browser, each role with her
own sign-in."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from health.tests.factories import admitted_woman
from restraints.models import Restraint
from tests.her_page import open_sections
from tests.screenshots import screenshot
from tests.test_browser_admission import sign_in, signed_in


def _signed_in(page, page_checks, base, username):
    """A page of a browser of her own, signed in as `username` (checked like every page)."""
    context = page.context.browser.new_context()
    page_checks.watch(context)
    other = context.new_page()
    sign_in(other, base, username)
    return other


def _file_form(nurse, summary: str):
    """The form of her clinical file folded under `summary`, opened."""
    form = nurse.locator("details", has_text=summary).last
    form.locator("summary").click()
    return form


def _pregnancy_recorded(nurse, base, woman, edd) -> None:
    """Health staff record on her clinical file that she says she is pregnant, then confirm it
    with the expected date of delivery."""
    nurse.goto(f"{base}/health/women/{woman.uuid}/")
    _file_form(nurse, "She says she is pregnant").get_by_role("button", name="Record").click()
    expect(nurse.get_by_text(re.compile("Pregnancy declared on"))).to_be_visible()
    confirm = _file_form(nurse, "Confirm the pregnancy")
    confirm.get_by_label("Expected date of delivery").fill(edd.isoformat())
    confirm.get_by_role("button", name="Save").click()
    expect(nurse.get_by_test_id("edd")).not_to_have_text("–")


def _apply(page, base, woman):
    page.goto(f"{base}/restraints/women/{woman.uuid}/apply/")
    page.get_by_label("Handcuffs, hands in front").check()
    page.get_by_label("Escort or transfer").check()
    page.get_by_label("Why nothing less would do").fill("Outside hospital, no secure room")
    page.get_by_label("No: planned, it waits for the governor's authority").check()
    page.get_by_label("Governor whose authority you ask").select_option(index=1)
    page.get_by_label("In hospital").check()
    page.get_by_role("button", name="Record the restraint").click()


@pytest.mark.browser
@pytest.mark.rule("24")
@pytest.mark.rule("8")
@pytest.mark.django_db(transaction=True)
def test_custody_are_told_to_remove_restraints_when_labour_starts_and_cannot_reapply(
    live_server, page, page_checks, cast, facility_a, artifacts_dir
):
    base = live_server.url
    woman = admitted_woman(cast, facility_a).prisoner
    signed_in(page, base, "custody")
    _apply(page, base, woman)
    expect(page.get_by_role("heading", name="Restraint")).to_be_visible()
    expect(page.get_by_test_id("authority-state")).to_contain_text("Awaiting authority")
    # The governor gives her authority with her own sign-in, from her queue.
    governor_context = page.context.browser.new_context()
    page_checks.watch(governor_context)
    governor = governor_context.new_page()
    sign_in(governor, base, "governor")
    governor.goto(f"{base}/authority/")
    governor.get_by_role("button", name="Give my authority").click()
    expect(governor.get_by_role("button", name="Give my authority")).to_have_count(0)
    governor.context.close()
    page.reload()
    expect(page.get_by_test_id("authority-state")).to_contain_text("Authorised by")

    # Health staff, on her clinical file: her pregnancy, then labour has started (now).
    nurse = _signed_in(page, page_checks, base, "health")
    _pregnancy_recorded(nurse, base, woman, timezone.localdate() + timedelta(days=2))
    _file_form(nurse, "Labour has started").get_by_role("button", name="Record").click()
    expect(nurse.get_by_text("Labour started", exact=True)).to_be_visible()
    nurse.context.close()

    page.reload()
    expect(page.get_by_test_id("obstetric-alert")).to_contain_text("Remove her restraints now")
    page.get_by_role("button", name="Record that it was removed").click()
    expect(page.get_by_text("Recorded that the restraint was removed.")).to_be_visible()

    # The apply page says the protection instead of offering a form (the service refuses a
    # restraint posted anyway: restraints/tests/test_pages.py).
    page.goto(f"{base}/restraints/women/{woman.uuid}/apply/")
    warning = page.get_by_test_id("no-restraints")
    expect(warning).to_contain_text("under the 'No restraints' protection (Bangkok Rule 24)")
    expect(page.get_by_role("button", name="Record the restraint")).to_have_count(0)
    screenshot(page, artifacts_dir / "restraints-refused.png", full_page=True)
    assert not re.search(r"(?i)pregnan|labour|birth", warning.inner_text())
    assert Restraint.objects.count() == 1
    assert not Restraint.objects.get().is_applied


@pytest.mark.browser
@pytest.mark.rule("24")
@pytest.mark.django_db(transaction=True)
def test_under_health_approval_custody_are_offered_only_the_approved_method(
    live_server, page, page_checks, cast, facility_a, artifacts_dir
):
    base = live_server.url
    woman = admitted_woman(cast, facility_a).prisoner
    # Health staff record her pregnancy and approve the least restrictive method, in the
    # browser: from her page, "Approve a method of restraint".
    nurse = _signed_in(page, page_checks, base, "health")
    _pregnancy_recorded(nurse, base, woman, timezone.localdate() + timedelta(days=90))
    nurse.goto(f"{base}/women/{woman.uuid}/")
    open_sections(nurse)
    nurse.get_by_role("link", name="Approve a method of restraint").click()
    nurse.get_by_label("Soft restraint cuffs").check()
    until = timezone.localtime() + timedelta(days=2)
    nurse.get_by_label("Valid until").fill(until.strftime("%Y-%m-%dT%H:%M"))
    nurse.get_by_role("button", name="Record the approval").click()
    expect(nurse.get_by_text("Approved method recorded.")).to_be_visible()
    nurse.context.close()

    sign_in(page, base, "custody")
    page.goto(f"{base}/restraints/women/{woman.uuid}/apply/")
    expect(page.get_by_test_id("approval")).to_contain_text("Soft restraint cuffs")
    expect(page.get_by_label("Soft restraint cuffs")).to_be_visible()
    expect(page.get_by_label("Handcuffs, hands in front")).to_have_count(0)
    expect(page.get_by_label("Escort cuff (her wrist to an officer's)")).to_have_count(0)
    expect(
        page.get_by_text("Only the methods health staff approved for her (Rule 24).")
    ).to_be_visible()
    screenshot(page, artifacts_dir / "restraints-approved-only.png", full_page=True)
    if Path("/work/shots").is_dir():
        Path("/work/shots/forms").mkdir(exist_ok=True)
        screenshot(page, "/work/shots/forms/restraints-approved-only.png", full_page=True)

    page.get_by_label("Soft restraint cuffs").check()
    page.get_by_label("Escort or transfer").check()
    page.get_by_label("Why nothing less would do").fill("Hospital appointment, no secure room")
    page.get_by_label("No: planned, it waits for the governor's authority").check()
    page.get_by_label("In hospital").check()
    page.get_by_role("button", name="Record the restraint").click()
    expect(page.get_by_role("heading", name="Restraint")).to_be_visible()
    assert Restraint.objects.get().device == "soft_cuffs"
