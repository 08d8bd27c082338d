"""The de-identified research extract (Rules 67, 68): one row per episode of custody, with
coarsened fields only, k-anonymous over its quasi-identifiers.

What a row holds: the facility's kind (or nothing, `RESEARCH_FACILITY`), her age band at
admission, her legal status, whether she is a national or a foreign national, the length of
the episode as a band, whether she has children on record, and for each kind of event the
areas declare (`research.registry.Figure` with a woman and a moment) a banded count of
those in the episode. Never a name, a number, a date of birth, an exact date, free text or
anything of a child but whether there is one.

k-anonymity (k = `SMALL_CELL`): every combination of the quasi-identifiers (facility kind,
age band, legal status, nationality, length of stay, children) is shared by at least k rows.
The fields are generalised one step at a time (the step that leaves fewest rows in groups
under k first) until at most `RESEARCH_MAX_SUPPRESSED` of the rows are in such groups; those
rows are then left out. The counts of events are not quasi-identifiers: they are banded
(0, 1, 2-4, 5 or more) and read within the groups.
"""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from audit.services import record
from facilities.models import Facility

from . import registry

AGE = ("under 18", "18-24", "25-34", "35-44", "45-54", "55+")
STAY = ("under 1 month", "1-6 months", "6-12 months", "1-2 years", "2 years or more")
LEGAL = {
    "pretrial": "untried",
    "convicted_unsentenced": "convicted",
    "sentenced": "convicted",
    "immigration": "civil or immigration",
    "civil": "civil or immigration",
}
ANY = "any"

# Each quasi-identifier's steps of generalisation: level 0 is the band as computed, each
# further level maps it to a coarser one; the last makes it "any".
HIERARCHY: dict[str, list] = {
    "facility": [None, lambda v: ANY],
    "age_band": [
        None,
        lambda v: {"18-24": "18-34", "25-34": "18-34", "35-44": "35-54", "45-54": "35-54"}.get(
            v, v
        ),
        lambda v: ANY,
    ],
    "legal_status": [None, lambda v: LEGAL.get(v, v), lambda v: ANY],
    "nationality": [None, lambda v: ANY],
    "length_of_stay": [
        None,
        lambda v: "under 6 months" if v in STAY[:2] else "6 months or more",
        lambda v: ANY,
    ],
    "children": [None, lambda v: ANY],
}
QUASI = tuple(HIERARCHY)


def age_band(date_of_birth: date, on: date) -> str:
    age = (
        on.year
        - date_of_birth.year
        - ((on.month, on.day) < (date_of_birth.month, date_of_birth.day))
    )
    for limit, band in ((18, AGE[0]), (25, AGE[1]), (35, AGE[2]), (45, AGE[3]), (55, AGE[4])):
        if age < limit:
            return band
    return AGE[5]


def stay_band(days: int) -> str:
    for limit, band in ((30, STAY[0]), (183, STAY[1]), (365, STAY[2]), (730, STAY[3])):
        if days < limit:
            return band
    return STAY[4]


def count_band(n: int) -> str:
    if n <= 1:
        return str(n)
    return "2-4" if n < 5 else "5+"


def nationality(nationalities: list[str]) -> str:
    if not nationalities:
        return "not recorded"
    return "national" if settings.HOME_COUNTRY in nationalities else "foreign"


def _day(moment) -> date:
    return timezone.localtime(moment).date() if isinstance(moment, datetime) else moment


def coarse_rows(now: datetime | None = None) -> tuple[list[dict], list[str]]:
    """Every episode, coarsened, with its events counted and banded; and the events' names.
    One query for the episodes and one a kind of event, whatever their number."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    facility_shown = settings.RESEARCH_FACILITY == "kind"
    kinds = registry.events()
    rows, episodes_of = [], defaultdict(list)
    for source in registry.episodes():
        for episode in source.rows():
            admitted = _day(episode["admitted_at"])
            left = _day(episode["released_at"]) if episode["released_at"] else today
            row = {
                "facility": episode["facility_kind"] if facility_shown else ANY,
                "age_band": age_band(episode["date_of_birth"], admitted),
                "legal_status": episode["legal_status"],
                "nationality": nationality(episode["nationalities"]),
                "length_of_stay": stay_band((left - admitted).days),
                "children": "yes" if episode["children"] else "no",
                **{f"events_{kind.key}": 0 for kind in kinds},
            }
            rows.append(row)
            episodes_of[(episode["woman"], episode["facility_id"])].append((admitted, left, row))
    for kind in kinds:
        found = kind.records(Facility.objects.all(), date.min, date.max).values_list(
            kind.woman, kind.facility, kind.moment
        )
        for woman, facility, moment in found.order_by():
            if moment is None:
                continue
            day = _day(moment)
            for admitted, left, row in episodes_of.get((woman, facility), ()):
                if admitted <= day <= left:
                    row[f"events_{kind.key}"] += 1
                    break
    for row in rows:
        for kind in kinds:
            row[f"events_{kind.key}"] = count_band(row[f"events_{kind.key}"])
    return rows, [f"events_{kind.key}" for kind in kinds]


@dataclass
class Anonymised:
    rows: list[dict]
    levels: dict[str, int]
    suppressed: int
    k: int


def generalise(rows: list[dict], levels: dict[str, int]) -> list[dict]:
    out = []
    for row in rows:
        new = dict(row)
        for name in QUASI:
            for step in HIERARCHY[name][1 : levels[name] + 1]:
                new[name] = step(new[name])
        out.append(new)
    return out


def _small(rows: list[dict], k: int) -> int:
    groups = Counter(tuple(row[name] for name in QUASI) for row in rows)
    return sum(n for n in groups.values() if n < k)


def anonymise(rows: list[dict], k: int, max_suppressed: float) -> Anonymised:
    """Generalise, then leave out rows, until every combination of the quasi-identifiers has
    at least k rows."""
    levels = dict.fromkeys(QUASI, 0)
    current = generalise(rows, levels)
    budget = int(len(rows) * max_suppressed)
    while _small(current, k) > budget:
        options = []
        for name in QUASI:
            if levels[name] + 1 < len(HIERARCHY[name]):
                trial = {**levels, name: levels[name] + 1}
                tried = generalise(rows, trial)
                options.append((_small(tried, k), QUASI.index(name), trial, tried))
        if not options:
            break
        _left, _index, levels, current = min(options, key=lambda option: option[:2])
    groups = Counter(tuple(row[name] for name in QUASI) for row in current)
    kept = [row for row in current if groups[tuple(row[name] for name in QUASI)] >= k]
    kept.sort(key=lambda row: tuple(str(value) for value in row.values()))
    return Anonymised(rows=kept, levels=levels, suppressed=len(current) - len(kept), k=k)


def as_csv(rows: Iterable[dict], columns: list[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({name: row[name] for name in columns})
    return out.getvalue()


def directory() -> Path:
    return Path(settings.RESEARCH_DIR)


def produce(*, by=None, now: datetime | None = None) -> tuple[Path, Anonymised]:
    """Write today's extract under `RESEARCH_DIR` and audit it (who, or the system; how many
    rows, how many left out, k, the generalisation). Returns the file and what was written."""
    now = now or timezone.now()
    rows, events = coarse_rows(now)
    done = anonymise(rows, settings.SMALL_CELL, settings.RESEARCH_MAX_SUPPRESSED)
    columns = [*QUASI, *events]
    folder = directory()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"research-extract-{timezone.localdate(now).isoformat()}.csv"
    partial = path.with_suffix(".csv.part")
    partial.write_text(as_csv(done.rows, columns), encoding="utf-8")
    record(
        by=by,
        action="research.extract",
        detail={
            "file": path.name,
            "rows": len(done.rows),
            "episodes": len(rows),
            "suppressed": done.suppressed,
            "k": done.k,
            "levels": done.levels,
        },
    )
    partial.replace(path)
    return path, done
