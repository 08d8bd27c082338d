"""How a day is written for people in messages, titles and queues: as the pages write it
("4 Dec 2026", in the language of the page), never as an ISO date."""

from datetime import date, datetime, timedelta

from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import ngettext


def human_day(value: date) -> str:
    return date_format(value, "DATE_FORMAT")


def human_moment(value: datetime) -> str:
    """A moment as the pages write it, in her time zone, 24-hour: "4 Dec 2026, 14:05"."""
    return date_format(localtime(value), "DATETIME_FORMAT")


def human_span(value: timedelta) -> str:
    """How long, to the hour: "45 minutes", "5 hours", "3 days 2 hours"."""
    minutes = int(value.total_seconds() // 60)
    if minutes < 60:
        return ngettext("%(n)d minute", "%(n)d minutes", minutes) % {"n": minutes}
    days, hours = divmod(minutes // 60, 24)
    said = [ngettext("%(n)d day", "%(n)d days", days) % {"n": days}] if days else []
    if hours or not days:
        said.append(ngettext("%(n)d hour", "%(n)d hours", hours) % {"n": hours})
    return " ".join(said)
