"""Oversight's figures counted ahead by the beat for the periods the pages ask most, and how
the pages read them (QUALITY.md P8: oversight answers within 100 ms at national scale).

What holds on a period's last day (a woman in custody, a child living with her mother) and
what is asked of the records as they are now can't be added up from daily counts
(`oversight.summaries`): counted live, a year across every facility takes a second or more a
page. The periods most pages ask are few and known in advance (`slots`): the last 30 days
(the period form's default) and the last year, each with the period of the same length just
before it (the indicators page sets them side by side), and the 12 months to today (an
indicator's trend). The beat counts them for every facility every OVERSIGHT_FIGURES_SECONDS
(`oversight.counted.refresh`, with the registry's own queries, every slot's row written over
in one statement): every indicator, and for the last 30 days and the last year the
overview's lists and counts that must be zero, the tasks' timeliness and its breakdowns.

A page that asks only such periods, for any of the facilities and anything its viewer may
see, reads them here while they were counted no longer than twice that ago, and says when
they were counted (`counted_each` for the indicators, `listed` for the overview's counts,
`breakdown`); any other period, or figures older than that (a beat missed), is counted live.
A facility's figures are its own whatever other facilities are asked with it (each counts
grouped by facility), so one count serves the governor of one facility and the inspector of
them all. Only counts are kept: of what some viewers may not see (a complaint naming one),
whole, read so only by a viewer hidden nothing of it, and counted for any other when she asks.

Any other period a page is asked for (an inspector preparing a visit asks for the days since
the last one, on every page of oversight) is counted live the first time and noted
(`asked`); within OVERSIGHT_ASKED_SECONDS the beat counts it too (`counted.refresh_asked`),
as it counts the last year, with the indicators of the period before it, and again at its
every count until OVERSIGHT_ASKED_HOURS after it was last asked, at most OVERSIGHT_ASKED_MOST
of them, the latest asked (`asked_periods`, `asked_slots`); the pages read it so. A page
looks for its period's row in one query whatever the period.
"""

import functools
import operator
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Case, F, JSONField, Q, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.fields.json import KeyTransform
from django.utils import timezone

from .forms import DEFAULT_DAYS
from .models import AskedPeriod, CountedFigures

# The lengths of the periods counted ahead, ending today: the form's default and a year.
WINDOWS = (DEFAULT_DAYS, 365)

type Period = tuple[date, date]


def slots(today: date) -> dict[str, Period]:
    """The periods counted ahead on `today`, by the name of their row."""
    from . import registry

    found: dict[str, Period] = {}
    for last, days in zip(counted_whole(today), WINDOWS, strict=True):
        found[f"last-{days}"] = last
        found[f"before-{days}"] = registry.previous_period(*last)
    for back, month in enumerate(reversed(registry.months(today))):
        found[f"month-{back}"] = month
    return found


def counted_whole(today: date) -> list[Period]:
    """Of the periods of `slots`, those the beat counts the overview of (the last 30 days and
    the last year, ending `today`); of the others, it counts the indicators only."""
    return [(today - timedelta(days=days - 1), today) for days in WINDOWS]


def fresh_since(now):
    """The oldest count still read at `now`: twice OVERSIGHT_FIGURES_SECONDS before (a count
    older than that means a beat was missed)."""
    return now - timedelta(seconds=2 * settings.OVERSIGHT_FIGURES_SECONDS)


ASKED = "asked-"
BEFORE = "-before"


def asked_slots(periods: list[Period], held: dict[str, Period]) -> dict[str, Period]:
    """The rows the beat writes the asked `periods` (at most OVERSIGHT_ASKED_MOST) into: a
    period in "asked-<n>" and the one before it (the indicators page sets them side by
    side) in "asked-<n>-before", written over like every slot's. A period stays in the row
    that holds it (`held`: {slot: its period}); one asked since takes a row whose period is
    no longer asked."""
    from . import registry

    numbered = [f"{ASKED}{number}" for number in range(settings.OVERSIGHT_ASKED_MOST)]
    placed: dict[str, Period] = {}
    for slot in numbered:
        if held.get(slot) in periods and held[slot] not in placed.values():
            placed[slot] = held[slot]
    free = [slot for slot in numbered if slot not in placed]
    for period in periods:
        if period not in placed.values() and free:
            placed[free.pop(0)] = period
    found: dict[str, Period] = {}
    for slot, period in placed.items():
        found[slot] = period
        found[slot + BEFORE] = registry.previous_period(*period)
    return found


def asked(start: date, end: date) -> None:
    """Note that a page was asked for the period, unless the beat counts its overview anyway
    (a month, whose indicators it counts, is noted: one statement; which period, not who
    asked; the note is kept, its time of asking written over)."""
    if (start, end) in counted_whole(timezone.localdate()):
        return
    AskedPeriod.objects.bulk_create(
        [AskedPeriod(start=start, end=end, asked_at=timezone.now())],
        update_conflicts=True,
        unique_fields=["start", "end"],
        update_fields=["asked_at"],
    )


def asked_periods(now) -> list[Period]:
    """The periods asked within OVERSIGHT_ASKED_HOURS before `now` that the beat counts (as
    well as `slots`): the latest asked, at most OVERSIGHT_ASKED_MOST."""
    since = now - timedelta(hours=settings.OVERSIGHT_ASKED_HOURS)
    latest = AskedPeriod.objects.filter(asked_at__gte=since).order_by("-asked_at")
    return [(row.start, row.end) for row in latest[: settings.OVERSIGHT_ASKED_MOST]]


def as_kept(value):
    """A facility's figure as JSON keeps it: a pair as a list, a median's values by text."""
    if isinstance(value, dict):
        return {str(measured): times for measured, times in value.items()}
    return list(value)


def _read(value):
    if isinstance(value, dict):
        return {int(measured): times for measured, times in value.items()}
    return tuple(value)


# A part kept by facility ({facility id: part}) is kept whole beside it too, under this
# prefix: {"facilities": [the ids of every facility counted], "part": the part of them all}.
WHOLE = "whole:"
# How a part read whole is given, as if it were one facility's.
EVERY = "*"


def kept(name: str, by_facility: dict, whole, everywhere: set[str]) -> dict[str, dict]:
    """A table as the beat keeps it: by facility under `name` and, if given, `whole` (every
    facility's together) under WHOLE + name with the facilities it counted."""
    found = {name: by_facility}
    if whole is not None:
        found[WHOLE + name] = {"facilities": sorted(everywhere), "part": whole}
    return found


def counted_row(start: date, end: date, field: str, key: str = "", facilities=None) -> dict | None:
    """The fresh row of the period (the last 30 days, the last year, or a period asked),
    else None (`field`, or only its `key`, read: `_fresh_rows`; of a `key` kept by facility,
    only the `facilities`' part, if given)."""
    return _fresh_rows([(start, end)], field, key, facilities).get((start, end))


def breakdown(item, facilities, start: date, end: date, viewer, seen: dict | None = None):
    """A table of counts by group (`registry.Breakdown`) for the viewer: for the last 30 days,
    the last year or a period asked, from the beat's count, read by the item with what the
    viewer may not know of counted for her now, while it is fresh; for a period ending the day
    one of those ends, that one's count with the records dated on the days between the two
    first days counted now, added or taken off (`near_row`, the item's `dated`; counted now
    whole where a count would go below none); else counted now."""
    name = f"breakdown:{item.key}"
    row = counted_row(start, end, "tables", name, facilities) if item.ahead else None
    days = None
    if (row is None or row["tables"] is None) and item.ahead and item.dated:
        row, days = near_row(start, end, name, facilities) or (None, None)
    if row is None or row["tables"] is None:
        return item.table(facilities, start, end, viewer)
    parts = list(row["tables"].values())
    if days is not None:
        parts += list(item.dated(facilities, *days).values())
    table = item.read(parts, facilities, start, end, viewer)
    if table is None:
        return item.table(facilities, start, end, viewer)
    if seen is not None:
        seen["counted_at"] = row["counted_at"]
    return table


def _fresh_rows(
    periods: list[Period], field: str, key: str = "", facilities=None
) -> dict[Period, dict]:
    """The rows of `periods` counted no longer than twice OVERSIGHT_FIGURES_SECONDS ago, with
    their `field` (only its `key`, if given, as `field`: None when the row lacks it; of a key
    kept by facility, only the `facilities`' part, if given, so that no more is read)."""
    fresh = fresh_since(timezone.now())
    rows = CountedFigures.objects.filter(
        counted_at__gte=fresh,
        start__in={start for start, _end in periods},
        end__in={end for _start, end in periods},
    )
    ids = sorted(ids_of(facilities)) if key and facilities is not None else []
    if key and facilities is not None:
        # The facilities' part of the key: kept whole, when they are every facility counted
        # (an inspectorate's: a year's breakdown of 120 facilities is a megabyte of JSON),
        # as {EVERY: the part}; else picked in the database when they are fewer than half of
        # those counted (a governor's one: decoding every facility's part cost her page a
        # third of its CPU), else read whole (picking most of them costs the database more
        # than decoding them all). The column is the model's own, every value a parameter;
        # `OFFSET 0` reads the keys once, not once a facility.
        column = f'"{CountedFigures._meta.db_table}"."{field}"'
        part = RawSQL(  # noqa: S611
            "(SELECT CASE WHEN t IS NULL THEN NULL"  # noqa: S608
            " WHEN w -> 'facilities' <@ to_jsonb(%s::text[])"
            " THEN jsonb_build_object(%s, w -> 'part')"
            " WHEN cardinality(%s::text[]) * 2 >= (SELECT count(*) FROM jsonb_object_keys(t))"
            " THEN t ELSE COALESCE((SELECT jsonb_object_agg(k, t -> k)"
            " FROM unnest(%s::text[]) u(k) WHERE t ? k), '{}') END"
            f" FROM (SELECT {column} -> %s AS t, {column} -> %s AS w OFFSET 0) part)",
            (ids, EVERY, ids, ids, key, WHOLE + key),
            output_field=JSONField(),
        )
        rows = rows.annotate(part=part)
    elif key:
        rows = rows.annotate(part=KeyTransform(key, field))
    found, wanted = {}, set(ids)
    for row in _latest_last(rows).values("start", "end", "counted_at", "part" if key else field):
        if key:
            row[field] = part = row.pop("part")
            if facilities is not None and part is not None and EVERY not in part:
                row[field] = {place: of for place, of in part.items() if place in wanted}
        found[(row["start"], row["end"])] = row
    return found


def _latest_last(rows):
    """The rows ordered as read, each written over by the next of the same period: the latest
    counted last, and of two counted at once a period asked's row (a month asked is in its own
    row too, with its indicators only): a period asked may also still be in the row it was
    counted in before, beside the one it is counted in now."""
    asked_last = Case(When(slot__startswith=ASKED, then=Value(1)), default=Value(0))
    return rows.order_by("counted_at", asked_last)


def ids_of(facilities) -> set[str]:
    """The facilities' ids as the rows keep them."""
    if hasattr(facilities, "values_list"):
        facilities = facilities.values_list("pk", flat=True)
    return {str(getattr(place, "pk", place)) for place in facilities}


def listed(names: list[str], facilities, start: date, end: date, seen: dict | None = None):
    """{name ("list:<key>", "zero:<key>"): how many in the `facilities`} for the overview's
    lists and counts that must be zero `names`, as the beat counted them, when the period is
    the last 30 days, the last year or a period asked, counted no longer than twice
    OVERSIGHT_FIGURES_SECONDS ago with each name among them; else None (count them live).
    `seen`, if given, is told when they were counted."""
    row = counted_row(start, end, "listed")
    if row is None or not set(names) <= row["listed"].keys():
        return None
    ids = ids_of(facilities)
    if seen is not None:
        seen["counted_at"] = row["counted_at"]
    return {
        name: sum(n for facility, n in row["listed"][name].items() if facility in ids)
        for name in names
    }


@dataclass(frozen=True)
class Near:
    """The overview's counts of a period counted ahead that ends the day a period asked
    ends (`near`): its first day, how many days apart the two first days are, and {name: how
    many in the facilities asked}."""

    start: date
    apart: int
    counts: dict[str, int]


def _nearest(start: date, end: date, holding: Q):
    """The rows no longer than twice OVERSIGHT_FIGURES_SECONDS old of the periods counted
    ahead that end on `end` and hold `holding`, the one whose first day is nearest `start`
    first (`apart`: how many days apart), the latest counted of two as near."""
    column = f'"{CountedFigures._meta.db_table}"."start"'  # the model's own; the day a parameter
    return (
        CountedFigures.objects.filter(holding, counted_at__gte=fresh_since(timezone.now()), end=end)
        .annotate(apart=RawSQL(f"abs({column} - %s)", (start,)))  # noqa: S611
        .order_by("apart", "-counted_at")
    )


def near(names: list[str], facilities, start: date, end: date, seen: dict | None = None):
    """Of the periods whose lists and counts the beat counted ahead (the last 30 days, the
    last year, the periods asked) no longer than twice OVERSIGHT_FIGURES_SECONDS ago, the one
    that ends on `end` and whose first day is nearest `start`, with the counts `names` (the
    items that declare `dated`, `until` or `whatever_start`) of the `facilities`: a `Near`,
    or None (none such, or no name). One query. `seen`, if given, is told when it was
    counted.

    What holds at the end whatever the first day is the same for both periods, and what is
    dated in the period (or held on any day of it) differs by the records dated on (or ended
    on) the days between the two first days alone (`between`): counting those few days
    (the page asks the days since an inspection, a year back less a few days or more) costs
    a fraction of counting the whole period (a year across every facility: half a second of
    PostgreSQL's time)."""
    if not names:
        return None
    row = (
        _nearest(start, end, Q(listed__has_keys=names))
        .values("start", "apart", "counted_at", "listed")
        .first()
    )
    return _near_of(row, names, facilities, seen)


def latest(names: list[str], facilities, start: date, seen: dict | None = None):
    """The counts `names` (the items that declare `now`: what they count holds now, whatever
    the period) of the `facilities` as the beat counted them last, for whatever period, no
    longer than twice OVERSIGHT_FIGURES_SECONDS ago: a `Near` of the period asked (its first
    day `start`: no days between), or None (none such, or no name). One query. `seen`, if
    given, is told when it was counted."""
    if not names:
        return None
    row = (
        CountedFigures.objects.filter(
            listed__has_keys=names, counted_at__gte=fresh_since(timezone.now())
        )
        .order_by("-counted_at")
        .values("counted_at", "listed")
        .first()
    )
    return _near_of(row and {**row, "start": start, "apart": 0}, names, facilities, seen)


def _near_of(row: dict | None, names: list[str], facilities, seen: dict | None) -> Near | None:
    """A row's counts `names` of the `facilities`, as a `Near` (None if no row)."""
    if row is None:
        return None
    if seen is not None:
        seen["counted_at"] = row["counted_at"]
    ids = ids_of(facilities)
    return Near(
        start=row["start"],
        apart=row["apart"],
        counts={
            name: sum(n for facility, n in row["listed"][name].items() if facility in ids)
            for name in names
        },
    )


def near_row(start: date, end: date, key: str, facilities) -> tuple[dict, tuple] | None:
    """For a table (`key` of `tables`: the timeliness, a breakdown) of a period not counted
    ahead: the row of the period counted ahead that ends on `end` whose first day is nearest
    `start`, read as `counted_row` reads it, and the days to count now (`between`), when they
    are fewer than the period's; else None. Two queries."""
    found = _nearest(start, end, Q(tables__has_key=key)).values("start", "apart").first()
    if found is None or found["apart"] >= (end - start).days + 1:
        return None
    row = counted_row(found["start"], end, "tables", key, facilities)
    if row is None or row["tables"] is None:
        return None
    return row, between(start, found["start"])


def counted_each(
    keys: list[str], present: list[str], facilities, periods: list[Period], seen: dict | None
) -> tuple[dict[str, dict], list[bool | None]]:
    """The indicators `keys` of the `facilities` as the beat counted them no longer than twice
    OVERSIGHT_FIGURES_SECONDS ago, for each of `periods` that it can ({key: its
    `registry.Counts`}, each period at its index), and for each period how: True, all of
    them from the period's own row; False, of those over what holds on a period's last day
    (`present`, `registry.present`: nothing else of the period counts) only, from the latest
    row of a period ending the same day, whatever its first day; None, none. One query (a
    period's own row read whole, of the others only which end when), and one more for those
    indicators alone when a period not counted ahead ends the day one counted ahead does.
    `seen`, if given, is told when the oldest count read was made."""
    found: dict[str, dict] = {key: {} for key in keys}
    if not keys:
        return found, [None for _period in periods]
    fresh = CountedFigures.objects.filter(counted_at__gte=fresh_since(timezone.now()))
    own = functools.reduce(operator.or_, (Q(start=start, end=end) for start, end in periods))
    whole: dict[Period, dict] = {}
    ends = set()
    for row in _latest_last(fresh.filter(end__in={end for _start, end in periods})).values(
        "start",
        "end",
        "counted_at",
        part=Case(When(own, then=F("counts")), output_field=JSONField()),
    ):
        ends.add(row["end"])
        if row["part"] is not None and set(keys) <= row["part"].keys():
            whole[(row["start"], row["end"])] = row
    ending: dict[date, dict] = {}
    ends &= {end for start, end in periods if (start, end) not in whole}
    if ends and present:
        column = f'"{CountedFigures._meta.db_table}"."counts"'  # the model's own; keys params
        only_present = RawSQL(  # noqa: S611
            f"(SELECT jsonb_object_agg(k, v) FROM jsonb_each({column}) AS e(k, v)"  # noqa: S608
            " WHERE k = ANY(%s::text[]))",
            (present,),
            output_field=JSONField(),
        )
        for row in _latest_last(fresh.filter(end__in=ends)).values(
            "end", "counted_at", part=only_present
        ):
            if row["part"] is not None and set(present) <= row["part"].keys():
                ending[row["end"]] = row
    ids = None
    how: list[bool | None] = []
    for index, period in enumerate(periods):
        row, all_of_it = whole.get(period), True
        if row is None:
            row, all_of_it = ending.get(period[1]), False
        if row is None:
            how.append(None)
            continue
        how.append(all_of_it)
        ids = ids_of(facilities) if ids is None else ids
        if seen is not None:
            seen["counted_at"] = min(row["counted_at"], seen.get("counted_at", row["counted_at"]))
        for key in keys if all_of_it else present:
            found[key].update(
                ((index, int(facility)), _read(value))
                for facility, value in row["part"][key].items()
                if facility in ids
            )
    return found, how


def between(start: date, counted_start: date) -> tuple[date, date, int]:
    """The days between the first day of a period asked and that of one counted ahead ending
    the same day (both included), and whether their records are added to the count (1: the
    period asked begins before) or taken off it (-1)."""
    if counted_start > start:
        return start, counted_start - timedelta(days=1), 1
    return counted_start, start - timedelta(days=1), -1
