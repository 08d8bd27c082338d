"""A custody officer asks for handcuffs for a hospital escort and the governor gives her
authority; health staff then record that labour has started. The restraint page tells custody
to remove them now, and once removed, a new restraint is refused on the page under Rule 24,
naming the protection and nothing of why (Rules 8, 24). Nothing is written."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from health.services import maternity
from health.tests.factories import admitted_woman
from restraints.models import Restraint
from tests.test_browser_admission import sign_in


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
    sign_in(page, base, "custody")
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

    nurse = cast["health"]
    pregnancy = maternity.declare_pregnancy(by=nurse, prisoner=woman)
    maternity.confirm_pregnancy(
        by=nurse, pregnancy=pregnancy, edd=timezone.localdate() + timedelta(days=2)
    )
    maternity.record_labour(by=nurse, pregnancy=pregnancy, started_at=timezone.now())

    page.reload()
    expect(page.get_by_test_id("obstetric-alert")).to_contain_text("Remove her restraints now")
    page.get_by_role("button", name="Record that it was removed").click()
    expect(page.get_by_text("Recorded that the restraint was removed.")).to_be_visible()

    _apply(page, base, woman)
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("under the 'No restraints' protection (Rule 24)")
    page.screenshot(path=artifacts_dir / "restraints-refused.png", full_page=True)
    assert not re.search(r"(?i)pregnan|labour|birth", summary.inner_text())
    assert Restraint.objects.count() == 1
    assert not Restraint.objects.get().is_applied
