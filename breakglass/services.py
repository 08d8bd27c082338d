"""Break-glass verbs (Rule 8; RULES-SPEC 1, tier T4): a custody officer or the governor opens
the emergency part of one woman's clinical file, with a reason, for BREAK_GLASS_MINUTES; a
second person reviews the access afterwards. Health staff are asked to, in a task due
BREAK_GLASS_REVIEW_DAYS after it (escalated to the governor), which only the review closes."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import audit
from bangkok.errors import RuleBroken
from bangkok.openings import lasting
from facilities.scope import facilities_of
from reminders.models import Basis
from reminders.services import resolve_reminder, schedule_reminder

from .models import Access, Finding, Reason, Review
from .permissions import REVIEW, may_break

if TYPE_CHECKING:
    from prisoners.models import Prisoner
    from staff.models import User

REVIEW_KIND = "breakglass.review"


def _key(access: Access) -> str:
    return f"breakglass:{access.uuid}:review"


@transaction.atomic
def break_glass(*, by: User, prisoner: Prisoner, reason: str = "", detail: str = "") -> Access:
    """Open the emergency part of her clinical file to `by` alone, for BREAK_GLASS_MINUTES
    (Rule 8: her file is health's; T4: break-glass with a reason and a second person's review).
    Refused, naming the rule and writing nothing, without a reason from the list and what is
    happening. Health staff are asked to review it."""
    if not may_break(by):
        raise PermissionDenied(_("Your role doesn't break the glass."))
    if not facilities_of(by).filter(pk=prisoner.facility_id).exists():
        raise PermissionDenied(_("You don't work in her facility."))
    detail = (detail or "").strip()
    if reason not in Reason.values or not detail:
        raise RuleBroken(
            _(
                "Her clinical file is confidential (Rule 8): it is opened by break-glass only "
                "for a reason from the list, saying what is happening."
            ),
            rule="8",
            field="reason" if reason not in Reason.values else "detail",
        )
    access = Access.objects.create(
        prisoner=prisoner,
        facility_id=prisoner.facility_id,
        reason=reason,
        detail=detail,
        opened_by=by,
        **lasting(timedelta(minutes=settings.BREAK_GLASS_MINUTES)),
    )
    due = access.opened_at + timedelta(days=settings.BREAK_GLASS_REVIEW_DAYS)
    schedule_reminder(
        key=_key(access),
        kind=REVIEW_KIND,
        rule="8",
        title=gettext_lazy("Review a break-glass read of her clinical file"),
        facility=access.facility,
        assignee_role="health",
        prisoner=prisoner,
        due_at=due,
        basis=Basis.CONFIG,
    )
    audit.record(
        by=by,
        action="breakglass.opened",
        subject=prisoner,
        facility=access.facility,
        detail={"access": str(access.uuid), "reason": reason},
    )
    return access


@transaction.atomic
def review_access(*, by: User, access: Access, finding: str, note: str = "") -> Review:
    """A second person's review of a break-glass read (T4): justified or not, and why when it
    was not. Never by whoever opened it (refused naming Rule 8); one review an access. It
    closes the review task."""
    if not by.has_perm(REVIEW):
        raise PermissionDenied(_("Your role doesn't review break-glass reads."))
    if not facilities_of(by).filter(pk=access.facility_id).exists():
        raise PermissionDenied(_("You don't work in her facility."))
    access = Access.objects.select_for_update().get(pk=access.pk)
    if access.opened_by_id == by.pk:
        raise RuleBroken(
            _("A break-glass read is reviewed by a second person, never by whoever read."),
            rule="8",
        )
    if Review.objects.filter(access=access).exists():
        raise ValidationError(_("This break-glass read has been reviewed already."))
    if finding not in Finding.values:
        raise ValidationError({"finding": _("Choose a finding from the list.")})
    note = (note or "").strip()
    if finding == Finding.NOT_JUSTIFIED and not note:
        raise ValidationError({"note": _("Say why it was not justified.")})
    review = Review.objects.create(
        access=access, finding=finding, note=note, reviewed_by=by, reviewed_at=timezone.now()
    )
    resolve_reminder(key=_key(access), by=by, outcome=_("Reviewed."))
    audit.record(
        by=by,
        action="breakglass.reviewed",
        subject=access,
        facility=access.facility,
        detail={"finding": finding},
    )
    return review
