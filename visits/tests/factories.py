"""Visitors and visits made through the services, as staff would."""

from datetime import timedelta

from django.utils import timezone

from ..services.bookings import book_visit
from ..services.visitors import add_visitor, record_consultation


def visitor(cast, woman, name="Somchai Srisuk", answer=None, **fields):
    """A person added to her list by a social worker; consulted when `answer` is given."""
    fields.setdefault("relationship", "sibling")
    person = add_visitor(by=cast["social"], prisoner=woman, name=name, **fields)
    if answer:
        person = record_consultation(
            by=cast["social"], visitor=person, answer=answer, language="th"
        )
    return person


def approved(cast, woman, name="Somchai Srisuk", **fields):
    return visitor(cast, woman, name=name, answer="agrees", **fields)


def refused(cast, woman, name="Kittisak Violent", **fields):
    fields.setdefault("relationship", "partner")
    return visitor(cast, woman, name=name, answer="refuses", **fields)


def tomorrow():
    return timezone.now() + timedelta(days=1)


def booked(cast, woman, people, kind="family", **fields):
    return book_visit(
        by=cast["custody"],
        prisoner=woman,
        kind=kind,
        starts_at=fields.pop("starts_at", tomorrow()),
        visitors=people,
        **fields,
    )
