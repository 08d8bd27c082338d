import pytest

from conftest import client_for
from prisoners.permissions import facilities_of
from staff.models import User

pytestmark = pytest.mark.django_db


def test_the_sysadmin_creates_an_account_with_a_role_and_a_facility(cast, facility_b):
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
            "training_records-TOTAL_FORMS": "0",
            "training_records-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    user = User.objects.get(username="newofficer")
    assert user.role.code == "custody"
    assert list(facilities_of(user)) == [facility_b]
    assert not user.is_staff and not user.is_superuser


def test_the_sysadmin_cannot_make_anyone_a_superuser(cast, facility_a):
    target = cast["custody"]
    client = client_for(cast["sysadmin"])
    response = client.post(
        f"/admin/staff/user/{target.pk}/change/",
        {
            "username": target.username,
            "gender": "woman",
            "role": "custody",
            "facilities": [facility_a.pk],
            "is_active": "on",
            "is_superuser": "on",
            "is_staff": "on",
            "groups": [],
            "training_records-TOTAL_FORMS": "0",
            "training_records-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    target.refresh_from_db()
    assert not target.is_superuser and not target.is_staff


def test_taking_a_facility_away_takes_its_women_away(cast, facility_a, woman_a):
    target = cast["custody"]
    client_for(cast["sysadmin"]).post(
        f"/admin/staff/user/{target.pk}/change/",
        {
            "username": target.username,
            "gender": "woman",
            "role": "custody",
            "is_active": "on",
            "training_records-TOTAL_FORMS": "0",
            "training_records-INITIAL_FORMS": "0",
        },
    )
    target = User.objects.get(pk=target.pk)
    assert not facilities_of(target).exists()
    assert client_for(target).get(f"/women/{woman_a.uuid}/").status_code == 404


def test_the_account_pages_show_no_case_data(cast, woman_a):
    body = client_for(cast["sysadmin"]).get("/admin/").content.decode()
    assert "Prisoner" not in body and "Srisuk" not in body
