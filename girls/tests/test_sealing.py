"""A girl's records sealed after her release (the UN Rules for the Protection of Juveniles
Deprived of their Liberty, the Havana Rules, r. 19: "sealed, and, at an appropriate time,
expunged"): sealed by the clock GIRL_RECORDS_SEALED_AFTER_DAYS after her release or at once by
the governor; then in no list, search, page, picker or row for anyone; opened only on a legal
basis, to the governor, for a few days, each read audited; a woman admitted later who may be
her is a new record, and only the governor is told."""

import re
import uuid
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from admissions.services import admit_woman, find_returning_woman, release
from audit.models import AuditEvent
from conftest import client_for
from girls import services
from girls.models import GuardianNotice, MatchDecision, Opening, SealedRecord
from reminders.models import Reminder
from tests import refusals
from tests.concurrency import race
from tests.her_page import open_her_page

pytestmark = pytest.mark.django_db

NAME, NUMBER = "Sealwynn", "A47001"
LATER = timedelta(days=1)


def born_years_ago(years: int, days: int = 100):
    return timezone.localdate() - timedelta(days=years * 365 + years // 4 + days)


def released_girl(cast, facility, *, number=NUMBER, given_names=NAME, age=16):
    """A girl admitted ten days ago at `age`, her parent told, released now."""
    from release.tests.factories import admitted, ready_for_release

    admission = admitted(
        cast,
        facility,
        prison_number=number,
        given_names=given_names,
        date_of_birth=born_years_ago(age),
    )
    GuardianNotice.objects.create(
        facility=facility,
        prisoner=admission.prisoner,
        event="admission",
        reached=True,
        guardian="Daw Khin",
        relationship="her mother",
        how="phone",
        told_at=timezone.now() - timedelta(days=9),
        recorded_by=cast["social"],
    )
    admission = ready_for_release(cast, admission)
    release(by=cast["reception"], admission=admission, reason="Bail granted")
    admission.prisoner.refresh_from_db()
    return admission.prisoner


@pytest.fixture
def girl(cast, facility_a):
    return released_girl(cast, facility_a)


def after_days(settings, extra=LATER):
    return timezone.now() + timedelta(days=settings.GIRL_RECORDS_SEALED_AFTER_DAYS) + extra


# -- Which records are sealed, and when ---------------------------------------------------


@pytest.mark.rule("H19")
def test_the_clock_seals_her_records_once_the_days_after_her_release_have_passed(
    cast, girl, settings
):
    assert Reminder.objects.open().filter(prisoner=girl).exists()  # her parent to be told
    assert services.seal_due_records(now=after_days(settings, -LATER)) == 0
    assert not SealedRecord.objects.exists()
    assert services.seal_due_records(now=after_days(settings)) == 1
    sealed = SealedRecord.objects.get()
    assert (sealed.prisoner, sealed.sealed_by, sealed.decided_by) == (girl, "clock", None)
    assert sealed.released_at == girl.admissions.get().released_at
    assert not Reminder.objects.open().filter(prisoner=girl).exists()  # her tasks end with it
    audited = AuditEvent.objects.get(action="girls.sealed")
    assert audited.actor is None and NAME not in str(audited.detail)
    # Idempotent: the beat running again, or twice at once, seals nothing more.
    assert services.seal_due_records(now=after_days(settings)) == 0
    assert SealedRecord.objects.count() == 1


@pytest.mark.rule("H19")
def test_a_woman_who_was_a_girl_when_her_episode_began_is_sealed_though_18_at_release(
    cast, facility_a, settings
):
    """Under 18 when the episode began (her first admission on this record): sealed, though
    18 or over since. A woman admitted at 18 or over: never."""
    from release.tests.factories import admitted, ready_for_release

    turned_18_inside = admitted(
        cast,
        facility_a,
        prison_number="A47002",
        date_of_birth=timezone.localdate().replace(year=timezone.localdate().year - 18)
        + timedelta(days=-5),  # 18 five days ago, admitted ten days ago at 17
    )
    woman = released_girl(cast, facility_a, number="A47003", given_names="Adult", age=25)
    release(
        by=cast["reception"],
        admission=ready_for_release(cast, turned_18_inside),
        reason="Bail granted",
    )
    services.seal_due_records(now=after_days(settings))
    assert set(SealedRecord.objects.values_list("prisoner", flat=True)) == {
        turned_18_inside.prisoner_id
    }
    assert not SealedRecord.objects.filter(prisoner=woman).exists()


def test_a_girl_still_in_custody_is_never_sealed_by_the_clock(cast, facility_a, settings):
    from release.tests.factories import admitted

    admitted(cast, facility_a, prison_number="A47004", date_of_birth=born_years_ago(16))
    assert services.seal_due_records(now=after_days(settings)) == 0


@pytest.mark.rule("H19")
def test_the_governor_seals_a_released_girl_at_once_from_her_page(cast, girl):
    governor = client_for(cast["governor"])
    page = open_her_page(governor, girl).content.decode()
    assert 'data-testid="seal"' in page
    assert (
        'data-testid="seal"' not in open_her_page(client_for(cast["social"]), girl).content.decode()
    )
    response = governor.post(
        f"/girls/women/{girl.uuid}/seal/", {"reason": "The youth court asked for it today."}
    )
    assert response.status_code == 302 and response["Location"] == "/girls/sealed/"
    sealed = SealedRecord.objects.get(prisoner=girl)
    assert (sealed.sealed_by, sealed.decided_by) == ("governor", cast["governor"])
    # Gone from her own page for everyone, the governor included: the 404 of no one.
    assert open_her_page(governor, girl).status_code == 404


@pytest.mark.rule("H19")
def test_the_api_seals_and_refuses_a_girl_in_custody_or_a_woman_admitted_as_an_adult(
    cast, girl, facility_a
):
    from release.tests.factories import admitted

    api = client_for(cast["governor"])
    body = {"reason": "The youth court asked for it."}
    in_custody = admitted(
        cast, facility_a, prison_number="A47005", date_of_birth=born_years_ago(16)
    )
    adult = released_girl(cast, facility_a, number="A47006", given_names="Grown", age=30)
    for woman, says in [(in_custody.prisoner, "after her release"), (adult, "under 18")]:
        with refusals.nothing_written(SealedRecord):
            refused = api.post(f"/api/v1/prisoners/{woman.uuid}/seal/", body, "application/json")
        assert refused.status_code == 409 and refused.json()["rule"] == "H19", refused.content
        assert says in refused.json()["detail"] and "Havana Rule 19" in refused.json()["detail"]
    with refusals.nothing_written(SealedRecord):
        empty = api.post(
            f"/api/v1/prisoners/{girl.uuid}/seal/", {"reason": " "}, "application/json"
        )
    assert empty.status_code == 400
    made = api.post(f"/api/v1/prisoners/{girl.uuid}/seal/", body, "application/json")
    assert made.status_code == 201 and made.json()["sealed_by"] == "governor"
    assert NAME not in made.content.decode() and NUMBER not in made.content.decode()
    # Sealing her again is the 404 of no one: nothing tells that she was sealed.
    again = api.post(f"/api/v1/prisoners/{girl.uuid}/seal/", body, "application/json")
    nobody = api.post(f"/api/v1/prisoners/{uuid.uuid4()}/seal/", body, "application/json")
    assert again.status_code == nobody.status_code == 404
    assert again.content == nobody.content


def test_only_the_governor_seals(cast, girl):
    with refusals.denied(SealedRecord):
        services.seal_record(by=cast["social"], prisoner=girl, reason="Asked.")
    response = client_for(cast["social"]).post(
        f"/api/v1/prisoners/{girl.uuid}/seal/", {"reason": "Asked."}, "application/json"
    )
    assert response.status_code == 404


@pytest.mark.rule("H19")
@pytest.mark.django_db(transaction=True)
def test_the_clock_and_the_governor_at_once_seal_her_once(cast, facility_a, settings):
    girl = released_girl(cast, facility_a)

    def governor():
        try:
            services.seal_record(by=cast["governor"], prisoner=girl, reason="Asked.")
        except PermissionDenied as exc:  # the clock sealed her first: she is gone from view
            raise ValidationError("gone") from exc

    outcomes = race(
        {"clock": lambda: services.seal_due_records(now=after_days(settings)), "governor": governor}
    )
    assert SealedRecord.objects.filter(prisoner=girl).count() == 1
    assert sorted(outcomes) in (["clock", "governor"], ["clock", "gone"])


# -- Sealed: in no list, search, page, picker or row ---------------------------------------


CSRF = re.compile(rb'(csrfmiddlewaretoken" value="|"X-CSRFToken": ")[^"]+')


def same(body: bytes, asked) -> bytes:
    return CSRF.sub(rb"\1", body).replace(str(asked).encode(), b"U")


def sealed(cast, girl) -> SealedRecord:
    return services.seal_record(by=cast["governor"], prisoner=girl, reason="Asked.")


@pytest.mark.rule("H19")
@pytest.mark.parametrize(
    "role", ["reception", "custody", "health", "social", "safeguarding", "governor", "inspector"]
)
def test_no_role_finds_her_by_name_or_number_nor_reaches_her_page(cast, girl, role):
    sealed(cast, girl)
    client = client_for(cast[role])
    for q in (NAME, NUMBER):
        for url in (f"/women/?q={q}&custody_status=released", f"/women/?q={q}"):
            # What she typed comes back in the search box and the language form's address.
            body = client.get(url).content.decode().replace(f'value="{q}"', "")
            body = body.replace(f"q={q}", "")
            assert str(girl.uuid) not in body and NAME not in body and NUMBER not in body, url
        found = client.get(f"/api/v1/prisoners/?q={q}&custody_status=released")
        assert found.status_code in (200, 404)
        if found.status_code == 200:
            assert found.json()["results"] == []
    for url in ("/women/{}/", "/api/v1/prisoners/{}/", "/api/v1/prisoners/{}/guardian-notices/"):
        nobody_uuid = uuid.uuid4()
        hers = client.get(url.format(girl.uuid))
        nobody = client.get(url.format(nobody_uuid))
        assert hers.status_code == nobody.status_code == 404, url
        # Byte for byte the same but for the address she asked for and the form's token.
        assert same(hers.content, girl.uuid) == same(nobody.content, nobody_uuid), url


@pytest.mark.rule("H19")
def test_reception_admitting_her_again_is_not_told_a_sealed_record_exists(cast, girl, facility_a):
    from admissions.tests.factories import commitment, identity

    sealed(cast, girl)
    assert (
        find_returning_woman(
            by=cast["reception"],
            given_names=NAME,
            family_name=girl.family_name,
            date_of_birth=girl.date_of_birth,
            prison_number=NUMBER,
        )
        == []
    )
    admission = admit_woman(
        by=cast["reception"],
        facility=facility_a,
        commitment=commitment(),
        identity=identity(
            prison_number="",
            given_names=NAME,
            family_name=girl.family_name,
            date_of_birth=girl.date_of_birth,
        ),
    )
    woman = admission.prisoner
    assert woman != girl and woman.prison_number != NUMBER  # a record of her own
    task = Reminder.objects.open().get(prisoner=woman, kind=services.MATCH_KIND)
    assert (task.assignee_role, task.rule) == ("governor", "H19")
    reception = client_for(cast["reception"])
    for url in ("/tasks/", f"/women/{woman.uuid}/", f"/admissions/{admission.uuid}/"):
        body = reception.get(url).content.decode()
        assert "sealed" not in body.lower(), url
    # The governor decides, with her reason: the task closes; the sealed record stays sealed.
    governor = client_for(cast["governor"])
    form = governor.get(f"/girls/women/{woman.uuid}/sealed-match/").content.decode()
    assert NUMBER not in form and NAME in form  # the woman admitted, never the sealed one
    record = SealedRecord.objects.get(prisoner=girl)
    response = governor.post(
        f"/girls/women/{woman.uuid}/sealed-match/",
        {"sealed": str(record.uuid), "same_person": "true", "reason": "Same birth certificate."},
    )
    assert response.status_code == 302
    decision = MatchDecision.objects.get()
    assert (decision.prisoner, decision.sealed, decision.same_person) == (woman, record, True)
    assert not Reminder.objects.open().filter(kind=services.MATCH_KIND).exists()
    assert open_her_page(governor, girl).status_code == 404


def test_a_match_decided_is_not_decided_twice_and_names_a_matching_record(cast, girl, facility_a):
    from release.tests.factories import admitted

    record = sealed(cast, girl)
    other = admitted(cast, facility_a, prison_number="A47010", date_of_birth=born_years_ago(30))
    with refusals.invalid("sealed", MatchDecision):
        services.decide_match(
            by=cast["governor"],
            prisoner=other.prisoner,
            sealed=record.uuid,
            same_person=False,
            reason="Not her.",
        )


def test_oversight_counts_her_notices_without_naming_her(cast, girl):
    inspector = client_for(cast["inspector"])
    today = timezone.localdate() - timedelta(days=9)
    query = f"?start={today.isoformat()}&end={timezone.localdate().isoformat()}"
    before = inspector.get(f"/api/v1/oversight/records/guardian-notices/{query}").json()
    assert [row["woman"]["uuid"] for row in before["results"]] == [str(girl.uuid)]
    sealed(cast, girl)
    after = inspector.get(f"/api/v1/oversight/records/guardian-notices/{query}").json()
    assert [(row["woman"], row["url"]) for row in after["results"]] == [(None, "")]
    page = inspector.get(f"/oversight/records/guardian-notices/{query}").content.decode()
    assert NAME not in page and NUMBER not in page and "Parent or guardian told" in page
    overview = inspector.get(f"/api/v1/oversight/{query}").json()
    assert NAME not in str(overview)


@pytest.mark.rule("H19")
def test_the_first_cases_the_overview_loads_leave_her_unnamed(cast, girl, monkeypatch):
    """A count that must be zero whose case is her: once sealed, the first cases the
    overview's page loads still list it, without her name, number or link."""
    from oversight import registry
    from prisoners.models import Prisoner

    def women(facilities, start, end):
        return Prisoner.objects.filter(facility__in=facilities, pk=girl.pk)

    def row(woman):
        return registry.Row(woman.uuid, timezone.localdate(), woman, "A case", "/a-case/")

    monkeypatch.setattr(registry, "_ZEROS", {})
    registry.register_zero(
        registry.MustBeZero("her", "Her count", "M11", "prisoners.view_prisoner", women, row)
    )
    inspector = client_for(cast["inspector"])
    before = inspector.get("/oversight/first-cases/?key=her").content.decode()
    assert NAME in before and NUMBER in before and "/a-case/" in before
    sealed(cast, girl)
    after = inspector.get("/oversight/first-cases/?key=her").content.decode()
    assert "A case" in after
    assert NAME not in after and NUMBER not in after and "/a-case/" not in after


def test_the_safeguarding_picker_answers_her_number_as_any_unknown_number(cast, girl, facility_a):
    from release.tests.factories import admitted

    sealed(cast, girl)
    victim = admitted(cast, facility_a, prison_number="A47011").prisoner
    client = client_for(cast["safeguarding"])
    answers = {}
    for number in (NUMBER, "A49999"):
        body = {
            "kind": "violence",
            "her_part": "victim",
            "occurred_at": (timezone.now() - timedelta(hours=1)).isoformat(),
            "place": "Yard",
            "account": "A push in the yard.",
            "injured": False,
            "reported_by": "staff",
            "others": [{"prisoner": number, "part": "perpetrator"}],
        }
        with refusals.nothing_written(SealedRecord):
            answers[number] = client.post(
                f"/api/v1/prisoners/{victim.uuid}/safeguarding-incidents/",
                body,
                "application/json",
            )
    assert answers[NUMBER].status_code == answers["A49999"].status_code == 400
    assert answers[NUMBER].content.replace(NUMBER.encode(), b"N") == answers[
        "A49999"
    ].content.replace(b"A49999", b"N")


# -- Opening a sealed record on a legal basis ----------------------------------------------


def test_the_governors_list_names_nobody_and_finds_a_record_by_its_exact_number(cast, girl):
    record = sealed(cast, girl)
    governor = client_for(cast["governor"])
    page = governor.get("/girls/sealed/").content.decode()
    assert str(record.uuid) in page and NAME not in page and NUMBER not in page
    assert str(record.uuid) in governor.get(f"/girls/sealed/?number={NUMBER}").content.decode()
    by_name = governor.get(f"/girls/sealed/?number={NAME}").content.decode()
    assert str(record.uuid) not in by_name and 'data-testid="no-sealed"' in by_name
    api = governor.get("/api/v1/girls/sealed/").json()
    assert [row["uuid"] for row in api["results"]] == [str(record.uuid)]
    assert NAME not in str(api)


def test_the_sealed_list_asks_as_many_queries_for_many_records_as_for_one(cast, girl, facility_a):
    sealed(cast, girl)
    governor = client_for(cast["governor"])
    governor.get("/girls/sealed/")

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert governor.get("/girls/sealed/").status_code == 200
        return len(captured)

    one = queries()
    for n in range(3):
        sealed(cast, released_girl(cast, facility_a, number=f"A4702{n}", given_names=f"G{n}"))
    assert queries() == one


@pytest.mark.rule("H19")
def test_the_governor_opens_it_on_a_court_order_and_each_read_shows_to_the_inspector(cast, girl):
    record = sealed(cast, girl)
    governor = client_for(cast["governor"])
    assert governor.get(f"/girls/sealed/{record.uuid}/").status_code == 404  # not open yet
    with refusals.nothing_written(Opening):
        missing = governor.post(
            f"/girls/sealed/{record.uuid}/open/",
            {"basis": "court_order", "reference": "", "reason": "For her appeal."},
        )
    assert missing.status_code == 400
    response = governor.post(
        f"/girls/sealed/{record.uuid}/open/",
        {"basis": "court_order", "reference": "YC-2026-0412", "reason": "For her appeal."},
    )
    assert response.status_code == 302
    assert response["Location"] == f"/girls/sealed/{record.uuid}/"
    opening = Opening.objects.get()
    assert (opening.opened_by, opening.reference) == (cast["governor"], "YC-2026-0412")
    page = governor.get(f"/girls/sealed/{record.uuid}/").content.decode()
    assert NAME in page and NUMBER in page and "YC-2026-0412" in page
    api = governor.get(f"/api/v1/girls/sealed/{record.uuid}/").json()
    assert api["given_names"] == NAME and len(api["episodes"]) == 1
    reads = AuditEvent.objects.filter(action="girls.sealed_read")
    assert reads.count() == 2 and reads.first().disclosed == [str(girl.uuid)]
    # Opened to her alone: another governor, and every other role, get the 404 of no record.
    from staff.tests.factories import make_staff

    other = make_staff("governor", girl.facility, username="second-governor")
    assert client_for(other).get(f"/girls/sealed/{record.uuid}/").status_code == 404
    assert client_for(cast["inspector"]).get(f"/girls/sealed/{record.uuid}/").status_code == 404
    # The inspector's page of confidential reads shows each read, never whose record.
    day = timezone.localdate().isoformat()
    listed = client_for(cast["inspector"]).get(f"/oversight/reads/?start={day}&end={day}")
    body = listed.content.decode()
    assert "A girl&#x27;s sealed record, opened on a legal basis" in body
    assert NAME not in body and NUMBER not in body
    # Still sealed: in no search, her page the 404 of no one.
    assert open_her_page(governor, girl).status_code == 404


@pytest.mark.rule("H19")
def test_an_opening_lasts_only_its_days(cast, girl, settings):
    record = sealed(cast, girl)
    past = timezone.now() - timedelta(days=settings.GIRL_RECORDS_OPEN_DAYS + 1)
    Opening.objects.create(
        sealed=record,
        basis="her_request",
        reference="Her letter of 2 March",
        reason="She asked for her record.",
        opened_by=cast["governor"],
        opened_at=past,
        until=past + timedelta(days=settings.GIRL_RECORDS_OPEN_DAYS),
    )
    governor = client_for(cast["governor"])
    assert governor.get(f"/girls/sealed/{record.uuid}/").status_code == 404
    assert governor.get(f"/api/v1/girls/sealed/{record.uuid}/").status_code == 404
    assert not AuditEvent.objects.filter(action="girls.sealed_read").exists()


def test_only_the_governor_opens_a_sealed_record(cast, girl):
    record = sealed(cast, girl)
    for role in ("social", "inspector", "reception"):
        with refusals.denied(Opening):
            services.open_sealed_record(
                by=cast[role], sealed=record, basis="court_order", reference="X", reason="Y"
            )


def test_a_seal_and_an_opening_are_never_changed_or_deleted(cast, girl):
    from django.db import DatabaseError, transaction

    record = sealed(cast, girl)
    for act in (
        lambda: SealedRecord.objects.filter(pk=record.pk).update(reason="x"),
        lambda: SealedRecord.objects.filter(pk=record.pk).delete(),
    ):
        with pytest.raises(DatabaseError), transaction.atomic():
            act()


def test_the_admin_lists_no_woman_and_no_sealed_record():
    """The Django admin manages accounts and facilities only: no woman, sealed or not, nor a
    seal or an opening, is listed or changed there."""
    from django.contrib import admin

    from prisoners.models import Prisoner

    for model in (Prisoner, SealedRecord, Opening, MatchDecision, GuardianNotice):
        assert not admin.site.is_registered(model)


def test_a_queue_of_records_leaves_out_hers_and_counts_it_no_more(cast, facility_a):
    """A concern her family raised, awaiting triage, while she was in custody: once she is
    released and sealed it is in no queue, nor in the dashboard's count of it."""
    from release.tests.factories import admitted, ready_for_release
    from safeguarding.tests.factories import concern

    admission = admitted(
        cast, facility_a, prison_number=NUMBER, given_names=NAME, date_of_birth=born_years_ago(16)
    )
    girl = admission.prisoner
    concern(cast, girl)
    release(by=cast["reception"], admission=ready_for_release(cast, admission), reason="Bail")
    staff = client_for(cast["safeguarding"])
    assert NAME in staff.get("/queues/family-concerns/").content.decode()

    def waiting() -> int:  # on her dashboard
        cards = staff.get("/").context["queues"]
        return next(q["total"] for q in cards if q["queue"].key == "family-concerns")

    assert waiting() == 1
    sealed(cast, girl)
    page = staff.get("/queues/family-concerns/").content.decode()
    assert NAME not in page and NUMBER not in page
    assert waiting() == 0


def test_an_incident_she_was_part_of_keeps_her_part_without_her_name_and_is_not_found_by_it(
    cast, facility_a
):
    from release.tests.factories import admitted, ready_for_release
    from safeguarding.tests.factories import incident

    other = admitted(cast, facility_a, prison_number="A47030").prisoner
    admission = admitted(
        cast, facility_a, prison_number=NUMBER, given_names=NAME, date_of_birth=born_years_ago(16)
    )
    found = incident(cast, other, other=admission.prisoner)
    release(by=cast["reception"], admission=ready_for_release(cast, admission), reason="Bail")
    staff = client_for(cast["safeguarding"])
    assert NAME in staff.get(f"/api/v1/safeguarding-incidents/{found.uuid}/").content.decode()
    assert str(found.uuid) in staff.get(f"/safeguarding/?q={NAME}").content.decode()
    sealed(cast, admission.prisoner)
    shown = staff.get(f"/api/v1/safeguarding-incidents/{found.uuid}/").json()
    assert NAME not in str(shown) and NUMBER not in str(shown)
    assert [one["part"] for one in shown["involved"]] == ["victim", "perpetrator"]
    for q in (NAME, NUMBER):
        listed = staff.get(f"/safeguarding/?q={q}").content.decode()
        assert str(found.uuid) not in listed
