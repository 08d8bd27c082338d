"""Her classification, in the browser (Rules 40, 41, 8): a social worker scores the tool's risk
factors, tries to place her above the tool's level for her mental-health needs alone and is
refused under Rule 41 with everything she wrote kept, classifies her at the tool's level, and
opens her copy, in her language, which gives her level and its reasons and nothing of what she
disclosed."""

import pytest
from playwright.sync_api import expect

from tests.her_page import open_sections
from tests.screenshots import screenshot
from tests.test_browser_admission import signed_in

RISK_FACTORS = [
    "Violence in the current offence",
    "Escapes or attempts",
    "Violence in custody",
    "Risk to others",
]


@pytest.mark.browser
@pytest.mark.rule("41")
@pytest.mark.django_db(transaction=True)
def test_she_is_classified_at_the_tools_level_and_given_her_copy(
    live_server, page, cast, woman_a, artifacts_dir
):
    base = live_server.url
    signed_in(page, base, "social")
    page.goto(f"{base}/women/{woman_a.uuid}/")
    open_sections(page)
    page.get_by_role("link", name="Classify her").click()
    for factor in RISK_FACTORS:
        page.get_by_role("group", name=factor).get_by_label("None").check()
    page.get_by_role("textbox", name="Violence she has experienced").fill(
        "Years of violence from her former partner."
    )
    page.get_by_role("textbox", name="Mental-health needs").fill("Low mood; sees the nurse.")
    page.get_by_role("textbox", name="What her needs call for in her plan").fill(
        "Counselling; a place on the literacy class."
    )
    page.get_by_role("group", name="Security level assigned").get_by_label(
        "Medium security"
    ).check()
    page.get_by_role("checkbox", name="Her mental-health needs").check()
    page.get_by_role("textbox", name="Rationale for a level above the tool's").fill(
        "She may harm herself."
    )
    page.get_by_role("textbox", name="The reasons, as she is told them").fill(
        "Your offence and your conduct here carry no risk the tool counts."
    )
    page.get_by_role("button", name="Record the classification").click()
    # Refused: her health alone never raises her level (Rule 41(d)); nothing she wrote is lost.
    expect(page.get_by_role("alert")).to_contain_text("Rule 41")
    expect(page.get_by_role("textbox", name="Mental-health needs")).to_have_value(
        "Low mood; sees the nurse."
    )
    screenshot(page, artifacts_dir / "classification-refused.png", full_page=True)

    page.get_by_role("group", name="Security level assigned").get_by_label("Low security").check()
    page.get_by_role("checkbox", name="Her mental-health needs").uncheck()
    page.get_by_role("textbox", name="Rationale for a level above the tool's").fill("")
    page.get_by_role("button", name="Record the classification").click()
    expect(page.get_by_role("alert").filter(has_text="Classification recorded.")).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("Low security")

    page.get_by_role("link", name="Her copy: your classification").click()
    # In her language (Thai, from her record): her level, and the reasons as she was told them.
    copy = page.get_by_test_id("her-classification")
    expect(copy).to_contain_text("ความมั่นคงต่ำ")
    expect(page.get_by_test_id("her-reasons")).to_contain_text("carry no risk the tool counts")
    expect(page.get_by_role("main")).not_to_contain_text("former partner")
    screenshot(page, artifacts_dir / "classification-her-copy.png", full_page=True)
