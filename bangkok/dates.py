"""Calendar arithmetic the areas share."""

from calendar import monthrange
from datetime import date, datetime, time, timedelta

from django.utils import timezone

# When a task dated by the day falls due in staff's working day (a review, a follow-up).
MORNING = time(8, 0)


def add_months(day: date, months: int) -> date:
    """The same day `months` later (the last day of the month when that day doesn't exist)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def start_of(day: date, at: time = time.min) -> datetime:
    """`day` at `at` (midnight unless said), in the project's time zone."""
    return timezone.make_aware(datetime.combine(day, at))


# A moment's day as the pages count it is its date in the project's time zone. Comparing the
# moment with the start of a day there gives the same days as casting it to a date (`__date`)
# does, but as a range an index on the moment serves: "on or before the 5th" is "before the
# start of the 6th". Each gives keyword arguments for `filter` (or a `Q`).


def during(field: str, first: date, last: date) -> dict:
    """`field` (a moment) on a day from `first` to `last`, both included."""
    return {**from_day(field, first), **until_day(field, last)}


def from_day(field: str, day: date) -> dict:
    """`field` on `day` or later (`__date__gte`)."""
    if day == date.min:  # every moment (the first day has no start a moment can hold)
        return {f"{field}__isnull": False}
    return {f"{field}__gte": start_of(day)}


def until_day(field: str, day: date) -> dict:
    """`field` on `day` or earlier (`__date__lte`)."""
    if day == date.max:  # every moment (there is no day after the last)
        return {f"{field}__isnull": False}
    return {f"{field}__lt": start_of(day + timedelta(days=1))}


def after_day(field: str, day: date) -> dict:
    """`field` after `day` (`__date__gt`)."""
    if day == date.max:
        return {f"{field}__in": []}
    return from_day(field, day + timedelta(days=1))


def before_day(field: str, day: date) -> dict:
    """`field` before `day` (`__date__lt`)."""
    if day == date.min:
        return {f"{field}__in": []}
    return {f"{field}__lt": start_of(day)}
