"""Girls under 18 in custody (Rules 36-39; RULES-SPEC 2.17).

- Her parent or guardian is told when she is admitted, transferred or released (Rule 36; the
  UN Rules for the Protection of Juveniles Deprived of their Liberty, r. 22): each of those
  events opens a task for the social workers of her facility, due within
  GIRLS_GUARDIAN_HOURS, that only a notice reaching them closes (`record_guardian_notice`;
  an attempt that reached nobody is kept, and the task stays open). Her release is never held
  for it: a girl is not kept in custody for want of a telephone call.
- Her education (Rule 37): admitted, she has a place on an education activity of the regime
  within GIRLS_EDUCATION_DAYS; the task closes when the regime gives her one
  (`on_allocation`, a receiver of the regime's allocations).
- Her access to a gynaecologist (Rule 38): health staff are asked to offer it within
  GIRLS_GYNAECOLOGY_DAYS of her admission and again GIRLS_GYNAECOLOGY_MONTHS after each
  gynaecology encounter while she is under 18; a pregnant girl's health is followed by a
  specialist (Rule 39): her pregnancy recorded asks health for a specialist's encounter. These
  tasks are clinical (confidential): other roles see only that a health task is open.
- Her records sealed after her release (the UN Rules for the Protection of Juveniles Deprived
  of their Liberty, the Havana Rules, r. 19: "sealed, and, at an appropriate time, expunged"):
  a woman who was under 18 on the day an episode of hers in custody began (her age on the
  day of her first admission on this record) has her record sealed
  GIRL_RECORDS_SEALED_AFTER_DAYS after her release, by the clock (`seal_due_records`, beat),
  or at once by the governor with a reason (`seal_record`). Sealed, she is withheld from
  every list, search and page (`prisoners.withheld`) and her open tasks are cancelled. The
  governor opens a sealed record only on a recorded legal basis, for GIRL_RECORDS_OPEN_DAYS
  (`open_sealed_record`), each read audited (`reading.opened_record`). A woman admitted who
  may be the person of a sealed record is a new record; reception is never told, her
  governor is (`at_admission`), and decides whether they are the same person
  (`decide_match`).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import DateField, Exists, Func, Max, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import audit
from bangkok.errors import RuleBroken
from bangkok.openings import lasting
from bangkok.plausible import check_after_arrest
from facilities.scope import facilities_of
from prisoners.models import ADULT_AGE, CustodyStatus, Prisoner
from prisoners.withheld import shown
from reminders.models import OPEN_STATUSES, Basis, Reminder, Status
from reminders.services import cancel_reminder, resolve_reminder, schedule_reminder

from .models import (
    Event,
    GuardianNotice,
    How,
    LegalBasis,
    MatchDecision,
    Opening,
    SealedBy,
    SealedRecord,
)
from .permissions import DECIDE_MATCH, OPEN, RECORD, SEAL

if TYPE_CHECKING:
    from uuid import UUID

    from admissions.models import Admission, Transfer
    from facilities.models import Facility
    from health.models import Encounter, Pregnancy
    from regime.models import Allocation
    from staff.models import User

GUARDIAN_KIND = "girls.guardian"
EDUCATION_KIND = "girls.education"
GYNAECOLOGY_KIND = "girls.gynaecology"
SPECIALIST_KIND = "girls.specialist"
MATCH_KIND = "girls.sealed_match"
SOCIAL, CUSTODY, HEALTH = "social", "custody", "health"
GYNAECOLOGY = "gynaecology"  # health's encounter kind (`health.models.EncounterKind`)
EDUCATION = "education"  # the regime's activity kind (`regime.models.Kind`)


def _guardian_key(prisoner: Prisoner, event: str) -> str:
    return f"girls.guardian:{prisoner.pk}:{event}"


def _is_girl(prisoner: Prisoner, moment: datetime) -> bool:
    return prisoner.age_on(timezone.localdate(moment)) < ADULT_AGE


# -- Her parent or guardian told (Rule 36) --------------------------------------------------

GUARDIAN_TITLES = {
    Event.ADMISSION: gettext_lazy("Tell her parent or guardian that she is in custody here"),
    Event.TRANSFER: gettext_lazy("Tell her parent or guardian that she has been transferred"),
    Event.RELEASE: gettext_lazy("Tell her parent or guardian that she has been released"),
}


def ask_to_tell_guardian(
    *, prisoner: Prisoner, event: str, at: datetime, facility: Facility
) -> None:
    """A girl admitted, transferred or released: the social workers of `facility` tell her
    parent or guardian within GIRLS_GUARDIAN_HOURS (Rule 36). Nothing for a woman of 18."""
    if not _is_girl(prisoner, at):
        return
    # A new event of the same kind starts again: the earlier task, if open, is overtaken.
    cancel_reminder(
        key_prefix=f"{_guardian_key(prisoner, event)}:",
        reason=_("Overtaken by a later event of its kind."),
    )
    schedule_reminder(
        key=f"{_guardian_key(prisoner, event)}:{at.isoformat()}",
        kind=GUARDIAN_KIND,
        rule="36",
        title=GUARDIAN_TITLES[Event(event)],
        facility=facility,
        assignee_role=SOCIAL,
        prisoner=prisoner,
        due_at=at + timedelta(hours=settings.GIRLS_GUARDIAN_HOURS),
        basis=Basis.CONFIG,
    )


def at_admission(*, admission: Admission) -> None:
    """`admissions.services.AtAdmission`: a girl's parent or guardian told, her education and
    her access to a gynaecologist asked for; and, for any woman admitted, her governor told
    privately if a sealed record may be hers (Havana r. 19)."""
    _ask_governor_about_sealed(admission)
    _at_a_girls_admission(admission)


def _at_a_girls_admission(admission: Admission) -> None:
    woman, at = admission.prisoner, admission.admitted_at
    if not _is_girl(woman, at):
        return
    ask_to_tell_guardian(prisoner=woman, event=Event.ADMISSION, at=at, facility=admission.facility)
    schedule_reminder(
        key=f"girls.education:{woman.pk}:{admission.pk}",
        kind=EDUCATION_KIND,
        rule="37",
        title=gettext_lazy("Give her a place in education"),
        facility=admission.facility,
        assignee_role=CUSTODY,  # who gives places on education (regime.services.allocate)
        prisoner=woman,
        due_at=at + timedelta(days=settings.GIRLS_EDUCATION_DAYS),
        basis=Basis.CONFIG,
    )
    _ask_for_gynaecology(woman, at + timedelta(days=settings.GIRLS_GYNAECOLOGY_DAYS))


def at_transfer(*, by: User, transfer: Transfer) -> None:
    """`admissions.services.AtTransfer`: the facility she moved to tells her parent or
    guardian."""
    woman = transfer.admission.prisoner
    ask_to_tell_guardian(
        prisoner=woman, event=Event.TRANSFER, at=transfer.moved_at, facility=transfer.to_facility
    )


def at_release(*, by: User, admission: Admission, released_at: datetime) -> None:
    """`admissions.services.AtRelease`: her parent or guardian is told she has been released
    (her tasks in custody, education and gynaecology, were cancelled with the release)."""
    woman = admission.prisoner
    ask_to_tell_guardian(
        prisoner=woman, event=Event.RELEASE, at=released_at, facility=admission.facility
    )


@transaction.atomic
def record_guardian_notice(
    *,
    by: User,
    prisoner: Prisoner,
    event: str,
    reached: bool,
    guardian: str,
    relationship: str,
    how: str,
    told_at: datetime,
    note: str = "",
) -> GuardianNotice:
    """Her parent or guardian told of `event` (or an attempt that reached nobody, with what
    was tried): it closes the open task to tell them when it reached them (Rule 36). Only for a
    girl under 18 on the day: a woman's family is told only as she asks."""
    if not by.has_perm(RECORD):
        raise PermissionDenied(_("Your role doesn't record who was told."))
    if not facilities_of(by).filter(pk=prisoner.facility_id).exists():
        raise PermissionDenied(_("You don't work in her facility."))
    errors = {}
    if event not in Event.values:
        errors["event"] = _("Say what they were told of.")
    if how not in How.values:
        errors["how"] = _("Say how they were told.")
    guardian, relationship, note = (
        (guardian or "").strip(),
        (relationship or "").strip(),
        (note or "").strip(),
    )
    if not guardian:
        errors["guardian"] = _("Name her parent or guardian.")
    if not relationship:
        errors["relationship"] = _("Say who they are to her.")
    if not reached and not note:
        errors["note"] = _("Say what was tried to reach them.")
    if told_at > timezone.now():
        errors["told_at"] = _("That is in the future.")
    if errors:
        raise ValidationError(errors)
    check_after_arrest(prisoner, told_at, "told_at")
    if not _is_girl(prisoner, told_at):
        raise ValidationError(
            {
                "event": _(
                    "She was 18 or over on that day: her family is told only as she asks, "
                    "not as a girl's parent or guardian is."
                )
            }
        )
    notice = GuardianNotice.objects.create(
        facility=prisoner.facility,
        prisoner=prisoner,
        event=event,
        reached=reached,
        guardian=guardian,
        relationship=relationship,
        how=how,
        told_at=told_at,
        note=note,
        recorded_by=by,
    )
    if reached:
        resolve_reminder(
            key_prefix=f"{_guardian_key(prisoner, event)}:",
            by=by,
            outcome=_("Her parent or guardian was told."),
        )
    audit.record(
        by=by,
        action="girls.guardian_told" if reached else "girls.guardian_not_reached",
        subject=notice,
        facility=prisoner.facility,
        detail={"event": event},
    )
    return notice


# -- Her education (Rule 37) ------------------------------------------------------------------


def on_allocation(sender: type, instance: Allocation, created: bool, **kwargs: Any) -> None:
    """A place given on a regime activity: an education place answers her task (Rule 37)."""
    if not created or instance.activity.kind != EDUCATION:
        return
    resolve_reminder(
        key_prefix=f"girls.education:{instance.prisoner_id}:",
        by=instance.allocated_by,
        outcome=_("She has a place in education."),
    )


# -- Her access to a gynaecologist (Rule 38), a specialist in pregnancy (Rule 39) -------------


def _health_task(
    prisoner: Prisoner, kind: str, rule: str, title: Promise, key: str, due: datetime
) -> None:
    """A clinical task for health staff about a girl: other roles see only that it is open."""
    schedule_reminder(
        key=f"{kind}:{prisoner.pk}:{key}",
        kind=kind,
        rule=rule,
        title=title,
        facility=prisoner.facility,
        assignee_role=HEALTH,
        prisoner=prisoner,
        due_at=due,
        basis=Basis.CONFIG,
        confidential=True,
    )


def _ask_for_gynaecology(prisoner: Prisoner, due: datetime) -> None:
    title = gettext_lazy("Offer her an appointment with a gynaecologist")
    _health_task(prisoner, GYNAECOLOGY_KIND, "38", title, due.date().isoformat(), due)


def on_encounter(sender: type, instance: Encounter, created: bool, **kwargs: Any) -> None:
    """A gynaecology encounter of a girl: her tasks to see a gynaecologist, and a specialist
    if she is pregnant, are answered; the next is asked for GIRLS_GYNAECOLOGY_MONTHS on while
    she is still under 18 then (Rules 38, 39)."""
    if not created or instance.kind != GYNAECOLOGY:
        return
    woman, at = instance.prisoner, instance.at
    if not _is_girl(woman, at):
        return
    for kind in ("gynaecology", "specialist"):
        resolve_reminder(
            key_prefix=f"girls.{kind}:{woman.pk}:",
            by=instance.recorded_by,
            outcome=_("Seen in gynaecology."),
        )
    following = at + timedelta(days=round(30.44 * settings.GIRLS_GYNAECOLOGY_MONTHS))
    if _is_girl(woman, following) and woman.admissions.filter(released_at__isnull=True).exists():
        _ask_for_gynaecology(woman, following)


def on_pregnancy(sender: type, instance: Pregnancy, created: bool, **kwargs: Any) -> None:
    """A girl's pregnancy recorded: a medical specialist follows her health (Rule 39)."""
    if not created:
        return
    woman = instance.prisoner
    if not _is_girl(woman, timezone.now()):
        return
    title = gettext_lazy("Refer her to a specialist who follows her pregnancy")
    due = timezone.now() + timedelta(days=settings.GIRLS_SPECIALIST_DAYS)
    _health_task(woman, SPECIALIST_KIND, "39", title, str(instance.pk), due)


# -- Her records sealed after her release (Havana r. 19) ------------------------------------

GOVERNOR = "governor"


class _EighteenthBirthday(Func):
    """The day a woman turns 18, from her date of birth, in the database."""

    template = "(%(expressions)s + interval '18 years')::date"
    output_field = DateField()


def was_a_girl_in_custody() -> Q:
    """Women who were under 18 on the day an episode of theirs in custody began (on the day of
    her first admission on this record, the earliest: under 18 at any time in an episode is
    under 18 when it began)."""
    from admissions.models import Admission

    as_a_girl = Admission.objects.filter(
        prisoner=OuterRef("pk"),
        admitted_at__date__lt=_EighteenthBirthday(OuterRef("date_of_birth")),
    )
    return Q(Exists(as_a_girl))


def _released() -> Q:
    from admissions.models import Admission, Stage

    still_held = Admission.objects.filter(prisoner=OuterRef("pk")).exclude(stage=Stage.RELEASED)
    return Q(custody_status=CustodyStatus.RELEASED) & ~Q(Exists(still_held))


def _unsealed() -> Q:
    return ~Q(Exists(SealedRecord.objects.filter(prisoner=OuterRef("pk"))))


def may_be_sealed(prisoner: Prisoner) -> bool:
    """Whether the governor may seal her record now: released, and a girl when an episode
    began (she is not sealed, or nobody would be reading her)."""
    return Prisoner.objects.filter(_released(), was_a_girl_in_custody(), pk=prisoner.pk).exists()


def notices_or_sealable(prisoner: Prisoner, *, sealable: bool) -> Q:
    """On her row: a notice to her parent or guardian was recorded, or (`sealable`, for one
    who seals) the governor may seal her record now (her page's section list)."""
    return _notices_or_sealable(sealable and prisoner.custody_status == CustodyStatus.RELEASED)


@cache
def _notices_or_sealable(sealable: bool) -> Q:
    """The same condition each time for the same answer: her page compiles its query once."""
    found = Q(Exists(GuardianNotice.objects.filter(prisoner=OuterRef("pk"))))
    if sealable:
        found |= _released() & was_a_girl_in_custody()
    return found


def sealing_due(now: datetime | None = None) -> QuerySet[Prisoner]:
    """Released women whose records are due to be sealed: under 18 when an episode began,
    released at least GIRL_RECORDS_SEALED_AFTER_DAYS ago, not sealed yet; each with the moment
    of her last release (`last_released_at`)."""
    now = now or timezone.now()
    settled = now - timedelta(days=settings.GIRL_RECORDS_SEALED_AFTER_DAYS)
    return (
        Prisoner.objects.filter(_released(), was_a_girl_in_custody(), _unsealed())
        .annotate(last_released_at=Max("admissions__released_at"))
        .filter(last_released_at__lte=settled)
    )


def _seal(
    prisoner: Prisoner, *, released_at: datetime, by: User | None, reason: str = ""
) -> SealedRecord | None:
    """Seal her record, under the lock of her row: nothing if it is sealed already (a second
    request or a second worker), so the clock and the governor seal her once."""
    locked = Prisoner.objects.select_for_update(of=("self",)).get(pk=prisoner.pk)
    if SealedRecord.objects.filter(prisoner=locked).exists():
        return None
    now = timezone.now()
    sealed = SealedRecord.objects.create(
        facility_id=locked.facility_id,
        prisoner=locked,
        released_at=released_at,
        sealed_at=now,
        sealed_by=SealedBy.CLOCK if by is None else SealedBy.GOVERNOR,
        decided_by=by,
        reason=reason,
    )
    # Her open tasks name her: they end with the seal, as they ended with her release.
    Reminder.objects.filter(prisoner=locked, status__in=OPEN_STATUSES).update(
        status=Status.CANCELLED, closed_at=now, closed_by=by, outcome="sealed"
    )
    audit.record(
        by=by,
        action="girls.sealed",
        subject=sealed,
        facility=sealed.facility,
        detail={"how": sealed.sealed_by},
    )
    return sealed


def seal_due_records(*, now: datetime | None = None) -> int:
    """The clock (beat): seal every record due (Havana r. 19), each in its own transaction.
    Running it twice, or in two workers at once, seals each record once."""
    sealed = 0
    for woman in sealing_due(now).only("pk", "facility_id"):
        with transaction.atomic():
            released_at = woman.last_released_at  # type: ignore[attr-defined]
            if _seal(woman, released_at=released_at, by=None) is not None:
                sealed += 1
    return sealed


@transaction.atomic
def seal_record(*, by: User, prisoner: Prisoner, reason: str) -> SealedRecord:
    """The governor seals a released girl's record at once, with her reason (Havana r. 19),
    without waiting for GIRL_RECORDS_SEALED_AFTER_DAYS."""
    if not by.has_perm(SEAL):
        raise PermissionDenied(_("Your role doesn't seal records."))
    if not shown(facilities_of_women(by)).filter(pk=prisoner.pk).exists():
        raise PermissionDenied(_("No such woman in your facilities."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why her record is sealed now.")})
    candidate = Prisoner.objects.filter(pk=prisoner.pk)
    if not candidate.filter(_released()).exists():
        raise RuleBroken(
            _("A girl's records are sealed after her release, not while she is in custody."),
            rule="H19",
        )
    if not candidate.filter(was_a_girl_in_custody()).exists():
        raise RuleBroken(
            _(
                "Only the records of a woman who was under 18 when an episode in custody "
                "began are sealed."
            ),
            rule="H19",
        )
    released_at = candidate.aggregate(at=Max("admissions__released_at"))["at"]
    sealed = _seal(prisoner, released_at=released_at, by=by, reason=reason)
    if sealed is None:  # sealed by another request in the meantime: she is gone from view
        raise PermissionDenied(_("No such woman in your facilities."))
    return sealed


def facilities_of_women(by: User) -> QuerySet[Prisoner]:
    return Prisoner.objects.filter(facility__in=facilities_of(by))


def sealed_in_scope(by: User) -> QuerySet[SealedRecord]:
    return SealedRecord.objects.filter(facility__in=facilities_of(by))


@transaction.atomic
def open_sealed_record(
    *, by: User, sealed: SealedRecord, basis: str, reference: str, reason: str
) -> Opening:
    """The governor opens a sealed record to herself, on a recorded legal basis (a court's
    order, her own request, another provision of law: its reference and why), until
    GIRL_RECORDS_OPEN_DAYS from now (Havana r. 19: access restricted). Each read of it while
    open is audited (`reading.opened_record`)."""
    if not by.has_perm(OPEN):
        raise PermissionDenied(_("Your role doesn't open sealed records."))
    if not sealed_in_scope(by).filter(pk=sealed.pk).exists():
        raise PermissionDenied(_("No such record in your facilities."))
    reference, reason = (reference or "").strip(), (reason or "").strip()
    errors = {}
    if basis not in LegalBasis.values:
        errors["basis"] = _("Say on what legal basis it is opened.")
    if not reference:
        errors["reference"] = _("Give the reference of the order, request or provision.")
    if not reason:
        errors["reason"] = _("Say why it is opened.")
    if errors:
        raise ValidationError(errors)
    opening = Opening.objects.create(
        sealed=sealed,
        basis=basis,
        reference=reference,
        reason=reason,
        opened_by=by,
        **lasting(timedelta(days=settings.GIRL_RECORDS_OPEN_DAYS)),
    )
    audit.record(
        by=by,
        action="girls.sealed_opened",
        subject=sealed,
        facility=sealed.facility,
        detail={"basis": basis, "opening": str(opening.uuid)},
    )
    return opening


def undecided_matches(prisoner: Prisoner) -> QuerySet[SealedRecord]:
    """The sealed records that may be hers and are not decided yet."""
    return sealed_matching(prisoner).exclude(matches__prisoner=prisoner).select_related("facility")


def sealed_matching(prisoner: Prisoner) -> QuerySet[SealedRecord]:
    """Sealed records that may be hers: the same date of birth, and the same family name or
    first given name. Never shown to whoever admits her."""
    first_name = prisoner.given_names.split()[0] if prisoner.given_names.strip() else ""
    same_name = Q(prisoner__family_name__iexact=prisoner.family_name)
    if first_name:
        same_name |= Q(prisoner__given_names__icontains=first_name)
    return SealedRecord.objects.filter(
        same_name, prisoner__date_of_birth=prisoner.date_of_birth
    ).exclude(prisoner=prisoner)


def _match_key(prisoner: Prisoner) -> str:
    return f"{MATCH_KIND}:{prisoner.pk}"


def _ask_governor_about_sealed(admission: Admission) -> None:
    """A woman admitted whom a sealed record may match (Havana r. 19): admission made her a
    record of her own, and reception learns nothing; the governor of her facility is asked to
    decide whether she is the same person (`decide_match`)."""
    woman = admission.prisoner
    undecided = sealed_matching(woman).exclude(matches__prisoner=woman)
    if not undecided.exists():
        return
    schedule_reminder(
        key=f"{_match_key(woman)}:{admission.pk}",
        kind=MATCH_KIND,
        rule="H19",
        title=gettext_lazy("A sealed record may be hers: decide whether she is the same person"),
        facility=admission.facility,
        assignee_role=GOVERNOR,
        prisoner=woman,
        due_at=admission.admitted_at + timedelta(days=settings.GIRLS_EDUCATION_DAYS),
        basis=Basis.CONFIG,
    )


@transaction.atomic
def decide_match(
    *, by: User, prisoner: Prisoner, sealed: UUID | str, same_person: bool, reason: str
) -> MatchDecision:
    """The governor decides whether a woman admitted is the person of a sealed record that may
    match her, with her reason. A link opens nothing: the sealed record stays sealed, and is
    read only when opened on a legal basis."""
    if not by.has_perm(DECIDE_MATCH):
        raise PermissionDenied(_("Your role doesn't decide on sealed records."))
    if not shown(facilities_of_women(by)).filter(pk=prisoner.pk).exists():
        raise PermissionDenied(_("No such woman in your facilities."))
    Prisoner.objects.select_for_update(of=("self",)).get(pk=prisoner.pk)  # one decision at once
    found = sealed_matching(prisoner).filter(uuid=sealed).first()
    if found is None:
        raise ValidationError({"sealed": _("That sealed record doesn't match her.")})
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why.")})
    if MatchDecision.objects.filter(sealed=found, prisoner=prisoner).exists():
        raise ValidationError({"sealed": _("That match is decided already.")})
    decision = MatchDecision.objects.create(
        sealed=found, prisoner=prisoner, same_person=same_person, reason=reason, decided_by=by
    )
    if not sealed_matching(prisoner).exclude(matches__prisoner=prisoner).exists():
        resolve_reminder(
            key_prefix=f"{_match_key(prisoner)}:",
            by=by,
            outcome=_("Decided whether a sealed record is hers."),
        )
    audit.record(
        by=by,
        action="girls.sealed_matched",
        subject=decision,
        facility=prisoner.facility,
        detail={"same_person": same_person},
    )
    return decision
