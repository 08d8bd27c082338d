"""Recording a breach that happened anyway (Rules 19, 21, 22, 24; Mandela 45, 52).

The services of each area refuse to record an unlawful act as lawful; when one happened all
the same (a man carried out a personal search, escort staff kept her restrained in labour
in hospital) it is written down here, never lost. The record names the rule broken, the
governor is given a task to look into it, the inspector sees it on oversight, and it counts
in the oversight total that must be zero for that rule."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import audit
from facilities.scope import facilities_of
from reminders.services import schedule_reminder

from .models import RULE_OF, Breach, Kind
from .permissions import RECORD, reads_account

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from prisoners.models import Prisoner
    from staff.models import User

TASK_KIND = "breaches.recorded"


@transaction.atomic
def record_breach(
    *, by: User, prisoner: Prisoner, kind: str, account: str, occurred_at: datetime | None = None
) -> Breach:
    """Write down a breach of a Rule that happened to her (the rule follows from `kind`).
    Any role that writes her case records, in her facility. The governor is told at once,
    in words that carry no clinical detail."""
    if not by.has_perm(RECORD):
        raise PermissionDenied(_("Your role can't record a breach."))
    if not facilities_of(by).filter(pk=prisoner.facility_id).exists():
        raise PermissionDenied(_("You don't work in her facility."))
    if kind not in Kind.values:
        raise ValidationError({"kind": _("Say which rule was broken.")})
    now = timezone.now()
    occurred_at = occurred_at or now
    if occurred_at > now:
        raise ValidationError({"occurred_at": _("A breach is recorded once it has happened.")})
    account = (account or "").strip()
    if not account:
        raise ValidationError({"account": _("Say what happened.")})
    breach = Breach(
        facility=prisoner.facility,
        prisoner=prisoner,
        kind=kind,
        rule=RULE_OF[kind],
        occurred_at=occurred_at,
        account=account,
        recorded_by=by,
        recorded_at=now,
    )
    breach.full_clean()
    breach.save()
    schedule_reminder(
        key=f"breaches:{breach.uuid}",
        kind=TASK_KIND,
        rule=breach.rule,
        title=gettext_lazy(
            "A breach of Rule %(rule)s was recorded: %(what)s. Find out how it happened."
        ),
        title_params={"rule": breach.rule, "what": Kind(breach.kind).label},
        facility=breach.facility,
        assignee_role="governor",
        prisoner=prisoner,
        due_at=now,
    )
    audit.record(
        by=by,
        action="breaches.recorded",
        subject=breach,
        facility=breach.facility,
        detail={"kind": kind, "rule": breach.rule},
    )
    return shown_to(by, breach)


def shown_to(user: User, breach: Breach) -> Breach:
    """The breach as `user` may read it: without its account when that may carry clinical
    detail and she is not health staff."""
    # Not a field: what this reader is shown, for the serializer.
    breach.account_shown = breach.account if reads_account(user, breach) else ""  # type: ignore[attr-defined]
    return breach


def her_breaches(prisoner: Prisoner) -> QuerySet[Breach]:
    return prisoner.breaches.select_related("recorded_by", "facility").order_by(
        "-occurred_at", "-id"
    )
