"""Demo visits records, made through the services: visitor lists she was consulted about
(agreed, refused, withdrawn, and a refusal overridden by a court order); a booking of a
person she refused, tried and refused (Rule 44) so nothing is written; visits held, booked
for today and later, a visit with her child in open contact; a video call and travel
support for a family far away."""

from datetime import timedelta

from django.utils import timezone

from bangkok.errors import RuleBroken
from bangkok.plausible import not_before_arrest

from .services import bookings, visitors
from .services.contact import record_contact


def _person(social, woman, name, relationship, answer=None, **fields):
    person = visitors.add_visitor(
        by=social, prisoner=woman, name=name, relationship=relationship, **fields
    )
    if answer:
        person = visitors.record_consultation(
            by=social, visitor=person, answer=answer, language="Thai"
        )
    return person


def _lists(social, first, second) -> dict:
    mother = _person(social, first, "Boonma Demo", "parent", "agrees")
    sister = _person(social, first, "Kanya Demo", "sibling", "agrees")
    refused = _person(social, first, "Anan Demo", "partner", "refuses")
    withdrawn = _person(social, first, "Wichai Demo", "friend", "agrees")
    visitors.withdraw_visitor(by=social, visitor=withdrawn)
    _person(social, first, "Pranee Demo", "relative")  # waiting for her consultation
    ordered = _person(social, second, "Somsak Demo", "parent", "refuses")
    visitors.approve_by_court_order(
        by=social,
        visitor=ordered,
        reference="FC-2026/118",
        court="Central Juvenile and Family Court",
    )
    return {"mother": mother, "sister": sister, "refused": refused, "ordered": ordered}


def _child_visitor(social, woman):
    child = woman.children.filter(lives_with_mother=False).first()
    if child is not None:
        return _person(social, woman, "", "child", "agrees", child=child)
    return _person(social, woman, "Fah Demo", "relative", "agrees", adult=False, age_given=8)


def _visits(custody, woman, people, child) -> None:
    now = timezone.now()
    held = bookings.book_visit(
        by=custody,
        prisoner=woman,
        kind="family",
        starts_at=not_before_arrest(woman, now - timedelta(days=3)),
        visitors=[people["mother"]],
    )
    bookings.record_visit_held(by=custody, visit=held)
    # Visits with her child: one with open contact, one across a table for a reason given
    # (Rule 28).
    for days, open_contact in ((8, True), (15, False)):
        with_child = bookings.book_visit(
            by=custody,
            prisoner=woman,
            kind="child",
            starts_at=not_before_arrest(woman, now - timedelta(days=days)),
            visitors=[child, people["mother"]],
            open_contact=open_contact,
            setting_reason="" if open_contact else "The visits hall was being repaired.",
        )
        bookings.record_visit_held(by=custody, visit=with_child)
    bookings.book_visit(
        by=custody,
        prisoner=woman,
        kind="family",
        starts_at=now + timedelta(hours=2),
        visitors=[people["sister"]],
    )
    bookings.book_visit(
        by=custody,
        prisoner=woman,
        kind="extended",
        starts_at=now + timedelta(days=6),
        visitors=[child, people["mother"]],
    )
    try:
        bookings.book_visit(
            by=custody,
            prisoner=woman,
            kind="family",
            starts_at=now + timedelta(days=1),
            visitors=[people["refused"]],
        )
    except RuleBroken:
        pass  # she refused him: the booking is refused and nothing is written (Rule 44)


def seed(*, facility, staff, women) -> None:
    if len(women) < 2:
        return
    social, custody = staff["social"], staff["custody"]
    first, second = women[0], women[1]
    people = _lists(social, first, second)
    child = _child_visitor(social, first)
    _visits(custody, first, people, child)
    bookings.book_visit(
        by=custody,
        prisoner=second,
        kind="legal",
        starts_at=timezone.now() + timedelta(hours=4),
        lawyer_name="Ms Sirin Demo",
        lawyer_registration="LAW-4471",
    )
    record_contact(by=custody, prisoner=first, kind="video_call", visitor=people["mother"])
    record_contact(
        by=social,
        prisoner=first,
        kind="travel_support",
        visitor=people["sister"],
        support="Return bus fare paid for her visit from Chiang Rai",
    )
