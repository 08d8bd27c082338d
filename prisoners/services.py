"""Verbs on a woman's core record and her protection flags."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

import audit
from bangkok.hooks import takes
from facilities.scope import facilities_of

from .models import ObservationLevel, Prisoner, ProtectionFlags

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from facilities.models import Facility
    from staff.models import User


def search_name_for(given_names: str, family_name: str, aliases: list[str]) -> str:
    """The lower-case text that name search matches: names, then aliases."""
    parts = [given_names, family_name, *aliases]
    return " ".join(" ".join(parts).split()).lower()


@transaction.atomic
def register_prisoner(*, by: User, facility: Facility, **fields: Any) -> Prisoner:
    """Put a woman on record in a facility (Mandela Rule 7(a)), with empty protection flags.

    The admission flow (Rules 2-4) builds on this; it is also how demo data is made.
    """
    if by is not None:
        if not by.has_perm("prisoners.add_prisoner"):
            raise PermissionDenied(_("Your role can't put a woman on record."))
        if not facilities_of(by).filter(pk=facility.pk).exists():
            raise PermissionDenied(_("You don't work in that facility."))
    prisoner = Prisoner(facility=facility, **fields)
    prisoner.search_name = search_name_for(
        prisoner.given_names, prisoner.family_name, prisoner.aliases
    )
    prisoner.full_clean()
    prisoner.save()
    ProtectionFlags.objects.create(prisoner=prisoner)
    audit.record(by=by, action="prisoner.registered", subject=prisoner, facility=facility)
    return prisoner


@transaction.atomic
def set_protection_flags(
    *, prisoner: Prisoner, by: User | None, source: str, **flags: Any
) -> ProtectionFlags:
    """Set some of her protection flags. Called by the rule area that knows the reason.

    `source` names that area ("health", "register", ...) for the audit trail; the reason
    itself stays in that area's records (Rule 8), so the audit row carries flags only.
    """
    allowed = set(ProtectionFlags.FLAG_FIELDS) | {"observation_level"}
    unknown = set(flags) - allowed
    if unknown:
        raise ValueError(f"Unknown protection flags: {sorted(unknown)}")
    if "observation_level" in flags and flags["observation_level"] not in ObservationLevel:
        raise ValueError(f"Unknown observation level {flags['observation_level']!r}")
    record = ProtectionFlags.objects.select_for_update().get(prisoner=prisoner)
    changed = {name: value for name, value in flags.items() if getattr(record, name) != value}
    if not changed:
        return record
    for name, value in changed.items():
        setattr(record, name, value)
    record.updated_at = timezone.now()
    record.save(update_fields=[*changed, "updated_at"])
    audit.record(
        by=by,
        action="prisoner.flags_changed",
        subject=prisoner,
        facility=prisoner.facility,
        detail={"source": source, "flags": changed},
    )
    for watch in _FLAG_WATCHERS:
        watch(prisoner=prisoner, changed=changed, by=by)
    return record


# Areas whose records a new protection must act on declare a watcher (`FlagWatcher`, in hooks):
# `watch(prisoner=, changed=, by=)` runs in the same transaction as the change, e.g. to tell
# the governor at once that a woman now under "no segregation" is segregated (Rule 22).
_FLAG_WATCHERS: list = []


@dataclass(frozen=True)
class FlagWatcher:
    watch: Callable  # (prisoner=, changed=, by=)


def register_flag_watcher(watch: Callable) -> None:
    if watch not in _FLAG_WATCHERS:
        _FLAG_WATCHERS.append(watch)


takes(FlagWatcher, lambda declared: register_flag_watcher(declared.watch))


# Each rule area that knows a reason for a flag declares a function here (`FlagSource`, in
# its hooks): given a woman, it returns the flags its own records call for. Her flags are
# the union of them all, so one area clearing its reason never clears another area's.
_FLAG_SOURCES: list = []
# flag -> {(area, reason)}: every reason a registered source may set the flag for. No flag a
# non-health role sees may follow from a single health reason (`ProtectionFlags`).
FLAG_REASONS: dict[str, set[tuple[str, str]]] = {}
_OBSERVATION_ORDER = [
    ObservationLevel.NONE,
    ObservationLevel.INTERMITTENT,
    ObservationLevel.CONSTANT,
]


def register_flag_source(
    derive: Callable, *, area: str, reasons: dict[str, tuple[str, ...]]
) -> None:
    """`derive(prisoner) -> dict` of flag name to value, from one area's records. `reasons`
    declares, for each flag it may set, the reasons in that area's records that set it (kept
    here for the guarantee that a flag never gives its reason away; never shown). A reason
    that is not a health condition, such as her own request, is given as (kind, reason)."""
    unknown = set(reasons) - {*ProtectionFlags.FLAG_FIELDS, "observation_level"}
    if unknown:
        raise ValueError(f"Unknown protection flags: {sorted(unknown)}")
    for flag, why in reasons.items():
        FLAG_REASONS.setdefault(flag, set()).update(
            reason if isinstance(reason, tuple) else (area, reason) for reason in why
        )
    if derive not in _FLAG_SOURCES:
        _FLAG_SOURCES.append(derive)


@dataclass(frozen=True)
class FlagSource:
    """`derive` and the reasons it may set each flag for (`register_flag_source`)."""

    derive: Callable  # (prisoner) -> dict
    area: str
    reasons: dict[str, tuple[str, ...]] = field(default_factory=dict)


takes(
    FlagSource,
    lambda declared: register_flag_source(
        declared.derive, area=declared.area, reasons=declared.reasons
    ),
)


def derive_protection_flags(prisoner: Prisoner) -> dict:
    """Her flags as every registered area's records call for them now: the union of them all,
    and the highest observation level any area asks for."""
    derived: dict = dict.fromkeys(ProtectionFlags.FLAG_FIELDS, False)
    level = ObservationLevel.NONE
    for derive in _FLAG_SOURCES:
        for name, value in derive(prisoner).items():
            if name == "observation_level":
                level = max(level, value, key=_OBSERVATION_ORDER.index)
            else:
                derived[name] = derived[name] or bool(value)
    return {**derived, "observation_level": level}


@transaction.atomic
def refresh_protection_flags(
    *, prisoner: Prisoner, by: User | None, source: str
) -> ProtectionFlags:
    """Recompute her flags from every area's records and store what changed (Rules 22, 24:
    the protections follow from pregnancy, labour, breastfeeding and a child in her care).

    Her flags row is locked before any area's records are read, and held until the change
    that called this commits: a second change to any area waits, then reads (each statement
    sees what was committed before it) the first one's records as well as its own, so two
    changes at once never leave her without a protection either of them gives."""
    ProtectionFlags.objects.select_for_update().get(prisoner=prisoner)
    return set_protection_flags(
        prisoner=prisoner, by=by, source=source, **derive_protection_flags(prisoner)
    )
