"""Safeguarding records made through the services, as staff would."""

from django.utils import timezone

from prisoners.tests.factories import PrisonerFactory
from safeguarding import services
from safeguarding.models import Part, Plan


def other_woman(woman, number=None, **fields):
    if number is not None:
        fields["prison_number"] = number
    return PrisonerFactory(facility=woman.facility, **fields)


def incident(cast, woman, other=None, **fields):
    """Bullying of `woman` (the victim) by `other` (made if not given), recorded by custody."""
    other = other or other_woman(woman)
    data = {
        "kind": "bullying",
        "occurred_at": timezone.now(),
        "place": "The dining hall",
        "account": "Her food was taken and she was pushed.",
        "injured": False,
        "reported_by": "herself",
        "her_part": Part.VICTIM,
        "others": [{"prisoner": other, "part": Part.PERPETRATOR}],
        **fields,
    }
    return services.record_incident(by=data.pop("by", cast["custody"]), prisoner=woman, **data)


def plan_of(incident, part=Part.VICTIM) -> Plan:
    return Plan.objects.get(involvement__incident=incident, part=part)


def make_support(cast, plan, **fields):
    data = {
        "measures": ["no_contact", "other_moved"],
        "her_views": "I want to stay on my unit.",
        "support_offered": True,
        **fields,
    }
    return services.make_plan(by=data.pop("by", cast["safeguarding"]), plan=plan, **data)


def concern(cast, woman, **fields):
    data = {
        "raised_by": "Her mother",
        "way": "phone",
        "concern": "She is threatened on her unit.",
        **fields,
    }
    return services.record_concern(by=data.pop("by", cast["custody"]), prisoner=woman, **data)


def need(cast, woman, **fields):
    data = {
        "kind": "mobility",
        "description": "Can't manage stairs.",
        "adjustments": "A ground-floor cell.",
        **fields,
    }
    return services.record_need(by=data.pop("by", cast["social"]), prisoner=woman, **data)
