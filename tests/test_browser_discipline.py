"""Health staff record that a mother is breastfeeding; a custody officer then tries to
segregate her, asking the governor's authority, and is refused under Rule 22 on the page,
told only that she is under the "No segregation" protection, never why. Nothing is written
(Rules 8, 22)."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from discipline.models import Segregation
from health.services.maternity import record_breastfeeding
from health.tests.factories import admitted_woman
from tests.test_browser_admission import sign_in


@pytest.mark.browser
@pytest.mark.rule("22")
@pytest.mark.rule("8")
@pytest.mark.django_db(transaction=True)
def test_a_custody_officer_cant_segregate_a_breastfeeding_mother(
    live_server, page, cast, facility_a, artifacts_dir
):
    base = live_server.url
    woman = admitted_woman(cast, facility_a).prisoner
    record_breastfeeding(by=cast["health"], prisoner=woman, status="breastfeeding")

    sign_in(page, base, "custody")
    page.goto(f"{base}/women/{woman.uuid}/")
    page.get_by_role("link", name="Segregate").click()
    page.get_by_label("Kind").select_option("close_confinement")
    page.get_by_label("Reason").fill("Fought with another woman in the yard")
    planned_end = timezone.localdate() + timedelta(days=3)
    page.get_by_label("Planned end").fill(planned_end.isoformat())
    page.get_by_label("Governor whose authority you ask").select_option(index=1)
    page.get_by_role("button", name="Record the segregation").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("under the 'No segregation' protection (Bangkok Rule 22)")
    page.screenshot(path=artifacts_dir / "discipline-segregation-refused.png", full_page=True)
    assert not re.search(r"(?i)pregnan|breastfe|infant", page.content())
    assert not Segregation.objects.exists()
