"""A court's decision changes her legal status during the episode: her record says so; custody
are asked to move her off a unit of women now kept apart from her (Mandela 11); her
classification is reviewed after a conviction or a sentence (Rules 40, 41); a sentenced
foreign national's transfer home is considered (Rule 53.1)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from admissions.models import CourtOutcome
from admissions.services import record_court_outcome, release
from audit.models import AuditEvent
from conftest import client_for
from prisoners.models import Prisoner, Unit
from prisoners.services import place_on_unit
from release.tests.factories import admitted, ready_for_release
from reminders.models import Reminder
from tests import refusals

pytestmark = pytest.mark.django_db

APART = "prisoners.unit_of_another_legal_status"


@pytest.fixture
def episode(cast, facility_a):
    """A Thai woman on remand, her admission complete, living on the remand wing."""
    admission = admitted(cast, facility_a, legal_status="pretrial")
    return admission


def wing(facility, code, designation="general"):
    return Unit.objects.get_or_create(
        facility=facility, code=code, defaults={"name": code, "designation": designation}
    )[0]


def sentenced(**overrides) -> dict:
    return {
        "legal_status": "sentenced",
        "decided_on": timezone.localdate(),
        "court": "Bangkok Criminal Court",
        "reference": "CR-2026-9",
        "sentence": "Two years",
        **overrides,
    }


def test_her_record_says_her_new_legal_status_and_the_outcome_is_kept(cast, episode):
    outcome = record_court_outcome(by=cast["reception"], admission=episode, **sentenced())
    woman = Prisoner.objects.get(pk=episode.prisoner_id)
    assert woman.legal_status == "sentenced"
    assert (outcome.from_status, outcome.to_status) == ("pretrial", "sentenced")
    assert AuditEvent.objects.filter(
        action="admission.court_outcome", subject_id=str(outcome.uuid)
    ).exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"legal_status": "pretrial"}, "legal_status"),
        ({"sentence": ""}, "sentence"),
        ({"court": "  "}, "court"),
        ({"decided_on": timedelta(days=1)}, "decided_on"),
        ({"decided_on": timedelta(days=-400)}, "decided_on"),
    ],
)
def test_a_bad_outcome_is_refused_naming_the_field_and_nothing_is_written(
    cast, episode, overrides, field
):
    # A date is given as days from the day the test runs, not the day it was collected: a run
    # that crosses midnight would otherwise try "tomorrow" on the day it names.
    overrides = {
        name: timezone.localdate() + value if isinstance(value, timedelta) else value
        for name, value in overrides.items()
    }
    with refusals.invalid(field, CourtOutcome):
        record_court_outcome(by=cast["reception"], admission=episode, **sentenced(**overrides))
    assert Prisoner.objects.get(pk=episode.prisoner_id).legal_status == "pretrial"


@pytest.mark.parametrize("role", ["custody", "social", "inspector", "outsider"])
def test_only_reception_and_the_governor_record_it(cast, episode, role):
    from django.core.exceptions import PermissionDenied
    from django.http import Http404

    with refusals.nothing_written(CourtOutcome), pytest.raises((PermissionDenied, Http404)):
        record_court_outcome(by=cast[role], admission=episode, **sentenced())


def test_not_once_she_is_released(cast, episode):
    release(by=cast["reception"], admission=ready_for_release(cast, episode), reason="Bail")
    with refusals.nothing_written(CourtOutcome), pytest.raises(Exception, match="released"):
        record_court_outcome(by=cast["reception"], admission=episode, **sentenced())


@pytest.mark.rule("M11")
def test_convicted_on_the_remand_wing_custody_are_asked_to_move_her_and_a_move_answers_it(
    cast, episode, facility_a, woman_a
):
    remand = wing(facility_a, "R1")
    convicted = wing(facility_a, "C1")
    woman = episode.prisoner
    Prisoner.objects.filter(pk=woman.pk).update(unit=remand)
    Prisoner.objects.filter(pk=woman_a.pk).update(unit=remand, legal_status="pretrial")
    record_court_outcome(by=cast["reception"], admission=episode, **sentenced())
    task = Reminder.objects.open().get(prisoner=woman, kind=APART)
    assert (task.assignee_role, task.rule) == ("custody", "M11")
    # The remand wing refuses her now; the convicted wing takes her, and that answers it.
    woman.refresh_from_db()
    place_on_unit(by=cast["custody"], prisoner=woman, unit=convicted)
    assert not Reminder.objects.open().filter(prisoner=woman, kind=APART).exists()


def test_alone_on_her_unit_nobody_is_asked_to_move_her(cast, episode, facility_a):
    Prisoner.objects.filter(pk=episode.prisoner_id).update(unit=wing(facility_a, "R2"))
    record_court_outcome(by=cast["reception"], admission=episode, **sentenced())
    assert not Reminder.objects.filter(kind=APART).exists()


@pytest.mark.rule("41")
def test_sentenced_her_classification_is_reviewed(cast, episode):
    from classification.tests.factories import classify_her

    classify_her(cast, episode.prisoner)
    record_court_outcome(by=cast["reception"], admission=episode, **sentenced())
    review = Reminder.objects.open().get(prisoner=episode.prisoner, kind="classification.event")
    assert review.rule == "41" and review.assignee_role == "social"


@pytest.mark.rule("53.1")
def test_a_foreign_national_sentenced_is_asked_about_her_transfer_home(cast, facility_a):
    from health.tests.factories import admitted_woman

    episode = admitted_woman(cast, facility_a, legal_status="pretrial", nationalities=["MM"])
    assert not Reminder.objects.filter(kind="parole.home_transfer").exists()
    record_court_outcome(by=cast["reception"], admission=episode, **sentenced())
    task = Reminder.objects.open().get(prisoner=episode.prisoner, kind="parole.home_transfer")
    assert task.rule == "53.1"


def test_the_admission_page_records_it_and_the_api_shows_it(cast, episode):
    reception = client_for(cast["reception"])
    response = reception.post(
        f"/admissions/{episode.uuid}/court-outcomes/",
        {
            "legal_status": "convicted_unsentenced",
            "decided_on": timezone.localdate().isoformat(),
            "court": "Bangkok Criminal Court",
        },
    )
    assert response.status_code == 302
    page = reception.get(f"/admissions/{episode.uuid}/").content.decode()
    assert 'data-testid="court-outcomes"' in page and "Convicted, awaiting sentence" in page
    refused = reception.post(
        f"/admissions/{episode.uuid}/court-outcomes/",
        {"legal_status": "sentenced", "decided_on": "", "court": "X"},
    )
    assert refused.status_code == 400
    api = reception.post(
        f"/api/v1/admissions/{episode.uuid}/court-outcomes/",
        {**sentenced(), "decided_on": timezone.localdate().isoformat()},
        "application/json",
    )
    assert api.status_code == 201, api.content
    episode_json = reception.get(f"/api/v1/admissions/{episode.uuid}/").json()
    assert [o["to_status"] for o in episode_json["court_outcomes"]] == [
        "sentenced",
        "convicted_unsentenced",
    ]


def test_the_episode_reads_its_outcomes_in_one_query_however_many(cast, episode):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    reception = client_for(cast["reception"])
    reception.get(f"/api/v1/admissions/{episode.uuid}/")

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert reception.get(f"/api/v1/admissions/{episode.uuid}/").status_code == 200
        return len(captured)

    record_court_outcome(by=cast["reception"], admission=episode, **sentenced())
    one = queries()
    for status in ("convicted_unsentenced", "sentenced"):
        record_court_outcome(
            by=cast["governor"], admission=episode, **sentenced(legal_status=status)
        )
    assert queries() == one
