"""Classification verbs (Bangkok Rules 40, 41; Rule 8): social workers and the governor classify
her with the gender-sensitive tool within a set time of her admission, and review it every few
months and when her circumstances change; the tool's default level comes from its risk factors
alone, and a level above it is refused unless the Rules allow the reason given."""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import audit
from bangkok.errors import RuleBroken
from bangkok.protected import never_for_security
from facilities.scope import facilities_of
from prisoners.models import LegalStatus, Prisoner
from reminders.models import Basis
from reminders.services import resolve_reminder, schedule_reminder

from .models import (
    HEALTH_REASONS,
    RANK,
    REVIEW_KINDS,
    Classification,
    Degree,
    Kind,
    Level,
    Need,
    RaiseReason,
)

if TYPE_CHECKING:
    from admissions.models import Admission, CourtOutcome
    from register.models import Child
    from staff.models import User

VIEW = "classification.view_classification"
ASSESSMENT = "classification.read_assessment"
NEEDS = "classification.read_needs"
RECORD = "classification.add_classification"

INITIAL_KIND = "classification.initial"
REVIEW_KIND = "classification.review"
EVENT_KIND = "classification.event"


@dataclass(frozen=True)
class RiskFactors:
    """The tool's risk side: the only inputs its score may read. The needs side (violence she
    has experienced, her mental-health needs, substance use, caretaking, what she declined) is
    not here, so no change of it can move the score (Rules 41(a), (d), 8)."""

    offence_violence: int
    escape_history: int
    conduct_in_custody: int
    risk_to_others: int


RISK_FACTORS = tuple(f.name for f in fields(RiskFactors))


def score(risk: RiskFactors) -> int:
    return sum(int(Degree(getattr(risk, name))) for name in RISK_FACTORS)


def default_level(risk: RiskFactors) -> Level:
    """The tool's level for these risk factors: a pure function of them and of the bands the
    prison service validated its tool with (CLASSIFICATION_LOW_UP_TO, _MEDIUM_UP_TO)."""
    points = score(risk)
    if points <= settings.CLASSIFICATION_LOW_UP_TO:
        return Level.LOW
    if points <= settings.CLASSIFICATION_MEDIUM_UP_TO:
        return Level.MEDIUM
    return Level.HIGH


def tool_default(inputs: Mapping) -> tuple[int, Level]:
    """(score, default level) of the tool's inputs as a classification receives them, needs
    and all: only the risk factors are taken from them."""
    risk = RiskFactors(**{name: inputs[name] for name in RISK_FACTORS})
    return score(risk), default_level(risk)


def _may(by: User, prisoner: Prisoner) -> None:
    if not by.has_perm(RECORD):
        raise PermissionDenied(_("Your role can't classify women."))
    if not facilities_of(by).filter(pk=prisoner.facility_id).exists():
        raise PermissionDenied(_("You don't work in her facility."))


def months_after(day: date, months: int) -> date:
    """The same day `months` later (the month's last day where that month is shorter)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _refuse_raising(level: str, default: Level, raise_reasons: list[str], rationale: str) -> None:
    """The refusals of a level above the tool's default, each naming its rule, before anything
    is written."""
    if RANK[Level(level)] <= RANK[default]:
        return
    if RaiseReason.VICTIMISATION in raise_reasons:
        raise RuleBroken(
            _(
                "Violence she has experienced is taken into account in her plan, never to raise "
                "her security level."
            ),
            rule="41",
            field="raise_reasons",
        )
    if RaiseReason.DECLINED_ITEM in raise_reasons:
        raise RuleBroken(
            _(
                "She may decline to answer: an item she declined never counts against her, and "
                "never raises her security level."
            ),
            rule="8",
            field="raise_reasons",
        )
    if not raise_reasons or not rationale:
        raise RuleBroken(
            _(
                "A level above the tool's needs its reasons from the list and a rationale: women "
                "generally pose a lower risk, and high security and isolation harm them."
            ),
            rule="41",
            field="rationale" if raise_reasons else "raise_reasons",
        )
    if set(raise_reasons) <= set(HEALTH_REASONS):
        raise RuleBroken(
            _(
                "Her mental-health needs alone never raise her security level: she is held at "
                "the lowest level possible and treated. Give the reasons that are not about "
                "her health, or keep the tool's level."
            ),
            rule="41",
            field="raise_reasons",
        )


def _check_needs(data: dict) -> None:
    declined = set(data["declined"])
    if not declined <= set(Need.values):
        raise ValidationError({"declined": _("Choose the items she declined from the list.")})
    fields_of = {
        Need.VICTIMISATION: "victimisation",
        Need.MENTAL_HEALTH: "mental_health_needs",
        Need.SUBSTANCE_USE: "substance_use",
        Need.CARETAKING: "caretaking",
    }
    for need in declined:
        if data[fields_of[Need(need)]]:
            raise ValidationError(
                {fields_of[Need(need)]: _("She declined this item: leave it empty.")}
            )


def _inputs(
    *,
    offence_violence: int,
    escape_history: int,
    conduct_in_custody: int,
    risk_to_others: int,
    level: str,
    reasons_for_her: str,
    raise_reasons: Iterable[str] = (),
    rationale: str = "",
    victimisation: str = "",
    mental_health_needs: str = "",
    substance_use: str = "",
    caretaking: str = "",
    declined: Iterable[str] = (),
    needs_plan: str = "",
) -> dict:
    """The tool's inputs and the decision, checked and judged; nothing written."""
    data: dict = {
        "offence_violence": offence_violence,
        "escape_history": escape_history,
        "conduct_in_custody": conduct_in_custody,
        "risk_to_others": risk_to_others,
        "level": level,
        "reasons_for_her": reasons_for_her.strip(),
        "raise_reasons": sorted(set(raise_reasons)),
        "rationale": rationale.strip(),
        "victimisation": victimisation.strip(),
        "mental_health_needs": mental_health_needs.strip(),
        "substance_use": substance_use.strip(),
        "caretaking": caretaking.strip(),
        "declined": sorted(set(declined)),
        "needs_plan": needs_plan.strip(),
    }
    for name in RISK_FACTORS:
        if data[name] not in Degree.values:
            raise ValidationError({name: _("Choose from the list.")})
    if level not in Level.values:
        raise ValidationError({"level": _("Choose a level from the list.")})
    if not set(data["raise_reasons"]) <= set(RaiseReason.values):
        raise ValidationError({"raise_reasons": _("Choose the reasons from the list.")})
    if not data["reasons_for_her"]:
        raise ValidationError(
            {"reasons_for_her": _("Say in plain words why she has this level: she is told.")}
        )
    _check_needs(data)
    data["score"], default = tool_default(data)
    data["default_level"] = default
    _refuse_raising(level, default, data["raise_reasons"], data["rationale"])
    if RANK[Level(level)] <= RANK[default]:
        # No higher level, nothing to justify: reasons for raising are not kept.
        data["raise_reasons"], data["rationale"] = [], ""
    return data


def _due_of_initial(prisoner: Prisoner) -> tuple[datetime | None, datetime | None]:
    """(her latest admission's time, when her first classification is due after it)."""
    admission = prisoner.admissions.order_by("-admitted_at", "-id").first()
    if admission is None:
        return None, None
    admitted = admission.admitted_at
    return admitted, admitted + timedelta(days=settings.CLASSIFICATION_DAYS)


def _save(
    *,
    by: User,
    prisoner: Prisoner,
    kind: str,
    data: dict,
    due_at: datetime | None,
    supersedes: Classification | None = None,
) -> Classification:
    now = timezone.now()
    if supersedes is not None:
        supersedes.superseded_at = now
        supersedes.save(update_fields=["superseded_at"])
    classification = Classification(
        prisoner=prisoner,
        facility=prisoner.facility,
        kind=kind,
        instrument=settings.CLASSIFICATION_INSTRUMENT,
        classified_by=by,
        classified_at=now,
        due_at=due_at,
        next_review_on=months_after(timezone.localdate(now), settings.CLASSIFICATION_REVIEW_MONTHS),
        supersedes=supersedes,
        **data,
    )
    classification.full_clean()
    classification.save()
    _ask_for_review(classification)
    resolve_reminder(
        key_prefix=f"classification.initial:{prisoner.uuid}", by=by, outcome=_("Classified.")
    )
    if supersedes is not None:
        resolve_reminder(
            key_prefix=f"classification.review:{supersedes.uuid}", by=by, outcome=_("Reviewed.")
        )
    audit.record(
        by=by,
        action="classification.recorded",
        subject=classification,
        facility=prisoner.facility,
        detail={
            "kind": kind,
            "level": classification.level,
            "default_level": classification.default_level,
            "raise_reasons": classification.raise_reasons,
        },
    )
    return classification


@transaction.atomic
def classify(*, by: User, prisoner: Prisoner, **inputs: Any) -> Classification:
    """Her first classification after her admission, with the gender-sensitive tool (Rules
    40, 41). The tool's default level is computed from its risk factors alone
    (`default_level`); her needs (violence she has experienced, her mental-health needs,
    substance use, caretaking, the items she declined) go to her plan, never to her level.
    A level above the default is refused without reasons from the list and a rationale (Rule
    41(a)), for her mental-health needs alone (Rule 41(d)), for violence she has experienced
    (Rule 41(a)) or for an item she declined (Rule 8); nothing is written then. It closes the
    task to classify her and asks for her review by the next review date.

    One at a time: her record's lock orders two classifications at once, and the second is
    told she is classified already (a review is the way to change it)."""
    _may(by, prisoner)
    never_for_security(inputs)  # Mandela 2: her characteristics never decide her level
    prisoner = Prisoner.objects.select_for_update().get(pk=prisoner.pk)
    _admitted, due_at = _due_of_initial(prisoner)
    if classified_since_admission(prisoner) is not None:
        raise ValidationError(_("She is classified already: review her classification instead."))
    current = current_of(prisoner)
    data = _inputs(**inputs)
    # A classification from an earlier time in custody is replaced by this one.
    return _save(
        by=by,
        prisoner=prisoner,
        kind=Kind.INITIAL,
        data=data,
        due_at=due_at,
        supersedes=current,
    )


@transaction.atomic
def review_classification(
    *, by: User, classification: Classification, kind: str = Kind.REVIEW, **inputs: Any
) -> Classification:
    """Review her classification (regularly, or after sentencing, a pregnancy or a birth, or a
    change in her caretaking): a new classification replaces it, judged as the first was
    (`classify`). Only her current classification is reviewed. It closes the review tasks of
    the one it replaces."""
    prisoner = classification.prisoner
    _may(by, prisoner)
    never_for_security(inputs)  # Mandela 2
    current = Classification.objects.select_for_update().get(pk=classification.pk)
    if current.superseded_at is not None:
        raise ValidationError(
            _("A later classification replaced this one: review her current classification.")
        )
    if kind not in REVIEW_KINDS:
        raise ValidationError({"kind": _("Choose why she is reviewed from the list.")})
    data = _inputs(**inputs)
    due = datetime.combine(current.next_review_on, time.max, tzinfo=timezone.get_current_timezone())
    return _save(
        by=by,
        prisoner=prisoner,
        kind=kind,
        data=data,
        due_at=due if kind == Kind.REVIEW else None,
        supersedes=current,
    )


def current_of(prisoner: Prisoner) -> Classification | None:
    return prisoner.classifications.current().first()


def classified_since_admission(prisoner: Prisoner) -> Classification | None:
    """Her current classification, if made since her latest admission (else her first
    classification of this time in custody is still to be made)."""
    current = current_of(prisoner)
    admitted, _due = _due_of_initial(prisoner)
    if current is None or (admitted is not None and current.classified_at < admitted):
        return None
    return current


# Reminders ---------------------------------------------------------------------------------


def ask_for_initial(*, admission: Admission) -> None:
    """She is admitted (`admissions.services.AtAdmission`): social workers classify her within
    CLASSIFICATION_DAYS (Rules 40, 41). Only her classification closes the task."""
    schedule_reminder(
        key=f"classification.initial:{admission.prisoner.uuid}:{admission.uuid}",
        kind=INITIAL_KIND,
        rule="40",
        title=gettext_lazy("Classify her with the gender-sensitive tool"),
        facility=admission.facility,
        assignee_role="social",
        prisoner=admission.prisoner,
        due_at=admission.admitted_at + timedelta(days=settings.CLASSIFICATION_DAYS),
        basis=Basis.CONFIG,
    )


def _ask_for_review(classification: Classification) -> None:
    due = datetime.combine(
        classification.next_review_on, time(9), tzinfo=timezone.get_current_timezone()
    )
    schedule_reminder(
        key=f"classification.review:{classification.uuid}",
        kind=REVIEW_KIND,
        rule="41",
        title=gettext_lazy("Review her classification"),
        facility=classification.facility,
        assignee_role="social",
        prisoner=classification.prisoner,
        due_at=due,
        basis=Basis.CONFIG,
    )


def ask_for_event_review(prisoner: Prisoner, tag: str) -> None:
    """Her circumstances changed: her classification is reviewed within
    CLASSIFICATION_EVENT_DAYS. The task says nothing of what changed (Rule 8). Nothing to do
    before her first classification, which the task of her admission asks for."""
    current = current_of(prisoner)
    if current is None:
        return
    schedule_reminder(
        key=f"classification.review:{current.uuid}:{tag}",
        kind=EVENT_KIND,
        rule="41",
        title=gettext_lazy("Her circumstances changed: review her classification"),
        facility=current.facility,
        assignee_role="social",
        prisoner=prisoner,
        due_at=timezone.now() + timedelta(days=settings.CLASSIFICATION_EVENT_DAYS),
        basis=Basis.CONFIG,
    )


def on_protected_period(
    *, prisoner: Prisoner, start: datetime, end: datetime | None, by: User
) -> None:
    """Health staff recorded labour or a birth (`health.services.maternity.PeriodWatcher`)."""
    ask_for_event_review(prisoner, f"birth:{start.date().isoformat()}")


def on_flags_changed(*, prisoner: Prisoner, changed: dict, by: User | None) -> None:
    """A protection a pregnancy sets appeared: the pregnancy is asked of health's services,
    never read here."""
    from health.services.programmes import is_pregnant

    appeared = changed.get("restraint_health_approval") or changed.get("no_segregation")
    if appeared and is_pregnant(prisoner):
        ask_for_event_review(prisoner, f"pregnancy:{timezone.localdate().isoformat()}")


def on_court_outcome(*, by: User, outcome: CourtOutcome) -> None:
    """A court convicted or sentenced her (`admissions.services.AtCourtOutcome`): her
    classification is reviewed (Rules 40, 41; RULES-SPEC 2.18, a review after sentencing)."""
    if outcome.to_status in (LegalStatus.CONVICTED_UNSENTENCED, LegalStatus.SENTENCED):
        ask_for_event_review(outcome.admission.prisoner, f"court:{outcome.uuid}")


def on_child_recorded(*, child: Child, by: User | None) -> None:
    """A dependent child recorded: her caretaking changed."""
    if child.dependent:
        ask_for_event_review(child.mother, f"child:{child.uuid}")
