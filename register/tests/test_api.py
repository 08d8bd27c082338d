import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from admissions.services import admit_woman
from admissions.tests.factories import commitment, identity
from audit.models import AuditEvent
from register.models import Child, Custody
from register.services import record_child
from register.tests.factories import child_fields
from reminders.models import Reminder
from tests.versions import VersionedAPIClient

pytestmark = pytest.mark.django_db
NO_IDENTITIES = ["custody", "health", "safeguarding", "governor", "inspector"]
CANARY = "Canarychild"


@pytest.fixture
def api(cast):
    def for_role(role):
        client = VersionedAPIClient()
        client.force_authenticate(cast[role])
        return client

    return for_role


def children_url(woman):
    return f"/api/v1/prisoners/{woman.uuid}/children/"


def child_url(child):
    return f"/api/v1/children/{child.uuid}/"


def as_json(**overrides):
    data = child_fields(**overrides)
    data["date_of_birth"] = data["date_of_birth"].isoformat()
    return data


@pytest.fixture
def child(cast, woman_a):
    return record_child(by=cast["reception"], mother=woman_a, **child_fields(given_names=CANARY))


# Reading the register (Rule 3.2)


@pytest.mark.rule("3.2")
@pytest.mark.parametrize("role", ["reception", "social"])
def test_reception_and_social_workers_read_her_children_and_the_read_is_audited(
    api, cast, woman_a, child, role
):
    response = api(role).get(children_url(woman_a))
    assert response.status_code == 200
    [row] = response.json()
    assert (row["uuid"], row["given_names"], row["custody"]) == (
        str(child.uuid),
        CANARY,
        "relative",
    )
    assert row["needs_arrangement"] is False
    event = AuditEvent.objects.get(action="child.identity_read")
    assert event.actor == cast[role] and event.disclosed == [str(child.uuid)]


@pytest.mark.rule("3.2")
@pytest.mark.parametrize("role", [*NO_IDENTITIES, "sysadmin"])
def test_other_roles_are_refused_childrens_identities_and_nothing_is_read(
    api, woman_a, child, role
):
    response = api(role).get(children_url(woman_a))
    assert response.status_code == 404
    assert CANARY not in response.content.decode()
    assert not AuditEvent.objects.filter(action="child.identity_read").exists()


@pytest.mark.rule("3.2")
def test_another_facilitys_womans_children_are_404(api, cast, woman_b):
    record_child(by=cast["outsider"], mother=woman_b, **child_fields(given_names=CANARY))
    response = api("reception").get(children_url(woman_b))
    assert response.status_code == 404
    assert CANARY not in response.content.decode()


def test_no_token_no_children(woman_a, child):
    assert VersionedAPIClient().get(children_url(woman_a)).status_code == 401


def test_the_children_list_runs_a_constant_number_of_queries(api, cast, woman_a, child):
    client = api("social")

    def count():
        client.get(children_url(woman_a))  # the first request loads her permissions, once
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(children_url(woman_a)).status_code == 200
        return len(ctx.captured_queries)

    one = count()
    for n in range(5):
        record_child(by=cast["reception"], mother=woman_a, **child_fields(given_names=f"Child {n}"))
    assert count() == one


@pytest.mark.rule("3.2")
@pytest.mark.parametrize("role", NO_IDENTITIES)
def test_no_child_name_reaches_a_role_without_the_right_in_any_response(
    api, cast, facility_a, role
):
    admission = admit_woman(
        by=cast["reception"], facility=facility_a, commitment=commitment(), identity=identity()
    )
    mother = admission.prisoner
    record_child(
        by=cast["reception"],
        mother=mother,
        **child_fields(given_names=CANARY, location="", location_unknown=True, custody="unknown"),
    )
    client = api(role)
    paths = [
        "/api/v1/prisoners/",
        f"/api/v1/prisoners/{mother.uuid}/",
        f"/api/v1/prisoners/{mother.uuid}/children/",
        f"/api/v1/prisoners/{mother.uuid}/family/",
        "/api/v1/admissions/",
        f"/api/v1/admissions/{admission.uuid}/",
        "/api/v1/tasks/",
    ]
    for path in paths:
        assert CANARY not in client.get(path).content.decode(), path
    refusal = client.post(f"/api/v1/admissions/{admission.uuid}/complete/")
    assert CANARY not in refusal.content.decode()


# Adding a child (Rule 3.1)


@pytest.mark.rule("3")
def test_reception_adds_a_child_with_name_age_location_and_custody(api, woman_a):
    response = api("reception").post(children_url(woman_a), as_json(), format="json")
    assert response.status_code == 201, response.content
    child = Child.objects.get()
    assert (child.mother, child.given_names, child.custody) == (woman_a, "Ploy", "relative")
    assert response.json()["uuid"] == str(child.uuid)
    assert response.json()["age"] == child.age


@pytest.mark.rule("3")
def test_a_child_outside_without_location_or_custody_is_refused_naming_the_rule(api, woman_a):
    response = api("reception").post(
        children_url(woman_a), as_json(location="", custody=""), format="json"
    )
    assert response.status_code == 400
    assert "Rule 3.1" in response.content.decode()
    assert not Child.objects.exists()


@pytest.mark.rule("3")
def test_unknown_whereabouts_are_allowed_and_ask_social_workers_to_find_out(api, woman_a):
    response = api("reception").post(
        children_url(woman_a),
        as_json(location="", location_unknown=True, custody=Custody.UNKNOWN),
        format="json",
    )
    assert response.status_code == 201
    assert response.json()["whereabouts_unknown"] is True
    reminder = Reminder.objects.get(kind="register.whereabouts_unknown")
    assert reminder.assignee_role == "social" and "Ploy" not in reminder.title


def test_a_child_without_a_name_or_date_of_birth_is_a_400_naming_the_fields(api, woman_a):
    response = api("social").post(children_url(woman_a), {"custody": "relative"}, format="json")
    assert response.status_code == 400
    assert {"given_names", "date_of_birth"} <= set(response.json())
    assert not Child.objects.exists()


@pytest.mark.rule("3.2")
@pytest.mark.parametrize("role", [*NO_IDENTITIES, "sysadmin"])
def test_other_roles_cannot_add_to_the_register(api, woman_a, role):
    assert api(role).post(children_url(woman_a), as_json(), format="json").status_code == 404
    assert not Child.objects.exists()


def test_adding_a_child_to_another_facilitys_woman_is_404(api, woman_b):
    assert api("reception").post(children_url(woman_b), as_json(), format="json").status_code == 404
    assert not Child.objects.exists()


# Keeping the register current (social workers)


@pytest.mark.rule("3")
def test_a_social_worker_keeps_a_childs_record_current(api, child):
    response = api("social").patch(
        child_url(child),
        {"location": "Foster home, Chiang Mai", "custody": "foster"},
        format="json",
    )
    assert response.status_code == 200, response.content
    child.refresh_from_db()
    assert (child.location, child.custody, child.given_names) == (
        "Foster home, Chiang Mai",
        "foster",
        CANARY,
    )
    assert AuditEvent.objects.filter(action="child.updated", subject_id=str(child.uuid)).exists()


@pytest.mark.rule("3")
def test_a_change_that_leaves_a_child_outside_without_custody_is_refused(api, child):
    response = api("social").patch(child_url(child), {"custody": ""}, format="json")
    assert response.status_code == 400
    assert "Rule 3.1" in response.content.decode()
    child.refresh_from_db()
    assert child.custody == "relative"


def test_an_empty_change_is_a_400(api, child):
    assert api("social").patch(child_url(child), {}, format="json").status_code == 400


@pytest.mark.rule("3.2")
@pytest.mark.parametrize("role", ["reception", *NO_IDENTITIES, "sysadmin"])
def test_once_she_is_past_reception_only_social_workers_keep_the_register(api, child, role):
    response = api(role).patch(child_url(child), {"location": "Elsewhere"}, format="json")
    assert response.status_code == 404
    assert CANARY not in response.content.decode()
    child.refresh_from_db()
    assert child.location != "Elsewhere"


def test_another_facilitys_child_is_404(api, cast, woman_b):
    other = record_child(by=cast["outsider"], mother=woman_b, **child_fields())
    response = api("social").patch(child_url(other), {"location": "Elsewhere"}, format="json")
    assert response.status_code == 404


@pytest.mark.rule("2.2")
def test_reception_corrects_a_child_while_she_is_in_reception_and_not_after(api, cast, facility_a):
    from admissions.services import complete_admission, record_rights_offer

    admission = admit_woman(
        by=cast["reception"], facility=facility_a, commitment=commitment(), identity=identity()
    )
    child = record_child(
        by=cast["reception"], mother=admission.prisoner, **child_fields(arrangements="")
    )
    response = api("reception").patch(
        child_url(child), {"arrangements": "Her sister cares for her."}, format="json"
    )
    assert response.status_code == 200 and response.json()["needs_arrangement"] is False

    for item in ("family_contact", "legal_advice", "information", "consular"):
        record_rights_offer(
            by=cast["reception"], admission=admission, item=item, outcome="done", language="my"
        )
    complete_admission(by=cast["reception"], admission=admission)
    response = api("reception").patch(child_url(child), {"location": "Elsewhere"}, format="json")
    assert response.status_code == 404
    child.refresh_from_db()
    assert child.location != "Elsewhere"
