"""Reception opens the information sheet in Burmese and in Thai from her admission page, on a
PC with no Burmese or Thai font: the app serves its own, so the sheet shows and prints
glyphs, not boxes; a page in Latin script downloads none of them (Rule 2.1)."""

import pytest
from playwright.sync_api import expect

from admissions.services import admit_woman
from admissions.tests.factories import commitment, identity
from tests.screenshots import screenshot
from tests.test_browser_admission import sign_in


@pytest.mark.browser
@pytest.mark.rule("2.1")
@pytest.mark.django_db(transaction=True)
def test_the_sheet_in_burmese_and_thai_uses_the_apps_fonts(
    live_server, page, cast, facility_a, artifacts_dir
):
    admission = admit_woman(
        by=cast["reception"],
        facility=facility_a,
        commitment=commitment(),
        identity=identity(languages=["my"]),
    )
    base = live_server.url
    fonts: list[str] = []
    page.on("request", lambda request: request.url.endswith(".woff2") and fonts.append(request.url))

    sign_in(page, base, "reception")
    page.wait_for_load_state("networkidle")
    # The dashboard's language menu names Thai and Arabic in their scripts, and nothing on it
    # is in Burmese: the Burmese font stays on the server.
    assert not [url for url in fonts if "myanmar" in url]
    page.goto(f"{base}/admissions/{admission.uuid}/")

    page.get_by_role("link", name="မြန်မာဘာသာ").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("အမျိုးသမီးများအတွက်")
    page.wait_for_load_state("networkidle")
    assert any("noto-sans-myanmar" in url and url.startswith(base) for url in fonts)
    assert page.evaluate("document.fonts.check('16px \"Noto Sans Myanmar\"', 'မြန်မာ')")
    expect(page.get_by_role("button", name="Print")).to_be_visible()
    page.evaluate("document.fonts.ready.then(() => true)")
    screenshot(page, artifacts_dir / "information-sheet-my.png", full_page=True)
    page.emulate_media(media="print")
    expect(page.get_by_role("button", name="Print")).to_be_hidden()
    page.emulate_media(media="screen")

    page.goto(f"{base}/admissions/{admission.uuid}/information-sheet/?language=th")
    page.wait_for_load_state("networkidle")
    assert any("noto-sans-thai" in url for url in fonts)
    assert page.evaluate("document.fonts.check('16px \"Noto Sans Thai\"', 'ภาษาไทย')")
    page.evaluate("document.fonts.ready.then(() => true)")
    screenshot(page, artifacts_dir / "information-sheet-th.png", full_page=True)

    page.goto(f"{base}/admissions/{admission.uuid}/information-sheet/?language=km")
    expect(page.get_by_test_id("sheet-missing")).to_contain_text("no information sheet in Khmer")
    screenshot(page, artifacts_dir / "information-sheet-km.png", full_page=True)
