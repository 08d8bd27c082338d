"""A child's days in prison with her mother (Rules 42.2, 50, 51.2): childcare that lets her
take part in the prison's activities, outings and nursery that keep the child's life close to
a child's outside (asked for at least every CHILD_OUTING_DAYS while the child lives with her),
time together. Part of the child's record: read only by those who read children's identities,
each read audited (Rule 3.2)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from conftest import client_for
from register.models import ChildActivity
from register.services import OUTING_KIND, record_child_activity
from register.tests.factories import child_fields, leaves, with_her
from reminders.models import OPEN_STATUSES, Reminder
from tests import refusals
from tests.versions import VersionedAPIClient

pytestmark = pytest.mark.django_db


@pytest.fixture
def baby(cast, woman_a):
    fields = child_fields(date_of_birth=timezone.localdate() - timedelta(days=200))
    return with_her(cast["reception"], woman_a, social=cast["social"], **fields)


def outings_asked(child):
    return Reminder.objects.filter(kind=OUTING_KIND, key__contains=str(child.uuid))


@pytest.mark.rule("51.2")
def test_a_child_who_comes_to_live_with_her_is_asked_an_outing_and_each_outing_asks_the_next(
    cast, baby, settings
):
    first = outings_asked(baby).get()
    assert (
        first.status in OPEN_STATUSES and first.rule == "51.2" and first.assignee_role == "social"
    )
    assert first.due_at.date() == timezone.localdate() + timedelta(days=settings.CHILD_OUTING_DAYS)
    record_child_activity(
        by=cast["social"],
        child=baby,
        kind="outing",
        on=timezone.localdate(),
        who="Her grandmother and a prison officer",
        place="The city park",
    )
    first.refresh_from_db()
    assert first.status == "done"
    assert outings_asked(baby).filter(status__in=OPEN_STATUSES).count() == 1
    # Childcare answers no outing.
    record_child_activity(
        by=cast["social"],
        child=baby,
        kind="childcare",
        on=timezone.localdate(),
        who="The unit's nursery nurse",
        her_activity="Her literacy class",
        hours=2,
    )
    assert outings_asked(baby).filter(status__in=OPEN_STATUSES).count() == 1


@pytest.mark.rule("42.2")
@pytest.mark.parametrize(
    ("kind", "fields", "missing"),
    [
        ("childcare", {"who": "The nursery nurse"}, "her_activity"),
        ("childcare", {"her_activity": "Work in the kitchen"}, "who"),
        ("outing", {"who": "Her aunt"}, "place"),
        ("nursery", {}, "place"),
    ],
)
def test_each_kind_says_what_the_rules_ask_of_it(cast, baby, kind, fields, missing):
    with refusals.invalid(missing, ChildActivity):
        record_child_activity(
            by=cast["social"], child=baby, kind=kind, on=timezone.localdate(), **fields
        )


def test_only_a_child_living_with_her_on_a_day_of_the_last_month_by_social_workers(
    cast, baby, woman_a
):
    today = timezone.localdate()
    together = {"kind": "together", "who": "", "note": "A birthday party on the unit"}
    with refusals.invalid("on", ChildActivity):
        record_child_activity(
            by=cast["social"], child=baby, on=today + timedelta(days=1), **together
        )
    with refusals.invalid("on", ChildActivity):
        record_child_activity(
            by=cast["social"], child=baby, on=today - timedelta(days=31), **together
        )
    for role in ("reception", "custody", "health", "governor", "inspector"):
        with refusals.denied(ChildActivity):
            record_child_activity(by=cast[role], child=baby, on=today, **together)
    record_child_activity(by=cast["social"], child=baby, on=today, **together)
    leaves(baby, by=cast["social"])
    assert not outings_asked(baby).filter(status__in=OPEN_STATUSES).exists()
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError), refusals.nothing_written(ChildActivity):
        record_child_activity(by=cast["social"], child=baby, on=today, **together)


def test_the_page_records_a_day_and_shows_the_days_each_read_audited(cast, baby):
    social = client_for(cast["social"])
    url = reverse("register:child-life", args=[baby.uuid])
    reads = AuditEvent.objects.filter(action="child.identity_read").count()
    assert social.get(url).status_code == 200
    assert AuditEvent.objects.filter(action="child.identity_read").count() == reads + 1
    bad = social.post(url, {"kind": "outing", "on": timezone.localdate().isoformat()})
    assert bad.status_code == 400 and ChildActivity.objects.count() == 0
    done = social.post(
        url,
        {
            "kind": "nursery",
            "on": timezone.localdate().isoformat(),
            "place": "Ban Rak nursery school",
            "hours": "3",
        },
    )
    assert done.status_code == 302 and done["Location"] == url
    page = social.get(url).content.decode()
    assert "Ban Rak nursery school" in page
    for role in ("custody", "health", "governor", "inspector"):
        assert client_for(cast[role]).get(url).status_code == 404


def test_the_api_lists_the_days_for_those_who_read_the_child_and_no_one_else(cast, baby):
    record_child_activity(
        by=cast["social"],
        child=baby,
        kind="nursery",
        on=timezone.localdate(),
        place="Canarynursery",
    )
    url = f"/api/v1/children/{baby.uuid}/activities/"
    for role, status in (("reception", 200), ("social", 200), ("governor", 404), ("health", 404)):
        client = VersionedAPIClient()
        client.force_authenticate(cast[role])
        answer = client.get(url)
        assert answer.status_code == status
        assert (b"Canarynursery" in answer.content) == (status == 200)
