"""How a day is written for people in messages, titles and queues: as the pages write it
("4 Dec 2026", in the language of the page), never as an ISO date."""

from datetime import date, datetime

from django.utils.formats import date_format
from django.utils.timezone import localtime


def human_day(value: date) -> str:
    return date_format(value, "DATE_FORMAT")


def human_moment(value: datetime) -> str:
    """A moment as the pages write it, in her time zone, 24-hour: "4 Dec 2026, 14:05"."""
    return date_format(localtime(value), "DATETIME_FORMAT")
