"""A custody officer takes a woman's report of abuse by an officer; later the officer it names
lays a charge against her. He is told what he would be told for any woman, and never sees the
report; the charge waits for its hearing until safeguarding staff and the governor have each
found it is not retaliation, and found retaliatory it is dismissed (Rules 7.3, 25.1)."""

import pytest
from playwright.sync_api import expect

from complaints.models import Complaint, HeldAction
from discipline.models import Charge
from health.tests.factories import admitted_woman
from staff.tests.factories import make_staff
from tests.her_page import open_sections
from tests.screenshots import screenshot
from tests.test_browser_admission import sign_in, signed_in


@pytest.mark.browser
@pytest.mark.rule("7.3")
@pytest.mark.rule("25.1")
@pytest.mark.django_db(transaction=True)
def test_a_charge_laid_after_her_report_is_held_for_review(
    live_server, page, cast, facility_a, artifacts_dir
):
    base = live_server.url
    woman = admitted_woman(cast, facility_a).prisoner
    accused = make_staff("custody", facility_a, username="accused", first_name="Somchai")
    woman_url = f"{base}/women/{woman.uuid}/"

    signed_in(page, base, "custody")
    page.goto(woman_url)
    open_sections(page)
    page.get_by_test_id("lodge-link").click()
    page.get_by_label("Report of abuse").check()
    page.get_by_label("How it came").select_option("in_person")
    page.get_by_label("What it is about").select_option("treatment_by_staff")
    page.get_by_label("Her account").fill("She says an officer slapped her at lock-up.")
    page.get_by_label(accused.get_full_name()).check()
    page.get_by_label("When it happened (reports of abuse)").select_option("during")
    page.get_by_label("Alleged perpetrator (reports of abuse)").select_option("staff")
    page.get_by_role("button", name="Lodge it").click()
    expect(page.get_by_text("Lodged in confidence")).to_be_visible()
    assert Complaint.objects.count() == 1
    page.get_by_role("button", name="Sign out").click()

    # The officer it names charges her the next day: laid, as for any woman, and held.
    sign_in(page, base, "accused")
    page.goto(woman_url)
    open_sections(page)
    assert "slapped" not in page.content()
    page.get_by_role("link", name="Lay a charge").click()
    page.get_by_label("What she is charged with").fill("Disobeyed an order at lock-up")
    page.get_by_label("Language she was told in").fill("Burmese")
    page.get_by_role("button", name="Lay the charge").click()
    expect(page.get_by_text("Charge laid. The governor hears it.")).to_be_visible()
    assert "Held for review" not in page.content() and "7.3" not in page.content()
    screenshot(page, artifacts_dir / "retaliation-charge-held.png", full_page=True)
    charge = Charge.objects.get()
    held = HeldAction.objects.get()
    assert held.kind == "charge" and held.status == "held" and held.record_uuid == charge.uuid
    page.goto(f"{base}/complaints/{Complaint.objects.get().uuid}/")
    assert "slapped" not in page.content()
    page.get_by_role("button", name="Sign out").click()

    # Safeguarding finds it retaliation: it never happens.
    sign_in(page, base, "safeguarding")
    page.goto(f"{base}/complaints/held/")
    page.get_by_role("link", name="A disciplinary charge").click()
    expect(page.get_by_test_id("summary")).to_contain_text("Disobeyed an order")
    page.get_by_label("Yes").check()
    page.get_by_label("Notes").fill("Laid by the officer she reported, the day after.")
    page.get_by_role("button", name="Record my review").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("does not go ahead")
    screenshot(page, artifacts_dir / "retaliation-review.png", full_page=True)
    charge.refresh_from_db()
    assert charge.status == "dismissed"
