from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import DatabaseError, models, transaction

from .models import AuditEvent

if TYPE_CHECKING:
    from typing import Any

    from facilities.models import Facility
    from staff.models import User


class AuditUnavailable(DatabaseError):
    """The audit row could not be written: what it was to record is not done, and a read it
    was to record is not shown (answered 503 by `audit.middleware`)."""


def _subject(subject: models.Model | tuple[str, object] | None) -> tuple[str, str]:
    if subject is None:
        return "", ""
    if isinstance(subject, models.Model):
        key = getattr(subject, "uuid", None) or subject.pk
        return subject._meta.label_lower, str(key)
    kind, key = subject
    return kind, str(key)


def _fields(
    *,
    by: User,
    action: str,
    subject: models.Model | tuple[str, object] | None = None,
    facility: Facility | None = None,
    disclosed: list | None = None,
    detail: dict | None = None,
) -> dict:
    subject_type, subject_id = _subject(subject)
    return {
        "actor": by if by is not None and by.is_authenticated else None,
        "actor_role": getattr(by, "role_code", "") if by is not None else "",
        "action": action,
        "facility": facility,
        "subject_type": subject_type,
        "subject_id": subject_id,
        "disclosed": [str(item) for item in (disclosed or [])],
        "detail": detail or {},
    }


def record(**entry: Any) -> AuditEvent:
    """Append one audit row in the caller's transaction.

    `by` is the acting user (None for the system). `subject` is a model instance or a
    (type, id) pair. `disclosed` lists the ids of confidential records shown by a read.
    If this write fails, the caller's transaction fails with it: nothing is done unaudited,
    and nothing confidential is read unaudited (`AuditUnavailable`).
    """
    fields = _fields(**entry)
    try:
        with transaction.atomic():
            return AuditEvent.objects.create(**fields)
    except DatabaseError as exc:
        raise AuditUnavailable(str(exc)) from exc


def record_many(entries: list[dict]) -> list[AuditEvent]:
    """Append several audit rows at once (each entry as `record`'s keywords), in the caller's
    transaction: for set-up paths that write many grants together."""
    with transaction.atomic():
        return AuditEvent.objects.bulk_create([AuditEvent(**_fields(**e)) for e in entries])
