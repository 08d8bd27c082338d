"""The inspector's statistics (Rules 67-70): she opens the year's report, downloads its PDF,
and exports a table of oversight, whose file holds what the page showed her."""

import io

import pytest
import tablib
from django.utils import timezone
from playwright.sync_api import expect

from health.tests.factories import admitted_woman
from tests.screenshots import screenshot
from tests.test_browser_admission import signed_in


@pytest.mark.browser
@pytest.mark.rule("67")
@pytest.mark.rule("69")
@pytest.mark.django_db(transaction=True)
def test_the_inspector_reads_the_year_and_takes_a_table_away(
    live_server, page, cast, facility_a, artifacts_dir
):
    women = (("Nilar", "Oo"), ("Malee", "Srisuk"), ("Aye", "Thandar"))
    for number, (given, family) in enumerate(women):
        admitted_woman(
            cast, facility_a, given_names=given, family_name=family, prison_number=f"S{number}"
        )
    base = live_server.url
    signed_in(page, base, "inspector")
    nav = page.get_by_role("navigation", name="Menu")
    nav.get_by_role("link", name="Statistics").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Annual statistics")
    year = str(timezone.localdate().year)
    expect(page.get_by_test_id("report-heading")).to_contain_text(year)
    # Three women held: fewer than k, so hidden, and the method says why.
    held = page.get_by_test_id("figure-legal-status:total")
    expect(held).to_contain_text("*")
    expect(page.get_by_test_id("method")).to_contain_text("complementary")
    expect(page.locator("main")).not_to_contain_text("Nilar")
    screenshot(page, artifacts_dir / "annual-statistics.png", full_page=True)

    with page.expect_download() as downloading:
        page.get_by_test_id("annual-pdf").click()
    pdf = downloading.value
    assert pdf.suggested_filename == f"annual-statistics_all-facilities_{year}.pdf"
    assert open(pdf.path(), "rb").read(4) == b"%PDF"

    nav.get_by_role("link", name="Oversight").click()
    page.get_by_test_id("record-lists").get_by_role("link", name="Admissions", exact=True).click()
    expect(page.get_by_test_id("rows")).to_contain_text("Srisuk")
    with page.expect_download() as downloading:
        page.get_by_test_id("export-rows-xlsx").click()
    sheet = downloading.value
    assert sheet.suggested_filename.startswith("records-admissions_")
    assert sheet.suggested_filename.endswith(".xlsx")
    with open(sheet.path(), "rb") as file:
        data = tablib.Dataset().load(io.BytesIO(file.read()), format="xlsx")
    assert data.headers == ["When", "Woman", "Number", "What"]
    assert sorted(name.split()[-1] for name in data["Woman"]) == ["Oo", "Srisuk", "Thandar"]
