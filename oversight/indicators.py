"""The indicators as the oversight pages and API show them (RULES-SPEC 3; Rules 25.3, 67-70):
each figure written for the reader, the charts' marks, and the period's facilities. The
figures themselves are `registry`'s."""

from datetime import date

from django.utils.formats import date_format

from . import charts, registry


def text(figure: dict, unit: str, measure: str = "") -> str:
    """A figure as the tables write it: "42.5 % (17 of 40)", "fewer than 5", "3"."""
    return registry.written(figure, unit, measure)


def value(figure: dict, unit: str) -> float | None:
    """What the chart draws: the rate (per 100, or per 100 women a month), the count, or the
    median; None if hidden or nothing to show."""
    if unit == registry.MEDIAN:
        return figure["median"]
    return figure["numerator"] if unit == registry.COUNT else figure["rate"]


def month_label(first: date) -> str:
    return date_format(first, "M")


def with_texts(row: dict) -> dict:
    """An indicator's row of `registry.compared` with its figures written."""
    shown = {**row, "text": text(row, row["unit"], row["measure"])}
    if "previous" in row:
        shown["previous_text"] = text(row["previous"], row["unit"], row["measure"])
    return shown


def trend_chart(row: dict) -> dict:
    rate = row["unit"] == registry.RATE
    points = [
        (
            month_label(month["start"]),
            value(month, row["unit"]),
            text(month, row["unit"], row["measure"]),
        )
        for month in row["months"]
    ]
    return charts.columns(points, target=row["target"], rate=rate)


def facilities_chart(places, row: dict) -> dict:
    rate = row["unit"] == registry.RATE
    points = [
        (place.name, value(figure, row["unit"]), text(figure, row["unit"], row["measure"]))
        for place, figure in zip(places, row["facilities"], strict=True)
    ]
    return charts.bars(points, target=row["target"], rate=rate)
