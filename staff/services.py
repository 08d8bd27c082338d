"""Staff account verbs: roles, facility assignments, training records."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from guardian.shortcuts import assign_perm, remove_perm

import audit
from prisoners.models import Facility
from prisoners.permissions import facilities_of

from .models import User
from .roles import ROLES

WORK_IN_FACILITY = "prisoners.work_in_facility"


@transaction.atomic
def sync_roles() -> dict[str, int]:
    """Make one Group per role with exactly the role's permissions. Safe to run again."""
    counts = {}
    for role in ROLES.values():
        group, _created = Group.objects.get_or_create(name=role.code)
        perms = []
        for dotted in role.permissions:
            app_label, codename = dotted.split(".")
            perms.append(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        group.permissions.set(perms)
        counts[role.code] = len(perms)
    return counts


@transaction.atomic
def set_role(*, user: User, role: str, by=None) -> User:
    """Give her exactly one role. Only a sysadmin reaches the admin site (is_staff)."""
    if role not in ROLES:
        raise ValueError(f"Unknown role {role!r}")
    user.groups.set([Group.objects.get(name=role)])
    user.is_staff = ROLES[role].manages_accounts
    user.save(update_fields=["is_staff"])
    user.__dict__.pop("role", None)
    audit.record(by=by, action="staff.role_set", subject=user, detail={"role": role})
    return user


@transaction.atomic
def assign_facility(*, user: User, facility: Facility, by=None) -> None:
    """She will see the women of this facility (if her role reads case data)."""
    assign_perm(WORK_IN_FACILITY, user, facility)
    audit.record(by=by, action="staff.facility_assigned", subject=user, facility=facility)


@transaction.atomic
def unassign_facility(*, user: User, facility: Facility, by=None) -> None:
    remove_perm(WORK_IN_FACILITY, user, facility)
    audit.record(by=by, action="staff.facility_unassigned", subject=user, facility=facility)


@transaction.atomic
def set_facilities(*, user: User, facilities, by=None) -> None:
    """Make her facility assignments exactly `facilities`, auditing each change."""
    wanted = set(facilities)
    current = set(facilities_of(user))
    for facility in wanted - current:
        assign_facility(user=user, facility=facility, by=by)
    for facility in current - wanted:
        unassign_facility(user=user, facility=facility, by=by)
