"""An inspector reads: her dashboard, the oversight counts and lists, the women and a
woman's page, every one of them without a form she could submit: she records nothing.
Each page is also checked by axe and at a phone's width, as every browser page is."""

import pytest
from playwright.sync_api import expect

from health.tests.factories import admitted_woman
from tests.test_browser_admission import sign_in

# The forms every signed-in page has, which record nothing about anyone: signing out, and
# the language of her own pages.
EVERY_PAGE = ["/accounts/logout/", "/i18n/setlang/"]


def forms_she_could_submit(page) -> list[str]:
    return page.eval_on_selector_all(
        "form",
        """forms => forms
            .filter(f => (f.getAttribute("method") || "get").toLowerCase() !== "get")
            .map(f => f.getAttribute("action") || location.pathname)""",
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_inspector_reads_without_a_single_form(live_server, page, cast, facility_a):
    admission = admitted_woman(cast, facility_a, given_names="Nilar", family_name="Oo")
    base = live_server.url
    visited = []

    def read(what):
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert sorted(forms_she_could_submit(page)) == EVERY_PAGE, f"{what}: {page.url}"
        visited.append(what)

    sign_in(page, base, "inspector")
    read("dashboard")

    nav = page.get_by_role("navigation", name="Menu")
    nav.get_by_role("link", name="Oversight").click()
    read("oversight")
    page.get_by_test_id("record-lists").get_by_role("link").first.click()
    read("a list of records")
    page.get_by_role("link", name="Back to oversight").click()
    # Another period: a search, not a record (a GET form).
    page.get_by_role("button", name="Show").click()
    read("oversight for a period")

    nav.get_by_role("link", name="Women").click()
    read("the women")
    page.get_by_role("link", name="Oo, Nilar").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Nilar Oo")
    read("her page")

    nav.get_by_role("link", name="Changes of access").click()
    read("changes of access")
    nav.get_by_role("link", name="Dashboard").click()
    read("dashboard again")
    assert admission.prisoner.given_names == "Nilar"
    assert len(visited) == 8
