"""Preventive screening offered on an equal basis with the community (Rules 17, 18): offering,
declining (Rule 8), results, the follow-up of an abnormal result, reminders, and the
confidentiality of it all."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from conftest import client_for
from health.models import HivTest, PreventiveScreening
from health.services.preventive import (
    CERVICAL,
    FOLLOW_UP_KIND,
    follow_up_key,
    record_follow_up_outcome,
    record_preventive_result,
    record_preventive_screening,
    schedule_preventive_care,
    what_is_due,
)
from reminders.models import OPEN_STATUSES, Reminder
from reminders.services import complete_reminder
from tests import refusals
from tests.clock import today_is
from tests.her_page import open_her_page

pytestmark = pytest.mark.django_db


# A day of the year and 29 February, with the day five years on, the WHO interval after an HPV
# test: a leap day's falls on 1 March.
FIVE_YEARS_ON = pytest.mark.parametrize(
    ("today", "five_years_on"),
    [(date(2025, 6, 16), date(2030, 6, 16)), (date(2024, 2, 29), date(2029, 3, 1))],
)


def open_preventive(woman):
    return Reminder.objects.filter(
        prisoner=woman, kind__startswith="health.preventive", status__in=OPEN_STATUSES
    )


def screened(cast, woman, **kwargs):
    fields = {"kind": "hpv", "done_on": timezone.localdate(), **kwargs}
    return record_preventive_screening(by=cast["health"], prisoner=woman, **fields)


@pytest.mark.rule("18")
def test_check_what_is_due_books_confidential_neutral_reminders(cast, woman_a):
    # Born 1990: 36, cervical screening is due now under WHO; breast at 50.
    dues = schedule_preventive_care(by=cast["health"], prisoner=woman_a)
    assert {d.programme for d in dues} == {"cervical", "breast"}
    reminders = list(open_preventive(woman_a))
    assert len(reminders) == 2
    for reminder in reminders:
        assert reminder.confidential
        assert reminder.rule == "18"
        assert reminder.assignee_role == "health"
        assert reminder.title == "Preventive health care due"
    breast = next(r for r in reminders if ":breast:" in r.key)
    assert breast.due_at.date() == date(2040, 5, 17)
    # Checking again changes nothing.
    schedule_preventive_care(by=cast["health"], prisoner=woman_a)
    assert open_preventive(woman_a).count() == 2
    assert AuditEvent.objects.filter(action="health.preventive_checked").count() == 2


def test_only_health_staff_check_or_record(cast, woman_a, woman_b):
    for role in ("custody", "governor", "inspector", "reception"):
        with pytest.raises(PermissionDenied):
            schedule_preventive_care(by=cast[role], prisoner=woman_a)
        with pytest.raises(PermissionDenied):
            screened(cast | {"health": cast[role]}, woman_a)
    from django.http import Http404

    with pytest.raises(Http404):
        schedule_preventive_care(by=cast["health"], prisoner=woman_b)
    assert not PreventiveScreening.objects.exists()
    assert not open_preventive(woman_a).exists()


@pytest.mark.rule("18")
@FIVE_YEARS_ON
def test_a_screening_sets_next_due_and_moves_the_reminder(
    cast, woman_a, monkeypatch, today, five_years_on
):
    today_is(monkeypatch, today)
    schedule_preventive_care(by=cast["health"], prisoner=woman_a)
    screening = screened(cast, woman_a, result="normal")
    assert screening.done_on == today
    assert screening.next_due == five_years_on
    assert screening.policy == "who"
    cervical = open_preventive(woman_a).filter(key__contains=":cervical:")
    assert cervical.count() == 1
    assert cervical.get().due_at.date() == screening.next_due


@pytest.mark.rule("18")
def test_history_she_reports_from_before_admission_is_accepted(cast, woman_a):
    screening = screened(cast, woman_a, done_on=date(2024, 3, 1), reported=True, result="normal")
    assert screening.reported
    assert screening.next_due == date(2029, 3, 1)
    due = {d.programme: d for d in what_is_due(woman_a)}
    assert due[CERVICAL].due_on == date(2029, 3, 1)


@pytest.mark.rule("18")
def test_a_screening_on_a_leap_day_is_due_again_on_1_march(cast, woman_a):
    screening = screened(cast, woman_a, done_on=date(2024, 2, 29), reported=True)
    assert screening.next_due == date(2029, 3, 1)


@pytest.mark.rule("8")
@FIVE_YEARS_ON
def test_declining_never_counts_against_her_and_is_offered_again_at_the_interval(
    cast, woman_a, monkeypatch, today, five_years_on
):
    today_is(monkeypatch, today)
    screening = screened(cast, woman_a, declined=True)
    assert screening.declined and screening.result == ""
    assert screening.next_due == five_years_on
    # No follow-up, nothing else asked of her.
    assert not Reminder.objects.filter(kind=FOLLOW_UP_KIND).exists()


@pytest.mark.rule("8")
def test_no_result_for_a_declined_screening(cast, woman_a):
    with refusals.refused("8", PreventiveScreening, Reminder):
        screened(cast, woman_a, declined=True, result="normal")
    assert not PreventiveScreening.objects.exists()
    declined = screened(cast, woman_a, declined=True)
    with refusals.refused("8", Reminder):
        record_preventive_result(by=cast["health"], screening=declined, result="abnormal")
    declined.refresh_from_db()
    assert declined.result == ""


def test_refusals_of_bad_input_write_nothing(cast, woman_a):
    tomorrow = timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError):
        screened(cast, woman_a, done_on=tomorrow)
    with pytest.raises(ValidationError):
        screened(cast, woman_a, declined=True, reported=True)
    with pytest.raises(ValidationError):
        screened(cast, woman_a, kind="xray")
    assert not PreventiveScreening.objects.exists()


def test_the_database_refuses_a_result_on_a_declined_screening(cast, woman_a):
    with pytest.raises(IntegrityError), transaction.atomic():
        PreventiveScreening.objects.create(
            prisoner=woman_a,
            kind="hpv",
            done_on=timezone.localdate(),
            declined=True,
            result="abnormal",
            policy="who",
            recorded_by=cast["health"],
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        PreventiveScreening.objects.create(
            prisoner=woman_a,
            kind="hpv",
            done_on=timezone.localdate(),
            result="normal",
            follow_up_at=timezone.now(),
            follow_up_outcome="x",
            policy="who",
            recorded_by=cast["health"],
        )


@pytest.mark.rule("18")
def test_an_abnormal_result_opens_a_follow_up_that_closes_only_with_its_outcome(cast, woman_a):
    screening = screened(cast, woman_a)  # result awaited
    assert not Reminder.objects.filter(kind=FOLLOW_UP_KIND).exists()
    record_preventive_result(by=cast["health"], screening=screening, result="abnormal")
    reminder = Reminder.objects.get(key=follow_up_key(screening))
    assert reminder.confidential and reminder.rule == "18"
    assert reminder.title == "Preventive health follow-up due"
    assert reminder.due_at > timezone.now() + timedelta(days=29)

    # Without an outcome the service refuses, naming the rule; nothing changes.
    with refusals.refused("18", Reminder):
        record_follow_up_outcome(by=cast["health"], screening=screening, outcome="  ")
    reminder.refresh_from_db()
    assert reminder.status in OPEN_STATUSES

    # "Mark done" on the task list cannot close it either, with or without text.
    for outcome in ("", "seen"):
        with pytest.raises(ValidationError):
            complete_reminder(reminder=reminder, by=cast["health"], outcome=outcome)
    reminder.refresh_from_db()
    assert reminder.status in OPEN_STATUSES

    record_follow_up_outcome(
        by=cast["health"], screening=screening, outcome="Colposcopy: CIN1, review in 12 months."
    )
    screening.refresh_from_db()
    reminder.refresh_from_db()
    assert screening.follow_up_at is not None
    assert reminder.status == "done"
    assert "CIN" not in reminder.outcome  # clinical detail stays in the file


def test_a_follow_up_belongs_to_an_abnormal_result_only(cast, woman_a):
    normal = screened(cast, woman_a, result="normal")
    with pytest.raises(ValidationError):
        record_follow_up_outcome(by=cast["health"], screening=normal, outcome="Nothing")


def test_other_reminders_still_close_with_mark_done(cast, woman_a):
    schedule_preventive_care(by=cast["health"], prisoner=woman_a)
    reminder = open_preventive(woman_a).first()
    complete_reminder(reminder=reminder, by=cast["health"])
    reminder.refresh_from_db()
    assert reminder.status == "done"


def test_hiv_status_comes_from_her_clinical_record_and_sets_no_flag(cast, woman_a):
    woman_a.date_of_birth = date(timezone.localdate().year - 27, 1, 1)
    woman_a.save(update_fields=["date_of_birth"])
    assert {d.programme for d in what_is_due(woman_a)} == {"breast", "cervical"}
    before = [d for d in what_is_due(woman_a) if d.programme == CERVICAL][0].due_on
    now = timezone.now()
    HivTest.objects.create(
        prisoner=woman_a,
        consent="given",
        language="th",
        pre_test_counselling_at=now - timedelta(hours=2),
        sample_taken_at=now - timedelta(hours=1),
        result="positive",
        result_at=now,
        recorded_by=cast["health"],
    )
    after = [d for d in what_is_due(woman_a) if d.programme == CERVICAL][0].due_on
    assert after < before  # from 25 for women living with HIV
    schedule_preventive_care(by=cast["health"], prisoner=woman_a)
    woman_a.refresh_from_db()
    flags = getattr(woman_a, "protection_flags", None) or {}
    assert "hiv" not in str(flags).lower()


# Pages


@pytest.mark.rule("18")
def test_the_clinical_file_shows_what_is_due_and_the_forms(cast, woman_a):
    screened(cast, woman_a, result="abnormal")
    page = client_for(cast["health"]).get(reverse("health:file", args=[woman_a.uuid]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Preventive health care (Rules 17, 18)" in html
    assert "Check what is due" in html
    assert "Record the follow-up outcome" in html
    assert "Outcome not yet recorded" in html


def test_check_what_is_due_button_posts_and_comes_back(cast, woman_a):
    response = client_for(cast["health"]).post(
        reverse("health:preventive-check", args=[woman_a.uuid])
    )
    assert response.status_code == 302
    assert response.url == reverse("health:file", args=[woman_a.uuid])
    assert open_preventive(woman_a).count() == 2


@pytest.mark.rule("18")
def test_record_a_screening_through_the_page(cast, woman_a):
    response = client_for(cast["health"]).post(
        reverse("health:preventive-record", args=[woman_a.uuid]),
        {
            "preventive-kind": "mammography",
            "preventive-done_on": "2025-02-01",
            "preventive-reported": "on",
            "preventive-result": "normal",
        },
    )
    assert response.status_code == 302
    screening = PreventiveScreening.objects.get()
    assert screening.reported and screening.kind == "mammography"


@pytest.mark.rule("8")
def test_a_refused_record_comes_back_with_the_rule_named(cast, woman_a):
    response = client_for(cast["health"]).post(
        reverse("health:preventive-record", args=[woman_a.uuid]),
        {
            "preventive-kind": "hpv",
            "preventive-done_on": timezone.localdate().isoformat(),
            "preventive-declined": "on",
            "preventive-result": "abnormal",
        },
    )
    assert response.status_code == 400
    assert "Rule 8" in response.content.decode()
    assert not PreventiveScreening.objects.exists()


def test_follow_up_without_outcome_is_refused_in_the_page(cast, woman_a):
    screening = screened(cast, woman_a, result="abnormal")
    client = client_for(cast["health"])
    url = reverse("health:preventive-follow-up", args=[screening.uuid])
    refused = client.post(url, {f"follow-up-{screening.uuid}-outcome": ""})
    assert refused.status_code == 400
    assert "Rule 18" in refused.content.decode()
    done = client.post(url, {f"follow-up-{screening.uuid}-outcome": "Colposcopy normal."})
    assert done.status_code == 302
    screening.refresh_from_db()
    assert screening.follow_up_outcome == "Colposcopy normal."


def test_record_a_result_through_the_page(cast, woman_a):
    screening = screened(cast, woman_a)
    response = client_for(cast["health"]).post(
        reverse("health:preventive-result", args=[screening.uuid]),
        {f"result-{screening.uuid}-result": "abnormal"},
    )
    assert response.status_code == 302
    assert Reminder.objects.filter(key=follow_up_key(screening)).exists()


@pytest.mark.rule("8")
def test_no_one_else_sees_any_of_it(cast, woman_a):
    screening = screened(cast, woman_a, result="abnormal")
    schedule_preventive_care(by=cast["health"], prisoner=woman_a)
    routes = [
        reverse("health:preventive-check", args=[woman_a.uuid]),
        reverse("health:preventive-record", args=[woman_a.uuid]),
        reverse("health:preventive-result", args=[screening.uuid]),
        reverse("health:preventive-follow-up", args=[screening.uuid]),
    ]
    for role in ("custody", "governor", "inspector", "reception", "social", "outsider"):
        client = client_for(cast[role])
        for url in routes:
            assert client.post(url).status_code == 404, (role, url)
        assert client.get(reverse("health:file", args=[woman_a.uuid])).status_code == 404
        detail = open_her_page(client, woman_a)
        html = detail.content.decode()
        for word in ("Preventive health", "HPV", "abnormal", "Abnormal", "Colposcopy"):
            assert word not in html, (role, word)
    screening.refresh_from_db()
    assert screening.follow_up_at is None


def test_the_file_page_reads_in_a_bounded_number_of_queries(
    cast, woman_a, django_assert_max_num_queries
):
    client = client_for(cast["health"])
    url = reverse("health:file", args=[woman_a.uuid])
    for _i in range(3):
        screened(cast, woman_a, result="abnormal")
    client.get(url)
    with django_assert_max_num_queries(60) as few:
        client.get(url)
    count = len(few.captured_queries)
    for _i in range(5):
        screened(cast, woman_a, kind="mammography", result="normal")
    with django_assert_max_num_queries(count):
        client.get(url)


def test_mark_done_on_the_task_list_does_not_close_the_follow_up(cast, woman_a):
    screening = screened(cast, woman_a, result="abnormal")
    reminder = Reminder.objects.get(key=follow_up_key(screening))
    client = client_for(cast["health"])
    response = client.post(
        reverse("reminders:complete", args=[reminder.uuid]), {"next": "/tasks/"}, follow=True
    )
    assert "closes only when its outcome is recorded" in response.content.decode()
    reminder.refresh_from_db()
    assert reminder.status in OPEN_STATUSES
