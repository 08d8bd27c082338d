"""Nothing is overwritten: a change names the version of the record it was based on.

The API answers a changeable record's read with its `ETag` and takes a change only with the
version it names in `If-Match`: 428 without, 412 when the record changed since, and nothing
written either way. The version moves in the database on every change, whatever the door.
Two changes based on one version, at once, for real: one is written, the other is told.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse

from audit.models import AuditEvent
from bangkok.versions import TRIGGER, versioned_models
from complaints.models import Complaint
from complaints.tests.factories import complaint
from conftest import client_for
from register.models import Child, Separation
from register.services import record_child
from register.tests.factories import child_fields, decide
from tests.concurrency import race
from tests.refusals import nothing_written
from tests.versions import VersionedAPIClient

pytestmark = pytest.mark.django_db


def api(user) -> VersionedAPIClient:
    client = VersionedAPIClient()
    client.force_authenticate(user)
    return client


def child_url(child):
    return f"/api/v1/children/{child.uuid}/"


@pytest.fixture
def child(cast, woman_a):
    return record_child(by=cast["reception"], mother=woman_a, **child_fields())


def fresh(record):
    return type(record).objects.get(pk=record.pk)


def test_every_changeable_record_moves_its_version_in_the_database():
    tables = {model._meta.db_table for model in versioned_models()}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE t.tgname = %s",
            [TRIGGER],
        )
        guarded = {row[0] for row in cursor.fetchall()}
    assert len(tables) >= 20 and tables <= guarded


def test_any_door_moves_the_version_and_none_sets_it(child):
    assert child.version == 1
    with connection.cursor() as cursor:
        # Raw SQL, as the admin or a script would: the version moves by one.
        cursor.execute("UPDATE register_child SET location = 'Elsewhere' WHERE id = %s", [child.pk])
        assert fresh(child).version == 2
        # Setting it by hand is not a change: it stays where the database put it.
        cursor.execute("UPDATE register_child SET version = 99 WHERE id = %s", [child.pk])
        assert fresh(child).version == 2
    # A save in memory learns its new version from the database.
    child = fresh(child)
    child.location = "Chiang Mai"
    child.save(update_fields=["location"])
    assert child.version == fresh(child).version == 3


def test_a_read_answers_the_version_and_a_change_with_it_answers_the_next(cast, woman_a):
    filed = complaint(cast["custody"], woman_a)
    read = api(cast["safeguarding"]).get(f"/api/v1/complaints/{filed.uuid}/")
    assert read.status_code == 200 and read["ETag"] == '"1"' and read.json()["version"] == 1
    url = f"/api/v1/complaints/{filed.uuid}/acknowledge/"
    changed = api(cast["safeguarding"]).post(url, {}, format="json", HTTP_IF_MATCH=read["ETag"])
    assert changed.status_code == 200, changed.content
    assert changed["ETag"] == '"2"' == f'"{fresh(filed).version}"'
    # The same version again is stale now: refused, nothing written.
    again = api(cast["safeguarding"]).post(url, {}, format="json", HTTP_IF_MATCH=read["ETag"])
    assert again.status_code == 412
    assert "changed since you opened it" in again.json()["detail"]
    assert fresh(filed).version == 2


def test_a_change_without_a_version_is_refused_and_nothing_is_written(cast, child):
    with nothing_written(Child, Separation):
        response = api(cast["social"]).patch(
            child_url(child), {"location": "Elsewhere"}, format="json", HTTP_IF_MATCH=None
        )
    assert response.status_code == 428 and response["ETag"] == '"1"'
    assert "If-Match" in response.json()["detail"]
    assert fresh(child).location == child.location and fresh(child).version == 1


def test_a_stale_change_is_refused_and_nothing_is_written(cast, child):
    Child.objects.filter(pk=child.pk).update(location="Moved by someone else")
    with nothing_written(Child, Separation):
        response = api(cast["social"]).patch(
            child_url(child), {"location": "Elsewhere"}, format="json", HTTP_IF_MATCH='"1"'
        )
    assert response.status_code == 412 and response["ETag"] == '"2"'
    assert fresh(child).location == "Moved by someone else" and fresh(child).version == 2


@pytest.mark.parametrize("if_match", [None, '"1"', '"7"', "*"])
def test_a_role_that_may_not_act_meets_the_404_of_a_missing_record_whatever_the_version(
    cast, woman_a, if_match
):
    filed = complaint(cast["custody"], woman_a)
    url = f"/api/v1/complaints/{filed.uuid}/acknowledge/"
    response = api(cast["custody"]).post(url, {}, format="json", HTTP_IF_MATCH=if_match)
    missing = api(cast["custody"]).post(
        "/api/v1/complaints/00000000-0000-4000-8000-000000000000/acknowledge/",
        {},
        format="json",
        HTTP_IF_MATCH=if_match,
    )
    assert response.status_code == missing.status_code == 404
    assert response.content == missing.content
    assert fresh(filed).status == Complaint.objects.get(pk=filed.pk).status
    assert fresh(filed).version == 1


@pytest.mark.rule("52")
def test_a_stale_change_is_told_it_is_stale_before_any_rule_refusal(cast, woman_a):
    decide(cast["social"], woman_a)
    child = record_child(
        by=cast["reception"],
        mother=woman_a,
        **child_fields(lives_with_mother=True, location="", custody="", arrangements=""),
    )
    Child.objects.filter(pk=child.pk).update(carer_contact="Her sister, 081 234 5678")
    response = api(cast["social"]).patch(
        child_url(child), {"lives_with_mother": False}, format="json", HTTP_IF_MATCH='"1"'
    )
    assert response.status_code == 412
    current = api(cast["social"]).patch(
        child_url(child), {"lives_with_mother": False}, format="json"
    )
    assert current.status_code == 409 and current.json()["rule"] == "52"
    assert fresh(child).lives_with_mother


@pytest.mark.django_db(transaction=True)
def test_two_edits_at_once_from_one_version_never_lose_one(cast, woman_a):
    """Two social workers open her child's record and change it at the same moment: one
    change is written, the other is refused as stale, and nothing is lost unseen."""
    child = record_child(by=cast["reception"], mother=woman_a, **child_fields())
    edits = {"location": "Lampang", "carer_contact": "Her aunt, 089 765 4321"}
    clients = {field: api(cast["social"]) for field in edits}
    answers: dict[str, int] = {}

    def edit(field):
        response = clients[field].patch(
            child_url(child), {field: edits[field]}, format="json", HTTP_IF_MATCH='"1"'
        )
        answers[field] = response.status_code

    race({field: (lambda field=field: edit(field)) for field in edits})

    assert sorted(answers.values()) == [200, 412], answers
    [written] = [field for field, status in answers.items() if status == 200]
    [refused] = [field for field, status in answers.items() if status == 412]
    now = fresh(child)
    assert getattr(now, written) == edits[written]
    assert getattr(now, refused) == getattr(child, refused)
    assert now.version == 2
    # Told, she reads it again and makes her change on what is there now: both hold.
    again = api(cast["social"]).patch(child_url(child), {refused: edits[refused]}, format="json")
    assert again.status_code == 200 and again["ETag"] == '"3"'
    now = fresh(child)
    assert (now.location, now.carer_contact) == (edits["location"], edits["carer_contact"])


# Pages: the form carries the version it was opened on.


def test_a_page_form_carries_the_version_of_the_record_it_changes(cast, woman_a):
    filed = complaint(cast["custody"], woman_a)
    page = client_for(cast["safeguarding"]).get(reverse("complaints:detail", args=[filed.uuid]))
    html = page.content.decode()
    # The answer form and the buttons each carry version 1.
    assert html.count('name="version" value="1"') >= 2


def test_a_stale_page_form_comes_back_saying_so_with_what_she_wrote_and_nothing_written(
    cast, woman_a
):
    filed = complaint(cast["custody"], woman_a)
    # Opened at version 1; meanwhile someone gives a later date for her answer (version 2).
    Complaint.objects.filter(pk=filed.pk).update(reply_by=filed.reply_by + timedelta(days=7))
    page = client_for(cast["safeguarding"]).post(
        reverse("complaints:act", args=[filed.uuid, "answer"]),
        {"reply": "The boiler is mended.", "version": "1"},
    )
    assert page.status_code == 400
    html = page.content.decode()
    assert "This record was changed since you opened it" in html
    assert "The boiler is mended." in html  # what she wrote is kept for her to send again
    assert 'name="version" value="2"' in html  # the form now carries the version she sees
    assert fresh(filed).reply == "" and fresh(filed).version == 2
    # Only her read of the complaint shown again is audited, no answer.
    assert not AuditEvent.objects.filter(action="complaints.answered").exists()
    # Sent again from what she now sees, it is written.
    again = client_for(cast["safeguarding"]).post(
        reverse("complaints:act", args=[filed.uuid, "answer"]),
        {"reply": "The boiler is mended.", "version": "2"},
    )
    assert again.status_code == 302 and fresh(filed).reply == "The boiler is mended."


def test_a_stale_button_is_refused_saying_so(cast, woman_a):
    filed = complaint(cast["custody"], woman_a)
    Complaint.objects.filter(pk=filed.pk).update(reply="Answered elsewhere")
    page = client_for(cast["safeguarding"]).post(
        reverse("complaints:act", args=[filed.uuid, "acknowledge"]), {"version": "1"}
    )
    assert page.status_code == 400
    assert "This record was changed since you opened it" in page.content.decode()
    assert fresh(filed).acknowledged_at is None
