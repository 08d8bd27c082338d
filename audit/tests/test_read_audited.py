"""A confidential read and its audit row commit together, or the read fails: when the audit
row can't be written, the health file, a complaint and her children's identities are not
shown, on pages or the API, and the answer is a plain 503 (Mandela Rule 6; Rules 3.2, 8,
25)."""

import pytest
from django.db import DatabaseError
from django.urls import reverse

from audit.models import AuditEvent
from complaints.tests.factories import complaint
from conftest import client_for
from register.services import record_child
from register.tests.factories import child_fields
from tests.versions import VersionedAPIClient

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.rule("3.2"),
    pytest.mark.rule("8"),
    pytest.mark.rule("25"),
]
CANARY = "Canaryread"


def fail(*args, **kwargs):
    raise DatabaseError("disk full")


@pytest.fixture
def audit_down(monkeypatch):
    monkeypatch.setattr(AuditEvent.objects, "create", fail)


def api(user) -> VersionedAPIClient:
    client = VersionedAPIClient()
    client.force_authenticate(user)
    return client


def unshown(answer) -> str:
    body = answer.content.decode()
    assert answer.status_code == 503
    assert "audit trail" in body and CANARY not in body
    return body


def test_her_childrens_identities_are_not_shown_unaudited(cast, woman_a, monkeypatch):
    record_child(by=cast["social"], mother=woman_a, **child_fields(given_names=CANARY))
    monkeypatch.setattr(AuditEvent.objects, "create", fail)
    body = unshown(api(cast["social"]).get(f"/api/v1/prisoners/{woman_a.uuid}/children/"))
    assert body.startswith("{")
    # Her page lists the section; the section, read when it is opened, is what fails.
    page = client_for(cast["social"]).get(f"/women/{woman_a.uuid}/sections/children/")
    assert unshown(page) and page["Content-Type"].startswith("text/plain")


@pytest.fixture
def lodged(cast, woman_a):
    return complaint(cast["safeguarding"], woman_a, narrative=f"{CANARY} took my letters.")


def test_a_complaint_is_not_shown_unaudited(cast, lodged, monkeypatch):
    reads = AuditEvent.objects.filter(action="complaints.read").count()
    monkeypatch.setattr(AuditEvent.objects, "create", fail)
    unshown(api(cast["safeguarding"]).get(f"/api/v1/complaints/{lodged.uuid}/"))
    unshown(client_for(cast["safeguarding"]).get(reverse("complaints:detail", args=[lodged.uuid])))
    assert AuditEvent.objects.filter(action="complaints.read").count() == reads


def test_the_clinical_file_is_not_shown_unaudited(cast, woman_a, audit_down):
    page = client_for(cast["health"]).get(reverse("health:file", args=[woman_a.uuid]))
    assert page.content.decode() == unshown(page)
    assert woman_a.family_name not in page.content.decode()


def test_with_the_audit_trail_up_the_read_is_shown_and_recorded(cast, lodged):
    answer = api(cast["safeguarding"]).get(f"/api/v1/complaints/{lodged.uuid}/")
    assert answer.status_code == 200 and CANARY in answer.content.decode()
    row = AuditEvent.objects.filter(action="complaints.read").latest("id")
    assert row.disclosed == [str(lodged.uuid)]
