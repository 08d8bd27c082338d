import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import client_for
from reminders.models import Reminder
from restraints.models import Device, MethodApproval, Purpose, Restraint
from restraints.services import approve_method, remove_restraint
from tests.her_page import open_her_page

from .factories import ESCORT, protect, restrain

pytestmark = pytest.mark.django_db


def _form(cast, **fields):
    return {**ESCORT, "emergency": "no", "sought_from": cast["governor"].pk, **fields}


def test_the_apply_form_offers_only_approved_devices_allowed_purposes_and_governors(cast, woman_a):
    page = client_for(cast["custody"]).get(f"/restraints/women/{woman_a.uuid}/apply/")

    body = page.content.decode()
    assert page.status_code == 200
    assert set(re.findall(r'name="device" value="(\w+)"', body)) == set(Device.values)
    assert set(re.findall(r'name="purpose" value="(\w+)"', body)) == set(Purpose.values)
    assert "chain" not in body.lower()
    options = page.context["form"].fields["sought_from"].queryset
    assert list(options) == [cast["governor"]]


def test_custody_record_a_restraint_from_the_page(cast, woman_a):
    response = client_for(cast["custody"]).post(
        f"/restraints/women/{woman_a.uuid}/apply/", _form(cast)
    )

    restraint = Restraint.objects.get()
    assert response.status_code == 302
    assert response.url == f"/restraints/{restraint.uuid}/"
    assert restraint.awaits_authority and not restraint.is_applied
    assert restraint.authorised_by is None


@pytest.mark.rule("24")
def test_the_page_shows_the_refusal_under_the_no_restraints_protection(cast, woman_a):
    protect(woman_a, no_restraint_obstetric=True)

    response = client_for(cast["custody"]).post(
        f"/restraints/women/{woman_a.uuid}/apply/", _form(cast)
    )

    assert response.status_code == 400
    assert "&#x27;No restraints&#x27; protection (Rule 24)" in response.content.decode()
    assert not Restraint.objects.exists()


@pytest.mark.rule("24")
def test_the_page_shows_the_refusal_of_a_method_health_did_not_approve(cast, woman_a):
    protect(woman_a, restraint_health_approval=True)
    approve_method(
        by=cast["health"],
        prisoner=woman_a,
        devices=["soft_cuffs"],
        valid_until=timezone.now() + timedelta(days=1),
    )

    response = client_for(cast["custody"]).post(
        f"/restraints/women/{woman_a.uuid}/apply/", _form(cast, device="handcuffs")
    )

    assert response.status_code == 400
    assert "Bangkok Rule 24" in response.content.decode()
    assert "Soft restraint cuffs" in response.content.decode()  # the approved device is shown
    assert not Restraint.objects.exists()


@pytest.mark.rule("M47")
def test_a_device_off_the_list_posted_to_the_page_is_refused(cast, woman_a):
    response = client_for(cast["custody"]).post(
        f"/restraints/women/{woman_a.uuid}/apply/", _form(cast, device="chains")
    )

    assert response.status_code == 400
    assert not Restraint.objects.exists()


def test_the_governor_may_read_but_not_apply(cast, woman_a):
    client = client_for(cast["governor"])

    assert client.get(f"/restraints/women/{woman_a.uuid}/").status_code == 200
    assert client.post(f"/restraints/women/{woman_a.uuid}/apply/", _form(cast)).status_code == 404
    assert not Restraint.objects.exists()


def test_another_facilitys_woman_is_404_on_every_page(cast, woman_b):
    client = client_for(cast["custody"])

    assert client.get(f"/restraints/women/{woman_b.uuid}/").status_code == 404
    assert client.post(f"/restraints/women/{woman_b.uuid}/apply/", {}).status_code == 404


@pytest.mark.rule("M48")
def test_custody_review_and_remove_it_from_its_page(cast, woman_a):
    restraint = restrain(cast, woman_a)
    client = client_for(cast["custody"])

    page = client.get(f"/restraints/{restraint.uuid}/")
    reviewed = client.post(f"/restraints/{restraint.uuid}/review/", {"still_needed": "yes"})
    removed = client.post(f"/restraints/{restraint.uuid}/remove/", {})

    assert "Next review due" in page.content.decode()
    assert reviewed.status_code == 302
    assert removed.status_code == 302
    restraint.refresh_from_db()
    assert restraint.reviews.count() == 1
    assert not restraint.is_applied
    assert not Reminder.objects.open().exists()


def test_a_removal_before_it_was_applied_is_shown_beside_the_form(cast, woman_a):
    restraint = restrain(cast, woman_a, applied_at=timezone.now() - timedelta(minutes=10))
    earlier = (restraint.applied_at - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")

    response = client_for(cast["custody"]).post(
        f"/restraints/{restraint.uuid}/remove/", {"removed_at": earlier}
    )

    assert response.status_code == 400
    assert "before it was applied" in response.content.decode()
    restraint.refresh_from_db()
    assert restraint.is_applied


def test_her_page_shows_the_restraint_on_now_to_those_who_read_restraints(cast, woman_a):
    restrain(cast, woman_a)

    custody = open_her_page(client_for(cast["custody"]), woman_a).content.decode()
    reception = open_her_page(client_for(cast["reception"]), woman_a).content.decode()

    assert 'data-testid="restraint-applied"' in custody
    assert "Review due" in custody
    assert 'data-testid="restraint-applied"' not in reception
    assert "section-restraints" not in reception


@pytest.mark.rule("24")
def test_health_staff_approve_a_method_and_only_they_see_its_conditions(cast, woman_a):
    protect(woman_a, restraint_health_approval=True)
    valid_until = (timezone.now() + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")

    response = client_for(cast["health"]).post(
        f"/restraints/women/{woman_a.uuid}/method-approval/",
        {"devices": ["soft_cuffs"], "conditions": "Canarycondition", "valid_until": valid_until},
    )

    assert response.status_code == 302
    assert MethodApproval.objects.get().devices == ["soft_cuffs"]
    health = open_her_page(client_for(cast["health"]), woman_a).content.decode()
    custody = open_her_page(client_for(cast["custody"]), woman_a).content.decode()
    assert "Canarycondition" in health
    assert "Soft restraint cuffs" in custody
    assert "Canarycondition" not in custody


def test_custody_cannot_approve_a_method(cast, woman_a):
    response = client_for(cast["custody"]).post(
        f"/restraints/women/{woman_a.uuid}/method-approval/", {"devices": ["soft_cuffs"]}
    )

    assert response.status_code == 404
    assert not MethodApproval.objects.exists()


def _page_queries(client, woman) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/restraints/women/{woman.uuid}/").status_code == 200
    return len(queries)


def test_her_restraint_page_costs_the_same_queries_however_many_there_are(cast, woman_a):
    client = client_for(cast["inspector"])
    restraint = restrain(cast, woman_a, applied_at=timezone.now() - timedelta(hours=10))
    remove_restraint(by=cast["custody"], restraint=restraint)
    _page_queries(client, woman_a)
    few = _page_queries(client, woman_a)
    for hours in range(9, 3, -1):
        restraint = restrain(cast, woman_a, applied_at=timezone.now() - timedelta(hours=hours))
        remove_restraint(by=cast["custody"], restraint=restraint)

    assert _page_queries(client, woman_a) == few


@pytest.mark.rule("24")
def test_her_page_says_no_restraint_may_be_used_and_offers_none(cast, woman_a):
    protect(woman_a, no_restraint_obstetric=True)

    page = open_her_page(client_for(cast["custody"]), woman_a).content.decode()

    assert 'data-testid="no-restraints"' in page
    assert f"/restraints/women/{woman_a.uuid}/apply/" not in page


@pytest.mark.rule("24")
def test_her_page_says_when_a_method_approval_is_needed_and_none_is_in_force(cast, woman_a):
    protect(woman_a, restraint_health_approval=True)

    page = open_her_page(client_for(cast["custody"]), woman_a).content.decode()

    assert 'data-testid="approval-needed"' in page


@pytest.mark.rule("24")
def test_under_health_approval_the_form_offers_only_the_approved_methods(cast, woman_a):
    protect(woman_a, restraint_health_approval=True)
    approve_method(
        by=cast["health"],
        prisoner=woman_a,
        devices=["soft_cuffs", "escort_cuff"],
        valid_until=timezone.now() + timedelta(days=1),
    )

    body = client_for(cast["custody"]).get(f"/restraints/women/{woman_a.uuid}/apply/")
    offered = set(re.findall(r'name="device" value="(\w+)"', body.content.decode()))

    assert offered == {"soft_cuffs", "escort_cuff"}
    assert "Only the methods health staff approved for her (Rule 24)." in body.content.decode()


@pytest.mark.rule("24")
def test_under_health_approval_without_an_approval_no_form_is_offered(cast, woman_a):
    protect(woman_a, restraint_health_approval=True)

    body = client_for(cast["custody"]).get(f"/restraints/women/{woman_a.uuid}/apply/")

    html = body.content.decode()
    assert 'data-testid="no-method-approved"' in html and "Bangkok Rule 24" in html
    assert 'name="device"' not in html


@pytest.mark.rule("24")
def test_under_no_restraints_the_apply_page_says_so_instead_of_a_form(cast, woman_a):
    protect(woman_a, no_restraint_obstetric=True)

    html = client_for(cast["custody"]).get(f"/restraints/women/{woman_a.uuid}/apply/")

    assert 'data-testid="no-restraints"' in html.content.decode()
    assert 'name="device"' not in html.content.decode()
