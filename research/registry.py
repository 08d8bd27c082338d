"""What each rule area gives the annual statistics and the research extract (Rules 67-70).

An area declares, in its `hooks.py`:
- a `Figure`: a count of its records in the facilities and year (uses of force, births,
  complaints...), grouped by facility in one query, optionally a rate against another
  figure (`of`: births in hospital of all births);
- a `Share`: a count split into groups that add up to a total shown beside them (the women
  held by legal status), so the report hides, beside a small group, another one that the
  total would otherwise give away.

A figure with a `woman` and a `moment` is also counted, per episode of custody, in the
research extract (`research.extract`). Nothing here reads a name, a number or a date of
birth: only counts leave the areas. Like oversight's registry, this module imports no app:
the areas declare into it from below.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from bangkok.hooks import takes

# The report's sections, in order: key -> (title, rules).
SECTIONS = {
    "population": (_("Occupancy and legal status"), "67, 69"),
    "children": (_("Children affected by their mother's imprisonment"), "2.2, 3, 49-52, 64"),
    "health": (_("Health outcomes"), "6-18, 48"),
    "order": (_("Segregation, force and restraints"), "22, 24; M43-45, M82"),
    "complaints": (_("Complaints"), "25; M56-57"),
    "releases": (_("Admissions and releases"), "45-47, 68"),
}


@dataclass(frozen=True)
class Figure:
    key: str
    section: str
    label: str
    rules: str
    records: Callable  # (facilities QuerySet, start date, end date) -> QuerySet
    facility: str = "facility"  # the path from a record to its facility
    distinct: str = ""  # count distinct values of this path (e.g. women); "" counts records
    of: str = ""  # the key of the figure this one is a rate of (per 100)
    woman: str = ""  # the path to the woman, for the research extract ("" not counted there)
    moment: str = ""  # the path to when it happened, for the research extract
    order: int = 100
    # (queryset, viewer) -> queryset: what this viewer may not know of, left out (a complaint
    # that names her); the research extract, made by no viewer, counts every record.
    viewer_filter: Callable | None = None


@dataclass(frozen=True)
class Share:
    key: str
    section: str
    title: str
    rules: str
    records: Callable  # (facilities, start, end) -> QuerySet, one record a member
    group: str  # the path to the group's value
    groups: Callable  # () -> [(value, label)], every group in its order
    facility: str = "facility"
    population: bool = False  # its total is the facility's population (for occupancy)
    order: int = 100


@dataclass(frozen=True)
class Episodes:
    """The episodes of custody for the research extract (Rules 67, 68), declared by the area
    that keeps them: `rows()` gives, for each, a dict with `episode`, `woman`, `facility` (ids,
    used only to count her events and never written), `facility_kind`, `admitted_at`,
    `released_at`, `date_of_birth`, `legal_status`, `nationalities` and `children` (how many
    children are on record for her); the extract coarsens them at once."""

    rows: Callable


_EPISODES: list[Episodes] = []


def register_episodes(item: Episodes) -> None:
    if item not in _EPISODES:
        _EPISODES.append(item)


def episodes() -> list[Episodes]:
    return list(_EPISODES)


_FIGURES: dict[str, Figure] = {}
_SHARES: dict[str, Share] = {}


def register_figure(item: Figure) -> None:
    _FIGURES[item.key] = item


def register_share(item: Share) -> None:
    _SHARES[item.key] = item


takes(Figure, register_figure)
takes(Share, register_share)
takes(Episodes, register_episodes)


def _order(item) -> tuple:
    return (list(SECTIONS).index(item.section), item.order, item.key)


def figures() -> list[Figure]:
    return sorted(_FIGURES.values(), key=_order)


def shares() -> list[Share]:
    return sorted(_SHARES.values(), key=_order)


def events() -> list[Figure]:
    """The figures the research extract counts per episode of custody."""
    return [item for item in figures() if item.woman and item.moment]
