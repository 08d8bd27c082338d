"""Pregnancy, birth, postnatal care and breastfeeding (Rules 48, 51), and the protections they
set for custody staff without saying why: no segregation (Rule 22), no restraints (Rule 24)."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from conftest import client_for
from health.models import BreastfeedingRecord, MaternityContact, Pregnancy
from health.services import maternity as svc
from health.tasks import refresh_postpartum_flags as refresh_task
from prisoners.models import ProtectionFlags
from reminders.models import Reminder
from tests import refusals
from tests.her_page import open_her_page

pytestmark = pytest.mark.django_db

OPEN = ["pending", "due", "escalated"]


def flags(woman):
    return ProtectionFlags.objects.get(prisoner=woman)


def reminder_for(contact):
    return Reminder.objects.get(key=svc.contact_key(contact))


@pytest.fixture
def nurse(cast):
    return cast["health"]


@pytest.fixture
def declared(nurse, woman_a):
    return svc.declare_pregnancy(by=nurse, prisoner=woman_a)


def confirmed(nurse, pregnancy, weeks_to_edd=30):
    return svc.confirm_pregnancy(
        by=nurse, pregnancy=pregnancy, edd=timezone.localdate() + timedelta(weeks=weeks_to_edd)
    )


# Pregnancy and the no-segregation protection (Rules 22, 48)


@pytest.mark.rule("22")
@pytest.mark.rule("48")
def test_her_declaration_protects_her_at_once_and_custody_sees_only_the_flag(
    cast, woman_a, declared
):
    assert declared.status == "declared"
    assert flags(woman_a).no_segregation is True
    assert AuditEvent.objects.filter(action="health.pregnancy_declared").exists()
    for role in ("custody", "governor"):
        page = open_her_page(client_for(cast[role]), woman_a)
        body = page.content.decode()
        assert page.status_code == 200 and "No segregation" in body, role
        assert "regnan" not in body.lower(), role


@pytest.mark.rule("48")
def test_antenatal_contacts_are_scheduled_from_the_edd(nurse, woman_a, declared):
    edd = timezone.localdate() + timedelta(weeks=30)  # she is in week 10
    pregnancy = svc.confirm_pregnancy(by=nurse, pregnancy=declared, edd=edd)
    assert svc.gestational_week(edd) == 10
    contacts = list(pregnancy.contacts.order_by("due_at"))
    assert [c.code for c in contacts] == [
        "anc12",
        "anc20",
        "anc26",
        "anc30",
        "anc34",
        "anc36",
        "anc38",
        "anc40",
    ]
    for contact, week in zip(contacts, (12, 20, 26, 30, 34, 36, 38, 40), strict=True):
        assert timezone.localtime(contact.due_at).date() == edd - timedelta(weeks=40 - week)
        reminder = reminder_for(contact)
        assert reminder.assignee_role == "health" and reminder.confidential
        assert reminder.rule == "48" and reminder.status == "pending"
        assert reminder.due_at == contact.due_at
        assert "regnan" not in reminder.title.lower() and "natal" not in reminder.title.lower()


@pytest.mark.rule("48")
def test_only_contacts_still_to_come_are_scheduled(nurse, declared):
    pregnancy = confirmed(nurse, declared, weeks_to_edd=15)  # week 25
    assert sorted(pregnancy.contacts.values_list("code", flat=True)) == sorted(
        ["anc26", "anc30", "anc34", "anc36", "anc38", "anc40"]
    )


@pytest.mark.rule("48")
def test_a_changed_edd_reschedules_the_open_contacts(nurse, declared):
    pregnancy = confirmed(nurse, declared, weeks_to_edd=30)
    first = pregnancy.contacts.get(code="anc12")
    svc.record_contact(by=nurse, contact=first, notes="Booking visit")
    assert reminder_for(first).status == "done"
    later = pregnancy.edd + timedelta(days=10)
    svc.confirm_pregnancy(by=nurse, pregnancy=pregnancy, edd=later)
    week20 = pregnancy.contacts.get(code="anc20")
    assert timezone.localtime(week20.due_at).date() == later - timedelta(weeks=20)
    assert reminder_for(week20).due_at == week20.due_at
    first.refresh_from_db()
    assert first.done_at is not None  # a contact done stays done
    assert AuditEvent.objects.filter(action="health.pregnancy_edd_changed").exists()


@pytest.mark.rule("48")
def test_recording_a_contact_closes_its_reminder_once(nurse, declared):
    contact = confirmed(nurse, declared).contacts.get(code="anc20")
    svc.record_contact(by=nurse, contact=contact)
    assert reminder_for(contact).status == "done"
    with pytest.raises(ValidationError):
        svc.record_contact(by=nurse, contact=contact)


@pytest.mark.rule("22")
def test_ruling_out_clears_the_protection_unless_another_reason_holds(nurse, woman_a, declared):
    svc.rule_out_pregnancy(by=nurse, pregnancy=declared)
    assert flags(woman_a).no_segregation is False
    again = svc.declare_pregnancy(by=nurse, prisoner=woman_a)
    svc.record_breastfeeding(by=nurse, prisoner=woman_a, status="breastfeeding")
    svc.rule_out_pregnancy(by=nurse, pregnancy=again)
    assert flags(woman_a).no_segregation is True  # she still breastfeeds


@pytest.mark.rule("48")
def test_ending_the_pregnancy_cancels_the_remaining_contacts(nurse, woman_a, declared):
    pregnancy = confirmed(nurse, declared)
    with pytest.raises(ValidationError):
        svc.end_pregnancy(by=nurse, pregnancy=pregnancy, outcome="birth")
    svc.end_pregnancy(by=nurse, pregnancy=pregnancy, outcome="miscarriage")
    pregnancy.refresh_from_db()
    assert pregnancy.status == "ended" and pregnancy.outcome == "miscarriage"
    assert not Reminder.objects.filter(
        key__startswith=f"health.maternity_contact:{pregnancy.uuid}", status__in=OPEN
    ).exists()
    assert flags(woman_a).no_segregation is False
    with pytest.raises(ValidationError):
        svc.end_pregnancy(by=nurse, pregnancy=pregnancy, outcome="other")


@pytest.mark.rule("48.1")
def test_the_advice_programme_is_written_down(nurse, declared):
    with refusals.refused("48.1", Reminder):
        svc.set_care_plan(by=nurse, pregnancy=declared, advice_programme="  ")
    svc.set_care_plan(
        by=nurse,
        pregnancy=declared,
        advice_programme="Iron and folate; weekly weight",
        supplementary_food="Milk daily",
        planned_birth_place="outside_hospital",
        planned_birth_detail="Provincial hospital",
    )
    declared.refresh_from_db()
    assert declared.programme_by == nurse and declared.supplementary_food == "Milk daily"


def test_only_health_staff_record_maternity(cast, woman_a, declared):
    for role in ("custody", "governor", "social"):
        with pytest.raises(PermissionDenied):
            svc.declare_pregnancy(by=cast[role], prisoner=woman_a)
        with pytest.raises(PermissionDenied):
            svc.record_labour(by=cast[role], pregnancy=declared)
    assert Pregnancy.objects.count() == 1


# Labour, birth and the no-restraints protection (Rule 24)


@pytest.mark.rule("24")
def test_while_she_is_pregnant_restraints_need_health_approval(cast, nurse, woman_a, declared):
    assert flags(woman_a).restraint_health_approval is True
    page = open_her_page(client_for(cast["custody"]), woman_a)
    # In her restraints section, where custody restrain; never beside her name (Rule 24).
    assert "only by a method health staff approve" in page.content.decode()
    assert "Restraints only as health approves" not in page.content.decode()
    svc.rule_out_pregnancy(by=nurse, pregnancy=declared)
    assert flags(woman_a).restraint_health_approval is False


@pytest.mark.rule("24")
def test_labour_sets_no_restraints(nurse, woman_a, declared):
    assert flags(woman_a).no_restraint_obstetric is False
    svc.record_labour(by=nurse, pregnancy=declared)
    assert flags(woman_a).no_restraint_obstetric is True
    assert flags(woman_a).no_segregation is True


@pytest.mark.rule("24")
@pytest.mark.rule("48")
def test_the_birth_keeps_no_restraints_for_the_post_partum_period_then_it_clears(
    nurse, woman_a, declared, settings
):
    settings.POSTPARTUM_PERIOD_DAYS = 42
    svc.record_labour(by=nurse, pregnancy=declared)
    birth = svc.record_birth(
        by=nurse, pregnancy=declared, place="outside_hospital", certificate_checked=True
    )
    assert birth.postpartum_ends_at == birth.born_at + timedelta(days=42)
    assert flags(woman_a).no_restraint_obstetric is True
    assert flags(woman_a).no_segregation is False  # no longer pregnant, not breastfeeding
    assert svc.refresh_postpartum_flags(now=timezone.now() + timedelta(days=41)) == 0
    assert flags(woman_a).no_restraint_obstetric is True
    later = timezone.now() + timedelta(days=43)
    assert svc.refresh_postpartum_flags(now=later) == 1
    assert flags(woman_a).no_restraint_obstetric is False
    assert svc.refresh_postpartum_flags(now=later) == 0  # idempotent


@pytest.mark.rule("24")
def test_the_post_partum_period_is_configurable(nurse, declared, settings):
    settings.POSTPARTUM_PERIOD_DAYS = 56
    birth = svc.record_birth(by=nurse, pregnancy=declared, place="prison_health_unit")
    assert birth.postpartum_ends_at - birth.born_at == timedelta(days=56)


@pytest.mark.rule("24")
def test_the_beat_task_clears_the_flag_when_the_period_has_ended(nurse, woman_a, declared):
    birth = svc.record_birth(by=nurse, pregnancy=declared, place="outside_hospital")
    assert flags(woman_a).no_restraint_obstetric is True
    # Time passes without any write: the period ended yesterday.
    type(birth).objects.filter(pk=birth.pk).update(
        postpartum_ends_at=timezone.now() - timedelta(days=1)
    )
    assert refresh_task() == 1
    assert flags(woman_a).no_restraint_obstetric is False
    assert refresh_task() == 0


@pytest.mark.rule("48.3")
def test_postnatal_contacts_are_scheduled_even_when_the_baby_is_not_with_her(
    nurse, woman_a, declared
):
    pregnancy = confirmed(nurse, declared, weeks_to_edd=2)
    born_at = timezone.now() - timedelta(hours=1)
    svc.record_birth(
        by=nurse,
        pregnancy=pregnancy,
        place="outside_hospital",
        born_at=born_at,
        baby_with_her=False,
    )
    post = pregnancy.contacts.filter(stage="postnatal").order_by("due_at")
    assert [(c.code, c.due_at - born_at) for c in post] == [
        ("pnc24h", timedelta(hours=24)),
        ("pnc3d", timedelta(days=3)),
        ("pnc7d", timedelta(days=7)),
        ("pnc6w", timedelta(weeks=6)),
    ]
    window = reminder_for(post.get(code="pnc7d"))
    assert window.escalate_at == born_at + timedelta(days=14)
    assert all(reminder_for(c).rule == "48.3" and reminder_for(c).confidential for c in post)
    page = client_for(nurse).get(reverse("health:file", args=[woman_a.uuid])).content.decode()
    assert "Post-partum period until" in page and "the baby is not with her" in page
    # The birth ended the pregnancy: its antenatal contacts still to come are cancelled.
    assert not Reminder.objects.filter(
        key__contains=":anc", prisoner=woman_a, status__in=OPEN
    ).exists()


def test_a_birth_needs_its_place_and_cannot_precede_labour(nurse, declared):
    with pytest.raises(ValidationError):
        svc.record_birth(by=nurse, pregnancy=declared, place="")
    svc.record_labour(by=nurse, pregnancy=declared)
    with pytest.raises(ValidationError):
        svc.record_birth(
            by=nurse,
            pregnancy=declared,
            place="outside_hospital",
            born_at=timezone.now() - timedelta(days=1),
        )
    declared.refresh_from_db()
    assert declared.is_open and declared.birth.born_at is None


# Breastfeeding (Rules 22, 48.2)


@pytest.mark.rule("22")
@pytest.mark.rule("48")
def test_breastfeeding_sets_no_segregation(nurse, woman_a):
    svc.record_breastfeeding(by=nurse, prisoner=woman_a, status="breastfeeding")
    assert flags(woman_a).no_segregation is True
    svc.record_breastfeeding(by=nurse, prisoner=woman_a, status="not_breastfeeding")
    assert flags(woman_a).no_segregation is False


@pytest.mark.rule("48.2")
@pytest.mark.rule("48")
def test_a_restriction_on_breastfeeding_needs_a_health_reason(nurse, woman_a):
    with refusals.refused("48.2", BreastfeedingRecord, Reminder):
        svc.record_breastfeeding(
            by=nurse, prisoner=woman_a, status="breastfeeding", restricted=True
        )
    assert not BreastfeedingRecord.objects.exists()
    record = svc.record_breastfeeding(
        by=nurse,
        prisoner=woman_a,
        status="breastfeeding",
        restricted=True,
        restriction_reason="Medication incompatible for ten days",
    )
    assert record.restricted and record.restriction_reason


# The pages


@pytest.mark.rule("48")
def test_health_staff_record_through_the_file_page(cast, woman_a):
    nurse = client_for(cast["health"])
    file_url = reverse("health:file", args=[woman_a.uuid])
    declared = nurse.post(reverse("health:maternity-declare", args=[woman_a.uuid]), {})
    assert declared.status_code == 302 and declared.url == file_url
    pregnancy = Pregnancy.objects.get(prisoner=woman_a)
    edd = timezone.localdate() + timedelta(weeks=20)
    key = f"confirm-{pregnancy.uuid}"
    done = nurse.post(
        reverse("health:maternity-confirm", args=[pregnancy.uuid]), {f"{key}-edd": edd}
    )
    assert done.status_code == 302
    page = nurse.get(file_url).content.decode()
    assert "Expected date of delivery" in page and "week 20" in page
    contact = pregnancy.contacts.get(code="anc26")
    seen = nurse.post(reverse("health:maternity-contact", args=[contact.uuid]), {})
    assert seen.status_code == 302 and reminder_for(contact).status == "done"
    labour = nurse.post(reverse("health:maternity-labour", args=[pregnancy.uuid]), {})
    assert labour.status_code == 302 and flags(woman_a).no_restraint_obstetric


@pytest.mark.rule("48.2")
def test_the_page_refuses_a_restriction_without_a_reason(cast, woman_a):
    refused = client_for(cast["health"]).post(
        reverse("health:maternity-breastfeeding", args=[woman_a.uuid]),
        {"feeding-status": "breastfeeding", "feeding-restricted": "on"},
    )
    assert refused.status_code == 400
    assert "Bangkok Rule 48.2" in refused.content.decode()
    assert not BreastfeedingRecord.objects.exists()


@pytest.mark.rule("8")
@pytest.mark.rule("48")
def test_no_other_role_reaches_the_maternity_records(cast, woman_a, declared):
    pregnancy = confirmed(cast["health"], declared)
    contact = pregnancy.contacts.first()
    urls = [
        reverse("health:maternity-declare", args=[woman_a.uuid]),
        reverse("health:maternity-breastfeeding", args=[woman_a.uuid]),
        reverse("health:maternity-labour", args=[pregnancy.uuid]),
        reverse("health:maternity-rule-out", args=[pregnancy.uuid]),
        reverse("health:maternity-contact", args=[contact.uuid]),
    ]
    for role in ("custody", "governor", "inspector", "outsider"):
        client = client_for(cast[role])
        for url in urls:
            assert client.post(url, {}).status_code == 404, (role, url)
        assert client.get(reverse("health:file", args=[woman_a.uuid])).status_code == 404
    pregnancy.refresh_from_db()
    assert pregnancy.status == "confirmed" and not hasattr(pregnancy, "birth")
    body = open_her_page(client_for(cast["custody"]), woman_a)
    text = body.content.decode()
    assert "No segregation" in text
    assert "regnan" not in text.lower() and "Expected date" not in text


def test_the_part_reads_in_a_fixed_number_of_queries(cast, woman_a, declared):
    from health.views.maternity import file_part

    request = RequestFactory().get("/")
    request.user = cast["health"]
    svc.record_birth(by=cast["health"], pregnancy=declared, place="outside_hospital")

    def count():
        with CaptureQueriesContext(connection) as queries:
            file_part(request, woman_a, {})
        return len(queries)

    before = count()
    second = svc.declare_pregnancy(by=cast["health"], prisoner=woman_a)
    confirmed(cast["health"], second)
    svc.record_breastfeeding(by=cast["health"], prisoner=woman_a, status="breastfeeding")
    assert MaternityContact.objects.count() > 8
    assert count() == before
