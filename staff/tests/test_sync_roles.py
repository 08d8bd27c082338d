import pytest
from django.contrib.auth.models import Group

from staff.roles import ROLES
from staff.services import sync_roles

pytestmark = pytest.mark.django_db


def test_every_role_is_a_group_with_exactly_its_permissions():
    sync_roles()
    for code, role in ROLES.items():
        group = Group.objects.get(name=code)
        granted = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
        assert granted == set(role.permissions)


def test_running_it_twice_changes_nothing():
    first = sync_roles()
    assert sync_roles() == first
    assert Group.objects.filter(name__in=ROLES).count() == len(ROLES)


def test_the_inspector_can_read_but_writes_only_her_inspections():
    """Rule 25.3: she records her visits, their findings and recommendations; no case record of
    any area."""
    perms = ROLES["inspector"].permissions
    assert "prisoners.view_prisoner" in perms
    writes = [p for p in perms if p.split(".")[1].startswith(("add_", "change_", "delete_"))]
    assert writes and {p.split(".")[0] for p in writes} == {"inspections"}
    assert "inspections.add_actionplan" not in perms
    assert "inspections.add_followup" not in perms


def test_the_sysadmin_holds_no_case_data_permission():
    perms = ROLES["sysadmin"].permissions
    assert not [p for p in perms if p.endswith(("_prisoner", "_protectionflags", "_reminder"))]
    assert not ROLES["sysadmin"].case_data
