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
from django.db import transaction
from django.utils import timezone

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


def refresh(now: datetime | None = None) -> int:
    """The beat's run: every indicator of every facility for each period of `slots`, written
    over each slot's row (the same figures again if nothing changed). Returns the number of
    periods counted."""
    from . import registry

    now = now or timezone.now()  # taken before counting: the figures are of then or later
    periods = slots(timezone.localdate(now))
    found = registry.counted_live(registry.every_indicator(), every_facility(), [*periods.values()])
    with transaction.atomic():
        for index, (slot, (start, end)) in enumerate(periods.items()):
            counts = {
                key: {
                    str(facility): _stored(value)
                    for (period, facility), value in each.items()
                    if period == index and any(value)
                }
                for key, each in found.items()
            }
            CountedFigures.objects.update_or_create(
                slot=slot,
                defaults={"start": start, "end": end, "counted_at": now, "counts": counts},
            )
    return len(periods)


def counted(keys: list[str], facilities, periods: list[Period], seen: dict | None = None):
    """{key: its `registry.Counts`} for the indicators `keys`, the `facilities` and the
    `periods`, as the beat counted them, when every period is counted ahead, for every key,
    no longer than twice OVERSIGHT_FIGURES_SECONDS ago; else None (count them live). `seen`,
    if given, is told when they were counted (`counted_at`: the oldest of the periods')."""
    if not keys or not set(periods) <= set(slots(timezone.localdate()).values()):
        return None  # a period not counted ahead: no need to look
    fresh = timezone.now() - timedelta(seconds=2 * settings.OVERSIGHT_FIGURES_SECONDS)
    rows = {
        (row["start"], row["end"]): row
        for row in CountedFigures.objects.filter(
            counted_at__gte=fresh,
            start__in={start for start, _end in periods},
            end__in={end for _start, end in periods},
        ).values("start", "end", "counted_at", "counts")
    }
    if not all(period in rows and set(keys) <= rows[period]["counts"].keys() for period in periods):
        return None
    asked = (
        facilities.values_list("pk", flat=True)
        if hasattr(facilities, "values_list")
        else facilities
    )
    ids = {str(getattr(place, "pk", place)) for place in asked}
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
