import pytest

from admissions.models import Admission, RightsOffer, Stage
from admissions.services import admit_woman, complete_admission, record_rights_offer
from admissions.tests.factories import commitment, identity
from register.services import record_child, update_child
from register.tests.factories import child_fields, decide
from reminders.models import Reminder
from tests import refusals

pytestmark = pytest.mark.django_db
NATIONAL_RIGHTS = ["family_contact", "legal_advice", "information"]


@pytest.fixture
def admit(cast, facility_a):
    def make(**identity_overrides):
        return admit_woman(
            by=cast["reception"],
            facility=facility_a,
            commitment=commitment(),
            identity=identity(**identity_overrides),
        )

    return make


def still_in_reception(admission) -> bool:
    admission.refresh_from_db()
    return admission.stage == Stage.RECEPTION


def offer_all(by, admission, items, outcome="accepted"):
    for item in items:
        record_rights_offer(by=by, admission=admission, item=item, outcome=outcome, language="my")


@pytest.mark.rule("2.1")
def test_admission_cannot_be_completed_until_every_right_is_answered(cast, admit):
    admission = admit(nationalities=["TH"])
    offer_all(cast["reception"], admission, NATIONAL_RIGHTS[:2])
    with refusals.refused("2.1", Admission) as refusal:
        complete_admission(by=cast["reception"], admission=admission)
    assert "Information on prison rules" in str(refusal.value)
    assert still_in_reception(admission)
    offer_all(cast["reception"], admission, NATIONAL_RIGHTS[2:])
    assert complete_admission(by=cast["reception"], admission=admission).stage == Stage.ADMITTED


@pytest.mark.rule("2.1")
def test_declining_is_a_complete_answer(cast, admit):
    admission = admit(nationalities=["TH"])
    offer_all(cast["reception"], admission, NATIONAL_RIGHTS, outcome="declined")
    assert complete_admission(by=cast["reception"], admission=admission).stage == Stage.ADMITTED


@pytest.mark.rule("2.1")
def test_a_foreign_national_must_also_be_offered_consular_access(cast, admit):
    admission = admit()
    offer_all(cast["reception"], admission, NATIONAL_RIGHTS)
    with refusals.refused("2.1", Admission) as refusal:
        complete_admission(by=cast["reception"], admission=admission)
    assert "consular" in str(refusal.value)
    assert still_in_reception(admission)
    offer_all(cast["reception"], admission, ["consular"], outcome="declined")
    assert Reminder.objects.get(kind="admission.consular").status == "done"
    complete_admission(by=cast["reception"], admission=admission)


@pytest.mark.rule("2.1")
def test_each_offer_records_the_language_it_was_made_in(cast, admit):
    admission = admit()
    with refusals.invalid("language", RightsOffer):
        record_rights_offer(
            by=cast["reception"],
            admission=admission,
            item="legal_advice",
            outcome="accepted",
            language=" ",
        )
    offer = record_rights_offer(
        by=cast["reception"],
        admission=admission,
        item="legal_advice",
        outcome="accepted",
        language="my",
    )
    assert (offer.language, offer.offered_by) == ("my", cast["reception"])


@pytest.mark.rule("2.2")
def test_she_stays_in_reception_while_a_dependent_child_outside_has_no_arrangement(cast, admit):
    admission = admit(nationalities=["TH"])
    offer_all(cast["reception"], admission, NATIONAL_RIGHTS)
    child = record_child(
        by=cast["reception"], mother=admission.prisoner, **child_fields(arrangements="")
    )
    with refusals.refused("2.2", Admission):
        complete_admission(by=cast["reception"], admission=admission)
    assert still_in_reception(admission)
    update_child(
        by=cast["social"],
        child=child,
        no_arrangements_reason="Her sister will be reached tomorrow; social work informed.",
    )
    assert complete_admission(by=cast["reception"], admission=admission).stage == Stage.ADMITTED


@pytest.mark.rule("2.2")
def test_a_child_living_with_her_needs_no_outside_arrangement(cast, admit):
    admission = admit(nationalities=["TH"])
    offer_all(cast["reception"], admission, NATIONAL_RIGHTS)
    decide(cast["social"], admission.prisoner)
    record_child(
        by=cast["reception"],
        mother=admission.prisoner,
        **child_fields(arrangements="", lives_with_mother=True, location="", custody=""),
    )
    complete_admission(by=cast["reception"], admission=admission)
