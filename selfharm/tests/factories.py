"""Self-harm cases made through the services, as staff would."""

from datetime import datetime, timedelta

from django.utils import timezone

from selfharm import services
from staff.models import Course, TrainingRecord

PLAN = [{"what": "Talk with her every hour", "team": "custody", "when": "Hourly"}]


def trained(user):
    """A valid mental-health, suicide and self-harm training (Rule 35), in effect a year ago."""
    completed = timezone.localdate() - timedelta(days=365)
    return TrainingRecord.objects.create(
        user=user,
        course=Course.MENTAL_HEALTH,
        completed=completed,
        expires=timezone.localdate() + timedelta(days=365),
        in_effect_from=timezone.make_aware(datetime.combine(completed, datetime.min.time())),
    )


def open_case(cast, woman, **fields):
    data = {"concern": "Said she would be better off dead.", "prompt": "said", **fields}
    return services.open_case(
        by=fields.pop("by", None) or cast["custody"],
        prisoner=woman,
        **{k: v for k, v in data.items() if k != "by"},
    )


def assess(cast, case, **fields):
    """Assessed by health staff, trained, with her taking part."""
    by = fields.pop("by", cast["health"])
    if not services.trained(by, timezone.now()):
        trained(by)
    data = {"took_part": True, "her_account": "I felt alone.", "risk": "raised", "plan": PLAN}
    return services.assess(by=by, case=case, **{**data, **fields})


def review(cast, case, **fields):
    data = {
        "participants": [cast["social"]],
        "took_part": True,
        "risk": "low",
        "plan_changes": "",
    }
    return services.review_case(
        by=fields.pop("by", cast["health"]), case=case, **{**data, **fields}
    )


def closed_case(cast, woman):
    case = open_case(cast, woman)
    assess(cast, case)
    review(cast, case, close=True)
    case.refresh_from_db()
    return case


def incident(cast, woman, **fields):
    """An incident custody record at once: first aid called."""
    data = {
        "occurred_at": timezone.now(),
        "place": "Her cell",
        "response": "First aid; nurse called.",
        "first_aid_called": True,
        **fields,
    }
    return services.record_incident(by=data.pop("by", cast["custody"]), prisoner=woman, **data)
