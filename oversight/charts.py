"""Charts of the indicators drawn by the server as SVG (no script): a column a month for a
trend, a bar a facility for a comparison. Each chart is an image with its title and a
description (`role="img"`, `<title>`, `<desc>`); its values are also in the table beside it,
which is what a screen reader reads. The drawing scales to the width of the page, a phone's
included (a `viewBox`, no fixed width)."""

from dataclasses import dataclass

WIDTH = 320
AXIS = 30  # room on the left for the scale
HEIGHT = 150
LABELS = 26  # room below for the months
BAR = 16  # a facility's bar
ROW = 38  # a facility's row: its name above its bar


@dataclass(frozen=True)
class Mark:
    label: str
    value: float | None  # None: hidden (small numbers) or nothing to show
    text: str  # the value as written in the table
    x: float = 0
    y: float = 0
    width: float = 0
    height: float = 0
    label_x: float = 0
    label_y: float = 0


def _top(values: list[float], target: float | None, rate: bool) -> float:
    top = max([*values, target or 0, 100 if rate else 1])
    return top if top > 0 else 1


def columns(points: list[tuple[str, float | None, str]], *, target, rate: bool) -> dict:
    """A column for each point (a month), from the bottom; `target` a line across."""
    plot = HEIGHT - LABELS
    top = _top([v for _l, v, _t in points if v is not None], target, rate)
    step = (WIDTH - AXIS) / max(len(points), 1)
    marks = []
    for index, (label, value, text) in enumerate(points):
        height = 0 if value is None else plot * value / top
        x = AXIS + index * step
        marks.append(
            Mark(
                label,
                value,
                text,
                x=round(x + step * 0.15, 1),
                y=round(plot - height, 1),
                width=round(step * 0.7, 1),
                height=round(height, 1),
                label_x=round(x + step / 2, 1),
                label_y=HEIGHT - LABELS / 2,
            )
        )
    return {
        "kind": "columns",
        "width": WIDTH,
        "height": HEIGHT,
        "axis": AXIS,
        "plot": plot,
        "marks": marks,
        "top": _written(top, rate),
        "target": None if target is None else round(plot - plot * target / top, 1),
        "target_text": None if target is None else _written(target, rate),
    }


def bars(points: list[tuple[str, float | None, str]], *, target, rate: bool) -> dict:
    """A bar for each point (a facility), from the left, its name above it."""
    span = WIDTH - 2
    top = _top([v for _l, v, _t in points if v is not None], target, rate)
    marks = []
    for index, (label, value, text) in enumerate(points):
        y = index * ROW
        width = 0 if value is None else span * value / top
        marks.append(
            Mark(
                label,
                value,
                text,
                x=1,
                y=y + ROW - BAR - 4,
                width=round(width, 1),
                height=BAR,
                label_x=1,
                label_y=y + 12,
            )
        )
    return {
        "kind": "bars",
        "width": WIDTH,
        "height": max(len(points), 1) * ROW,
        "marks": marks,
        "top": _written(top, rate),
        "target": None if target is None else round(1 + span * target / top, 1),
        "target_text": None if target is None else _written(target, rate),
    }


def _written(value: float, rate: bool) -> str:
    number = f"{value:g}"
    return f"{number} %" if rate else number
