"""Rule 33.1: staff assigned to work with women prisoners are trained in their rights and
gender-specific needs. Posting someone without that training to a facility warns the governor
who confirms it, or, where the service refuses such postings
(`POSTING_WITHOUT_WOMENS_TRAINING = "refuse"`), is refused at every door: the request, the
confirmation (a training may expire in between), the account form and the trusted set-up."""

from datetime import timedelta

import pytest
from django.utils import timezone

from audit.models import AuditEvent
from conftest import client_for
from facilities.scope import facilities_of
from searches.tests.factories import trained
from staff import services
from staff.models import AccessChange, Course, Employment, User
from staff.tests.factories import UserFactory, make_staff
from tests import refusals

pytestmark = pytest.mark.django_db

WOMENS_NEEDS = Course.WOMENS_NEEDS


@pytest.fixture
def refuse(settings):
    settings.POSTING_WITHOUT_WOMENS_TRAINING = "refuse"


@pytest.fixture
def newcomer(facility_a):
    """A custody officer with no facility yet and no training."""
    return make_staff("custody", username="newcomer")


@pytest.mark.rule("33.1")
def test_posting_an_untrained_officer_is_refused_naming_the_rule_and_nothing_is_written(
    cast, newcomer, facility_a, refuse
):
    with refusals.refused("33.1", AccessChange) as caught:
        services.request_facility(user=newcomer, facility=facility_a, by=cast["sysadmin"])
    assert "rights and gender-specific needs" in caught.value.message
    assert not facilities_of(newcomer).exists()


@pytest.mark.rule("33.1")
def test_a_trained_officer_is_posted(cast, newcomer, facility_a, refuse):
    trained(newcomer, WOMENS_NEEDS)
    change = services.request_facility(user=newcomer, facility=facility_a, by=cast["sysadmin"])
    services.confirm(change=change, by=cast["governor"])
    assert list(facilities_of(newcomer)) == [facility_a]


@pytest.mark.rule("33.1")
def test_an_expired_training_counts_as_none(cast, newcomer, facility_a, refuse):
    today = timezone.localdate()
    trained(
        newcomer,
        WOMENS_NEEDS,
        completed=today - timedelta(days=800),
        expires=today - timedelta(days=1),
    )
    with refusals.refused("33.1", AccessChange):
        services.request_facility(user=newcomer, facility=facility_a, by=cast["sysadmin"])


@pytest.mark.rule("33.1")
def test_a_training_confirmed_after_the_request_but_expired_by_the_confirmation_is_refused_then(
    cast, newcomer, facility_a, settings
):
    """The clock's door: asked for while she was trained, confirmed after it expired."""
    record = trained(newcomer, WOMENS_NEEDS, expires=timezone.localdate() + timedelta(days=1))
    settings.POSTING_WITHOUT_WOMENS_TRAINING = "refuse"
    change = services.request_facility(user=newcomer, facility=facility_a, by=cast["sysadmin"])
    # Training records never change (a trigger protects them); the day moves on instead.
    tomorrow = timezone.now() + timedelta(days=2)
    from unittest import mock

    with (
        mock.patch("django.utils.timezone.now", return_value=tomorrow),
        refusals.refused("33.1"),
    ):
        services.confirm(change=change, by=cast["governor"])
    assert AccessChange.objects.get(pk=change.pk).status == "pending"
    assert not facilities_of(newcomer).exists()
    assert record.expires < timezone.localdate(tomorrow)


@pytest.mark.rule("33.1")
def test_the_confirm_page_refuses_it_naming_the_rule(cast, newcomer, facility_a, settings):
    change = services.request_facility(user=newcomer, facility=facility_a, by=cast["sysadmin"])
    settings.POSTING_WITHOUT_WOMENS_TRAINING = "refuse"
    governor = client_for(cast["governor"])
    with refusals.nothing_written(AccessChange):
        response = governor.post(f"/accounts/changes/{change.uuid}/confirm/", follow=True)
    assert "Bangkok Rule 33.1" in response.content.decode()
    assert AccessChange.objects.get(pk=change.pk).status == "pending"
    assert not facilities_of(newcomer).exists()


@pytest.mark.rule("33.1")
def test_the_account_form_refuses_the_facility_naming_the_rule(cast, newcomer, facility_a, refuse):
    data = {
        "username": newcomer.username,
        "first_name": newcomer.first_name,
        "last_name": newcomer.last_name,
        "gender": newcomer.gender,
        "role": "custody",
        "facilities": [facility_a.pk],
        "is_active": "on",
        "training_records-TOTAL_FORMS": "0",
        "training_records-INITIAL_FORMS": "0",
        "employment-TOTAL_FORMS": "0",
        "employment-INITIAL_FORMS": "0",
    }
    with refusals.nothing_written(AccessChange):
        response = client_for(cast["sysadmin"]).post(
            f"/admin/staff/user/{newcomer.pk}/change/", data
        )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["facilities"]
    assert any("Bangkok Rule 33.1" in error for error in errors)


@pytest.mark.rule("33.1")
def test_a_new_account_with_a_facility_is_refused_but_an_inspectors_is_not(
    cast, facility_a, refuse
):
    def add(username, role):
        return client_for(cast["sysadmin"]).post(
            "/admin/staff/user/add/",
            {
                "username": username,
                "first_name": "Noy",
                "last_name": "Win",
                "gender": "woman",
                "usable_password": "false",
                "role": role,
                "facilities": [facility_a.pk],
                "training_records-TOTAL_FORMS": "0",
                "training_records-INITIAL_FORMS": "0",
                "employment-TOTAL_FORMS": "0",
                "employment-INITIAL_FORMS": "0",
            },
        )

    with refusals.nothing_written(AccessChange, User):
        response = add("untrained", "reception")
    assert response.status_code == 200
    assert "Bangkok Rule 33.1" in str(response.context["adminform"].form.errors)
    # The inspector visits; she is not staff assigned to work with women prisoners.
    assert add("visiting", "inspector").status_code == 302
    inspector = User.objects.get(username="visiting")
    assert AccessChange.objects.filter(subject=inspector, kind="facility").exists()
    # An account made here starts today: she is a new starter (Rule 33.1's deadline).
    assert Employment.objects.get(user=inspector).started_on == timezone.localdate()


@pytest.mark.rule("33.1")
def test_the_trusted_set_up_refuses_it_too_unless_the_training_comes_with_it(facility_a, refuse):
    user = UserFactory(username="setup")
    with refusals.refused("33.1", AccessChange):
        services.grant_confirmed(user=user, role="custody", facilities=[facility_a])
    today = timezone.localdate()
    services.grant_confirmed(
        user=user,
        role="custody",
        facilities=[facility_a],
        trainings=[{"course": WOMENS_NEEDS, "completed": today - timedelta(days=3)}],
    )
    assert list(facilities_of(user)) == [facility_a]
    # The accounts made in bulk (test factories) are refused their grants alike.
    with refusals.refused("33.1", AccessChange):
        make_staff("custody", facility_a, username="bulk")


@pytest.mark.rule("33.1")
def test_by_default_it_warns_the_governor_and_the_audit_says_so(cast, newcomer, facility_a):
    change = services.request_facility(user=newcomer, facility=facility_a, by=cast["sysadmin"])
    requested = AuditEvent.objects.get(
        action="staff.change_requested", detail__change=str(change.uuid)
    )
    assert requested.detail["without_training"] == "33.1"
    governor = client_for(cast["governor"])
    page = governor.get("/accounts/changes/").content.decode()
    assert 'data-testid="untrained"' in page and "(Rule 33.1)" in page
    response = governor.post(f"/accounts/changes/{change.uuid}/confirm/", follow=True)
    assert "has no valid training in women&#x27;s rights" in response.content.decode()
    assert list(facilities_of(newcomer)) == [facility_a]


def test_a_trained_officer_is_no_warning(cast, newcomer, facility_a):
    trained(newcomer, WOMENS_NEEDS)
    change = services.request_facility(user=newcomer, facility=facility_a, by=cast["sysadmin"])
    requested = AuditEvent.objects.get(
        action="staff.change_requested", detail__change=str(change.uuid)
    )
    assert "without_training" not in requested.detail
    page = client_for(cast["governor"]).get("/accounts/changes/").content.decode()
    assert 'data-testid="untrained"' not in page


def test_the_changes_page_asks_as_many_queries_for_many_postings_as_for_one(
    cast, facility_a, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    governor = client_for(cast["governor"])

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert governor.get("/accounts/changes/").status_code == 200
        return len(captured)

    first = make_staff("custody", username="first")
    services.request_facility(user=first, facility=facility_a, by=cast["sysadmin"])
    one = queries()
    for n in range(4):
        other = make_staff("custody", username=f"other{n}")
        services.request_facility(user=other, facility=facility_a, by=cast["sysadmin"])
    assert queries() == one
