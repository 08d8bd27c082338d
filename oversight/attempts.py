"""The attempts refused under a count's rule, as the page and the API show them (Rules 25.3,
67): when, for which woman, what was tried, in which area, by which role, where. Never why
it was refused beyond the rule: the rule is the count's."""

from dataclasses import dataclass
from datetime import datetime

from django.apps import apps
from django.utils.translation import gettext as _

from facilities.models import Facility
from prisoners.models import Prisoner
from staff.roles import ROLES

from . import registry


@dataclass(frozen=True)
class Attempt:
    at: datetime
    woman: Prisoner | None
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
    """One page of attempts, their women read in one query."""
    named = [e.subject_id for e in events if e.subject_type == "prisoners.prisoner"]
    women = {str(w.uuid): w for w in Prisoner.objects.filter(uuid__in=named)}
    return [
        Attempt(
            at=event.at,
            woman=women.get(event.subject_id) if event.subject_type else None,
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
