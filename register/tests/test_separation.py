"""A child living with her leaves prison only by a separation of its own (Rule 52): no edit
switches "lives with her" off at any door, and only the separation lifts the protections
the child gave her (Rule 22)."""

import pytest
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, InternalError, transaction
from django.utils import timezone

from audit.models import AuditEvent
from conftest import client_for
from health.services.maternity import declare_pregnancy
from register.models import Child, Separation
from register.services import plan_separation, record_child, separate_child, update_child
from register.tests.factories import PLAN, child_fields, decide, leaves
from reminders.models import Reminder
from tests import refusals
from tests.her_page import open_her_page
from tests.versions import VersionedAPIClient

pytestmark = pytest.mark.django_db


@pytest.fixture
def baby(cast, woman_a):
    decide(cast["social"], woman_a)
    return record_child(
        by=cast["reception"],
        mother=woman_a,
        **child_fields(given_names="Dao", lives_with_mother=True, location="", custody=""),
    )


def api(user):
    client = VersionedAPIClient()
    client.force_authenticate(user)
    return client


def flags(woman):
    woman.flags.refresh_from_db()
    return woman.flags


def nothing_changed(baby, woman):
    baby.refresh_from_db()
    assert baby.lives_with_mother and baby.separation is None
    assert flags(woman).child_in_prison and flags(woman).no_segregation
    assert not Separation.objects.exists()
    assert not AuditEvent.objects.filter(action__in=["child.updated", "child.separated"]).exists()


@pytest.mark.rule("52")
@pytest.mark.rule("22")
def test_the_separation_records_when_why_and_who_cares_and_lifts_her_protections(
    cast, woman_a, baby
):
    assert flags(woman_a).no_segregation and flags(woman_a).child_in_prison
    separation = leaves(baby, by=cast["social"])
    baby.refresh_from_db()
    assert not baby.lives_with_mother and baby.separation == separation
    assert baby.location == "Lampang" and baby.custody == "relative"
    assert separation.decided_by == cast["social"] and separation.carer.startswith("Her grand")
    assert not flags(woman_a).no_segregation and not flags(woman_a).child_in_prison
    assert AuditEvent.objects.filter(action="child.separated", subject_id=separation.uuid).exists()


@pytest.mark.rule("52")
@pytest.mark.rule("22")
def test_the_separation_lifts_only_what_the_child_gave(cast, woman_a, baby):
    declare_pregnancy(by=cast["health"], prisoner=woman_a)
    leaves(baby, by=cast["social"])
    assert flags(woman_a).no_segregation and not flags(woman_a).child_in_prison


@pytest.mark.rule("52")
def test_an_edit_never_moves_her_child_out_at_the_service(cast, woman_a, baby):
    with refusals.refused("52", Reminder) as refused:
        update_child(
            by=cast["social"],
            child=baby,
            lives_with_mother=False,
            location="Lampang",
            custody="relative",
        )
    assert "Rule 52" in str(refused.value)
    nothing_changed(baby, woman_a)


@pytest.mark.rule("52")
def test_an_api_patch_never_moves_her_child_out(cast, woman_a, baby):
    with refusals.nothing_written(Reminder):
        response = api(cast["social"]).patch(
            f"/api/v1/children/{baby.uuid}/",
            {"lives_with_mother": False, "location": "Lampang", "custody": "relative"},
            format="json",
        )
    assert response.status_code == 409 and response.json()["rule"] == "52"
    nothing_changed(baby, woman_a)
    kept = api(cast["social"]).patch(
        f"/api/v1/children/{baby.uuid}/", {"dependent": True}, format="json"
    )
    assert kept.status_code == 200 and kept.json()["lives_with_mother"] is True


@pytest.mark.rule("52")
def test_no_other_door_moves_her_child_out_the_database_refuses_it(cast, woman_a, baby):
    # The admin has no page for children and no page form edits one; whatever writes to the
    # table, the database refuses a move out without a separation recorded first.
    assert Child not in admin.site._registry
    with pytest.raises((IntegrityError, InternalError)), transaction.atomic():
        Child.objects.filter(pk=baby.pk).update(
            lives_with_mother=False, location="Lampang", custody="relative"
        )
    nothing_changed(baby, woman_a)


def ready_to_leave(cast, baby):
    """The decision and the complete plan, recorded: only the separation is left."""
    today = timezone.localdate()
    decide(cast["social"], baby.mother, child=baby, outcome="apart")
    plan_separation(
        by=cast["social"], child=baby, care_confirmed_on=today, her_consulted_on=today, **PLAN
    )


@pytest.mark.rule("52")
def test_the_api_records_the_separation_for_social_workers_only(cast, woman_a, baby):
    url = f"/api/v1/children/{baby.uuid}/separation/"
    ready_to_leave(cast, baby)
    for role in ("reception", "custody", "governor"):
        assert api(cast[role]).post(url, {}, format="json").status_code == 404
    with pytest.raises(PermissionDenied):
        separate_child(by=cast["reception"], child=baby)
    nothing_changed(baby, woman_a)
    made = api(cast["social"]).post(url, {}, format="json")
    assert made.status_code == 201 and made.json()["carer"] == PLAN["carer"]
    assert not flags(woman_a).child_in_prison


@pytest.mark.rule("52")
def test_social_workers_record_the_separation_on_its_page(cast, woman_a, baby):
    url = f"/register/children/{baby.uuid}/separation/"
    for role in ("reception", "custody", "governor"):
        assert client_for(cast[role]).get(url).status_code == 404
    page = open_her_page(client_for(cast["social"]), woman_a).content.decode()
    assert url in page
    refused = client_for(cast["social"]).post(url, {})
    assert refused.status_code == 400 and "Rule 52.1" in refused.content.decode()
    nothing_changed(baby, woman_a)
    ready_to_leave(cast, baby)
    done = client_for(cast["social"]).post(url, {})
    assert done.status_code == 302
    assert Separation.objects.get().child == baby and not flags(woman_a).child_in_prison


@pytest.mark.rule("52")
def test_once_separated_its_page_shows_what_was_recorded_and_offers_no_form(cast, woman_a, baby):
    url = f"/register/children/{baby.uuid}/separation/"
    leaves(baby, by=cast["social"], carer_contact="+66 81 000 0000")
    response = client_for(cast["social"]).get(url)
    page = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="separation"' in page and PLAN["carer"] in page
    assert "+66 81 000 0000" in page and "A relative" in page
    assert "<form" not in page.split('id="main-content"')[-1].split("</main>")[0]
    assert f'href="/women/{woman_a.uuid}/"' in page
    her_page = open_her_page(client_for(cast["social"]), woman_a).content.decode()
    assert url in her_page


@pytest.mark.rule("52.2")
@pytest.mark.rule("52.1")
def test_a_changed_carer_or_place_needs_the_carer_and_her_to_confirm_it_again(cast, woman_a, baby):
    """The carer's confirmation and her consultation were given on a plan: a new carer or
    place clears them, so the child can't leave on a plan nobody confirmed."""
    social = cast["social"]
    today = timezone.localdate()
    decide(social, woman_a, child=baby, outcome="apart", reasons="Her aunt can care.")
    plan_separation(
        by=social, child=baby, **{**PLAN, "care_confirmed_on": today, "her_consulted_on": today}
    )
    plan = plan_separation(by=social, child=baby, carer="A neighbour", location="Mae Sot")
    assert plan.care_confirmed_on is None and plan.her_consulted_on is None
    with refusals.refused("52.2", Separation):
        separate_child(by=social, child=baby)
    nothing_changed(baby, woman_a)

    plan = plan_separation(by=social, child=baby, transition="Day visits for a month.")
    assert plan.care_confirmed_on is None  # the carer is not asked again about the transition
    plan = plan_separation(by=social, child=baby, care_confirmed_on=today, her_consulted_on=today)
    assert plan.care_confirmed_on == today and plan.her_consulted_on == today
