"""The annual statistics of the facilities a governor or an inspector oversees (Rules 67-70):
each facility and all of them together ("national"), for a calendar year.

Every figure comes from the areas' declarations (`research.registry`): one query a figure or
share, grouped by facility, whatever the number of facilities, women or records. No name,
number or date of birth is read, only counts.

Small cells are suppressed across the whole table at once (`protect`): a count from 1 to k-1
is hidden (k = `SMALL_CELL`), and wherever a total is shown (a facility's population beside
its groups, the national figure beside each facility's), another cell is hidden beside a
hidden one so that the total can't give it away; and a hidden total is never left the sum of
cells all shown. A facility's column is taken from the same suppressed table as the national
one, so reading the reports side by side reveals nothing more.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.conf import settings
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bangkok.suppression import rate, suppressed
from oversight.permissions import facilities_overseen

from . import registry

NATIONAL = "national"

OFFENCES_NOT_RECORDED = gettext_lazy(
    "Offences: the system records a woman's legal status, not the offences she is charged "
    "with or convicted of, so no figure of offences is given."
)


def method(k: int) -> str:
    return _(
        "Counts from the records of the year (1 January to 31 December, or to today for the "
        "current year), per facility and across every facility you oversee. Women held and "
        "children living with their mothers are counted on the last day of the period, by "
        "their status as recorded now. A count from 1 to %(k)s is shown as *, and so is another "
        "cell beside it where a total would otherwise give it away (complementary "
        "suppression); a rate is shown only where both of its counts are. Occupancy is the "
        "women held divided by the facility's places. No name, number, date of birth or "
        "other identity is read to make these figures."
    ) % {"k": k - 1}


def period(year: int) -> tuple[date, date]:
    today = timezone.localdate()
    return date(year, 1, 1), min(date(year, 12, 31), today)


def _grouped(queryset, facility: str, *, distinct: str = "", group: str = ""):
    names = [facility, group] if group else [facility]
    counted = Count(distinct or "pk", distinct=bool(distinct))
    return queryset.values_list(*names).annotate(n=counted).order_by()


def protect(cells: dict, totals: Iterable[tuple[object, list]], k: int) -> set:
    """The cells to hide: `cells` maps a cell to its count, `totals` lists (total cell, its
    parts). Iterated until nothing more must be hidden."""
    totals = list(totals)
    hidden = {cell for cell, n in cells.items() if 0 < n < k}
    while True:
        before = len(hidden)
        for total, parts in totals:
            values = {part: cells[part] for part in parts}
            small = [part for part in parts if part in hidden]
            hidden |= suppressed(values, small, k)
            if total in hidden and not any(part in hidden for part in parts):
                nonzero = [part for part in parts if cells[part]]
                if nonzero:
                    hidden.add(min(nonzero, key=lambda part: (cells[part], str(part))))
        if len(hidden) == before:
            return hidden


def report(user, year: int) -> dict:
    """The year's figures for every facility `user` oversees and all of them together,
    suppressed. Refused (PermissionDenied) to a role that oversees nothing."""
    facilities = list(facilities_overseen(user).order_by("code"))
    start, end = period(year)
    scope = facilities_overseen(user)
    k = settings.SMALL_CELL
    columns = [f.pk for f in facilities] + [NATIONAL]
    cells: dict[tuple[str, object], int] = {}
    lines: list[dict] = []
    totals: list[tuple[object, list]] = []

    def add_line(key: str, found: dict) -> None:
        for column in columns[:-1]:
            cells[(key, column)] = found.get(column, 0)
        cells[(key, NATIONAL)] = sum(found.get(column, 0) for column in columns[:-1])
        totals.append(((key, NATIONAL), [(key, column) for column in columns[:-1]]))

    population_key = None
    for share in registry.shares():
        found: dict[object, dict] = {}
        for facility, group, n in _grouped(
            share.records(scope, start, end), share.facility, group=share.group
        ):
            found.setdefault(group, {})[facility] = n
        group_keys = []
        for value, label in share.groups():
            key = f"{share.key}:{value}"
            add_line(key, found.get(value, {}))
            lines.append({"key": key, "section": share.section, "label": label, "kind": "group"})
            group_keys.append(key)
        total_key = f"{share.key}:total"
        add_line(
            total_key,
            {column: sum(cells[(key, column)] for key in group_keys) for column in columns[:-1]},
        )
        lines.append(
            {
                "key": total_key,
                "section": share.section,
                "label": share.title,
                "kind": "total",
                "rules": share.rules,
            }
        )
        for column in columns:
            totals.append(((total_key, column), [(key, column) for key in group_keys]))
        if share.population:
            population_key = total_key
    for figure in registry.figures():
        records = figure.records(scope, start, end)
        if figure.viewer_filter is not None:
            records = figure.viewer_filter(records, user)
        found = dict(_grouped(records, figure.facility, distinct=figure.distinct))
        add_line(figure.key, found)
        lines.append(
            {
                "key": figure.key,
                "section": figure.section,
                "label": figure.label,
                "kind": "figure",
                "rules": figure.rules,
                "of": figure.of,
            }
        )
    hidden = protect(cells, totals, k)

    def shown(key, column):
        return None if (key, column) in hidden else cells[(key, column)]

    capacity = {f.pk: f.capacity for f in facilities}
    capacity[NATIONAL] = sum(capacity.values())
    sections = []
    for section, (title, rules) in registry.SECTIONS.items():
        rows = []
        for line in lines:
            if line["section"] != section:
                continue
            values = {column: shown(line["key"], column) for column in columns}
            rates = {}
            if line.get("of"):
                for column in columns:
                    n, of = values[column], shown(line["of"], column)
                    rates[column] = None if n is None or of is None else rate(n, of)
            rows.append({**line, "values": values, "rates": rates})
            if line["key"] == population_key:
                rows.append(
                    {
                        "key": "occupancy",
                        "label": _("Occupancy: women held per 100 places"),
                        "kind": "occupancy",
                        "rules": "67",
                        "values": {
                            column: None
                            if values[column] is None
                            else rate(values[column], capacity[column])
                            for column in columns
                        },
                        "rates": {},
                    }
                )
        sections.append({"key": section, "title": title, "rules": rules, "rows": rows})
    return {
        "year": year,
        "start": start,
        "end": end,
        "k": k,
        "method": method(k),
        "offences": OFFENCES_NOT_RECORDED,
        "facilities": facilities,
        "capacity": capacity,
        "sections": sections,
    }


def columns_of(report: dict, code: str = "") -> list[dict]:
    """The columns shown: one facility's, or every facility's and the national one; each row
    of the report is given its `cells` (value and rate) in that order."""
    facilities = report["facilities"]
    columns = [{"key": f.pk, "title": str(f), "code": f.code} for f in facilities]
    if code:
        columns = [column for column in columns if column["code"] == code]
    else:
        columns.append({"key": NATIONAL, "title": _("All your facilities"), "code": ""})
    for section in report["sections"]:
        for row in section["rows"]:
            row["cells"] = [
                {"value": row["values"][c["key"]], "rate": row["rates"].get(c["key"])}
                for c in columns
            ]
    return columns
