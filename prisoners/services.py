"""Verbs on a woman's core record and her protection flags."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import audit
from bangkok.errors import RuleBroken
from bangkok.hooks import takes
from bangkok.prepared import prepared
from facilities.scope import facilities_of
from reminders.services import resolve_reminder, schedule_reminder

from .models import (
    LEGAL_GROUPS,
    CustodyStatus,
    ObservationLevel,
    Prisoner,
    ProtectionFlags,
    Unit,
    UnitPlacement,
)
from .permissions import access_prisoner

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from django.db.models import QuerySet

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


# Where she lives within her facility (Rules 49, 51.2; Mandela 11) -------------------------

PLACE = "prisoners.place_on_unit"
SUITED_TO_CHILDREN = Unit.Designation.MOTHER_AND_BABY
MOVE_KIND = "prisoners.unit_not_suited_to_her_child"
# Mandela 11(b), (c) hold women of each legal status apart on these units. The mother and baby
# unit and the health care unit take every mother and every patient who needs them, whatever
# her status, for the child's sake (Rule 49) and for her care: any separation within them is
# the unit's own, by rooms.
KEPT_APART = (
    Unit.Designation.GENERAL,
    Unit.Designation.JUVENILE,
    Unit.Designation.RECEPTION,
    Unit.Designation.PRE_RELEASE,
)


def placement_refusals(prisoner: Prisoner, unit: Unit, *, child_with_her: bool) -> list:
    """Every Rule her placement on `unit` would break today, as `RuleBroken`s (none: she may
    live there). Read under the unit's lock (the women on it) and her flags' lock."""
    refusals = []
    if prisoner.is_juvenile and unit.designation != Unit.Designation.JUVENILE:
        refusals.append(
            RuleBroken(
                _("A girl under 18 lives only on a unit for girls, apart from adult women."),
                rule="M11",
                field="unit",
            )
        )
    if not prisoner.is_juvenile and unit.designation == Unit.Designation.JUVENILE:
        refusals.append(
            RuleBroken(
                _("An adult woman does not live on the unit for girls under 18."),
                rule="M11",
                field="unit",
            )
        )
    if child_with_her and unit.designation != SUITED_TO_CHILDREN:
        refusals.append(
            RuleBroken(
                _(
                    "Her child lives with her: she lives only on a unit suited to children, "
                    "as close as possible to a child's life outside."
                ),
                rule="51.2",
                field="unit",
            )
        )
    if unit.designation in KEPT_APART and _any_apart(unit, prisoner):
        refusals.append(
            RuleBroken(
                _(
                    "Women of another legal status live on this unit: untried women are held "
                    "apart from convicted women, and women held under civil or immigration "
                    "law apart from both."
                ),
                rule="M11",
                field="unit",
            )
        )
    return refusals


def others_apart(unit: Unit, prisoner: Prisoner) -> QuerySet[Prisoner]:
    """The women in custody on `unit` whom the Rules hold apart from her (Mandela 11(b), (c))."""
    return _apart(unit.pk, prisoner.pk, prisoner.legal_status)


def _apart(unit_pk: int, prisoner_pk: int, legal_status: str) -> QuerySet[Prisoner]:
    group = LEGAL_GROUPS[legal_status]
    same = [status for status, of in LEGAL_GROUPS.items() if of == group]
    return (
        Prisoner.objects.filter(unit=unit_pk, custody_status=CustodyStatus.IN_CUSTODY)
        .exclude(pk=prisoner_pk)
        .exclude(legal_status__in=same)
    )


def _any_apart(unit: Unit, prisoner: Prisoner) -> bool:
    """Whether `others_apart` finds any woman: asked on her page at every view, its SQL
    written once for each legal status (`bangkok.prepared`)."""
    if prisoner.pk is None:
        return others_apart(unit, prisoner).exists()

    def one_of_them(unit_pk: int, prisoner_pk: int) -> QuerySet:
        return _apart(unit_pk, prisoner_pk, prisoner.legal_status).order_by().values("pk")[:1]

    key = ("others_apart", prisoner.legal_status)
    return bool(prepared(Prisoner, key, one_of_them, unit.pk, prisoner.pk))


def units_for(prisoner: Prisoner) -> list[Unit]:
    """The units of her facility she may live on today, the one she is on left out (what the
    form offers; the service judges again under the locks). The same judgement as the move's
    (`placement_refusals`), a unit at a time: a facility has a handful."""
    child = prisoner.flags.child_in_prison
    return [
        unit
        for unit in prisoner.facility.units.order_by("code")
        if unit.pk != prisoner.unit_id
        and not placement_refusals(prisoner, unit, child_with_her=child)
    ]


@transaction.atomic
def place_on_unit(*, by: User, prisoner: Prisoner, unit: Unit, reason: str = "") -> UnitPlacement:
    """Move her to a unit of her facility. Refused, naming the rule and writing nothing: a girl
    under 18 anywhere but the unit for girls, an adult woman there (Mandela 11(d)); an untried
    woman where convicted women live, or the other way round, and a woman held under civil or
    immigration law with either (Mandela 11(b), (c)); a mother whose child lives with her
    anywhere but a unit suited to children (Rules 49, 51.2).

    The unit's row is locked first, so two women of different legal status moved at once onto
    one unit are judged one after the other; her flags' row next, so a child who comes to live
    with her at the same moment is seen (or sees this move, `child_came_to_live`)."""
    if not by.has_perm(PLACE):
        raise PermissionDenied(_("Your role can't move a woman to another unit."))
    prisoner = access_prisoner(by, prisoner.uuid)
    if prisoner.custody_status != CustodyStatus.IN_CUSTODY:
        raise ValidationError({"unit": _("She is not in custody: she lives on no unit.")})
    if unit.facility_id != prisoner.facility_id:
        raise ValidationError({"unit": _("Choose a unit of her facility.")})
    unit = Unit.objects.select_for_update().get(pk=unit.pk)
    flags = ProtectionFlags.objects.select_for_update().get(prisoner=prisoner)
    prisoner = (
        Prisoner.objects.select_for_update(of=("self",))
        .select_related("facility")
        .get(pk=prisoner.pk)
    )
    if prisoner.unit_id == unit.pk:
        raise ValidationError({"unit": _("She already lives on this unit.")})
    refusals = placement_refusals(prisoner, unit, child_with_her=flags.child_in_prison)
    if refusals:
        raise refusals[0]
    placement = UnitPlacement(
        prisoner=prisoner,
        unit=unit,
        from_unit_id=prisoner.unit_id,
        placed_by=by,
        reason=reason.strip(),
    )
    placement.full_clean()
    placement.save()
    prisoner.unit, prisoner.updated_at = unit, timezone.now()
    prisoner.save(update_fields=["unit", "updated_at"])
    if unit.designation == SUITED_TO_CHILDREN:
        resolve_reminder(
            key=_move_key(prisoner), by=by, outcome="placed on a unit suited to children"
        )
    # Wherever she goes, the move was judged against her legal status (Mandela 11).
    resolve_reminder(key=_apart_key(prisoner), by=by, outcome="placed on another unit")
    audit.record(
        by=by,
        action="prisoner.placed",
        subject=prisoner,
        facility=prisoner.facility,
        detail={
            "rules": "49, 51.2; M11",
            "unit": unit.code,
            "from": placement.from_unit.code if placement.from_unit else None,
        },
    )
    return placement


APART_KIND = "prisoners.unit_of_another_legal_status"


def _apart_key(prisoner: Prisoner) -> str:
    return f"prisoners.unit_for_status:{prisoner.uuid}"


def legal_status_changed(*, prisoner: Prisoner) -> None:
    """Her legal status changed (a court's decision): if women the Rules now hold apart from
    her live on her unit (an untried woman now convicted, on the remand wing), custody are asked
    at once to move her (Mandela 11(b), (c)), the governor when it is late."""
    unit = prisoner.unit
    if unit is None or unit.designation not in KEPT_APART:
        return
    if not others_apart(unit, prisoner).exists():
        return
    now = timezone.now()
    schedule_reminder(
        key=_apart_key(prisoner),
        kind=APART_KIND,
        rule="M11",
        title=gettext_lazy(
            "Move her: her legal status changed and her unit holds women kept apart from her"
        ),
        facility=prisoner.facility,
        assignee_role="custody",
        prisoner=prisoner,
        due_at=now + settings.UNIT_MOVE_WITHIN,
        escalate_at=now + settings.UNIT_MOVE_WITHIN,
    )


def _move_key(prisoner: Prisoner) -> str:
    return f"prisoners.unit_for_child:{prisoner.uuid}"


def child_came_to_live(*, prisoner: Prisoner, changed: dict, by: User | None) -> None:
    """A child who comes to live with her while she is on a unit not suited to children: custody
    are asked at once to move her (the governor when it is late), Rule 51.2. Her unit is read
    again under her flags' lock, which a move takes too."""
    if not changed.get("child_in_prison"):
        return
    unit = Unit.objects.filter(prisoners__pk=prisoner.pk).first()
    if unit is not None and unit.designation == SUITED_TO_CHILDREN:
        return
    now = timezone.now()
    schedule_reminder(
        key=_move_key(prisoner),
        kind=MOVE_KIND,
        rule="51.2",
        title=gettext_lazy("Move her and her child to a unit suited to children"),
        facility=prisoner.facility,
        assignee_role="custody",
        prisoner=prisoner,
        due_at=now + settings.UNIT_FOR_CHILD_WITHIN,
        escalate_at=now + settings.UNIT_FOR_CHILD_WITHIN,
    )
