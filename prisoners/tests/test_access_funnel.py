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


@pytest.mark.parametrize("role", ["custody", "governor", "outsider", "sysadmin", "unassigned"])
def test_her_account_as_a_request_reads_it_finds_whom_the_funnel_finds(
    cast, woman_a, woman_b, role
):
    """A request's account carries her facilities' ids, and the funnel's read of one woman
    then runs SQL written once (`bangkok.prepared`): it finds exactly whom the query built
    each time finds, and no one else."""
    from staff.backends import StaffBackend

    as_signed_in = StaffBackend().get_user(cast[role].pk)
    read_otherwise = type(cast[role]).objects.get(pk=cast[role].pk)
    for woman in (woman_a, woman_b):
        answers = []
        for user in (as_signed_in, read_otherwise):
            try:
                answers.append(access_prisoner(user, woman.uuid))
            except Http404:
                answers.append(None)
        assert answers[0] == answers[1]
        expected = woman in prisoners_visible_to(read_otherwise)
        assert (answers[0] == woman) is expected
        if expected:
            assert answers[0].facility == woman.facility  # her related rows read with her
            assert answers[0].flags.pk == woman.pk
