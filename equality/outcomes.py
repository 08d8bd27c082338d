"""Outcomes by group on oversight (Mandela 2; Rules 54, 55): searches, uses of force,
segregations, complaints and places at work in a facility and period, counted by ethnicity,
religion or belief and disability, against the facility's women in custody by the same
groups, as rates per 100 women.

Built without reading identities: each table is asked once for its counts grouped by the
three answers (one query a table, whatever the number of groups); no woman, id or name
is read. Small cells are suppressed: a count or a group of women below
EQUALITY_SMALL_CELL (k) is not shown, and another cell is hidden beside it when a total would
otherwise give it away (complementary suppression). Her answers count only while she
consents: a withdrawal erases them, and she counts as "not recorded" from then on.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, F, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bangkok.dates import during
from bangkok.suppression import rate, suppressed
from complaints.models import Complaint
from discipline.models import Segregation
from force.models import UseOfForce
from prisoners.models import CustodyStatus, Prisoner
from regime.models import Allocation
from regime.models import Kind as ActivityKind
from searches.models import Search

from .models import Disability, Religion

NOT_RECORDED = "not_recorded"
PREFER_NOT = "prefer_not"
ANSWERS = "equality_characteristics__"


@dataclass(frozen=True)
class Outcome:
    key: str
    title: object
    # (facilities, start, end, viewer) -> QuerySet of records with a `prisoner`, those the
    # viewer may not know of left out
    records: Callable
    # (viewer) -> every record of the model she may not know of, found from her side (the
    # complaints naming her): if any, the outcome is counted for her now (`read`).
    hidden: Callable | None = None


def _in_period(model, moment: str, **more) -> Callable:
    """(facilities, start, end, viewer) -> the `model` records of the facilities whose `moment`
    falls in the period, both days included."""

    def records(facilities, start, end, viewer=None) -> QuerySet:
        return model.objects.filter(facility__in=facilities, **during(moment, start, end), **more)

    return records


def _complaints(facilities, start, end, viewer=None) -> QuerySet:
    """The complaints of the period, those naming the viewer left out: a member of staff named
    in a complaint learns nothing of it, not even from a count (Rules 7.3, 25)."""
    found = _in_period(Complaint, "received_at")(facilities, start, end)
    return found if viewer is None else found.not_naming(viewer)


OUTCOMES = (
    Outcome(
        "searches",
        gettext_lazy("Searches"),
        _in_period(Search, "searched_at", prisoner__isnull=False),
    ),
    Outcome("force", gettext_lazy("Uses of force"), _in_period(UseOfForce, "started_at")),
    Outcome("segregation", gettext_lazy("Segregations"), _in_period(Segregation, "started_at")),
    Outcome("complaints", gettext_lazy("Complaints"), _complaints, hidden=Complaint.objects.naming),
    Outcome(
        "work",
        gettext_lazy("Places at work"),
        _in_period(Allocation, "allocated_at", activity__kind=ActivityKind.WORK),
    ),
)


def _grouped(queryset: QuerySet, path: str, *by: str) -> list[dict]:
    """Counts by the three answers (and by `by`, e.g. "facility"), in one query; no
    identity is selected."""
    return list(
        queryset.values(
            *by,
            ethnicity=F(f"{path}ethnicity_key"),
            withheld=F(f"{path}ethnicity_withheld"),
            religion=F(f"{path}religion"),
            disability=F(f"{path}disability"),
        )
        .order_by()
        .annotate(n=Count("id"))
    )


def _ethnicity(row: dict) -> str:
    if row["withheld"]:
        return PREFER_NOT
    return row["ethnicity"] or NOT_RECORDED


DIMENSIONS: tuple[tuple[str, object, Callable[[dict], str]], ...] = (
    ("ethnicity", gettext_lazy("Ethnicity"), _ethnicity),
    ("religion", gettext_lazy("Religion or belief"), lambda row: row["religion"] or NOT_RECORDED),
    ("disability", gettext_lazy("Disability"), lambda row: row["disability"] or NOT_RECORDED),
)


def _label(dimension: str, group: str) -> str:
    if group == NOT_RECORDED:
        return _("Not recorded")
    if group == PREFER_NOT:
        return _("Prefers not to say")
    if dimension == "religion":
        return str(Religion(group).label)
    if dimension == "disability":
        return _("Disabled") if group == Disability.YES else _("Not disabled")
    return group


def _order(population: Counter) -> list[str]:
    last = (PREFER_NOT, NOT_RECORDED)
    return sorted(
        population, key=lambda g: (g in last, last.index(g) if g in last else 0, -population[g], g)
    )


def method(k: int) -> str:
    return _(
        "Counts by group of what happened in the period, against the women in custody in the "
        "facility now, by the same group; a rate is per 100 women of the group. Groups are "
        "what the women said of themselves, with their consent, in their words; a woman who "
        "didn't answer, or withdrew her consent, counts as not recorded. No count below "
        "%(k)s is shown, nor any group of fewer than %(k)s women; where a total would give a "
        "hidden count away, another is hidden beside it. Counted without reading who anyone is."
    ) % {"k": k}


POPULATION = "population"


def _counted(facilities, start, end, viewer=None, *, by=(), population=True) -> dict:
    """{POPULATION: the women in custody now, each outcome's key: its records of the period}
    counted by the three answers (and `by`), one query a table, without the records the
    viewer may not know of (with no viewer, whole); the outcomes alone if not `population`."""
    found = {}
    if population:
        women = Prisoner.objects.filter(
            facility__in=facilities, custody_status=CustodyStatus.IN_CUSTODY
        )
        found[POPULATION] = _grouped(women, ANSWERS, *by)
    for outcome in OUTCOMES:
        records = outcome.records(facilities, start, end, viewer)
        found[outcome.key] = _grouped(records, f"prisoner__{ANSWERS}", *by)
    return found


def counted_ahead(facilities, start, end) -> dict[str, dict]:
    """The breakdown's counts as no one in particular sees them (whole), for each facility:
    {facility id: {POPULATION or an outcome's key: [counts by the three answers]}}: counted
    ahead by the beat (`oversight.counted`) and read with `read`."""
    return _by_facility(_counted(facilities, start, end, by=("facility",)))


def dated(facilities, start, end, sign: int) -> dict[str, dict]:
    """As `counted_ahead`, the outcomes alone (each record dated in the period by one moment;
    the women in custody now are the same whatever the period), each count times `sign`: the
    days between a period asked and one counted ahead ending the same day, added to its
    counts or taken off them (`oversight.figures.breakdown`)."""
    found = _by_facility(_counted(facilities, start, end, by=("facility",), population=False))
    for place in found.values():
        for rows in place.values():
            for row in rows:
                row["n"] *= sign
    return found


def _by_facility(counted: dict[str, list]) -> dict[str, dict]:
    found: dict[str, dict] = {}
    for part, rows in counted.items():
        for row in rows:
            place = found.setdefault(str(row.pop("facility")), {})
            place.setdefault(part, []).append(row)
    return found


def whole(parts: list[dict]) -> dict[str, list]:
    """Several facilities' counts made ahead (`counted_ahead`) as one part: each group's
    counts added."""
    found: dict[str, dict[tuple, dict]] = {}
    for place in parts:
        for part, rows in place.items():
            groups = found.setdefault(part, {})
            for row in rows:
                group = tuple(sorted((name, v) for name, v in row.items() if name != "n"))
                if group in groups:
                    groups[group]["n"] += row["n"]
                else:
                    groups[group] = {**row}
    return {part: [*groups.values()] for part, groups in found.items()}


def read(parts: list[dict], facilities, start, end, viewer=None) -> dict | None:
    """The breakdown from the counts made ahead for each of the facilities (`counted_ahead`),
    an outcome of which the viewer may not know some records (`Outcome.hidden`: a complaint
    naming her) counted for her now, without them: a count made ahead is never shown her
    whole, nor taken apart (what names her made or late since would come off it too)."""
    if any(row["n"] < 0 for rows in whole(parts).values() for row in rows):
        return None  # a count below none: what was made on the days taken off since, taken off
    found: dict[str, list] = {POPULATION: [], **{outcome.key: [] for outcome in OUTCOMES}}
    for place in parts:
        for part, rows in place.items():
            found[part] += rows
    for outcome in OUTCOMES:
        if outcome.hidden is not None and viewer is not None and outcome.hidden(viewer).exists():
            records = outcome.records(facilities, start, end, viewer)
            found[outcome.key] = _grouped(records, f"prisoner__{ANSWERS}")
    return _table(found)


def breakdown(facilities: QuerySet, start, end, viewer=None) -> dict:
    """The outcomes by group in the facilities and period, suppressed (one query a table),
    without the records the viewer may not know of (a complaint that names her)."""
    return _table(_counted(facilities, start, end, viewer))


def _table(found: dict[str, list]) -> dict:
    """The table of `_counted`'s counts, its small cells suppressed."""
    k = settings.EQUALITY_SMALL_CELL
    population_rows = found[POPULATION]
    outcome_rows = [found[outcome.key] for outcome in OUTCOMES]
    dimensions = []
    for key, title, group_of in DIMENSIONS:
        population: Counter = Counter()
        for row in population_rows:
            population[group_of(row)] += row["n"]
        counts = []
        for rows in outcome_rows:
            counted: Counter = Counter()
            for row in rows:
                counted[group_of(row)] += row["n"]
            counts.append(counted)
        groups = _order(population + sum(counts, Counter()))
        population = Counter({g: population[g] for g in groups})
        small = {g for g in groups if population[g] < k}
        hidden_population = suppressed(dict(population), small, k)
        hidden = [suppressed({g: c[g] for g in groups}, small, k) for c in counts]
        rows_shown = []
        for group in groups:
            pop_hidden = group in hidden_population
            cells = []
            for counted, hide in zip(counts, hidden, strict=True):
                count = None if group in hide else counted[group]
                per_100 = None if count is None or pop_hidden else rate(count, population[group])
                cells.append({"count": count, "rate": per_100})
            rows_shown.append(
                {
                    "group": _label(key, group),
                    "population": None if pop_hidden else population[group],
                    "cells": cells,
                }
            )
        total = sum(population.values())
        dimensions.append(
            {
                "key": key,
                "title": str(title),
                "rows": rows_shown,
                "total": {
                    "population": total,
                    "cells": [
                        {"count": sum(c.values()), "rate": rate(sum(c.values()), total)}
                        for c in counts
                    ],
                },
            }
        )
    return {
        "k": k,
        "method": method(k),
        "columns": [{"key": o.key, "title": str(o.title)} for o in OUTCOMES],
        "dimensions": dimensions,
    }
