"""A social worker, in her browser: the girls under 18 of her facility, one whose parent or
guardian is not told yet; a first call reaches nobody and the task stays; a second reaches her
mother; the list shows her told (Rule 36)."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from health.tests.factories import admitted_woman
from tests.screenshots import screenshot
from tests.test_browser_admission import signed_in


def _sixteen() -> date:
    today = timezone.localdate()
    return today.replace(year=today.year - 16) - timedelta(days=40)


def tell(page, *, reached: bool, note: str = ""):
    form = page.get_by_test_id("girls-form")
    form.get_by_label("Told of").select_option("admission")
    form.get_by_label("Yes, they were told" if reached else "No, nobody could be reached").check()
    form.get_by_label("Parent or guardian").fill("Daw Khin")
    form.get_by_label("Who they are to her").fill("her mother")
    form.get_by_label("How").select_option("phone")
    form.get_by_label("When").fill(timezone.localtime().strftime("%Y-%m-%dT%H:%M"))
    if note:
        form.get_by_label("What was said or tried").fill(note)
    form.get_by_role("button", name="Save").click()


@pytest.mark.browser
@pytest.mark.rule("36")
@pytest.mark.django_db(transaction=True)
def test_a_social_worker_tells_a_girls_mother_after_a_first_call_reaches_nobody(
    live_server, page, cast, facility_a, artifacts_dir
):
    girl = admitted_woman(
        cast, facility_a, given_names="Nilar", family_name="Oo", date_of_birth=_sixteen()
    ).prisoner
    base = live_server.url
    signed_in(page, base, "social")
    page.get_by_role("link", name="Girls").click()
    row = page.get_by_test_id("girls").get_by_role("row", name="Nilar Oo")
    expect(row.get_by_test_id("told")).to_contain_text("Not yet")
    expect(row.get_by_test_id("education")).to_contain_text("No place yet")
    row.get_by_role("link", name="Record it").click()

    tell(page, reached=False)
    expect(page.get_by_text("Say what was tried to reach them.").first).to_be_visible()
    page.get_by_test_id("girls-form").get_by_label("What was said or tried").fill(
        "No answer on the number she gave; a message left."
    )
    page.get_by_test_id("girls-form").get_by_role("button", name="Save").click()
    expect(page.get_by_text("The notice to her parent or guardian is recorded.")).to_be_visible()
    notices = page.get_by_test_id("guardian-notices")
    expect(notices).to_contain_text("No: No answer on the number she gave")

    page.get_by_test_id("tell-guardian").click()
    tell(page, reached=True)
    expect(page.get_by_test_id("guardian-notices").get_by_role("row")).to_have_count(3)
    screenshot(page, artifacts_dir / "girls-her-section.png", full_page=True)

    page.get_by_role("link", name="Girls").click()
    told = page.get_by_test_id("girls").get_by_role("row", name="Nilar Oo").get_by_test_id("told")
    expect(told).to_contain_text("Told")
    screenshot(page, artifacts_dir / "girls-list.png", full_page=True)
    assert girl.guardian_notices.filter(reached=True).count() == 1
