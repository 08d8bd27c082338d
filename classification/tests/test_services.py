"""Classifying her (Rules 8, 40, 41): the tool's default from its risk factors alone, the four
refusals of a higher level, the needs kept to her plan, reviews, and the tasks that ask for them."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from admissions.services import admit_woman
from admissions.tests.factories import commitment, identity
from audit.models import AuditEvent
from classification import services
from classification.models import Classification, Level, Need, RaiseReason
from classification.services import (
    RISK_FACTORS,
    RiskFactors,
    default_level,
    months_after,
    review_classification,
    tool_default,
)
from reminders.models import Reminder, Status
from tests.refusals import denied, invalid, nothing_written, refused

from .factories import LOW, MEDIUM, RAISED, classify_her

pytestmark = pytest.mark.django_db

degree = st.sampled_from([0, 1, 2])
text = st.text(max_size=40)
risk = st.fixed_dictionaries({name: degree for name in RISK_FACTORS})
needs = st.fixed_dictionaries(
    {
        "victimisation": text,
        "mental_health_needs": text,
        "substance_use": text,
        "caretaking": text,
        "declined": st.lists(st.sampled_from(Need.values), unique=True),
        "needs_plan": text,
    }
)


@pytest.mark.rule("41")
@pytest.mark.rule("8")
@settings(max_examples=200, deadline=None)
@given(risk=risk, before=needs, after=needs)
def test_no_needs_input_ever_changes_the_tools_level(risk, before, after):
    """Whatever her needs (violence she has experienced, her mental health, what she declined),
    the score and the default level are those of her risk factors alone."""
    assert tool_default({**risk, **before}) == tool_default({**risk, **after})
    assert tool_default({**risk, **before})[1] == default_level(RiskFactors(**risk))


@settings(max_examples=100, deadline=None)
@given(risk=risk, factor=st.sampled_from(RISK_FACTORS))
def test_more_risk_never_lowers_the_default(risk, factor):
    rank = {Level.LOW: 0, Level.MEDIUM: 1, Level.HIGH: 2}
    more = {**risk, factor: min(risk[factor] + 1, 2)}
    assert rank[tool_default(more)[1]] >= rank[tool_default(risk)[1]]


def test_the_bands():
    assert tool_default(LOW) == (0, Level.LOW)
    assert tool_default(MEDIUM) == (3, Level.MEDIUM)
    assert tool_default({**MEDIUM, "escape_history": 2, "conduct_in_custody": 1}) == (6, "high")


@pytest.mark.rule("40")
def test_the_bands_are_the_ones_the_service_validated_its_tool_with(settings):
    """A prison service sets the bands its validated tool was calibrated with (Rule 40)."""
    settings.CLASSIFICATION_LOW_UP_TO, settings.CLASSIFICATION_MEDIUM_UP_TO = 3, 7
    assert tool_default(MEDIUM) == (3, Level.LOW)
    assert tool_default({**MEDIUM, "escape_history": 2, "conduct_in_custody": 1})[1] == "medium"
    settings.CLASSIFICATION_LOW_UP_TO, settings.CLASSIFICATION_MEDIUM_UP_TO = 0, 1
    assert tool_default(MEDIUM)[1] == "high"


@pytest.mark.parametrize("bands", [("5", "5"), ("-1", "4"), ("2", "9")])
def test_bands_that_cant_be_right_stop_the_service_from_starting(bands):
    import os
    import subprocess
    import sys

    low, medium = bands
    env = {
        **os.environ,
        "CLASSIFICATION_LOW_UP_TO": low,
        "CLASSIFICATION_MEDIUM_UP_TO": medium,
        "DJANGO_SETTINGS_MODULE": "bangkok.settings",
    }
    run = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert run.returncode != 0 and "classification bands" in run.stderr


def test_social_worker_classifies_her_with_the_tool(cast, woman_a):
    c = classify_her(
        cast, woman_a, victimisation="Her partner beat her.", mental_health_needs="Depression."
    )
    assert (c.kind, c.level, c.default_level, c.score) == ("initial", "low", "low", 0)
    assert c.instrument.startswith("Women's risk and needs assessment")
    assert c.next_review_on == months_after(timezone.localdate(), 6)
    assert c.raise_reasons == [] and c.rationale == ""
    event = AuditEvent.objects.get(action="classification.recorded")
    # The audit row says the level and why it was raised, never her needs.
    assert "beat" not in str(event.detail) and "Depression" not in str(event.detail)


@pytest.mark.rule("41")
def test_a_higher_level_for_reasons_the_rules_allow_is_kept(cast, woman_a):
    c = classify_her(cast, woman_a, **RAISED, mental_health_needs="Psychosis, in treatment.")
    assert (c.default_level, c.level, c.raised) == ("medium", "high", True)
    assert c.raise_reasons == ["escape_risk", "mental_health"]


@pytest.mark.rule("41")
def test_a_higher_level_without_reasons_is_refused(cast, woman_a):
    with refused("41", Classification, Reminder) as caught:
        classify_her(cast, woman_a, **{**MEDIUM, "level": "high"})
    assert "reasons from the list and a rationale" in caught.value.message
    with refused("41", Classification, Reminder):
        classify_her(cast, woman_a, **{**RAISED, "rationale": "  "})


@pytest.mark.rule("41")
def test_mental_health_alone_never_raises_her_level(cast, woman_a):
    for level, base in (("high", MEDIUM), ("medium", LOW)):
        with refused("41", Classification, Reminder) as caught:
            classify_her(
                cast,
                woman_a,
                **{**base, "level": level},
                raise_reasons=["mental_health"],
                rationale="She hears voices.",
            )
        assert "mental-health needs alone" in caught.value.message


@pytest.mark.rule("41")
def test_violence_she_has_experienced_never_raises_her_level(cast, woman_a):
    with refused("41", Classification, Reminder) as caught:
        classify_her(
            cast,
            woman_a,
            **{**RAISED, "raise_reasons": ["escape_risk", "victimisation"]},
        )
    assert "Violence she has experienced" in caught.value.message


@pytest.mark.rule("8")
def test_an_item_she_declined_never_raises_her_level(cast, woman_a):
    with refused("8", Classification, Reminder) as caught:
        classify_her(
            cast,
            woman_a,
            **{**RAISED, "raise_reasons": ["risk_to_others", "declined_item"]},
            declined=["substance_use"],
        )
    assert "declined" in caught.value.message


@pytest.mark.rule("41")
def test_the_database_holds_the_same_limits(cast, woman_a):
    c = classify_her(cast, woman_a, **RAISED)
    for change in (
        {"raise_reasons": [RaiseReason.MENTAL_HEALTH]},
        {"raise_reasons": [RaiseReason.ESCAPE_RISK, RaiseReason.VICTIMISATION]},
        {"raise_reasons": [RaiseReason.DECLINED_ITEM]},
        {"rationale": ""},
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            Classification.objects.filter(pk=c.pk).update(**change)


def test_lower_than_the_tool_needs_no_reason_and_keeps_none(cast, woman_a):
    c = classify_her(cast, woman_a, **{**MEDIUM, "level": "low"}, raise_reasons=["escape_risk"])
    assert (c.level, c.raise_reasons, c.rationale) == ("low", [], "")


@pytest.mark.rule("8")
def test_an_item_she_declined_stays_empty(cast, woman_a):
    with invalid("victimisation", Classification):
        classify_her(cast, woman_a, victimisation="Something", declined=["victimisation"])


def test_her_reasons_are_required_and_only_recorders_classify(cast, woman_a, woman_b):
    with invalid("reasons_for_her", Classification):
        classify_her(cast, woman_a, reasons_for_her=" ")
    for role in ("custody", "health", "inspector", "reception"):
        with denied(Classification):
            classify_her(cast, woman_a, by=cast[role])
    with denied(Classification):
        classify_her(cast, woman_b)  # another facility's woman


def test_a_second_first_classification_is_refused(cast, woman_a):
    classify_her(cast, woman_a)
    with nothing_written(Classification), pytest.raises(ValidationError) as caught:
        classify_her(cast, woman_a)
    assert "classified already" in caught.value.messages[0]


def _admit(cast, facility, **when):
    return admit_woman(
        by=cast["reception"],
        facility=facility,
        commitment=commitment(),
        identity=identity(),
        **when,
    )


@pytest.mark.rule("40")
def test_her_admission_asks_for_her_classification_and_only_it_closes_the_task(
    cast, facility_a, settings
):
    settings.CLASSIFICATION_DAYS = 10
    admission = _admit(cast, facility_a)
    woman = admission.prisoner
    task = Reminder.objects.get(kind=services.INITIAL_KIND, prisoner=woman)
    assert (task.assignee_role, task.rule) == ("social", "40")
    assert task.due_at == admission.admitted_at + timedelta(days=10)

    c = classify_her(cast, woman)

    task.refresh_from_db()
    assert task.status == Status.DONE
    assert c.due_at == task.due_at
    review = Reminder.objects.get(kind=services.REVIEW_KIND, prisoner=woman)
    assert review.status == Status.PENDING
    assert timezone.localdate(review.due_at) == c.next_review_on


@pytest.mark.rule("41")
def test_a_review_replaces_the_classification_and_closes_its_tasks(cast, woman_a):
    first = classify_her(cast, woman_a)
    version = first.version
    second = review_classification(
        by=cast["governor"], classification=first, kind="review", **MEDIUM
    )
    first.refresh_from_db()
    assert first.superseded_at is not None and first.version > version
    assert second.supersedes == first and second.kind == "review"
    assert list(woman_a.classifications.current()) == [second]
    old_task = Reminder.objects.get(key=f"classification.review:{first.uuid}")
    assert old_task.status == Status.DONE
    with nothing_written(Classification), pytest.raises(ValidationError):
        review_classification(by=cast["social"], classification=first, **LOW)


@pytest.mark.rule("41")
def test_a_review_is_judged_as_the_first(cast, woman_a):
    first = classify_her(cast, woman_a)
    with refused("41", Classification, Reminder):
        review_classification(
            by=cast["social"],
            classification=first,
            **{**LOW, "level": "medium"},
            raise_reasons=["mental_health"],
            rationale="Unwell.",
        )
    first.refresh_from_db()
    assert first.superseded_at is None


def test_a_birth_asks_for_a_review_saying_nothing_of_it(cast, woman_a):
    c = classify_her(cast, woman_a)
    services.on_protected_period(
        prisoner=woman_a, start=timezone.now(), end=None, by=cast["health"]
    )
    services.on_protected_period(
        prisoner=woman_a, start=timezone.now(), end=None, by=cast["health"]
    )
    task = Reminder.objects.get(kind=services.EVENT_KIND)
    assert task.key.startswith(f"classification.review:{c.uuid}:birth:")
    assert "birth" not in str(task.title).lower() and "pregnan" not in str(task.title).lower()
    review_classification(by=cast["social"], classification=c, kind="pregnancy_or_birth", **LOW)
    task.refresh_from_db()
    assert task.status == Status.DONE


def test_a_new_dependent_child_asks_for_a_review(cast, woman_a):
    from register.services import record_child
    from register.tests.factories import child_fields

    classify_her(cast, woman_a)
    record_child(by=cast["reception"], mother=woman_a, **child_fields())
    assert Reminder.objects.filter(kind=services.EVENT_KIND, prisoner=woman_a).exists()


def test_before_her_first_classification_an_event_asks_nothing(cast, woman_a):
    services.ask_for_event_review(woman_a, "child:x")
    assert not Reminder.objects.filter(kind=services.EVENT_KIND).exists()


def test_a_bad_review_kind_or_level_is_refused(cast, woman_a):
    c = classify_her(cast, woman_a)
    with invalid("kind", Classification):
        review_classification(by=cast["social"], classification=c, kind="initial", **LOW)
    with invalid("level", Classification):
        review_classification(by=cast["social"], classification=c, **{**LOW, "level": "max"})
