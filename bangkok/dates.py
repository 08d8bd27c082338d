"""Calendar arithmetic the areas share."""

from calendar import monthrange
from datetime import date, datetime, time

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
