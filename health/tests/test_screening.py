"""Entry screening with consent and decline (Rules 6-9), HIV testing (Rule 6(a)), disclosures
of abuse (Rule 7), and the confidentiality of the clinical file (Rule 8)."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from bangkok.dates import add_months
from complaints.models import SafeguardingRecord
from complaints.services import protected_against_retaliation
from conftest import client_for
from health.models import ChildScreening, Disclosure, HivTest, Item, Screening
from health.services.screening import (
    answer_item,
    offer_hiv_test,
    record_child_check,
    record_clinical_consent,
    record_disclosure,
    record_hiv_result,
    record_post_test_counselling,
    record_pre_test_counselling,
    record_referral,
    screen_child,
    set_legal_action,
    start_screening,
    take_hiv_sample,
    withdraw_clinical_consent,
)
from health.tests.factories import admitted_woman
from register.services import record_child
from register.tests.factories import decide, leaves
from reminders.models import Reminder
from tests import refusals
from tests.her_page import open_her_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def admission(cast, facility_a):
    return admitted_woman(cast, facility_a)


@pytest.fixture
def screening(cast, admission):
    return start_screening(by=cast["health"], admission=admission, language="my")


def open_reminder(key):
    return Reminder.objects.filter(key=key, status__in=["pending", "due", "escalated"]).first()


@pytest.mark.rule("8")
def test_declining_every_item_completes_the_screening(cast, admission, screening):
    reminder_key = f"health.screening:{admission.uuid}"
    assert open_reminder(reminder_key) is not None
    for item in Item.values:
        answer_item(by=cast["health"], screening=screening, item=item, answer="declined")
    screening.refresh_from_db()
    assert screening.completed_at is not None
    assert open_reminder(reminder_key) is None
    assert Reminder.objects.get(key=reminder_key).status == "done"


@pytest.mark.rule("6")
def test_the_screening_is_complete_only_when_every_item_is_answered(cast, screening):
    for item in Item.values[:-1]:
        answer_item(by=cast["health"], screening=screening, item=item, answer="answered")
    screening.refresh_from_db()
    assert screening.completed_at is None
    answer_item(by=cast["health"], screening=screening, item=Item.values[-1], answer="answered")
    screening.refresh_from_db()
    assert screening.completed_at is not None


@pytest.mark.rule("8")
def test_a_declined_item_keeps_no_finding(cast, screening):
    row = answer_item(
        by=cast["health"],
        screening=screening,
        item="reproductive",
        answer="declined",
        finding="should not be kept",
        needs_follow_up=True,
    )
    assert row.finding == "" and not row.needs_follow_up


@pytest.mark.rule("6")
def test_a_finding_needing_follow_up_asks_health_to_see_her_again(cast, screening):
    answer_item(
        by=cast["health"],
        screening=screening,
        item="suicide_self_harm",
        answer="answered",
        finding="Low mood; thoughts of self-harm last month.",
        needs_follow_up=True,
    )
    follow_up = open_reminder(f"health.screening_follow_up:{screening.uuid}:suicide_self_harm")
    assert follow_up.assignee_role == "health" and follow_up.confidential
    assert "self-harm" not in follow_up.title


@pytest.mark.parametrize("role", ["reception", "custody", "social", "governor", "inspector"])
def test_only_health_staff_screen(cast, admission, role):
    with pytest.raises(PermissionDenied):
        start_screening(by=cast[role], admission=admission, language="my")
    assert not Screening.objects.exists()


# HIV (Rule 6(a)): voluntary, with counselling; never compulsory.


@pytest.mark.rule("6")
def test_no_hiv_sample_without_consent(cast, admission):
    test = offer_hiv_test(
        by=cast["health"], prisoner=admission.prisoner, consent="declined", language="my"
    )
    with refusals.refused("6"):
        take_hiv_sample(by=cast["health"], test=test)
    test.refresh_from_db()
    assert test.sample_taken_at is None


@pytest.mark.rule("6")
def test_no_hiv_sample_before_pre_test_counselling(cast, admission):
    test = offer_hiv_test(
        by=cast["health"], prisoner=admission.prisoner, consent="given", language="my"
    )
    with refusals.refused("6"):
        take_hiv_sample(by=cast["health"], test=test)
    test.refresh_from_db()
    assert test.sample_taken_at is None
    record_pre_test_counselling(by=cast["health"], test=test)
    take_hiv_sample(by=cast["health"], test=test)
    test.refresh_from_db()
    assert test.sample_taken_at >= test.pre_test_counselling_at


@pytest.mark.rule("6")
def test_the_database_refuses_a_compulsory_test_whatever_the_code_path(cast, admission):
    test = offer_hiv_test(
        by=cast["health"], prisoner=admission.prisoner, consent="declined", language="my"
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        HivTest.objects.filter(pk=test.pk).update(sample_taken_at=timezone.now())


@pytest.mark.rule("6")
def test_a_result_books_post_test_counselling_and_counselling_closes_it(cast, admission):
    test = offer_hiv_test(
        by=cast["health"], prisoner=admission.prisoner, consent="given", language="my"
    )
    record_pre_test_counselling(by=cast["health"], test=test)
    take_hiv_sample(by=cast["health"], test=test)
    test = record_hiv_result(by=cast["health"], test=test, result="negative")
    reminder = open_reminder(f"health.hiv_post_counselling:{test.uuid}")
    assert reminder.confidential and reminder.due_at - test.result_at <= timedelta(
        days=7, seconds=5
    )
    assert "HIV" not in reminder.title and "negative" not in reminder.title
    record_post_test_counselling(by=cast["health"], test=test)
    assert open_reminder(f"health.hiv_post_counselling:{test.uuid}") is None


# Disclosures of abuse (Rule 7)


@pytest.mark.rule("7.1")
def test_a_disclosure_needs_her_informed_of_recourse_and_offered_support(cast, admission):
    woman = admission.prisoner
    with refusals.refused("7.1", Disclosure, SafeguardingRecord, Reminder):
        record_disclosure(
            by=cast["health"],
            prisoner=woman,
            kind="sexual_abuse",
            informed_of_recourse=False,
            support_offered=True,
        )
    with refusals.refused("7.2", Disclosure, SafeguardingRecord, Reminder):
        record_disclosure(
            by=cast["health"],
            prisoner=woman,
            kind="sexual_abuse",
            informed_of_recourse=True,
            support_offered=False,
        )
    assert not woman.disclosures.exists() and not woman.safeguarding_records.exists()


@pytest.mark.rule("7")
def test_a_disclosure_opens_a_safeguarding_record_and_protects_her(cast, admission):
    woman = admission.prisoner
    disclosure = record_disclosure(
        by=cast["health"],
        prisoner=woman,
        kind="other_violence",
        informed_of_recourse=True,
        support_offered=True,
        support_accepted=True,
    )
    assert disclosure.safeguarding_record.source == "health_disclosure"
    assert protected_against_retaliation(woman)
    task = Reminder.objects.get(key=f"safeguarding.opened:{disclosure.safeguarding_record.uuid}")
    assert task.assignee_role == "safeguarding" and "violence" not in task.title
    # Without her wish for legal action, no referral is due and none can be made (Rule 7.1).
    assert open_reminder(f"health.abuse_referral:{disclosure.uuid}") is None
    with refusals.refused("7.1", Reminder):
        record_referral(by=cast["health"], disclosure=disclosure, authority="Police")


@pytest.mark.rule("7.1")
def test_when_she_wants_legal_action_the_referral_is_due_at_once(cast, admission):
    disclosure = record_disclosure(
        by=cast["health"],
        prisoner=admission.prisoner,
        kind="sexual_abuse",
        informed_of_recourse=True,
        support_offered=True,
    )
    set_legal_action(by=cast["health"], disclosure=disclosure, legal_action="wants")
    due = open_reminder(f"health.abuse_referral:{disclosure.uuid}")
    assert due is not None and due.due_at <= timezone.now()
    record_referral(by=cast["health"], disclosure=disclosure, authority="Provincial prosecutor")
    assert open_reminder(f"health.abuse_referral:{disclosure.uuid}") is None


# Children living with their mothers (Rule 9)


@pytest.mark.rule("9")
def test_a_child_with_her_is_screened_preferably_by_a_specialist(cast, admission):
    decide(cast["social"], admission.prisoner)
    child = record_child(
        by=cast["reception"],
        mother=admission.prisoner,
        given_names="Nilar",
        date_of_birth=timezone.localdate() - timedelta(days=200),
        lives_with_mother=True,
    )
    assert open_reminder(f"health.child_screening:{child.uuid}") is not None
    with refusals.refused("9", ChildScreening, Reminder):
        screen_child(by=cast["health"], child=child, by_child_specialist=False)
    screen_child(
        by=cast["health"],
        child=child,
        by_child_specialist=False,
        no_specialist_reason="Paediatrician visits on Thursdays; screened by the nurse.",
    )
    assert open_reminder(f"health.child_screening:{child.uuid}") is None


@pytest.mark.rule("51")
def test_a_child_living_with_her_has_development_checks_on_the_national_schedule(
    cast, admission, settings
):
    settings.CHILD_CHECK_MONTHS = [2, 4, 6, 12]
    born = timezone.localdate() - timedelta(days=100)  # past 2 months, before 4
    decide(cast["social"], admission.prisoner)
    child = record_child(
        by=cast["reception"],
        mother=admission.prisoner,
        given_names="Su",
        date_of_birth=born,
        lives_with_mother=True,
    )
    checks = list(child.health_checks.all())
    assert [c.age_months for c in checks] == [4, 6, 12]  # the 2-month check had passed
    assert checks[0].due_on == add_months(born, 4)
    assert open_reminder(f"health.child_check:{checks[0].uuid}").confidential
    record_child_check(by=cast["health"], check=checks[0], notes="Growing well; vaccines given")
    assert open_reminder(f"health.child_check:{checks[0].uuid}") is None
    # She leaves her mother's care (the separation, Rule 52): nothing stays pending.
    leaves(child, by=cast["social"])
    assert not child.health_checks.filter(done_at__isnull=True, cancelled_at__isnull=True)
    assert open_reminder(f"health.child_check:{checks[1].uuid}") is None


def test_add_months_keeps_the_day_or_the_months_last():
    from datetime import date

    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 11, 15), 3) == date(2027, 2, 15)


# Confidentiality (Rule 8)


def test_the_clinical_file_is_health_staffs_alone(cast, admission, screening):
    answer_item(
        by=cast["health"],
        screening=screening,
        item="reproductive",
        answer="answered",
        finding="Gave birth four months ago",
    )
    woman = admission.prisoner
    url = reverse("health:file", args=[woman.uuid])
    page = client_for(cast["health"]).get(url)
    assert page.status_code == 200 and "Gave birth four months ago" in page.content.decode()
    read = AuditEvent.objects.filter(action="health.file_read").latest("id")
    assert str(screening.uuid) in [str(u) for u in read.disclosed]
    for role in ("reception", "custody", "social", "safeguarding", "governor", "inspector"):
        assert client_for(cast[role]).get(url).status_code == 404, role
        her_page = open_her_page(client_for(cast[role]), woman)
        body = her_page.content.decode()
        assert "Gave birth" not in body and "clinical-file-link" not in body, role
    assert client_for(cast["outsider"]).get(url).status_code == 404


@pytest.mark.rule("8")
def test_an_inspector_reads_the_file_only_while_she_consents(cast, admission, screening):
    woman = admission.prisoner
    url = reverse("health:file", args=[woman.uuid])
    inspector = client_for(cast["inspector"])
    assert inspector.get(url).status_code == 404
    consent = record_clinical_consent(
        by=cast["health"], prisoner=woman, days=7, purpose="Inspection visit, December"
    )
    page = inspector.get(url)
    assert page.status_code == 200
    assert "Record her answer" not in page.content.decode()  # read only
    withdraw_clinical_consent(by=cast["health"], consent=consent)
    assert inspector.get(url).status_code == 404
    with pytest.raises(ValidationError):
        record_clinical_consent(by=cast["health"], prisoner=woman, days=400, purpose="x")


def test_others_see_a_confidential_health_task_without_its_detail(cast, admission, screening):
    answer_item(
        by=cast["health"],
        screening=screening,
        item="drug_dependency",
        answer="answered",
        needs_follow_up=True,
    )
    task = open_reminder(f"health.screening_follow_up:{screening.uuid}:drug_dependency")
    Reminder.objects.filter(pk=task.pk).update(status="escalated")
    governor = client_for(cast["governor"]).get(reverse("reminders:tasks")).content.decode()
    assert "Health task (confidential)" in governor
    assert task.title not in governor
    health = client_for(cast["health"]).get(reverse("reminders:tasks")).content.decode()
    assert task.title in health


# The pages


def test_health_staff_screen_her_through_the_file_page(cast, admission):
    nurse = client_for(cast["health"])
    woman = admission.prisoner
    start = nurse.post(reverse("health:start-screening", args=[admission.uuid]), {"language": "my"})
    assert start.status_code == 302
    screening = Screening.objects.get(admission=admission)
    form = reverse("health:record-screening", args=[screening.uuid])
    assert nurse.post(form, {}).status_code == 400  # nothing answered
    good = nurse.post(
        form,
        {
            "screening-hiv__answer": "declined",
            "screening-hiv__finding": "not kept",
            "screening-primary_care__answer": "answered",
            "screening-primary_care__finding": "Asthma; needs her inhaler",
            "screening-primary_care__needs_follow_up": "on",
        },
    )
    assert good.status_code == 302
    rows = {row.item: row for row in screening.items.all()}
    assert rows["hiv"].answer == "declined" and rows["hiv"].finding == ""
    assert rows["primary_care"].needs_follow_up and len(rows) == 2
    page = nurse.get(reverse("health:file", args=[woman.uuid])).content.decode()
    assert "Asthma; needs her inhaler" in page
    refused = nurse.post(
        reverse("health:record-disclosure", args=[woman.uuid]),
        {"kind": "sexual_abuse", "support_offered": "on", "legal_action": "undecided"},
    )
    assert refused.status_code == 400 and "Bangkok Rule 7.1" in refused.content.decode()
    assert not woman.disclosures.exists()


def test_starting_the_screening_from_a_stale_page_is_refused_saying_so(cast, admission):
    """The page's start form names the admission's version, as the API's If-Match does."""
    from admissions.models import Admission

    nurse = client_for(cast["health"])
    file_page = nurse.get(reverse("health:file", args=[admission.prisoner.uuid]))
    assert f'name="version" value="{admission.version}"' in file_page.content.decode()
    Admission.objects.filter(pk=admission.pk).update(interpreter_needed=True)
    audited = set(AuditEvent.objects.values_list("action", flat=True))
    stale = nurse.post(
        reverse("health:start-screening", args=[admission.uuid]),
        {"language": "my", "version": str(admission.version)},
    )
    assert stale.status_code == 400
    assert "This record was changed since you opened it" in stale.content.decode()
    assert not Screening.objects.exists()
    # Only her file shown again is audited, as a read.
    new = set(AuditEvent.objects.values_list("action", flat=True)) - audited
    assert new <= {"health.file_read"}, new
