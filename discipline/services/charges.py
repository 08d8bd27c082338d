"""Charges, hearings, decisions, sanctions and their review (Bangkok Rules 22, 23; Mandela
Rules 39-43)."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from authority.registry import Authority
from authority.services import await_confirmation, sought, verbs_for
from bangkok import late
from bangkok.errors import RuleBroken
from bangkok.formats import human_day
from bangkok.plausible import check_after_arrest
from complaints.models import AdverseKind
from complaints.services import hold_if_protected, refuse_while_held

from ..models import (
    CONFINING,
    Charge,
    ChargeStatus,
    Hearing,
    MentalHealth,
    Privilege,
    ReviewOutcome,
    Sanction,
    SanctionReview,
    SanctionStatus,
    SanctionType,
)
from .common import ADJUDICATE, LAY_CHARGE, log, require
from .segregation import check_segregation, close_segregation, replan, start_segregation

if TYPE_CHECKING:
    from typing import Any

    from complaints.models import HeldAction
    from prisoners.models import Prisoner
    from staff.models import User

FAMILY_CONTACT = re.compile(r"famil|contact|visit|child|letter|call|phone", re.IGNORECASE)
RESTRAINT = re.compile(r"restrain|handcuff|shackle|chain", re.IGNORECASE)


def _text(value: str, field: str, message: str) -> str:
    if not (value or "").strip():
        raise ValidationError({field: message})
    return value.strip()


@transaction.atomic
def lay_charge(
    *,
    by: User,
    prisoner: Prisoner,
    offence: str,
    occurred_at: datetime | None = None,
    informed_at: datetime | None = None,
    language: str,
    interpreter: bool = False,
    late_reason: str = "",
) -> Charge:
    """Lay a charge and record when, and in which language, she was told of it (Mandela 41.1).
    A charge she was told of more than a few hours ago says why it is recorded late
    (`bangkok.late`).

    While she is protected after a report the charge waits for review before its hearing
    (Rules 7.3, 25.1): it is laid as for any woman, so whoever laid it learns nothing of her
    report, and `decide_charge` waits until both reviews release it."""
    require(by, prisoner, LAY_CHARGE, message=_("Your role can't lay a charge."))
    now = timezone.now()
    occurred_at, informed_at = occurred_at or now, informed_at or now
    if occurred_at > now or informed_at > now:
        raise ValidationError(_("A charge is about what has happened, and she was told already."))
    if informed_at < occurred_at:
        raise ValidationError({"informed_at": _("She can't be told before it happened.")})
    check_after_arrest(prisoner, occurred_at, "occurred_at")
    late_reason = late.late_reason(informed_at, late_reason, now=now)
    offence = _text(offence, "offence", _("Say what she is charged with."))
    language = _text(language, "language", _("Say in which language she was told."))
    charge = Charge(
        prisoner=prisoner,
        facility=prisoner.facility,
        offence=offence,
        occurred_at=occurred_at,
        informed_at=informed_at,
        language=language,
        interpreter=interpreter,
        late_reason=late_reason,
        laid_by=by,
    )
    charge.full_clean()
    charge.save()
    hold_if_protected(
        by=by,
        prisoner=prisoner,
        kind=AdverseKind.CHARGE,
        summary=_lazy("Charge: %(offence)s"),
        summary_params={"offence": offence},
        params={"charge": str(charge.uuid)},
        record=charge,
    )
    log(by, "discipline.charge_laid", charge, prisoner)
    return charge


def _check_safeguards(informed_promptly: bool, time_to_prepare: bool, note: str) -> None:
    """Mandela 41: told promptly in her language, and time to prepare. A hearing without them
    says why (a SHOULD: the decision stands with its written reason)."""
    if not (informed_promptly and time_to_prepare) and not note.strip():
        raise ValidationError(
            {
                "safeguards_note": _(
                    "Say why she wasn't told promptly in her language, or had no time to "
                    "prepare her defence."
                )
            }
        )


@transaction.atomic
def decide_charge(
    *,
    by: User,
    charge: Charge,
    proved: bool,
    reasons: str,
    evidence: str,
    mental_health: str = "",
    informed_promptly: bool = False,
    interpreter: bool = False,
    legal_assistance: bool = False,
    time_to_prepare: bool = False,
    safeguards_note: str = "",
    held_at: datetime | None = None,
) -> Hearing:
    """Record the hearing and its decision. No decision until her mental illness or
    developmental disability, if any, was considered and whether it contributed (Mandela
    39.3); the procedural safeguards are recorded with it (Mandela 41)."""
    require(by, charge.prisoner, ADJUDICATE, message=_("Only the governor decides a charge."))
    charge = Charge.objects.select_for_update().get(pk=charge.pk)
    if charge.status != ChargeStatus.LAID:
        raise ValidationError(_("This charge has been decided already."))
    refuse_while_held(charge)
    if mental_health not in MentalHealth.values:
        raise RuleBroken(
            _(
                "A decision can't be recorded until her mental illness or developmental "
                "disability, if any, was considered, and whether it contributed"
            ),
            rule="M39",
            field="mental_health",
        )
    _check_safeguards(informed_promptly, time_to_prepare, safeguards_note)
    held_at = held_at or timezone.now()
    if held_at > timezone.now() or held_at < charge.informed_at:
        raise ValidationError({"held_at": _("The hearing follows the charge and has happened.")})
    hearing = Hearing(
        charge=charge,
        held_at=held_at,
        held_by=by,
        informed_promptly=informed_promptly,
        interpreter=interpreter,
        legal_assistance=legal_assistance,
        time_to_prepare=time_to_prepare,
        safeguards_note=safeguards_note.strip(),
        evidence=_text(evidence, "evidence", _("Say what evidence was heard.")),
        mental_health=mental_health,
        proved=proved,
        reasons=_text(reasons, "reasons", _("Give the reasons for the decision.")),
    )
    hearing.full_clean()
    hearing.save()
    charge.status = ChargeStatus.PROVED if proved else ChargeStatus.DISMISSED
    charge.save(update_fields=["status"])
    log(by, "discipline.charge_decided", charge, charge.prisoner, proved=proved)
    return hearing


def _check_kind(type: str, privilege: str) -> None:
    """Rule 23 and Mandela 43: no sanction prohibits family contact, none is a restraint."""
    for value, field in ((type, "type"), (privilege, "privilege")):
        if FAMILY_CONTACT.search(value or ""):
            raise RuleBroken(
                _("A sanction can't prohibit family contact, especially with her children"),
                rule="23",
                field=field,
            )
        if RESTRAINT.search(value or ""):
            raise RuleBroken(
                _("Instruments of restraint are never a sanction"), rule="M43", field=field
            )
    if type not in SanctionType.values:
        raise ValidationError({"type": _("Choose one of the sanctions.")})
    if type == SanctionType.LOSS_OF_PRIVILEGES and privilege not in Privilege.values:
        raise ValidationError({"privilege": _("Choose the privilege she loses.")})


@transaction.atomic
def impose_sanction(
    *,
    by: User,
    charge: Charge,
    type: str,
    ends_on: date | None,
    starts_on: date | None = None,
    privilege: str = "",
    held: HeldAction | None = None,
) -> Sanction:
    """Impose a sanction for a proved charge. None prohibits family contact (Rule 23) or is a
    restraint (Mandela 43.2); close confinement or segregation is refused for a protected
    woman (Rule 22) or a girl (Mandela 45.2) and lasts at most 15 days (Mandela 43-44).

    Imposed, it awaits a governor's confirmation (hers, or another's) and is in force from
    `starts_on` once confirmed; a confinement starts at the confirmation, Rule 22 and Mandela
    45 checked again then. Every woman's sanction goes through that step, so one imposed
    while she is protected after a report is answered alike, and only its confirmation waits
    for both reviews (Rules 7.3, 25.1). `held` is an older held action being carried out."""
    prisoner = charge.prisoner
    require(by, prisoner, ADJUDICATE, message=_("Only the governor imposes a sanction."))
    _check_kind(type, privilege)
    if Charge.objects.select_for_update().get(pk=charge.pk).status != ChargeStatus.PROVED:
        raise ValidationError(_("A sanction follows only a charge proved at a hearing."))
    today = timezone.localdate()
    starts_on = starts_on or today
    if ends_on is None or ends_on < starts_on:
        raise ValidationError({"ends_on": _("Give the day it ends, on or after it starts.")})
    if type in CONFINING:
        if starts_on != today:
            raise ValidationError({"starts_on": _("Confinement starts when it is imposed: today.")})
        check_segregation(prisoner, ends_on)
    sanction = Sanction(
        charge=charge,
        prisoner=prisoner,
        facility=prisoner.facility,
        type=type,
        privilege=privilege if type == SanctionType.LOSS_OF_PRIVILEGES else "",
        starts_on=starts_on,
        ends_on=ends_on,
        imposed_by=by,
    )
    await_confirmation(SANCTIONS, sanction)
    sanction.full_clean()
    sanction.save()
    sought(SANCTIONS, sanction, by=by)
    hold_if_protected(
        by=by,
        prisoner=prisoner,
        kind=AdverseKind.LOSS_OF_WORK
        if type == SanctionType.LOSS_OF_WORK
        else AdverseKind.SANCTION,
        summary=_lazy("Sanction for “%(offence)s”: %(type)s until %(day)s"),
        summary_params={
            "offence": charge.offence,
            "type": SanctionType(type).label,
            "day": ends_on,
        },
        params={"sanction": str(sanction.uuid)},
        carrying_out=held,
        record=sanction,
    )
    log(by, "discipline.sanction_imposed", sanction, prisoner, type=type)
    return sanction


# A governor's confirmation (`authority.services` calls these)


def _check_sanction(sanction: Sanction) -> None:
    """A quashed sanction never comes into force; a confinement is checked again (Rule 22;
    Mandela 43-45): her protections may have changed since it was imposed."""
    if sanction.status == SanctionStatus.QUASHED:
        raise ValidationError(_("This sanction was quashed on review."))
    if sanction.type in CONFINING:
        check_segregation(sanction.prisoner, sanction.ends_on)


def _sanction_confirmed(sanction: Sanction, *, by: User) -> list[str]:
    """In force now; a confinement starts now, on the confirming governor's authority."""
    if sanction.type in CONFINING:
        start_segregation(
            prisoner=sanction.prisoner,
            kind=sanction.type,
            reason=sanction.charge.offence,
            planned_end=sanction.ends_on,
            authorised_by=by,
            recorded_by=sanction.imposed_by,
            sanction=sanction,
        )
    return []


def _describe_sanction(sanction: Sanction) -> str:
    return _("%(type)s until %(day)s") % {
        "type": sanction.get_type_display(),
        "day": human_day(sanction.ends_on),
    }


SANCTIONS = Authority(
    key="sanctions",
    model=Sanction,
    perm=ADJUDICATE,
    title=_lazy("a sanction"),
    rule="M39",
    describe=_describe_sanction,
    url=lambda sanction: reverse("discipline:charge", kwargs={"uuid": sanction.charge.uuid}),
    check=_check_sanction,
    confirmed=_sanction_confirmed,
    related=("prisoner", "facility", "authority_requested_by", "charge"),
    order=321,
)
confirm_sanction, refuse_sanction = verbs_for(SANCTIONS.key)


@transaction.atomic
def review_sanction(
    *, by: User, sanction: Sanction, outcome: str, reasons: str, ends_on: date | None = None
) -> SanctionReview:
    """Review a sanction (Mandela 41.4): uphold, reduce (end it sooner) or quash it. A quashed
    or shortened confinement ends her segregation when it is due."""
    require(by, sanction.prisoner, ADJUDICATE, message=_("Only the governor reviews a sanction."))
    sanction = Sanction.objects.select_for_update().get(pk=sanction.pk)
    if sanction.status == SanctionStatus.QUASHED:
        raise ValidationError(_("This sanction was quashed already."))
    if outcome not in ReviewOutcome.values:
        raise ValidationError({"outcome": _("Choose the outcome of the review.")})
    reasons = _text(reasons, "reasons", _("Give the reasons for the outcome."))
    if outcome == ReviewOutcome.REDUCED:
        _reduce(sanction, ends_on, by)
    elif outcome == ReviewOutcome.QUASHED:
        sanction.status = SanctionStatus.QUASHED
        sanction.save(update_fields=["status"])
        _end_confinement(sanction, by)
    review = SanctionReview.objects.create(
        sanction=sanction, reviewed_by=by, outcome=outcome, reasons=reasons
    )
    log(by, "discipline.sanction_reviewed", sanction, sanction.prisoner, outcome=outcome)
    return review


def _reduce(sanction: Sanction, ends_on: date | None, by: User) -> None:
    if ends_on is None or not sanction.starts_on <= ends_on < sanction.ends_on:
        raise ValidationError(
            {"ends_on": _("A reduced sanction ends sooner, not before it began.")}
        )
    sanction.ends_on = ends_on
    sanction.status = SanctionStatus.REDUCED
    sanction.save(update_fields=["ends_on", "status"])
    segregation = getattr(sanction, "segregation", None)
    if segregation is None or not segregation.is_open:
        return
    if ends_on < timezone.localdate():
        _end_confinement(sanction, by)
    else:
        replan(segregation, ends_on, by=by)


def _end_confinement(sanction: Sanction, by: User) -> None:
    segregation = getattr(sanction, "segregation", None)
    if segregation is not None and segregation.is_open:
        close_segregation(segregation, by=by, reason=_("Sanction changed on review"))


def stop_held_charge(*, by: User, held: HeldAction) -> None:
    """A charge laid after her report that a review found retaliatory: it is dismissed
    without a hearing, as any charge not proceeded with (Rules 7.3, 25.1)."""
    # A held charge names the record it was held for.
    charge = Charge.objects.select_for_update().get(uuid=held.record_uuid)  # type: ignore[misc]
    if charge.status == ChargeStatus.LAID:
        charge.status = ChargeStatus.DISMISSED
        charge.save(update_fields=["status"])
        log(by, "discipline.charge_not_proceeded", charge, charge.prisoner)


def carry_out_sanction(
    *,
    by: User,
    prisoner: Prisoner,
    held: HeldAction,
    charge: str,
    delay: int,
    days: int,
    **params: Any,
) -> Sanction:
    """A sanction held, with nothing recorded, before every sanction awaited confirmation,
    released by both reviews: imposed now (starting as long after as was asked, lasting as
    long), awaiting confirmation as any."""
    starts_on = timezone.localdate() + timedelta(days=delay)
    return impose_sanction(
        by=by,
        charge=Charge.objects.get(uuid=charge),
        starts_on=starts_on,
        ends_on=starts_on + timedelta(days=days),
        held=held,
        **params,
    )
