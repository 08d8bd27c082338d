"""What the governor and the inspector oversee of her regime, and the demo's records."""

from datetime import timedelta

import pytest
from django.utils import timezone

from breaches.services import record_breach
from facilities.models import Facility
from oversight.registry import overview
from regime import demo, services
from regime.models import Activity, MissingDay, TimeOutOfCell
from reminders.models import Reminder
from staff.tests.factories import make_staff

from .factories import day_out, placed

pytestmark = pytest.mark.django_db


def _seen(user, facility):
    today = timezone.localdate()
    zeros, lists = overview(
        user, Facility.objects.filter(pk=facility.pk), today - timedelta(days=7), today
    )
    return {z["item"].key: z for z in zeros}, {e["item"].key: e["count"] for e in lists}


@pytest.mark.rule("M44")
def test_days_locked_up_without_a_segregation_count_on_oversight_with_their_cases(
    cast, facility_a, woman_a
):
    locked = day_out(cast, woman_a, minutes=100)
    day_out(cast, woman_a, minutes=300, day=timezone.localdate())
    place = placed(cast, woman_a)
    services.record_attendance(
        by=cast["custody"],
        allocation=place,
        day=timezone.localdate(),
        attended=False,
        absence="cancelled",
    )
    zeros, lists = _seen(cast["inspector"], facility_a)
    solitary = zeros["de-facto-solitary"]
    assert solitary["count"] == 1
    assert [row.uuid for row in solitary["cases"]] == [locked.uuid]
    assert lists["regime-cancelled"] == 1
    assert lists["regime-no-activity"] == 0
    services.correct_time_out(
        by=cast["custody"],
        time_out=locked,
        minutes=200,
        reason="Short staff",
        correction="Miscounted",
    )
    zeros, _ = _seen(cast["governor"], facility_a)
    assert zeros["de-facto-solitary"]["count"] == 0


@pytest.mark.rule("M44")
def test_a_day_locked_up_that_no_record_shows_is_recorded_as_a_breach_and_counts(
    cast, facility_a, woman_a
):
    """Her time out of cell said three hours; she was in fact kept in all day. The zero counts
    the breach staff write down, not only what the records show."""
    day_out(cast, woman_a, minutes=180)
    zeros, _ = _seen(cast["inspector"], facility_a)
    assert zeros["de-facto-solitary"]["count"] == 0
    record_breach(
        by=cast["custody"],
        prisoner=woman_a,
        kind="de-facto-solitary",
        account="Kept in her cell all of Sunday: the unlock was recorded but never happened.",
        occurred_at=timezone.now() - timedelta(days=1),
    )
    zeros, _ = _seen(cast["inspector"], facility_a)
    assert zeros["de-facto-solitary"]["count"] == 1


def test_the_demo_makes_its_records_through_the_services(cast, facility_a):
    from prisoners.tests.factories import PrisonerFactory

    women = [PrisonerFactory(facility=facility_a, prison_number=f"A0090{n}") for n in range(3)]
    staff = {"governor": cast["governor"], "custody": cast["custody"]}
    demo.seed(facility=facility_a, staff=staff, women=women)
    assert Activity.objects.filter(facility=facility_a).count() == 4
    assert TimeOutOfCell.objects.de_facto_solitary().count() == 1
    assert Reminder.objects.filter(kind=services.SOLITARY_KIND).count() == 1
    zeros, lists = _seen(make_staff("inspector", facility_a, username="inspector_two"), facility_a)
    assert zeros["de-facto-solitary"]["count"] == 1
    assert lists["regime-no-activity"] == 1
    assert lists["regime-cancelled"] == 1
    assert not MissingDay.objects.exists()  # factory women have no admission to count from
