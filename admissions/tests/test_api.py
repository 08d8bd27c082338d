from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from admissions.models import Admission, Allocation, FamilyMember, RightsOffer, Stage
from admissions.services import admit_woman, allocate, record_family_member, record_rights_offer
from admissions.tests.factories import commitment, identity
from audit.models import AuditEvent
from prisoners.models import Prisoner
from prisoners.tests.factories import PrisonerFactory
from register.services import record_child
from register.tests.factories import child_fields
from reminders.models import Reminder
from tests import refusals
from tests.versions import VersionedAPIClient

pytestmark = pytest.mark.django_db
LIST = "/api/v1/admissions/"
NATIONAL_RIGHTS = ["family_contact", "legal_advice", "information"]
NOT_ADMITTING = ["custody", "health", "social", "safeguarding", "inspector"]


@pytest.fixture
def api(cast):
    def for_role(role):
        client = VersionedAPIClient()
        client.force_authenticate(cast[role])
        return client

    return for_role


def body(**overrides):
    data = {
        "facility": "A",
        "identity": {
            "given_names": "Thandar",
            "family_name": "Win",
            "aliases": ["Daw Thandar"],
            "date_of_birth": "1991-07-02",
            "gender_identity": "woman",
            "nationalities": ["mm"],
            "languages": ["MY"],
            "legal_status": "pretrial",
        },
        "order_authority": "Bangkok Criminal Court",
        "order_legal_basis": "Remand pending trial, Criminal Procedure Code s.71",
        "order_number": "CR-2026-1187",
        "order_date": "2026-11-20",
        "arrested_at": "2026-11-19T22:30:00+07:00",
        "arrest_place": "Hua Lamphong station, Bangkok",
    }
    data.update(overrides)
    return data


def admit(cast, facility, **identity_overrides):
    return admit_woman(
        by=cast["reception"],
        facility=facility,
        commitment=commitment(),
        identity=identity(**identity_overrides),
    )


@pytest.fixture
def admission(cast, facility_a):
    return admit(cast, facility_a)


def url(admission, action=""):
    return f"{LIST}{admission.uuid}/{action + '/' if action else ''}"


def nothing_written(before_prisoners: int = 0) -> bool:
    return (
        not Admission.objects.exists()
        and Prisoner.objects.count() == before_prisoners
        and not AuditEvent.objects.filter(action="admission.opened").exists()
    )


# Admitting (Mandela Rule 7)


@pytest.mark.rule("M7")
def test_reception_admits_a_new_woman_through_the_api(api, facility_a):
    response = api("reception").post(LIST, body(), format="json")
    assert response.status_code == 201, response.content
    admission = Admission.objects.get()
    woman = admission.prisoner
    assert (woman.nationalities, woman.languages, woman.aliases) == (
        ["MM"],
        ["my"],
        ["Daw Thandar"],
    )
    data = response.json()
    assert data["uuid"] == str(admission.uuid) and data["stage"] == "reception"
    assert data["woman"]["prison_number"] == "A-00001"
    assert data["order_number"] == "CR-2026-1187"
    assert [item["item"] for item in data["checklist"]] == [*NATIONAL_RIGHTS, "consular"]
    assert data["injuries_noted"] is False


@pytest.mark.rule("M7")
def test_she_is_received_into_her_only_facility_when_none_is_named(api, facility_a):
    data = body()
    del data["facility"]
    assert api("reception").post(LIST, data, format="json").status_code == 201
    assert Admission.objects.get().facility == facility_a


@pytest.mark.rule("M7")
@pytest.mark.parametrize("field", ["order_authority", "order_number", "order_date", "arrested_at"])
def test_no_admission_without_every_part_of_the_commitment_order(api, facility_a, field):
    data = body()
    del data[field]
    response = api("reception").post(LIST, data, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert nothing_written()


@pytest.mark.rule("M7")
def test_an_arrest_after_she_was_received_is_refused_naming_the_rule_and_nothing_written(
    api, facility_a
):
    arrest = timezone.now() + timedelta(hours=2)
    response = api("reception").post(
        LIST, body(arrested_at=arrest.isoformat(), order_date="2026-01-01"), format="json"
    )
    assert response.status_code == 409
    assert response.json()["rule"] == "M7"
    assert "Mandela Rule 7" in response.json()["detail"]
    assert nothing_written()


@pytest.mark.rule("M7")
def test_a_returning_woman_gets_a_new_episode_on_her_existing_record(api, facility_a, woman_a):
    data = body(returning=str(woman_a.uuid))
    del data["identity"]
    response = api("reception").post(LIST, data, format="json")
    assert response.status_code == 201, response.content
    assert Prisoner.objects.count() == 1
    assert response.json()["woman"]["uuid"] == str(woman_a.uuid)


@pytest.mark.rule("M7")
def test_a_second_open_admission_is_refused_naming_the_rule(api, cast, facility_a, woman_a):
    admit_woman(
        by=cast["reception"], facility=facility_a, commitment=commitment(), returning=woman_a
    )
    data = body(returning=str(woman_a.uuid))
    del data["identity"]
    response = api("reception").post(LIST, data, format="json")
    assert (response.status_code, response.json()["rule"]) == (409, "M7")
    assert Admission.objects.count() == 1


def test_identity_and_returning_together_are_refused(api, woman_a):
    response = api("reception").post(LIST, body(returning=str(woman_a.uuid)), format="json")
    assert response.status_code == 400
    assert "identity" in response.json()
    assert not Admission.objects.exists()


def test_another_facilitys_woman_cannot_be_readmitted_here(api, facility_a, woman_b):
    data = body(returning=str(woman_b.uuid))
    del data["identity"]
    response = api("reception").post(LIST, data, format="json")
    assert response.status_code == 400
    assert "returning" in response.json()
    assert not Admission.objects.exists()


def test_she_cannot_be_received_into_a_facility_the_officer_does_not_work_in(api, facility_a):
    response = api("outsider").post(LIST, body(facility="A"), format="json")
    assert response.status_code == 400
    assert "facility" in response.json()
    assert nothing_written()


def test_bad_identity_values_are_refused_naming_the_field(api, facility_a):
    data = body()
    data["identity"] = {**data["identity"], "nationalities": ["Myanmar"], "languages": []}
    response = api("reception").post(LIST, data, format="json")
    assert response.status_code == 400
    assert set(response.json()["identity"]) == {"nationalities", "languages"}


def test_a_prison_number_sent_is_not_taken_she_gets_the_next_in_the_series(
    api, facility_a, woman_a
):
    data = body()
    data["identity"] = {**data["identity"], "prison_number": woman_a.prison_number}
    response = api("reception").post(LIST, data, format="json")
    assert response.status_code == 201
    assert response.json()["woman"]["prison_number"] == "A-00001"
    assert Prisoner.objects.filter(prison_number=woman_a.prison_number).get() == woman_a


@pytest.mark.parametrize("role", NOT_ADMITTING)
def test_roles_that_do_not_admit_are_refused_and_nothing_is_written(api, facility_a, role):
    assert api(role).post(LIST, body(), format="json").status_code == 404
    assert nothing_written()


def test_no_token_no_admission(facility_a):
    assert VersionedAPIClient().post(LIST, body(), format="json").status_code == 401
    assert VersionedAPIClient().get(LIST).status_code == 401


# The list


def test_the_list_shows_only_her_facilities_admissions(api, cast, facility_a, facility_b):
    mine = admit(cast, facility_a)
    admit_woman(
        by=cast["outsider"],
        facility=facility_b,
        commitment=commitment(),
        identity=identity(prison_number="B31001"),
    )
    results = api("custody").get(LIST).json()["results"]
    assert [row["uuid"] for row in results] == [str(mine.uuid)]
    assert results[0]["facility"] == "A"


def test_the_list_filters_by_stage(api, cast, facility_a):
    waiting = admit(cast, facility_a)
    admitted = admit(cast, facility_a, prison_number="A31002")
    Admission.objects.filter(pk=admitted.pk).update(stage=Stage.ADMITTED)
    client = api("governor")
    reception = client.get(LIST, {"stage": "reception"}).json()["results"]
    assert [row["uuid"] for row in reception] == [str(waiting.uuid)]
    assert len(client.get(LIST, {"stage": ""}).json()["results"]) == 2
    assert client.get(LIST, {"stage": "nonsense"}).status_code == 400


def test_the_sysadmin_sees_no_admissions(api, admission):
    assert api("sysadmin").get(LIST).status_code == 404
    assert api("sysadmin").get(url(admission)).status_code == 404


def test_cursor_pages_walk_every_admission(api, cast, facility_a):
    made = {str(admit(cast, facility_a, prison_number=f"A4{i:04d}").uuid) for i in range(5)}
    client, seen, link = api("reception"), set(), f"{LIST}?page_size=2"
    while link:
        page = client.get(link).json()
        seen |= {row["uuid"] for row in page["results"]}
        link = page["next"]
    assert seen == made


def count_queries(client, path) -> int:
    client.get(path)  # the first request loads the caller's permissions, once
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    return len(ctx.captured_queries)


def test_the_list_runs_a_constant_number_of_queries(api, cast, facility_a):
    client = api("reception")
    admit(cast, facility_a)
    one = count_queries(client, f"{LIST}?page_size=100")
    for i in range(6):
        admit(cast, facility_a, prison_number=f"A5{i:04d}")
    assert count_queries(client, f"{LIST}?page_size=100") == one


# One episode


def test_the_episode_shows_the_checklist_with_her_answers(api, cast, admission):
    record_rights_offer(
        by=cast["reception"],
        admission=admission,
        item="legal_advice",
        outcome="declined",
        language="my",
        note="Has her own lawyer",
    )
    checklist = {
        row["item"]: row for row in api("reception").get(url(admission)).json()["checklist"]
    }
    assert checklist["family_contact"]["answer"] is None
    answer = checklist["legal_advice"]["answer"]
    assert (answer["outcome"], answer["language"], answer["note"]) == (
        "declined",
        "my",
        "Has her own lawyer",
    )
    assert checklist["legal_advice"]["label"] == "Access to legal advice"
    custody_view = api("custody").get(url(admission)).json()["checklist"]
    assert "note" not in custody_view[1]["answer"]


@pytest.mark.rule("M7")
@pytest.mark.parametrize(
    ("role", "shown"),
    [("reception", True), ("governor", True), ("custody", False), ("health", False)]
    + [("social", False), ("safeguarding", False), ("inspector", False)],
)
def test_whether_injuries_were_noted_is_for_those_who_admit_her(api, cast, facility_a, role, shown):
    admission = admit_woman(
        by=cast["reception"],
        facility=facility_a,
        commitment=commitment(),
        identity=identity(),
        injuries_noted=True,
    )
    data = api(role).get(url(admission)).json()
    assert ("injuries_noted" in data) is shown
    if shown:
        assert data["injuries_noted"] is True


@pytest.mark.rule("4")
@pytest.mark.parametrize(
    ("role", "shown"),
    [("reception", True), ("social", True), ("governor", True), ("inspector", True)]
    + [("custody", False), ("health", False), ("safeguarding", False)],
)
def test_the_allocation_and_its_reasons_are_for_the_roles_that_read_them(
    api, cast, facility_a, facility_b, role, shown
):
    admission = admit(cast, facility_a, home_latitude="18.78830", home_longitude="98.98530")
    allocate(by=cast["social"], admission=admission, facility=facility_a, reason="Trial in Bangkok")
    data = api(role).get(url(admission)).json()
    assert ("allocation" in data, "distances" in data) == (shown, shown)
    if shown:
        assert data["allocation"]["facility"] == "A"
        assert data["allocation"]["nearest"] == "B"
        assert data["allocation"]["departs_from_nearest"] is True
        assert [row["facility"] for row in data["distances"]] == ["B", "A"]
        assert data["distances"][0]["km"] == 0


def test_an_episode_without_an_allocation_says_so(api, admission):
    data = api("inspector").get(url(admission)).json()
    assert data["allocation"] is None and data["distances"] == []


def test_another_facilitys_admission_is_404(api, admission):
    assert api("outsider").get(url(admission)).status_code == 404


def test_the_episode_runs_a_constant_number_of_queries(api, cast, facility_a, facility_b):
    admission = admit(cast, facility_a, home_latitude="18.78830", home_longitude="98.98530")
    client = api("reception")
    one = count_queries(client, url(admission))
    for item in NATIONAL_RIGHTS:
        record_rights_offer(
            by=cast["reception"], admission=admission, item=item, outcome="done", language="my"
        )
    for _ in range(3):
        allocate(by=cast["social"], admission=admission, facility=facility_b)
    assert count_queries(client, url(admission)) == one


# The rights checklist (Rule 2.1)


@pytest.mark.rule("2.1")
def test_reception_records_a_right_offered_and_her_answer(api, admission):
    response = api("reception").post(
        url(admission, "rights"),
        {"item": "family_contact", "outcome": "accepted", "language": "my"},
        format="json",
    )
    assert response.status_code == 201, response.content
    offer = RightsOffer.objects.get()
    assert (offer.item, offer.outcome, offer.language) == ("family_contact", "accepted", "my")
    assert response.json()["outcome"] == "accepted"


@pytest.mark.rule("2.1")
def test_a_right_not_on_her_checklist_is_refused_naming_the_field(api, cast, facility_a):
    admission = admit(cast, facility_a, nationalities=["TH"])
    response = api("reception").post(
        url(admission, "rights"),
        {"item": "consular", "outcome": "accepted", "language": "th"},
        format="json",
    )
    assert response.status_code == 400
    assert "item" in response.json()
    assert not RightsOffer.objects.exists()


@pytest.mark.rule("2.1")
def test_the_language_it_was_offered_in_is_required(api, admission):
    response = api("reception").post(
        url(admission, "rights"), {"item": "legal_advice", "outcome": "accepted"}, format="json"
    )
    assert response.status_code == 400
    assert "language" in response.json()


@pytest.mark.parametrize("role", NOT_ADMITTING)
def test_roles_that_do_not_admit_cannot_record_rights(api, admission, role):
    response = api(role).post(
        url(admission, "rights"),
        {"item": "legal_advice", "outcome": "accepted", "language": "my"},
        format="json",
    )
    assert response.status_code == 404
    assert not RightsOffer.objects.exists()


def test_rights_for_another_facilitys_admission_are_404(api, admission):
    response = api("outsider").post(
        url(admission, "rights"),
        {"item": "legal_advice", "outcome": "accepted", "language": "my"},
        format="json",
    )
    assert response.status_code == 404
    assert not RightsOffer.objects.exists()


# Completing the admission (Rules 2.1 and 2.2)


def answer_all(cast, admission, items):
    for item in items:
        record_rights_offer(
            by=cast["reception"], admission=admission, item=item, outcome="accepted", language="my"
        )


@pytest.mark.rule("2.1")
def test_completion_is_refused_until_every_right_is_answered_and_nothing_is_written(
    api, cast, admission
):
    answer_all(cast, admission, NATIONAL_RIGHTS)
    with refusals.nothing_written(Reminder):
        response = api("reception").post(url(admission, "complete"), format="json")
    assert response.status_code == 409
    assert response.json()["rule"] == "2.1"
    assert "Bangkok Rule 2.1" in response.json()["detail"]
    assert "consular" in response.json()["detail"]
    admission.refresh_from_db()
    assert admission.stage == Stage.RECEPTION and admission.completed_at is None
    assert not AuditEvent.objects.filter(action="admission.completed").exists()
    answer_all(cast, admission, ["consular"])
    response = api("reception").post(url(admission, "complete"), format="json")
    assert response.status_code == 200
    assert response.json()["stage"] == "admitted"


@pytest.mark.rule("2.2")
def test_completion_is_refused_while_a_dependent_child_has_no_arrangement(api, cast, admission):
    answer_all(cast, admission, [*NATIONAL_RIGHTS, "consular"])
    record_child(
        by=cast["reception"],
        mother=admission.prisoner,
        **child_fields(given_names="Canary", arrangements=""),
    )
    with refusals.nothing_written(Reminder):
        response = api("governor").post(url(admission, "complete"), format="json")
    assert response.status_code == 409
    assert response.json()["rule"] == "2.2"
    assert "Canary" not in response.content.decode()
    admission.refresh_from_db()
    assert admission.stage == Stage.RECEPTION


def test_an_admission_no_longer_in_reception_cannot_be_completed_again(api, cast, admission):
    answer_all(cast, admission, [*NATIONAL_RIGHTS, "consular"])
    client = api("reception")
    assert client.post(url(admission, "complete")).status_code == 200
    assert client.post(url(admission, "complete")).status_code == 400


@pytest.mark.parametrize("role", NOT_ADMITTING)
def test_roles_that_do_not_admit_cannot_complete(api, cast, admission, role):
    answer_all(cast, admission, [*NATIONAL_RIGHTS, "consular"])
    assert api(role).post(url(admission, "complete")).status_code == 404
    admission.refresh_from_db()
    assert admission.stage == Stage.RECEPTION


def test_completing_another_facilitys_admission_is_404(api, cast, admission):
    answer_all(cast, admission, [*NATIONAL_RIGHTS, "consular"])
    assert api("outsider").post(url(admission, "complete")).status_code == 404


# Allocation (Rule 4)


@pytest.fixture
def far_from_home(cast, facility_a, facility_b):
    # Home in Chiang Mai: facility B is nearest, A (Bangkok) about 590 km away.
    return admit(cast, facility_a, home_latitude="18.78830", home_longitude="98.98530")


@pytest.mark.rule("4")
def test_placing_her_in_the_nearest_facility_needs_no_reason(api, far_from_home):
    response = api("social").post(
        url(far_from_home, "allocation"), {"facility": "B"}, format="json"
    )
    assert response.status_code == 201, response.content
    data = response.json()
    assert (data["facility"], data["nearest"], data["departs_from_nearest"]) == ("B", "B", False)


@pytest.mark.rule("4")
def test_placing_her_far_from_home_without_a_reason_is_refused_and_nothing_written(
    api, far_from_home
):
    client = api("reception")
    with refusals.nothing_written(Allocation, Reminder):
        response = client.post(url(far_from_home, "allocation"), {"facility": "A"}, format="json")
    assert response.status_code == 409
    assert (response.json()["rule"], response.json()["field"]) == ("4", "reason")
    response = client.post(
        url(far_from_home, "allocation"),
        {"facility": "A", "reason": "Her trial is in Bangkok; review after sentence."},
        format="json",
    )
    assert response.status_code == 201
    assert response.json()["departs_from_nearest"] is True


@pytest.mark.rule("4")
def test_placing_her_against_her_preference_needs_a_reason(api, far_from_home):
    response = api("governor").post(
        url(far_from_home, "allocation"), {"facility": "B", "preference": "A"}, format="json"
    )
    assert (response.status_code, response.json()["rule"]) == (409, "4")
    assert not Allocation.objects.exists()


def test_an_unknown_facility_code_is_a_400(api, far_from_home):
    response = api("social").post(
        url(far_from_home, "allocation"), {"facility": "ZZ"}, format="json"
    )
    assert response.status_code == 400
    assert "facility" in response.json()


@pytest.mark.parametrize("role", ["custody", "health", "safeguarding", "inspector"])
def test_other_roles_cannot_decide_an_allocation(api, far_from_home, role):
    response = api(role).post(url(far_from_home, "allocation"), {"facility": "B"}, format="json")
    assert response.status_code == 404
    assert not Allocation.objects.exists()


def test_allocating_another_facilitys_woman_is_404(api, far_from_home):
    response = api("outsider").post(
        url(far_from_home, "allocation"), {"facility": "B"}, format="json"
    )
    assert response.status_code == 404


# Finding a returning woman


def test_reception_finds_a_returning_woman_by_family_name(api, woman_a, woman_b):
    found = api("reception").get(f"{LIST}returning/", {"family_name": "srisuk"}).json()
    assert [row["prison_number"] for row in found] == ["A00001"]
    assert found[0]["facility"] == "A"


def test_a_returning_woman_is_found_only_in_her_facilities(api, woman_a):
    assert api("outsider").get(f"{LIST}returning/", {"prison_number": "A00001"}).json() == []


def test_only_those_who_admit_search_for_a_returning_woman(api, woman_a):
    assert api("custody").get(f"{LIST}returning/", {"family_name": "srisuk"}).status_code == 404


def test_the_search_runs_a_constant_number_of_queries(api, facility_a, woman_a):
    client, path = api("reception"), f"{LIST}returning/?family_name=srisuk"
    one = count_queries(client, path)
    for n in range(5):
        PrisonerFactory(facility=facility_a, family_name="Srisuk", prison_number=f"A6{n:04d}")
    assert len(client.get(path).json()) == 6
    assert count_queries(client, path) == one


def test_a_bad_date_of_birth_in_the_search_is_a_400(api, woman_a):
    response = api("reception").get(f"{LIST}returning/", {"date_of_birth": "yesterday"})
    assert response.status_code == 400


# Her family (Mandela Rule 7(f)(g))


def family_url(woman):
    return f"/api/v1/prisoners/{woman.uuid}/family/"


@pytest.mark.rule("M7")
def test_a_social_worker_records_her_next_of_kin(api, woman_a):
    response = api("social").post(
        family_url(woman_a),
        {"name": "Khin Win", "relationship": "Sister", "next_of_kin": True},
        format="json",
    )
    assert response.status_code == 201, response.content
    member = FamilyMember.objects.get()
    assert (member.prisoner, member.next_of_kin, member.emergency_contact) == (woman_a, True, False)


@pytest.mark.parametrize("role", ["reception", "social", "governor", "inspector"])
def test_the_roles_that_read_her_family_see_it(api, cast, woman_a, role):
    record_family_member(
        by=cast["reception"], prisoner=woman_a, name="Khin Win", relationship="Sister"
    )
    assert [row["name"] for row in api(role).get(family_url(woman_a)).json()] == ["Khin Win"]


@pytest.mark.parametrize("role", ["custody", "health", "safeguarding", "sysadmin"])
def test_other_roles_do_not_see_her_family(api, cast, woman_a, role):
    record_family_member(
        by=cast["reception"], prisoner=woman_a, name="Khin Win", relationship="Sister"
    )
    response = api(role).get(family_url(woman_a))
    assert response.status_code == 404
    assert "Khin" not in response.content.decode()


@pytest.mark.parametrize("role", ["custody", "health", "safeguarding", "governor", "inspector"])
def test_other_roles_cannot_record_her_family(api, woman_a, role):
    response = api(role).post(
        family_url(woman_a), {"name": "Khin Win", "relationship": "Sister"}, format="json"
    )
    assert response.status_code == 404
    assert not FamilyMember.objects.exists()


def test_another_facilitys_womans_family_is_404(api, woman_b):
    client = api("reception")
    assert client.get(family_url(woman_b)).status_code == 404
    response = client.post(
        family_url(woman_b), {"name": "Khin Win", "relationship": "Sister"}, format="json"
    )
    assert response.status_code == 404
    assert not FamilyMember.objects.exists()


def test_a_family_member_needs_a_name_and_a_relationship(api, woman_a):
    response = api("reception").post(family_url(woman_a), {"contact": "+95 9"}, format="json")
    assert response.status_code == 400
    assert set(response.json()) == {"name", "relationship"}


def test_the_family_list_runs_a_constant_number_of_queries(api, cast, woman_a):
    client = api("governor")
    record_family_member(by=cast["reception"], prisoner=woman_a, name="Khin", relationship="Sister")
    one = count_queries(client, family_url(woman_a))
    for n in range(5):
        record_family_member(
            by=cast["reception"], prisoner=woman_a, name=f"Relative {n}", relationship="Cousin"
        )
    assert count_queries(client, family_url(woman_a)) == one


def test_women_in_other_facilities_stay_out_of_every_list(api, cast, facility_b):
    PrisonerFactory(facility=facility_b)
    admit_woman(
        by=cast["outsider"],
        facility=facility_b,
        commitment=commitment(),
        identity=identity(prison_number="B31001"),
    )
    assert api("inspector").get(LIST).json()["results"] == []
