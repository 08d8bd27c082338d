"""Her role and her permissions are read in one statement a request, by session or by API
token, and are what reading them one by one gives."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import ALL_ROLES, CASE_ROLES, client_for
from signin.tests.factories import token_for
from staff.backends import StaffBackend
from staff.models import User

pytestmark = pytest.mark.django_db


def one_by_one(user) -> tuple:
    """Her role from her groups, her permissions from her own and her groups', by the ORM."""
    from django.contrib.auth.models import Permission
    from django.db.models import Q

    from staff.roles import ROLES

    names = user.groups.filter(name__in=ROLES).values_list("name", flat=True)
    role = next((ROLES[name] for name in names), None)
    rows = (
        Permission.objects.filter(Q(user=user) | Q(group__user=user))
        .values_list("content_type__app_label", "codename")
        .distinct()
    )
    return role, {f"{app}.{codename}" for app, codename in rows}


@pytest.mark.parametrize("role", ALL_ROLES)
def test_the_session_reads_her_role_and_permissions_with_her_account(cast, role):
    user = StaffBackend().get_user(cast[role].pk)
    if role == "sysadmin":
        assert user is not None and user.role.code == "sysadmin"
    assert (user.role, user.get_all_permissions()) == one_by_one(cast[role])
    fresh = User.objects.get(pk=cast[role].pk)  # her role asked first, then her permissions
    assert (fresh.role, fresh.get_all_permissions()) == one_by_one(cast[role])
    assert user.role is not None and user.get_all_permissions()


@pytest.mark.parametrize("role", CASE_ROLES)
def test_a_token_brings_her_role_and_permissions_with_her_account(cast, role):
    from signin.tokens import usable_token

    owner = usable_token(token_for(cast[role])).owner
    assert owner == cast[role]
    assert (owner.role, owner.get_all_permissions()) == one_by_one(cast[role])
    assert owner.role is not None and owner.get_all_permissions()


@pytest.mark.parametrize("who", [*ALL_ROLES, "outsider", "unassigned"])
def test_her_facilities_are_read_with_her_account_as_her_assignments_give_them(cast, who):
    from facilities.scope import ASSIGNED, facilities_of

    signed_in = StaffBackend().get_user(cast[who].pk)
    fresh = User.objects.get(pk=cast[who].pk)
    assert not hasattr(fresh, ASSIGNED)  # read any other way, she is asked each time
    expected = {"sysadmin": [], "unassigned": [], "outsider": ["B"]}.get(who, ["A"])
    for user in (signed_in, fresh):
        assert [f.code for f in facilities_of(user).order_by("code")] == expected


def test_her_facilities_are_those_of_the_request_she_was_read_in(cast, facility_b):
    """A grant made during a request counts from her next request, as her permissions do."""
    from guardian.shortcuts import assign_perm

    from facilities.scope import WORK_IN_FACILITY, facilities_of

    user = StaffBackend().get_user(cast["custody"].pk)
    assign_perm(WORK_IN_FACILITY, cast["custody"], facility_b)
    assert [f.code for f in facilities_of(user)] == ["A"]
    again = StaffBackend().get_user(cast["custody"].pk)
    assert sorted(f.code for f in facilities_of(again)) == ["A", "B"]


def test_an_account_without_a_role_or_a_permission_reads_as_such(cast):
    user = cast["custody"]
    user.groups.clear()
    signed_in = StaffBackend().get_user(user.pk)
    assert signed_in.role is None and signed_in.get_all_permissions() == set()


def test_an_inactive_account_or_a_superuser_is_no_session_user(cast):
    User.objects.filter(pk=cast["custody"].pk).update(is_active=False)
    superuser = User.objects.create_superuser("root", "root@example.org", "x" * 16)
    assert StaffBackend().get_user(cast["custody"].pk) is None
    assert StaffBackend().get_user(superuser.pk) is None


TOKEN_TABLES = ["signin_apitoken", "staff_user", "axes_accessattempt", "auth_permission"]


def queries(client, url, **headers) -> list[str]:
    with CaptureQueriesContext(connection) as asked:
        assert client.get(url, **headers).status_code == 404
    return [query["sql"] for query in asked.captured_queries]


def test_a_page_asks_her_session_then_her_account_with_her_access_then_its_own(cast):
    client = client_for(cast["custody"])
    asked = queries(client, f"/women/{uuid.uuid4()}/")
    assert len(asked) == 3, "\n".join(q[:300] for q in asked)
    assert "django_session" in asked[0]
    assert all(table in asked[1] for table in ["staff_user", "auth_group", "auth_permission"])
    assert "prisoners" in asked[2]


def test_an_api_call_by_token_asks_her_token_her_access_then_its_own(cast):
    from django.test import Client

    key = token_for(cast["custody"])
    asked = queries(
        Client(), f"/api/v1/prisoners/{uuid.uuid4()}/", HTTP_AUTHORIZATION=f"Token {key}"
    )
    # Her token, account, failed sign-ins and access in one statement, then the lookup.
    assert len(asked) == 2, "\n".join(q[:200] for q in asked)
    assert all(table in asked[0] for table in TOKEN_TABLES), asked[0]
    assert "prisoners" in asked[1]


def test_accounts_by_username_are_read_as_the_session_reads_hers(cast):
    """`accounts` (the demo's staff, `seed_demo`): every account named, each with her role,
    permissions and facilities, in one statement, as `get_user` gives them."""
    from facilities.scope import ASSIGNED
    from staff.backends import accounts

    names = [cast[who].username for who in [*ALL_ROLES, "outsider"]]
    with CaptureQueriesContext(connection) as queries:
        found = accounts([*names, "nobody"])
    assert len(queries) == 1
    assert sorted(found) == sorted(names)
    for user in found.values():
        session = StaffBackend().get_user(user.pk)
        assert (user.role, user.get_all_permissions()) == (
            session.role,
            session.get_all_permissions(),
        )
        assert getattr(user, ASSIGNED) == getattr(session, ASSIGNED)
