"""What the beat counts ahead for oversight's most asked periods (`oversight.figures` says
which, how they are kept and how the pages read them): every indicator, and for the last 30
days, the last year and the periods asked lately the overview's lists and counts that must
be zero, its tasks' timeliness and its breakdowns, of every facility (`refresh`, every
OVERSIGHT_FIGURES_SECONDS and by `manage.py oversight_summaries`; a period newly asked within
OVERSIGHT_ASKED_SECONDS, `refresh_asked`); and the tasks' timeliness read from it, with what a
viewer sees otherwise counted now (`timeliness`). Kept apart from `oversight.figures`, which
the registry reads, since it reads the areas' records (the tasks) the registry may not."""

import zlib
from datetime import date, datetime, timedelta

from django.db import connection, transaction
from django.utils import timezone

from bangkok.counting import sizes_by
from reminders.services import (
    TIMELINESS_COUNTS,
    due_in,
    hidden_from_someone,
    timeliness_added,
    timeliness_sums,
)
from reminders.services import timeliness as counted_now

from . import summaries
from .figures import (
    ASKED,
    BEFORE,
    as_kept,
    asked_periods,
    asked_slots,
    counted_row,
    counted_whole,
    fresh_since,
    ids_of,
    kept,
    near_row,
    slots,
)
from .models import CountedFigures
from .summaries import every_facility


def _listed(start: date, end: date) -> dict[str, dict[str, int]]:
    """The overview's lists and counts that must be zero (those counted for every viewer
    alike, `registry.counted_alike`: whole) of every facility for the period: {"list:<key>"
    or "zero:<key>": {facility id: how many}}.
    The days counted ahead are added up (`summaries.ahead`), the rest counted in one
    statement grouped by each item's facility (`bangkok.counting.sizes_by`)."""
    from . import registry

    everywhere = every_facility()
    items = {
        f"{kind}:{item.key}": item
        for kind, declared in (("zero", registry._ZEROS), ("list", registry._LISTS))
        for item in declared.values()
        if registry.counted_alike(item)
    }
    ahead = summaries.ahead([*items.values()], everywhere, start, end, by_facility=True)
    added: dict[str, dict] = {}
    live = {}
    for name, item in items.items():
        if item.key in ahead:
            added[name], rest = ahead[item.key]
        else:
            rest = registry.counter_of(item)(everywhere, start, end)
        if rest is not None:
            live[name] = (rest, item.facility)
    counted = sizes_by(live)
    found: dict[str, dict[str, int]] = {}
    for name in items:
        each = dict(added.get(name, {}))
        for facility, n in counted.get(name, {}).items():
            each[facility] = each.get(facility, 0) + n
        found[name] = {str(facility): n for facility, n in each.items() if n}
    return found


# How many of the longest delays of each kind of task the beat keeps with the days the tasks
# were due (`timeliness_sums`' `slowest`): the longest of a period that begins later than the
# one counted is among them unless all were due before it.
SLOWEST = 10


def _timeliness(start: date, end: date, now: datetime) -> tuple[dict[str, list[dict]], list]:
    """The timeliness sums of the tasks of the period hidden from no one, of each facility
    and of them all: ({facility id: [sums of a kind of task]}, [sums of every facility's]),
    durations in seconds, days as ISO dates (two queries)."""
    tasks = due_in(every_facility(), start, end).exclude(hidden_from_someone())
    found: dict[str, list[dict]] = {}
    for sums in timeliness_sums(tasks, now, "facility", slowest=SLOWEST):
        found.setdefault(str(sums.pop("facility")), []).append(_as_kept(sums))
    return found, [_as_kept(sums) for sums in timeliness_sums(tasks, now, slowest=SLOWEST)]


def _as_kept(sums: dict) -> dict:
    for name in ("late_total", "longest"):
        sums[name] = None if sums[name] is None else sums[name].total_seconds()
    sums["slowest_by"] = [late.total_seconds() for late in sums["slowest_by"] or []]
    sums["slowest_on"] = [day.isoformat() for day in sums["slowest_on"] or []]
    return sums


def _as_read(sums: dict) -> dict:
    """A kind's sums as the beat kept them (`_as_kept`), durations as lengths of time."""
    return {
        **sums,
        **{
            name: None if sums[name] is None else timedelta(seconds=sums[name])
            for name in ("late_total", "longest")
        },
    }


def timeliness(facilities, start: date, end: date, *, viewer, seen: dict | None = None):
    """The overview's timeliness of the tasks a Rule's deadline sets (as
    `reminders.services.timeliness`): for the last 30 days, the last year or a period asked,
    the beat's count of the tasks hidden from no one while it is fresh, with the tasks hidden
    from someone but not from `viewer` counted now (a task about a report that names her is
    never counted for her); for a period ending the day one of those ends, that one's count,
    the tasks due on the days between the two first days counted now and added or taken off
    (`figures.near_row`), the longest delay of what is left found among the longest the beat
    kept (`SLOWEST`; counted now whole where none of them is left, or where a figure would
    go below none); else counted now. `seen`, if given, is told when they were counted."""
    row, days = counted_row(start, end, "tables", "timeliness", facilities), None
    if row is None or row["tables"] is None:
        row, days = near_row(start, end, "timeliness", facilities) or (None, None)
    if row is None or row["tables"] is None:
        return counted_now(facilities, start, end, viewer=viewer)
    parts = [_as_read(sums) for each in row["tables"].values() for sums in each]
    if days is not None and days[2] < 0:
        parts = [_left(sums, days[1] + timedelta(days=1)) for sums in parts]
        if None in parts:
            return counted_now(facilities, start, end, viewer=viewer)
    now = timezone.now()
    hidden = due_in(facilities, start, end).filter(hidden_from_someone())
    parts += timeliness_sums(hidden.exclude(hidden_from=viewer), now)
    if days is not None:
        first, last, sign = days
        tasks = due_in(facilities, first, last).exclude(hidden_from_someone())
        between = timeliness_sums(tasks, now)
        parts += between if sign > 0 else [_taken(sums) for sums in between]
    added = timeliness_added(parts)
    if any(_below_none(row) for row in added):
        return counted_now(facilities, start, end, viewer=viewer)
    if seen is not None:
        seen["counted_at"] = row["counted_at"]
    return added


def _left(sums: dict, since: date) -> dict | None:
    """A kind's sums with the longest delay of its tasks due on `since` or later: the first of
    the longest kept (`SLOWEST`, longest first) due then; none if none of them is and they
    are all its late tasks; None (unknown) if its late tasks are more than those kept, all
    due before, or it kept none (a count made before it kept them)."""
    if "slowest_by" not in sums:
        return None
    kept = zip(sums["slowest_by"], sums["slowest_on"], strict=True)
    left = [late for late, day in kept if date.fromisoformat(day) >= since]
    if not left and sums["late"] > len(sums["slowest_by"]):
        return None
    return {**sums, "longest": timedelta(seconds=left[0]) if left else None}


def _taken(sums: dict) -> dict:
    """Sums to take off others (`timeliness_added` adds them): every count and the total
    delay negative, no longest."""
    return {
        **sums,
        **{name: -sums[name] for name in TIMELINESS_COUNTS},
        "late_total": None if sums["late_total"] is None else -sums["late_total"],
        "longest": None,
    }


def _below_none(row: dict) -> bool:
    """Whether a kind's figures went below none (what was made on the days taken off since
    the count was taken off too)."""
    return any(row[name] < 0 for name in TIMELINESS_COUNTS) or (
        row["late_by"] is not None and row["late_by"] < timedelta(0)
    )


def _counts_something(value) -> bool:
    """Whether a facility's figure is worth keeping: a pair other than (0, 0), a median's
    values if any (a value of 0 km is one)."""
    return bool(value) if isinstance(value, dict) else any(value)


def _tables(start: date, end: date, now: datetime) -> dict[str, dict]:
    """The tasks' timeliness and the breakdowns of the period, each kept by facility and
    whole (`figures.kept`)."""
    from . import registry

    everywhere = ids_of(every_facility())
    by_facility, whole = _timeliness(start, end, now)
    tables = kept("timeliness", by_facility, whole, everywhere)
    for item in registry._BREAKDOWNS.values():
        if item.ahead:
            parts = item.ahead(every_facility(), start, end)
            whole = item.whole([*parts.values()]) if item.whole else None
            tables |= kept(f"breakdown:{item.key}", parts, whole, everywhere)
    return tables


def refresh(now: datetime | None = None) -> int:
    """The beat's run: every indicator of every facility for each period of `slots`, and for
    the last 30 days and the last year the overview's lists and counts, its tasks' timeliness
    and its breakdowns, written over each slot's row (the same figures again if nothing
    changed); the same for each period asked lately (`figures.asked_periods`), with the
    indicators of the period before it too (`figures.asked_slots`), holding the lock of the
    counts of the periods asked (`_counting_alone`): while another count of them runs
    (`refresh_asked`), they are left to it, and none starts while this one counts them.
    Returns the number of periods counted."""
    now = now or timezone.now()  # taken before counting: the figures are of then or later
    periods = slots(timezone.localdate(now))
    overview = [slot for slot in periods if slot.startswith("last-")]
    with transaction.atomic():
        asked = _asked(now, _held()) if _counting_alone() else {}
        _write({**periods, **asked}, [*overview, *_overview_of(asked)], now)
    return len(periods) + len(asked)


def refresh_asked(now: datetime | None = None) -> int:
    """The periods asked since the beat last counted them (each not yet in a row of its
    own), counted now as `refresh` counts them rather than at its next run: a page asked for
    them again reads them within OVERSIGHT_ASKED_SECONDS. Asks nothing more when none was.
    One count of them at a time (`_counting_alone`): one that finds another still counting
    leaves the periods to it, so counts that take longer than the beat's interval don't pile
    up on the workers. Returns the number of periods counted."""
    now = now or timezone.now()
    if not _new_asked(now):
        return 0
    with transaction.atomic():
        if not _counting_alone():
            return 0
        new = _new_asked(now)  # as they are once no other count of them runs
        if new:
            _write(new, _overview_of(new), now)
    return len(new)


# The advisory lock a count of the periods asked holds while it counts (`refresh_asked`).
ASKED_LOCK = zlib.crc32(b"oversight.count_asked")


def _counting_alone() -> bool:
    """Whether no other count of the periods asked is running (`refresh_asked`, or `refresh`
    with them): takes the transaction's lock (PostgreSQL's advisory lock, released when the
    transaction ends) if it is free."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [ASKED_LOCK])
        return bool(cursor.fetchone()[0])


def _new_asked(now: datetime) -> dict:
    """{slot: period} of the periods asked lately (and those before them) that no row holds
    counted fresh: two queries."""
    held = _held()
    asked = _asked(now, held)
    fresh = fresh_since(now)

    def held_fresh(slot: str) -> bool:
        period, at = held.get(slot, (None, None))
        return period == asked[slot] and at >= fresh

    return {
        slot: period for slot, period in asked.items() if not held_fresh(slot.removesuffix(BEFORE))
    }


def _held() -> dict[str, tuple]:
    """{slot: (its period, when it was counted)} of the rows of the periods asked."""
    rows = CountedFigures.objects.filter(slot__startswith=ASKED).exclude(slot__endswith=BEFORE)
    return {
        slot: ((start, end), at)
        for slot, start, end, at in rows.values_list("slot", "start", "end", "counted_at")
    }


def _asked(now: datetime, held: dict[str, tuple]) -> dict:
    """The rows of the periods asked lately, but those whose overview the beat counts
    anyway, and theirs (`held`: the rows as they are)."""
    whole = counted_whole(timezone.localdate(now))
    asked = [period for period in asked_periods(now) if period not in whole]
    rows = {slot: period for slot, (period, _at) in held.items()}
    return asked_slots(asked, rows) if asked else {}


def _overview_of(asked: dict) -> list[str]:
    """Of the rows of periods asked, those of the periods themselves (not those before them):
    the overview's counts and tables are kept for them."""
    return [slot for slot in asked if not slot.endswith(BEFORE)]


def _write(periods: dict, overview: list[str], now: datetime) -> None:
    """Every indicator of every facility for each of `periods` ({slot: period}), and the
    overview's counts and tables for those of `overview`, each written over its slot's row."""
    from . import registry

    found = registry.counted_live(registry.every_indicator(), every_facility(), [*periods.values()])
    listed = {slot: _listed(*periods[slot]) for slot in overview}
    tables = {slot: _tables(*periods[slot], now) for slot in overview}
    rows = [
        CountedFigures(
            slot=slot,
            start=start,
            end=end,
            counted_at=now,
            counts={
                key: {
                    str(facility): as_kept(value)
                    for (period, facility), value in each.items()
                    if period == index and _counts_something(value)
                }
                for key, each in found.items()
            },
            listed=listed.get(slot, {}),
            tables=tables.get(slot, {}),
        )
        for index, (slot, (start, end)) in enumerate(periods.items())
    ]
    # One statement: each slot's row written over, or made the first time, whatever another
    # count does at the same moment.
    CountedFigures.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["slot"],
        update_fields=["start", "end", "counted_at", "counts", "listed", "tables"],
    )
