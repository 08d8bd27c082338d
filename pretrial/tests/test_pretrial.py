"""Pretrial detention (Rules 56, 57, 58, 65; Mandela 111-120): her court dates and what
happened at them, her caretaking information before each hearing, her lawyer, the screen of her
risk of abuse, a long pretrial detention raised to the governor, and indicator 49."""

from datetime import date, datetime, time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from admissions.services import record_court_outcome
from audit.models import AuditEvent
from conftest import client_for
from health.tests.factories import admitted_woman
from pretrial import reading, services
from pretrial.models import CaretakingNotice, Hearing, LegalAdviser, SafetyScreen
from reminders.models import Reminder
from reminders.services import tasks_for
from tests import refusals
from tests.her_page import open_her_page

pytestmark = pytest.mark.django_db

SUMMARY = "Two children, 4 and 9, with their grandmother"


def years_ago(years: int) -> date:
    today = timezone.localdate()
    return today.replace(year=today.year - years) - timedelta(days=30)


@pytest.fixture
def woman(cast, facility_a):
    return admitted_woman(cast, facility_a, prison_number="A50001").prisoner


@pytest.fixture
def girl(cast, facility_a):
    return admitted_woman(
        cast, facility_a, prison_number="A50002", date_of_birth=years_ago(16)
    ).prisoner


def hearing_of(cast, woman, days=3, **overrides) -> Hearing:
    values = {
        "at": timezone.now() + timedelta(days=days),
        "court": "Bangkok Criminal Court",
        "kind": "bail",
        "attendance": "in_person",
        **overrides,
    }
    return services.enter_hearing(by=cast["custody"], prisoner=woman, **values)


def gone_by(cast, woman) -> Hearing:
    """A hearing held an hour ago (entered late, as custody would after the day)."""
    return hearing_of(cast, woman, days=0, at=timezone.now() - timedelta(hours=1))


def open_tasks(woman, kind):
    return Reminder.objects.open().filter(prisoner=woman, kind=kind)


# -- Her court dates and the notice before them (Rule 58) -------------------------------------


@pytest.mark.rule("58")
def test_a_hearing_entered_three_days_ahead_asks_for_her_caretaking_information_at_once(
    cast, woman
):
    hearing = hearing_of(cast, woman, days=3)
    task = open_tasks(woman, services.NOTICE_KIND).get()
    assert (task.assignee_role, task.rule, task.key) == (
        "social",
        "58",
        f"pretrial.notice:{hearing.uuid}",
    )
    assert task.due_at <= hearing.at and task.escalate_at == hearing.at


@pytest.mark.rule("58")
def test_a_hearing_further_ahead_gets_its_task_from_the_clock_once(cast, woman, settings):
    hearing = hearing_of(cast, woman, days=20)
    assert not open_tasks(woman, services.NOTICE_KIND).exists()
    assert services.schedule_notices() == 0
    window = hearing.at - timedelta(days=settings.PRETRIAL_NOTICE_DAYS - 1)
    assert services.schedule_notices(now=window) == 1
    assert services.schedule_notices(now=window) == 0  # idempotent
    assert open_tasks(woman, services.NOTICE_KIND).count() == 1


@pytest.mark.rule("58")
def test_caretaking_sent_closes_the_task_and_is_not_asked_again(cast, woman):
    hearing = hearing_of(cast, woman, days=3)
    notice = services.send_caretaking(
        by=cast["social"],
        hearing=hearing,
        sent_to="lawyer",
        recipient="Khun Anan Wong",
        sent_at=timezone.now(),
        summary=SUMMARY,
    )
    assert not open_tasks(woman, services.NOTICE_KIND).exists()
    assert services.schedule_notices() == 0  # a task once set is never set again
    assert AuditEvent.objects.filter(
        action="pretrial.caretaking_sent", subject_id=str(notice.uuid)
    ).exists()


def test_caretaking_needs_its_summary_and_a_time_gone_by(cast, woman):
    hearing = hearing_of(cast, woman)
    body = {"sent_to": "lawyer", "recipient": "Khun Anan", "sent_at": timezone.now()}
    with refusals.invalid("summary", CaretakingNotice):
        services.send_caretaking(by=cast["social"], hearing=hearing, summary=" ", **body)
    body["sent_at"] = timezone.now() + timedelta(hours=3)
    with refusals.invalid("sent_at", CaretakingNotice):
        services.send_caretaking(by=cast["social"], hearing=hearing, summary=SUMMARY, **body)


@pytest.mark.parametrize("role", ["custody", "health", "governor", "inspector", "outsider"])
def test_only_social_workers_of_her_facility_send_it(cast, woman, role):
    hearing = hearing_of(cast, woman)
    with refusals.denied(CaretakingNotice):
        services.send_caretaking(
            by=cast[role],
            hearing=hearing,
            sent_to="lawyer",
            recipient="Khun Anan",
            sent_at=timezone.now(),
            summary=SUMMARY,
        )


def test_a_hearing_before_her_arrest_is_refused(cast, woman):
    arrested = woman.admissions.get().arrested_at
    with refusals.invalid("at", Hearing, Reminder):
        hearing_of(cast, woman, at=arrested - timedelta(days=2))


@pytest.mark.parametrize("role", ["health", "safeguarding", "governor", "inspector", "outsider"])
def test_only_reception_custody_and_social_workers_enter_court_dates(cast, woman, role):
    with refusals.denied(Hearing):
        services.enter_hearing(
            by=cast[role],
            prisoner=woman,
            at=timezone.now() + timedelta(days=3),
            court="Bangkok Criminal Court",
            kind="bail",
            attendance="video",
        )


# -- What happened (Rules 57, 58, 65) ----------------------------------------------------------


@pytest.mark.rule("57")
@pytest.mark.rule("58")
def test_the_result_is_recorded_with_the_alternatives_considered_and_ends_the_notice_task(
    cast, woman
):
    hearing = gone_by(cast, woman)
    done = services.record_hearing_result(
        by=cast["custody"],
        hearing=hearing,
        result="remanded",
        alternatives="Bail with reporting, refused",
    )
    assert done.result_at is not None and done.alternatives
    with refusals.invalid("result", Hearing):
        services.record_hearing_result(by=cast["custody"], hearing=hearing, result="bail")


def test_a_result_before_the_hearing_is_refused(cast, woman):
    hearing = hearing_of(cast, woman, days=3)
    with refusals.invalid("result"):
        services.record_hearing_result(by=cast["custody"], hearing=hearing, result="remanded")
    hearing.refresh_from_db()
    assert hearing.result == ""


@pytest.mark.rule("65")
def test_a_girls_hearing_is_refused_without_a_review_of_non_custodial_alternatives(cast, girl):
    hearing = gone_by(cast, girl)
    with refusals.refused("65", Hearing) as caught:
        services.record_hearing_result(by=cast["custody"], hearing=hearing, result="remanded")
    assert "Rule 65" in str(caught.value)
    hearing.refresh_from_db()
    assert hearing.result == "" and hearing.result_at is None
    services.record_hearing_result(
        by=cast["custody"],
        hearing=hearing,
        result="remanded",
        alternatives="Diversion to the juvenile observation centre put forward; refused.",
    )


@pytest.mark.rule("65")
def test_the_api_and_the_page_refuse_it_too_naming_rule_65(cast, girl):
    hearing = gone_by(cast, girl)
    api = client_for(cast["custody"])
    address = f"/api/v1/court-hearings/{hearing.uuid}/result/"
    with refusals.nothing_written(Hearing):
        answer = api.post(address, {"result": "remanded"}, "application/json")
    assert answer.status_code == 409 and answer.json()["rule"] == "65"
    page = api.post(f"/pretrial/hearings/{hearing.uuid}/result/", {"result": "remanded"})
    assert page.status_code == 400 and "Rule 65" in page.content.decode()
    hearing.refresh_from_db()
    assert hearing.result == ""
    assert AuditEvent.objects.filter(action="rule.refused").count() == 2


def test_a_hearing_that_changed_her_status_names_the_courts_decision(cast, woman):
    hearing = gone_by(cast, woman)
    with refusals.invalid("court_outcome", Hearing):
        services.record_hearing_result(by=cast["custody"], hearing=hearing, result="status_changed")
    outcome = record_court_outcome(
        by=cast["reception"],
        admission=woman.admissions.get(),
        legal_status="convicted_unsentenced",
        decided_on=timezone.localdate(),
        court="Bangkok Criminal Court",
    )
    done = services.record_hearing_result(
        by=cast["custody"], hearing=hearing, result="status_changed", court_outcome=outcome
    )
    assert done.court_outcome == outcome


# -- Her lawyer (Mandela 61, 119, 120) ---------------------------------------------------------


def test_her_lawyer_is_recorded_with_a_way_to_reach_them(cast, woman):
    with refusals.invalid("phone", LegalAdviser):
        services.add_adviser(by=cast["reception"], prisoner=woman, name="Khun Pranee")
    adviser = services.add_adviser(
        by=cast["reception"], prisoner=woman, name="Khun Pranee", phone="+66 2 555 3100"
    )
    changed = services.change_adviser(by=cast["social"], adviser=adviser, acting=False)
    assert changed.acting is False and changed.phone == "+66 2 555 3100"


def test_her_lawyers_contact_details_are_absent_for_health_and_the_inspector(cast, woman):
    services.add_adviser(
        by=cast["reception"], prisoner=woman, name="Khun Pranee", phone="+66 2 555 3199"
    )
    for role, sees in (("custody", True), ("health", False), ("inspector", False)):
        body = client_for(cast[role]).get(f"/api/v1/prisoners/{woman.uuid}/legal-advisers/")
        assert body.status_code == 200
        assert ("+66 2 555 3199" in body.content.decode()) is sees, role
        assert "Khun Pranee" in body.content.decode()
        page = open_her_page(client_for(cast[role]), woman).content.decode()
        assert ("+66 2 555 3199" in page) is sees, role
    assert AuditEvent.objects.filter(action="pretrial.adviser_contact_read").exists()


# -- Her pretrial-safety screen (Rule 56) ------------------------------------------------------


@pytest.mark.rule("56")
def test_an_untried_woman_admitted_is_screened_and_reminded_until_done(cast, woman, settings):
    task = open_tasks(woman, services.SCREEN_KIND).get()
    assert (task.rule, task.assignee_role) == ("56", "social")
    assert task.due_at == woman.admissions.get().admitted_at + timedelta(
        days=settings.PRETRIAL_SCREEN_DAYS
    )
    with refusals.invalid("measures", SafetyScreen):
        services.record_safety_screen(
            by=cast["social"],
            prisoner=woman,
            screened_at=timezone.now(),
            risks_found=True,
            risks="Her co-accused is on her wing",
        )
    assert open_tasks(woman, services.SCREEN_KIND).exists()
    services.record_safety_screen(
        by=cast["safeguarding"], prisoner=woman, screened_at=timezone.now(), risks_found=False
    )
    assert not open_tasks(woman, services.SCREEN_KIND).exists()


@pytest.mark.rule("56")
def test_a_convicted_woman_is_not_screened_until_a_court_makes_her_untried(cast, facility_a):
    woman = admitted_woman(
        cast, facility_a, prison_number="A50009", legal_status="sentenced"
    ).prisoner
    assert not open_tasks(woman, services.SCREEN_KIND).exists()
    record_court_outcome(
        by=cast["reception"],
        admission=woman.admissions.get(),
        legal_status="pretrial",
        decided_on=timezone.localdate(),
        court="Court of Appeal",
    )
    assert open_tasks(woman, services.SCREEN_KIND).get().rule == "56"


def test_what_the_screen_found_is_absent_for_custody(cast, woman):
    services.record_safety_screen(
        by=cast["social"],
        prisoner=woman,
        screened_at=timezone.now(),
        risks_found=True,
        risks="Canaryriskfound",
        measures="Moved wing",
    )
    address = f"/api/v1/prisoners/{woman.uuid}/safety-screens/"
    assert "Canaryriskfound" not in client_for(cast["custody"]).get(address).content.decode()
    assert "Canaryriskfound" in client_for(cast["governor"]).get(address).content.decode()


# -- A long pretrial detention (Rule 58; Mandela 111) ------------------------------------------


@pytest.mark.rule("58")
def test_a_long_pretrial_detention_is_raised_to_the_governor_once_by_the_clock(
    cast, woman, settings
):
    arrested = woman.admissions.get().arrested_at
    before = arrested + timedelta(days=settings.PRETRIAL_LONG_DAYS - 1)
    after = arrested + timedelta(days=settings.PRETRIAL_LONG_DAYS + 1)
    assert services.raise_long_pretrial_alerts(now=before) == 0
    assert services.raise_long_pretrial_alerts(now=after) == 1
    assert services.raise_long_pretrial_alerts(now=after + timedelta(days=3)) == 0
    alert = open_tasks(woman, services.LONG_KIND).get()
    assert (alert.assignee_role, alert.rule) == ("governor", "58")
    assert tasks_for(cast["governor"]).filter(pk=alert.pk).exists()
    settings.PRETRIAL_LONG_DAYS = 360  # a new threshold raises her again once it is passed
    assert services.raise_long_pretrial_alerts(now=after) == 0


@pytest.mark.rule("58")
def test_a_court_decision_ending_her_pretrial_detention_closes_the_alert(cast, woman, settings):
    arrested = woman.admissions.get().arrested_at
    services.raise_long_pretrial_alerts(
        now=arrested + timedelta(days=settings.PRETRIAL_LONG_DAYS + 1)
    )
    record_court_outcome(
        by=cast["reception"],
        admission=woman.admissions.get(),
        legal_status="convicted_unsentenced",
        decided_on=timezone.localdate(),
        court="Bangkok Criminal Court",
    )
    assert not open_tasks(woman, services.LONG_KIND).exists()
    assert not open_tasks(woman, services.SCREEN_KIND).exists()


def test_oversight_lists_the_women_untried_past_the_threshold(cast, woman, facility_a, settings):
    from facilities.models import Facility

    arrested = woman.admissions.get().arrested_at
    facilities = Facility.objects.filter(pk=facility_a.pk)
    late = timezone.localdate(arrested) + timedelta(days=settings.PRETRIAL_LONG_DAYS + 2)
    assert list(reading.long_pretrial(facilities, late - timedelta(days=30), late)) == [woman]
    early = timezone.localdate(arrested) + timedelta(days=10)
    assert not reading.long_pretrial(facilities, early - timedelta(days=30), early).exists()


# -- Indicator 49 ------------------------------------------------------------------------------


def admitted_days_ago(cast, facility, n: int, days: int):
    """A woman arrested `days` + 1 days ago and admitted `days` ago, untried."""
    from admissions.services import admit_woman
    from admissions.tests.factories import commitment, identity

    admitted = timezone.now() - timedelta(days=days)
    return admit_woman(
        by=cast["reception"],
        facility=facility,
        admitted_at=admitted,
        commitment=commitment(
            arrested_at=admitted - timedelta(days=1), order_date=timezone.localdate(admitted)
        ),
        identity=identity(prison_number=f"A5100{n}"),
    ).prisoner


def test_pretrial_figures_count_the_share_and_median_on_the_periods_last_day(cast, facility_a):
    from facilities.models import Facility

    women = [admitted_days_ago(cast, facility_a, n, days=10 + n) for n in range(6)]
    today = timezone.localdate()
    record_court_outcome(
        by=cast["reception"],
        admission=women[0].admissions.get(),
        legal_status="convicted_unsentenced",
        decided_on=today - timedelta(days=2),
        court="Bangkok Criminal Court",
    )
    facilities = Facility.objects.filter(pk=facility_a.pk)
    with CaptureQueriesContext(connection) as captured:
        now = reading.pretrial_figures(facilities, today - timedelta(days=30), today)
    assert len(captured) == 1
    assert (now["women"], now["untried"], now["share"]) == (6, 5, 83.3)
    # Untried 11 to 16 days by the end of today (arrested a day before each admission): the
    # median of women[1:] is women[3]'s, 14 days and the rest of today.
    on = datetime.combine(today, time.max, tzinfo=timezone.get_current_timezone())
    expected = (on - women[3].admissions.get().arrested_at).total_seconds() / 86400
    assert abs(now["median_days"] - expected) <= 0.1
    # Three days ago she was still untried: her status then is the one the court changed.
    before = reading.pretrial_figures(
        facilities, today - timedelta(days=33), today - timedelta(days=3)
    )
    assert (before["women"], before["untried"], before["share"]) == (6, 6, 100.0)
    # Before any of them was admitted, nobody.
    empty = reading.pretrial_figures(
        facilities, today - timedelta(days=60), today - timedelta(days=30)
    )
    assert (empty["women"], empty["share"], empty["median_days"]) == (0, None, None)


def test_pretrial_figures_hide_a_small_cell(cast, woman, facility_a):
    from facilities.models import Facility

    figures = reading.pretrial_figures(
        Facility.objects.filter(pk=facility_a.pk), timezone.localdate(), timezone.localdate()
    )
    assert figures["women"] == 1 and figures["suppressed"]
    assert figures["untried"] is None and figures["median_days"] is None


# -- Pages, queues, confidentiality ------------------------------------------------------------


def test_the_caretaking_summary_is_read_only_by_a_role_that_knows_her_children(cast, woman):
    hearing = hearing_of(cast, woman)
    services.send_caretaking(
        by=cast["social"],
        hearing=hearing,
        sent_to="court",
        recipient="The court's office",
        sent_at=timezone.now(),
        summary=SUMMARY,
    )
    for role, sees in (("social", True), ("custody", False), ("governor", False)):
        page = client_for(cast[role]).get(f"/pretrial/hearings/{hearing.uuid}/").content.decode()
        api = client_for(cast[role]).get(f"/api/v1/court-hearings/{hearing.uuid}/")
        assert (SUMMARY in page) is sees and (SUMMARY in api.content.decode()) is sees, role
        assert "The court&#x27;s office" in page or "The court's office" in page
    assert AuditEvent.objects.filter(action="pretrial.caretaking_read").exists()


def test_the_social_workers_form_shows_her_children_from_the_register(cast, woman):
    from register.services import record_child
    from register.tests.factories import child_fields

    record_child(by=cast["social"], mother=woman, **child_fields(given_names="Ploy"))
    hearing = hearing_of(cast, woman)
    page = client_for(cast["social"]).get(f"/pretrial/hearings/{hearing.uuid}/caretaking/new/")
    assert page.status_code == 200 and "Ploy" in page.content.decode()
    assert AuditEvent.objects.filter(action="child.identity_read").exists()


def test_the_form_pages_record_a_hearing_and_its_caretaking(cast, woman):
    custody = client_for(cast["custody"])
    when = (timezone.localtime() + timedelta(days=4)).strftime("%Y-%m-%dT%H:%M")
    entered = custody.post(
        f"/pretrial/women/{woman.uuid}/hearings/new/",
        {
            "at": when,
            "court": "Bangkok Criminal Court",
            "kind": "bail",
            "attendance": "video",
            "escort_arranged": "true",
            "escort": "Video room 2",
        },
    )
    assert entered.status_code == 302, entered.context["form"].errors
    hearing = Hearing.objects.get(prisoner=woman)
    social = client_for(cast["social"])
    sent = social.post(
        f"/pretrial/hearings/{hearing.uuid}/caretaking/new/",
        {
            "sent_to": "lawyer",
            "recipient": "Khun Anan",
            "sent_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            "summary": SUMMARY,
        },
    )
    assert sent.status_code == 302, sent.context["form"].errors
    her_page = open_her_page(social, woman).content.decode()
    assert 'data-testid="her-hearings"' in her_page and "Bangkok Criminal Court" in her_page


def _queries(client, address) -> int:
    client.get(address)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(address).status_code == 200
    return len(captured)


def test_the_lists_and_the_queue_ask_as_many_queries_for_many_hearings_as_for_one(
    cast, facility_a, woman
):
    hearing_of(cast, woman, days=2)
    social, custody = client_for(cast["social"]), client_for(cast["custody"])
    addresses = [
        (social, "/queues/court-notices/"),
        (custody, "/queues/court-dates/"),
        (custody, "/pretrial/"),
        (custody, "/api/v1/court-hearings/"),
    ]
    few = [_queries(client, address) for client, address in addresses]
    for n in range(4):
        other = admitted_woman(cast, facility_a, prison_number=f"A5200{n}").prisoner
        hearing_of(cast, other, days=1 + n)
    assert [_queries(client, address) for client, address in addresses] == few
    page = social.get("/queues/court-notices/").content.decode()
    assert woman.full_name in page


def test_the_hearings_list_searches_by_name_and_court(cast, woman):
    hearing_of(cast, woman, days=2)
    custody = client_for(cast["custody"])
    assert woman.full_name in custody.get("/pretrial/?q=" + woman.family_name).content.decode()
    assert "No court date matches" in custody.get("/pretrial/?q=Nowhere").content.decode()


def test_her_section_asks_as_many_queries_for_many_records_as_for_one(cast, woman):
    hearing_of(cast, woman, days=2)
    services.add_adviser(by=cast["reception"], prisoner=woman, name="Khun A", phone="1")
    services.record_safety_screen(
        by=cast["social"], prisoner=woman, screened_at=timezone.now(), risks_found=False
    )
    social = client_for(cast["social"])
    few = _queries(social, f"/women/{woman.uuid}/")
    for n in range(3):
        hearing_of(cast, woman, days=3 + n)
        services.add_adviser(by=cast["reception"], prisoner=woman, name=f"Khun {n}", phone="2")
        services.record_safety_screen(
            by=cast["social"], prisoner=woman, screened_at=timezone.now(), risks_found=False
        )
    assert _queries(social, f"/women/{woman.uuid}/") == few
    page = open_her_page(social, woman).content.decode()
    assert page.count("Bangkok Criminal Court") >= 4 and "Untried for" in page


def test_custody_arrange_her_escort_under_the_hearings_version(cast, woman):
    hearing = hearing_of(cast, woman)
    api = client_for(cast["custody"])
    address = f"/api/v1/court-hearings/{hearing.uuid}/escort/"
    body = {"escort_arranged": True, "escort": "Two officers, the women's van"}
    stale = api.post(address, body, "application/json", HTTP_IF_MATCH='"0"')
    assert stale.status_code == 412
    with refusals.invalid("escort", Hearing):
        services.arrange_escort(by=cast["custody"], hearing=hearing, escort_arranged=True)
    done = api.post(address, body, "application/json")
    assert done.status_code == 200, done.content
    assert done.json()["escort_arranged"] is True
    hearing.refresh_from_db()
    assert hearing.escort == "Two officers, the women's van"


@pytest.mark.rule("65")
def test_a_girls_hearing_that_was_not_held_needs_no_review(cast, girl):
    hearing = gone_by(cast, girl)
    done = services.record_hearing_result(by=cast["custody"], hearing=hearing, result="not_held")
    assert done.result == "not_held"
