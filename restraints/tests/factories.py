"""Restraints made through the services, as custody staff and the governor would record them."""

from prisoners.services import set_protection_flags
from restraints.services import EMERGENCY_PURPOSES, apply_restraint, confirm_restraint

ESCORT = {
    "device": "handcuffs",
    "purpose": "escort_transfer",
    "necessity": "Escort to the district hospital; she tried to run at the last escort.",
    "place": "escort",
}
EMERGENCY = {
    "device": "handcuffs",
    "purpose": "prevent_injury_to_others",
    "necessity": "Struck an officer twice; talking her down did not work.",
    "place": "prison",
}


def restrain(cast, woman, *, confirm=True, **fields):
    """A restraint custody applied in an emergency (or planned, for an escort or medical
    purpose), confirmed by the governor with her own sign-in unless `confirm` is False."""
    by = fields.pop("by", cast["custody"])
    data = {**EMERGENCY, **fields}
    data.setdefault("emergency", data["purpose"] in EMERGENCY_PURPOSES)
    if not data["emergency"]:
        data.pop("applied_at", None)
    elif data.get("applied_at"):
        data.setdefault("late_reason", "Written up on return from the escort")
    restraint = apply_restraint(by=by, prisoner=woman, **data)
    if confirm:
        restraint = confirm_restraint(by=cast["governor"], record=restraint)
    return restraint


def protect(woman, **flags):
    """Set her protections as health staff's records would."""
    return set_protection_flags(prisoner=woman, by=None, source="health", **flags)
