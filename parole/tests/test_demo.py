import pytest

from parole import demo
from parole.models import LeaveRequest, NonCustodialReview, ParoleReview, ProtectiveCustody
from prisoners.tests.factories import PrisonerFactory

pytestmark = pytest.mark.django_db


@pytest.mark.rule("45")
@pytest.mark.rule("59")
@pytest.mark.rule("63")
def test_the_demo_records_each_state(cast, facility_a):
    women = [PrisonerFactory(facility=facility_a) for _ in range(3)]
    demo.seed(facility=facility_a, staff=cast, women=women)
    leave = LeaveRequest.objects.all()
    assert set(leave.values_list("status", flat=True)) == {"granted", "refused", "requested"}
    assert leave.get(status="granted").outcome == "on_time"
    assert leave.get(status="refused").refusal_ground == "not_eligible"
    assert set(ParoleReview.objects.values_list("status", flat=True)) == {"draft", "submitted"}
    assert NonCustodialReview.objects.count() == 1
    custody = ProtectiveCustody.objects.order_by("started_at")
    assert [c.end_reason for c in custody] == ["withdrawn", ""]
    assert all(c.at_her_request and c.she_signed for c in custody)
