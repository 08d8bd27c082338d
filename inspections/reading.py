"""What a viewer reads of inspections (Rule 25.3), and the figures they freeze.

- `figures`: the facility's oversight figures for a period, as frozen on a visit at its start:
  one place (`PARTS`) names what is frozen, each part a function of what is asked (`Asked`:
  viewer, facilities, start, end) giving a list of plain rows.
- `visits_with_women_members`: RULES-SPEC 3, indicator 52.
- `strata_of`: the women in custody at a facility, by stratum, for the sample.
- A sampled woman's review opens her record within what the inspector's role may read: her
  page's own sections decide, and audit their confidential reads, as everywhere.

The governor and the inspector see the visits of their facilities; nobody else sees any (the
team's names, what was found of named women's cases, are for the body and the governor whose
facility answers it)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db.models import Case, Exists, OuterRef, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

import audit
from bangkok.dates import during
from discipline.models import Segregation
from facilities.scope import facilities_of
from health.models import Pregnancy
from oversight import registry
from prisoners.models import CustodyStatus, Prisoner, juvenile_q
from register.models import Child

from .models import CLOSED, STRATA, Member, Recommendation, SampledWoman, Stratum, Visit

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from staff.models import User

VIEW = "inspections.view_visit"
ORDER = ("-planned_start", "-id")


# What a visit freezes ----------------------------------------------------------------------


@dataclass
class Asked:
    """The viewer, facilities and period of the figures; oversight's overview of them, which
    the zeros and the lists both show, is read once for both."""

    user: Any
    facilities: Any
    start: date
    end: date

    @cached_property
    def overview(self) -> tuple[list[dict], list[dict]]:
        return registry.overview(self.user, self.facilities, self.start, self.end, cases=False)


def _zeros(asked: Asked) -> list[dict]:
    zeros, _lists = asked.overview
    return [
        {
            "key": z["item"].key,
            "label": str(z["item"].label),
            "rule": z["item"].rule,
            "count": z["count"],
            "recorded": z["recorded"],
            "refused": z["refused"],
        }
        for z in zeros
    ]


def _lists(asked: Asked) -> list[dict]:
    _zeros_, lists = asked.overview
    return [
        {
            "key": entry["item"].key,
            "label": str(entry["item"].title),
            "rule": entry["item"].rules,
            "count": entry["count"],
        }
        for entry in lists
    ]


def _indicators(asked: Asked) -> list[dict]:
    """The indicators as the inspector who starts the visit oversees them (RULES-SPEC 3): each
    figure as shown, a hidden one kept hidden (no number frozen)."""
    return [
        {
            "key": row["key"],
            "label": f"{row['number']}. {row['title']}" if row["number"] else row["title"],
            "rule": row["rules"],
            "unit": row["unit"],
            "numerator": row["numerator"],
            "denominator": row["denominator"],
            "rate": row["rate"],
            "suppressed": row["suppressed"],
            **_median(row),
        }
        for row in registry.indicators(asked.user, asked.facilities, asked.start, asked.end)
    ]


def _median(row: dict) -> dict:
    """A median's own figures: the value and what it is in."""
    if row["unit"] != registry.MEDIAN:
        return {}
    return {"median": row["median"], "measure": row["measure"]}


# What a visit freezes of oversight, part by part: a new part is one line here.
PARTS: tuple[tuple[str, Callable[..., list[dict]]], ...] = (
    ("zeros", _zeros),
    ("lists", _lists),
    ("indicators", _indicators),
)


def _shown(item: dict):
    """A frozen figure as the page writes it: a count, or an indicator's rate or count."""
    if "count" in item:
        return item["count"]
    return registry.written(item, item["unit"], item.get("measure", ""))


def figures(user: User, facilities, start: date, end: date) -> dict[str, Any]:
    """The facility's oversight figures for the period, as `user` oversees them: plain data,
    kept as it is on the visit."""
    found: dict[str, Any] = {"from": start.isoformat(), "to": end.isoformat()}
    asked = Asked(user, facilities, start, end)
    for name, part in PARTS:
        found[name] = part(asked)
    return found


def compared(then: dict | None, now: dict) -> list[dict]:
    """Each figure frozen on the last visit beside today's (the figures of either alone too)."""
    rows: dict[tuple[str, str], dict] = {}
    for when, found in (("then", then or {}), ("now", now)):
        for name, _part in PARTS:
            for item in found.get(name, []):
                row = rows.setdefault(
                    (name, item["key"]),
                    {"part": name, "label": item["label"], "rule": item["rule"]},
                )
                row[when] = _shown(item)
                if when == "now":
                    row["label"] = item["label"]
    order = [name for name, _part in PARTS]
    return sorted(rows.values(), key=lambda row: order.index(row["part"]))


# Indicator 52 -----------------------------------------------------------------------------


def _visited(facilities, start: date, end: date) -> QuerySet[Visit]:
    """The visits that took place (started) in the period, both days included."""
    return Visit.objects.filter(
        facility__in=facilities,
        **during("started_at", start, end),
    )


def visits_with_women_members(facilities, start: date, end: date) -> tuple[int, int]:
    """Indicator 52 (Rule 25.3): (visits whose team had at least one woman member, visits)
    that took place in the period. One query."""
    from django.db.models import Count

    women = Member.objects.filter(visit=OuterRef("pk"), woman=True)
    counted = _visited(facilities, start, end).aggregate(
        visits=Count("pk"), with_women=Count("pk", filter=Q(Exists(women)))
    )
    return counted["with_women"], counted["visits"]


def with_team(visits: QuerySet[Visit]) -> QuerySet[Visit]:
    """The visits with whether their team has a woman and how many members it has."""
    from django.db.models import Count

    return visits.annotate(
        has_woman=Exists(Member.objects.filter(visit=OuterRef("pk"), woman=True)),
        members=Count("team", distinct=True),
    )


def visited_in(facilities, start: date, end: date) -> QuerySet[Visit]:
    return with_team(_visited(facilities, start, end)).select_related("facility").order_by("-id")


# Visits, as the viewer may read them ------------------------------------------------------


def visits_visible_to(user: User | AnonymousUser) -> QuerySet[Visit]:
    if not user.is_authenticated or not user.has_perm(VIEW):
        return Visit.objects.none()
    return Visit.objects.filter(facility__in=facilities_of(user))


def visits(user: User, *, q: str = "", state: str = "", facility: str = "") -> QuerySet[Visit]:
    found = with_team(visits_visible_to(user)).select_related("facility")
    if q:
        found = found.filter(body__icontains=q)
    if facility:
        found = found.filter(facility__code=facility)
    if state == "planned":
        found = found.filter(started_at__isnull=True)
    elif state == "under_way":
        found = found.filter(started_at__isnull=False, ended_at__isnull=True)
    elif state == "finished":
        found = found.filter(ended_at__isnull=False)
    return found.order_by(*ORDER)


def earlier(visit: Visit) -> QuerySet[Visit]:
    """The facility's visits that ended before this one started (or before now)."""
    before = visit.started_at or timezone.now()
    return Visit.objects.filter(
        facility_id=visit.facility_id, ended_at__isnull=False, ended_at__lte=before
    ).exclude(pk=visit.pk)


def still_open(visit: Visit) -> list[Recommendation]:
    """The recommendations of the facility's earlier visits not yet done nor refused, overdue
    first, then by deadline (what the next visit prepares with). Two queries."""
    found = (
        Recommendation.objects.filter(visit__in=earlier(visit))
        .exclude(status__in=CLOSED)
        .select_related("visit", "owner", "plan")
        .order_by("deadline", "id")
    )
    return list(found)


def last_figures(visit: Visit) -> Visit | None:
    return earlier(visit).filter(figures__isnull=False).order_by("-ended_at", "-id").first()


def sample_rows(visit: Visit) -> list[SampledWoman]:
    sample = getattr(visit, "sample", None)
    if sample is None:
        return []
    return list(sample.women.select_related("prisoner").order_by("stratum", "id"))


# A woman's stratum, as the inspector reads it: her pregnancy is health's to know (Rule 8);
# that she is held from segregation (pregnant, breastfeeding or a child with her) she sees on
# her record already (her flags, Rule 22), and nothing more.
SHOWN_STRATUM = {
    Stratum.PREGNANT: Stratum.MOTHER,
}


def shown_stratum(stratum: str) -> str:
    shown = SHOWN_STRATUM.get(Stratum(stratum), Stratum(stratum))
    if shown == Stratum.MOTHER:
        return _("Pregnant, or a child with her (Rule 22)")
    return str(shown.label)


def strata_table(visit: Visit) -> list[dict]:
    """How many women each stratum held and how many were asked and drawn (aggregate)."""
    sample = getattr(visit, "sample", None)
    if sample is None:
        return []
    return [
        {
            "stratum": stratum,
            "label": str(Stratum(stratum).label),
            "population": sample.strata[stratum]["population"],
            "asked": sample.strata[stratum]["asked"],
            "drawn": sample.strata[stratum]["drawn"],
        }
        for stratum in STRATA
    ]


def strata_of(facility_id: int, day: date | None = None) -> dict[str, list[int]]:
    """The ids of the women in custody at the facility, by stratum (each in the first that
    applies, in the order of `STRATA`), in order. One query."""
    day = day or timezone.localdate()
    women = (
        Prisoner.objects.filter(facility_id=facility_id, custody_status=CustodyStatus.IN_CUSTODY)
        .annotate(
            pregnant=Exists(
                Pregnancy.objects.filter(
                    prisoner=OuterRef("pk"), status__in=["declared", "confirmed"]
                )
            ),
            mother=Exists(Child.objects.filter(mother=OuterRef("pk"), lives_with_mother=True)),
            apart=Exists(Segregation.objects.open().filter(prisoner=OuterRef("pk"))),
            girl=Case(When(juvenile_q(day), then=Value(True)), default=Value(False)),
        )
        .values_list("pk", "pregnant", "mother", "apart", "girl", "nationalities")
        .order_by("pk")
    )
    found: dict[str, list[int]] = {stratum: [] for stratum in STRATA}
    for pk, pregnant, mother, apart, girl, nationalities in women:
        if pregnant:
            stratum = Stratum.PREGNANT
        elif mother:
            stratum = Stratum.MOTHER
        elif girl:
            stratum = Stratum.GIRL
        elif nationalities and settings.HOME_COUNTRY not in nationalities:
            stratum = Stratum.FOREIGN
        elif apart:
            stratum = Stratum.APART
        else:
            stratum = Stratum.REST
        found[stratum].append(pk)
    return found


def open_case(user: User, sampled: SampledWoman) -> None:
    """The inspector opens a sampled woman's case: the first opening is kept on the sample and
    each is audited (her record itself is read on her page, which audits its own confidential
    parts)."""
    if sampled.opened_at is None:
        SampledWoman.objects.filter(pk=sampled.pk, opened_at__isnull=True).update(
            opened_at=timezone.now()
        )
    audit.record(
        by=user,
        action="inspections.case_opened",
        subject=sampled.prisoner,
        facility=sampled.sample.visit.facility,
        detail={"visit": str(sampled.sample.visit.uuid)},
    )
