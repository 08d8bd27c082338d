"""A test run as if on a given day: `timezone.localdate()` answers `day` wherever the code asks
it for today, so a date such as 29 February is proved whenever the suite runs.

    def test_x(monkeypatch):
        today_is(monkeypatch, date(2024, 2, 29))
"""

from datetime import date

from django.utils import timezone


def today_is(monkeypatch, day: date) -> date:
    """Make `day` today for the rest of the test; a moment given to `localdate` is converted
    as ever."""
    real = timezone.localdate

    def localdate(value=None, timezone=None):
        return day if value is None else real(value, timezone)

    monkeypatch.setattr("django.utils.timezone.localdate", localdate)
    return day
