"""Booking and recording visits (Rules 23, 27, 28, 43, 44; Mandela 43.3)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from admissions.models import FamilyMember
from discipline.models import ContactRestriction
from register.services import record_child
from register.tests.factories import child_fields
from reminders.models import Reminder
from tests import refusals

from ..models import Visit, VisitCancellation, VisitStatus
from ..services.bookings import book_visit, cancel_visit, record_visit_held
from ..services.prison import confirm_cancellation
from ..services.visitors import add_visitor, record_consultation, withdraw_visitor
from .factories import approved, booked, refused, tomorrow, visitor

pytestmark = pytest.mark.django_db


def restrict(cast, woman, name, relationship="friend", days=10, means="visits"):
    """A restriction written straight to the database, as bad data could be."""
    today = timezone.localdate()
    return ContactRestriction.objects.create(
        family_member=FamilyMember.objects.create(
            prisoner=woman, name=name, relationship=relationship, recorded_by=cast["reception"]
        ),
        prisoner=woman,
        facility=woman.facility,
        means=means,
        person_name=name,
        relationship=relationship,
        reason="Smuggling",
        starts_on=today,
        ends_on=today + timedelta(days=days),
        decided_by=cast["governor"],
        authorised_by=cast["governor"],
        authority_decided_at=timezone.now(),
    )


def a_child(cast, woman, **fields):
    """Her child on the register, on her visitor list and approved."""
    child = record_child(by=cast["reception"], mother=woman, **child_fields(**fields))
    person = add_visitor(
        by=cast["social"], prisoner=woman, name="", relationship="child", child=child
    )
    return record_consultation(by=cast["social"], visitor=person, answer="agrees", language="th")


@pytest.mark.rule("44")
def test_a_visit_with_an_approved_visitor_is_booked(cast, woman_a):
    person = approved(cast, woman_a)
    visit = booked(cast, woman_a, [person])
    assert visit.status == VisitStatus.BOOKED
    assert list(visit.visitors.all()) == [person]
    assert visit.facility == woman_a.facility


@pytest.mark.rule("44")
def test_booking_a_visitor_she_refused_is_refused_naming_rule_44(cast, woman_a):
    person = refused(cast, woman_a)
    with refusals.refused("44", Visit, Reminder) as refusal:
        booked(cast, woman_a, [person])
    assert "Rule 44" in str(refusal.value)
    assert person.name not in str(refusal.value)  # a refusal is never revealed to custody
    assert not Visit.objects.exists()


@pytest.mark.rule("44")
def test_naming_a_person_she_refused_is_refused_like_anyone_not_on_her_list(cast, woman_a):
    refused(cast, woman_a, name="Kittisak Violent")
    messages = []
    for name in ("Kittisak Violent", "Nobody Known"):
        with refusals.refused("44", Visit, Reminder) as refusal:
            book_visit(
                by=cast["custody"],
                prisoner=woman_a,
                kind="family",
                starts_at=tomorrow(),
                names=[name],
            )
        messages.append(str(refusal.value).replace(name, "<name>"))
    assert messages[0] == messages[1]  # the same answer: nothing reveals that she refused
    assert not Visit.objects.exists()


@pytest.mark.rule("44")
def test_a_name_matching_an_approved_visitor_books_them(cast, woman_a):
    person = approved(cast, woman_a, name="Dao Srisuk")
    visit = book_visit(
        by=cast["custody"],
        prisoner=woman_a,
        kind="family",
        starts_at=tomorrow(),
        names=["dao srisuk"],
    )
    assert list(visit.visitors.all()) == [person]


@pytest.mark.rule("44")
def test_a_withdrawn_visitor_cannot_be_booked(cast, woman_a):
    person = approved(cast, woman_a)
    withdraw_visitor(by=cast["social"], visitor=person)
    with refusals.refused("44", Visit):
        booked(cast, woman_a, [person])


@pytest.mark.rule("44")
def test_a_visitor_not_yet_consulted_cannot_be_booked(cast, woman_a):
    unconsulted = visitor(cast, woman_a)
    with refusals.refused("44", Visit):
        booked(cast, woman_a, [unconsulted])


@pytest.mark.rule("44")
def test_a_court_ordered_visitor_can_be_booked(cast, woman_a):
    from ..services.visitors import approve_by_court_order

    person = refused(cast, woman_a)
    approve_by_court_order(by=cast["social"], visitor=person, reference="CO-1", court="Court")
    assert booked(cast, woman_a, [person]).status == VisitStatus.BOOKED


def test_a_legal_visit_by_her_lawyer_needs_no_place_on_her_list(cast, woman_a):
    visit = booked(
        cast, woman_a, [], kind="legal", lawyer_name="Ms Pim Law", lawyer_registration="BAR-123"
    )
    assert visit.lawyer_registration == "BAR-123" and not visit.visitors.exists()


def test_a_legal_visit_needs_the_lawyers_name_and_number(cast, woman_a):
    with pytest.raises(ValidationError):
        booked(cast, woman_a, [], kind="legal", lawyer_name="Ms Pim Law")
    assert not Visit.objects.exists()


@pytest.mark.rule("27")
def test_a_conjugal_visit_is_refused_where_men_have_none_either(cast, woman_a, settings):
    settings.CONJUGAL_VISITS_FOR_MEN = False
    partner = approved(cast, woman_a, relationship="partner")
    with refusals.refused("27", Visit, Reminder):
        booked(cast, woman_a, [partner], kind="conjugal")
    assert not Visit.objects.exists()


@pytest.mark.rule("27")
def test_where_men_have_conjugal_visits_women_have_them_on_equal_terms(cast, woman_a, settings):
    settings.CONJUGAL_VISITS_FOR_MEN = True
    partner = approved(cast, woman_a, relationship="partner")
    visit = booked(cast, woman_a, [partner], kind="conjugal")
    assert visit.kind == "conjugal" and visit.status == VisitStatus.BOOKED


@pytest.mark.rule("28")
def test_a_visit_with_a_child_is_open_contact_in_a_child_friendly_room_by_default(cast, woman_a):
    child = a_child(cast, woman_a)
    visit = booked(cast, woman_a, [child], kind="child")
    assert visit.involves_child and visit.open_contact and visit.child_friendly


@pytest.mark.rule("28")
def test_a_child_visitor_makes_any_visit_a_child_visit(cast, woman_a):
    niece = approved(cast, woman_a, name="Fah", relationship="relative", adult=False, age_given=9)
    visit = booked(cast, woman_a, [niece])
    assert visit.involves_child


@pytest.mark.rule("28")
def test_a_child_visit_without_open_contact_and_no_reason_is_refused(cast, woman_a):
    child = a_child(cast, woman_a)
    with refusals.refused("28", Visit, Reminder):
        booked(cast, woman_a, [child], kind="child", open_contact=False)
    assert not Visit.objects.exists()


@pytest.mark.rule("28")
def test_a_child_visit_outside_a_child_friendly_room_needs_a_reason(cast, woman_a):
    child = a_child(cast, woman_a)
    with refusals.refused("28", Visit, Reminder):
        booked(cast, woman_a, [child], kind="extended", child_friendly=False)
    visit = booked(
        cast,
        woman_a,
        [child],
        kind="extended",
        child_friendly=False,
        setting_reason="The family room is closed for repair this week.",
    )
    assert visit.setting_reason.startswith("The family room")


def test_a_visit_with_children_needs_a_child_visiting(cast, woman_a):
    with pytest.raises(ValidationError):
        booked(cast, woman_a, [approved(cast, woman_a)], kind="child")


@pytest.mark.rule("M43")
def test_a_visitor_under_a_restriction_of_visits_is_refused(cast, woman_a):
    friend = approved(cast, woman_a, name="Lek Smuggler", relationship="friend")
    restrict(cast, woman_a, "lek  smuggler")
    with refusals.refused("M43", Visit, Reminder):
        booked(cast, woman_a, [friend])
    assert not Visit.objects.exists()


@pytest.mark.rule("M43")
def test_an_ended_restriction_no_longer_refuses(cast, woman_a):
    friend = approved(cast, woman_a, name="Lek Smuggler", relationship="friend")
    restriction = restrict(cast, woman_a, "Lek Smuggler")
    visit = booked(cast, woman_a, [friend], starts_at=timezone.now() + timedelta(days=30))
    assert restriction.ends_on < timezone.localdate(visit.starts_at)


@pytest.mark.rule("23")
def test_a_restriction_naming_her_child_never_refuses_a_visit_with_her_child(cast, woman_a):
    child = a_child(cast, woman_a)
    # Bad data: the discipline service would refuse this restriction (Rule 23).
    restrict(cast, woman_a, "Ploy Srisuk", relationship="daughter")
    visit = booked(cast, woman_a, [child], kind="child")
    assert visit.status == VisitStatus.BOOKED


@pytest.mark.rule("26")
@pytest.mark.rule("43")
def test_a_visit_is_recorded_as_held(cast, woman_a):
    visit = booked(cast, woman_a, [approved(cast, woman_a)])
    record_visit_held(by=cast["custody"], visit=visit)
    visit.refresh_from_db()
    assert visit.status == VisitStatus.HELD and visit.closed_by == cast["custody"]


@pytest.mark.rule("43")
def test_the_prison_cancels_a_visit_only_with_a_reason(cast, woman_a):
    visit = booked(cast, woman_a, [approved(cast, woman_a)])
    with refusals.refused("43", VisitCancellation, Reminder):
        cancel_visit(by=cast["custody"], visit=visit, cancelled_by="prison")
    visit.refresh_from_db()
    assert visit.status == VisitStatus.BOOKED
    cancel_visit(by=cast["custody"], visit=visit, cancelled_by="prison", reason="Lockdown")
    visit.refresh_from_db()
    assert visit.status == VisitStatus.BOOKED  # until a governor confirms it
    confirm_cancellation(by=cast["governor"], record=visit.cancellations.get())
    visit.refresh_from_db()
    assert visit.status == VisitStatus.CANCELLED and visit.cancel_reason == "Lockdown"


def test_a_visitor_may_cancel_without_giving_a_reason(cast, woman_a):
    visit = booked(cast, woman_a, [approved(cast, woman_a)])
    cancel_visit(by=cast["custody"], visit=visit, cancelled_by="visitor")
    visit.refresh_from_db()
    assert visit.cancelled_by == "visitor"


def test_a_visit_held_cannot_be_cancelled_afterwards(cast, woman_a):
    visit = booked(cast, woman_a, [approved(cast, woman_a)])
    record_visit_held(by=cast["custody"], visit=visit)
    with pytest.raises(ValidationError):
        cancel_visit(by=cast["custody"], visit=visit, cancelled_by="her")


@pytest.mark.rule("23")
@pytest.mark.rule("M43")
def test_a_restricted_adult_is_refused_but_her_child_still_comes_with_another_adult(cast, woman_a):
    child = a_child(cast, woman_a)
    friend = approved(cast, woman_a, name="Lek Smuggler", relationship="friend")
    sister = approved(cast, woman_a, name="Dao Srisuk")
    restrict(cast, woman_a, "Lek Smuggler")
    with refusals.refused("M43", Visit, Reminder):
        booked(cast, woman_a, [child, friend], kind="child")
    visit = booked(cast, woman_a, [child, sister], kind="child")
    assert visit.status == VisitStatus.BOOKED


@pytest.mark.rule("M43")
def test_a_restriction_of_calls_does_not_refuse_a_visit(cast, woman_a):
    friend = approved(cast, woman_a, name="Lek Smuggler", relationship="friend")
    restrict(cast, woman_a, "Lek Smuggler", means="calls")
    assert booked(cast, woman_a, [friend]).status == VisitStatus.BOOKED
