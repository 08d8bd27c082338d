"""The account pages of the Django admin, as the system administrator (QUALITY S13)."""

import pytest
from django.contrib.sessions.models import Session

from audit.models import AuditEvent
from conftest import client_for
from facilities.scope import facilities_of
from staff.models import AccessChange, Gender, TrainingRecord, User
from staff.services import confirm
from staff.signals import credentials_changed
from staff.tests.factories import make_staff
from tests.her_page import open_her_page

pytestmark = pytest.mark.django_db

NO_TRAINING = {
    "training_records-TOTAL_FORMS": "0",
    "training_records-INITIAL_FORMS": "0",
    "employment-TOTAL_FORMS": "0",
    "employment-INITIAL_FORMS": "0",
}


def account(user, **changes) -> dict:
    """The change form as it stands for `user`, with `changes`."""
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "gender": user.gender,
        "role": user.role_code,
        "facilities": [f.pk for f in facilities_of(user)],
        "is_active": "on",
        **NO_TRAINING,
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def edit(by, user, **changes):
    return client_for(by).post(f"/admin/staff/user/{user.pk}/change/", account(user, **changes))


def pending(user) -> set:
    return {
        (c.kind, c.new_value or (c.facility and c.facility.code) or c.course)
        for c in AccessChange.objects.filter(subject=user, status="pending")
    }


def fresh(user) -> User:
    return User.objects.get(pk=user.pk)


def test_a_new_account_has_no_access_until_a_governor_confirms_each_grant(cast, facility_b):
    response = client_for(cast["sysadmin"]).post(
        "/admin/staff/user/add/",
        {
            "username": "newofficer",
            "first_name": "Noy",
            "last_name": "Win",
            "gender": "woman",
            "usable_password": "true",
            "password1": "a long enough pass phrase",
            "password2": "a long enough pass phrase",
            "role": "custody",
            "facilities": [facility_b.pk],
            **NO_TRAINING,
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    user = User.objects.get(username="newofficer")
    assert user.role is None and not facilities_of(user).exists()
    assert user.gender == Gender.UNDISCLOSED
    assert pending(user) == {("role", "custody"), ("facility", "B"), ("gender", "woman")}
    assert not user.is_staff and not user.is_superuser
    requested = AuditEvent.objects.filter(action="staff.change_requested", subject_id=user.pk)
    assert requested.count() == 3 and {e.actor for e in requested} == {cast["sysadmin"]}

    governor_b = make_staff("governor", facility_b, username="governor_b")
    for change in AccessChange.objects.filter(subject=user):
        confirm(change=change, by=governor_b)
    user = fresh(user)
    assert user.role.code == "custody" and list(facilities_of(user)) == [facility_b]
    assert user.gender == Gender.WOMAN


def test_the_sysadmin_cannot_make_anyone_a_superuser(cast, facility_a):
    target = cast["custody"]
    response = edit(cast["sysadmin"], target, is_superuser="on", is_staff="on", groups=[])
    assert response.status_code == 302, response.context["adminform"].form.errors
    target.refresh_from_db()
    assert not target.is_superuser and not target.is_staff


def test_a_superuser_is_neither_listed_nor_editable_in_the_admin(cast):
    root = User.objects.create_superuser("root", password="a long enough pass phrase")
    client = client_for(cast["sysadmin"])
    assert "root" not in client.get("/admin/staff/user/").content.decode()
    assert client.get(f"/admin/staff/user/{root.pk}/change/").status_code == 302  # no such
    response = client.post(
        f"/admin/staff/user/{root.pk}/password/",
        {
            "password1": "another pass phrase",
            "password2": "another pass phrase",
            "usable_password": "true",
        },
    )
    assert response.status_code in (302, 404)
    root.refresh_from_db()
    assert root.check_password("a long enough pass phrase")


def test_taking_a_facility_away_takes_its_women_away_at_once(cast, facility_a, woman_a):
    target = cast["custody"]
    edit(cast["sysadmin"], target, facilities=[])
    target = fresh(target)
    assert not facilities_of(target).exists()
    assert open_her_page(client_for(target), woman_a).status_code == 404
    assert AuditEvent.objects.filter(action="staff.facility_unassigned", subject_id=target.pk)


def test_the_account_pages_show_no_case_data(cast, woman_a):
    body = client_for(cast["sysadmin"]).get("/admin/").content.decode()
    assert "Prisoner" not in body and "Srisuk" not in body


@pytest.mark.parametrize(
    "changes",
    [
        {"role": "health"},
        {"facilities": "FACILITY_A"},
        {"gender": "man"},
        {"role": "health", "facilities": "FACILITY_A"},
    ],
)
def test_the_sysadmin_cannot_change_her_own_role_facilities_or_gender(cast, facility_a, changes):
    admin = cast["sysadmin"]
    changes = {k: [facility_a.pk] if v == "FACILITY_A" else v for k, v in changes.items()}
    response = edit(admin, admin, **changes)
    assert response.status_code == 200
    assert "You can&#x27;t change your own role, facilities or recorded gender" in (
        response.content.decode()
    )
    admin = fresh(admin)
    assert admin.role.code == "sysadmin" and not facilities_of(admin).exists()
    assert admin.gender == Gender.WOMAN
    assert not AccessChange.objects.filter(subject=admin).exclude(trusted=True).exists()
    assert not AuditEvent.objects.filter(action="staff.change_requested").exists()


def test_the_sysadmin_can_still_edit_her_own_name(cast):
    admin = cast["sysadmin"]
    assert edit(admin, admin, first_name="Anong").status_code == 302
    assert fresh(admin).first_name == "Anong"


def test_a_new_gender_for_another_officer_waits_for_a_governor(cast):
    officer = cast["custody"]
    assert edit(cast["sysadmin"], officer, gender="man").status_code == 302
    assert fresh(officer).gender == Gender.WOMAN
    assert pending(officer) == {("gender", "man")}
    page = client_for(cast["sysadmin"]).get(f"/admin/staff/user/{officer.pk}/change/")
    assert "Recorded gender: Man" in page.content.decode()  # she sees it waiting
    # Saving the form again asks for nothing new.
    assert edit(cast["sysadmin"], officer, gender="man").status_code == 302
    assert AccessChange.objects.filter(subject=officer, status="pending").count() == 1


def test_a_second_different_role_change_waits_for_the_first(cast):
    officer = cast["custody"]
    edit(cast["sysadmin"], officer, role="health")
    response = edit(cast["sysadmin"], officer, role="social")
    assert response.status_code == 200
    assert "already waiting for confirmation" in response.content.decode()
    assert pending(officer) == {("role", "health")}


def test_training_is_not_added_or_changed_in_the_admin(cast):
    officer = cast["custody"]
    record = TrainingRecord.objects.create(
        user=officer, course="search_methods", completed="2026-01-05"
    )
    client = client_for(cast["sysadmin"])
    refused = (403, 404)  # refused, whichever way refusals are shown
    assert client.get("/admin/staff/trainingrecord/add/").status_code in refused
    assert client.post("/admin/staff/trainingrecord/add/", {}).status_code in refused
    response = client.post(
        f"/admin/staff/trainingrecord/{record.pk}/change/",
        {"user": officer.pk, "course": "search_methods", "completed": "2020-01-01"},
    )
    assert response.status_code in refused
    # Nor through the account's inline.
    edit(
        cast["sysadmin"],
        officer,
        **{
            "training_records-TOTAL_FORMS": "1",
            "training_records-0-course": "child_searches",
            "training_records-0-completed": "2020-01-01",
        },
    )
    assert list(TrainingRecord.objects.values_list("course", flat=True)) == ["search_methods"]


def test_no_bulk_action_changes_accounts(cast):
    officer = cast["custody"]
    response = client_for(cast["sysadmin"]).post(
        "/admin/staff/user/",
        {"action": "delete_selected", "_selected_action": [officer.pk], "post": "yes"},
    )
    assert response.status_code in (200, 302)
    assert User.objects.filter(pk=officer.pk, is_active=True).exists()


def test_a_password_reset_forces_a_new_one_and_ends_her_sessions(
    cast, django_capture_on_commit_callbacks
):
    officer = cast["custody"]
    signed_in = client_for(officer)
    assert signed_in.get("/").status_code == 200
    heard = []
    credentials_changed.connect(lambda **kw: heard.append(kw), weak=False, dispatch_uid="t1")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = client_for(cast["sysadmin"]).post(
                f"/admin/staff/user/{officer.pk}/password/",
                {
                    "password1": "temporary pass phrase 1",
                    "password2": "temporary pass phrase 1",
                    "usable_password": "true",
                },
            )
    finally:
        credentials_changed.disconnect(dispatch_uid="t1")
    assert response.status_code == 302
    officer = fresh(officer)
    assert officer.must_change_password and officer.check_password("temporary pass phrase 1")
    assert not [
        s for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == str(officer.pk)
    ]
    assert signed_in.get("/").status_code == 302  # signed out
    assert [(h["user"], h["reason"]) for h in heard] == [(officer, "reset")]
    assert AuditEvent.objects.filter(
        action="staff.password_reset", subject_id=officer.pk, actor=cast["sysadmin"]
    ).exists()


def test_the_sysadmin_does_not_reset_her_own_password_on_the_reset_form(cast):
    admin = cast["sysadmin"]
    response = client_for(admin).post(
        f"/admin/staff/user/{admin.pk}/password/",
        {
            "password1": "new pass phrase here",
            "password2": "new pass phrase here",
            "usable_password": "true",
        },
    )
    assert response.status_code == 200
    admin = fresh(admin)
    assert not admin.must_change_password
    assert admin.check_password("correct horse battery staple")


def test_deactivating_an_account_ends_her_sessions(cast, django_capture_on_commit_callbacks):
    officer = cast["custody"]
    client_for(officer).get("/")
    heard = []
    credentials_changed.connect(lambda **kw: heard.append(kw), weak=False, dispatch_uid="t2")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = edit(cast["sysadmin"], officer, is_active=None)
    finally:
        credentials_changed.disconnect(dispatch_uid="t2")
    assert response.status_code == 302
    assert not fresh(officer).is_active
    assert not [
        s for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == str(officer.pk)
    ]
    assert [h["reason"] for h in heard] == ["deactivated"]
    assert AuditEvent.objects.filter(action="staff.deactivated", subject_id=officer.pk).exists()


def test_taking_a_role_away_takes_effect_at_once(cast, woman_a):
    officer = cast["custody"]
    assert edit(cast["sysadmin"], officer, role="").status_code == 302
    officer = fresh(officer)
    assert officer.role is None
    assert open_her_page(client_for(officer), woman_a).status_code == 404
    assert AuditEvent.objects.filter(action="staff.role_removed", subject_id=officer.pk).exists()
    assert not AccessChange.objects.filter(subject=officer, status="pending").exists()
