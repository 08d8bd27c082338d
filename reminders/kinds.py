"""What closes each kind of reminder: the record that answers it, or "Mark done".

A task the Rules require closes only when the record that answers it is written (the health
visit, the protection plan, the referral, the review): the service writing that record
resolves it. "Mark done" exists only for a kind declared here as having no answering record.
Each area declares its kinds in its `hooks.py` (`AnsweredBy`, `MayBeMarkedDone`); scheduling
a kind nobody declared fails (`UndeclaredKind`), and a row of such a kind already stored counts
as answered by its record.

Whatever its kind, a task escalated from another team to the governor is never marked done by
the governor: she directs the team it belongs to, which still has it (RULES-SPEC 1.5).
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from bangkok.errors import RuleBroken
from bangkok.hooks import takes

from .models import Status


@dataclass(frozen=True)
class Kind:
    # What answers it ("the daily health visit"), or None if "Mark done" may close it.
    answered_by: str | Promise | None


_KINDS: dict[str, Kind] = {}
UNDECLARED = _lazy("the record that answers it")


class UndeclaredKind(LookupError):
    """A reminder of a kind nobody declared: what closes it would be unknown."""


def require_declared(kind: str) -> None:
    """Raise `UndeclaredKind` unless `kind` is declared (called before a reminder is
    scheduled, so a new kind can't reach staff without saying what closes it)."""
    if kind not in _KINDS:
        raise UndeclaredKind(
            f"Reminder kind {kind!r} is not declared: declare what answers it "
            "(reminders.kinds.AnsweredBy or MayBeMarkedDone) in its app's hooks.py."
        )


def declared_kinds() -> frozenset[str]:
    return frozenset(_KINDS)


def answered_by(record: str | Promise, *kinds: str) -> None:
    """Declare `kinds` closed only by `record` being written."""
    for kind in kinds:
        _declare(kind, Kind(answered_by=record))


def may_be_marked_done(*kinds: str) -> None:
    """Declare `kinds` as tasks no record answers: the person who did it marks it done."""
    for kind in kinds:
        _declare(kind, Kind(answered_by=None))


class AnsweredBy:
    """Tasks of `kinds` close only when `record` is written (declared in an app's hooks)."""

    def __init__(self, record: str | Promise, *kinds: str):
        self.record, self.kinds = record, kinds

    def __repr__(self) -> str:
        return f"AnsweredBy({self.record!r}, {', '.join(self.kinds)})"


class MayBeMarkedDone:
    """Tasks of `kinds` no record answers (declared in an app's hooks)."""

    def __init__(self, *kinds: str):
        self.kinds = kinds

    def __repr__(self) -> str:
        return f"MayBeMarkedDone({', '.join(self.kinds)})"


takes(AnsweredBy, lambda declared: answered_by(declared.record, *declared.kinds))
takes(MayBeMarkedDone, lambda declared: may_be_marked_done(*declared.kinds))


def _declare(kind: str, declared: Kind) -> None:
    if _KINDS.get(kind, declared) != declared:
        raise ValueError(f"Reminder kind {kind} is declared twice, differently.")
    _KINDS[kind] = declared


def answering_record(kind: str) -> str | Promise | None:
    """The record that answers a task of this kind, or None if "Mark done" closes it."""
    declared = _KINDS.get(kind)
    return UNDECLARED if declared is None else declared.answered_by


def why_not_mark_done(reminder, user) -> str | None:
    """Why `user` may not mark `reminder` done, if she may not (None if she may)."""
    if reminder.status == Status.ESCALATED and reminder.assignee_role != user.role_code:
        return _(
            "This task was escalated to you from another team: it stays theirs to do. "
            "Direct them to do it; it closes when they have."
        )
    record = answering_record(reminder.kind)
    if record is None:
        return None
    message = _("This task closes only when %(record)s is recorded, not with 'Mark done'") % {
        "record": record
    }
    # Only the team the task is for gets here: it may read the rule its task names.
    return str(RuleBroken(message, rule=reminder.rule)) if reminder.rule else message


def may_mark_done(reminder, user) -> bool:
    return why_not_mark_done(reminder, user) is None
