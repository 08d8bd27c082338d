"""Preventive health care on an equal basis with women of the same age in the community
(Rules 17, 18; RULES-SPEC 2.10).

The benchmark is the community screening programme: a deployment picks a preset by the
PREVENTIVE_POLICY setting. `due_screenings` is a pure function of her date of birth, whether
she is known to live with HIV, her last screening per programme and the day; the services
around it read her record, write the screenings and keep her reminders in step with it.
Reminder titles never name a test or a result.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import audit
from bangkok.dates import MORNING, start_of
from bangkok.errors import RuleBroken
from bangkok.formats import human_day
from prisoners.models import age_on
from reminders.models import OPEN_STATUSES, Basis, Reminder, Status
from reminders.services import resolve_reminder, schedule_reminder

from ..models import HivResult, PreventiveScreening, ScreeningKind, ScreeningResult
from .screening import _recorder

if TYPE_CHECKING:
    from prisoners.models import Prisoner
    from staff.models import User

CERVICAL = "cervical"
BREAST = "breast"
PROGRAMME_LABELS = {
    CERVICAL: gettext_lazy("Cervical screening"),
    BREAST: gettext_lazy("Breast screening"),
}
PROGRAMME_OF: dict[str, str] = {
    ScreeningKind.CERVICAL_CYTOLOGY: CERVICAL,
    ScreeningKind.HPV: CERVICAL,
    ScreeningKind.COTEST: CERVICAL,
    ScreeningKind.VIA: CERVICAL,
    ScreeningKind.MAMMOGRAPHY: BREAST,
    ScreeningKind.CBE: BREAST,
}

# The community screening policy (RULES-SPEC 2.10)


@dataclass(frozen=True)
class Band:
    """Women of `min_age` to `max_age` (inclusive) are screened for `programme` with
    `primary`; `intervals` gives the years until the next screening after each kind of test
    (the primary's too). `hiv` limits the band to women living with HIV (True) or to the
    others (False); None is every woman."""

    programme: str
    min_age: int
    max_age: int
    primary: str
    intervals: dict
    hiv: bool | None = None

    def interval_after(self, kind: str | None) -> int:
        return self.intervals.get(kind, self.intervals[self.primary])


@dataclass(frozen=True)
class CommunityScreeningPolicy:
    code: str
    name: str
    bands: tuple


USPSTF = CommunityScreeningPolicy(
    code="uspstf",
    name="USPSTF (cervical 2018, breast 2024)",
    bands=(
        # Cervical (S16): 21-29 cytology every 3 years; 30-65 cytology every 3 years, or
        # hrHPV or co-test every 5 years; no routine screening before 21 or after 65.
        Band(
            CERVICAL, 21, 29, ScreeningKind.CERVICAL_CYTOLOGY, {ScreeningKind.CERVICAL_CYTOLOGY: 3}
        ),
        Band(
            CERVICAL,
            30,
            65,
            ScreeningKind.HPV,
            {
                ScreeningKind.CERVICAL_CYTOLOGY: 3,
                ScreeningKind.HPV: 5,
                ScreeningKind.COTEST: 5,
            },
        ),
        # Breast (S17, final 2024): mammography every 2 years, 40-74.
        Band(BREAST, 40, 74, ScreeningKind.MAMMOGRAPHY, {ScreeningKind.MAMMOGRAPHY: 2}),
    ),
)

WHO = CommunityScreeningPolicy(
    code="who",
    name="WHO (cervical 2021, breast 2014)",
    bands=(
        # Cervical (S18): HPV-DNA as the primary test. The starting ages, intervals and the
        # upper age below are the WHO 2021 values as RULES-SPEC 2.10 records them, flagged
        # there for verification against the guideline before use (general population: from
        # 30, every 5-10 years, 5 here; women living with HIV: from 25, every 3-5 years,
        # 3 here). The upper age of 65 is a design proposal.
        Band(CERVICAL, 30, 65, ScreeningKind.HPV, {ScreeningKind.HPV: 5}, hiv=False),
        Band(CERVICAL, 25, 65, ScreeningKind.HPV, {ScreeningKind.HPV: 3}, hiv=True),
        # Breast (S19): organised mammography at 50-69, every 2 years.
        Band(BREAST, 50, 69, ScreeningKind.MAMMOGRAPHY, {ScreeningKind.MAMMOGRAPHY: 2}),
    ),
)

POLICIES = {policy.code: policy for policy in (USPSTF, WHO)}


def current_policy() -> CommunityScreeningPolicy:
    try:
        return POLICIES[settings.PREVENTIVE_POLICY]
    except KeyError:
        raise ImproperlyConfigured(
            f"PREVENTIVE_POLICY must be one of {sorted(POLICIES)}, "
            f"not {settings.PREVENTIVE_POLICY!r}."
        ) from None


# Who is due: a pure function


@dataclass(frozen=True)
class Last:
    """Her last screening in a programme: when, which test, and whether she declined it."""

    on: date
    kind: str
    declined: bool = False


@dataclass(frozen=True)
class Due:
    programme: str
    due_on: date
    reason: str


def _birthday(date_of_birth: date, age: int) -> date:
    try:
        return date_of_birth.replace(year=date_of_birth.year + age)
    except ValueError:  # born on 29 February
        return date_of_birth.replace(year=date_of_birth.year + age, day=28) + timedelta(days=1)


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28) + timedelta(days=1)


def _bands_for(policy: CommunityScreeningPolicy, programme: str, hiv_positive: bool) -> list[Band]:
    bands = [band for band in policy.bands if band.programme == programme]
    specific = [band for band in bands if band.hiv is hiv_positive]
    general = [band for band in bands if band.hiv is None]
    return sorted(specific or general, key=lambda band: band.min_age)


def due_screenings(
    *,
    date_of_birth: date,
    hiv_positive: bool,
    last: dict,
    today: date,
    policy: CommunityScreeningPolicy,
) -> list[Due]:
    """(programme, due date, reason) for every programme of `policy` she is, or will become,
    eligible for. `last` maps a programme to her last screening in it (`Last`) or is silent.

    Never screened: due on the day she reaches the starting age, or today if she has. After
    a test: due when its interval has passed. After she declined: offered again when the
    primary test's interval has passed, not before (Rule 8). Nothing once the next date would
    fall after the band's upper age. A due date in the past means overdue."""
    result = []
    for programme in PROGRAMME_LABELS:
        bands = _bands_for(policy, programme, hiv_positive)
        if not bands:
            continue
        start = _birthday(date_of_birth, bands[0].min_age)
        stop = _birthday(date_of_birth, bands[-1].max_age + 1)
        previous = last.get(programme)
        if previous is None:
            due_on = max(start, today)
            reason = _("Not screened yet: from age %(age)s.") % {"age": bands[0].min_age}
        else:
            age = age_on(date_of_birth, previous.on)
            band = next((b for b in bands if b.min_age <= age <= b.max_age), bands[0])
            if previous.declined:
                years = band.interval_after(None)
                reason = _("She declined on %(day)s: offered again after %(years)s years.")
            else:
                years = band.interval_after(previous.kind)
                reason = _("Last screened on %(day)s: every %(years)s years.")
            reason %= {"day": human_day(previous.on), "years": years}
            due_on = max(_add_years(previous.on, years), start)
        if due_on >= stop:
            continue
        if due_on < today:
            reason = f"{reason} {_('Overdue.')}"
        result.append(Due(programme, due_on, reason))
    return result


# Her record


def hiv_positive(prisoner: Prisoner) -> bool:
    """Whether her clinical record holds a positive HIV result. Read here only, to choose
    the schedule; it is never a flag nor shown outside the clinical file (RULES-SPEC 2.8)."""
    return prisoner.hiv_tests.filter(result=HivResult.POSITIVE).exists()


def last_by_programme(prisoner: Prisoner) -> dict:
    last = {}
    for row in prisoner.preventive_screenings.order_by("-done_on", "-id"):
        programme = PROGRAMME_OF.get(row.kind)
        if programme and programme not in last:
            last[programme] = Last(on=row.done_on, kind=row.kind, declined=row.declined)
    return last


def what_is_due(prisoner: Prisoner, *, today: date | None = None) -> list[Due]:
    return due_screenings(
        date_of_birth=prisoner.date_of_birth,
        hiv_positive=hiv_positive(prisoner),
        last=last_by_programme(prisoner),
        today=today or timezone.localdate(),
        policy=current_policy(),
    )


def due_key(prisoner: Prisoner, programme: str) -> str:
    return f"health.preventive:{prisoner.uuid}:{programme}"


def follow_up_key(screening: PreventiveScreening) -> str:
    return f"health.preventive_follow_up:{screening.uuid}"


FOLLOW_UP_KIND = "health.preventive_follow_up"


def _schedule_due(prisoner: Prisoner, by: User, dues: list[Due]) -> list[Reminder]:
    """One open reminder per programme, at its due date; an older one is replaced."""
    reminders = []
    for due in dues:
        key = f"{due_key(prisoner, due.programme)}:{due.due_on.isoformat()}"
        Reminder.objects.filter(
            key__startswith=f"{due_key(prisoner, due.programme)}:", status__in=OPEN_STATUSES
        ).exclude(key=key).update(
            status=Status.CANCELLED, closed_at=timezone.now(), closed_by=by, outcome="rescheduled"
        )
        reminders.append(
            schedule_reminder(
                key=key,
                kind="health.preventive",
                confidential=True,
                rule="18",
                basis=Basis.CONFIG,
                title=gettext_lazy("Preventive health care due"),
                facility=prisoner.facility,
                assignee_role="health",
                prisoner=prisoner,
                due_at=start_of(due.due_on, MORNING),
            )
        )
    return reminders


@transaction.atomic
def schedule_preventive_care(*, by: User, prisoner: Prisoner) -> list[Due]:
    """Check what is due for her under the community policy, at admission or at any time,
    and book a reminder for each programme at its due date (Rule 18)."""
    prisoner = _recorder(by, prisoner)
    dues = what_is_due(prisoner)
    _schedule_due(prisoner, by, dues)
    for programme in set(PROGRAMME_LABELS) - {due.programme for due in dues}:
        Reminder.objects.filter(
            key__startswith=f"{due_key(prisoner, programme)}:", status__in=OPEN_STATUSES
        ).update(status=Status.CANCELLED, closed_at=timezone.now(), closed_by=by, outcome="not due")
    audit.record(
        by=by,
        action="health.preventive_checked",
        subject=prisoner,
        facility=prisoner.facility,
        detail={"policy": current_policy().code, "due": [d.programme for d in dues]},
    )
    return dues


def _next_due_for(prisoner: Prisoner, programme: str | None) -> date | None:
    if programme is None:
        return None
    return next((d.due_on for d in what_is_due(prisoner) if d.programme == programme), None)


def _after_result(screening: PreventiveScreening, by: User) -> None:
    """An abnormal result: a follow-up (colposcopy or triage) within
    PREVENTIVE_FOLLOW_UP_DAYS; it closes only when its outcome is recorded."""
    if screening.result != ScreeningResult.ABNORMAL:
        return
    schedule_reminder(
        key=follow_up_key(screening),
        kind=FOLLOW_UP_KIND,
        confidential=True,
        rule="18",
        basis=Basis.CONFIG,
        title=gettext_lazy("Preventive health follow-up due"),
        facility=screening.prisoner.facility,
        assignee_role="health",
        prisoner=screening.prisoner,
        due_at=timezone.now() + timedelta(days=settings.PREVENTIVE_FOLLOW_UP_DAYS),
    )


@transaction.atomic
def record_preventive_screening(
    *,
    by: User,
    prisoner: Prisoner,
    kind: str,
    done_on: date,
    declined: bool = False,
    reported: bool = False,
    result: str = "",
) -> PreventiveScreening:
    """A screening offered to her and her decision, with its result if known; or one she
    reports from before admission (`reported`). Declining is her right and never counts
    against her: she is offered it again at the next interval (Rules 8, 18)."""
    prisoner = _recorder(by, prisoner)
    if kind not in ScreeningKind.values:
        raise ValidationError({"kind": _("Choose the screening.")})
    if result and result not in ScreeningResult.values:
        raise ValidationError({"result": _("Choose normal, abnormal or inconclusive.")})
    if done_on > timezone.localdate():
        raise ValidationError({"done_on": _("That date is in the future.")})
    if declined and reported:
        raise ValidationError(
            {"reported": _("A screening she reports from before admission was done, not declined.")}
        )
    if declined and result:
        raise RuleBroken(
            _("She declined this screening: no result is recorded."), rule="8", field="result"
        )
    screening = PreventiveScreening.objects.create(
        prisoner=prisoner,
        kind=kind,
        done_on=done_on,
        declined=declined,
        reported=reported,
        result=result,
        policy=current_policy().code,
        recorded_by=by,
    )
    programme = PROGRAMME_OF.get(kind)
    screening.next_due = _next_due_for(prisoner, programme)
    screening.save(update_fields=["next_due"])
    if programme:
        _schedule_due(prisoner, by, [d for d in what_is_due(prisoner) if d.programme == programme])
    _after_result(screening, by)
    audit.record(
        by=by,
        action="health.preventive_recorded",
        subject=screening,
        facility=prisoner.facility,
        detail={"kind": kind, "declined": declined, "reported": reported},
    )
    return screening


@transaction.atomic
def record_preventive_result(
    *, by: User, screening: PreventiveScreening, result: str
) -> PreventiveScreening:
    """The result of a screening she accepted, when it comes back."""
    _recorder(by, screening.prisoner)
    screening = (
        PreventiveScreening.objects.select_for_update()
        .select_related("prisoner")
        .get(pk=screening.pk)
    )
    if screening.declined:
        raise RuleBroken(
            _("She declined this screening: no result is recorded."), rule="8", field="result"
        )
    if screening.result:
        raise ValidationError(_("The result is recorded already."))
    if result not in ScreeningResult.values:
        raise ValidationError({"result": _("Choose normal, abnormal or inconclusive.")})
    screening.result = result
    screening.save(update_fields=["result"])
    _after_result(screening, by)
    audit.record(
        by=by,
        action="health.preventive_result",
        subject=screening,
        facility=screening.prisoner.facility,
    )
    return screening


@transaction.atomic
def record_follow_up_outcome(
    *, by: User, screening: PreventiveScreening, outcome: str
) -> PreventiveScreening:
    """The outcome of the follow-up of an abnormal result: the only way its reminder closes
    (RULES-SPEC 2.10: it cannot be closed without an outcome)."""
    _recorder(by, screening.prisoner)
    screening = (
        PreventiveScreening.objects.select_for_update()
        .select_related("prisoner")
        .get(pk=screening.pk)
    )
    if screening.result != ScreeningResult.ABNORMAL:
        raise ValidationError(_("Only an abnormal result has a follow-up."))
    if screening.follow_up_at is not None:
        raise ValidationError(_("The follow-up outcome is recorded already."))
    if not outcome.strip():
        raise RuleBroken(
            _("The follow-up of an abnormal result closes only with its outcome: record it."),
            rule="18",
            field="outcome",
        )
    screening.follow_up_outcome = outcome.strip()
    screening.follow_up_at = timezone.now()
    screening.save(update_fields=["follow_up_outcome", "follow_up_at"])
    resolve_reminder(key=follow_up_key(screening), by=by, outcome="follow-up outcome recorded")
    audit.record(
        by=by,
        action="health.preventive_follow_up",
        subject=screening,
        facility=screening.prisoner.facility,
    )
    return screening


def preventive_history(prisoner: Prisoner) -> list[PreventiveScreening]:
    return list(prisoner.preventive_screenings.all())
