"""Self-harm on oversight (cases opened, assessments late, incidents and their trend, and the
count that must be zero of assessments without Rule 35 training) and the demo."""

from datetime import timedelta

import pytest
from django.utils import timezone

from breaches.services import record_breach
from facilities.models import Facility
from oversight.registry import recorded
from selfharm import oversight
from selfharm.models import Case, ClosureCheck, SelfHarmIncident

from .factories import assess, incident, open_case

pytestmark = pytest.mark.django_db


def _range():
    today = timezone.localdate()
    return Facility.objects.all(), today - timedelta(days=30), today


def test_cases_opened_and_assessed_late_with_how_late(cast, woman_a):
    case = open_case(
        cast, woman_a, noticed_at=timezone.now() - timedelta(hours=30), late_reason="Night"
    )
    assess(cast, case, late_reason="Nurse off sick")
    facilities, start, end = _range()

    assert list(oversight.in_period(facilities, start, end)) == [case]
    late = list(oversight.assessed_late(facilities, start, end))
    assert late == [case]
    assert "hours late" in oversight.row(late[0]).what


@pytest.mark.rule("35")
def test_no_assessment_without_training_counts_until_one_is_recorded_anyway(cast, woman_a):
    case = open_case(cast, woman_a)
    assess(cast, case)
    facilities, start, end = _range()
    assert not oversight.by_untrained_staff(facilities, start, end).exists()

    record_breach(
        by=cast["governor"],
        prisoner=woman_a,
        kind=oversight.UNTRAINED,
        occurred_at=timezone.now(),
        account="An untrained officer assessed her on paper during the outage.",
    )
    count, _rows = recorded([oversight.UNTRAINED], facilities, start, end)[oversight.UNTRAINED]
    assert count == 1


def test_incidents_by_month_for_a_year(cast, woman_a):
    incident(cast, woman_a)
    months = oversight.incidents_by_month(Facility.objects.all())
    assert len(months) == 12 and months[-1][1] == 1 and sum(n for _m, n in months) == 1


def test_the_trend_page_counts_incidents_by_month_for_those_who_oversee(cast, woman_a):
    from conftest import client_for

    incident(cast, woman_a)
    body = client_for(cast["inspector"]).get("/self-harm/trend/").content.decode()
    assert 'data-testid="selfharm-trend"' in body and body.count("govuk-table__row") == 13
    assert "Her cell" not in body
    assert client_for(cast["custody"]).get("/self-harm/trend/").status_code == 404


def test_the_demo_makes_cases_in_every_state(cast, facility_a):
    from prisoners.tests.factories import PrisonerFactory
    from selfharm import demo

    from .factories import trained

    trained(cast["health"])
    women = [PrisonerFactory(facility=facility_a, prison_number=f"A0880{n}") for n in range(6)]
    staff = {role: cast[role] for role in ("custody", "health", "social")}
    demo.seed(facility=facility_a, staff=staff, women=women)

    assert Case.objects.filter(closed_at__isnull=True, assessment__isnull=True).count() == 2
    assert Case.objects.filter(closed_at__isnull=True, assessment__isnull=False).count() == 2
    assert Case.objects.filter(closed_at__isnull=False).count() == 2
    assert ClosureCheck.objects.count() == 1
    assert SelfHarmIncident.objects.get().clinical is not None


def test_the_inspector_reads_on_oversight_that_cases_exist_not_what_they_say(cast, woman_a):
    from conftest import client_for

    case = open_case(
        cast,
        woman_a,
        concern="Hid a cord under her mattress.",
        noticed_at=timezone.now() - timedelta(hours=30),
        late_reason="Told at handover",
    )
    assess(cast, case, late_reason="Nurse off sick")
    client = client_for(cast["inspector"])
    for key in ("selfharm-cases", "selfharm-assessed-late"):
        body = client.get(f"/oversight/records/{key}/").content.decode()
        assert "Self-harm case opened" in body and "hours late" in body
        assert "Hid a cord" not in body
    zero = client.get(f"/oversight/must-be-zero/{oversight.UNTRAINED}/")
    assert zero.status_code == 200
