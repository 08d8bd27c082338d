"""Pregnancy, birth, postnatal care and breastfeeding (Rules 48, 51), and the protections
they call for: no segregation while pregnant or breastfeeding (Rule 22), no restraints in
labour and after the birth (Rule 24).

Every verb takes `by=` health staff of her facility. Care contacts follow WHO: antenatal
contacts before 12 weeks, then at 20, 26, 30, 34, 36, 38 and 40 weeks (2016); postnatal
contacts within 24 hours, on day 3, on days 7-14 and at 6 weeks. Each is a confidential
reminder for health staff whose title says nothing of why.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import audit
from bangkok.dates import start_of
from bangkok.errors import RuleBroken
from bangkok.hooks import takes
from prisoners.models import ProtectionFlags
from prisoners.services import refresh_protection_flags
from reminders.models import OPEN_STATUSES, Basis, Status
from reminders.services import cancel_reminder, resolve_reminder, schedule_reminder

from ..models import (
    Birth,
    BirthPlace,
    BreastfeedingRecord,
    ContactStage,
    FeedingStatus,
    MaternityContact,
    Pregnancy,
    PregnancyOutcome,
    PregnancyStatus,
)
from ..models.maternity import OPEN_PREGNANCY
from . import programmes
from .screening import _now_or, _recorder

if TYPE_CHECKING:
    from collections.abc import Callable

    from django.db import models
    from django_stubs_ext import StrPromise

    from prisoners.models import Prisoner
    from staff.models import User

CONTACT_TITLE = gettext_lazy("Health care contact due")
# The reminder kind of a care contact, by its stage.
CONTACT_KINDS: dict[str, str] = {
    ContactStage.ANTENATAL: "health.antenatal_contact",
    ContactStage.POSTNATAL: "health.postnatal_contact",
}


@dataclass(frozen=True)
class Contact:
    code: str
    label: str | StrPromise
    week: int = 0  # antenatal: gestational week it is due by
    after: timedelta = timedelta()  # postnatal: time after the birth it is due
    escalate_after: timedelta | None = None


ANTENATAL = [
    Contact("anc12", gettext_lazy("First contact (before 12 weeks)"), week=12),
    *(
        Contact(f"anc{week}", gettext_lazy("Week %(week)s") % {"week": week}, week=week)
        for week in (20, 26, 30, 34, 36, 38, 40)
    ),
]
POSTNATAL = [
    Contact("pnc24h", gettext_lazy("Within 24 hours"), after=timedelta(hours=24)),
    Contact("pnc3d", gettext_lazy("Day 3"), after=timedelta(days=3)),
    Contact(
        "pnc7d",
        gettext_lazy("Days 7-14"),
        after=timedelta(days=7),
        escalate_after=timedelta(days=14),
    ),
    Contact("pnc6w", gettext_lazy("6 weeks"), after=timedelta(weeks=6)),
]
CONTACTS = {contact.code: contact for contact in (*ANTENATAL, *POSTNATAL)}


def gestational_week(edd: date, on: date | None = None) -> int:
    """Completed weeks of pregnancy on `on`: 40 less the weeks until the EDD."""
    on = on or timezone.localdate()
    return 40 - (edd - on).days // 7


def antenatal_due_on(edd: date, week: int) -> date:
    """The day gestational week `week` is reached, for this EDD."""
    return edd - timedelta(weeks=40 - week)


def contact_key(contact: MaternityContact) -> str:
    return f"health.maternity_contact:{contact.pregnancy.uuid}:{contact.code}"


# The protections (Rules 22, 24): her flags from these records


_AS_OF: ContextVar[datetime | None] = ContextVar("maternity_as_of", default=None)

# What sets each flag here (`prisoners.services.register_flag_source`).
FLAG_REASONS = {
    "no_segregation": ("pregnancy", "breastfeeding"),
    "no_restraint_obstetric": ("labour", "after giving birth"),
    "restraint_health_approval": ("pregnancy",),
}


def derive_flags(prisoner: Prisoner) -> dict:
    """The flags her maternity records call for (registered as a flag source).

    no_segregation: a pregnancy she declared or a clinician confirmed, not ruled out nor
    ended; or she is breastfeeding. no_restraint_obstetric: in labour, or within the
    post-partum period after the birth. restraint_health_approval: pregnant (Rule 24: any
    restraint of a pregnant woman only by the least restrictive method health staff approve)."""
    now = _AS_OF.get() or timezone.now()
    pregnant = prisoner.pregnancies.filter(status__in=OPEN_PREGNANCY).exists()
    latest = prisoner.breastfeeding_records.order_by("-recorded_at", "-id").first()
    breastfeeding = latest is not None and latest.status == FeedingStatus.BREASTFEEDING
    births = Birth.objects.filter(pregnancy__prisoner=prisoner)
    in_labour = births.filter(
        labour_started_at__isnull=False,
        born_at__isnull=True,
        pregnancy__status__in=OPEN_PREGNANCY,
    ).exists()
    postpartum = births.filter(born_at__lte=now, postpartum_ends_at__gt=now).exists()
    return {
        "no_segregation": pregnant or breastfeeding,
        "no_restraint_obstetric": in_labour or postpartum,
        "restraint_health_approval": pregnant,
    }


def _refresh(prisoner: Prisoner, by: User | None) -> None:
    refresh_protection_flags(prisoner=prisoner, by=by, source="health")
    programmes.review_pmtct(prisoner, by=by)


def refresh_postpartum_flags(*, now: datetime | None = None) -> int:
    """Clear the no-restraints flag of women whose post-partum period has ended (Rule 24):
    time passes without any write, so beat runs this. Idempotent: a woman whose flag is
    already right is left alone. Returns how many women were refreshed."""
    now = now or timezone.now()
    flags = ProtectionFlags.objects.filter(
        no_restraint_obstetric=True,
        prisoner__pregnancies__birth__postpartum_ends_at__lte=now,
    ).select_related("prisoner__facility")
    count = 0
    token = _AS_OF.set(now)
    try:
        for row in flags.distinct():
            with transaction.atomic():
                _refresh(row.prisoner, None)
            count += 1
    finally:
        _AS_OF.reset(token)
    return count


# Pregnancy


def _locked(pregnancy: Pregnancy, by: User) -> Pregnancy:
    _recorder(by, pregnancy.prisoner)
    return (
        Pregnancy.objects.select_for_update()
        .select_related("prisoner__facility")
        .get(pk=pregnancy.pk)
    )


def _open(pregnancy: Pregnancy) -> None:
    if not pregnancy.is_open:
        raise ValidationError(_("This pregnancy is no longer open."))


def _audit(
    by: User, action: str, subject: models.Model, prisoner: Prisoner, **detail: object
) -> None:
    audit.record(
        by=by, action=action, subject=subject, facility=prisoner.facility, detail=detail or None
    )


@transaction.atomic
def declare_pregnancy(
    *, by: User, prisoner: Prisoner, declared_on: date | None = None
) -> Pregnancy:
    """She says she is pregnant. Her word counts at once: she is not segregated (Rule 22)
    until a clinician confirms it or rules it out."""
    prisoner = _recorder(by, prisoner)
    declared_on = declared_on or timezone.localdate()
    if declared_on > timezone.localdate():
        raise ValidationError({"declared_on": _("That date is in the future.")})
    if prisoner.pregnancies.filter(status__in=OPEN_PREGNANCY).exists():
        raise ValidationError(_("A pregnancy is already on her file."))
    pregnancy = Pregnancy.objects.create(prisoner=prisoner, declared_on=declared_on, recorded_by=by)
    _audit(by, "health.pregnancy_declared", pregnancy, prisoner)
    _refresh(prisoner, by)
    return pregnancy


@transaction.atomic
def confirm_pregnancy(*, by: User, pregnancy: Pregnancy, edd: date) -> Pregnancy:
    """A clinician confirms the pregnancy with the expected date of delivery, or corrects
    the EDD: the antenatal contacts still to come are scheduled, or rescheduled."""
    pregnancy = _locked(pregnancy, by)
    _open(pregnancy)
    if edd is None:
        raise ValidationError({"edd": _("Give the expected date of delivery.")})
    if gestational_week(edd) < 0 or edd > timezone.localdate() + timedelta(weeks=44):
        raise ValidationError({"edd": _("That date can't be the expected date of delivery.")})
    if pregnancy.status != PregnancyStatus.CONFIRMED:
        pregnancy.confirmed_at, pregnancy.confirmed_by = timezone.now(), by
    previous = pregnancy.edd
    pregnancy.status, pregnancy.edd = PregnancyStatus.CONFIRMED, edd
    pregnancy.save(update_fields=["status", "edd", "confirmed_at", "confirmed_by"])
    _schedule_antenatal(pregnancy, by)
    _audit(
        by,
        "health.pregnancy_confirmed" if previous is None else "health.pregnancy_edd_changed",
        pregnancy,
        pregnancy.prisoner,
    )
    _refresh(pregnancy.prisoner, by)
    return pregnancy


def _schedule_antenatal(pregnancy: Pregnancy, by: User) -> None:
    """One contact per WHO contact still to come; past ones are skipped; open ones follow a
    changed EDD; ones now past are no longer due."""
    today = timezone.localdate()
    existing = {c.code: c for c in pregnancy.contacts.filter(stage=ContactStage.ANTENATAL)}
    for spec in ANTENATAL:
        # Scheduled once she is confirmed pregnant, with her expected date of delivery.
        due_on = antenatal_due_on(pregnancy.edd, spec.week)  # type: ignore[arg-type]
        contact = existing.get(spec.code)
        if contact is not None and contact.done_at is not None:
            continue
        if due_on < today:
            if contact is not None and contact.cancelled_at is None:
                _cancel_contact(contact, by, "past")
            continue
        due_at = start_of(due_on)
        if contact is None:
            contact = MaternityContact.objects.create(
                pregnancy=pregnancy, stage=ContactStage.ANTENATAL, code=spec.code, due_at=due_at
            )
        else:
            contact.due_at, contact.cancelled_at = due_at, None
            contact.save(update_fields=["due_at", "cancelled_at"])
        _remind(contact, rule="48", basis=Basis.GUIDANCE)


def _remind(contact: MaternityContact, *, rule: str, basis: str) -> None:
    """Schedule, or move, the reminder of one contact (reopened if it had been cancelled)."""
    spec = CONTACTS[contact.code]
    escalate_at = contact.due_at - spec.after + spec.escalate_after if spec.escalate_after else None
    escalate_at = escalate_at or contact.due_at + settings.REMINDER_DEFAULT_ESCALATION
    prisoner = contact.pregnancy.prisoner
    reminder = schedule_reminder(
        key=contact_key(contact),
        kind=CONTACT_KINDS[contact.stage],
        confidential=True,
        rule=rule,
        basis=basis,
        title=CONTACT_TITLE,
        facility=prisoner.facility,
        assignee_role="health",
        prisoner=prisoner,
        due_at=contact.due_at,
        escalate_at=escalate_at,
    )
    if reminder.due_at != contact.due_at or reminder.status not in OPEN_STATUSES:
        reminder.due_at, reminder.escalate_at = contact.due_at, escalate_at
        reminder.status, reminder.closed_at, reminder.closed_by = Status.PENDING, None, None
        reminder.escalated_at, reminder.outcome = None, ""
        reminder.save(
            update_fields=[
                "due_at",
                "escalate_at",
                "status",
                "closed_at",
                "closed_by",
                "escalated_at",
                "outcome",
            ]
        )


def _cancel_contact(contact: MaternityContact, by: User, reason: str) -> None:
    contact.cancelled_at = timezone.now()
    contact.save(update_fields=["cancelled_at"])
    cancel_reminder(key=contact_key(contact), by=by, reason=reason)


def _cancel_antenatal(pregnancy: Pregnancy, by: User, reason: str) -> None:
    for contact in pregnancy.contacts.filter(
        stage=ContactStage.ANTENATAL, done_at__isnull=True, cancelled_at__isnull=True
    ):
        _cancel_contact(contact, by, reason)


@transaction.atomic
def rule_out_pregnancy(*, by: User, pregnancy: Pregnancy) -> Pregnancy:
    """A clinician finds she is not pregnant: the protection it gave goes, unless another
    reason holds it (breastfeeding, or a child in her care)."""
    pregnancy = _locked(pregnancy, by)
    _open(pregnancy)
    if hasattr(pregnancy, "birth") and pregnancy.birth.labour_started_at:
        raise ValidationError(_("Labour is recorded: record how the pregnancy ended instead."))
    pregnancy.status, pregnancy.ruled_out_at = PregnancyStatus.RULED_OUT, timezone.now()
    pregnancy.save(update_fields=["status", "ruled_out_at"])
    _cancel_antenatal(pregnancy, by, "ruled out")
    _audit(by, "health.pregnancy_ruled_out", pregnancy, pregnancy.prisoner)
    _refresh(pregnancy.prisoner, by)
    return pregnancy


@transaction.atomic
def end_pregnancy(
    *, by: User, pregnancy: Pregnancy, outcome: str, ended_on: date | None = None
) -> Pregnancy:
    """The pregnancy ended other than by a birth (a birth is recorded as such): the
    antenatal contacts still to come are cancelled."""
    pregnancy = _locked(pregnancy, by)
    _open(pregnancy)
    if outcome not in PregnancyOutcome.values:
        raise ValidationError({"outcome": _("Say how the pregnancy ended.")})
    if outcome == PregnancyOutcome.BIRTH:
        raise ValidationError({"outcome": _("Record the birth itself, with its date and place.")})
    ended_on = ended_on or timezone.localdate()
    if ended_on > timezone.localdate():
        raise ValidationError({"ended_on": _("That date is in the future.")})
    _close(pregnancy, outcome, ended_on, by)
    _audit(by, "health.pregnancy_ended", pregnancy, pregnancy.prisoner)
    _refresh(pregnancy.prisoner, by)
    return pregnancy


def _close(pregnancy: Pregnancy, outcome: str, ended_on: date, by: User) -> None:
    pregnancy.status, pregnancy.outcome, pregnancy.ended_on = (
        PregnancyStatus.ENDED,
        outcome,
        ended_on,
    )
    pregnancy.save(update_fields=["status", "outcome", "ended_on"])
    _cancel_antenatal(pregnancy, by, "pregnancy ended")


@transaction.atomic
def set_care_plan(
    *,
    by: User,
    pregnancy: Pregnancy,
    advice_programme: str,
    supplementary_food: str = "",
    planned_birth_place: str = "",
    planned_birth_detail: str = "",
) -> Pregnancy:
    """The diet and health advice programme, drawn up and monitored by a qualified health
    practitioner, with free supplementary food (Rule 48.1), and where she plans to give
    birth (a hospital outside the prison where practicable)."""
    pregnancy = _locked(pregnancy, by)
    _open(pregnancy)
    if not advice_programme.strip():
        raise RuleBroken(
            _("Write down her diet and health advice programme."),
            rule="48.1",
            field="advice_programme",
        )
    if planned_birth_place and planned_birth_place not in BirthPlace.values:
        raise ValidationError({"planned_birth_place": _("Choose a place.")})
    pregnancy.advice_programme = advice_programme.strip()
    pregnancy.supplementary_food = supplementary_food.strip()
    pregnancy.planned_birth_place = planned_birth_place
    pregnancy.planned_birth_detail = planned_birth_detail.strip()
    pregnancy.programme_by, pregnancy.programme_updated_at = by, timezone.now()
    pregnancy.save(
        update_fields=[
            "advice_programme",
            "supplementary_food",
            "planned_birth_place",
            "planned_birth_detail",
            "programme_by",
            "programme_updated_at",
        ]
    )
    _audit(by, "health.pregnancy_care_plan", pregnancy, pregnancy.prisoner)
    return pregnancy


# Labour and birth (Rule 24)

# Areas whose records the clinical times judge declare a watcher (`PeriodWatcher`, in hooks):
# `watch(prisoner=, start=, end=, by=)` runs in the transaction that records labour or a
# birth, with the protected period it opens (Rule 24: from labour to the end of the
# post-partum period; `end` is None while she is in labour), so that a record made before
# health staff wrote the times down is judged on them.
_PERIOD_WATCHERS: list = []


@dataclass(frozen=True)
class PeriodWatcher:
    watch: Callable  # (prisoner=, start=, end=, by=)


def register_protected_period_watcher(watch: Callable) -> None:
    if watch not in _PERIOD_WATCHERS:
        _PERIOD_WATCHERS.append(watch)


takes(PeriodWatcher, lambda declared: register_protected_period_watcher(declared.watch))


def _protected_period(birth: Birth, by: User) -> None:
    start = birth.labour_started_at or birth.born_at
    end = birth.postpartum_ends_at if birth.born_at else None
    for watch in _PERIOD_WATCHERS:
        watch(prisoner=birth.pregnancy.prisoner, start=start, end=end, by=by)


@transaction.atomic
def record_labour(*, by: User, pregnancy: Pregnancy, started_at: datetime | None = None) -> Birth:
    """Labour has started: no restraint may be used on her from now (Rule 24)."""
    pregnancy = _locked(pregnancy, by)
    _open(pregnancy)
    started_at = _now_or(started_at, "started_at")
    birth, _created = Birth.objects.get_or_create(
        pregnancy=pregnancy, defaults={"recorded_by": by, "labour_started_at": started_at}
    )
    if not _created:
        birth.labour_started_at = started_at
        birth.save(update_fields=["labour_started_at"])
    _audit(by, "health.labour_started", birth, pregnancy.prisoner)
    _refresh(pregnancy.prisoner, by)
    _protected_period(birth, by)
    return birth


@transaction.atomic
def record_birth(
    *,
    by: User,
    pregnancy: Pregnancy,
    place: str,
    born_at: datetime | None = None,
    place_detail: str = "",
    baby_with_her: bool = False,
    certificate_checked: bool = False,
) -> Birth:
    """The birth: the pregnancy ends; no restraints for the post-partum period
    (POSTPARTUM_PERIOD_DAYS, Rule 24); her postnatal contacts are scheduled whether or not
    the baby stays with her (Rule 48.3)."""
    pregnancy = _locked(pregnancy, by)
    _open(pregnancy)
    if place not in BirthPlace.values:
        raise ValidationError({"place": _("Say where she gave birth.")})
    born_at = _now_or(born_at, "born_at")
    birth, _created = Birth.objects.get_or_create(pregnancy=pregnancy, defaults={"recorded_by": by})
    if birth.labour_started_at and birth.labour_started_at > born_at:
        raise ValidationError({"born_at": _("The birth can't come before labour started.")})
    birth.born_at, birth.place, birth.place_detail = born_at, place, place_detail.strip()
    birth.baby_with_her, birth.certificate_checked = baby_with_her, certificate_checked
    birth.postpartum_ends_at = born_at + timedelta(days=settings.POSTPARTUM_PERIOD_DAYS)
    birth.save()
    _close(pregnancy, PregnancyOutcome.BIRTH, timezone.localtime(born_at).date(), by)
    now = timezone.now()
    for spec in POSTNATAL:
        due_at = born_at + spec.after
        escalate_at = born_at + spec.escalate_after if spec.escalate_after else None
        if (escalate_at or due_at) < now:
            continue  # recorded late: a contact whose window has passed is not scheduled
        contact = MaternityContact.objects.create(
            pregnancy=pregnancy, stage=ContactStage.POSTNATAL, code=spec.code, due_at=due_at
        )
        _remind(contact, rule="48.3", basis=Basis.GUIDANCE)
    _audit(by, "health.birth", birth, pregnancy.prisoner)
    _refresh(pregnancy.prisoner, by)
    _protected_period(birth, by)
    return birth


# Care contacts


@transaction.atomic
def record_contact(
    *, by: User, contact: MaternityContact, at: datetime | None = None, notes: str = ""
) -> MaternityContact:
    """An antenatal or postnatal contact took place: its reminder is done."""
    prisoner = _recorder(by, contact.pregnancy.prisoner)
    contact = (
        MaternityContact.objects.select_for_update().select_related("pregnancy").get(pk=contact.pk)
    )
    if contact.done_at is not None:
        raise ValidationError(_("This contact is recorded already."))
    if contact.cancelled_at is not None:
        raise ValidationError(_("This contact is no longer due."))
    contact.done_at, contact.done_by = _now_or(at, "at"), by
    contact.notes = notes.strip()
    contact.save(update_fields=["done_at", "done_by", "notes"])
    resolve_reminder(key=contact_key(contact), by=by, outcome="seen")
    _audit(by, "health.maternity_contact", contact, prisoner)
    return contact


# Breastfeeding (Rule 48.2)


@transaction.atomic
def record_breastfeeding(
    *,
    by: User,
    prisoner: Prisoner,
    status: str,
    support: str = "",
    restricted: bool = False,
    restriction_reason: str = "",
) -> BreastfeedingRecord:
    """Her breastfeeding status and the support given. Breastfeeding is never discouraged:
    a restriction needs a specific health reason, recorded here by health staff (Rule 48.2).
    While she breastfeeds she is not segregated (Rule 22)."""
    prisoner = _recorder(by, prisoner)
    if status not in FeedingStatus.values:
        raise ValidationError({"status": _("Say whether she is breastfeeding.")})
    if restricted and not restriction_reason.strip():
        raise RuleBroken(
            _("Breastfeeding is not restricted without a specific health reason: record it."),
            rule="48.2",
            field="restriction_reason",
        )
    record = BreastfeedingRecord.objects.create(
        prisoner=prisoner,
        status=status,
        support=support.strip(),
        restricted=restricted,
        restriction_reason=restriction_reason.strip() if restricted else "",
        recorded_by=by,
    )
    _audit(by, "health.breastfeeding", record, prisoner)
    _refresh(prisoner, by)
    return record


# Reading


def maternity_of(prisoner: Prisoner) -> dict:
    """Her pregnancies (latest first) with their birth and contacts, and her latest
    breastfeeding records, in a fixed number of queries."""
    pregnancies = list(
        prisoner.pregnancies.select_related("birth", "programme_by").prefetch_related("contacts")
    )
    feeding = list(prisoner.breastfeeding_records.all()[:5])
    current = next((p for p in pregnancies if p.is_open), None)
    return {"pregnancies": pregnancies, "current": current, "feeding": feeding}
