"""A table downloaded as a file (Rules 67-70): CSV, ODS and XLSX, named for the table, facility
and period, safe against formula injection, audited with no row's content."""

import io
from datetime import date

import pytest
import tablib

from audit.models import AuditEvent
from bangkok.exports import Column, Table, download, filename, safe

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("text", ["=HYPERLINK(1)", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_a_cell_a_spreadsheet_would_run_is_written_as_text(text):
    assert safe(text) == "'" + text


def test_numbers_and_plain_text_are_kept():
    assert safe(-3) == -3 and safe("Malee") == "Malee" and safe(None) == ""
    assert safe(date(2026, 1, 2)) == "2026-01-02"


def table(rows):
    return Table(
        key="records-searches",
        title="Searches",
        columns=(Column("name", "Name"), Column("n", "Number")),
        rows=rows,
        facility="HMW",
        start=date(2026, 1, 1),
        end=date(2026, 12, 31),
        filters={"facility": "HMW"},
    )


def test_the_file_is_named_for_the_table_facility_and_period():
    assert filename(table([]), "xlsx") == "records-searches_hmw_2026-01-01_2026-12-31.xlsx"
    everywhere = Table(key="women", title="Women", columns=(), rows=[])
    assert filename(everywhere, "csv") == "women_all-facilities.csv"


@pytest.mark.rule("67")
@pytest.mark.parametrize("fmt", ["csv", "ods", "xlsx"])
def test_each_format_reads_back_and_the_download_is_audited_without_its_rows(fmt, cast):
    rows = [{"name": "=cmd|' /C calc'!A0", "n": 1}, {"name": "Malee Srisuk", "n": 2}]
    answer = download(table(rows), fmt, by=cast["inspector"])
    assert answer["Cache-Control"] == "no-store"
    assert "attachment" in answer["Content-Disposition"]
    body = answer.content
    if fmt == "csv":
        data = tablib.Dataset().load(body.decode("utf-8-sig"), format="csv")
    else:
        data = tablib.Dataset().load(io.BytesIO(body), format=fmt)
    assert data.headers == ["Name", "Number"]
    assert data[0][0] == "'=cmd|' /C calc'!A0"
    assert data[1][0] == "Malee Srisuk"
    event = AuditEvent.objects.get(action="table.exported")
    assert event.actor == cast["inspector"] and event.actor_role == "inspector"
    assert event.detail == {
        "table": "records-searches",
        "title": "Searches",
        "filters": {"facility": "HMW"},
        "format": fmt,
        "rows": 2,
    }
    assert "Malee" not in str(event.detail) and not event.disclosed


def test_no_audit_row_no_file(cast, monkeypatch):
    from audit import services

    def broken(**entry):
        raise services.AuditUnavailable("down")

    monkeypatch.setattr("audit.exports.record", broken)
    with pytest.raises(services.AuditUnavailable):
        download(table([{"name": "x", "n": 1}]), "csv", by=cast["inspector"])
