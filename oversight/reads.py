"""The reads of confidential records in her facilities, for the inspector and the governor,
who check the confidentiality itself (Rules 8, 3.2, 25, 25.3): when, who in which role, what
kind of record and how many records the read showed. Never about which woman or child: that a
child's identity or what a woman says of herself was read tells that there is one, which they
read of no one; never the read of a complaint that names the viewer. The audit trail keeps
the ids; nothing confidential is shown here, only that a read happened.

A read is an audit row whose action ends in "read" (`audit.services`): the clinical file, a
child's identity, a complaint, her classification's needs, a safeguarding incident, and the
rest. Reading this list is not itself a read of anything confidential, and is not audited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.db.models import CharField, QuerySet
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _

from audit.models import AuditEvent
from bangkok.dates import start_of
from complaints.models import Complaint
from staff.roles import ROLES

READ_AUDIT = "audit.view_auditevent"
READS_KEYSET = ("-at", "-id")
COMPLAINT = "complaints.complaint"

# What each kind of read is, as the inspector reads it; any other read is named by its area.
READS = {
    "health.file_read": _("Her clinical file"),
    "child.identity_read": _("A child's identity"),
    "complaints.read": _("A complaint or report of abuse"),
    "force.health_check_read": _("The health check after a use of force"),
    "selfharm.clinical_read": _("Health's part of a self-harm case"),
    "release.health_read": _("Her health continuity on release"),
    "release.copy_read": _("Her copy of her records"),
    "parole.children_details_read": _("Her children's details in a leave or parole review"),
    "register.unit_applications_read": _("A mother and baby unit application"),
    "hygiene.clinical_basis_read": _("The clinical basis of a hygiene entitlement"),
    "classification.needs_read": _("The needs side of her classification"),
    "equality.read": _("What she says of herself, and her faith"),
    "safeguarding.incident_read": _("A safeguarding incident"),
    "safeguarding.concern_read": _("A concern raised by her family"),
    "girls.sealed_read": _("A girl's sealed record, opened on a legal basis"),
    "breakglass.read": _("The emergency part of her clinical file, by break-glass"),
}


@dataclass(frozen=True)
class Read:
    at: datetime
    who: str
    role: str
    what: str
    records: int
    facility: object | None


def reads(user, facilities, start, end, area: str = "") -> QuerySet[AuditEvent]:
    """The reads in the facilities from `start` to `end` (days, both included), newest first;
    only for a role that reads the audit trail (the inspector, the governor), else refused as
    any page of oversight she may not see."""
    if not user.is_authenticated or not user.has_perm(READ_AUDIT):
        raise PermissionDenied
    found = AuditEvent.objects.filter(
        action__endswith="read",
        facility__in=facilities,
        at__gte=start_of(start),
        at__lt=start_of(end + timedelta(days=1)),
    )
    if area:
        found = found.filter(action__startswith=f"{area}.")
    # A member of staff named in a complaint learns nothing of it, not even that it was read.
    naming = Complaint.objects.filter(named_staff=user).annotate(key=Cast("uuid", CharField()))
    found = found.exclude(subject_type=COMPLAINT, subject_id__in=naming.values("key"))
    return found.select_related("actor", "facility")


def areas() -> list[tuple[str, str]]:
    """(area, its name) of every kind of read, for the filter."""
    labels = sorted({action.split(".")[0] for action in READS})
    return [(label, _area(label)) for label in labels]


def shown(events) -> list[Read]:
    """One page of reads."""
    return [
        Read(
            at=event.at,
            who=(event.actor.get_full_name() or event.actor.username) if event.actor else "",
            role=str(ROLES[event.actor_role].label) if event.actor_role in ROLES else "",
            what=str(READS.get(event.action) or _area(event.action.split(".")[0])),
            records=len(event.disclosed or []),
            facility=event.facility,
        )
        for event in events
    ]


# A kind of read named for what it reads rather than its app.
APP_OF = {"child": "register"}


def _area(label: str) -> str:
    try:
        return str(apps.get_app_config(APP_OF.get(label, label)).verbose_name)
    except LookupError:
        return label
