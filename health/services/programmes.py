"""Care that follows from what the file holds (Rules 14, 15 and 17).

- Rule 14: while she is pregnant and living with HIV, care to prevent mother-to-child
  transmission is due: an HIV-care encounter within PMTCT_DUE_DAYS.
- Rule 15: a drug dependency found at the entry screening calls for a referral to a
  treatment programme for women within SUBSTANCE_REFERRAL_DAYS, at once when she is pregnant.
- Rule 17: once her entry screening is complete she is given education and information on
  preventive health care within HEALTH_EDUCATION_DAYS.

Each is a confidential reminder for health staff, closed by an encounter of the matching kind.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from reminders.models import Basis
from reminders.services import cancel_reminder, resolve_reminder, schedule_reminder

from ..models import EncounterKind, HivResult, PregnancyStatus

if TYPE_CHECKING:
    from datetime import datetime

    from health.models import Encounter
    from prisoners.models import Prisoner
    from staff.models import User

PREGNANT = (PregnancyStatus.DECLARED, PregnancyStatus.CONFIRMED)
# The encounter kind that answers each programme's reminder.
CLOSED_BY: dict[str, str] = {
    EncounterKind.HIV_CARE: "health.pmtct",
    EncounterKind.SUBSTANCE_USE: "health.substance_programme",
    EncounterKind.HEALTH_EDUCATION: "health.education",
}


def _key(kind: str, prisoner: Prisoner) -> str:
    return f"{kind}:{prisoner.uuid}"


def _remind(
    prisoner: Prisoner, kind: str, rule: str, title: str | Promise, due_at: datetime
) -> None:
    schedule_reminder(
        key=_key(kind, prisoner),
        kind=kind,
        rule=rule,
        basis=Basis.CONFIG,
        confidential=True,
        title=title,
        facility=prisoner.facility,
        assignee_role="health",
        prisoner=prisoner,
        due_at=due_at,
    )


def is_pregnant(prisoner: Prisoner) -> bool:
    return prisoner.pregnancies.filter(status__in=PREGNANT).exists()


def review_pmtct(prisoner: Prisoner, *, by: User | None = None) -> None:
    """Rule 14: called when a pregnancy or an HIV result changes."""
    living_with_hiv = prisoner.hiv_tests.filter(result=HivResult.POSITIVE).exists()
    if living_with_hiv and is_pregnant(prisoner):
        _remind(
            prisoner,
            "health.pmtct",
            "14",
            gettext_lazy("HIV care due"),
            timezone.now() + timedelta(days=settings.PMTCT_DUE_DAYS),
        )
    else:
        cancel_reminder(key=_key("health.pmtct", prisoner), by=by, reason="not due")


def refer_for_substance_use(prisoner: Prisoner) -> None:
    """Rule 15: a dependency found at the entry screening; at once for a pregnant woman."""
    now = timezone.now()
    due = now if is_pregnant(prisoner) else now + timedelta(days=settings.SUBSTANCE_REFERRAL_DAYS)
    _remind(
        prisoner, "health.substance_programme", "15", gettext_lazy("Treatment referral due"), due
    )


def offer_health_education(prisoner: Prisoner) -> None:
    """Rule 17: after her entry screening."""
    _remind(
        prisoner,
        "health.education",
        "17",
        gettext_lazy("Health information session due"),
        timezone.now() + timedelta(days=settings.HEALTH_EDUCATION_DAYS),
    )


def encounter_recorded(encounter: Encounter, *, by: User) -> None:
    """An encounter of a programme's kind closes that programme's open reminder."""
    kind = CLOSED_BY.get(encounter.kind)
    if kind is None:
        return
    resolve_reminder(key=_key(kind, encounter.prisoner), by=by, outcome="seen")
