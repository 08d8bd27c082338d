"""Her equality and faith record as a viewer may read it, for her section, her page and the
API alike (Rules 54, 55; Mandela 2, 65, 66).

- Social workers (`READ`) read her consent and her characteristics whole, with her age band
  (derived from her record, never asked).
- Health staff (`ADJUSTMENTS`) read her disability answer and the adjustments she asks for,
  and nothing else of them.
- Readers of her faith needs and visits (social workers, the governor) read those.
- Every other role reads nothing: the section is absent, the API a 404.

A read that shows her characteristics, her faith needs or her visits writes one audit row with
the ids it disclosed. After she withdraws her consent her characteristics are erased, so no
read shows them again.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from django.utils import timezone

import audit

from .models import Characteristics, Consent, Disability, FaithNeed, FaithVisit
from .permissions import reads_adjustments, reads_characteristics, reads_faith
from .services import consent_in_force

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from prisoners.models import Prisoner
    from staff.models import User

# (lowest age, label) of each band, from the oldest down.
AGE_BANDS = ((65, "65+"), (50, "50-64"), (35, "35-49"), (25, "25-34"), (18, "18-24"), (0, "<18"))
VISITS_SHOWN = 10


def age_band(date_of_birth: date | None, on: date | None = None) -> str:
    if date_of_birth is None:
        return ""
    on = on or timezone.localdate()
    age = (
        on.year
        - date_of_birth.year
        - ((on.month, on.day) < (date_of_birth.month, date_of_birth.day))
    )
    return next(label for lowest, label in AGE_BANDS if age >= lowest)


def _name(user: Any) -> str:
    return user.get_full_name() or user.username


def _consent(consent: Consent | None) -> dict | None:
    if consent is None:
        return None
    return {
        "uuid": consent.uuid,
        "given_at": consent.given_at,
        "given_to": _name(consent.given_to),
        "version": consent.version,
    }


def _characteristics(row: Characteristics) -> dict:
    return {
        "uuid": row.uuid,
        "ethnicity": row.ethnicity,
        "ethnicity_withheld": row.ethnicity_withheld,
        "religion": row.religion,
        "religion_label": row.get_religion_display() if row.religion else "",
        "religion_words": row.religion_words,
        "disability": row.disability,
        "disability_label": row.get_disability_display() if row.disability else "",
        "adjustments": row.adjustments,
        "sexual_orientation": row.sexual_orientation,
        "orientation_withheld": row.orientation_withheld,
        "gender_identity": row.gender_identity,
        "identity_withheld": row.identity_withheld,
        "recorded_at": row.recorded_at,
        "recorded_by": _name(row.recorded_by),
    }


def her_needs(prisoner: Prisoner) -> QuerySet[FaithNeed]:
    return prisoner.faith_needs.filter(ended_at__isnull=True).select_related("recorded_by")


def her_visits(prisoner: Prisoner) -> QuerySet[FaithVisit]:
    return prisoner.faith_visits.select_related("representative")


def need_data(need: FaithNeed) -> dict:
    return {
        "uuid": need.uuid,
        "kind": need.kind,
        "kind_label": need.get_kind_display(),
        "detail": need.detail,
        "starts_on": need.starts_on,
        "ends_on": need.ends_on,
        "provision": need.provision,
        "recorded_at": need.recorded_at,
        "version": need.version,
    }


def visit_data(visit: FaithVisit) -> dict:
    return {
        "uuid": visit.uuid,
        "asked_by": visit.asked_by,
        "faith": visit.faith,
        "faith_label": visit.get_faith_display(),
        "faith_words": visit.faith_words,
        "note": visit.note,
        "asked_at": visit.asked_at,
        "status": visit.status,
        "status_label": visit.get_status_display(),
        "representative": visit.representative.name if visit.representative else "",
        "arranged_for": visit.arranged_for,
        "is_open": visit.is_open,
        "version": visit.version,
    }


def her_record(viewer: User, prisoner: Prisoner) -> dict | None:
    """What `viewer` may read of her equality and faith record, None if nothing at all; the
    read is audited with the ids it showed."""
    full, adjustments, faith = (
        reads_characteristics(viewer),
        reads_adjustments(viewer),
        reads_faith(viewer),
    )
    if not (full or adjustments or faith):
        return None
    shown: dict = {"woman": prisoner.uuid}
    disclosed: list[str] = []
    if full or adjustments:
        row = (
            Characteristics.objects.filter(prisoner=prisoner, consent__isnull=False)
            .select_related("recorded_by")
            .first()
        )
        if full:
            shown["consent"] = _consent(consent_in_force(prisoner))
            shown["age_band"] = age_band(prisoner.date_of_birth)
            shown["characteristics"] = None if row is None else _characteristics(row)
        elif row is not None and row.disability == Disability.YES:
            shown["adjustments"] = {"disability": row.disability, "adjustments": row.adjustments}
        if row is not None and (full or "adjustments" in shown):
            disclosed.append(str(row.uuid))
    if faith:
        needs = list(her_needs(prisoner))
        visits = list(her_visits(prisoner)[:VISITS_SHOWN])
        shown["needs"] = [need_data(need) for need in needs]
        shown["visits"] = [visit_data(visit) for visit in visits]
        disclosed += [str(n.uuid) for n in needs] + [str(v.uuid) for v in visits]
    if disclosed:
        audit.record(
            by=viewer,
            action="equality.read",
            subject=prisoner,
            facility=prisoner.facility,
            disclosed=disclosed,
        )
    return shown
