"""Safeguarding on oversight (incidents by kind and in a period with no woman named, plans made
after their time, the count that must be zero of victims without a support plan in time) and
the demo."""

from datetime import timedelta

import pytest
from django.utils import timezone

from conftest import client_for
from facilities.models import Facility
from safeguarding import oversight
from safeguarding.models import CareNeed, FamilyConcern, Incident, Injuries, Plan

from .factories import incident, make_support, other_woman, plan_of

pytestmark = pytest.mark.django_db


def _range():
    today = timezone.localdate()
    return Facility.objects.all(), today - timedelta(days=30), today


def test_incidents_are_counted_by_kind_and_listed_without_a_name(cast, woman_a):
    found = incident(cast, woman_a, other=other_woman(woman_a, family_name="Boonmee"))
    facilities, start, end = _range()

    counts = dict(oversight.incidents_by_kind(facilities, start, end))
    assert counts["Bullying"] == 1 and counts["Violence"] == 0 and len(counts) == 5
    [row] = [oversight.incident_row(i) for i in oversight.incidents_in_period(*_range())]
    assert row.woman is None and "2 women involved" in row.what
    body = client_for(cast["inspector"]).get("/oversight/records/safeguarding-incidents/")
    text = body.content.decode()
    assert body.status_code == 200 and "Bullying" in text
    assert "Boonmee" not in text and woman_a.full_name not in text
    assert found.account not in text


@pytest.mark.rule("25.1")
def test_a_victim_without_her_support_plan_in_time_counts_until_it_is_made(cast, woman_a):
    found = incident(cast, woman_a)
    facilities, start, end = _range()
    assert not oversight.victims_unsupported(facilities, start, end).exists()

    # A day later, the plans are still awaited past their time.
    Plan.objects.update(due_at=timezone.now() - timedelta(hours=1))
    [late] = oversight.victims_unsupported(facilities, start, end)
    assert late == plan_of(found)
    assert "still awaited" in oversight.plan_row(late).what
    # The perpetrator's management late is listed, but is not the victim's count.
    assert oversight.plans_late(facilities, start, end).count() == 2
    make_support(cast, plan_of(found))
    [made_late] = oversight.victims_unsupported(facilities, start, end)
    assert "made late" in oversight.plan_row(made_late).what
    zero = client_for(cast["inspector"]).get(f"/oversight/must-be-zero/{oversight.UNSUPPORTED}/")
    assert zero.status_code == 200


def test_the_demo_makes_records_in_several_states(cast, facility_a):
    from prisoners.tests.factories import PrisonerFactory
    from safeguarding import demo

    women = [PrisonerFactory(facility=facility_a, prison_number=f"S0660{n}") for n in range(6)]
    staff = {role: cast[role] for role in ("custody", "safeguarding", "social", "health")}
    demo.seed(facility=facility_a, staff=staff, women=women)

    assert Incident.objects.count() == 2 and Injuries.objects.count() == 1
    assert Plan.objects.filter(made_at__isnull=False).count() == 2
    assert Plan.objects.filter(made_at__isnull=True).count() == 2
    assert Plan.objects.filter(reviews__isnull=False).distinct().count() == 1
    assert FamilyConcern.objects.filter(triage="").count() == 1
    assert FamilyConcern.objects.filter(triage="incident").count() == 1
    assert CareNeed.objects.get().reviews.count() == 1
    demo.seed(facility=facility_a, staff=staff, women=women)  # again: nothing more
    assert Incident.objects.count() == 2


@pytest.mark.rule("25.1")
def test_a_victim_separated_against_her_wishes_counts_only_as_a_recorded_breach(cast, woman_a):
    from breaches.services import record_breach
    from oversight.registry import recorded

    make_support(cast, plan_of(incident(cast, woman_a)))
    facilities, start, end = _range()
    assert not oversight.victims_separated(facilities, start, end).exists()

    record_breach(
        by=cast["governor"],
        prisoner=woman_a,
        kind=oversight.SEPARATED,
        occurred_at=timezone.now(),
        account="Moved to the segregation unit overnight after she reported, against her wishes.",
    )
    keys = [oversight.SEPARATED, oversight.UNSUPPORTED]
    counts = recorded(keys, facilities, start, end)
    assert counts[oversight.SEPARATED][0] == 1 and counts[oversight.UNSUPPORTED][0] == 0
