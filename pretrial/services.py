"""Pretrial detention (Rules 56, 57, 58, 65; Mandela 111-120; RULES-SPEC 2.21, 2.17).

- Her court dates (`enter_hearing`, `arrange_escort`, `record_hearing_result`): what happened
  at each, linked to the court's decision (`admissions.CourtOutcome`) when it changed her legal
  status, with the non-custodial alternatives considered (Rules 57, 58). For a girl under 18 a
  review of non-custodial alternatives is required at every court date: her hearing's result
  is refused without it (Rule 65).
- Before each hearing, her caretaking information for bail or an alternative to custody
  (Rule 58): PRETRIAL_NOTICE_DAYS before it the social workers of her facility are asked to
  send it to her lawyer or the court; the task is set by the clock (`schedule_notices`), or at
  once for a hearing entered later than that, and closes when the notice is recorded as sent
  (`send_caretaking`).
- Her lawyer (`add_adviser`, `change_adviser`). What she tells her lawyer is privileged
  (Mandela 61, 120): nothing of it is recorded.
- Her pretrial-safety screen (Rule 56): an untried woman admitted, or made untried again by a
  court, is screened for the particular risk of abuse she faces in pretrial detention within
  PRETRIAL_SCREEN_DAYS; the task stays open, and escalates, until `record_safety_screen`.
- A long pretrial detention (Rule 58; Mandela 111): a woman untried for more than
  PRETRIAL_LONG_DAYS is raised to the governor once per episode of untried detention and per
  threshold, by the clock (`raise_long_pretrial_alerts`).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, TextField
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import audit
from bangkok.errors import RuleBroken
from bangkok.plausible import check_after_arrest
from facilities.scope import facilities_of
from prisoners.models import ADULT_AGE, CustodyStatus, LegalStatus, Prisoner
from reminders.models import Basis, Reminder
from reminders.services import cancel_reminder, resolve_reminder, schedule_reminder

from .models import (
    Attendance,
    CaretakingNotice,
    Hearing,
    HearingKind,
    HearingResult,
    LegalAdviser,
    SafetyScreen,
    SentTo,
)
from .permissions import (
    ADD_ADVISER,
    CHANGE_ADVISER,
    ENTER_HEARING,
    RECORD_RESULT,
    SCREEN,
    SEND_CARETAKING,
)

if TYPE_CHECKING:
    from admissions.models import Admission, CourtOutcome
    from facilities.models import Facility
    from staff.models import User

NOTICE_KIND = "pretrial.caretaking_notice"
SCREEN_KIND = "pretrial.safety_screen"
LONG_KIND = "pretrial.long_detention"
SOCIAL, GOVERNOR = "social", "governor"

NOTICE_TITLE = gettext_lazy(
    "Send her caretaking information to her lawyer or the court before her hearing on %(day)s"
)
SCREEN_TITLE = gettext_lazy("Screen her for the risk of abuse in pretrial detention")
LONG_TITLE = gettext_lazy("Untried for more than %(days)s days: review her pretrial detention")


def _text(value: str | None) -> str:
    return (value or "").strip()


def _may(by: User, prisoner: Prisoner, perm: str, refusal: str) -> None:
    if not by.has_perm(perm):
        raise PermissionDenied(refusal)
    if not facilities_of(by).filter(pk=prisoner.facility_id).exists():
        raise PermissionDenied(_("You don't work in her facility."))


def _open_admission(prisoner: Prisoner) -> Admission:
    admission = (
        prisoner.admissions.filter(released_at__isnull=True).order_by("-admitted_at").first()
    )
    if admission is None or prisoner.custody_status != CustodyStatus.IN_CUSTODY:
        raise ValidationError(_("She is not in custody."))
    return admission


def is_girl_on(prisoner: Prisoner, moment: datetime) -> bool:
    return prisoner.age_on(timezone.localdate(moment)) < ADULT_AGE


# -- Her court dates ---------------------------------------------------------------------------


@transaction.atomic
def enter_hearing(
    *,
    by: User,
    prisoner: Prisoner,
    at: datetime,
    court: str,
    kind: str,
    attendance: str,
    reference: str = "",
    escort_arranged: bool = False,
    escort: str = "",
) -> Hearing:
    """One of her court dates. A hearing less than PRETRIAL_NOTICE_DAYS ahead asks the social
    workers for her caretaking information at once (Rule 58); a later one is asked by the
    clock when it comes near."""
    _may(by, prisoner, ENTER_HEARING, _("Your role doesn't enter court dates."))
    prisoner = Prisoner.objects.select_for_update().get(pk=prisoner.pk)
    admission = _open_admission(prisoner)
    court, reference, escort = _text(court), _text(reference), _text(escort)
    errors = {}
    if not court:
        errors["court"] = _("Name the court.")
    if kind not in HearingKind.values:
        errors["kind"] = _("Choose the kind of hearing.")
    if attendance not in Attendance.values:
        errors["attendance"] = _("Say whether she attends in person or by video link.")
    if escort_arranged and not escort:
        errors["escort"] = _("Say who escorts her and how, or the video room booked.")
    if errors:
        raise ValidationError(errors)
    check_after_arrest(prisoner, at, "at")
    if Hearing.objects.filter(prisoner=prisoner, at=at, court=court).exists():
        raise ValidationError({"at": _("That hearing is entered already.")})
    hearing = Hearing.objects.create(
        facility=prisoner.facility,
        prisoner=prisoner,
        admission=admission,
        at=at,
        court=court,
        kind=kind,
        attendance=attendance,
        reference=reference,
        escort_arranged=escort_arranged,
        escort=escort,
        entered_by=by,
    )
    _ask_for_notice(hearing, timezone.now())
    audit.record(
        by=by,
        action="pretrial.hearing_entered",
        subject=hearing,
        facility=hearing.facility,
        detail={"kind": kind, "attendance": attendance},
    )
    return hearing


def _notice_key(hearing: Hearing) -> str:
    return f"pretrial.notice:{hearing.uuid}"


def _ask_for_notice(hearing: Hearing, now: datetime) -> Reminder | None:
    """Her caretaking information for the court, asked of the social workers once the hearing
    is PRETRIAL_NOTICE_DAYS away or nearer (Rule 58); nothing for a hearing gone by."""
    if hearing.result or hearing.at <= now:
        return None
    if hearing.at - now > timedelta(days=settings.PRETRIAL_NOTICE_DAYS):
        return None
    due = max(now, hearing.at - timedelta(days=settings.PRETRIAL_NOTICE_DUE_DAYS))
    return schedule_reminder(
        key=_notice_key(hearing),
        kind=NOTICE_KIND,
        rule="58",
        title=NOTICE_TITLE,
        title_params={"day": hearing.at},
        facility=hearing.facility,
        assignee_role=SOCIAL,
        prisoner=hearing.prisoner,
        due_at=due,
        escalate_at=max(due, hearing.at),
        basis=Basis.CONFIG,
    )


def schedule_notices(*, now: datetime | None = None) -> int:
    """The clock (beat): every hearing still to come within PRETRIAL_NOTICE_DAYS, of a woman in
    custody, with no task for her caretaking information yet, is given one (Rule 58).
    Idempotent: a task once set, open or closed, is never set again. Returns how many."""
    now = now or timezone.now()
    hearings = (
        Hearing.objects.filter(
            result="",
            at__gt=now,
            at__lte=now + timedelta(days=settings.PRETRIAL_NOTICE_DAYS),
            admission__released_at__isnull=True,
        )
        .exclude(_noticed())
        .select_related("prisoner", "facility")
    )
    count = 0
    with transaction.atomic():
        for hearing in hearings:
            if _ask_for_notice(hearing, now) is not None:
                count += 1
    return count


def _noticed() -> Exists:
    """Hearings that have had their task for caretaking information, open or closed."""
    from django.db.models import OuterRef, Value
    from django.db.models.functions import Cast, Concat

    key = Concat(Value("pretrial.notice:"), Cast(OuterRef("uuid"), output_field=TextField()))
    return Exists(Reminder.objects.filter(kind=NOTICE_KIND, key=key))


@transaction.atomic
def arrange_escort(
    *, by: User, hearing: Hearing, escort_arranged: bool, escort: str = ""
) -> Hearing:
    """Her escort and transport to court, or the video room, arranged (Mandela 73: she travels
    safely and in decent conditions)."""
    hearing = Hearing.objects.select_for_update().select_related("prisoner").get(pk=hearing.pk)
    _may(by, hearing.prisoner, RECORD_RESULT, _("Your role doesn't arrange escorts to court."))
    if hearing.result:
        raise ValidationError(_("This hearing's result is recorded already."))
    escort = _text(escort)
    if escort_arranged and not escort:
        raise ValidationError(
            {"escort": _("Say who escorts her and how, or the video room booked.")}
        )
    hearing.escort_arranged, hearing.escort = escort_arranged, escort
    hearing.save(update_fields=["escort_arranged", "escort"])
    audit.record(
        by=by,
        action="pretrial.escort_arranged",
        subject=hearing,
        facility=hearing.facility,
        detail={"arranged": escort_arranged},
    )
    return hearing


@transaction.atomic
def record_hearing_result(
    *,
    by: User,
    hearing: Hearing,
    result: str,
    result_note: str = "",
    alternatives: str = "",
    court_outcome: CourtOutcome | None = None,
) -> Hearing:
    """What happened at her hearing, with the non-custodial alternatives considered (Rules 57,
    58), linked to the court's decision when it changed her legal status. For a girl under 18
    a review of non-custodial alternatives is required at every court date (Rule 65): without
    it, nothing is recorded. A hearing that was not held was no court date, and needs none."""
    hearing = (
        Hearing.objects.select_for_update()
        .select_related("prisoner", "admission")
        .get(pk=hearing.pk)
    )
    woman = hearing.prisoner
    _may(by, woman, RECORD_RESULT, _("Your role doesn't record what happened at court."))
    if hearing.result:
        raise ValidationError({"result": _("This hearing's result is recorded already.")})
    result_note, alternatives = _text(result_note), _text(alternatives)
    errors = {}
    if result not in HearingResult.values:
        errors["result"] = _("Say what happened at the hearing.")
    if hearing.at > timezone.now():
        errors["result"] = _("The hearing hasn't happened yet.")
    if result == HearingResult.STATUS_CHANGED:
        if court_outcome is None:
            errors["court_outcome"] = _("Name the court's decision that changed her status.")
        elif court_outcome.admission_id != hearing.admission_id:
            errors["court_outcome"] = _("That decision is not of her present episode.")
        elif court_outcome.decided_on < timezone.localdate(hearing.at):
            errors["court_outcome"] = _("That decision was made before this hearing.")
        elif Hearing.objects.filter(court_outcome=court_outcome).exists():
            errors["court_outcome"] = _("That decision is linked to another hearing.")
    elif court_outcome is not None:
        errors["court_outcome"] = _("Only a hearing that changed her status names a decision.")
    if errors:
        raise ValidationError(errors)
    if result != HearingResult.NOT_HELD and not alternatives and is_girl_on(woman, hearing.at):
        raise RuleBroken(
            _(
                "She is under 18: a review of non-custodial alternatives is required at every "
                "court date (Rule 65). Say what was considered. Nothing was recorded."
            ),
            rule="65",
        )
    hearing.result, hearing.result_note, hearing.alternatives = result, result_note, alternatives
    hearing.court_outcome = court_outcome
    hearing.result_by, hearing.result_at = by, timezone.now()
    hearing.save(
        update_fields=[
            "result",
            "result_note",
            "alternatives",
            "court_outcome",
            "result_by",
            "result_at",
        ]
    )
    cancel_reminder(key=_notice_key(hearing), reason=_("The hearing has been held."))
    audit.record(
        by=by,
        action="pretrial.hearing_result",
        subject=hearing,
        facility=hearing.facility,
        detail={"result": result, "alternatives": bool(alternatives)},
    )
    return hearing


# -- Her caretaking information (Rule 58) -----------------------------------------------------


@transaction.atomic
def send_caretaking(
    *,
    by: User,
    hearing: Hearing,
    sent_to: str,
    recipient: str,
    sent_at: datetime,
    summary: str,
) -> CaretakingNotice:
    """Her caretaking information (her children and dependants, who cares for them) sent to
    her lawyer or the court for bail or an alternative to custody (Rule 58): it closes the
    task before her hearing."""
    hearing = Hearing.objects.select_for_update().select_related("prisoner").get(pk=hearing.pk)
    _may(by, hearing.prisoner, SEND_CARETAKING, _("Your role doesn't send caretaking information."))
    recipient, summary = _text(recipient), _text(summary)
    errors = {}
    if sent_to not in SentTo.values:
        errors["sent_to"] = _("Say to whom it was sent.")
    if not recipient:
        errors["recipient"] = _("Name her lawyer or the court's office.")
    if not summary:
        errors["summary"] = _("Say in summary what was shared.")
    if sent_at > timezone.now():
        errors["sent_at"] = _("That is in the future.")
    if errors:
        raise ValidationError(errors)
    check_after_arrest(hearing.prisoner, sent_at, "sent_at")
    notice = CaretakingNotice.objects.create(
        hearing=hearing,
        sent_to=sent_to,
        recipient=recipient,
        sent_at=sent_at,
        summary=summary,
        recorded_by=by,
    )
    resolve_reminder(
        key=_notice_key(hearing), by=by, outcome=_("Her caretaking information was sent.")
    )
    audit.record(
        by=by,
        action="pretrial.caretaking_sent",
        subject=notice,
        facility=hearing.facility,
        detail={"sent_to": sent_to},
    )
    return notice


# -- Her lawyer (Mandela 61, 119, 120) ---------------------------------------------------------


def _adviser_errors(name: str, phone: str, email: str, address: str) -> dict:
    errors = {}
    if not name:
        errors["name"] = _("Give the lawyer's name.")
    if not (phone or email or address):
        errors["phone"] = _("Give a telephone, an email or an address.")
    return errors


@transaction.atomic
def add_adviser(
    *,
    by: User,
    prisoner: Prisoner,
    name: str,
    firm: str = "",
    phone: str = "",
    email: str = "",
    address: str = "",
) -> LegalAdviser:
    """Her lawyer, with how to reach them. Nothing of her consultations is recorded."""
    _may(by, prisoner, ADD_ADVISER, _("Your role doesn't record her lawyer."))
    _open_admission(prisoner)
    name, firm, phone, email, address = map(_text, (name, firm, phone, email, address))
    errors = _adviser_errors(name, phone, email, address)
    if errors:
        raise ValidationError(errors)
    adviser = LegalAdviser.objects.create(
        facility=prisoner.facility,
        prisoner=prisoner,
        name=name,
        firm=firm,
        phone=phone,
        email=email,
        address=address,
        recorded_by=by,
    )
    audit.record(
        by=by, action="pretrial.adviser_added", subject=adviser, facility=prisoner.facility
    )
    return adviser


@transaction.atomic
def change_adviser(
    *,
    by: User,
    adviser: LegalAdviser,
    name: str | None = None,
    firm: str | None = None,
    phone: str | None = None,
    email: str | None = None,
    address: str | None = None,
    acting: bool | None = None,
) -> LegalAdviser:
    """Her lawyer's details corrected, or the lawyer no longer acting for her."""
    adviser = LegalAdviser.objects.select_for_update().select_related("prisoner").get(pk=adviser.pk)
    _may(by, adviser.prisoner, CHANGE_ADVISER, _("Your role doesn't record her lawyer."))
    given = {"name": name, "firm": firm, "phone": phone, "email": email, "address": address}
    for field, value in given.items():
        if value is not None:
            setattr(adviser, field, _text(value))
    if acting is not None:
        adviser.acting = acting
    errors = _adviser_errors(adviser.name, adviser.phone, adviser.email, adviser.address)
    if errors:
        raise ValidationError(errors)
    adviser.save(update_fields=[*given, "acting"])
    audit.record(
        by=by, action="pretrial.adviser_changed", subject=adviser, facility=adviser.facility
    )
    return adviser


# -- Her pretrial-safety screen (Rule 56) ------------------------------------------------------


def _screen_prefix(prisoner: Prisoner) -> str:
    return f"pretrial.screen:{prisoner.pk}:"


def ask_for_screen(*, prisoner: Prisoner, at: datetime, facility: Facility) -> None:
    """An untried woman screened for the risk of abuse within PRETRIAL_SCREEN_DAYS (Rule 56)."""
    schedule_reminder(
        key=f"{_screen_prefix(prisoner)}{at.isoformat()}",
        kind=SCREEN_KIND,
        rule="56",
        title=SCREEN_TITLE,
        facility=facility,
        assignee_role=SOCIAL,
        prisoner=prisoner,
        due_at=at + timedelta(days=settings.PRETRIAL_SCREEN_DAYS),
        basis=Basis.CONFIG,
    )


def at_admission(*, admission: Admission) -> None:
    """`admissions.services.AtAdmission`: an untried woman admitted is screened (Rule 56)."""
    if admission.prisoner.legal_status == LegalStatus.PRETRIAL:
        ask_for_screen(
            prisoner=admission.prisoner, at=admission.admitted_at, facility=admission.facility
        )


def at_court_outcome(*, by: User, outcome: CourtOutcome) -> None:
    """`admissions.services.AtCourtOutcome`: made untried again, she is screened (Rule 56);
    no longer untried, her screen and any alert of a long pretrial detention are no longer
    needed."""
    woman = outcome.admission.prisoner
    if outcome.to_status == LegalStatus.PRETRIAL:
        ask_for_screen(prisoner=woman, at=timezone.now(), facility=outcome.admission.facility)
    elif outcome.from_status == LegalStatus.PRETRIAL:
        reason = _("She is no longer untried.")
        cancel_reminder(key_prefix=_screen_prefix(woman), by=by, reason=reason)
        cancel_reminder(key_prefix=f"pretrial.long:{woman.pk}:", by=by, reason=reason)


@transaction.atomic
def record_safety_screen(
    *,
    by: User,
    prisoner: Prisoner,
    screened_at: datetime,
    risks_found: bool,
    risks: str = "",
    measures: str = "",
) -> SafetyScreen:
    """Her pretrial-safety screen (Rule 56): the risks of abuse identified and the measures
    taken; it closes her task to be screened."""
    _may(by, prisoner, SCREEN, _("Your role doesn't screen for pretrial safety."))
    _open_admission(prisoner)
    risks, measures = _text(risks), _text(measures)
    errors = {}
    if risks_found and not risks:
        errors["risks"] = _("Say what the risks are.")
    if risks_found and not measures:
        errors["measures"] = _("Say what was done to keep her safe.")
    if screened_at > timezone.now():
        errors["screened_at"] = _("That is in the future.")
    if errors:
        raise ValidationError(errors)
    check_after_arrest(prisoner, screened_at, "screened_at")
    screen = SafetyScreen.objects.create(
        facility=prisoner.facility,
        prisoner=prisoner,
        screened_at=screened_at,
        risks_found=risks_found,
        risks=risks,
        measures=measures,
        recorded_by=by,
    )
    resolve_reminder(
        key_prefix=_screen_prefix(prisoner), by=by, outcome=_("She has been screened.")
    )
    audit.record(
        by=by,
        action="pretrial.safety_screened",
        subject=screen,
        facility=prisoner.facility,
        detail={"risks_found": risks_found},
    )
    return screen


# -- A long pretrial detention (Rule 58; Mandela 111) ------------------------------------------


def raise_long_pretrial_alerts(*, now: datetime | None = None) -> int:
    """The clock (beat): each woman in custody untried for more than PRETRIAL_LONG_DAYS is
    raised to the governor of her facility, once per untried period and threshold: the task's
    key names both, so a run twice, or two at once, raises it once. Returns how many."""
    from .reading import untried

    now = now or timezone.now()
    days = settings.PRETRIAL_LONG_DAYS
    women = (
        untried(now)
        .filter(untried_since__lte=now - timedelta(days=days))
        .select_related("facility")
    )
    count = 0
    with transaction.atomic():
        for woman in women:
            since: datetime = woman.untried_since
            key = f"pretrial.long:{woman.pk}:{since.date().isoformat()}:{days}"
            if Reminder.objects.filter(key=key).exists():
                continue
            schedule_reminder(
                key=key,
                kind=LONG_KIND,
                rule="58",
                title=LONG_TITLE,
                title_params={"days": days},
                facility=woman.facility,
                assignee_role=GOVERNOR,
                prisoner=woman,
                due_at=now,
                escalate_at=now + timedelta(days=7),
                basis=Basis.CONFIG,
            )
            count += 1
    return count
