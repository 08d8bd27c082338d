"""The API for her property, suspension of detention, transfers and release on one custody
episode (Mandela Rules 7 and 67; Bangkok Rules 2.2 and 4), and how many children she has on
her record (Rule 3.2)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from admissions.models import (
    Admission,
    Allocation,
    PropertyItem,
    Stage,
    SuspensionRequest,
    Transfer,
    TransferProposal,
)
from admissions.services import (
    admit_woman,
    allocate,
    record_property,
    request_suspension,
)
from admissions.tests.factories import commitment
from audit.models import AuditEvent
from conftest import CASE_ROLES
from register.services import record_child
from register.tests.factories import child_fields
from release.tests.factories import ready_for_release
from reminders.models import Reminder
from tests import refusals
from tests.versions import VersionedAPIClient

pytestmark = pytest.mark.django_db
ADMISSIONS = "/api/v1/admissions/"
KEEPERS = ["reception", "governor"]
NOT_KEEPERS = ["custody", "health", "social", "safeguarding", "inspector"]
GROUNDS = "She asks for two weeks to arrange her children's care with her sister."


@pytest.fixture
def api(cast):
    def for_role(role):
        client = VersionedAPIClient()
        client.default_format = "json"  # the API takes JSON bodies only
        client.force_authenticate(cast[role])
        return client

    return for_role


@pytest.fixture
def admission(thai_admission):
    return thai_admission


@pytest.fixture
def admitted(thai_admitted):
    return thai_admitted


def url(admission, action=""):
    return f"{ADMISSIONS}{admission.uuid}/{action + '/' if action else ''}"


def decision_url(suspension):
    return f"/api/v1/suspension-requests/{suspension.uuid}/decision/"


def audited(action: str) -> bool:
    return AuditEvent.objects.filter(action=action).exists()


def count_queries(client, path) -> int:
    client.get(path)  # the first request loads the caller's permissions, once
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    return len(ctx.captured_queries)


# Her property (Mandela Rules 7(e) and 67)


@pytest.mark.rule("M7")
def test_reception_adds_a_line_to_her_property(api, admission):
    response = api("reception").post(
        url(admission, "property"), {"description": "Wristwatch", "quantity": 1, "kept": "stored"}
    )
    assert response.status_code == 201, response.content
    item = PropertyItem.objects.get()
    assert (item.admission, item.description, item.kept) == (admission, "Wristwatch", "stored")
    data = response.json()
    assert data["uuid"] == str(item.uuid)
    assert (data["quantity"], data["returned_at"]) == (1, None)


@pytest.mark.rule("M7")
@pytest.mark.parametrize("role", CASE_ROLES)
def test_every_case_role_reads_the_inventory(api, cast, admission, role):
    record_property(by=cast["reception"], admission=admission, description="Wristwatch")
    record_property(
        by=cast["governor"], admission=admission, description="Cash (THB)", quantity=350
    )
    rows = api(role).get(url(admission, "property")).json()
    assert [(row["description"], row["quantity"]) for row in rows] == [
        ("Wristwatch", 1),
        ("Cash (THB)", 350),
    ]
    assert all(row["returned_at"] is None for row in rows)


@pytest.mark.rule("M67")
def test_she_signs_the_inventory_and_signs_again_after_a_new_line(api, cast, admission):
    record_property(by=cast["reception"], admission=admission, description="Wristwatch")
    client = api("governor")
    response = client.post(url(admission, "property/sign"))
    assert response.status_code == 200, response.content
    assert response.json()["property_signed_at"] is not None
    assert api("custody").get(url(admission)).json()["property_signed_at"] is not None
    client.post(url(admission, "property"), {"description": "Ring"})
    assert api("custody").get(url(admission)).json()["property_signed_at"] is None


@pytest.mark.rule("M67")
def test_an_empty_inventory_cannot_be_signed(api, admission):
    response = api("reception").post(url(admission, "property/sign"))
    assert response.status_code == 400
    admission.refresh_from_db()
    assert admission.property_signed_at is None
    assert not audited("property.inventory_signed")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("description", ""),
        ("description", 7),
        ("quantity", 0),
        ("quantity", "3"),
        ("quantity", True),
        ("quantity", 2.5),
        ("kept", "nowhere"),
    ],
)
def test_a_bad_property_line_is_refused_naming_the_field(api, admission, field, value):
    body = {"description": "Wristwatch", field: value}
    response = api("reception").post(url(admission, "property"), body)
    assert response.status_code == 400
    assert field in response.json()
    assert not PropertyItem.objects.exists()


@pytest.mark.parametrize("role", NOT_KEEPERS)
def test_other_roles_cannot_keep_her_property(api, cast, admission, role):
    record_property(by=cast["reception"], admission=admission, description="Wristwatch")
    client = api(role)
    response = client.post(url(admission, "property"), {"description": "Ring"})
    assert response.status_code == 404
    assert client.post(url(admission, "property/sign")).status_code == 404
    assert PropertyItem.objects.count() == 1
    admission.refresh_from_db()
    assert admission.property_signed_at is None


def test_another_facilitys_property_is_404(api, cast, admission):
    record_property(by=cast["reception"], admission=admission, description="Wristwatch")
    client = api("outsider")
    assert client.get(url(admission, "property")).status_code == 404
    response = client.post(url(admission, "property"), {"description": "Ring"})
    assert response.status_code == 404
    assert client.post(url(admission, "property/sign")).status_code == 404
    assert PropertyItem.objects.count() == 1


def test_the_sysadmin_reads_no_property(api, admission):
    assert api("sysadmin").get(url(admission, "property")).status_code == 404


def test_the_inventory_runs_a_constant_number_of_queries(api, cast, admission):
    client = api("custody")
    record_property(by=cast["reception"], admission=admission, description="Wristwatch")
    one = count_queries(client, url(admission, "property"))
    for n in range(5):
        record_property(by=cast["reception"], admission=admission, description=f"Item {n}")
    assert count_queries(client, url(admission, "property")) == one


# Suspension of detention to arrange her children's care (Rule 2.2)


@pytest.mark.rule("2.2")
def test_reception_records_her_request_for_suspension_of_detention(api, admission):
    response = api("reception").post(
        url(admission, "suspension-requests"),
        {"authority": "Bangkok Criminal Court", "period": "Two weeks", "grounds": GROUNDS},
    )
    assert response.status_code == 201, response.content
    suspension = SuspensionRequest.objects.get()
    assert (suspension.admission, suspension.outcome) == (admission, "pending")
    data = response.json()
    assert (data["uuid"], data["admission"]) == (str(suspension.uuid), str(admission.uuid))
    assert (data["authority"], data["grounds"], data["outcome"]) == (
        "Bangkok Criminal Court",
        GROUNDS,
        "pending",
    )
    follow_up = Reminder.objects.get(key=f"admission.suspension:{suspension.uuid}")
    assert (follow_up.rule, follow_up.assignee_role) == ("2.2", "social")


@pytest.mark.rule("2.2")
@pytest.mark.parametrize(
    ("role", "shown"),
    [("reception", True), ("social", True), ("governor", False), ("inspector", False)],
)
def test_the_grounds_are_only_for_those_who_may_know_her_children(
    api, cast, admission, role, shown
):
    request_suspension(
        by=cast["social"], admission=admission, authority="Bangkok Criminal Court", grounds=GROUNDS
    )
    response = api(role).get(url(admission, "suspension-requests"))
    assert response.status_code == 200
    [row] = response.json()
    assert row["authority"] == "Bangkok Criminal Court" and row["outcome"] == "pending"
    assert ("grounds" in row) is shown
    assert (GROUNDS in response.content.decode()) is shown


@pytest.mark.rule("2.2")
@pytest.mark.parametrize("role", ["custody", "health", "safeguarding", "sysadmin"])
def test_other_roles_do_not_read_her_requests(api, cast, admission, role):
    request_suspension(
        by=cast["social"], admission=admission, authority="Bangkok Criminal Court", grounds=GROUNDS
    )
    response = api(role).get(url(admission, "suspension-requests"))
    assert response.status_code == 404
    assert GROUNDS not in response.content.decode()
    assert "grounds" not in api(role).get(url(admission)).content.decode()


@pytest.mark.rule("2.2")
def test_a_request_needs_the_authority_it_is_sent_to(api, admission):
    response = api("social").post(url(admission, "suspension-requests"), {"grounds": GROUNDS})
    assert response.status_code == 400
    assert "authority" in response.json()
    assert not SuspensionRequest.objects.exists()
    assert not Reminder.objects.filter(kind="admission.suspension_follow_up").exists()


@pytest.mark.rule("2.2")
def test_a_request_dated_in_the_future_is_refused_naming_the_field(api, admission):
    later = (timezone.now() + timedelta(days=1)).isoformat()
    response = api("social").post(
        url(admission, "suspension-requests"), {"authority": "Court", "requested_at": later}
    )
    assert response.status_code == 400
    assert "requested_at" in response.json()
    assert not SuspensionRequest.objects.exists()
    assert not audited("suspension.requested")


@pytest.mark.parametrize("role", ["custody", "health", "safeguarding", "governor", "inspector"])
def test_other_roles_cannot_record_a_request(api, admission, role):
    response = api(role).post(url(admission, "suspension-requests"), {"authority": "Court"})
    assert response.status_code == 404
    assert not SuspensionRequest.objects.exists()


def test_another_facilitys_requests_are_404(api, cast, admission):
    request_suspension(by=cast["social"], admission=admission, authority="Court")
    client = api("outsider")
    assert client.get(url(admission, "suspension-requests")).status_code == 404
    response = client.post(url(admission, "suspension-requests"), {"authority": "Court"})
    assert response.status_code == 404
    assert SuspensionRequest.objects.count() == 1


def test_only_this_episodes_requests_are_listed(api, cast, admission):
    request_suspension(by=cast["social"], admission=admission, authority="Court")
    assert len(api("social").get(url(admission, "suspension-requests")).json()) == 1
    Admission.objects.filter(pk=admission.pk).update(stage=Stage.RELEASED)
    again = admit_woman(
        by=cast["reception"],
        facility=admission.facility,
        commitment=commitment(),
        returning=admission.prisoner,
    )
    assert api("social").get(url(again, "suspension-requests")).json() == []


@pytest.mark.rule("2.2")
def test_a_social_worker_records_the_decision(api, cast, admission):
    suspension = request_suspension(
        by=cast["reception"], admission=admission, authority="Court", grounds=GROUNDS
    )
    response = api("social").post(
        decision_url(suspension), {"outcome": "granted", "note": "Ten days"}
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert (data["outcome"], data["decision_note"], data["grounds"]) == (
        "granted",
        "Ten days",
        GROUNDS,
    )
    assert data["decided_at"] is not None
    suspension.refresh_from_db()
    assert suspension.outcome == "granted"
    governor_view = api("governor").get(url(admission, "suspension-requests")).json()
    assert governor_view[0]["outcome"] == "granted" and "grounds" not in governor_view[0]


@pytest.mark.rule("2.2")
def test_a_decision_recorded_is_final(api, cast, admission):
    suspension = request_suspension(by=cast["reception"], admission=admission, authority="Court")
    client = api("reception")
    assert client.post(decision_url(suspension), {"outcome": "refused"}).status_code == 200
    response = client.post(decision_url(suspension), {"outcome": "granted"})
    assert response.status_code == 400
    suspension.refresh_from_db()
    assert suspension.outcome == "refused"


@pytest.mark.rule("2.2")
@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "outcome"),
        ({"outcome": "pending"}, "outcome"),
        ({"outcome": "granted", "note": 5}, "note"),
        ({"outcome": "granted", "decided_at": "2000-01-01T00:00:00Z"}, "decided_at"),
    ],
)
def test_a_bad_decision_is_refused_naming_the_field_and_nothing_written(
    api, cast, admission, body, field
):
    suspension = request_suspension(by=cast["reception"], admission=admission, authority="Court")
    response = api("social").post(decision_url(suspension), body)
    assert response.status_code == 400
    assert field in response.json()
    suspension.refresh_from_db()
    assert (suspension.outcome, suspension.decided_at) == ("pending", None)
    assert not audited("suspension.decided")


@pytest.mark.parametrize("role", ["custody", "health", "safeguarding", "governor", "inspector"])
def test_other_roles_cannot_record_the_decision(api, cast, admission, role):
    suspension = request_suspension(by=cast["reception"], admission=admission, authority="Court")
    response = api(role).post(decision_url(suspension), {"outcome": "granted"})
    assert response.status_code == 404
    suspension.refresh_from_db()
    assert suspension.outcome == "pending"


def test_a_request_outside_her_facilities_or_unknown_is_404(api, cast, admission):
    suspension = request_suspension(by=cast["reception"], admission=admission, authority="Court")
    client = api("outsider")
    assert client.post(decision_url(suspension), {"outcome": "granted"}).status_code == 404
    suspension.refresh_from_db()
    assert suspension.outcome == "pending"
    missing = "/api/v1/suspension-requests/00000000-0000-4000-8000-000000000000/decision/"
    assert api("social").post(missing, {"outcome": "granted"}).status_code == 404


def test_the_requests_run_a_constant_number_of_queries(api, cast, admission):
    client = api("social")
    request_suspension(by=cast["reception"], admission=admission, authority="Court")
    one = count_queries(client, url(admission, "suspension-requests"))
    for n in range(4):
        request_suspension(by=cast["reception"], admission=admission, authority=f"Court {n}")
    assert count_queries(client, url(admission, "suspension-requests")) == one


# Transfers (Mandela Rule 7(c); Rule 4)


@pytest.mark.rule("M7")
@pytest.mark.rule("4")
def test_reception_proposes_a_transfer_and_she_moves_when_the_governor_confirms_it(
    api, cast, admitted
):
    response = api("reception").post(
        url(admitted, "transfer"), {"to_facility": "B", "reason": "Nearer her children"}
    )
    assert response.status_code == 201, response.content
    proposal = TransferProposal.objects.get()
    data = response.json()
    assert (data["uuid"], data["from"], data["to"]) == (str(proposal.uuid), "A", "B")
    assert (data["status"], data["awaiting"]) == ("proposed", "a governor's confirmation")
    assert data["transfer"] is None and data["proposed_by"] == "reception"
    assert not Transfer.objects.exists() and not Allocation.objects.exists()
    admitted.prisoner.refresh_from_db()
    assert admitted.prisoner.facility.code == "A"
    # The episode shows the transfer still awaiting confirmation.
    waiting = api("custody").get(url(admitted)).json()
    assert waiting["pending_transfers"] == [
        {"uuid": data["uuid"], "from": "A", "to": "B", "status": "proposed"}
    ]
    before = timezone.now()
    confirmed = api("governor").post(f"/api/v1/transfer-proposals/{proposal.uuid}/confirm/")
    assert confirmed.status_code == 200, confirmed.content
    done = confirmed.json()
    assert (done["status"], done["awaiting"], done["authorised_by"]) == (
        "confirmed",
        None,
        "governor",
    )
    move = Transfer.objects.get()
    assert done["transfer"]["uuid"] == str(move.uuid) and move.moved_at >= before
    assert done["transfer"]["allocation"]["reason"] == "Nearer her children"
    assert done["transfer"]["allocation"]["departs_from_nearest"] is False
    admitted.prisoner.refresh_from_db()
    assert admitted.prisoner.facility.code == "B"
    # Her record now belongs to facility B: its staff read the episode and the move.
    episode = api("outsider").get(url(admitted)).json()
    assert episode["transfers"] == [
        {"moved_at": done["transfer"]["moved_at"], "from": "A", "to": "B"}
    ]
    assert episode["pending_transfers"] == []
    assert api("reception").get(url(admitted)).status_code == 404


@pytest.mark.rule("4")
def test_a_transfer_is_an_allocation_decision_with_its_reason(api, admitted):
    # She would rather stay in A: the move to B is against her preference, for a reason. The
    # governor who proposes it confirms it herself, as a second step.
    response = api("governor").post(
        url(admitted, "transfer"),
        {"to_facility": "B", "preference": "A", "reason": "Court order", "programmes_needed": "x"},
    )
    assert response.status_code == 201, response.content
    assert response.json()["preference"] == "A" and not Allocation.objects.exists()
    proposal = TransferProposal.objects.get()
    confirmed = api("governor").post(f"/api/v1/transfer-proposals/{proposal.uuid}/confirm/")
    assert confirmed.status_code == 200, confirmed.content
    allocation = Allocation.objects.get()
    assert (allocation.facility.code, allocation.preference.code) == ("B", "A")
    assert (allocation.against_preference, allocation.reason) == (True, "Court order")
    proposal.refresh_from_db()
    assert allocation.transfer == Transfer.objects.get() == proposal.transfer
    assert confirmed.json()["transfer"]["allocation"]["against_preference"] is True


@pytest.mark.rule("4")
def test_the_governor_refuses_a_transfer_with_a_reason_and_she_stays(api, cast, admitted):
    api("reception").post(url(admitted, "transfer"), {"to_facility": "B", "reason": "Room"})
    proposal = TransferProposal.objects.get()
    refusal = f"/api/v1/transfer-proposals/{proposal.uuid}/refuse/"
    assert "reason" in api("governor").post(refusal, {}).json()
    refused = api("governor").post(refusal, {"reason": "Her children visit her here"})
    assert refused.status_code == 200, refused.content
    data = refused.json()
    assert (data["status"], data["authority_refused_by"]) == ("refused", "governor")
    assert data["authority_refusal"] == "Her children visit her here"
    again = api("governor").post(f"/api/v1/transfer-proposals/{proposal.uuid}/confirm/")
    assert again.status_code == 400
    assert not Transfer.objects.exists() and not Allocation.objects.exists()
    admitted.prisoner.refresh_from_db()
    assert admitted.prisoner.facility.code == "A"


@pytest.mark.parametrize("role", ["reception", "custody", "social", "inspector", "outsider"])
def test_only_a_governor_of_her_facility_confirms_a_transfer(api, admitted, role):
    api("reception").post(url(admitted, "transfer"), {"to_facility": "B", "reason": "Room"})
    proposal = TransferProposal.objects.get()
    for verb, body in (("confirm", {}), ("refuse", {"reason": "No"})):
        answer = api(role).post(f"/api/v1/transfer-proposals/{proposal.uuid}/{verb}/", body)
        assert answer.status_code == 404
    proposal.refresh_from_db()
    assert proposal.status == "proposed" and not Transfer.objects.exists()


@pytest.mark.rule("4")
@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"to_facility": "B"}, "reason"),
        ({"to_facility": "B", "reason": "   "}, "reason"),
        ({"to_facility": "ZZ", "reason": "Court order"}, "to_facility"),
        ({"to_facility": "B\x00", "reason": "Court order"}, "to_facility"),
        ({"to_facility": 2, "reason": "Court order"}, "to_facility"),
        ({"to_facility": "A", "reason": "Court order"}, "to_facility"),
        ({"to_facility": "B", "reason": "Court order", "preference": "ZZ"}, "preference"),
        ({"reason": "Court order"}, "to_facility"),
    ],
)
def test_a_bad_transfer_is_refused_naming_the_field_and_nothing_written(api, admitted, body, field):
    response = api("reception").post(url(admitted, "transfer"), body)
    assert response.status_code == 400
    assert field in response.json()
    assert not TransferProposal.objects.exists() and not Allocation.objects.exists()
    admitted.prisoner.refresh_from_db()
    assert admitted.prisoner.facility.code == "A"


def test_she_is_not_transferred_before_her_admission_is_complete(api, admission):
    response = api("reception").post(
        url(admission, "transfer"), {"to_facility": "B", "reason": "Court order"}
    )
    assert response.status_code == 400
    assert not TransferProposal.objects.exists()


@pytest.mark.parametrize("role", NOT_KEEPERS)
def test_other_roles_cannot_transfer_her(api, admitted, role):
    response = api(role).post(
        url(admitted, "transfer"), {"to_facility": "B", "reason": "Court order"}
    )
    assert response.status_code == 404
    assert not TransferProposal.objects.exists()


def test_transferring_another_facilitys_woman_is_404(api, admitted):
    response = api("outsider").post(
        url(admitted, "transfer"), {"to_facility": "B", "reason": "Court order"}
    )
    assert response.status_code == 404
    assert not TransferProposal.objects.exists()


# Release (Mandela Rules 7(c) and 67)


@pytest.mark.rule("M67")
def test_release_is_refused_while_her_stored_property_is_not_returned(api, cast, admitted):
    record_property(by=cast["reception"], admission=admitted, description="Wristwatch")
    ready_for_release(cast, admitted)
    client = api("reception")
    with refusals.nothing_written(Reminder):
        response = client.post(url(admitted, "release"), {"reason": "End of sentence"})
    assert response.status_code == 409
    assert (response.json()["rule"], response.json()["field"]) == ("M67", "property_returned")
    assert "Mandela Rule 67" in response.json()["detail"]
    admitted.refresh_from_db()
    assert (admitted.stage, admitted.released_at) == (Stage.ADMITTED, None)
    assert PropertyItem.objects.get().returned_at is None
    assert not audited("admission.released")

    response = client.post(
        url(admitted, "release"), {"reason": "End of sentence", "property_returned": True}
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert (data["stage"], data["release_reason"]) == ("released", "End of sentence")
    assert data["released_at"] is not None
    [line] = api("inspector").get(url(admitted, "property")).json()
    assert line["returned_at"] is not None


@pytest.mark.rule("M67")
def test_property_kept_by_her_needs_no_confirmation(api, cast, admitted):
    record_property(
        by=cast["reception"], admission=admitted, description="Spectacles", kept="with_her"
    )
    ready_for_release(cast, admitted)
    response = api("governor").post(url(admitted, "release"), {"reason": "Bail"})
    assert response.status_code == 200, response.content
    assert PropertyItem.objects.get().returned_at is None


@pytest.mark.rule("M7")
@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "reason"),
        ({"reason": ""}, "reason"),
        ({"reason": "Bail", "property_returned": "yes"}, "property_returned"),
        ({"reason": "Bail", "released_at": "2000-01-01T00:00:00Z"}, "released_at"),
    ],
)
def test_a_bad_release_is_refused_naming_the_field_and_nothing_written(api, admitted, body, field):
    response = api("reception").post(url(admitted, "release"), body)
    assert response.status_code == 400
    assert field in response.json()
    admitted.refresh_from_db()
    assert admitted.stage == Stage.ADMITTED
    assert not audited("admission.released")


def test_a_released_episode_is_closed(api, cast, admitted):
    ready_for_release(cast, admitted)
    client = api("reception")
    assert client.post(url(admitted, "release"), {"reason": "Bail"}).status_code == 200
    assert client.post(url(admitted, "release"), {"reason": "Bail"}).status_code == 400
    response = client.post(url(admitted, "property"), {"description": "Ring"})
    assert response.status_code == 400
    assert not PropertyItem.objects.exists()


@pytest.mark.parametrize("role", NOT_KEEPERS)
def test_other_roles_cannot_release_her(api, admitted, role):
    assert api(role).post(url(admitted, "release"), {"reason": "Bail"}).status_code == 404
    admitted.refresh_from_db()
    assert admitted.stage == Stage.ADMITTED


def test_releasing_another_facilitys_woman_is_404(api, admitted):
    assert api("outsider").post(url(admitted, "release"), {"reason": "Bail"}).status_code == 404
    admitted.refresh_from_db()
    assert admitted.stage == Stage.ADMITTED


# The episode carries her transfers, release and signature


@pytest.mark.parametrize("role", CASE_ROLES)
def test_the_episode_shows_release_signature_and_transfers_to_every_case_role(api, admission, role):
    data = api(role).get(url(admission)).json()
    assert data["released_at"] is None and data["release_reason"] == ""
    assert data["property_signed_at"] is None and data["transfers"] == []


def test_the_episode_runs_a_constant_number_of_queries_with_transfers(
    api, cast, facility_a, facility_b, admitted
):
    client = api("reception")
    one = count_queries(client, url(admitted))
    # Moves recorded directly, so that she stays in facility A for the reader.
    for n, (origin, to) in enumerate([(facility_a, facility_b), (facility_b, facility_a)] * 2):
        Transfer.objects.create(
            admission=admitted,
            from_facility=origin,
            to_facility=to,
            moved_at=timezone.now() - timedelta(minutes=10 - n),
            allocation=allocate(by=cast["reception"], admission=admitted, facility=to, reason="R"),
            recorded_by=cast["reception"],
        )
    data = client.get(url(admitted)).json()
    assert [(row["from"], row["to"]) for row in data["transfers"]] == [
        ("B", "A"),
        ("A", "B"),
        ("B", "A"),
        ("A", "B"),
    ]
    assert count_queries(client, url(admitted)) == one


# How many children she has (Rule 3.2): every case role may know it


@pytest.mark.rule("3.2")
@pytest.mark.parametrize("role", CASE_ROLES)
def test_every_case_role_reads_how_many_children_she_has(api, cast, woman_a, role):
    path = f"/api/v1/prisoners/{woman_a.uuid}/"
    assert api(role).get(path).json()["children_count"] == 0
    record_child(by=cast["reception"], mother=woman_a, **child_fields(given_names="Canary"))
    record_child(by=cast["reception"], mother=woman_a, **child_fields(given_names="Finch"))
    response = api(role).get(path)
    assert response.json()["children_count"] == 2
    assert "Canary" not in response.content.decode()
