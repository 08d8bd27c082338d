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
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import audit
from bangkok.plausible import check_after_arrest
from facilities.scope import facilities_of
from prisoners.models import ADULT_AGE
from reminders.models import Basis
from reminders.services import cancel_reminder, resolve_reminder, schedule_reminder

from .models import Event, GuardianNotice, How
from .permissions import RECORD

if TYPE_CHECKING:
    from admissions.models import Admission, Transfer
    from facilities.models import Facility
    from health.models import Encounter, Pregnancy
    from prisoners.models import Prisoner
    from regime.models import Allocation
    from staff.models import User

GUARDIAN_KIND = "girls.guardian"
EDUCATION_KIND = "girls.education"
GYNAECOLOGY_KIND = "girls.gynaecology"
SPECIALIST_KIND = "girls.specialist"
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
    """`admissions.services.AtAdmission`: her parent or guardian told, her education and her
    access to a gynaecologist asked for."""
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
