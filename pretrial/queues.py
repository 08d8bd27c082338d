"""The pretrial work queues: for the social workers, the court dates near enough to need her
caretaking information (Rule 58); for reception, custody and the governor, the court dates to
come and those gone by without their result."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bangkok.formats import human_moment
from prisoners.queues import where_she_lives
from reminders.queues import Bucket, Column, record_queue

from . import reading


def _when(hearing, viewer) -> str:
    return f"{human_moment(hearing.at)} · {hearing.get_kind_display()}"


def _sent(hearing, viewer) -> str:
    return str(_("Sent") if hearing.noticed else _("Not yet"))


def _escort(hearing, viewer) -> str:
    return str(_("Arranged") if hearing.escort_arranged else _("Not yet"))


NOTICES = record_queue(
    key="court-notices",
    title=_("Caretaking information before court"),
    rule="58",
    roles=("social",),
    records=reading.needing_notices,
    intro=_(
        "Before each hearing, send her lawyer or the court her caretaking information, for bail "
        "or an alternative to custody."
    ),
    empty=_("No hearing needs caretaking information in your facilities."),
    buckets=(
        Bucket("to-send", _("To send"), lambda now: Q(noticed=False, at__gt=now)),
        Bucket("sent", _("Sent"), lambda now: Q(noticed=True, at__gt=now)),
        Bucket("passed", _("Hearing passed, none sent"), lambda now: Q(noticed=False, at__lte=now)),
    ),
    columns=(
        Column(_("Hearing"), _when),
        Column(_("Court"), lambda hearing, viewer: hearing.court),
        Column(_("Sent"), _sent),
    ),
    opens="pretrial:hearing",
    link=_("Open the hearing"),
    keyset=("at", "id"),
    filters=where_she_lives(),
    order=357,
)


def _soon(now):
    return Q(at__gt=now, at__lte=now + timedelta(days=settings.PRETRIAL_NOTICE_DAYS))


COURT_DATES = record_queue(
    key="court-dates",
    title=_("Escorts and results of court dates"),
    rule="",
    roles=("reception", "custody", "governor"),
    records=reading.hearings_of,
    intro=_("Arrange her escort or video link before each hearing; record what happened after."),
    empty=_("No court date awaits its result in your facilities."),
    buckets=(
        Bucket("soon", _("Within a week"), _soon),
        Bucket(
            "no-escort", _("Escort not arranged"), lambda now: _soon(now) & Q(escort_arranged=False)
        ),
        Bucket("result", _("Result to record"), lambda now: Q(at__lte=now)),
    ),
    columns=(
        Column(_("Hearing"), _when),
        Column(_("Court"), lambda hearing, viewer: hearing.court),
        Column(_("Escort"), _escort),
    ),
    opens="pretrial:hearing",
    link=_("Open the hearing"),
    keyset=("at", "id"),
    filters=where_she_lives(),
    order=358,
)
