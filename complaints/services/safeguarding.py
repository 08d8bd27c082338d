"""Safeguarding verbs (Rules 7 and 25)."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

import audit
from reminders.services import schedule_reminder

from ..models import SafeguardingRecord

if TYPE_CHECKING:
    from facilities.models import Facility
    from prisoners.models import Prisoner
    from staff.models import User


@transaction.atomic
def open_safeguarding_record(
    *, by: User, prisoner: Prisoner, source: str, remind: bool = True
) -> SafeguardingRecord:
    """Open a safeguarding record for her and protect her against retaliation for
    RETALIATION_PROTECTION_DAYS (Rules 7.3, 25.1). Safeguarding staff are told at once, with
    nothing of what she disclosed (unless `remind` is False: a complaint brings its own
    tasks, kept from the staff it names)."""
    now = timezone.now()
    record = SafeguardingRecord.objects.create(
        prisoner=prisoner,
        facility=prisoner.facility,
        source=source,
        opened_at=now,
        opened_by=by,
        protected_until=now + timedelta(days=settings.RETALIATION_PROTECTION_DAYS),
    )
    if remind:
        _ask_for_a_plan(record)
    audit.record(
        by=by,
        action="safeguarding.opened",
        subject=record,
        facility=prisoner.facility,
        detail={"source": source},
    )
    return record


def _ask_for_a_plan(record: SafeguardingRecord) -> None:
    schedule_reminder(
        key=f"safeguarding.opened:{record.uuid}",
        kind="safeguarding.record_opened",
        rule="7",
        title=gettext_lazy("A safeguarding record was opened: plan her protection"),
        facility=record.facility,
        assignee_role="safeguarding",
        prisoner=record.prisoner,
        due_at=record.opened_at,
    )


def protected_against_retaliation(prisoner: Prisoner) -> bool:
    """Whether an adverse action against her must be held for review now (Rules 7.3, 25.1)."""
    return prisoner.safeguarding_records.filter(protected_until__gt=timezone.now()).exists()


def protection_shown_to(viewer: User, prisoner: Prisoner) -> bool:
    """Whether `viewer` is told she is protected now: never on the strength of a complaint
    that names the viewer, which for her doesn't exist (Rule 25; Mandela 57.2)."""
    return (
        prisoner.safeguarding_records.filter(protected_until__gt=timezone.now())
        .exclude(complaint__named_staff=viewer)
        .exists()
    )


@transaction.atomic
def follow_her(
    *, by: User, prisoner: Prisoner, from_facility: Facility, to_facility: Facility
) -> None:
    """Her complaints, safeguarding records and held actions move with her to the facility
    she is transferred to (Rules 7, 25): its safeguarding staff deal with them from now on,
    and the facility she left keeps only its audit rows. A complaint given to an officer of
    the facility she left is given to no one until the new facility's staff take it."""
    from ..models import Complaint, HeldAction

    moved = {
        "complaints": Complaint.objects.filter(prisoner=prisoner, facility=from_facility).update(
            facility=to_facility, assigned_to=None
        ),
        "records": SafeguardingRecord.objects.filter(
            prisoner=prisoner, facility=from_facility
        ).update(facility=to_facility),
        "held": HeldAction.objects.filter(prisoner=prisoner, facility=from_facility).update(
            facility=to_facility
        ),
    }
    if any(moved.values()):
        audit.record(
            by=by,
            action="complaints.followed_her",
            subject=prisoner,
            facility=to_facility,
            detail={"from": from_facility.code, "to": to_facility.code, **moved},
        )
