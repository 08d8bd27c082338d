"""Search pages: the record-search form offers only her facility's staff, a refusal comes
back beside the form with nothing written, and her page lists her searches."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import client_for
from prisoners.models import Unit
from searches.models import Search
from searches.services import record_search
from staff.models import Course, User
from staff.tests.factories import make_staff
from tests.her_page import open_her_page

from .factories import child_with, given, pat_down, strip, trained

pytestmark = pytest.mark.django_db


def record_url(woman) -> str:
    return reverse("searches:record", kwargs={"uuid": woman.uuid})


def form(*searchers, **overrides) -> dict:
    return {
        "subject": "woman",
        "kind": "pat_down",
        "trigger": "admission",
        "place": "Reception search room",
        "searchers": [user.pk for user in searchers],
        **overrides,
    }


def test_the_form_offers_only_staff_of_her_facility(officer, woman_a, facility_b):
    make_staff("custody", facility_b, username="far_away", first_name="Faraway")
    page = client_for(officer).get(record_url(woman_a)).content.decode()
    assert officer.get_full_name() in page
    assert "Faraway" not in page


@pytest.mark.rule("19")
def test_a_search_by_a_man_is_refused_beside_the_form_and_nothing_is_written(officer, man, woman_a):
    response = client_for(officer).post(record_url(woman_a), form(man))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Bangkok Rule 19" in page and "govuk-error-summary" in page
    assert not Search.objects.exists()


@pytest.mark.rule("M51")
def test_a_strip_search_without_an_authoriser_is_refused_beside_the_form(officer, woman_a):
    response = client_for(officer).post(
        record_url(woman_a),
        form(officer, kind="strip", reason="Seen hiding an object", privacy="Private room"),
    )
    assert response.status_code == 400 and "Mandela Rule 51" in response.content.decode()
    assert not Search.objects.exists()


@pytest.mark.rule("20")
def test_a_strip_search_with_a_scanner_available_needs_why_the_scan_would_not_do(
    officer, woman_a, cast
):
    fields = form(
        officer,
        kind="strip",
        reason="Seen hiding an object",
        privacy="Private room",
        scanner_available="on",
    )
    response = client_for(officer).post(record_url(woman_a), fields)
    assert response.status_code == 400 and "Bangkok Rule 20" in response.content.decode()
    assert not Search.objects.exists()


@pytest.mark.rule("21")
def test_a_search_of_her_child_by_untrained_staff_is_refused_beside_the_form(
    officer, woman_a, cast
):
    child = child_with(woman_a, by=cast["reception"], social=cast["social"])
    response = client_for(officer).post(
        record_url(woman_a), form(officer, subject="child_in_prison", child=child.pk)
    )
    assert response.status_code == 400 and "Bangkok Rule 21" in response.content.decode()
    assert not Search.objects.exists()


def test_her_child_is_offered_by_age_never_by_name(officer, woman_a, cast):
    child_with(woman_a, by=cast["reception"], social=cast["social"])
    chosen = "?subject=child_in_prison&kind=pat_down"
    page = client_for(officer).get(record_url(woman_a) + chosen).content.decode()
    assert "Her child aged 1" in page and "Ploy" not in page


@pytest.mark.rule("19")
def test_a_recorded_search_leads_to_its_page(officer, woman_a):
    response = client_for(officer).post(record_url(woman_a), form(officer, found="A lighter"))
    search = Search.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("searches:detail", kwargs={"uuid": search.uuid})
    page = client_for(officer).get(response.url).content.decode()
    assert "A lighter" in page and woman_a.full_name in page


def test_the_governor_may_read_but_not_record(cast, woman_a):
    assert client_for(cast["governor"]).get(record_url(woman_a)).status_code == 404
    assert client_for(cast["health"]).get(record_url(woman_a)).status_code == 404


def test_a_random_strip_search_is_flagged_on_its_page(officer, woman_a, cast):
    given(cast["governor"], woman_a, by=officer, trigger="random")
    search = record_search(
        by=officer,
        prisoner=woman_a,
        searchers=[officer],
        **strip(cast["governor"], trigger="random"),
    )
    page = client_for(cast["inspector"]).get(
        reverse("searches:detail", kwargs={"uuid": search.uuid})
    )
    assert "blanket strip searches are not allowed" in page.content.decode()


def her_page(user, woman):
    return open_her_page(client_for(user), woman)


def test_her_page_lists_her_searches_for_those_who_read_them(officer, woman_a, cast):
    record_search(by=officer, prisoner=woman_a, searchers=[officer], **pat_down())
    custody = her_page(officer, woman_a).content.decode()
    assert 'data-testid="searches"' in custody and "Record a search" in custody
    governor = her_page(cast["governor"], woman_a).content.decode()
    assert 'data-testid="searches"' in governor and "Record a search" not in governor
    assert 'id="section-searches"' not in her_page(cast["health"], woman_a).content.decode()


def test_her_search_section_costs_the_same_queries_however_many_searches(officer, woman_a, cast):
    def count_queries() -> int:
        viewer = User.objects.get(pk=officer.pk)
        with CaptureQueriesContext(connection) as queries:
            assert her_page(viewer, woman_a).status_code == 200
        return len(queries)

    record_search(by=officer, prisoner=woman_a, searchers=[officer], **pat_down())
    few = count_queries()
    for _ in range(4):
        given(cast["governor"], woman_a, by=officer)
        record_search(
            by=officer,
            prisoner=woman_a,
            searchers=[officer],
            witnesses=[cast["reception"]],
            **strip(cast["governor"]),
        )
    assert count_queries() == few


def test_custody_records_a_cell_search_on_its_page(man, facility_a):
    unit = Unit.objects.create(facility=facility_a, code="W1", name="Wing 1")
    response = client_for(man).post(
        reverse("searches:record-cell"),
        {"unit": unit.pk, "cell": "3", "trigger": "intelligence", "searchers": [man.pk]},
    )
    assert response.status_code == 302
    assert Search.objects.get().cell == "3"


def test_the_training_page_shows_her_facilitys_staff_with_expired_and_expiring_tags(
    officer, cast, facility_b
):
    today = timezone.localdate()
    trained(
        cast["health"],
        Course.HIV,
        completed=today - timedelta(days=800),
        expires=today - timedelta(days=2),
    )
    trained(cast["social"], Course.CHILD_DEVELOPMENT, expires=today + timedelta(days=10))
    trained(make_staff("custody", facility_b, username="custody_b", first_name="Bee"))
    page = client_for(cast["inspector"]).get(reverse("searches:training")).content.decode()
    assert officer.get_full_name() in page and "Bee" not in page
    assert "Expired" in page and "Expires soon" in page
    assert client_for(cast["custody"]).get(reverse("searches:training")).status_code == 404


def test_the_training_page_is_paginated(cast):
    for role in ("custody", "health", "social"):
        trained(cast[role])
    first = client_for(cast["governor"]).get(reverse("searches:training") + "?page_size=2")
    records = first.content.decode().split('data-testid="training"')[1].split("</table>")[0]
    assert records.count('class="govuk-table__row"') == 3  # header + 2
    assert 'rel="next"' in first.content.decode()
