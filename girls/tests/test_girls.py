"""Girls under 18 in custody (Rules 36-39): her parent or guardian told of her admission,
transfer and release; a place in education within a week; regular access to a gynaecologist;
a specialist who follows a pregnant girl."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from admissions.services import release
from audit.models import AuditEvent
from conftest import client_for
from girls import services
from girls.models import GuardianNotice
from health.tests.factories import admitted_woman
from reminders.models import Reminder
from tests import refusals
from tests.her_page import open_her_page

pytestmark = pytest.mark.django_db

GUARDIAN = services.GUARDIAN_KIND


def years_ago(years: int, days: int = 0) -> date:
    today = timezone.localdate()
    return today.replace(year=today.year - years) - timedelta(days=days)


@pytest.fixture
def girl(cast, facility_a):
    return admitted_woman(
        cast, facility_a, prison_number="A40001", date_of_birth=years_ago(16)
    ).prisoner


@pytest.fixture
def admitted_girl(cast, facility_a):
    """A girl whose admission, ten days ago, is complete (she may be moved or released)."""
    from release.tests.factories import admitted

    return admitted(cast, facility_a, date_of_birth=years_ago(16)).prisoner


def notice(**overrides) -> dict:
    return {
        "event": "admission",
        "reached": True,
        "guardian": "Daw Khin",
        "relationship": "her mother",
        "how": "phone",
        "told_at": timezone.now(),
        "note": "",
        **overrides,
    }


def open_tasks(woman, kind):
    return Reminder.objects.open().filter(prisoner=woman, kind=kind)


@pytest.mark.rule("36")
@pytest.mark.rule("37")
@pytest.mark.rule("38")
def test_a_girls_admission_asks_for_her_guardian_told_her_education_and_a_gynaecologist(
    girl, settings
):
    guardian = open_tasks(girl, GUARDIAN).get()
    assert (guardian.assignee_role, guardian.rule) == ("social", "36")
    admitted = girl.admissions.get().admitted_at
    assert guardian.due_at == admitted + timedelta(hours=settings.GIRLS_GUARDIAN_HOURS)
    education = open_tasks(girl, services.EDUCATION_KIND).get()
    assert (education.assignee_role, education.rule) == ("custody", "37")
    assert education.due_at == admitted + timedelta(days=settings.GIRLS_EDUCATION_DAYS)
    gynaecology = open_tasks(girl, services.GYNAECOLOGY_KIND).get()
    assert (gynaecology.assignee_role, gynaecology.rule) == ("health", "38")
    assert gynaecology.confidential  # other roles see only that a health task is open


def test_a_woman_of_18_opens_none_of_them(cast, facility_a):
    woman = admitted_woman(cast, facility_a, date_of_birth=years_ago(18)).prisoner
    kinds = [GUARDIAN, services.EDUCATION_KIND, services.GYNAECOLOGY_KIND]
    assert not Reminder.objects.filter(prisoner=woman, kind__in=kinds).exists()


@pytest.mark.rule("36")
def test_her_guardian_told_closes_the_task_and_is_audited(cast, girl):
    made = services.record_guardian_notice(by=cast["social"], prisoner=girl, **notice())
    assert made.facility == girl.facility and made.reached
    assert not open_tasks(girl, GUARDIAN).exists()
    assert AuditEvent.objects.filter(
        action="girls.guardian_told", subject_id=str(made.uuid)
    ).exists()


@pytest.mark.rule("36")
def test_nobody_reached_keeps_the_task_open_and_must_say_what_was_tried(cast, girl):
    with refusals.invalid("note", GuardianNotice):
        services.record_guardian_notice(by=cast["social"], prisoner=girl, **notice(reached=False))
    services.record_guardian_notice(
        by=cast["social"], prisoner=girl, **notice(reached=False, note="No answer; message left")
    )
    assert open_tasks(girl, GUARDIAN).exists()
    assert AuditEvent.objects.filter(action="girls.guardian_not_reached").count() == 1


def test_a_woman_of_18_is_not_a_girl_whose_guardian_is_told(cast, facility_a):
    woman = admitted_woman(cast, facility_a, date_of_birth=years_ago(18, days=1)).prisoner
    with refusals.invalid("event", GuardianNotice) as caught:
        services.record_guardian_notice(by=cast["social"], prisoner=woman, **notice())
    assert "told only as she asks" in str(caught.value)


def test_a_notice_dated_in_the_future_or_before_her_arrest_is_refused(cast, girl):
    with refusals.invalid("told_at", GuardianNotice):
        services.record_guardian_notice(
            by=cast["social"],
            prisoner=girl,
            **notice(told_at=timezone.now() + timedelta(hours=2)),
        )
    arrested = girl.admissions.get().arrested_at
    with refusals.invalid("told_at", GuardianNotice):
        services.record_guardian_notice(
            by=cast["social"], prisoner=girl, **notice(told_at=arrested - timedelta(days=1))
        )


@pytest.mark.parametrize("role", ["custody", "health", "outsider", "inspector"])
def test_only_reception_social_workers_and_the_governor_of_her_facility_record_it(cast, girl, role):
    with refusals.denied(GuardianNotice):
        services.record_guardian_notice(by=cast[role], prisoner=girl, **notice())


@pytest.mark.rule("36")
def test_her_release_asks_for_her_guardian_told_and_ends_what_awaited_her_in_custody(
    cast, admitted_girl
):
    from release.tests.factories import ready_for_release

    girl = admitted_girl
    services.record_guardian_notice(by=cast["social"], prisoner=girl, **notice())
    admission = ready_for_release(cast, girl.admissions.get())
    release(by=cast["reception"], admission=admission, reason="Bail granted")
    assert not open_tasks(girl, services.EDUCATION_KIND).exists()
    assert not open_tasks(girl, services.GYNAECOLOGY_KIND).exists()
    told = open_tasks(girl, GUARDIAN).get()
    assert told.title_key == str(services.GUARDIAN_TITLES["release"])
    services.record_guardian_notice(
        by=cast["social"], prisoner=girl, **notice(event="release", told_at=timezone.now())
    )
    assert not open_tasks(girl, GUARDIAN).exists()


@pytest.mark.rule("36")
def test_her_transfer_asks_the_facility_she_moved_to(cast, admitted_girl, facility_b):
    from admissions.models import Transfer
    from admissions.services import propose_transfer

    girl = admitted_girl
    proposal = propose_transfer(
        by=cast["reception"],
        admission=girl.admissions.get(),
        to_facility=facility_b,
        reason="Nearer her mother",
    )
    confirmed = client_for(cast["governor"]).post(
        f"/api/v1/transfer-proposals/{proposal.uuid}/confirm/"
    )
    assert confirmed.status_code == 200, confirmed.content
    assert Transfer.objects.filter(admission__prisoner=girl).exists()
    # Her open tasks went with her (her admission's notice still to give); B gives this one.
    told = open_tasks(girl, GUARDIAN).filter(facility=facility_b)
    transfer = str(services.GUARDIAN_TITLES["transfer"])
    assert sorted(t.title_key == transfer for t in told) == [False, True]


@pytest.mark.rule("37")
def test_a_place_in_education_answers_her_education_task(cast, girl, facility_a):
    from regime.services import add_activity, allocate

    work = add_activity(
        by=cast["governor"], facility=facility_a, name="Laundry", kind="work", capacity=5
    )
    allocate(by=cast["custody"], prisoner=girl, activity=work)
    assert open_tasks(girl, services.EDUCATION_KIND).exists()
    school = add_activity(
        by=cast["governor"], facility=facility_a, name="School", kind="education", capacity=5
    )
    allocate(by=cast["custody"], prisoner=girl, activity=school)
    assert not open_tasks(girl, services.EDUCATION_KIND).exists()


@pytest.mark.rule("38")
@pytest.mark.rule("39")
def test_a_gynaecology_encounter_answers_her_tasks_and_the_next_is_asked_for(cast, girl, settings):
    from health.models import Encounter, Pregnancy

    Pregnancy.objects.create(prisoner=girl, status="declared", recorded_by=cast["health"])
    specialist = open_tasks(girl, services.SPECIALIST_KIND).get()
    assert (specialist.rule, specialist.assignee_role, specialist.confidential) == (
        "39",
        "health",
        True,
    )
    Encounter.objects.create(
        prisoner=girl,
        kind="gynaecology",
        clinician=cast["health"],
        clinician_gender="woman",
        recorded_by=cast["health"],
    )
    assert not open_tasks(girl, services.SPECIALIST_KIND).exists()
    [following] = open_tasks(girl, services.GYNAECOLOGY_KIND)
    assert following.due_at.date() > timezone.localdate() + timedelta(
        days=30 * settings.GIRLS_GYNAECOLOGY_MONTHS - 5
    )


def test_the_form_records_it_and_her_page_shows_it(cast, girl):
    social = client_for(cast["social"])
    form = social.get(f"/girls/women/{girl.uuid}/guardian/new/")
    assert form.status_code == 200
    response = social.post(
        f"/girls/women/{girl.uuid}/guardian/new/",
        {
            "event": "admission",
            "reached": "true",
            "guardian": "Daw Khin",
            "relationship": "her mother",
            "how": "phone",
            "told_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    page = open_her_page(social, girl).content.decode()
    assert 'data-testid="guardian-notices"' in page and "Daw Khin" in page


def test_the_api_records_it_and_refuses_a_woman_of_18_with_nothing_written(cast, girl, facility_a):
    api = client_for(cast["social"])
    body = {**notice(), "told_at": notice()["told_at"].isoformat()}
    made = api.post(f"/api/v1/prisoners/{girl.uuid}/guardian-notices/", body, "application/json")
    assert made.status_code == 201, made.content
    assert made.json()["guardian"] == "Daw Khin"
    listed = api.get(f"/api/v1/prisoners/{girl.uuid}/guardian-notices/").json()
    assert [row["uuid"] for row in listed["results"]] == [made.json()["uuid"]]
    woman = admitted_woman(cast, facility_a, date_of_birth=years_ago(30)).prisoner
    with refusals.nothing_written(GuardianNotice):
        refused = api.post(
            f"/api/v1/prisoners/{woman.uuid}/guardian-notices/", body, "application/json"
        )
    assert refused.status_code == 400 and "told only as she asks" in refused.content.decode()


def test_the_list_shows_each_girl_told_and_in_education_in_one_query(cast, girl, facility_a):
    social = client_for(cast["social"])
    social.get("/girls/")  # her role and permissions, read once

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert social.get("/girls/").status_code == 200
        return len(captured)

    few = queries()
    page = social.get("/girls/").content.decode()
    assert girl.full_name in page and "Not yet" in page
    for n in range(3):
        admitted_woman(
            cast, facility_a, prison_number=f"A4100{n}", date_of_birth=years_ago(15 + n % 2)
        )
    assert queries() == few
    services.record_guardian_notice(by=cast["social"], prisoner=girl, **notice())
    rows = client_for(cast["social"]).get("/api/v1/girls/").json()["results"]
    assert len(rows) == 4
    mine = next(row for row in rows if row["uuid"] == str(girl.uuid))
    assert mine["guardian_told"] is True and mine["in_education"] is False
