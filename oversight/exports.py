"""Every table of oversight as a file (Rules 25.3, 67-70): the same querysets, viewer filters
and facility scope as the page that shows it, so a download holds no row and no column the
page doesn't show the same viewer. Each table is one declaration in `TABLES`: a name and a
function `(user, key, period, params) -> Table | None` (None: no such table for her, a 404).
The page (`views.export`) and the API (`api.Export`) answer the same files.

A new table is one more entry: a table of dicts (the indicators, with their numerator,
denominator and rate) is declared as its columns over those dicts. A figure the page hides
(a rate of fewer than k women) is written as the page writes it, "fewer than k", its
numerator, denominator and rate left empty.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import batched

from django.utils.translation import gettext_lazy as _

from bangkok.exports import Column, Table

from . import attempts as refused
from . import counted, figures, registry
from . import indicators as shown_indicator
from . import reads as confidential
from .permissions import unnamed

# Rows looked up at once for a woman withheld (one query for each).
BATCH = 500


def _facility_code(facilities) -> str:
    codes = [f.code for f in facilities]
    return codes[0] if len(codes) == 1 else ""


def _table(key, title, columns, rows, period, **filters) -> Table:
    facilities, start, end = period
    code = _facility_code(facilities)
    return Table(
        key=key,
        title=title,
        columns=tuple(columns),
        rows=rows,
        facility=code,
        start=start,
        end=end,
        filters={
            "facility": code,
            "start": start.isoformat(),
            "end": end.isoformat(),
            **{name: value for name, value in filters.items() if value},
        },
    )


ROW_COLUMNS = (
    Column("when", _("When"), lambda row: row.when),
    Column("woman", _("Woman"), lambda row: row.woman.full_name if row.woman else ""),
    Column("number", _("Number"), lambda row: row.woman.prison_number if row.woman else ""),
    Column("what", _("What")),
)


def _unnamed(rows: Iterable) -> Iterator:
    """The rows as the page shows them: a woman withheld (a girl's sealed records, Havana
    r. 19) not named, her row still counted (`permissions.unnamed`)."""
    for batch in batched(rows, BATCH):
        yield from unnamed(list(batch))


def records(user, key, period, params) -> Table | None:
    item = registry.list_for(user, key)
    if item is None:
        return None
    found = registry.for_viewer(item, item.records(*period), user).order_by(*item.keyset)
    rows = _unnamed(item.row(record) for record in found)
    return _table(f"records-{key}", item.title, ROW_COLUMNS, rows, period)


def cases(user, key, period, params) -> Table | None:
    item = registry.zero_for(user, key)
    if item is None:
        return None
    found = registry.for_viewer(item, item.cases(*period), user).order_by(*item.keyset)
    rows = _unnamed(item.row(case) for case in found)
    return _table(f"must-be-zero-{key}", item.label, ROW_COLUMNS, rows, period)


def zeros(user, key, period, params) -> Table:
    found, _lists = registry.overview(user, *period, cases=False)
    columns = (
        Column("label", _("What must never happen"), lambda z: z["item"].label),
        Column("rule", _("Rule"), lambda z: z["item"].rule),
        Column("count", _("Cases")),
        Column("recorded", _("Of which recorded as breaches")),
        Column("refused", _("Attempts refused")),
    )
    return _table("must-be-zero", _("Counts that must be zero"), columns, found, period)


def lists(user, key, period, params) -> Table:
    _zeros, found = registry.overview(user, *period, cases=False)
    columns = (
        Column("title", _("Records"), lambda entry: entry["item"].title),
        Column("rules", _("Rules"), lambda entry: entry["item"].rules),
        Column("count", _("Number")),
    )
    return _table("records", _("Records in the period"), columns, found, period)


def attempts(user, key, period, params) -> Table | None:
    found = refused.under(user, key, period)
    if found is None:
        return None
    item, events = found
    rows = refused.shown(events.order_by(*registry.REFUSED_KEYSET))
    columns = (
        Column("at", _("When")),
        Column("what", _("What was tried")),
        Column("area", _("Area")),
        Column("role", _("Role")),
        Column("facility", _("Facility"), lambda a: a.facility.code if a.facility else ""),
    )
    return _table(f"refused-{key}", item.label, columns, rows, period)


def timeliness(user, key, period, params) -> Table:
    columns = (
        Column("title", _("Task")),
        Column("rule", _("Rule")),
        Column("due", _("Due")),
        Column("in_time", _("Done in time")),
        Column("late", _("Done late")),
        Column("late_by", _("Late by, on average")),
        Column("longest", _("Longest")),
        Column("overdue", _("Open past their time")),
        Column("cancelled", _("No longer needed")),
    )
    rows = counted.timeliness(*period, viewer=user)
    return _table("timeliness", _("Tasks the Rules set a deadline for"), columns, rows, period)


def breakdown(user, key, period, params) -> Table | None:
    """A table of counts by group, as suppressed on the page (a hidden cell is "*")."""
    item = next((i for i in registry.breakdowns_for(user) if i.key == key), None)
    if item is None:
        return None
    table = figures.breakdown(item, *period, user)
    columns = [
        Column("dimension", _("By")),
        Column("group", _("Group")),
        Column("population", _("Women")),
    ]
    for index, column in enumerate(table["columns"]):
        columns.append(Column(f"{column['key']}", column["title"], _count(index)))
        columns.append(
            Column(
                f"{column['key']}-rate",
                _("%(title)s (per 100)") % {"title": column["title"]},
                _rate(index),
            )
        )
    rows = []
    for dimension in table["dimensions"]:
        for row in [*dimension["rows"], {**dimension["total"], "group": _("All women")}]:
            rows.append(
                {
                    "dimension": dimension["title"],
                    "group": row["group"],
                    "population": _hidden(row["population"]),
                    "cells": row["cells"],
                }
            )
    return _table(f"breakdown-{key}", item.title, columns, rows, period)


def _hidden(value):
    return "*" if value is None else value


def _count(index):
    return lambda row: _hidden(row["cells"][index]["count"])


def _rate(index):
    def value(row):
        cell = row["cells"][index]
        return "*" if cell["count"] is None else cell["rate"]

    return value


def reads(user, key, period, params) -> Table | None:
    """Who read confidential records (the inspector's and the governor's check); `area`, as
    on the page, narrows it to one kind."""
    if not user.has_perm(confidential.READ_AUDIT):
        return None
    area = params.get("area", "")
    found = confidential.reads(user, *period, area).order_by(*confidential.READS_KEYSET)
    columns = (
        Column("at", _("When")),
        Column("who", _("Who")),
        Column("role", _("Role")),
        Column("what", _("What was read")),
        Column("records", _("Records shown")),
        Column("facility", _("Facility"), lambda r: r.facility.code if r.facility else ""),
    )
    rows = confidential.shown(found)
    return _table("reads", _("Reads of confidential records"), columns, rows, period, area=area)


def _rules(row) -> str:
    return row["rules"]


INDICATOR_COLUMNS = (
    Column("number", _("No.")),
    Column("title", _("Indicator")),
    Column("rules", _("Rules"), _rules),
)


def indicators(user, key, period, params) -> Table:
    """Each indicator as the indicators page shows it: this period's figure beside the period
    before's, a hidden one "fewer than k" with no number."""
    rows = [{**row, "text": _written(row, row)} for row in registry.compared(user, *period)]
    columns = (
        *INDICATOR_COLUMNS,
        Column("numerator", _("Numerator")),
        Column("denominator", _("Denominator")),
        Column("rate", _("Rate (per 100)")),
        Column("median", _("Median"), lambda row: row.get("median")),
        Column("measure", _("Measured in")),
        Column("text", _("This period")),
        Column("previous_numerator", _("Numerator, the period before"), _before("numerator")),
        Column("previous_denominator", _("Denominator, the period before"), _before("denominator")),
        Column("previous_rate", _("Rate, the period before (per 100)"), _before("rate")),
        Column("previous_median", _("Median, the period before"), _before("median")),
        Column(
            "previous_text",
            _("The period before"),
            lambda row: _written(row["previous"], row),
        ),
        Column("change", _("Change")),
    )
    return _table("indicators", _("Indicators"), columns, rows, period)


def _before(name):
    return lambda row: row["previous"].get(name)


def indicator_facilities(user, key, period, params) -> Table:
    """The indicators side by side for each of her facilities and in total, as the page shows
    them (a facility hidden beside the total is "fewer than k" there too)."""
    places, rows = registry.by_facility(user, *period)
    columns = [*INDICATOR_COLUMNS]
    for index, place in enumerate(places):
        columns.append(Column(f"facility-{place.code}", place.name, _facility_text(index)))
    columns.append(Column("total", _("Total"), lambda row: _written(row["total"], row)))
    return _table("indicators-by-facility", _("Indicators by facility"), columns, rows, period)


def _facility_text(index):
    return lambda row: _written(row["facilities"][index], row)


def _written(figure, row) -> str:
    return shown_indicator.text(figure, row["unit"], row["measure"])


# name -> (needs a key, the table)
TABLES: dict[str, tuple[bool, Callable]] = {
    "must-be-zero": (False, zeros),
    "indicators": (False, indicators),
    "indicators-by-facility": (False, indicator_facilities),
    "records": (False, lists),
    "timeliness": (False, timeliness),
    "reads": (False, reads),
    "list": (True, records),
    "cases": (True, cases),
    "refused": (True, attempts),
    "breakdown": (True, breakdown),
}


def table(user, name: str, key: str, period, params) -> Table | None:
    """The table `name` (with its `key` for a list, a count or a breakdown) as `user` sees it
    for the period, or None: no such table for her."""
    found = TABLES.get(name)
    if found is None or found[0] != bool(key):
        return None
    return found[1](user, key, period, params)
