"""Contact other than visits, and the reminders that keep her family contact going
(Rules 26, 28, 43)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from register.services import record_child, update_child
from register.tests.factories import child_fields, decide
from reminders.models import Reminder, Status
from tests import refusals

from ..models import Contact
from ..services.bookings import record_visit_held
from ..services.contact import record_contact
from ..services.reminders import schedule_contact_reminders
from ..tasks import schedule_contact_reminders as task
from .factories import approved, booked, refused

pytestmark = pytest.mark.django_db


def later(days):
    return timezone.now() + timedelta(days=days)


def open_reminders(kind):
    return Reminder.objects.filter(kind=kind).exclude(status__in=[Status.DONE, Status.CANCELLED])


@pytest.mark.rule("26")
def test_a_video_call_with_an_approved_visitor_is_recorded(cast, woman_a):
    mother = approved(cast, woman_a, relationship="parent")
    contact = record_contact(
        by=cast["custody"], prisoner=woman_a, kind="video_call", visitor=mother
    )
    assert contact.visitor == mother and contact.recorded_by == cast["custody"]


@pytest.mark.rule("26")
def test_travel_support_says_what_was_given(cast, woman_a):
    mother = approved(cast, woman_a, relationship="parent")
    with pytest.raises(Exception):  # noqa: B017 (a ValidationError naming the field)
        record_contact(by=cast["social"], prisoner=woman_a, kind="travel_support", visitor=mother)
    contact = record_contact(
        by=cast["social"],
        prisoner=woman_a,
        kind="travel_support",
        visitor=mother,
        support="Bus fare paid for her mother's visit",
    )
    assert contact.support.startswith("Bus fare")


@pytest.mark.rule("26")
def test_a_phone_call_with_her_child_on_the_register_is_recorded(cast, woman_a):
    child = record_child(by=cast["reception"], mother=woman_a, **child_fields())
    contact = record_contact(by=cast["custody"], prisoner=woman_a, kind="phone_call", child=child)
    assert contact.child == child


@pytest.mark.rule("44")
def test_contact_with_a_person_she_refused_is_refused(cast, woman_a):
    person = refused(cast, woman_a)
    with refusals.refused("44", Contact, Reminder):
        record_contact(
            by=cast["custody"],
            prisoner=woman_a,
            kind="phone_call",
            visitor=person,
        )
    assert not Contact.objects.exists()


@pytest.mark.rule("26")
@pytest.mark.rule("43")
def test_a_woman_without_family_contact_for_30_days_prompts_social_workers(cast, woman_a):
    assert schedule_contact_reminders() == 0
    schedule_contact_reminders(now=later(31))
    reminder = open_reminders("visits.family_contact").get()
    assert reminder.rule == "26" and reminder.assignee_role == "social"
    assert reminder.prisoner == woman_a


@pytest.mark.rule("26")
def test_the_sweep_is_idempotent(cast, woman_a):
    schedule_contact_reminders(now=later(31))
    schedule_contact_reminders(now=later(31))
    task.apply()
    schedule_contact_reminders(now=later(32))
    assert Reminder.objects.filter(kind="visits.family_contact").count() == 1


@pytest.mark.rule("26")
def test_recording_a_contact_resolves_the_reminder(cast, woman_a):
    schedule_contact_reminders(now=later(31))
    mother = approved(cast, woman_a, relationship="parent")
    record_contact(by=cast["custody"], prisoner=woman_a, kind="letter", visitor=mother)
    reminder = Reminder.objects.get(kind="visits.family_contact")
    assert reminder.status == Status.DONE


@pytest.mark.rule("26")
def test_a_recent_contact_means_no_reminder(cast, woman_a):
    mother = approved(cast, woman_a, relationship="parent")
    Contact.objects.create(
        prisoner=woman_a,
        kind="phone_call",
        at=later(20),
        visitor=mother,
        recorded_by=cast["custody"],
    )
    assert schedule_contact_reminders(now=later(31)) == 0


def separated(cast, woman, **fields):
    return record_child(by=cast["reception"], mother=woman, **child_fields(**fields))


@pytest.mark.rule("28")
def test_a_mother_separated_from_her_child_without_a_child_visit_prompts_a_review(cast, woman_a):
    separated(cast, woman_a)
    schedule_contact_reminders(now=later(31))
    reminder = open_reminders("visits.child_visit").get()
    assert reminder.rule == "28" and reminder.assignee_role == "social"


@pytest.mark.rule("28")
def test_an_adult_child_or_a_child_living_with_her_prompts_no_child_visit_review(cast, woman_a):
    separated(cast, woman_a, date_of_birth=timezone.localdate() - timedelta(days=365 * 25))
    baby = timezone.localdate() - timedelta(days=300)
    child = separated(cast, woman_a, given_names="Baby", date_of_birth=baby)
    decide(cast["social"], woman_a, child=child)
    update_child(by=cast["social"], child=child, lives_with_mother=True)
    schedule_contact_reminders(now=later(31))
    assert not open_reminders("visits.child_visit").exists()


@pytest.mark.rule("28")
def test_a_visit_with_her_child_held_resolves_the_review(cast, woman_a):
    from ..services.visitors import add_visitor, record_consultation

    child = separated(cast, woman_a)
    schedule_contact_reminders(now=later(31))
    schedule_contact_reminders(now=later(31))
    assert open_reminders("visits.child_visit").count() == 1
    person = add_visitor(
        by=cast["social"], prisoner=woman_a, name="", relationship="child", child=child
    )
    record_consultation(by=cast["social"], visitor=person, answer="agrees", language="th")
    visit = booked(cast, woman_a, [person], kind="child", starts_at=timezone.now())
    record_visit_held(by=cast["custody"], visit=visit)
    assert not open_reminders("visits.child_visit").exists()
    assert not open_reminders("visits.family_contact").exists()
