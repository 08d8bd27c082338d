"""Reception's queue: the women still in reception, and what each admission still lacks
before it is complete (Rules 2.1, 2.2, 4; Mandela 7, 67)."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bangkok.formats import human_moment
from prisoners.queues import where_she_lives
from reminders.queues import Bucket, Column, record_queue

from . import reading
from .models import Admission

# An admission still in reception after this long is one to chase.
LONG_IN_RECEPTION = timedelta(hours=24)


def _missing(admission: Admission, viewer) -> str:
    missing = reading.missing_steps(admission)
    return "; ".join(missing) if missing else _("Nothing: ready to complete")


IN_RECEPTION = record_queue(
    key="reception",
    title=_("Admissions in reception"),
    rule="2.1",
    roles=("reception",),
    records=reading.in_reception,
    intro=_(
        "Women received who are not yet admitted, oldest first, with what each admission "
        "still needs. Rights and a child's arrangement must be recorded before it is complete."
    ),
    empty=_("Nobody is waiting in reception."),
    buckets=(
        Bucket("rights", _("Rights to offer"), lambda now: Q(rights_missing=True)),
        Bucket("children", _("A child without an arrangement"), lambda now: Q(child_waiting=True)),
        Bucket("allocation", _("No allocation yet"), lambda now: Q(allocated=False)),
        Bucket(
            "ready",
            _("Ready to complete"),
            lambda now: Q(rights_missing=False, child_waiting=False),
        ),
        Bucket(
            "long",
            _("In reception over 24 hours"),
            lambda now: Q(admitted_at__lt=now - LONG_IN_RECEPTION),
        ),
    ),
    columns=(
        Column(_("Received"), lambda admission, viewer: human_moment(admission.admitted_at)),
        Column(_("Facility"), lambda admission, viewer: admission.facility.name),
        Column(_("Still missing"), _missing),
    ),
    opens="admissions:detail",
    link=_("Open the admission"),
    keyset=("admitted_at", "id"),
    filters=where_she_lives(),
    order=10,
)

QUEUES = (IN_RECEPTION,)
