"""The Django admin is no side door to a child's record (Rules 3.2, 52): it manages accounts
and facilities only, so no case record, the child's least of all, can be read or changed
there, and the sysadmin can't hand a role the right to read children's identities."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, Permission

from audit.models import AuditEvent
from bangkok.versions import Versioned
from conftest import client_for
from prisoners.models import Prisoner, ProtectionFlags
from register.models import Child, Separation
from register.permissions import READ_IDENTITY
from register.tests.factories import child_fields, with_her
from staff.tests.factories import make_staff
from tests.refusals import nothing_written

pytestmark = pytest.mark.django_db

# What the administrator manages: accounts, their sign-in and lockouts, facilities.
ADMINISTERED = {"auth", "axes", "staff", "facilities", "signin"}


@pytest.fixture
def child(cast, woman_a):
    return with_her(
        cast["reception"], woman_a, social=cast["social"], **child_fields(lives_with_mother=True)
    )


def test_no_case_record_is_registered_in_the_admin():
    registered = set(admin.site._registry)
    assert {model._meta.app_label for model in registered} <= ADMINISTERED
    assert not {Child, Separation, Prisoner, ProtectionFlags} & registered
    assert not [model for model in registered if issubclass(model, Versioned)]


@pytest.mark.rule("52")
@pytest.mark.parametrize("who", ["sysadmin", "social", "governor"])
def test_a_child_can_not_be_read_nor_switched_away_from_her_in_the_admin(cast, child, who):
    client = client_for(cast[who])
    base = "/admin/register/child/"
    change = f"{base}{child.pk}/change/"
    index = client.get("/admin/")
    assert child.given_names not in index.content.decode()
    assert "/admin/register/" not in index.content.decode()
    for url in (base, change, f"{base}add/"):
        assert client.get(url).status_code in (302, 404)
    with nothing_written(Child, Separation):
        posted = client.post(change, {"lives_with_mother": "", "location": "Elsewhere"})
    assert posted.status_code in (302, 404)
    if posted.status_code == 302:  # a role without the admin is sent to sign in there
        assert "/admin/login/" in posted["Location"]
    child.refresh_from_db()
    assert child.lives_with_mother and child.location != "Elsewhere" and child.version == 1


@pytest.mark.rule("3.2")
def test_the_admin_can_not_give_a_role_the_right_to_read_childrens_identities(cast):
    group = Group.objects.get(name="custody")
    before = set(group.permissions.values_list("pk", flat=True))
    read_identity = Permission.objects.get(
        content_type__app_label="register", codename=READ_IDENTITY.split(".")[1]
    )
    assert read_identity.pk not in before
    client = client_for(cast["sysadmin"])
    assert client.get(f"/admin/auth/group/{group.pk}/change/").status_code == 200  # read only
    answer = client.post(
        f"/admin/auth/group/{group.pk}/change/",
        {"name": group.name, "permissions": [*before, read_identity.pk]},
    )
    assert answer.status_code in (403, 404)  # refused, as a missing page or a forbidden one
    assert set(group.permissions.values_list("pk", flat=True)) == before
    assert not AuditEvent.objects.filter(action__startswith="register.").exists()


@pytest.mark.rule("3.2")
def test_a_superuser_never_reaches_the_admin_on_the_web(cast, child):
    root = make_staff("sysadmin", is_superuser=True)
    client = client_for(root)
    answer = client.get(f"/admin/register/child/{child.pk}/change/")
    assert answer.status_code != 200
    assert child.given_names not in answer.content.decode()
