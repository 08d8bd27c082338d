"""The attempts refused under a count's rule, as the page and the API show them (Rules 25.3,
67): when, what was tried, in which area, by which role, where. Never for which woman: the
rule an act was refused under can say why she is protected (Rule 24: labour; Rule 22: a
pregnancy, a baby), which those who oversee read of no woman. The audit trail keeps her."""

from dataclasses import dataclass
from datetime import datetime

from django.apps import apps
from django.utils.translation import gettext as _

from facilities.models import Facility
from staff.roles import ROLES

from . import registry


@dataclass(frozen=True)
class Attempt:
    at: datetime
    what: str
    area: str
    role: str
    facility: Facility | None


def under(user, key: str, period) -> tuple[registry.MustBeZero, object] | None:
    """The count `key` she oversees and the attempts refused under its rule in the period,
    newest first by `registry.REFUSED_KEYSET` (None: no such count for her)."""
    item = registry.zero_for(user, key)
    if item is None:
        return None
    found = registry.attempts_under(item.rule, *period)
    return None if found is None else (item, found)


def shown(events) -> list[Attempt]:
    """One page of attempts."""
    return [
        Attempt(
            at=event.at,
            what=_(event.detail.get("summary") or event.detail.get("act", "")),
            area=_area(event.detail.get("area", "")),
            role=str(ROLES[event.actor_role].label) if event.actor_role in ROLES else "",
            facility=event.facility,
        )
        for event in events
    ]


def _area(label: str) -> str:
    try:
        return str(apps.get_app_config(label).verbose_name)
    except LookupError:
        return label
