"""Reception proposes a transfer nearer her home; it shows on her admission as awaiting a
governor's confirmation, and she moves only when the governor confirms it on her queue with
her own sign-in (Rule 4; Mandela Rule 7(c))."""

import pytest
from playwright.sync_api import expect

from tests.screenshots import screenshot
from tests.test_browser_admission import sign_in


@pytest.mark.browser
@pytest.mark.rule("4")
@pytest.mark.django_db(transaction=True)
def test_a_transfer_proposed_by_reception_moves_her_once_the_governor_confirms_it(
    live_server, page, page_checks, browser, cast, thai_admitted, facility_b, artifacts_dir
):
    from admissions.models import TransferProposal

    base = live_server.url
    admission_url = f"{base}/admissions/{thai_admitted.uuid}/"
    reception = page
    sign_in(reception, base, "reception")
    reception.goto(admission_url)
    reception.get_by_text("Transfer her", exact=True).click()
    form = reception.locator('form[action$="/transfer/"]')
    form.locator("select[name=facility]").select_option(label=str(facility_b))
    form.locator("textarea[name=reason], input[name=reason]").fill(
        "Nearer her home and her children in Chiang Mai"
    )
    form.get_by_role("button", name="Propose the transfer").click()
    expect(reception.get_by_text("she moves when a governor confirms it")).to_be_visible()
    pending = reception.get_by_test_id("transfer-proposed")
    expect(pending).to_contain_text("Awaiting a governor's confirmation")
    screenshot(reception, artifacts_dir / "transfer-proposed.png", full_page=True)

    governor_context = browser.new_context()
    page_checks.watch(governor_context)
    governor = governor_context.new_page()
    sign_in(governor, base, "governor")
    governor.goto(f"{base}/authority/")
    waiting = governor.get_by_test_id("waiting-transfers")
    expect(waiting).to_contain_text("Nearer her home")
    screenshot(governor, artifacts_dir / "transfer-awaiting-the-governor.png", full_page=True)
    waiting.get_by_role("button", name="Give my authority").click()
    expect(governor.get_by_test_id("waiting-transfers-empty")).to_be_visible()
    assert TransferProposal.objects.get().transfer.to_facility == facility_b

    # Her record now belongs to the receiving facility.
    assert reception.goto(admission_url).status == 404
