"""Her classifications as a viewer may read them (Rules 8, 40, 41), for her page, the
classification pages, her own copy and the API alike.

- Every role that reads classifications (reception, custody, health staff, social workers, the
  governor, the inspector: `VIEW`) reads her level, when it was decided, when it is reviewed,
  and the reasons as she is told them: what she herself is given. Whether it was her first
  classification or a review, not why it was reviewed (a birth or pregnancy is hers, Rule 8).
- Social workers, the governor, health staff and the inspector (`ASSESSMENT`) also read the
  tool's risk factors, its score and default level, and the reasons and rationale for a level
  above it: what an inspector needs to check Rule 41(a), (d).
- The needs inputs (violence she has experienced, her mental-health needs, substance use,
  caretaking, the items she declined, and her plan's needs) are read only by social workers,
  the governor and health staff (`NEEDS`, RULES-SPEC T2), each read audited with the ids shown.

What a viewer may not read is absent from the answer, not blank.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import audit

from .models import NEEDS_FIELDS, RISK_FIELDS, Classification, Degree, Kind, Level
from .services import ASSESSMENT, NEEDS, RECORD, VIEW, current_of

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from prisoners.models import Prisoner
    from staff.models import User


def her_classifications(prisoner: Prisoner) -> QuerySet[Classification]:
    """Her classifications, newest first, with who made them, in a fixed number of queries."""
    return prisoner.classifications.select_related("classified_by", "prisoner")


def _name(user) -> str:
    return user.get_full_name() or user.username


def needs_read(viewer: User, classifications: list[Classification]) -> None:
    """Audit, once, a read that showed the needs inputs of these classifications."""
    if classifications:
        first = classifications[0]
        audit.record(
            by=viewer,
            action="classification.needs_read",
            subject=first.prisoner,
            facility=first.facility,
            disclosed=[str(c.uuid) for c in classifications],
        )


def shown(
    viewer: User, c: Classification, *, needs: bool | None = None, audited: bool = True
) -> dict:
    """One classification as `viewer` may read it. A list says once whether the viewer reads
    the needs (`needs`) and audits its page once (`needs_read`, with `audited=False` here)."""
    first = c.kind == Kind.INITIAL
    data: dict = {
        "uuid": c.uuid,
        "woman": c.prisoner.uuid,
        "kind": c.kind if first else Kind.REVIEW,
        "kind_label": Kind(c.kind if first else Kind.REVIEW).label,
        "level": c.level,
        "level_label": Level(c.level).label,
        "classified_at": c.classified_at,
        "classified_by": _name(c.classified_by),
        "next_review_on": c.next_review_on,
        "reasons_for_her": c.reasons_for_her,
        "current": c.superseded_at is None,
        "assessment": False,
        "needs": False,
    }
    if viewer.has_perm(ASSESSMENT):
        data.update(
            assessment=True,
            kind=c.kind,
            kind_label=c.get_kind_display(),
            instrument=c.instrument,
            risk_factors=[
                {
                    "name": name,
                    "label": Classification._meta.get_field(name).verbose_name,  # type: ignore[union-attr]
                    "value": getattr(c, name),
                    "value_label": Degree(getattr(c, name)).label,
                }
                for name in RISK_FIELDS
            ],
            score=c.score,
            default_level=c.default_level,
            default_level_label=Level(c.default_level).label,
            raised=c.raised,
            raise_reasons=c.raise_reasons,
            raise_reason_labels=c.raise_reason_labels(),
            rationale=c.rationale,
        )
    if needs is None:
        needs = viewer.has_perm(NEEDS)
    if needs:
        data.update(needs=True, **{name: getattr(c, name) for name in NEEDS_FIELDS})
        data["declined_labels"] = c.declined_labels()
        if audited:
            needs_read(viewer, [c])
    return data


def detail(viewer: User, c: Classification) -> dict:
    """The classification's page."""
    return {
        "woman": c.prisoner,
        "classification": c,
        "shown": shown(viewer, c),
        "can_review": viewer.has_perm(RECORD) and c.superseded_at is None,
    }


def section(*, viewer: User, prisoner: Prisoner) -> dict | None:
    """Her current level on her page, for roles that read classifications (absent for the
    others): the level, when it was decided and when it is reviewed; nothing else."""
    if not viewer.has_perm(VIEW):
        return None
    return {
        "woman": prisoner,
        "current": current_of(prisoner),
        "can_record": viewer.has_perm(RECORD),
    }


def for_her(prisoner: Prisoner) -> dict:
    """What her own copy says: her current level and the reasons as she is told them, the
    date, and when it is reviewed; never the tool's inputs."""
    current = current_of(prisoner)
    return {"woman": prisoner, "current": current}
