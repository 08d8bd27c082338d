"""A search recorded after the fact is judged on the truth (Rule 19): it says why it is late,
its searchers are judged by their recorded gender then and since, and by training confirmed
before the search, never by a certificate confirmed later with an earlier date."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from conftest import client_for
from searches.models import Search, SearchStaff
from searches.services import record_search
from staff import services as staff
from staff.models import Course, Gender
from staff.tests.factories import make_staff
from tests import refusals

from .factories import pat_down, trained

pytestmark = pytest.mark.django_db


def nothing_written() -> bool:
    return (
        not Search.objects.exists()
        and not AuditEvent.objects.filter(action="search.recorded").exists()
    )


@pytest.mark.rule("19")
def test_a_search_recorded_hours_later_says_why_at_the_service_and_the_api(officer, woman_a):
    hours_ago = timezone.now() - timedelta(hours=6)
    with pytest.raises(ValidationError) as caught:
        record_search(
            by=officer, prisoner=woman_a, searchers=[officer], searched_at=hours_ago, **pat_down()
        )
    assert "late_reason" in caught.value.message_dict and nothing_written()

    url = reverse("api-prisoner-searches", kwargs={"uuid": woman_a.uuid})
    body = {**pat_down(), "searchers": [officer.username], "searched_at": hours_ago.isoformat()}
    answer = client_for(officer).post(url, body, content_type="application/json")
    assert answer.status_code == 400 and "late_reason" in answer.json() and nothing_written()

    body["late_reason"] = "Written up from the unit log after the alarm"
    answer = client_for(officer).post(url, body, content_type="application/json")
    assert answer.status_code == 201
    assert answer.json()["late_reason"] == "Written up from the unit log after the alarm"


@pytest.mark.rule("19")
def test_training_confirmed_after_a_search_never_makes_that_search_lawful(cast, woman_a):
    officer, governor = cast["custody"], cast["governor"]
    change = staff.record_training(
        user=officer,
        course=Course.SEARCH_METHODS,
        completed=timezone.localdate() - timedelta(days=60),
        provider="Regional academy",
        by=cast["health"],
    )
    staff.confirm(change=change, by=governor)
    before_it_counted = timezone.now() - timedelta(hours=1)

    with refusals.refused("19", Search, SearchStaff) as caught:
        record_search(
            by=officer,
            prisoner=woman_a,
            searchers=[officer],
            searched_at=before_it_counted,
            **pat_down(),
        )
    assert "confirmed before the search" in str(caught.value)
    # From its confirmation on, the same training counts.
    assert record_search(by=officer, prisoner=woman_a, searchers=[officer], **pat_down()).pk


@pytest.mark.rule("19")
def test_a_searcher_recorded_as_a_man_at_the_time_may_not_search_her_since_corrected(
    facility_a, woman_a
):
    officer = make_staff("custody", facility_a, username="corrected", gender=Gender.MAN)
    trained(officer)
    staff.grant_confirmed(user=officer, gender=Gender.WOMAN)
    an_hour_ago = timezone.now() - timedelta(hours=1)

    with refusals.refused("19", Search, SearchStaff) as caught:
        record_search(
            by=officer, prisoner=woman_a, searchers=[officer], searched_at=an_hour_ago, **pat_down()
        )
    assert "is a man" in str(caught.value)
