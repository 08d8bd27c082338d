"""Oversight's indicators counted ahead by the beat for the periods the pages ask most
(QUALITY.md P8: oversight answers within 100 ms at national scale).

What holds on a period's last day (a woman in custody, a child living with her mother) and
what is asked of the records as they are now can't be added up from daily counts
(`oversight.summaries`): counted live, every indicator of every facility for a year and the
year before takes about a second. The periods most pages ask are few and known in advance:
the last 30 days (the period form's default) and the last year, each with the period of the
same length just before it (the indicators page sets them side by side), and the 12 months
to today (an indicator's trend). The beat counts every indicator of every facility for them
every OVERSIGHT_FIGURES_SECONDS (`refresh`: the registry's own queries, each slot's row
rewritten in place in one transaction). A page that asks only such periods, for any of the
facilities and any of the indicators its viewer may see, reads them from there while they
were counted no longer than twice that ago, and says when they were counted (`counted`);
any other period, or figures older than that (a beat missed), is counted live. A facility's
figures are its own whatever other facilities are asked with it (each indicator counts
grouped by facility), so one count serves the governor of one facility and the inspector of
them all. Only counts are kept: no woman, no case, nothing a viewer's role would hide.
"""

from datetime import date, datetime, timedelta

from django.conf import settings
from django.db.models.fields.json import KeyTransform
from django.utils import timezone

from bangkok.counting import sizes_by
from reminders.services import (
    due_in,
    hidden_from_someone,
    timeliness_added,
    timeliness_sums,
)
from reminders.services import timeliness as counted_now

from . import summaries
from .forms import DEFAULT_DAYS
from .models import CountedFigures
from .summaries import every_facility

# The lengths of the periods counted ahead, ending today: the form's default and a year.
WINDOWS = (DEFAULT_DAYS, 365)

type Period = tuple[date, date]


def slots(today: date) -> dict[str, Period]:
    """The periods counted ahead on `today`, by the name of their row."""
    from . import registry

    found: dict[str, Period] = {}
    for days in WINDOWS:
        last = (today - timedelta(days=days - 1), today)
        found[f"last-{days}"] = last
        found[f"before-{days}"] = registry.previous_period(*last)
    for back, month in enumerate(reversed(registry.months(today))):
        found[f"month-{back}"] = month
    return found


def _stored(value):
    """A facility's figure as JSON keeps it: a pair as a list, a median's values by text."""
    if isinstance(value, dict):
        return {str(measured): times for measured, times in value.items()}
    return list(value)


def _read(value):
    if isinstance(value, dict):
        return {int(measured): times for measured, times in value.items()}
    return tuple(value)


def _listed(start: date, end: date) -> dict[str, dict[str, int]]:
    """The overview's lists and counts that must be zero (those every viewer sees alike) of
    every facility for the period: {"list:<key>" or "zero:<key>": {facility id: how many}}.
    The days counted ahead are added up (`summaries.ahead`), the rest counted in one
    statement grouped by each item's facility (`bangkok.counting.sizes_by`)."""
    from . import registry

    everywhere = every_facility()
    items = {
        f"{kind}:{item.key}": item
        for kind, declared in (("zero", registry._ZEROS), ("list", registry._LISTS))
        for item in declared.values()
        if item.viewer_filter is None
    }
    ahead = summaries.ahead([*items.values()], everywhere, start, end, by_facility=True)
    added: dict[str, dict] = {}
    live = {}
    for name, item in items.items():
        if item.key in ahead:
            added[name], rest = ahead[item.key]
        else:
            counts = getattr(item, "records", None) or item.count or item.cases
            rest = counts(everywhere, start, end)
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


def _timeliness(start: date, end: date, now: datetime) -> dict[str, list[dict]]:
    """The timeliness sums of each facility's tasks of the period hidden from no one:
    {facility id: [sums of a kind of task, durations in seconds]}."""
    tasks = due_in(every_facility(), start, end).exclude(hidden_from_someone())
    found: dict[str, list[dict]] = {}
    for sums in timeliness_sums(tasks, now, "facility"):
        facility = str(sums.pop("facility"))
        for name in ("late_total", "longest"):
            sums[name] = sums[name] and sums[name].total_seconds()
        found.setdefault(facility, []).append(sums)
    return found


def timeliness(facilities, start: date, end: date, *, viewer, seen: dict | None = None):
    """The overview's timeliness of the tasks a Rule's deadline sets (as
    `reminders.services.timeliness`): for the last 30 days or the last year, the beat's count
    of the tasks hidden from no one while it is fresh, with the tasks hidden from someone
    but not from `viewer` counted now (a task about a report that names her is never counted
    for her); else counted now. `seen`, if given, is told when they were counted."""
    row = _counted_row(start, end, "tables", "timeliness")
    if row is None or row["tables"] is None:
        return counted_now(facilities, start, end, viewer=viewer)
    ids = _ids(facilities)
    parts = [
        {
            **sums,
            **{
                name: None if sums[name] is None else timedelta(seconds=sums[name])
                for name in ("late_total", "longest")
            },
        }
        for facility, each in row["tables"].items()
        if facility in ids
        for sums in each
    ]
    hidden = due_in(facilities, start, end).filter(hidden_from_someone())
    parts += timeliness_sums(hidden.exclude(hidden_from=viewer), timezone.now())
    if seen is not None:
        seen["counted_at"] = row["counted_at"]
    return timeliness_added(parts)


def _counted_row(start: date, end: date, field: str, key: str = "") -> dict | None:
    """The fresh row of the period when it is the last 30 days or the last year, else None
    (`field`, or only its `key`, read: `_fresh_rows`)."""
    if (start, end) not in [slots(timezone.localdate())[f"last-{days}"] for days in WINDOWS]:
        return None  # a period not counted ahead: no need to look
    return _fresh_rows([(start, end)], field, key).get((start, end))


def breakdown(item, facilities, start: date, end: date, viewer, seen: dict | None = None):
    """A table of counts by group (`registry.Breakdown`) for the viewer: for the last 30 days
    or the last year, from the beat's count of what every viewer sees alike, read by the
    item with what only some see counted now, while it is fresh; else counted now."""
    name = f"breakdown:{item.key}"
    row = _counted_row(start, end, "tables", name) if item.ahead else None
    if row is None or row["tables"] is None:
        return item.table(facilities, start, end, viewer)
    ids = _ids(facilities)
    parts = [part for facility, part in row["tables"].items() if facility in ids]
    if seen is not None:
        seen["counted_at"] = row["counted_at"]
    return item.read(parts, facilities, start, end, viewer)


def refresh(now: datetime | None = None) -> int:
    """The beat's run: every indicator of every facility for each period of `slots`, and the
    overview's lists and counts for the last of each window, written over each slot's row
    (the same figures again if nothing changed). Returns the number of periods counted."""
    from . import registry

    now = now or timezone.now()  # taken before counting: the figures are of then or later
    periods = slots(timezone.localdate(now))
    found = registry.counted_live(registry.every_indicator(), every_facility(), [*periods.values()])
    last = [slot for slot in periods if slot.startswith("last-")]
    listed = {slot: _listed(*periods[slot]) for slot in last}
    tables = {
        slot: {
            "timeliness": _timeliness(*periods[slot], now),
            **{
                f"breakdown:{item.key}": item.ahead(every_facility(), *periods[slot])
                for item in registry._BREAKDOWNS.values()
                if item.ahead
            },
        }
        for slot in last
    }
    rows = [
        CountedFigures(
            slot=slot,
            start=start,
            end=end,
            counted_at=now,
            counts={
                key: {
                    str(facility): _stored(value)
                    for (period, facility), value in each.items()
                    if period == index and any(value)
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
    return len(periods)


def _fresh_rows(periods: list[Period], field: str, key: str = "") -> dict[Period, dict]:
    """The rows of `periods` counted no longer than twice OVERSIGHT_FIGURES_SECONDS ago, with
    their `field` (only its `key`, if given, as `field`: None when the row lacks it)."""
    fresh = timezone.now() - timedelta(seconds=2 * settings.OVERSIGHT_FIGURES_SECONDS)
    rows = CountedFigures.objects.filter(
        counted_at__gte=fresh,
        start__in={start for start, _end in periods},
        end__in={end for _start, end in periods},
    )
    if key:
        rows = rows.annotate(part=KeyTransform(key, field))
    found = {}
    for row in rows.values("start", "end", "counted_at", "part" if key else field):
        if key:
            row[field] = row.pop("part")
        found[(row["start"], row["end"])] = row
    return found


def _ids(facilities) -> set[str]:
    """The facilities' ids as the rows keep them."""
    if hasattr(facilities, "values_list"):
        facilities = facilities.values_list("pk", flat=True)
    return {str(getattr(place, "pk", place)) for place in facilities}


def listed(names: list[str], facilities, start: date, end: date, seen: dict | None = None):
    """{name ("list:<key>", "zero:<key>"): how many in the `facilities`} for the overview's
    lists and counts that must be zero `names`, as the beat counted them, when the period is
    the last 30 days or the last year, counted no longer than twice OVERSIGHT_FIGURES_SECONDS
    ago with each name among them; else None (count them live). `seen`, if given, is told
    when they were counted."""
    row = _counted_row(start, end, "listed")
    if row is None or not set(names) <= row["listed"].keys():
        return None
    ids = _ids(facilities)
    if seen is not None:
        seen["counted_at"] = row["counted_at"]
    return {
        name: sum(n for facility, n in row["listed"][name].items() if facility in ids)
        for name in names
    }


def counted(keys: list[str], facilities, periods: list[Period], seen: dict | None = None):
    """{key: its `registry.Counts`} for the indicators `keys`, the `facilities` and the
    `periods`, as the beat counted them, when every period is counted ahead, for every key,
    no longer than twice OVERSIGHT_FIGURES_SECONDS ago; else None (count them live). `seen`,
    if given, is told when they were counted (`counted_at`: the oldest of the periods')."""
    if not keys or not set(periods) <= set(slots(timezone.localdate()).values()):
        return None  # a period not counted ahead: no need to look
    rows = _fresh_rows(periods, "counts")
    if not all(period in rows and set(keys) <= rows[period]["counts"].keys() for period in periods):
        return None
    ids = _ids(facilities)
    found: dict[str, dict] = {key: {} for key in keys}
    for index, period in enumerate(periods):
        counts = rows[period]["counts"]
        for key in keys:
            for facility, value in counts[key].items():
                if facility in ids:
                    found[key][(index, int(facility))] = _read(value)
    if seen is not None:
        seen["counted_at"] = min(rows[period]["counted_at"] for period in periods)
    return found
