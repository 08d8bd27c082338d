"""Recording a search: who may search whom, and what a strip or body cavity search needs
(Rules 19-21; Mandela Rules 51-52). Every refusal writes nothing."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from audit.models import AuditEvent
from bangkok.errors import RuleBroken
from searches.models import Search, SearchStaff
from searches.services import record_cell_search, record_search
from staff.models import Course, Gender
from staff.tests.factories import make_staff
from tests import refusals

from .factories import child_with, given, pat_down, strip, trained

pytestmark = pytest.mark.django_db


def nothing_written():
    return not Search.objects.exists() and not SearchStaff.objects.exists()


def refused(rule, **kwargs) -> RuleBroken:
    with refusals.refused(rule, Search, SearchStaff) as caught:
        record_search(**kwargs)
    return caught.value


@pytest.mark.rule("19")
def test_a_trained_woman_officer_records_a_pat_down_with_her_gender_and_role_kept(
    officer, woman_a, cast
):
    search = record_search(
        by=officer,
        prisoner=woman_a,
        searchers=[officer],
        witnesses=[cast["reception"]],
        **pat_down(),
    )
    searcher = search.staff.get(part="searcher")
    assert (searcher.person, searcher.gender, searcher.role) == (officer, "woman", "custody")
    assert search.staff.get(part="witness").person == cast["reception"]
    assert search.facility == woman_a.facility
    event = AuditEvent.objects.get(action="search.recorded")
    assert event.subject_id == str(search.uuid) and "found" not in event.detail


@pytest.mark.rule("19")
def test_a_man_may_not_search_a_woman(man, woman_a):
    error = refused("19", by=man, prisoner=woman_a, searchers=[man], **pat_down())
    assert "is a man" in str(error) and "Rule 19" in str(error)


@pytest.mark.rule("19")
def test_every_searcher_must_qualify_and_the_refusal_names_who_does_not(officer, man, woman_a):
    error = refused("19", by=officer, prisoner=woman_a, searchers=[officer, man], **pat_down())
    assert man.get_full_name() in str(error)
    assert officer.get_full_name() not in str(error)


@pytest.mark.rule("19")
def test_a_woman_of_undisclosed_gender_is_not_taken_for_a_woman(facility_a, woman_a):
    user = make_staff("custody", facility_a, username="undisclosed", gender=Gender.UNDISCLOSED)
    trained(user)
    error = refused("19", by=user, prisoner=woman_a, searchers=[user], **pat_down())
    assert "not recorded as a woman" in str(error)


@pytest.mark.rule("19")
def test_a_woman_without_search_training_may_not_search(cast, woman_a):
    officer = cast["custody"]
    error = refused("19", by=officer, prisoner=woman_a, searchers=[officer], **pat_down())
    assert "no valid training" in str(error)


@pytest.mark.rule("19")
def test_training_that_expired_before_the_day_of_the_search_does_not_count(cast, woman_a):
    officer, today = cast["custody"], timezone.localdate()
    trained(officer, completed=today - timedelta(days=400), expires=today - timedelta(days=1))
    refused("19", by=officer, prisoner=woman_a, searchers=[officer], **pat_down())


@pytest.mark.rule("19")
def test_training_valid_on_the_day_of_an_earlier_search_counts(cast, woman_a):
    officer, today = cast["custody"], timezone.localdate()
    trained(officer, completed=today - timedelta(days=400), expires=today - timedelta(days=3))
    search = record_search(
        by=officer,
        prisoner=woman_a,
        searchers=[officer],
        searched_at=timezone.now() - timedelta(days=5),
        late_reason="Written up from the unit log",
        **pat_down(),
    )
    assert search.pk


@pytest.mark.rule("M51")
def test_a_strip_search_needs_an_individual_reason(officer, woman_a, cast):
    refused(
        "M51",
        by=officer,
        prisoner=woman_a,
        searchers=[officer],
        **strip(cast["governor"], reason="  "),
    )


@pytest.mark.rule("20", "M51")
def test_a_random_strip_search_without_a_reason_is_refused_as_a_blanket_search(
    officer, woman_a, cast
):
    error = refused(
        "M51",
        by=officer,
        prisoner=woman_a,
        searchers=[officer],
        **strip(cast["governor"], reason="", trigger="random"),
    )
    assert "blanket" in str(error)


@pytest.mark.rule("M51")
def test_a_strip_search_needs_an_authoriser(officer, woman_a):
    refused(
        "M51",
        by=officer,
        prisoner=woman_a,
        searchers=[officer],
        **strip(None),
    )


@pytest.mark.rule("M51")
def test_only_a_governor_of_her_facility_authorises_a_strip_search(
    officer, woman_a, cast, facility_b
):
    error = refused(
        "M51", by=officer, prisoner=woman_a, searchers=[officer], **strip(cast["health"])
    )
    assert "No authority of the governor" in str(error)
    governor_b = make_staff("governor", facility_b, username="governor_b")
    refused("M51", by=officer, prisoner=woman_a, searchers=[officer], **strip(governor_b))


@pytest.mark.rule("20")
def test_choosing_a_strip_search_when_a_scanner_was_available_needs_a_written_reason(
    officer, woman_a, cast
):
    error = refused(
        "20",
        by=officer,
        prisoner=woman_a,
        searchers=[officer],
        **strip(cast["governor"], scanner_available=True),
    )
    assert error.field == "why_not_scanner"
    given(cast["governor"], woman_a, by=officer)
    search = record_search(
        by=officer,
        prisoner=woman_a,
        searchers=[officer],
        **strip(cast["governor"], scanner_available=True, why_not_scanner="The scan was unclear"),
    )
    assert search.why_not_scanner == "The scan was unclear"


@pytest.mark.rule("M51")
def test_a_reasoned_strip_search_is_recorded_on_the_authority_the_governor_gave(
    officer, woman_a, cast
):
    authority = given(cast["governor"], woman_a, by=officer)
    search = record_search(
        by=officer, prisoner=woman_a, searchers=[officer], **strip(cast["governor"])
    )
    assert search.authorised_by == cast["governor"] and search.reason
    assert search.authorisation == authority


@pytest.mark.rule("M52", "19")
def test_a_body_cavity_search_is_done_by_a_health_professional_only(officer, nurse, woman_a, cast):
    body_cavity = strip(cast["governor"], kind="body_cavity")
    error = refused("M52", by=officer, prisoner=woman_a, searchers=[officer], **body_cavity)
    assert "health professional" in str(error)
    given(cast["governor"], woman_a, by=officer, kind="body_cavity")
    search = record_search(by=officer, prisoner=woman_a, searchers=[nurse], **body_cavity)
    assert search.staff.get().role == "health"


@pytest.mark.rule("21")
def test_her_child_living_with_her_is_searched_only_by_staff_trained_to_search_children(
    officer, woman_a, cast
):
    child = child_with(woman_a, by=cast["reception"], social=cast["social"])
    fields = pat_down(subject="child_in_prison", child=child)
    error = refused("21", by=officer, prisoner=woman_a, searchers=[officer], **fields)
    assert "trained to search children" in str(error)
    trained(officer, Course.CHILD_SEARCHES)
    search = record_search(by=officer, prisoner=woman_a, searchers=[officer], **fields)
    assert search.child == child


@pytest.mark.rule("21")
def test_a_visiting_child_is_searched_only_by_staff_trained_to_search_children(officer, woman_a):
    fields = pat_down(subject="child_visitor", visiting_child_name="Nok", visiting_child_age=7)
    refused("21", by=officer, prisoner=woman_a, searchers=[officer], **fields)
    trained(officer, Course.CHILD_SEARCHES)
    search = record_search(by=officer, prisoner=woman_a, searchers=[officer], **fields)
    assert (search.visiting_child_name, search.visiting_child_age) == ("Nok", 7)


def test_a_child_not_living_with_her_is_not_searched_as_a_child_in_prison(
    child_officer, woman_a, cast
):
    child = child_with(woman_a, by=cast["reception"], lives_with_mother=False)
    with pytest.raises(ValidationError):
        record_search(
            by=child_officer,
            prisoner=woman_a,
            searchers=[child_officer],
            **pat_down(subject="child_in_prison", child=child),
        )
    assert nothing_written()


def test_searching_staff_must_work_in_her_facility(officer, woman_a, facility_b):
    stranger = make_staff("custody", facility_b, username="stranger")
    trained(stranger)
    with pytest.raises(ValidationError) as caught:
        record_search(by=officer, prisoner=woman_a, searchers=[stranger], **pat_down())
    assert "searchers" in caught.value.message_dict
    assert nothing_written()


def test_a_role_that_does_not_record_searches_is_refused(cast, officer, woman_a):
    with pytest.raises(PermissionDenied):
        record_search(by=cast["governor"], prisoner=woman_a, searchers=[officer], **pat_down())
    assert nothing_written()


def test_an_officer_of_another_facility_may_not_record_a_search_of_her(woman_a, facility_b):
    other = make_staff("custody", facility_b, username="custody_b")
    trained(other)
    with pytest.raises(PermissionDenied):
        record_search(by=other, prisoner=woman_a, searchers=[other], **pat_down())


def test_a_search_is_recorded_once_it_has_been_done(officer, woman_a):
    with pytest.raises(ValidationError):
        record_search(
            by=officer,
            prisoner=woman_a,
            searchers=[officer],
            searched_at=timezone.now() + timedelta(days=1),
            **pat_down(),
        )


def test_a_man_may_search_a_cell(man, facility_a):
    from prisoners.models import Unit

    unit = Unit.objects.create(facility=facility_a, code="W1", name="Wing 1")
    search = record_cell_search(
        by=man, unit=unit, cell="4", trigger="random", searchers=[man], found="A lighter"
    )
    assert (search.subject, search.kind, search.prisoner) == ("cell", "cell", None)
