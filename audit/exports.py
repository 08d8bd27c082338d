"""Tables downloaded as files, kept in the audit trail (Rules 67-70): who took which table out
of the system, with which filters, in which format and how many rows; never the rows. Written
in the request's transaction before the file is answered (`bangkok.signals.exported`)."""

from .services import record

EXPORTED = "table.exported"


def record_export(sender, by, table, title, filters, format, rows, facility=None, **kwargs) -> None:
    record(
        by=by,
        action=EXPORTED,
        facility=facility,
        detail={"table": table, "title": title, "filters": filters, "format": format, "rows": rows},
    )
