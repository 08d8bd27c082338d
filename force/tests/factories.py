"""Uses of force made through the services, as custody officers would record them."""

from datetime import timedelta

from django.utils import timezone

from force.services import record_force
from prisoners.services import set_protection_flags

HOLD = {
    "techniques": ["guiding_hold", "restraint_hold"],
    "reason": "prevent_injury_to_others",
    "account": "Pushed another woman against the wall and would not let go.",
    "deescalation": "Talked to her for five minutes and asked her to step away.",
    "duration_minutes": 4,
    "injury_to_her": "none_seen",
    "injury_to_staff": "none_seen",
    "camera_reference": "BWC-0001",
    "location": "Dining hall",
}


def use_force(cast, woman, **fields):
    """A spontaneous use of force custody record ten minutes after it started."""
    by = fields.pop("by", cast["custody"])
    data = {
        **HOLD,
        "staff_involved": [cast["custody"]],
        "started_at": timezone.now() - timedelta(minutes=10),
        **fields,
    }
    return record_force(by=by, prisoner=woman, **data)


def protect(woman, **flags):
    """Set her protections as health staff's records would."""
    return set_protection_flags(prisoner=woman, by=None, source="health", **flags)
