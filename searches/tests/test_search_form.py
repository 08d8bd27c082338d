"""The search form knows the Rules before the officer starts: who and how are asked first,
then only the fields that apply are asked and only staff who may carry out this search are
offered, with why the others are missing. The service still judges whatever is posted."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import client_for
from facilities.models import Facility
from facilities.scope import staff_of
from searches.models import Search
from staff.models import Course, Gender
from staff.tests.factories import make_staff

from .factories import child_with, trained
from .test_pages import form, record_url

pytestmark = pytest.mark.django_db


def page(user, woman, query=""):
    response = client_for(user).get(record_url(woman) + query)
    assert response.status_code == 200
    return response


def offered(response) -> set[str]:
    field = response.context["form"].fields["searchers"]
    return {str(label) for _value, label in field.widget.choices}


def test_who_and_how_are_asked_first_and_nothing_else_until_chosen(officer, woman_a):
    html = page(officer, woman_a).content.decode()
    assert 'data-testid="search-what"' in html
    assert 'data-testid="search-form"' not in html


@pytest.mark.rule("19")
def test_only_women_trained_in_searching_methods_are_offered_and_the_others_are_counted(
    officer, man, woman_a, facility_a
):
    untrained = make_staff("custody", facility_a, username="new_officer", first_name="Noon")
    lapsed = make_staff("custody", facility_a, username="lapsed", first_name="Lek")
    today = timezone.localdate()
    trained(lapsed, completed=today - timedelta(days=800), expires=today - timedelta(days=1))
    response = page(officer, woman_a, "?kind=pat_down")
    shown = offered(response)
    assert officer.get_full_name() in shown
    assert not shown & {man.get_full_name(), untrained.get_full_name(), lapsed.get_full_name()}
    html = response.content.decode()
    others = staff_of(Facility.objects.filter(pk=facility_a.pk)).count() - 2
    assert "1 staff member not shown: not recorded as women (Rule 19)." in html
    assert f"{others} staff not shown: no valid training in Search methods (Rule 19)." in html


@pytest.mark.rule("21")
def test_a_child_is_offered_only_staff_trained_to_search_children(officer, woman_a, cast, man):
    trained(man, Course.CHILD_SEARCHES)
    response = page(officer, woman_a, "?subject=child_visitor&kind=pat_down")
    # A man trained to search children may search a child (Rule 21 asks training, not gender);
    # the woman officer trained only in searching women may not.
    assert offered(response) == {man.get_full_name()}
    html = response.content.decode()
    assert "no valid training in Searching children (Rule 21)." in html
    assert 'name="visiting_child_name"' in html and 'name="child"' not in html


@pytest.mark.rule("M52")
def test_a_body_cavity_search_offers_health_staff_only(officer, nurse, woman_a):
    response = page(officer, woman_a, "?kind=body_cavity")
    assert offered(response) == {nurse.get_full_name()}
    assert "not health staff (Mandela Rule 52)" in response.content.decode()


def test_strip_search_fields_appear_only_for_a_strip_or_body_cavity_search(officer, woman_a):
    pat = page(officer, woman_a, "?kind=pat_down").content.decode()
    strip = page(officer, woman_a, "?kind=strip").content.decode()
    for name in ("reason", "authorisation", "scanner_available", "why_not_scanner"):
        assert f'name="{name}"' not in pat
        assert f'name="{name}"' in strip


def test_her_child_fields_appear_only_when_her_child_is_searched(officer, woman_a, cast):
    child_with(woman_a, by=cast["reception"], social=cast["social"])
    herself = page(officer, woman_a, "?kind=pat_down").content.decode()
    child = page(officer, woman_a, "?subject=child_in_prison&kind=pat_down").content.decode()
    assert 'name="child"' not in herself and 'name="visiting_child_name"' not in herself
    assert 'name="child"' in child and "Her child aged 1" in child


@pytest.mark.rule("19")
def test_a_man_posted_anyway_is_refused_naming_the_rule_and_nothing_is_written(
    officer, man, woman_a
):
    """The form never offers him; a POST that names him is judged by the service."""
    assert man.get_full_name() not in offered(page(officer, woman_a, "?kind=pat_down"))
    response = client_for(officer).post(record_url(woman_a), form(man))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Bangkok Rule 19" in html and "Who searched" in html
    assert not Search.objects.exists()


@pytest.mark.rule("M51")
def test_a_strip_search_posted_without_its_reason_is_refused_with_the_fields_shown(
    officer, woman_a
):
    response = client_for(officer).post(
        record_url(woman_a), form(officer, kind="strip", privacy="Private room")
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Mandela Rule 51" in html and 'name="reason"' in html
    assert not Search.objects.exists()


def test_the_searchers_offered_cost_the_same_queries_however_many_staff(
    officer, woman_a, facility_a
):
    def count():
        with CaptureQueriesContext(connection) as queries:
            page(officer, woman_a, "?kind=strip")
        return len(queries)

    few = count()
    for n in range(5):
        trained(make_staff("custody", facility_a, username=f"more{n}", gender=Gender.WOMAN))
        make_staff("custody", facility_a, username=f"untrained{n}")
    assert count() == few


def test_changing_the_kind_without_javascript_keeps_what_was_typed_and_records_nothing(
    officer, woman_a
):
    """The kind's answers are posted with the search form: "Change the search" brings it back
    in the new kind's shape with everything typed, no error shown and nothing written."""
    opened = page(officer, woman_a, "?kind=pat_down").content.decode()
    assert 'form="search-form"' in opened and 'id="search-form"' in opened
    assert 'name="change"' in opened
    typed = form(
        officer,
        kind="strip",
        place="Reception search room",
        searched_at="2026-12-01T09:30",
        found="A folded note",
        late_reason="Recorded after the count",
        change="1",
    )
    response = client_for(officer).post(record_url(woman_a), typed)
    assert response.status_code == 200
    html = response.content.decode()
    assert not Search.objects.exists()
    assert "There is a problem" not in html and "govuk-error-message" not in html
    # The new kind's fields are asked, the kind chosen is checked, what was typed is kept.
    assert 'name="reason"' in html and 'name="authorisation"' in html
    assert re.search(r'<input[^>]*value="strip"[^>]*checked', html)
    for value in ("Reception search room", "2026-12-01T09:30", "A folded note", "admission"):
        assert value in html, value
    assert re.search(rf'<input[^>]*value="{officer.pk}"[^>]*checked', html)
    # Back to a pat-down: the strip search fields go, the rest stays.
    back = client_for(officer).post(
        record_url(woman_a), {**typed, "kind": "pat_down", "reason": "Seen passing something"}
    )
    html = back.content.decode()
    assert back.status_code == 200 and 'name="reason"' not in html
    assert "A folded note" in html and "Seen passing something" not in html
    assert not Search.objects.exists()
    # Recorded from there (now), it is the pat-down she sees.
    recorded = {**typed, "kind": "pat_down", "searched_at": "", "late_reason": ""}
    del recorded["change"]
    done = client_for(officer).post(record_url(woman_a), recorded)
    assert done.status_code == 302, done.content.decode()[:2000]
    assert Search.objects.get().kind == "pat_down"
