import pytest
from django.core.management import call_command

from facilities.models import Facility
from prisoners.models import Prisoner
from reminders.models import Reminder
from staff.models import User

pytestmark = pytest.mark.django_db


def test_the_demo_has_two_facilities_a_user_per_role_each_and_sixty_varied_women(
    monkeypatch, capsys
):
    monkeypatch.setenv("DEMO_PASSWORD", "demo password for tests")
    call_command("seed_demo")
    assert "Demo password for every user: demo password for tests" in capsys.readouterr().out
    assert set(Facility.objects.values_list("code", flat=True)) == {"A", "B"}
    assert User.objects.count() == 16
    assert User.objects.get(username="custody_b").role.code == "custody"
    assert User.objects.get(username="reception").check_password("demo password for tests")
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


def test_running_it_again_adds_nothing_and_prints_no_password(
    monkeypatch, capsys, settings, tmp_path
):
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    settings.DEMO_PASSWORD_FILE = tmp_path / "demo_password"
    call_command("seed_demo", women=4)
    first = capsys.readouterr().out
    generated = settings.DEMO_PASSWORD_FILE.read_text().strip()
    assert f"Demo password for every user: {generated}" in first
    assert User.objects.get(username="governor_b").check_password(generated)
    counts = (User.objects.count(), Prisoner.objects.count(), Reminder.objects.count())
    assert counts[1] == 4
    call_command("seed_demo", women=4)
    assert "Demo password" not in capsys.readouterr().out
    assert (User.objects.count(), Prisoner.objects.count(), Reminder.objects.count()) == counts
