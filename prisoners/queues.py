"""The filters every work queue about women offers (`reminders.queues`): where she lives, her
facility (for staff of more than one) and her unit. Staff of more than one facility choose the
facility before its units, as in the women list (`prisoners.filters.UnitField`): a national
member of staff's queue wrote 961 units."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from facilities.scope import facilities_of, facilities_to_choose, works_in_several
from reminders.queues import Filter

from .filters import FACILITY_FIRST
from .models import Unit


def units_of(viewer, chosen: dict) -> list[tuple[str, str]]:
    """The units of her facility, or of the facility chosen (`chosen["facility"]`) when she
    works in several: none until she has chosen one."""
    facilities = facilities_of(viewer)
    if chosen.get("facility"):
        facilities = facilities.filter(code=chosen["facility"])
    elif works_in_several(viewer):
        return []
    units = Unit.objects.filter(facility__in=facilities).order_by("name", "code")
    return [(str(uuid), name) for uuid, name in units.values_list("uuid", "name")]


def _facility_first(viewer, chosen: dict):
    return FACILITY_FIRST if not chosen.get("facility") and works_in_several(viewer) else ""


def where_she_lives(woman: str = "prisoner") -> tuple[Filter, Filter]:
    """The queue's records whose woman (reached by `woman`) is in the facility chosen, and
    lives on the unit chosen."""
    return (
        Filter(
            key="facility",
            label=_("Facility"),
            choices=lambda viewer, chosen: facilities_to_choose(viewer),
            apply=lambda records, value: records.filter(**{f"{woman}__facility__code": value}),
        ),
        Filter(
            key="unit",
            label=_("Unit"),
            choices=units_of,
            apply=lambda records, value: records.filter(**{f"{woman}__unit__uuid": value}),
            hint=_facility_first,
        ),
    )
