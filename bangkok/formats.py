"""How a day is written for people in messages, titles and queues: as the pages write it
("4 Dec 2026", in the language of the page), never as an ISO date."""

from datetime import date

from django.utils.formats import date_format


def human_day(value: date) -> str:
    return date_format(value, "DATE_FORMAT")
