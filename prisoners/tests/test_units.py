"""Where she lives within her facility (Rules 49, 51.2; Mandela 11): a girl only on the unit for
girls and an adult never there, women of each legal status apart, a mother whose child lives
with her only on a unit suited to children. Refused at every door, naming the rule, nothing
written; what a birthday, a sentence or a child makes unlawful later is shown on her page and
counted on oversight until she is moved."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from audit.models import AuditEvent
from bangkok.errors import RuleBroken
from conftest import client_for
from prisoners.models import LegalStatus, Prisoner, Unit, UnitPlacement
from prisoners.oversight import misplaced
from prisoners.services import MOVE_KIND, place_on_unit, units_for
from register.tests.factories import child_fields, with_her
from reminders.models import OPEN_STATUSES, Reminder
from tests import refusals
from tests.clock import today_is
from tests.concurrency import race
from tests.her_page import open_her_page

from .factories import PrisonerFactory, UnitFactory

pytestmark = pytest.mark.django_db

GENERAL, GIRLS = Unit.Designation.GENERAL, Unit.Designation.JUVENILE
MBU = Unit.Designation.MOTHER_AND_BABY


def baby_fields() -> dict:
    """A baby of four months, as old on the day the test runs."""
    return child_fields(date_of_birth=date.today() - timedelta(days=120))


def unit(facility, code, designation=GENERAL):
    return UnitFactory(facility=facility, code=code, name=f"Unit {code}", designation=designation)


def woman(facility, status=LegalStatus.PRETRIAL, born=date(1990, 5, 17), on=None):
    her = PrisonerFactory(facility=facility, legal_status=status, date_of_birth=born)
    if on is not None:
        Prisoner.objects.filter(pk=her.pk).update(unit=on)
        her.refresh_from_db()
    return her


def girl(facility, **kwargs):
    return woman(facility, born=timezone.localdate() - timedelta(days=16 * 365), **kwargs)


def placed(her) -> Unit | None:
    return Prisoner.objects.get(pk=her.pk).unit


def test_a_move_to_a_unit_she_may_live_on_is_recorded_with_who_when_and_why(cast, facility_a):
    wing = unit(facility_a, "W1")
    her = woman(facility_a)
    placement = place_on_unit(by=cast["custody"], prisoner=her, unit=wing, reason="Space")
    assert placed(her) == wing
    assert placement.from_unit is None and placement.placed_by == cast["custody"]
    event = AuditEvent.objects.get(action="prisoner.placed")
    assert event.detail["unit"] == "W1" and event.detail["from"] is None
    second = place_on_unit(by=cast["governor"], prisoner=her, unit=unit(facility_a, "W2"))
    assert second.from_unit == wing


@pytest.mark.rule("M11")
def test_a_girl_lives_only_on_the_unit_for_girls(cast, facility_a):
    her = girl(facility_a)
    with refusals.refused("M11", UnitPlacement) as caught:
        place_on_unit(by=cast["custody"], prisoner=her, unit=unit(facility_a, "W1"))
    assert "girl under 18" in str(caught.value) and "Mandela Rule 11" in str(caught.value)
    assert placed(her) is None
    place_on_unit(by=cast["custody"], prisoner=her, unit=unit(facility_a, "JUV", GIRLS))
    assert placed(her).code == "JUV"


@pytest.mark.rule("M11")
def test_an_adult_woman_never_lives_on_the_unit_for_girls(cast, facility_a):
    her = woman(facility_a)
    with refusals.refused("M11", UnitPlacement):
        place_on_unit(by=cast["reception"], prisoner=her, unit=unit(facility_a, "JUV", GIRLS))
    assert placed(her) is None


@pytest.mark.rule("M11")
@pytest.mark.parametrize(
    ("hers", "theirs"),
    [
        (LegalStatus.PRETRIAL, LegalStatus.SENTENCED),
        (LegalStatus.CONVICTED_UNSENTENCED, LegalStatus.PRETRIAL),
        (LegalStatus.IMMIGRATION, LegalStatus.SENTENCED),
        (LegalStatus.PRETRIAL, LegalStatus.CIVIL),
    ],
)
def test_women_of_another_legal_status_are_held_apart(cast, facility_a, hers, theirs):
    wing = unit(facility_a, "W1")
    woman(facility_a, status=theirs, on=wing)
    her = woman(facility_a, status=hers)
    with refusals.refused("M11", UnitPlacement) as caught:
        place_on_unit(by=cast["custody"], prisoner=her, unit=wing)
    assert "another legal status" in str(caught.value)
    assert placed(her) is None


def test_women_of_one_legal_status_share_a_unit_and_a_released_woman_counts_for_none(
    cast, facility_a
):
    wing = unit(facility_a, "W1")
    woman(facility_a, status=LegalStatus.SENTENCED, on=wing)
    gone = woman(facility_a, status=LegalStatus.PRETRIAL, on=wing)
    Prisoner.objects.filter(pk=gone.pk).update(custody_status="released")
    her = woman(facility_a, status=LegalStatus.CONVICTED_UNSENTENCED)
    place_on_unit(by=cast["custody"], prisoner=her, unit=wing)
    assert placed(her) == wing


def test_the_mother_and_baby_unit_takes_mothers_of_every_legal_status(cast, facility_a):
    mbu = unit(facility_a, "MBU", MBU)
    woman(facility_a, status=LegalStatus.SENTENCED, on=mbu)
    her = woman(facility_a, status=LegalStatus.PRETRIAL)
    place_on_unit(by=cast["custody"], prisoner=her, unit=mbu)
    assert placed(her) == mbu


@pytest.mark.rule("51.2")
def test_a_mother_whose_child_lives_with_her_lives_only_on_a_unit_suited_to_children(
    cast, facility_a
):
    mbu = unit(facility_a, "MBU", MBU)
    her = woman(facility_a, on=mbu)
    with_her(cast["reception"], her, social=cast["social"], **baby_fields())
    with refusals.refused("51.2", UnitPlacement) as caught:
        place_on_unit(by=cast["custody"], prisoner=her, unit=unit(facility_a, "W1"))
    assert "suited to children" in str(caught.value)
    assert placed(her) == mbu


def test_a_unit_of_another_facility_or_the_one_she_is_on_is_a_bad_field(
    cast, facility_a, facility_b
):
    wing = unit(facility_a, "W1")
    her = woman(facility_a, on=wing)
    with refusals.invalid("unit", UnitPlacement):
        place_on_unit(by=cast["custody"], prisoner=her, unit=unit(facility_b, "W9"))
    with refusals.invalid("unit", UnitPlacement):
        place_on_unit(by=cast["custody"], prisoner=her, unit=wing)


@pytest.mark.parametrize("role", ["health", "social", "safeguarding", "inspector"])
def test_a_role_that_doesnt_move_women_is_refused(cast, facility_a, role):
    her = woman(facility_a)
    with refusals.denied(UnitPlacement):
        place_on_unit(by=cast[role], prisoner=her, unit=unit(facility_a, "W1"))


@pytest.mark.rule("M11")
@pytest.mark.django_db(transaction=True)
def test_an_untried_and_a_convicted_woman_moved_at_once_onto_an_empty_unit_are_not_both_placed(
    cast, facility_a
):
    wing = unit(facility_a, "W1")
    untried = woman(facility_a, status=LegalStatus.PRETRIAL)
    convicted = woman(facility_a, status=LegalStatus.SENTENCED)

    def move(her):
        def call():
            try:
                place_on_unit(by=cast["custody"], prisoner=her, unit=wing)
            except RuleBroken as refusal:
                raise ValidationError(f"refused under {refusal.rule}") from refusal

        return call

    outcomes = race({"untried": move(untried), "convicted": move(convicted)})
    refused = "refused under M11"
    assert sorted(outcomes) in ([refused, "untried"], ["convicted", refused])
    assert UnitPlacement.objects.count() == 1


@pytest.mark.rule("51.2")
def test_a_child_who_comes_to_live_with_her_on_a_wing_asks_custody_to_move_her(cast, facility_a):
    wing, mbu = unit(facility_a, "W1"), unit(facility_a, "MBU", MBU)
    her = woman(facility_a, on=wing)
    with_her(cast["reception"], her, social=cast["social"], **baby_fields())
    task = Reminder.objects.get(kind=MOVE_KIND, prisoner=her)
    assert task.assignee_role == "custody" and task.rule == "51.2" and task.status in OPEN_STATUSES
    assert [u.code for u in units_for(Prisoner.objects.get(pk=her.pk))] == ["MBU"]
    place_on_unit(by=cast["custody"], prisoner=her, unit=mbu)
    task.refresh_from_db()
    assert task.status == "done"


def test_a_child_who_comes_to_live_with_her_on_the_unit_for_mothers_asks_nothing(cast, facility_a):
    her = woman(facility_a, on=unit(facility_a, "MBU", MBU))
    with_her(cast["reception"], her, social=cast["social"], **baby_fields())
    assert not Reminder.objects.filter(kind=MOVE_KIND).exists()


@pytest.mark.rule("M11")
@pytest.mark.rule("51.2")
def test_oversight_counts_every_woman_living_where_the_rules_forbid_however_it_came_about(
    cast, facility_a, monkeypatch
):
    wing, girls = unit(facility_a, "W1"), unit(facility_a, "JUV", GIRLS)
    fine = woman(facility_a, status=LegalStatus.PRETRIAL, on=wing)
    # A girl lawfully placed, then her eighteenth birthday.
    grown = woman(facility_a, born=date(2008, 12, 20), on=girls)
    # An untried woman sentenced while on a wing of untried women.
    sentenced = woman(facility_a, status=LegalStatus.PRETRIAL, on=wing)
    Prisoner.objects.filter(pk=sentenced.pk).update(legal_status=LegalStatus.SENTENCED)
    # A child comes to live with her on a wing.
    mother = woman(facility_a, status=LegalStatus.PRETRIAL, on=unit(facility_a, "W2"))
    with_her(cast["reception"], mother, social=cast["social"], **baby_fields())
    today_is(monkeypatch, date(2026, 12, 21))
    found = {w.pk for w in misplaced([facility_a])}
    # The sentenced woman is held with untried women, and the untried woman with her.
    assert found == {grown.pk, sentenced.pk, fine.pk, mother.pk}
    page = open_her_page(client_for(cast["custody"]), grown)
    assert b'data-testid="unit-wrong"' in page.content
    assert "An adult woman does not live on the unit for girls" in page.content.decode()


def test_her_page_offers_the_move_only_to_the_roles_that_move_her(cast, woman_a):
    url = reverse("prisoners:detail", args=[woman_a.uuid])
    assert b'data-testid="move-her"' in client_for(cast["custody"]).get(url).content
    assert b'data-testid="move-her"' not in client_for(cast["health"]).get(url).content


def test_the_page_offers_only_the_units_she_may_live_on_and_moves_her(cast, facility_a):
    wing, other = unit(facility_a, "W1"), unit(facility_a, "W2")
    unit(facility_a, "JUV", GIRLS)
    woman(facility_a, status=LegalStatus.SENTENCED, on=other)
    her = woman(facility_a, status=LegalStatus.PRETRIAL)
    client = client_for(cast["custody"])
    url = reverse("prisoners:unit", args=[her.uuid])
    form = client.get(url).content.decode()
    assert "Unit W1" in form and "Unit W2" not in form and "JUV" not in form
    done = client.post(url, {"unit": wing.pk, "reason": "Her first wing"})
    assert done.status_code == 302 and done["Location"] == reverse(
        "prisoners:detail", args=[her.uuid]
    )
    assert placed(her) == wing
    history = client.get(url).content.decode()
    assert "Her first wing" in history


@pytest.mark.rule("M11")
def test_a_unit_posted_anyway_is_refused_beside_the_form_naming_the_rule(cast, facility_a):
    other = unit(facility_a, "W2")
    woman(facility_a, status=LegalStatus.SENTENCED, on=other)
    her = woman(facility_a, status=LegalStatus.PRETRIAL)
    with refusals.nothing_written(UnitPlacement):
        page = client_for(cast["custody"]).post(
            reverse("prisoners:unit", args=[her.uuid]), {"unit": other.pk}
        )
    assert page.status_code == 400
    assert "Mandela Rule 11" in page.content.decode()
    assert placed(her) is None


def api_for(user):
    from tests.versions import VersionedAPIClient

    client = VersionedAPIClient()
    client.force_authenticate(user)
    return client


@pytest.mark.rule("51.2")
def test_the_api_moves_her_names_the_rule_it_refuses_and_asks_her_version(cast, facility_a):
    wing, mbu = unit(facility_a, "W1"), unit(facility_a, "MBU", MBU)
    her = woman(facility_a, on=mbu)
    with_her(cast["reception"], her, social=cast["social"], **baby_fields())
    url = f"/api/v1/prisoners/{her.uuid}/unit/"
    client = api_for(cast["custody"])
    with refusals.nothing_written(UnitPlacement):
        missing = client.post(url, {"unit": str(wing.uuid)}, format="json", HTTP_IF_MATCH=None)
    assert missing.status_code == 428
    with refusals.nothing_written(UnitPlacement):
        refused = client.post(url, {"unit": str(wing.uuid)}, format="json")
    assert refused.status_code == 409 and refused.json()["rule"] == "51.2"
    bad = client.post(url, {"unit": str(unit(facility_a, "W9").uuid) + "0"}, format="json")
    assert bad.status_code == 400 and "unit" in bad.json()
    alone = woman(facility_a)
    done = api_for(cast["governor"]).post(
        f"/api/v1/prisoners/{alone.uuid}/unit/", {"unit": str(wing.uuid)}, format="json"
    )
    assert done.status_code == 201, done.content
    assert done.json()["unit"]["code"] == "W1" and done.json()["from_unit"] is None
    nobody = APIClient()
    nobody.force_authenticate(cast["health"])
    assert nobody.post(url, {"unit": str(wing.uuid)}, format="json").status_code == 404
