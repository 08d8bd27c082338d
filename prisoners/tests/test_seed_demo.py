"""The demonstration, seeded once for the module (`tests.module_records`): every area's
states in it, its indicators telling something, a girl's records sealed (seeding it again:
`test_seed_demo_again`)."""

import io
import os
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from facilities.models import Facility
from prisoners.models import Prisoner
from reminders.models import Reminder
from staff.models import User
from tests.module_records import records_for_the_module

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    def seed() -> dict:
        before = os.environ.get("DEMO_PASSWORD")
        os.environ["DEMO_PASSWORD"] = "demo password for tests"
        try:
            out = io.StringIO()
            call_command("seed_demo", stdout=out)
        finally:
            if before is None:
                del os.environ["DEMO_PASSWORD"]
            else:
                os.environ["DEMO_PASSWORD"] = before
        return {"out": out.getvalue()}

    with records_for_the_module(django_db_blocker, seed) as records:
        yield records


def test_the_demo_has_two_facilities_a_user_per_role_each_and_sixty_varied_women(demo):
    assert "Demo password for every user: demo password for tests" in demo["out"]
    assert set(Facility.objects.values_list("code", flat=True)) == {"A", "B"}
    assert User.objects.count() == 16
    assert User.objects.get(username="custody_b").role.code == "custody"
    # Hashed fast for the module's records (`tests.module_records`), as a real one would be.
    assert User.objects.get(username="reception").check_password("demo password for tests")
    # One password for all: hashed once, the same hash for each (Argon2 in `make run`).
    assert User.objects.values("password").distinct().count() == 1
    women = Prisoner.objects.all()
    assert women.count() == 60
    assert women.juveniles().exists()
    assert women.exclude(nationalities=["TH"]).exists(), "foreign nationals"
    assert women.filter(custody_status="released").exists()
    assert women.filter(legal_status="pretrial").exists()
    assert women.filter(legal_status="sentenced").exists()
    assert women.filter(flags__no_segregation=True).exists()
    assert Reminder.objects.filter(status="escalated").exists()
    from register.models import Child

    children = Child.objects.all()
    assert children.filter(lives_with_mother=True).exists()
    assert children.filter(location_unknown=True).exists()
    assert women.filter(flags__child_in_prison=True).exists()
    from admissions.models import Admission, Allocation, PropertyItem, SuspensionRequest, Transfer

    stages = set(Admission.objects.values_list("stage", flat=True))
    assert stages == {"reception", "admitted", "released"}
    assert Allocation.objects.exists() and Transfer.objects.exists()
    assert PropertyItem.objects.filter(returned_at__isnull=False).exists()
    assert Admission.objects.filter(
        property_signed_at__isnull=True, property__isnull=False
    ).exists()
    from health.models import Birth, Pregnancy, Screening

    assert Screening.objects.filter(completed_at__isnull=False).exists()
    assert Screening.objects.filter(completed_at__isnull=True).exists()
    assert Pregnancy.objects.filter(status="confirmed").exists()
    assert Birth.objects.filter(baby_with_her=True).exists()
    assert children.filter(lives_with_mother=True, health_checks__isnull=False).exists()
    assert Reminder.objects.filter(kind__startswith="health.preventive").exists()
    # Her flags follow from those records, not from hand-set values.
    assert women.filter(flags__no_restraint_obstetric=True).exists()
    outcomes = set(SuspensionRequest.objects.values_list("outcome", flat=True))
    assert {"pending", "granted", "refused"} <= outcomes
    from admissions.models import FamilyMember

    assert FamilyMember.objects.filter(next_of_kin=True).exists()
    from release.models import RecordsCopy, ReleasePlan

    plans = ReleasePlan.objects.all()
    assert plans.filter(started_at__isnull=True, earliest_release_on__isnull=False).exists()
    assert plans.filter(started_at__isnull=False, admission__stage="admitted").exists()
    assert plans.filter(admission__stage="released", health_continuity__complete=True).exists()
    assert plans.filter(admission__stage="released", started_at__isnull=True).exists()
    assert {"signed", "refused"} <= set(RecordsCopy.objects.values_list("outcome", flat=True))
    assert Reminder.objects.filter(kind="release.plan_start").exists()
    from safeguarding.models import CareNeed, FamilyConcern, Plan

    assert Plan.objects.filter(made_at__isnull=False, reviews__isnull=False).exists()
    assert Plan.objects.filter(made_at__isnull=True).exists()
    assert FamilyConcern.objects.filter(triage="").exists() and CareNeed.objects.exists()


# Rates the services hold at 100 %: the act that would lower them is refused, so no demo
# record can (a search by a man or by untrained staff, Rules 19 and 21; a separation without
# its best-interests decision, Rule 52; a release without her copy of her records, Mandela 9).
HELD_BY_THE_SERVICES = {
    "searched-by-women",
    "searched-by-trained-staff",
    "separations-best-interests",
    "records-copy-at-release",
}


def test_the_demo_makes_every_indicator_tell_something(demo):
    """No declared indicator all 0 % or all 100 %, no count empty, no median of nothing,
    over the demo's last year in all its facilities (RULES-SPEC 3)."""
    from oversight import registry

    end = timezone.localdate()
    periods = [(end - timedelta(days=365), end)]
    trivial = {}
    for item in sorted(registry._INDICATORS.values(), key=registry._by_number):
        if item.key in HELD_BY_THE_SERVICES:
            continue
        found = registry._total(item, item.counts(Facility.objects.all(), periods), 0)
        if item.unit == registry.MEDIAN:
            if not found:
                trivial[item.key] = found
            continue
        n, d = found
        if item.unit == registry.COUNT:
            if n == 0:
                trivial[item.key] = n
        elif d == 0 or n == 0 or (item.unit == registry.RATE and n == d):
            trivial[item.key] = (n, d)
    assert trivial == {}


def test_the_oversight_page_gives_the_same_numbers_from_the_daily_counts_as_counted_live(
    demo, monkeypatch
):
    """The overview of every facility, for the last 30 days and the last year, counted live
    and then from the daily counts the beat writes (QUALITY.md P3)."""
    from oversight import registry, summaries

    inspector = User.objects.get(username="inspector")
    places = Facility.objects.all()
    end = timezone.localdate()

    def shown(start):
        zeros, lists = registry.overview(inspector, places, start, end)
        return {row["item"].key: row["count"] for row in [*zeros, *lists]}

    periods = [end - timedelta(days=29), end - timedelta(days=364)]
    with monkeypatch.context() as live:
        live.setattr(summaries, "ahead", lambda *args: {})
        expected = [shown(start) for start in periods]
    summaries.refresh(end - timedelta(days=400), end)
    ahead = summaries.counts(
        [*registry.zeros_for(inspector), *registry.lists_for(inspector)], places, periods[1], end
    )
    assert {"searches", "visits", "admissions"} <= set(ahead)
    assert any(ahead.values())  # the demo's records of past days, added up
    assert [shown(start) for start in periods] == expected


def test_the_demo_seals_a_girl_and_opens_her_record_and_leaves_one_to_the_clock(demo):
    from girls import services
    from girls.models import Opening, SealedRecord

    assert SealedRecord.objects.filter(sealed_by="governor").exists()
    assert Opening.objects.exists()
    waiting = services.sealing_due(timezone.now() + timedelta(days=400))
    assert waiting.exists()
