import pytest
from django.http import Http404

from prisoners.permissions import access_prisoner, prisoners_visible_to

pytestmark = pytest.mark.django_db


def test_a_user_sees_the_women_of_her_own_facility_only(cast, woman_a, woman_b):
    assert list(prisoners_visible_to(cast["custody"])) == [woman_a]
    assert list(prisoners_visible_to(cast["outsider"])) == [woman_b]


def test_a_user_assigned_to_no_facility_sees_nobody(cast, woman_a, woman_b):
    assert not prisoners_visible_to(cast["unassigned"]).exists()


def test_the_sysadmin_sees_no_woman_at_all(cast, woman_a):
    assert not prisoners_visible_to(cast["sysadmin"]).exists()
    with pytest.raises(Http404):
        access_prisoner(cast["sysadmin"], woman_a.uuid)


def test_another_facilitys_woman_is_not_found_rather_than_forbidden(cast, woman_b):
    with pytest.raises(Http404):
        access_prisoner(cast["governor"], woman_b.uuid)


def test_a_global_permission_does_not_widen_the_scope(cast, woman_b):
    from guardian.shortcuts import assign_perm

    user = cast["custody"]
    assign_perm("facilities.work_in_facility", user)  # global, not on a facility
    user = type(user).objects.get(pk=user.pk)
    assert woman_b not in prisoners_visible_to(user)


@pytest.mark.parametrize(
    "role", ["reception", "custody", "health", "social", "safeguarding", "governor", "inspector"]
)
def test_every_case_role_reads_a_woman_in_scope(cast, woman_a, role):
    assert access_prisoner(cast[role], woman_a.uuid) == woman_a


def test_an_inactive_account_sees_nobody(cast, woman_a):
    user = cast["custody"]
    user.is_active = False
    user.save(update_fields=["is_active"])
    assert not prisoners_visible_to(user).exists()
