"""Segregation and close confinement (Bangkok Rule 22; Mandela Rules 43-46).

Never for a woman under the "no segregation" protection (pregnant, breastfeeding, an infant in
her care) nor for a girl under 18: no override. For anyone else: a planned end within 15
consecutive days, a health visit every day, an alert to the governor on day 13 and no
extension beyond day 15. If the protection appears while she is segregated, the governor is
told at once to end it.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _lazy

from authority.models import AuthorityState
from authority.registry import Authority
from authority.services import (
    await_confirmation,
    end_undecided,
    given_at_once,
    seek,
    sought,
    verbs_for,
)
from bangkok import late
from bangkok.dates import start_of
from bangkok.errors import RuleBroken
from bangkok.formats import human_day
from bangkok.plausible import check_after_arrest
from complaints.models import AdverseKind
from complaints.services import hold_if_protected
from facilities.scope import staff_holding
from prisoners.models import ProtectionFlags
from reminders.services import cancel_reminder, resolve_reminder, schedule_reminder
from staff.models import User

from ..models import Segregation, SegregationExtension, SegregationKind, SegregationVisit
from .common import ADJUDICATE, SEGREGATE, VISIT, log, require

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from complaints.models import HeldAction
    from discipline.models import Sanction
    from facilities.models import Facility
    from prisoners.models import Prisoner
    from reminders.models import Reminder


def protection_refusal(
    prisoner: Prisoner, day: date, *, since: datetime | None = None
) -> RuleBroken | None:
    """Why she can't be segregated or confined on `day`, if she can't: never saying why she is
    protected (Rule 8), only that she is (Rule 22) or that she is a girl (Mandela 45.2). One
    that began at `since`, in the past, is judged on her protections as they were then and as
    recorded since (`bangkok.late`)."""
    flags = ProtectionFlags.objects.select_for_update().get(prisoner=prisoner)
    protected = flags.no_segregation
    if since is not None:
        protected = late.flag_held_since(flags, "no_segregation", since)
    return barred(prisoner, day, protected=protected)


def barred(prisoner: Prisoner, day: date, *, protected: bool) -> RuleBroken | None:
    """The refusal of `protection_refusal` for a woman `protected` or not on `day`: what the
    segregate form says instead of offering itself, and what the service raises."""
    if protected:
        return RuleBroken(
            _("She can't be segregated or confined: she is under the 'No segregation' protection"),
            rule="22",
        )
    if prisoner.age_on(day) < 18:
        return RuleBroken(
            _("She can't be segregated or confined: she is a girl under 18"), rule="M45"
        )
    return None


def run_start_for(prisoner: Prisoner, day: date) -> date:
    """The first day of her run of segregation if she is segregated from `day`, counted so
    that `day` is her run's day (days segregated before it) + 1 (Mandela 44).

    A segregation that ended the day before or later continues the same run. One that ended
    after a break shorter than SEGREGATION_BREAK_RESETS_AFTER_DAYS whole days continues it
    too: the days she spent segregated count, the days out don't, so a day out does not
    reset the 15. A longer break starts a new run."""
    previous = prisoner.segregations.filter(ended_at__isnull=False).order_by("-ended_at").first()
    if previous is None:
        return day
    days_out = (day - timezone.localdate(previous.ended_at)).days - 1
    if days_out <= 0:
        # An ended segregation had started: its run_start is set (segregation constraint).
        return previous.run_start  # type: ignore[return-value]
    if days_out < settings.SEGREGATION_BREAK_RESETS_AFTER_DAYS:
        return previous.run_start + timedelta(days=days_out)  # type: ignore[operator,return-value]
    return day


def last_allowed_day(run_start: date) -> date:
    return run_start + timedelta(days=settings.SEGREGATION_MAX_DAYS - 1)


def _check_planned_end(run_start: date, start: date, planned_end: date | None) -> None:
    if planned_end is None:
        raise ValidationError({"planned_end": _("Give the day it is planned to end.")})
    if planned_end < start:
        raise ValidationError({"planned_end": _("The planned end can't be before it starts.")})
    limit = last_allowed_day(run_start)
    if planned_end > limit:
        raise RuleBroken(
            _(
                "Segregation can't last more than %(days)s consecutive days: it must end by "
                "%(limit)s"
            )
            % {"days": settings.SEGREGATION_MAX_DAYS, "limit": human_day(limit)},
            rule="M43",
            field="planned_end",
        )


def check_segregation(
    prisoner: Prisoner,
    planned_end: date | None,
    *,
    pending: Segregation | None = None,
    began_at: datetime | None = None,
) -> date:
    """Every check before she is segregated from today, or from `began_at` when it began
    before it was recorded (Rule 22; Mandela 43-45); returns the first day of her run.
    `pending` is the request being confirmed, if that is what this is."""
    start = timezone.localdate(began_at) if began_at else timezone.localdate()
    refusal = protection_refusal(prisoner, start, since=began_at)
    if refusal:
        raise refusal
    others = prisoner.segregations.in_play()
    if pending is not None:
        others = others.exclude(pk=pending.pk)
    if others.exists():
        raise ValidationError(
            _("She is already segregated, or a segregation awaits authority: end or extend it.")
        )
    if began_at and prisoner.segregations.filter(ended_at__gt=began_at).exists():
        raise ValidationError({"began_at": _("She was segregated then already.")})
    run_start = run_start_for(prisoner, start)
    _check_planned_end(run_start, start, planned_end)
    return run_start


def start_segregation(
    *,
    prisoner: Prisoner,
    kind: str,
    reason: str,
    planned_end: date,
    authorised_by: User,
    recorded_by: User,
    sanction: Sanction | None = None,
) -> Segregation:
    """Start it after every check, on the authority of `authorised_by` acting herself (the
    governor segregating, or imposing it as a sanction)."""
    check_segregation(prisoner, planned_end)
    segregation = Segregation(
        prisoner=prisoner,
        facility=prisoner.facility,
        kind=kind,
        sanction=sanction,
        reason=reason.strip(),
        recorded_by=recorded_by,
        planned_end=planned_end,
    )
    given_at_once(segregation, by=authorised_by)
    _begin(segregation)
    segregation.full_clean()
    segregation.save()
    _started(segregation, by=recorded_by)
    return segregation


def _begin(segregation: Segregation) -> None:
    """It starts now, or when it began if it was recorded after it began: the 15 consecutive
    days count from that day (Mandela 43-44)."""
    segregation.started_at = segregation.began_at or timezone.now()
    segregation.start_date = timezone.localdate(segregation.started_at)
    segregation.run_start = run_start_for(segregation.prisoner, segregation.start_date)


def _started(segregation: Segregation, *, by: User) -> None:
    log(by, "discipline.segregated", segregation, segregation.prisoner, kind=segregation.kind)
    # Started (`_begin`): start_date is set.
    schedule_visit(segregation, segregation.start_date)  # type: ignore[arg-type]
    _schedule_alert(segregation)
    _schedule_planned_end(segregation)


def governors_of(facility: Facility) -> QuerySet[User]:
    """The people who may authorise a segregation in the facility: active staff assigned to
    it whose role adjudicates."""
    return staff_holding(ADJUDICATE, facility)


@transaction.atomic
def segregate(
    *,
    by: User,
    prisoner: Prisoner,
    kind: str,
    reason: str,
    planned_end: date | None,
    sought_from: User | None = None,
    began_at: datetime | None = None,
    late_reason: str = "",
    held: HeldAction | None = None,
) -> Segregation:
    """Segregate her or confine her to her cell, with a planned end (Bangkok Rule 22; Mandela
    43-45). One that began before it is recorded (`began_at`, in the past) counts its 15 days
    from that day, is judged on her protections as they were then and as recorded since,
    and, recorded more than LATE_RECORD_REASON_AFTER_HOURS after it began, says why
    (`bangkok.late`). It starts, and its 15 days count, when the governor confirms it with her own
    sign-in, Rule 22 and Mandela 45 checked again then: decided by the governor herself, it
    awaits her confirmation (or another governor's); asked for by a custody officer, it awaits
    the authority of the governor (`sought_from`, or any governor of her facility, never the
    officer). Every woman's segregation goes through that step, so while she is protected
    after a report (Rules 7.3, 25.1) it is recorded the same way and only the confirmation
    waits for both reviews; whoever asked is told nothing more. `held` is an older held
    action being carried out."""
    require(by, prisoner, ADJUDICATE, SEGREGATE, message=_("Your role can't segregate a woman."))
    governor_herself = by.has_perm(ADJUDICATE)
    if kind not in SegregationKind.values:
        raise ValidationError({"kind": _("Say what kind of segregation it is.")})
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for it.")})
    now = timezone.now()
    if began_at is not None:
        if began_at > now:
            raise ValidationError({"began_at": _("This can't be in the future.")})
        check_after_arrest(prisoner, began_at, "began_at")
    late_reason = late.late_reason(began_at or now, late_reason, now=now)
    check_segregation(prisoner, planned_end, began_at=began_at)
    # check_segregation refuses a missing planned end.
    segregation = Segregation(  # type: ignore[misc]
        prisoner=prisoner,
        facility=prisoner.facility,
        kind=kind,
        reason=reason.strip(),
        recorded_by=by,
        planned_end=planned_end,
        began_at=began_at,
        late_reason=late_reason,
    )
    if governor_herself:
        await_confirmation(AREA, segregation)
    else:
        seek(AREA, segregation, by=by, sought_from=sought_from)
    segregation.full_clean()
    segregation.save()
    sought(AREA, segregation, by=by)
    hold_if_protected(
        by=by,
        prisoner=prisoner,
        kind=AdverseKind.SEGREGATION,
        summary=_lazy("Segregation until %(day)s: %(reason)s"),
        summary_params={"day": planned_end, "reason": reason},
        params={"segregation": str(segregation.uuid)},
        carrying_out=held,
        record=segregation,
    )
    log(by, "discipline.segregation_requested", segregation, prisoner, kind=kind)
    return segregation


# The governor's authority (`authority.services` calls these)


def _check_at_confirmation(segregation: Segregation) -> None:
    """Rule 22 and Mandela 45 again, and the 15 days from today: her protections may have
    changed since it was asked for. (Asked for after her report, it waits for both reviews
    before this: `authority.services`.)"""
    check_segregation(
        segregation.prisoner,
        segregation.planned_end,
        pending=segregation,
        began_at=segregation.began_at,
    )


def _on_confirmed(segregation: Segregation, *, by: User) -> list[str]:
    """It starts now, and its 15 days count from today (from the day it began, if it was
    recorded after it began)."""
    _begin(segregation)
    _started(segregation, by=by)
    return ["started_at", "start_date", "run_start"]


def _describe(segregation: Segregation) -> str:
    return _("%(kind)s until %(day)s") % {
        "kind": segregation.get_kind_display(),
        "day": human_day(segregation.planned_end),
    }


AREA = Authority(
    key="segregation",
    model=Segregation,
    perm=ADJUDICATE,
    title=_lazy("a segregation"),
    rule="22",
    describe=_describe,
    url=lambda segregation: reverse("discipline:segregation", kwargs={"uuid": segregation.uuid}),
    check=_check_at_confirmation,
    confirmed=_on_confirmed,
    order=320,
)
confirm_segregation, refuse_segregation = verbs_for(AREA.key)


def _open(segregation: Segregation) -> Segregation:
    segregation = Segregation.objects.select_for_update().get(pk=segregation.pk)
    if not segregation.is_open:
        raise ValidationError(_("This segregation has already ended."))
    return segregation


def _check_extension(segregation: Segregation, planned_end: date | None) -> None:
    """Never for a woman now protected (Rule 22) or a girl (Mandela 45.2): that one must end
    now; later than planned, and never beyond 15 consecutive days (Mandela 43-44)."""
    refusal = protection_refusal(segregation.prisoner, timezone.localdate())
    if refusal:
        raise refusal
    if planned_end is not None and planned_end <= segregation.planned_end:
        raise ValidationError({"planned_end": _("An extension ends later than planned now.")})
    # An open segregation has started: run_start and start_date are set.
    _check_planned_end(segregation.run_start, segregation.start_date, planned_end)  # type: ignore[arg-type]


@transaction.atomic
def extend_segregation(
    *,
    by: User,
    segregation: Segregation,
    planned_end: date | None,
    reason: str = "",
    held: HeldAction | None = None,
) -> SegregationExtension:
    """Ask for a later planned end, never beyond 15 consecutive days (Mandela 43-44), and never
    for a woman now protected (Rule 22) or a girl (Mandela 45.2): that one must end now. The
    extension awaits a governor's confirmation (hers, or another's) and the planned end moves
    only then, checked again: the same step for every woman, so one asked for while she is
    protected after a report (Rules 7.3, 25.1) is recorded alike and only its confirmation
    waits for both reviews. `held` is an older held action being carried out."""
    require(by, segregation.prisoner, ADJUDICATE, message=_("Only the governor extends it."))
    segregation = _open(segregation)
    _check_extension(segregation, planned_end)
    if segregation.extensions.filter(authority=AuthorityState.PENDING).exists():
        raise ValidationError(_("An extension of it already awaits confirmation."))
    # _check_extension refuses a missing planned end.
    extension = SegregationExtension(  # type: ignore[misc]
        segregation=segregation,
        prisoner=segregation.prisoner,
        facility=segregation.facility,
        planned_end=planned_end,
        previous_end=segregation.planned_end,
        reason=(reason or "").strip(),
        asked_by=by,
    )
    await_confirmation(EXTENSIONS, extension)
    extension.full_clean()
    extension.save()
    sought(EXTENSIONS, extension, by=by)
    hold_if_protected(
        by=by,
        prisoner=segregation.prisoner,
        kind=AdverseKind.SEGREGATION_EXTENSION,
        summary=_lazy("Segregation extended until %(day)s"),
        summary_params={"day": planned_end},
        params={"extension": str(extension.uuid)},
        carrying_out=held,
        record=extension,
    )
    log(by, "discipline.segregation_extension_asked", extension, segregation.prisoner)
    return extension


def _check_extension_at_confirmation(extension: SegregationExtension) -> None:
    """Rule 22, Mandela 45 and the 15 days again, on the segregation as it is now."""
    _check_extension(_open(extension.segregation), extension.planned_end)


def _on_extension_confirmed(extension: SegregationExtension, *, by: User) -> list[str]:
    segregation = _open(extension.segregation)
    replan(segregation, extension.planned_end, by=by)
    log(by, "discipline.segregation_extended", segregation, segregation.prisoner)
    return []


EXTENSIONS = Authority(
    key="segregation-extensions",
    model=SegregationExtension,
    perm=ADJUDICATE,
    title=_lazy("an extension of a segregation"),
    rule="M43",
    describe=lambda extension: (
        _("Segregation until %(day)s") % {"day": human_day(extension.planned_end)}
    ),
    url=lambda extension: reverse(
        "discipline:segregation", kwargs={"uuid": extension.segregation.uuid}
    ),
    check=_check_extension_at_confirmation,
    confirmed=_on_extension_confirmed,
    undecided={"segregation__ended_at__isnull": True},
    related=("prisoner", "facility", "authority_requested_by", "segregation"),
    order=321,
)
confirm_extension, refuse_extension = verbs_for(EXTENSIONS.key)


def replan(segregation: Segregation, planned_end: date, *, by: User) -> None:
    """Move its planned end (an extension, or a sanction reduced on review)."""
    cancel_reminder(key=_planned_end_key(segregation), by=by, reason="Planned end moved")
    segregation.planned_end = planned_end
    segregation.full_clean()
    segregation.save(update_fields=["planned_end"])
    _schedule_planned_end(segregation)


@transaction.atomic
def end_segregation(*, by: User, segregation: Segregation, reason: str = "") -> Segregation:
    """End it; her reminders close (the order to end it at once among them, Rule 22)."""
    require(by, segregation.prisoner, ADJUDICATE, message=_("Only the governor ends it."))
    return close_segregation(segregation, by=by, reason=reason)


def close_segregation(
    segregation: Segregation,
    *,
    by: User | None,
    reason: str,
    at: datetime | None = None,
    **detail: object,
) -> Segregation:
    """It ends now (`at`); the orders it answers close with it: the order to end it, its
    planned end and the day-13 order (Mandela 44). An extension of it still awaiting a
    governor ends with it and leaves her queue."""
    segregation = _open(segregation)
    at = at or timezone.now()
    segregation.ended_at = at
    segregation.ended_by = by
    segregation.end_reason = reason.strip()[:300]
    segregation.save(update_fields=["ended_at", "ended_by", "end_reason"])
    for key in (_end_now_key(segregation), _planned_end_key(segregation), _alert_key(segregation)):
        resolve_reminder(key=key, by=by, outcome="Segregation ended")
    cancel_reminder(key=visit_key(segregation, timezone.localdate(at)), by=by, reason="ended")
    end_undecided(EXTENSIONS, segregation.extensions.all(), by=by, reason="Segregation ended")
    log(by, "discipline.segregation_ended", segregation, segregation.prisoner, **detail)
    return segregation


# Written on the record and in the audit row when the system ends it at the limit.
TIME_LIMIT_REASON = "time limit (Mandela 44)"
ENDED_AT_LIMIT_KIND = "discipline.segregation_ended_at_limit"


def must_end_by(now: datetime) -> date:
    """Runs whose last allowed day ends within SEGREGATION_SYSTEM_END_MINUTES of `now` (or
    ended before it) began on or before this day."""
    margin = timedelta(minutes=settings.SEGREGATION_SYSTEM_END_MINUTES)
    return timezone.localdate(now + margin) - timedelta(days=settings.SEGREGATION_MAX_DAYS)


def end_segregations_at_limit(*, now: datetime | None = None) -> int:
    """The system ends every segregation still open at the end of her 15th consecutive day
    (Mandela 43-44), whatever its plan says and whether or not anyone acted: in the last
    SEGREGATION_SYSTEM_END_MINUTES of that day, or at once if that time has passed (the beat
    was down). It ends with no one as its author and the reason "time limit (Mandela 44)",
    audited, and the governor is told. Running it again changes nothing; two workers at once
    skip each other's rows. Returns how many it ended."""
    now = now or timezone.now()
    due = Segregation.objects.open().filter(run_start__lte=must_end_by(now))
    count = 0
    for pk in due.values_list("pk", flat=True):
        with transaction.atomic():
            segregation = (
                due.filter(pk=pk)
                .select_for_update(skip_locked=True, of=("self",))
                .select_related("prisoner", "facility")
                .first()
            )
            if segregation is None:
                continue
            close_segregation(
                segregation,
                by=None,
                reason=TIME_LIMIT_REASON,
                at=now,
                rule="M44",
                days=segregation.day_number(timezone.localdate(now)),
            )
            schedule_reminder(
                key=f"discipline.ended-at-limit:{segregation.uuid}",
                kind=ENDED_AT_LIMIT_KIND,
                rule="M44",
                title=gettext_lazy(
                    "A segregation reached 15 consecutive days and was ended by the system"
                ),
                facility=segregation.facility,
                assignee_role="governor",
                prisoner=segregation.prisoner,
                due_at=now,
            )
            count += 1
    return count


@transaction.atomic
def record_segregation_visit(
    *, by: User, segregation: Segregation, fit_to_remain: bool, seen_at: datetime | None = None
) -> SegregationVisit:
    """Health staff saw her today (Mandela 46): only that, and whether she is fit to remain.
    If she isn't, the governor is told to review it at once."""
    require(by, segregation.prisoner, VISIT, message=_("Only health staff record this visit."))
    seen_at = seen_at or timezone.now()
    ended = segregation.ended_at or timezone.now()
    started = segregation.started_at
    if started is None or seen_at > ended or seen_at < started:
        raise ValidationError({"seen_at": _("She was seen while segregated, not later or before.")})
    visit = SegregationVisit.objects.create(
        segregation=segregation, seen_at=seen_at, seen_by=by, fit_to_remain=fit_to_remain
    )
    day = timezone.localdate(seen_at)
    resolve_reminder(key=visit_key(segregation, day), by=by, outcome="Seen")
    if not fit_to_remain and segregation.is_open:
        schedule_reminder(
            key=f"discipline.unfit:{visit.uuid}",
            kind=UNFIT_KIND,
            rule="M46",
            title=gettext_lazy(
                "Health staff report a segregated woman is not fit to remain: review it now"
            ),
            facility=segregation.facility,
            assignee_role="governor",
            prisoner=segregation.prisoner,
            due_at=timezone.now(),
        )
    log(by, "discipline.segregation_visit", visit, segregation.prisoner, fit=fit_to_remain)
    return visit


# Reminders

VISIT_KIND = "discipline.segregation_visit"
PLANNED_END_KIND = "discipline.segregation_planned_end"
UNFIT_KIND = "discipline.segregation_unfit"


def visit_key(segregation: Segregation, day: date) -> str:
    return f"discipline.visit:{segregation.uuid}:{day.isoformat()}"


def _end_now_key(segregation: Segregation) -> str:
    return f"discipline.end-now:{segregation.uuid}"


def _alert_key(segregation: Segregation) -> str:
    return f"discipline.day-alert:{segregation.uuid}"


def _planned_end_key(segregation: Segregation) -> str:
    return f"discipline.planned-end:{segregation.uuid}:{segregation.planned_end.isoformat()}"


def schedule_visit(segregation: Segregation, day: date) -> Reminder:
    """The day's health visit (Mandela 46): one reminder a segregation a day."""
    now = timezone.now()
    return schedule_reminder(
        key=visit_key(segregation, day),
        kind=VISIT_KIND,
        rule="M46",
        title=gettext_lazy("Daily health visit to a segregated woman"),
        facility=segregation.facility,
        assignee_role="health",
        prisoner=segregation.prisoner,
        due_at=max(now, start_of(day)),
        escalate_at=max(now, start_of(day + timedelta(days=1))),
    )


# The day-13 order: only ending the segregation closes it ("Mark done" can't).
ALERT_KIND = "discipline.segregation_day_alert"


def _schedule_alert(segregation: Segregation) -> None:
    """Order the governor, on day SEGREGATION_ALERT_DAY of the run, to end it by the last
    allowed day (Mandela 44). It is not dismissed: ending the segregation closes it, and if
    no one does, the system ends it at the limit."""
    # Scheduled once it started: run_start is set.
    day = segregation.run_start + timedelta(days=settings.SEGREGATION_ALERT_DAY - 1)  # type: ignore[operator]
    schedule_reminder(
        key=_alert_key(segregation),
        kind=ALERT_KIND,
        rule="M44",
        title=gettext_lazy(
            "Segregation nearing 15 consecutive days: end it by %(day)s, or the system will"
        ),
        title_params={"day": last_allowed_day(segregation.run_start)},  # type: ignore[arg-type]
        facility=segregation.facility,
        assignee_role="governor",
        prisoner=segregation.prisoner,
        due_at=max(timezone.now(), start_of(day)),  # type: ignore[arg-type]
    )


def _schedule_planned_end(segregation: Segregation) -> None:
    schedule_reminder(
        key=_planned_end_key(segregation),
        kind=PLANNED_END_KIND,
        rule="M43",
        title=gettext_lazy("A segregation reaches its planned end: end it"),
        facility=segregation.facility,
        assignee_role="governor",
        prisoner=segregation.prisoner,
        due_at=max(timezone.now(), start_of(segregation.planned_end)),
    )


# Only ending the segregation closes this reminder ("Mark done" can't): see DisciplineConfig.
END_NOW_KIND = "discipline.end_segregation_now"


def order_end_now(segregation: Segregation, *, by: User | None) -> None:
    """She is segregated and now protected (Rule 22): the governor must end it at once. The
    reminder says nothing of why; the audit row records when it was first ordered."""
    if segregation.protection_raised_at is None:
        segregation.protection_raised_at = timezone.now()
        segregation.save(update_fields=["protection_raised_at"])
        log(by, "discipline.segregation_must_end", segregation, segregation.prisoner, rule="22")
    schedule_reminder(
        key=_end_now_key(segregation),
        kind=END_NOW_KIND,
        rule="22",
        title=gettext_lazy("End a segregation at once"),
        facility=segregation.facility,
        assignee_role="governor",
        prisoner=segregation.prisoner,
        due_at=timezone.now(),
    )


def watch_protection(*, prisoner: Prisoner, changed: dict, by: User) -> None:
    """Registered flag watcher: the protection appeared while she is segregated (Rule 22)."""
    if changed.get("no_segregation") is not True:
        return
    for segregation in prisoner.segregations.open().select_related("facility", "prisoner"):
        order_end_now(segregation, by=by)


def schedule_segregation_visits(*, today: date | None = None) -> int:
    """Each open segregation gets the day's visit reminder, and Rule 22 is checked again for
    her; running it again the same day changes nothing."""
    today = today or timezone.localdate()
    count = 0
    for segregation in Segregation.objects.open().select_related(
        "facility", "prisoner", "prisoner__flags"
    ):
        with transaction.atomic():
            schedule_visit(segregation, today)
            if segregation.prisoner.flags.no_segregation:
                order_end_now(segregation, by=None)
        count += 1
    return count


def carry_out_segregation(
    *,
    by: User,
    prisoner: Prisoner,
    held: HeldAction,
    kind: str,
    reason: str,
    days: int,
    sought_from: int | None = None,
    authorised_by: int | None = None,
) -> Segregation:
    """A segregation held after her report and released by both reviews: it is asked for
    again now (or starts, if the governor asked), for the number of days asked, every check
    made again. `authorised_by` is the name an older held action gave to `sought_from`."""
    named = sought_from or authorised_by
    return segregate(
        by=by,
        prisoner=prisoner,
        kind=kind,
        reason=reason,
        planned_end=timezone.localdate() + timedelta(days=days),
        sought_from=User.objects.get(pk=named) if named else None,
        held=held,
    )
