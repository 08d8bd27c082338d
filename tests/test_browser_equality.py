"""Equality and faith, in the browser (Rules 54, 55; Mandela 2, 65, 66): a social worker records
her consent, what she says of herself in her words and a need of her faith, and that she asks
for a visit of a representative of her faith; the governor arranges the visit from her page,
then reads the outcomes by group on oversight, where groups too small to show are hidden, as
the inspector does."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from equality import services
from tests.her_page import open_sections
from tests.screenshots import screenshot
from tests.test_browser_admission import sign_in, signed_in


@pytest.mark.browser
@pytest.mark.rule("M65")
@pytest.mark.rule("M2")
@pytest.mark.django_db(transaction=True)
def test_her_words_her_faith_a_visit_arranged_and_the_suppressed_breakdown(
    live_server, page, cast, woman_a, artifacts_dir
):
    services.add_representative(
        by=cast["governor"], facility=woman_a.facility, name="Imam Hassan", faith="muslim"
    )
    base = live_server.url

    signed_in(page, base, "social")
    page.goto(f"{base}/women/{woman_a.uuid}/")
    open_sections(page)
    page.get_by_test_id("give-consent").first.click()
    page.get_by_role("button", name="She consents").click()
    expect(page.get_by_role("alert").filter(has_text="Her consent is recorded.")).to_be_visible()

    page.get_by_test_id("record-characteristics").click()
    page.get_by_label("Ethnicity, in her words").fill("Malay")
    page.get_by_label("Religion or belief", exact=True).select_option(label="Muslim")
    page.get_by_label("Does she consider herself disabled?").select_option(label="No")
    page.get_by_role("button", name="Save").click()
    # Her words only: the page asks that they are hers, keeping what was typed.
    expect(page.get_by_label("Ethnicity, in her words")).to_have_value("Malay")
    page.get_by_label("This is what she said of herself, in her words").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert").filter(has_text="What she said is recorded.")).to_be_visible()
    expect(page.get_by_test_id("equality-characteristics")).to_contain_text("Malay")

    page.get_by_test_id("record-need").click()
    page.get_by_label("Kind of need").select_option(label="Diet")
    page.get_by_label("What she asks for, in her words").fill("Halal food")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("faith-needs")).to_contain_text("Halal food")

    page.get_by_test_id("ask-visit").click()
    page.get_by_label("Her faith", exact=True).select_option(label="Muslim")
    page.get_by_label("What she asks for").fill("Before Friday prayers")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert").filter(has_text="Her request is recorded.")).to_be_visible()
    expect(page.get_by_test_id("faith-visit")).to_contain_text("Asked for, to be arranged")
    screenshot(page, artifacts_dir / "equality-her-record.png", full_page=True)
    page.context.clear_cookies()

    # The governor arranges it from her page; she reads her faith, never her characteristics.
    sign_in(page, base, "governor")
    page.goto(f"{base}/women/{woman_a.uuid}/")
    open_sections(page)
    expect(page.get_by_role("main")).not_to_contain_text("Malay")
    page.get_by_test_id("arrange-visit").first.click()
    page.get_by_label("Representative").select_option(label="Imam Hassan")
    when = timezone.localtime() + timezone.timedelta(days=2)
    page.get_by_label("When").fill(when.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert").filter(has_text="The visit is arranged.")).to_be_visible()
    expect(page.get_by_test_id("faith-visit").first).to_contain_text("Imam Hassan")

    # On oversight: counts by group, her group of one hidden, the method said.
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Oversight").click()
    breakdown = page.get_by_test_id("breakdown-equality-outcomes")
    expect(breakdown.get_by_test_id("breakdown-method")).to_contain_text("No count below 5")
    religion = page.get_by_test_id("breakdown-equality-outcomes-religion")
    expect(religion).to_contain_text("Muslim")
    expect(religion.get_by_role("row", name="Muslim")).to_contain_text("*")
    screenshot(page, artifacts_dir / "equality-oversight.png", full_page=True)
    page.context.clear_cookies()

    sign_in(page, base, "inspector")
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Oversight").click()
    expect(page.get_by_test_id("breakdown-equality-outcomes-ethnicity")).to_contain_text("*")
    expect(page.get_by_role("main")).not_to_contain_text("Malay")
