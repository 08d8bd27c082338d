"""Health staff record an entry screening with a declined item and her declaration of
pregnancy; a custody officer then sees that she must not be segregated, and nothing of why
(Rules 6, 8, 22, 48)."""

import re

import pytest
from playwright.sync_api import expect

from health.tests.factories import admitted_woman
from tests.her_page import open_sections
from tests.screenshots import screenshot
from tests.test_browser_admission import sign_in, signed_in


@pytest.mark.browser
@pytest.mark.rule("6")
@pytest.mark.rule("8")
@pytest.mark.rule("22")
@pytest.mark.django_db(transaction=True)
def test_a_screening_with_a_declined_item_and_a_pregnancy(
    live_server, page, cast, facility_a, artifacts_dir
):
    base = live_server.url
    admission = admitted_woman(cast, facility_a)
    woman_url = f"{base}/women/{admission.prisoner.uuid}/"

    signed_in(page, base, "health")
    page.goto(woman_url)
    open_sections(page)
    page.get_by_role("link", name="Open her clinical file").click()
    page.get_by_label("Language of the screening").fill("my")
    page.get_by_role("button", name="Begin the entry screening").click()

    form = page.get_by_test_id("screening-form")
    labels = form.locator("legend")
    expect(labels.first).to_be_visible()  # the form's page has loaded: all its items are there
    for n in range(labels.count()):
        group = form.locator("fieldset").nth(n)
        answer = "She declined" if n == 5 else "Answered"  # the reproductive history item
        group.get_by_label(answer, exact=True).check()
    form.locator("fieldset").nth(0).get_by_label("Finding").fill("Asthma; uses an inhaler")
    form.get_by_role("button", name="Save her answers").click()
    expect(page.get_by_test_id("screening-status")).to_contain_text("Complete")
    expect(page.get_by_test_id("item-reproductive")).to_contain_text("She declined")

    # She tells the nurse she is pregnant: her word counts at once (Rule 48; Rule 22).
    page.get_by_text("She says she is pregnant").click()
    page.get_by_role("button", name="Record").first.click()
    expect(page.get_by_text(re.compile("Pregnancy declared on"))).to_be_visible()
    screenshot(page, artifacts_dir / "health-file.png", full_page=True)
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, base, "custody")
    page.goto(woman_url)
    open_sections(page)
    expect(page.get_by_text("No segregation", exact=True)).to_be_visible()
    screenshot(page, artifacts_dir / "health-flag-seen-by-custody.png", full_page=True)
    seen = [page.content()]
    for url in (f"{base}/women/", f"{base}/tasks/", f"{base}/"):
        page.goto(url)
        seen.append(page.content())
    for html in seen:
        assert not re.search(r"(?i)pregnan|asthma|inhaler|declined", html)
    response = page.goto(f"{base}/health/women/{admission.prisoner.uuid}/")
    assert response.status == 404
