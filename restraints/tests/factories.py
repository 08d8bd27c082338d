"""Restraints made through the services, as custody staff would record them."""

from prisoners.services import set_protection_flags
from restraints.services import apply_restraint

ESCORT = {
    "device": "handcuffs",
    "purpose": "escort_transfer",
    "necessity": "Escort to the district hospital; she tried to run at the last escort.",
    "place": "escort",
}


def restrain(cast, woman, **fields):
    by = fields.pop("by", cast["custody"])
    data = {**ESCORT, "authorised_by": cast["governor"], **fields}
    return apply_restraint(by=by, prisoner=woman, **data)


def protect(woman, **flags):
    """Set her protections as health staff's records would."""
    return set_protection_flags(prisoner=woman, by=None, source="health", **flags)
