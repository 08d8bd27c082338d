"""Her visitor list: she is consulted about who may visit her, her refusal stands, a court
order is the only exception, and she may withdraw a visitor at any time (Rule 44)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from audit.models import AuditEvent
from register.services import record_child
from register.tests.factories import child_fields
from reminders.models import Reminder
from tests import refusals

from ..models import Visit, Visitor, VisitorStatus, VisitStatus
from ..services.visitors import (
    add_visitor,
    approve_by_court_order,
    record_consultation,
    withdraw_visitor,
)
from .factories import approved, booked, refused, visitor

pytestmark = pytest.mark.django_db


@pytest.mark.rule("44")
def test_a_new_visitor_waits_for_her_consultation(cast, woman_a):
    person = add_visitor(
        by=cast["reception"], prisoner=woman_a, name="Nok Srisuk", relationship="parent"
    )
    assert person.status == VisitorStatus.PROPOSED
    assert AuditEvent.objects.filter(action="visits.visitor_added").count() == 1


@pytest.mark.rule("44")
def test_she_agrees_and_the_consultation_is_recorded(cast, woman_a):
    person = visitor(cast, woman_a)
    person = record_consultation(
        by=cast["social"], visitor=person, answer="agrees", language="Thai"
    )
    assert person.status == VisitorStatus.APPROVED
    assert person.consulted_by == cast["social"]
    assert person.consultation_language == "Thai"
    assert person.consulted_at is not None


@pytest.mark.rule("44")
def test_reception_may_start_her_list_but_not_record_her_answer(cast, woman_a):
    person = add_visitor(by=cast["reception"], prisoner=woman_a, name="Nok", relationship="parent")
    with pytest.raises(PermissionDenied):
        record_consultation(by=cast["reception"], visitor=person, answer="agrees", language="th")
    person.refresh_from_db()
    assert person.status == VisitorStatus.PROPOSED


@pytest.mark.rule("44")
def test_her_refusal_stands_when_someone_tries_to_record_agreement(cast, woman_a):
    person = refused(cast, woman_a)
    with refusals.refused("44", Reminder) as refusal:
        record_consultation(by=cast["social"], visitor=person, answer="agrees", language="th")
    assert "Rule 44" in str(refusal.value)
    person.refresh_from_db()
    assert person.status == VisitorStatus.REFUSED


@pytest.mark.rule("44")
def test_a_person_she_refused_cannot_be_approved_by_adding_them_again(cast, woman_a):
    refused(cast, woman_a, name="Kittisak Violent")
    again = visitor(cast, woman_a, name="  kittisak   VIOLENT ")
    with refusals.refused("44", Reminder):
        record_consultation(by=cast["social"], visitor=again, answer="agrees", language="th")
    again.refresh_from_db()
    assert again.status == VisitorStatus.PROPOSED


@pytest.mark.rule("44")
def test_a_court_order_approves_a_person_she_refused_and_is_documented(cast, woman_a):
    person = refused(cast, woman_a)
    person = approve_by_court_order(
        by=cast["social"], visitor=person, reference="CO-2026/77", court="Bangkok Family Court"
    )
    assert person.status == VisitorStatus.APPROVED
    assert person.answer == "refuses"  # her answer stays on record
    assert person.court_order_reference == "CO-2026/77"
    assert person.court == "Bangkok Family Court"


@pytest.mark.rule("44")
def test_a_court_order_needs_its_reference_and_court(cast, woman_a):
    person = refused(cast, woman_a)
    with pytest.raises(ValidationError):
        approve_by_court_order(by=cast["social"], visitor=person, reference="", court="A court")
    person.refresh_from_db()
    assert person.status == VisitorStatus.REFUSED


@pytest.mark.rule("44")
def test_the_database_refuses_an_approval_without_her_agreement_or_a_court_order(cast, woman_a):
    person = visitor(cast, woman_a)
    with pytest.raises(IntegrityError), transaction.atomic():
        Visitor.objects.filter(pk=person.pk).update(status=VisitorStatus.APPROVED)


@pytest.mark.rule("44")
def test_she_withdraws_a_visitor_and_their_booked_visits_are_cancelled(cast, woman_a):
    person = approved(cast, woman_a)
    visit = booked(cast, woman_a, [person])
    withdraw_visitor(by=cast["social"], visitor=person)
    person.refresh_from_db()
    visit.refresh_from_db()
    assert person.status == VisitorStatus.WITHDRAWN
    assert visit.status == VisitStatus.CANCELLED and visit.cancelled_by == "her"


@pytest.mark.rule("44")
def test_withdrawing_one_visitor_keeps_the_visit_for_the_others(cast, woman_a):
    first, second = approved(cast, woman_a), approved(cast, woman_a, name="Dao Srisuk")
    visit = booked(cast, woman_a, [first, second])
    withdraw_visitor(by=cast["social"], visitor=first)
    visit = Visit.objects.get(pk=visit.pk)
    assert visit.status == VisitStatus.BOOKED
    assert list(visit.visitors_on()) == [second]
    # Taken off by a status: the visit still says who was booked.
    assert list(visit.visitors.all()) == [first, second]


def test_a_child_visitor_needs_a_date_of_birth_or_an_age(cast, woman_a):
    with pytest.raises(ValidationError):
        add_visitor(
            by=cast["social"], prisoner=woman_a, name="Mali", relationship="relative", adult=False
        )
    assert not Visitor.objects.exists()


def test_her_child_on_the_register_is_added_with_the_register_age(cast, woman_a):
    child = record_child(by=cast["reception"], mother=woman_a, **child_fields())
    person = add_visitor(
        by=cast["social"], prisoner=woman_a, name="", relationship="relative", child=child
    )
    assert person.relationship == "child" and person.is_her_child
    assert person.date_of_birth == child.date_of_birth and not person.adult
    assert person.name == "Ploy Srisuk"


def test_custody_cannot_add_to_her_list(cast, woman_a):
    with pytest.raises(PermissionDenied):
        add_visitor(by=cast["custody"], prisoner=woman_a, name="X", relationship="friend")


@pytest.mark.rule("44")
def test_a_refusal_is_not_turned_into_a_withdrawal(cast, woman_a):
    person = refused(cast, woman_a)
    with pytest.raises(ValidationError):
        withdraw_visitor(by=cast["social"], visitor=person)
    person.refresh_from_db()
    assert person.status == VisitorStatus.REFUSED
