"""A clinical restriction on restraints (Rule 24; Mandela 47-49): health staff record it for
an injury, a disability, a mental-health reason or a medical condition; it sets the same flags
a pregnancy, labour or a birth sets, so the flag never tells which; the reason stays in her
file."""

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from conftest import client_for
from health.models import RestraintRestriction
from health.services.care import end_restraint_restriction, restrict_restraints
from tests.her_page import open_her_page

pytestmark = pytest.mark.django_db
NOTE = "Fractured left wrist, cast until review"


def flags(woman):
    woman.flags.refresh_from_db()
    return woman.flags


@pytest.mark.rule("24")
def test_health_staff_record_it_and_the_flag_follows_until_it_ends(cast, woman_a):
    limited = restrict_restraints(
        by=cast["health"], prisoner=woman_a, limit="health_approval", reason="injury", note=NOTE
    )
    assert flags(woman_a).restraint_health_approval and not flags(woman_a).no_restraint_obstetric
    banned = restrict_restraints(
        by=cast["health"], prisoner=woman_a, limit="no_restraints", reason="mental_health"
    )
    assert flags(woman_a).no_restraint_obstetric
    end_restraint_restriction(by=cast["health"], restriction=banned)
    assert not flags(woman_a).no_restraint_obstetric
    assert flags(woman_a).restraint_health_approval  # the other one is still in force
    end_restraint_restriction(by=cast["health"], restriction=limited)
    assert not flags(woman_a).restraint_health_approval
    change = AuditEvent.objects.filter(action="prisoner.flags_changed").first()
    assert "injury" not in str(change.detail) and NOTE not in str(change.detail)


@pytest.mark.rule("24")
def test_through_the_page_and_the_api(cast, woman_a):
    nurse = client_for(cast["health"])
    done = nurse.post(
        reverse("health:restrict-restraints", args=[woman_a.uuid]),
        {"restraint-limit": "no_restraints", "restraint-reason": "disability"},
    )
    assert done.status_code == 302
    restriction = RestraintRestriction.objects.get()
    file_page = nurse.get(reverse("health:file", args=[woman_a.uuid])).content.decode()
    assert "A disability" in file_page
    empty = nurse.post(reverse("health:restrict-restraints", args=[woman_a.uuid]), {})
    assert empty.status_code == 400 and RestraintRestriction.objects.count() == 1
    ended = nurse.post(f"/api/v1/restraint-restrictions/{restriction.uuid}/end/")
    assert ended.status_code == 200 and ended.json()["ended_at"]
    made = nurse.post(
        f"/api/v1/prisoners/{woman_a.uuid}/restraint-restrictions/",
        {"limit": "health_approval", "reason": "medical_condition", "note": NOTE},
        content_type="application/json",
    )
    assert made.status_code == 201 and made.json()["reason"] == "medical_condition"
    assert flags(woman_a).restraint_health_approval
    body = nurse.get(f"/api/v1/prisoners/{woman_a.uuid}/health/").json()
    assert [r["reason"] for r in body["restraint_restrictions"]] == [
        "medical_condition",
        "disability",
    ]


@pytest.mark.rule("24")
@pytest.mark.rule("8")
@pytest.mark.parametrize("role", ["custody", "governor", "reception", "inspector"])
def test_only_health_staff_record_it_and_nothing_is_written_otherwise(role, cast, woman_a):
    client = client_for(cast[role])
    page = client.post(
        reverse("health:restrict-restraints", args=[woman_a.uuid]),
        {"restraint-limit": "no_restraints", "restraint-reason": "injury"},
    )
    api = client.post(
        f"/api/v1/prisoners/{woman_a.uuid}/restraint-restrictions/",
        {"limit": "no_restraints", "reason": "injury"},
        content_type="application/json",
    )
    assert page.status_code == 404 and api.status_code in (403, 404)
    assert not RestraintRestriction.objects.exists()
    assert not flags(woman_a).no_restraint_obstetric
    assert not AuditEvent.objects.filter(action__startswith="health.restraint").exists()


@pytest.mark.rule("24")
@pytest.mark.rule("8")
def test_custody_see_the_restriction_where_they_restrain_never_its_reason(cast, woman_a):
    restrict_restraints(
        by=cast["health"], prisoner=woman_a, limit="no_restraints", reason="injury", note=NOTE
    )
    custody = client_for(cast["custody"])
    for url in (
        reverse("prisoners:detail", args=[woman_a.uuid]),
        reverse("restraints:apply", args=[woman_a.uuid]),
        reverse("prisoners:list"),
        f"/api/v1/prisoners/{woman_a.uuid}/",
    ):
        body = custody.get(url).content.decode()
        assert NOTE not in body and "An injury" not in body
    her_page = open_her_page(custody, woman_a).content.decode()
    assert "No restraints" in her_page  # her restraints section says what she may not do
