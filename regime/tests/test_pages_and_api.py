"""The regime's doors: her page's section, her regime page, the forms (a refusal beside the
form with nothing written), the API (a correction names the version it read), a race for the
last place, and the lists asking as many queries for many rows as for one."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from conftest import client_for
from prisoners.tests.factories import PrisonerFactory
from regime import services
from regime.models import Allocation, TimeOutOfCell
from tests.concurrency import race
from tests.her_page import open_her_page
from tests.refusals import nothing_written

from .factories import activity, day_out, placed

pytestmark = pytest.mark.django_db


def test_her_page_shows_her_places_and_her_last_seven_days(cast, woman_a):
    placed(cast, woman_a, name="Literacy class")
    day_out(cast, woman_a, minutes=90)
    body = open_her_page(client_for(cast["health"]), woman_a).content.decode()
    assert "Literacy class" in body
    assert "Locked up 22 hours or more" in body
    assert body.count("Not recorded") == 6
    hidden = open_her_page(client_for(cast["safeguarding"]), woman_a).content.decode()
    assert "regime-days" not in hidden


@pytest.mark.rule("42")
def test_the_page_shows_the_refusal_beside_the_form_and_writes_nothing(cast, woman_a):
    url = reverse("regime:record-time-out", kwargs={"uuid": woman_a.uuid})
    client = client_for(cast["custody"])
    with nothing_written(TimeOutOfCell):
        page = client.post(url, {"day": timezone.localdate().isoformat(), "minutes": "30"})
    assert page.status_code == 400
    assert "Rule 42" in page.content.decode()
    saved = client.post(
        url, {"day": timezone.localdate().isoformat(), "minutes": "30", "reason": "Lock-down"}
    )
    assert saved.status_code == 302 and saved.url == f"/regime/women/{woman_a.uuid}/"
    assert TimeOutOfCell.objects.get().minutes == 30


@pytest.mark.rule("42")
def test_the_api_records_refuses_naming_the_rule_and_corrects_under_if_match(cast, woman_a):
    client = client_for(cast["custody"])
    url = reverse("api-regime-record-time-out", kwargs={"uuid": woman_a.uuid})
    day = timezone.localdate().isoformat()
    with nothing_written(TimeOutOfCell):
        refused = client.post(url, {"day": day, "minutes": 60}, content_type="application/json")
    assert refused.status_code == 409 and refused.json()["rule"] == "42"
    made = client.post(url, {"day": day, "minutes": 300}, content_type="application/json")
    assert made.status_code == 201
    record = TimeOutOfCell.objects.get()
    fix = reverse("api-regime-correct-time-out", kwargs={"uuid": record.uuid})
    body = {"minutes": 360, "correction": "The yard time was missed"}
    bare = client.post(fix, body, content_type="application/json", HTTP_IF_MATCH=None)
    assert bare.status_code == 428
    stale = client.post(fix, body, content_type="application/json", headers={"If-Match": '"7"'})
    assert stale.status_code == 412
    done = client.post(
        fix, body, content_type="application/json", headers={"If-Match": f'"{record.version}"'}
    )
    assert done.status_code == 200 and done.json()["minutes"] == 360
    assert AuditEvent.objects.filter(action="regime.time_out_corrected").count() == 1
    listed = client.get(url).json()["results"]
    assert [row["minutes"] for row in listed] == [360]


def test_the_governor_reviews_a_day_from_its_page(cast, woman_a):
    record = day_out(cast, woman_a, minutes=60)
    services.check_de_facto_solitary()
    url = reverse("regime:review-solitary", kwargs={"uuid": record.uuid})
    page = client_for(cast["governor"]).get(url)
    assert page.status_code == 200 and "Mandela 44" in page.content.decode()
    done = client_for(cast["governor"]).post(url, {"account": "Unit locked down; reopened."})
    assert done.status_code == 302
    assert record.solitary_review.account == "Unit locked down; reopened."


@pytest.mark.django_db(transaction=True)
def test_two_allocations_at_once_take_the_last_place_once(cast, facility_a, woman_a):
    group = activity(cast, facility_a, capacity=1, name="Choir")
    other = PrisonerFactory(facility=facility_a, prison_number="A00078")

    def give(woman):
        return lambda: services.allocate(by=cast["custody"], prisoner=woman, activity=group)

    outcomes = race({"first": give(woman_a), "second": give(other)})

    assert len(outcomes) == 2
    assert any("is full" in outcome for outcome in outcomes)
    assert Allocation.objects.count() == 1


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_lists_ask_as_many_queries_for_many_rows_as_for_one(cast, facility_a, woman_a):
    client = client_for(cast["governor"])
    first = placed(cast, woman_a, name="Art")
    day_out(cast, woman_a, minutes=60)
    pages = (
        f"/regime/women/{woman_a.uuid}/",
        f"/regime/facilities/{facility_a.uuid}/",
        f"/regime/activities/{first.activity.uuid}/",
        f"/women/{woman_a.uuid}/",
    )
    one = [_queries(client, url) for url in pages]
    for n in range(2, 6):
        placed(cast, woman_a, name=f"Activity {n}")
        other = PrisonerFactory(facility=facility_a, prison_number=f"A0010{n}")
        placed(cast, other, on=first.activity)
        day_out(cast, woman_a, minutes=300, day=timezone.localdate() - timedelta(days=n))
    assert [_queries(client, url) for url in pages] == one


@pytest.mark.rule("42")
def test_her_regime_page_shows_her_attendance_newest_first_and_pages_it(cast, woman_a):
    place = placed(cast, woman_a, name="Literacy class")
    Allocation.objects.filter(pk=place.pk).update(
        started_on=timezone.localdate() - timedelta(days=10)
    )
    place.refresh_from_db()
    for back in range(1, 4):
        services.record_attendance(
            by=cast["custody"],
            allocation=place,
            day=timezone.localdate() - timedelta(days=back),
            attended=back != 2,
            absence="" if back != 2 else "cancelled",
            note="Teacher off sick." if back == 2 else "",
        )
    url = reverse("regime:her", kwargs={"uuid": woman_a.uuid})
    page = client_for(cast["inspector"]).get(url, {"page_size": 2}).content.decode()
    table = page[page.index('data-testid="attendance"') :]
    assert table.count("Literacy class") == 2 and "No: Cancelled by the prison" in table
    assert "Teacher off sick." in table and "attendance-cursor=" in page
    assert 'aria-label="Pages of her attendance"' in page
    empty = client_for(cast["inspector"]).get(
        reverse("regime:her", kwargs={"uuid": PrisonerFactory(facility=woman_a.facility).uuid})
    )
    assert "No attendance is recorded yet." in empty.content.decode()
