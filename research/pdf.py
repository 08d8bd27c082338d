"""The annual statistics as a PDF (Rules 67-70), made with reportlab in pure Python: the same
suppressed figures as the page, the method stated on it."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle


def _cell(value, rate=None) -> str:
    if value is None:
        return "*"
    return f"{value} ({rate})" if rate is not None else str(value)


def render(report: dict, columns: list[dict], title: str) -> bytes:
    styles = getSampleStyleSheet()
    small = styles["BodyText"].clone("small", fontSize=8, leading=10)
    out = io.BytesIO()
    document = SimpleDocTemplate(
        out,
        pagesize=landscape(A4),
        title=title,
        author=_("Bangkok case management"),
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
    )
    story = [
        Paragraph(escape(title), styles["Title"]),
        Paragraph(
            escape(
                _("From %(start)s to %(end)s.")
                % {"start": report["start"].isoformat(), "end": report["end"].isoformat()}
            ),
            styles["BodyText"],
        ),
        Spacer(1, 4 * mm),
    ]
    for section in report["sections"]:
        if not section["rows"]:
            continue
        story.append(
            Paragraph(
                escape(f"{section['title']} ({_('Rules')} {section['rules']})"),
                styles["Heading2"],
            )
        )
        data = [[_("Figure"), _("Rules")] + [Paragraph(escape(c["title"]), small) for c in columns]]
        for row in section["rows"]:
            data.append(
                [Paragraph(escape(str(row["label"])), small), row.get("rules", "")]
                + [_cell(row["values"][c["key"]], row["rates"].get(c["key"])) for c in columns]
            )
        width = 90 * mm
        rest = (document.width - width - 25 * mm) / max(len(columns), 1)
        table = Table(data, colWidths=[width, 25 * mm] + [rest] * len(columns), repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("FONTSIZE", (0, 0), (-1, -1), 8),
                    ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f3f2f1")),
                    ("ALIGN", (2, 1), (-1, -1), "RIGHT"),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story.append(table)
    story += [
        Spacer(1, 4 * mm),
        Paragraph(escape(str(report["offences"])), styles["BodyText"]),
        Paragraph(escape(_("Method")), styles["Heading2"]),
        Paragraph(escape(report["method"]), styles["BodyText"]),
    ]
    document.build(story)
    return out.getvalue()
