"""Dates that can be true (QUALITY S9): shared by the models' validators and the services, so
the page forms and the API refuse the same dates with the same words.

A date of birth is neither in the future nor before 1900; a commitment order is not dated in
the future; nothing that happens to her in custody (a search, a restraint, a charge, a visit,
a clinical record) is dated before her arrest. Whether a record made long after the event
needs a reason is the late-record check's business, not this one's."""

from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db.models import Min
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

EARLIEST_BIRTH = date(1900, 1, 1)


def validate_birth_date(value: date) -> None:
    if value > timezone.localdate():
        raise ValidationError(_("A date of birth can't be in the future."), code="future")
    if value < EARLIEST_BIRTH:
        raise ValidationError(
            _("A date of birth before 1900 can't be right: check the year."), code="too_early"
        )


def validate_not_in_future(value: date) -> None:
    if value > timezone.localdate():
        raise ValidationError(_("That date is in the future."), code="future")


def validate_past_date(value: date) -> None:
    """A date already passed, and not before 1900 (a commitment order's)."""
    validate_not_in_future(value)
    if value < EARLIEST_BIRTH:
        raise ValidationError(_("A date before 1900 can't be right: check the year."))


def check_after_arrest(prisoner, moment: datetime, field: str) -> None:
    """Refuse an event about her dated before her first arrest on record (a woman put on
    record without an admission has none, and nothing to compare with)."""
    arrested = prisoner.admissions.aggregate(first=Min("arrested_at"))["first"]
    if arrested is not None and moment < arrested:
        raise ValidationError(
            {
                field: _("That is before she was arrested (%(day)s): check the date.")
                % {"day": date_format(timezone.localtime(arrested).date())}
            }
        )


def not_before_arrest(prisoner, moment: datetime, *, margin=timedelta(hours=1)) -> datetime:
    """`moment`, or `margin` after her first arrest if that is later: for demonstration data
    dated in the past."""
    arrested = prisoner.admissions.aggregate(first=Min("arrested_at"))["first"]
    return moment if arrested is None else max(moment, arrested + margin)
