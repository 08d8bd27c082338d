"""Her places on activities (Rule 42): within the places an activity has; social workers give
places on programmes and family activities; attendance a day at a time; and her removal by
staff, an adverse act held after her report (Rules 7.3, 25.1)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from complaints.models import HeldAction, HeldStatus
from complaints.services import review_held_action
from complaints.tests.factories import report
from regime import services
from regime.models import Allocation, Attendance
from tests.refusals import denied, invalid

from .factories import activity, placed

pytestmark = pytest.mark.django_db


def test_an_allocation_beyond_the_places_is_refused_saying_so(cast, facility_a, woman_a):
    from prisoners.tests.factories import PrisonerFactory

    group = activity(cast, facility_a, capacity=1, name="Sewing")
    placed(cast, woman_a, on=group)
    other = PrisonerFactory(facility=facility_a, prison_number="A00077")
    with invalid("activity", Allocation) as caught:
        placed(cast, other, on=group)
    assert "full" in caught.value.message_dict["activity"][0]
    with invalid("activity", Allocation):
        placed(cast, woman_a, on=group)  # she holds a place already


def test_social_workers_give_places_on_programmes_and_family_activities(cast, facility_a, woman_a):
    work = activity(cast, facility_a, kind="work", name="Laundry")
    with invalid("activity", Allocation):
        services.allocate(by=cast["social"], prisoner=woman_a, activity=work)
    family = activity(cast, facility_a, kind="family", name="Parenting")
    assert services.allocate(by=cast["social"], prisoner=woman_a, activity=family)
    with denied(Allocation):
        services.allocate(by=cast["health"], prisoner=woman_a, activity=work)


def test_attendance_one_a_day_with_why_not(cast, woman_a):
    place = placed(cast, woman_a)
    today = timezone.localdate()
    with invalid("absence", Attendance):
        services.record_attendance(by=cast["custody"], allocation=place, day=today, attended=False)
    services.record_attendance(
        by=cast["custody"], allocation=place, day=today, attended=False, absence="cancelled"
    )
    with invalid("day", Attendance):
        services.record_attendance(by=cast["custody"], allocation=place, day=today, attended=True)


def test_a_removal_by_staff_says_why(cast, woman_a):
    place = placed(cast, woman_a)
    with invalid("note", Allocation):
        services.end_allocation(by=cast["custody"], allocation=place, reason="removed")
    ended = services.end_allocation(by=cast["custody"], allocation=place, reason="her_request")
    assert ended.ended_on == timezone.localdate() and not HeldAction.objects.exists()


@pytest.mark.rule("7.3")
@pytest.mark.rule("25.1")
def test_her_removal_after_her_report_is_held_and_a_retaliatory_one_gives_her_place_back(
    cast, woman_a
):
    place = placed(cast, woman_a)
    report(cast["health"], woman_a)
    ended = services.end_allocation(
        by=cast["custody"], allocation=place, reason="removed", note="Late twice"
    )
    assert ended.ended_on is not None  # the same answer as for any woman
    held = HeldAction.objects.get(kind="activity_removal")
    assert held.record_uuid == place.uuid
    review_held_action(by=cast["safeguarding"], held=held, retaliatory=True)
    held.refresh_from_db()
    place.refresh_from_db()
    assert held.status == HeldStatus.STOPPED
    assert place.ended_on is None and place.end_reason == ""


def test_an_activity_keeps_as_many_places_as_are_held(cast, woman_a):
    place = placed(cast, woman_a)
    with invalid("capacity", Allocation):
        services.change_activity(by=cast["governor"], activity=place.activity, capacity=0)
    with pytest.raises(PermissionDenied):
        services.change_activity(by=cast["social"], activity=place.activity, capacity=5)


@pytest.mark.rule("42")
def test_attendance_is_corrected_with_a_reason_and_its_history_keeps_what_it_said(cast, woman_a):
    from datetime import timedelta

    from django.db import ProgrammingError, transaction

    from conftest import client_for

    place = placed(cast, woman_a)
    today = timezone.localdate()
    went = services.record_attendance(
        by=cast["custody"], allocation=place, day=today, attended=True
    )
    with invalid("correction", Attendance):
        services.correct_attendance(
            by=cast["custody"], attendance=went, attended=False, absence="cancelled", correction=""
        )
    with invalid("absence", Attendance):
        services.correct_attendance(
            by=cast["custody"], attendance=went, attended=False, correction="Wrong register"
        )
    corrected = services.correct_attendance(
        by=cast["custody"],
        attendance=went,
        attended=False,
        absence="cancelled",
        correction="The class was cancelled; the register was filled in beforehand",
    )
    assert (corrected.attended, corrected.absence, corrected.version) == (False, "cancelled", 2)
    assert [e.attended for e in Attendance.pgh_event_model.objects.filter(pgh_obj=went)] == [
        True,
        False,
    ]
    # The day and the place it is about never change, whatever door.
    with pytest.raises(ProgrammingError), transaction.atomic():
        Attendance.objects.filter(pk=went.pk).update(day=today - timedelta(days=1))
    # The page offers the correction; the API's change names the version it read.
    page = client_for(cast["custody"]).get(f"/regime/women/{woman_a.uuid}/").content.decode()
    assert f"/regime/attendance/{went.uuid}/correct/" in page and "Corrected: The class" in page
    api = client_for(cast["custody"])
    stale = api.post(
        f"/api/v1/regime/attendance/{went.uuid}/correct/",
        {"attended": True, "correction": "Back again"},
        "application/json",
        headers={"If-Match": '"1"'},
    )
    assert stale.status_code == 412
    fresh = api.post(
        f"/api/v1/regime/attendance/{went.uuid}/correct/",
        {"attended": True, "correction": "Back again"},
        "application/json",
        headers={"If-Match": '"2"'},
    )
    assert fresh.status_code == 200, fresh.content
    assert fresh.json()["attended"] is True and fresh.json()["version"] == 3
    # On the page, the form carries the version it shows.
    officer = client_for(cast["custody"])
    form = officer.get(f"/regime/attendance/{went.uuid}/correct/").content.decode()
    assert 'name="version" value="3"' in form
    posted = officer.post(
        f"/regime/attendance/{went.uuid}/correct/",
        {"version": "3", "attended": "no", "absence": "sick", "correction": "She was sick"},
    )
    assert posted.status_code == 302
    assert Attendance.objects.get(pk=went.pk).absence == "sick"
