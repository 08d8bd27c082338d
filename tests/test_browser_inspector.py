"""An inspector reads: her dashboard, the oversight counts and lists, the women and a
woman's page, every one of them without a form she could submit: she records nothing.
Each page is also checked by axe and at a phone's width, as every browser page is."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.translation import gettext_lazy
from playwright.sync_api import expect

from breaches.services import record_breach
from health.tests.factories import admitted_woman
from oversight import counted, figures
from reminders.models import Reminder, Status
from reminders.services import schedule_reminder
from tests.screenshots import screenshot
from tests.test_browser_admission import follow, signed_in

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
def test_the_inspector_reads_without_a_single_form(
    live_server, page, cast, facility_a, artifacts_dir
):
    admission = admitted_woman(cast, facility_a, given_names="Nilar", family_name="Oo")
    # A task a Rule sets a deadline for, done two days late: oversight counts it as late.
    now = timezone.now()
    late = schedule_reminder(
        key="inspector-journey:late",
        kind="health.screening_follow_up",
        rule="6",
        title=gettext_lazy("See her again after her entry screening"),
        facility=facility_a,
        assignee_role="health",
        due_at=now - timedelta(days=3),
        prisoner=admission.prisoner,
        confidential=True,
    )
    Reminder.objects.filter(pk=late.pk).update(
        status=Status.DONE, closed_at=now - timedelta(days=1)
    )
    # A breach staff recorded after the fact: a count that must be zero isn't.
    record_breach(
        by=cast["reception"],
        prisoner=admission.prisoner,
        kind="searches-by-a-man",
        occurred_at=now - timedelta(hours=3),
        account="Searched by a male officer at the gate.",
    )
    counted.refresh()  # the beat's count of the periods the pages ask most
    # A period asked on an earlier visit to these pages (the days since the last inspection),
    # counted by the beat since.
    today = timezone.localdate()
    asked_before = (today - timedelta(days=44), today)
    figures.asked(*asked_before)
    counted.refresh_asked()
    base = live_server.url
    visited = []

    def read(what):
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert sorted(forms_she_could_submit(page)) == EVERY_PAGE, f"{what}: {page.url}"
        visited.append(what)

    signed_in(page, base, "inspector")
    read("dashboard")

    nav = page.get_by_role("navigation", name="Menu")
    follow(page, nav.get_by_role("link", name="Oversight"))
    read("oversight")
    # The last 30 days, as the beat counted them: the page says when.
    expect(page.get_by_test_id("counted-at")).to_contain_text("Figures counted at")
    # How the tasks with a deadline were kept: counts, no woman named.
    timeliness = page.get_by_test_id("timeliness-health.screening_follow_up")
    expect(timeliness).to_contain_text("See her again after her entry screening")
    expect(timeliness).to_contain_text("2 days (2 days)")
    expect(page.get_by_test_id("timeliness")).not_to_contain_text("Nilar")
    # The count that isn't zero, and its first case once the counts are shown: who and when,
    # never the account.
    breach = page.get_by_test_id("zero-searches-by-a-man")
    expect(breach).to_contain_text("1")
    expect(breach.get_by_test_id("cases-searches-by-a-man")).to_contain_text("Nilar Oo")
    expect(breach).not_to_contain_text("male officer at the gate")
    expect(breach.get_by_test_id("all-cases-searches-by-a-man")).to_contain_text("See the 1 case")
    screenshot(page, artifacts_dir / "oversight-timeliness.png", full_page=True)
    follow(page, page.get_by_test_id("record-lists").get_by_role("link").first)
    read("a list of records")
    follow(page, page.get_by_role("link", name="Back to oversight"))
    # Another period: a search, not a record (a GET form). One not asked before, ending the
    # day the last 30 days end, reads their count with the days between counted now (the
    # page says when); one ending another day is counted as she asks but for what holds
    # now, read from the latest count (the page says when); the one asked before reads the
    # beat's count.
    page.get_by_label("From").fill((today - timedelta(days=50)).isoformat())
    follow(page, page.get_by_role("button", name="Show"))
    read("oversight for a period")
    expect(page.get_by_test_id("zero-searches-by-a-man")).to_contain_text("1")
    expect(page.get_by_test_id("counted-at")).to_contain_text("Figures counted at")
    page.get_by_label("To").fill((today - timedelta(days=1)).isoformat())
    follow(page, page.get_by_role("button", name="Show"))
    expect(page.get_by_test_id("zero-searches-by-a-man")).to_contain_text("1")
    expect(page.get_by_test_id("counted-at")).to_contain_text("Figures counted at")
    page.get_by_label("From").fill(asked_before[0].isoformat())
    page.get_by_label("To").fill(today.isoformat())
    follow(page, page.get_by_role("button", name="Show"))
    expect(page.get_by_test_id("counted-at")).to_contain_text("Figures counted at")
    expect(page.get_by_test_id("zero-searches-by-a-man")).to_contain_text("1")
    screenshot(page, artifacts_dir / "oversight-asked-period.png", full_page=True)

    follow(page, nav.get_by_role("link", name="Women"))
    read("the women")
    follow(page, page.get_by_role("link", name="Oo, Nilar"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Nilar Oo")
    read("her page")

    follow(page, nav.get_by_role("link", name="Changes of access"))
    read("changes of access")
    follow(page, nav.get_by_role("link", name="Dashboard"))
    read("dashboard again")
    assert admission.prisoner.given_names == "Nilar"
    assert len(visited) == 8
