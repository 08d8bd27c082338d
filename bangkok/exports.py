"""A table downloaded as a file (Rules 67-70): CSV, OpenDocument or Excel, made by tablib.

A table is declared once, as columns and rows (`Table`); the page or the API that shows it
builds it from the same querysets, viewer filters and facility scope it shows, so a download
never holds more rows or columns than the page shows the same viewer. `download` answers the
file and sends `bangkok.signals.exported` first, whose receiver (the audit trail) writes who
took which table with which filters, in which format and how many rows, in the request's
transaction: if that row can't be written, nothing is downloaded.

A cell a spreadsheet would run as a formula (one beginning with = + - @, a tab or a carriage
return) is written with an apostrophe before it, so it is read as the text it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

import tablib
from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify

from .signals import exported

# format -> (content type, file extension)
FORMATS = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", "ods"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
}
FORMAT_CHOICES = [("csv", "CSV"), ("ods", "OpenDocument (ODS)"), ("xlsx", "Excel (XLSX)")]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    # (row) -> the cell; by default the row's `key` (a dict's item or an object's attribute).
    value: Callable | None = None


@dataclass(frozen=True)
class Table:
    """What is downloaded: a name for the file (`key`), a title (the sheet's), its columns
    and its rows (dicts or objects), and the facility and period it covers."""

    key: str
    title: str
    columns: tuple[Column, ...]
    rows: Iterable
    facility: str = ""  # a facility's code, or "" for every facility of the viewer
    start: date | None = None
    end: date | None = None
    filters: Mapping[str, str] = field(default_factory=dict)


def safe(value):
    """A cell as written to the file: numbers stay numbers, a moment is written in the local
    time, and text a spreadsheet would run as a formula is prefixed with an apostrophe."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float | Decimal):
        return value
    if isinstance(value, datetime):
        return (
            timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
            if timezone.is_aware(value)
            else value.strftime("%Y-%m-%d %H:%M")
        )
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def cell(row, column: Column):
    if column.value is not None:
        return column.value(row)
    if isinstance(row, Mapping):
        return row.get(column.key)
    return getattr(row, column.key, None)


def filename(table: Table, fmt: str) -> str:
    """The table, the facility (or "all-facilities") and the period, e.g.
    `segregations_HMW_2026-01-01_2026-12-31.xlsx`."""
    parts = [slugify(table.key) or "table", slugify(table.facility) or "all-facilities"]
    if table.start and table.end:
        parts += [table.start.isoformat(), table.end.isoformat()]
    name = "_".join(parts)
    return f"{re.sub(r'[^A-Za-z0-9_.-]', '', name)}.{FORMATS[fmt][1]}"


def dataset(table: Table) -> tablib.Dataset:
    data = tablib.Dataset(headers=[str(column.title) for column in table.columns])
    data.title = str(table.title)[:31]  # a sheet's name is at most 31 characters
    for row in table.rows:
        data.append([safe(cell(row, column)) for column in table.columns])
    return data


def download(table: Table, fmt: str, *, by, facility=None) -> HttpResponse:
    """The table as a file in `fmt` (one of `FORMATS`), audited before it is answered."""
    data = dataset(table)
    exported.send(
        sender=Table,
        by=by,
        table=table.key,
        title=str(table.title),
        filters={key: str(value) for key, value in table.filters.items()},
        format=fmt,
        rows=data.height,
        facility=facility,
    )
    body = data.export(fmt)
    if isinstance(body, str):
        body = ("\ufeff" + body).encode("utf-8")  # a BOM, so spreadsheets read UTF-8
    content_type, _extension = FORMATS[fmt]
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename(table, fmt)}"'
    response["Cache-Control"] = "no-store"
    return response


class FileNegotiation:
    """The API's content negotiation for a view that answers a file: `format` names the file's
    format (not a renderer), and an error is answered as JSON like everywhere else."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type
