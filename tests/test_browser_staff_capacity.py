"""The governor, in her browser: a new officer's posting waits for her with the Rule 33.1
warning (no training in women's rights and gender-specific needs yet); she confirms it and is
told again; her staff's capacity (Rules 29-35) shows the new starter among her staff."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from staff import services
from staff.models import Employment, Grade
from staff.tests.factories import make_staff
from tests.screenshots import screenshot
from tests.test_browser_admission import signed_in


@pytest.mark.browser
@pytest.mark.rule("33.1")
@pytest.mark.django_db(transaction=True)
def test_the_governor_confirms_an_untrained_officers_posting_warned_and_reads_capacity(
    live_server, page, cast, facility_a, artifacts_dir
):
    officer = make_staff("custody", username="newofficer", first_name="Noy", last_name="Win")
    Employment.objects.create(
        user=officer, grade=Grade.OFFICER, started_on=timezone.localdate() - timedelta(days=100)
    )
    Employment.objects.create(user=cast["governor"], grade=Grade.SENIOR)
    services.request_facility(user=officer, facility=facility_a, by=cast["sysadmin"])
    base = live_server.url

    signed_in(page, base, "governor")
    page.goto(f"{base}/accounts/changes/")
    waiting = page.get_by_test_id("awaiting")
    expect(waiting.get_by_test_id("untrained")).to_contain_text(
        "no valid training in women's rights and gender-specific needs (Rule 33.1)"
    )
    waiting.get_by_role("button", name="Confirm").click()
    expect(page.get_by_text("Confirmed: the change has taken effect.")).to_be_visible()
    expect(page.get_by_text("Noy Win has no valid training in women's rights")).to_be_visible()

    page.goto(f"{base}/searches/training/")
    capacity = page.get_by_test_id("capacity")
    expect(capacity).to_be_visible()
    expect(page.get_by_test_id("senior-women")).to_have_text("1 of 1")
    # The new officer started 100 days ago and is still without her Rule 33.1 training.
    expect(page.get_by_test_id("new-starters-late")).to_have_text("1")
    screenshot(page, artifacts_dir / "staff-capacity.png", full_page=True)
