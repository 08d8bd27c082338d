"""The de-identified research extract (Rules 67, 68): one row per episode, coarsened, k-anonymous
over its quasi-identifiers, with no name, number, date of birth, exact date, free text or
child's identity; written under RESEARCH_DIR by a command and a beat task, audited."""

from collections import Counter
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from audit.models import AuditEvent
from oversight.tests.test_oversight import admit
from register.services import record_child
from register.tests.factories import child_fields
from research import extract
from research.tasks import produce_extract

pytestmark = pytest.mark.django_db

CANARY_NAME = "Zzcanaryname"
CANARY_CHILD = "Qqcanarychild"


@pytest.fixture
def research_dir(settings, tmp_path):
    settings.RESEARCH_DIR = tmp_path
    return tmp_path


def admit_many(cast, facility, n, prefix="ZX", **kwargs):
    women = []
    for i in range(n):
        admission = admit(cast, facility, f"{prefix}{i:04d}", **kwargs)
        women.append(admission)
    return women


@pytest.mark.rule("67")
@pytest.mark.rule("68")
def test_the_extract_holds_no_identity(cast, facility_a, research_dir):
    women = admit_many(cast, facility_a, 7)
    canary = women[0].prisoner
    canary.given_names = CANARY_NAME
    canary.save(update_fields=["given_names"])
    record_child(
        by=cast["reception"],
        mother=canary,
        **child_fields(given_names=CANARY_CHILD, location="Canarytown"),
    )
    path, done = extract.produce(by=None)
    text = path.read_text(encoding="utf-8")
    assert path.parent == research_dir and path.name.startswith("research-extract-")
    for secret in (CANARY_NAME, CANARY_CHILD, "Canarytown", "ZX0", canary.prison_number):
        assert secret not in text
    for admission in women:
        assert admission.prisoner.date_of_birth.isoformat() not in text
        assert timezone.localdate(admission.admitted_at).isoformat() not in text
        assert str(admission.prisoner.uuid) not in text
    header = text.splitlines()[0].split(",")
    assert header[:6] == list(extract.QUASI)
    assert all(name.startswith("events_") for name in header[6:])


@pytest.mark.rule("68")
def test_every_combination_has_at_least_k_rows(cast, facility_a, research_dir, settings):
    settings.SMALL_CELL = 3
    admit_many(cast, facility_a, 4)
    girls = admit_many(cast, facility_a, 1, prefix="ZG", girl=True)
    assert girls  # one girl: alone in her age band
    path, done = extract.produce(by=None)
    groups = Counter(tuple(row[name] for name in extract.QUASI) for row in done.rows)
    assert all(n >= 3 for n in groups.values())
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) - 1 == len(done.rows)
    assert len(done.rows) + done.suppressed == 5
    event = AuditEvent.objects.get(action="research.extract")
    assert event.actor is None and event.detail["k"] == 3
    assert event.detail["rows"] == len(done.rows) and event.detail["file"] == path.name


ROW = st.fixed_dictionaries(
    {
        "facility": st.sampled_from(["womens_prison", "womens_unit"]),
        "age_band": st.sampled_from(extract.AGE),
        "legal_status": st.sampled_from(list(extract.LEGAL)),
        "nationality": st.sampled_from(["national", "foreign", "not recorded"]),
        "length_of_stay": st.sampled_from(extract.STAY),
        "children": st.sampled_from(["yes", "no"]),
    }
)


@pytest.mark.rule("68")
@hypothesis_settings(max_examples=60, deadline=None)
@given(rows=st.lists(ROW, max_size=60), k=st.integers(min_value=2, max_value=6))
def test_anonymise_always_gives_groups_of_k_or_more(rows, k):
    done = extract.anonymise(rows, k, 0.05)
    groups = Counter(tuple(row[name] for name in extract.QUASI) for row in done.rows)
    assert all(n >= k for n in groups.values())
    assert len(done.rows) + done.suppressed == len(rows)
    assert done.suppressed <= max(int(len(rows) * 0.05), 0) or all(
        level == len(extract.HIERARCHY[name]) - 1 for name, level in done.levels.items()
    )


def test_the_bands():
    assert extract.age_band(date(2000, 6, 2), date(2026, 6, 1)) == "25-34"
    assert extract.age_band(date(2010, 1, 1), date(2026, 1, 1)) == "under 18"
    assert extract.stay_band(10) == "under 1 month" and extract.stay_band(800) == "2 years or more"
    assert [extract.count_band(n) for n in (0, 1, 3, 9)] == ["0", "1", "2-4", "5+"]
    assert extract.nationality(["TH"]) == "national" and extract.nationality(["MM"]) == "foreign"


def test_the_command_and_the_beat_task_write_the_file(cast, facility_a, research_dir, settings):
    admit_many(cast, facility_a, 5)
    call_command("research_extract")
    name = produce_extract()
    assert (research_dir / name).exists()
    assert AuditEvent.objects.filter(action="research.extract").count() == 2
    assert "research-extract" in settings.CELERY_BEAT_SCHEDULE


def test_her_events_are_counted_in_her_episode(cast, facility_a, research_dir, settings):
    settings.SMALL_CELL = 1
    admissions = admit_many(cast, facility_a, 1, days_ago=10)
    rows, events = extract.coarse_rows()
    assert len(rows) == 1 and "events_segregations" in events
    assert rows[0]["events_complaints"] == "0"
    assert rows[0]["length_of_stay"] == "under 1 month"
    assert admissions[0].admitted_at < timezone.now() - timedelta(days=9)
