"""A child's record corrected on a page (Rules 2.2, 3, 52): social workers keep it, reception
corrects it while her admission is in reception; nobody else reaches it (Rule 3.2)."""

from contextlib import contextmanager

import pytest
from django.urls import reverse

from admissions.services import admit_woman, complete_admission, record_rights_offer
from admissions.tests.factories import commitment, identity
from audit.models import AuditEvent
from conftest import client_for
from register.models import Child, Custody
from register.services import record_child, update_child
from register.tests.factories import child_fields, decide
from reminders.models import Reminder
from tests.her_page import open_her_page
from tests.refusals import nothing_written

pytestmark = pytest.mark.django_db

OUTSIDE = {
    "given_names": "Ploy",
    "family_name": "Srisuk",
    "date_of_birth": "2019-03-14",
    "dependent": "on",
    "custody": "relative",
    "location": "With her grandmother in Lampang",
    "carer_contact": "Grandmother, 081 234 5678",
    "arrangements": "Her grandmother cares for her; the school is told.",
}


@contextmanager
def unchanged(child):
    """The block leaves the child's record as it was, with no audit row of a change (the
    form shown again is a read of her identity, audited as such)."""
    version = Child.objects.get(pk=child.pk).version
    yield
    assert Child.objects.get(pk=child.pk).version == version, "the refused edit was written"
    assert not AuditEvent.objects.filter(action="child.updated").exists()


def edit_url(child) -> str:
    return reverse("register:child-edit", args=[child.uuid])


@pytest.fixture
def lost(cast, woman_a):
    """A child outside whose whereabouts and custody nobody knows yet."""
    return record_child(
        by=cast["reception"],
        mother=woman_a,
        **child_fields(
            location="", location_unknown=True, custody=Custody.UNKNOWN, arrangements=""
        ),
    )


@pytest.fixture
def in_reception(cast, facility_a):
    """A woman still in reception, with a child outside and no arrangement recorded."""
    admission = admit_woman(
        by=cast["reception"], facility=facility_a, commitment=commitment(), identity=identity()
    )
    child = record_child(
        by=cast["reception"],
        mother=admission.prisoner,
        **child_fields(
            location="", location_unknown=True, custody=Custody.UNKNOWN, arrangements=""
        ),
    )
    return admission, child


@pytest.mark.rule("3")
def test_a_social_worker_records_where_a_child_lives_and_the_task_closes(cast, lost):
    task = Reminder.objects.get(kind="register.whereabouts_unknown")
    client = client_for(cast["social"])
    page = client.get(edit_url(lost))
    assert page.status_code == 200
    body = page.content.decode()
    assert f'name="version" value="{lost.version}"' in body
    assert 'name="location_unknown"' in body and "checked" in body

    response = client.post(edit_url(lost), OUTSIDE)

    assert response.status_code == 302
    assert response["Location"] == reverse("prisoners:detail", args=[lost.mother.uuid])
    lost.refresh_from_db()
    assert (lost.location, lost.location_unknown, lost.custody) == (
        "With her grandmother in Lampang",
        False,
        "relative",
    )
    assert lost.carer_contact == "Grandmother, 081 234 5678"
    task.refresh_from_db()
    assert (task.status, task.closed_by) == ("done", cast["social"])
    assert AuditEvent.objects.filter(action="child.updated", actor=cast["social"]).count() == 1
    # Opening it was a read of her identity, recorded with the child's id (Rule 3.2).
    read = AuditEvent.objects.filter(action="child.identity_read", actor=cast["social"]).get()
    assert str(lost.uuid) in str(read.disclosed)


def test_the_form_goes_back_to_the_page_it_was_opened_from(cast, in_reception):
    admission, child = in_reception
    back = reverse("admissions:detail", args=[admission.uuid])
    client = client_for(cast["reception"])
    page = client.get(edit_url(child) + f"?next={back}")
    assert f'name="next" value="{back}"' in page.content.decode()
    response = client.post(edit_url(child), {**OUTSIDE, "next": back})
    assert response.status_code == 302 and response["Location"] == back
    # Another site's address is never followed.
    response = client.post(edit_url(child), {**OUTSIDE, "next": "https://evil.example/"})
    assert response["Location"] == reverse("prisoners:detail", args=[admission.prisoner.uuid])


@pytest.mark.rule("3.1")
def test_each_missing_answer_is_said_at_its_field_and_nothing_is_written(cast, lost):
    client = client_for(cast["social"])
    typed = {**OUTSIDE, "location": "", "custody": ""}
    with unchanged(lost):
        response = client.post(edit_url(lost), typed)
    assert response.status_code == 400
    form = response.context["form"]
    assert "Say where the child lives" in form.errors["location"][0]
    assert "Say who has custody" in form.errors["custody"][0]
    body = response.content.decode()
    assert 'id="id_location_error"' in body and 'id="id_custody_error"' in body
    assert "Her grandmother cares for her" in body, "what she typed is kept"
    lost.refresh_from_db()
    assert lost.location_unknown is True and lost.arrangements == ""


def test_a_place_and_not_known_at_once_is_refused_at_the_tick(cast, lost):
    response = client_for(cast["social"]).post(
        edit_url(lost), {**OUTSIDE, "location_unknown": "on"}
    )
    assert response.status_code == 400
    assert "untick" in response.context["form"].errors["location_unknown"][0]


@pytest.mark.rule("52")
def test_an_edit_never_moves_a_child_living_with_her_out_of_prison(cast, woman_a):
    decide(cast["social"], woman_a)
    child = record_child(
        by=cast["reception"],
        mother=woman_a,
        **child_fields(lives_with_mother=True, location="", custody="", arrangements=""),
    )
    client = client_for(cast["social"])
    page = client.get(edit_url(child)).content.decode()
    assert reverse("register:separate", args=[child.uuid]) in page
    typed = {**OUTSIDE}  # "lives with her mother" unticked
    with unchanged(child):
        response = client.post(edit_url(child), typed)
    assert response.status_code == 400
    error = response.context["form"].errors["lives_with_mother"][0]
    assert "record the separation" in error and "Bangkok Rule 52" in error
    child.refresh_from_db()
    assert child.lives_with_mother is True and child.location == ""


def test_a_record_changed_since_it_was_opened_is_not_overwritten(cast, lost):
    client = client_for(cast["social"])
    opened = lost.version
    # Another officer changes it meanwhile.
    update_child(by=cast["social"], child=lost, carer_contact="Aunt, 089 000 0000")
    response = client.post(edit_url(lost), {**OUTSIDE, "version": opened})
    assert response.status_code == 400
    assert "changed since you opened it" in response.content.decode()
    lost.refresh_from_db()
    assert lost.carer_contact == "Aunt, 089 000 0000" and lost.location == ""


@pytest.mark.rule("2.2")
def test_reception_corrects_a_child_only_while_she_is_in_reception(cast, in_reception):
    admission, child = in_reception
    client = client_for(cast["reception"])
    assert client.get(edit_url(child)).status_code == 200
    details = client.get(reverse("admissions:detail", args=[admission.uuid])).content.decode()
    assert edit_url(child) in details
    assert client.post(edit_url(child), OUTSIDE).status_code == 302

    for item in ("family_contact", "legal_advice", "information", "consular"):
        record_rights_offer(
            by=cast["reception"], admission=admission, item=item, outcome="done", language="my"
        )
    complete_admission(by=cast["reception"], admission=admission)
    assert client.get(edit_url(child)).status_code == 404
    assert client.post(edit_url(child), OUTSIDE).status_code == 404
    her_page = open_her_page(client, admission.prisoner)
    assert edit_url(child) not in her_page.content.decode()
    # Social workers keep it from now on.
    her_page = open_her_page(client_for(cast["social"]), admission.prisoner)
    assert edit_url(child) in her_page.content.decode()


@pytest.mark.rule("3.2")
@pytest.mark.parametrize("role", ["custody", "health", "safeguarding", "governor", "inspector"])
def test_no_other_role_reaches_the_page_nor_learns_the_child_exists(cast, lost, role):
    client = client_for(cast[role])
    # The same 404 as a child who doesn't exist (byte for byte: tests/test_not_found_sweep.py).
    assert client.get(edit_url(lost)).status_code == 404
    with nothing_written(Child):
        assert client.post(edit_url(lost), OUTSIDE).status_code == 404
    her_page = open_her_page(client, lost.mother).content.decode()
    assert edit_url(lost) not in her_page and "Ploy" not in her_page


def test_reception_of_another_facility_meets_a_missing_child(cast, in_reception):
    _, child = in_reception
    assert client_for(cast["outsider"]).get(edit_url(child)).status_code == 404
