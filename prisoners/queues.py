"""A filter every work queue about women offers (`reminders.queues`): her unit."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from facilities.scope import facilities_of
from reminders.queues import Filter

from .models import Unit


def units_of(viewer) -> list[tuple[str, str]]:
    """The units of her facilities, named with their facility when she works in several."""
    units = list(
        Unit.objects.filter(facility__in=facilities_of(viewer))
        .select_related("facility")
        .order_by("facility__name", "name")
    )
    several = len({unit.facility_id for unit in units}) > 1
    return [
        (str(unit.uuid), f"{unit.name} ({unit.facility.name})" if several else unit.name)
        for unit in units
    ]


def by_unit(woman: str = "prisoner") -> Filter:
    """The queue's records whose woman (reached by `woman`) lives on the chosen unit."""
    return Filter(
        key="unit",
        label=_("Unit"),
        choices=units_of,
        apply=lambda records, value: records.filter(**{f"{woman}__unit__uuid": value}),
    )
