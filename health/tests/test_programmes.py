"""Care that follows from the file: HIV care in pregnancy (Rule 14), a treatment referral
after a dependency is found (Rule 15), health information after the screening (Rule 17)."""

import pytest
from django.utils import timezone

from health.models import Item
from health.services import care, maternity
from health.services import screening as health
from health.tests.factories import admitted_woman
from reminders.models import Reminder

pytestmark = pytest.mark.django_db


@pytest.fixture
def admission(cast, facility_a):
    return admitted_woman(cast, facility_a)


def open_task(kind, woman):
    return Reminder.objects.filter(
        key=f"{kind}:{woman.uuid}", status__in=["pending", "due", "escalated"]
    ).first()


def positive_hiv_result(cast, woman):
    nurse = cast["health"]
    test = health.offer_hiv_test(by=nurse, prisoner=woman, consent="given", language="my")
    health.record_pre_test_counselling(by=nurse, test=test)
    test = health.take_hiv_sample(by=nurse, test=test)
    health.record_hiv_result(by=nurse, test=test, result="positive")


def encounter(cast, woman, kind):
    care.record_encounter(
        by=cast["health"], prisoner=woman, kind=kind, clinician=cast["health"], notes="Seen."
    )


@pytest.mark.rule("14")
def test_a_pregnant_woman_living_with_hiv_is_due_hiv_care(cast, admission):
    woman = admission.prisoner
    positive_hiv_result(cast, woman)
    assert open_task("health.pmtct", woman) is None  # not pregnant
    pregnancy = maternity.declare_pregnancy(by=cast["health"], prisoner=woman)
    task = open_task("health.pmtct", woman)
    assert task.rule == "14" and task.confidential and "HIV" in task.title
    encounter(cast, woman, "hiv_care")
    assert open_task("health.pmtct", woman) is None
    assert Reminder.objects.get(key=f"health.pmtct:{woman.uuid}").status == "done"
    assert pregnancy.status == "declared"


@pytest.mark.rule("14")
def test_ruling_the_pregnancy_out_cancels_the_hiv_care_task(cast, admission):
    woman = admission.prisoner
    pregnancy = maternity.declare_pregnancy(by=cast["health"], prisoner=woman)
    positive_hiv_result(cast, woman)
    assert open_task("health.pmtct", woman) is not None
    maternity.rule_out_pregnancy(by=cast["health"], pregnancy=pregnancy)
    assert open_task("health.pmtct", woman) is None


@pytest.mark.rule("15")
def test_a_dependency_found_calls_for_a_treatment_referral_at_once_when_pregnant(cast, admission):
    woman = admission.prisoner
    maternity.declare_pregnancy(by=cast["health"], prisoner=woman)
    screening = health.start_screening(by=cast["health"], admission=admission, language="my")
    health.answer_item(
        by=cast["health"],
        screening=screening,
        item=Item.DRUG_DEPENDENCY,
        answer="answered",
        finding="Daily methamphetamine use until arrest",
        needs_follow_up=True,
    )
    task = open_task("health.substance_programme", woman)
    assert task.rule == "15" and task.due_at <= timezone.now()
    assert "methamphetamine" not in task.title
    encounter(cast, woman, "substance_use")
    assert open_task("health.substance_programme", woman) is None


@pytest.mark.rule("17")
def test_after_her_screening_she_is_offered_health_information(cast, admission):
    woman = admission.prisoner
    screening = health.start_screening(by=cast["health"], admission=admission, language="my")
    for item in Item.values[:-1]:
        health.answer_item(by=cast["health"], screening=screening, item=item, answer="declined")
    assert open_task("health.education", woman) is None
    health.answer_item(
        by=cast["health"], screening=screening, item=Item.values[-1], answer="declined"
    )
    assert open_task("health.education", woman).rule == "17"
    encounter(cast, woman, "general")
    assert open_task("health.education", woman) is not None  # only an education session
    encounter(cast, woman, "health_education")
    assert open_task("health.education", woman) is None
