"""What closes each kind of reminder: the record that answers it, or "Mark done".

A task the Rules require closes only when the record that answers it is written (the health
visit, the protection plan, the referral, the review): the service writing that record
resolves it. "Mark done" exists only for a kind declared here as having no answering record.
Each area declares its kinds in its `hooks.py` (`AnsweredBy`, `MayBeMarkedDone`); scheduling
a kind nobody declared fails (`UndeclaredKind`), and a row of such a kind already stored counts
as answered by its record.

A kind may also name the page that answers it (`AnsweredBy(..., page=opens(...))`): the task
lists then offer "Record <the answering record>" as a link to that form, to a viewer whose role
may use it. What she saves there writes the record, and its service closes the task.

Whatever its kind, a task escalated from another team to the governor is never marked done by
the governor: she directs the team it belongs to, which still has it (RULES-SPEC 1.5).
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from bangkok.errors import RuleBroken
from bangkok.hooks import takes

from .models import Status


@dataclass(frozen=True)
class Opens:
    """The page that answers a task: `url(reminder)` its address (None when the task doesn't
    say which record it is about), offered to a viewer holding `perm`."""

    url: Callable
    perm: str


_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def subject_of(reminder) -> str | None:
    """The uuid of the record a task is about, as its key names it ("kind:<uuid>[:...]")."""
    found = _UUID.search(reminder.key)
    return found.group(0) if found else None


def opens(view: str, *, perm: str, of: str = "subject", section: str = "", step: str = "") -> Opens:
    """The page `view` of the record the task is about (`of="subject"`, named in its key) or
    of the woman it concerns (`of="woman"`), at `section` of the page (an anchor), with the
    form of `step` open there (`?open=`)."""

    def url(reminder) -> str | None:
        uuid = subject_of(reminder) if of == "subject" else getattr(reminder.prisoner, "uuid", None)
        if uuid is None:
            return None
        address = reverse(view, kwargs={"uuid": uuid})
        if step:
            address += f"?open={step}"
        return address + (f"#{section}" if section else "")

    return Opens(url, perm)


@dataclass(frozen=True)
class Kind:
    # What answers it ("the daily health visit"), or None if "Mark done" may close it.
    answered_by: str | Promise | None
    # The page where it is recorded, if there is one.
    page: Opens | None = None


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


def answered_by(record: str | Promise, *kinds: str, page: Opens | None = None) -> None:
    """Declare `kinds` closed only by `record` being written (on `page`, if given)."""
    for kind in kinds:
        _declare(kind, Kind(answered_by=record, page=page))


def may_be_marked_done(*kinds: str) -> None:
    """Declare `kinds` as tasks no record answers: the person who did it marks it done."""
    for kind in kinds:
        _declare(kind, Kind(answered_by=None))


class AnsweredBy:
    """Tasks of `kinds` close only when `record` is written (declared in an app's hooks), on
    `page` where it has one (`opens`)."""

    def __init__(self, record: str | Promise, *kinds: str, page: Opens | None = None):
        self.record, self.kinds, self.page = record, kinds, page

    def __repr__(self) -> str:
        return f"AnsweredBy({self.record!r}, {', '.join(self.kinds)})"


class MayBeMarkedDone:
    """Tasks of `kinds` no record answers (declared in an app's hooks)."""

    def __init__(self, *kinds: str):
        self.kinds = kinds

    def __repr__(self) -> str:
        return f"MayBeMarkedDone({', '.join(self.kinds)})"


takes(
    AnsweredBy,
    lambda declared: answered_by(declared.record, *declared.kinds, page=declared.page),
)
takes(MayBeMarkedDone, lambda declared: may_be_marked_done(*declared.kinds))


def _declare(kind: str, declared: Kind) -> None:
    if _KINDS.get(kind, declared) != declared:
        raise ValueError(f"Reminder kind {kind} is declared twice, differently.")
    _KINDS[kind] = declared


def answering_record(kind: str) -> str | Promise | None:
    """The record that answers a task of this kind, or None if "Mark done" closes it."""
    declared = _KINDS.get(kind)
    return UNDECLARED if declared is None else declared.answered_by


def answering_page(reminder, user) -> tuple[str, str] | None:
    """("Record <the answering record>", the address of its form) for an open task whose kind
    names its page, if `user` may use that page; else None."""
    declared = _KINDS.get(reminder.kind)
    if declared is None or declared.page is None or not reminder.is_open:
        return None
    if not user.has_perm(declared.page.perm):
        return None
    if reminder.confidential and not user.has_perm("health.read_clinical"):
        return None  # what answers a clinical task says something of her health (Rule 8)
    url = declared.page.url(reminder)
    if url is None:
        return None
    return _("Record %(record)s") % {"record": declared.answered_by}, url


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
