"""Regime records made through the services, as staff would make them."""

from datetime import timedelta

from django.utils import timezone

from regime import services


def activity(cast, facility, **fields):
    data = {"name": "Literacy class", "kind": "education", "capacity": 10, **fields}
    return services.add_activity(by=cast["governor"], facility=facility, **data)


def placed(cast, woman, on=None, **fields):
    """Her place on an activity of her facility (a new one unless `on` is given)."""
    on = on or activity(cast, woman.facility, **fields)
    return services.allocate(by=cast["custody"], prisoner=woman, activity=on)


def yesterday():
    return timezone.localdate() - timedelta(days=1)


def day_out(cast, woman, minutes=300, day=None, reason=""):
    if minutes < 240 and not reason:
        reason = "Staff shortage."
    return services.record_time_out(
        by=cast["custody"], prisoner=woman, day=day or yesterday(), minutes=minutes, reason=reason
    )
