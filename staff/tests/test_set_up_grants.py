"""The set-up path that grants many new accounts at once writes what granting them one by one
writes: the confirmed changes, the role, the facility, the audit rows."""

import pytest

from audit.models import AuditEvent
from facilities.scope import facilities_of
from staff.models import AccessChange
from staff.services import grant_confirmed, grant_confirmed_to_new
from staff.tests.factories import UserFactory


def _kept(user):
    changes = AccessChange.objects.filter(subject=user).order_by("kind")
    audits = AuditEvent.objects.filter(subject_type="staff.user", subject_id=str(user.pk))
    return {
        "changes": [
            (c.kind, c.status, c.trusted, c.old_value, c.new_value, c.facility_id, c.reason)
            for c in changes
        ],
        "audit": sorted(
            (a.action, a.facility_id or 0, a.detail["kind"], a.detail.get("to", "")) for a in audits
        ),
        "role": user.role_code,
        "is_staff": user.is_staff,
        "facilities": list(facilities_of(user).values_list("pk", flat=True)),
    }


@pytest.mark.parametrize("role", ["custody", "sysadmin"])
def test_granting_many_new_accounts_at_once_keeps_what_one_by_one_keeps(facility_a, role):
    one, many = UserFactory(), UserFactory()
    facilities = [facility_a] if role != "sysadmin" else []

    grant_confirmed(user=one, role=role, facilities=facilities, reason="set-up")
    grant_confirmed_to_new(grants=[(many, role, facilities)], reason="set-up")

    one.refresh_from_db()
    many.refresh_from_db()
    assert _kept(one) == _kept(many)
    assert _kept(many)["role"] == role


def test_the_bulk_path_refuses_an_account_that_has_a_role_already(facility_a):
    user = UserFactory()
    grant_confirmed(user=user, role="custody", facilities=[facility_a])

    with pytest.raises(ValueError):
        grant_confirmed_to_new(grants=[(user, "health", [facility_a])])

    assert AccessChange.objects.filter(subject=user).count() == 2
