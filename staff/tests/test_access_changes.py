"""A widening of access takes effect only when a second person confirms it (QUALITY S13)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from conftest import client_for
from facilities.scope import facilities_of
from reminders.models import Reminder
from searches.models import Search
from searches.services import record_search, training_records_visible_to
from searches.tests.factories import pat_down, trained
from staff import services
from staff.models import AccessChange, Course, Gender, TrainingRecord, User
from staff.tests.factories import make_staff
from tests import refusals
from tests.concurrency import race
from tests.her_page import open_her_page

pytestmark = pytest.mark.django_db


def fresh(user) -> User:
    return User.objects.get(pk=user.pk)


def decided_audit() -> int:
    return AuditEvent.objects.filter(
        action__in=["staff.change_confirmed", "staff.change_refused"]
    ).count()


@pytest.fixture
def governor_b(facility_b):
    return make_staff("governor", facility_b, username="governor_b")


# -- Nobody changes her own access -------------------------------------------------------


@pytest.mark.parametrize(
    "ask",
    [
        lambda u, f: services.request_role(user=u, role="health", by=u),
        lambda u, f: services.request_facility(user=u, facility=f, by=u),
        lambda u, f: services.request_gender(user=u, gender=Gender.MAN, by=u),
        lambda u, f: services.request_access(user=u, by=u, role="health", facilities=[f]),
        lambda u, f: services.unassign_facility(user=u, facility=f, by=u),
        lambda u, f: services.record_training(
            user=u,
            course=Course.SEARCH_METHODS,
            completed=timezone.localdate(),
            provider="Herself",
            by=u,
        ),
    ],
    ids=["role", "facility", "gender", "account-form", "facility-removal", "training"],
)
def test_nobody_changes_her_own_access_at_any_service(cast, facility_b, ask):
    user = cast["governor"]
    before = AuditEvent.objects.count()
    with pytest.raises(ValidationError, match="own"):
        ask(user, facility_b)
    assert not AccessChange.objects.filter(subject=user, trusted=False).exists()
    assert AuditEvent.objects.count() == before
    assert fresh(user).role_code == "governor" and fresh(user).gender == Gender.WOMAN


def test_the_database_refuses_a_request_about_herself(cast):
    user = cast["sysadmin"]
    with pytest.raises(IntegrityError), transaction.atomic():
        AccessChange.objects.create(
            subject=user, requested_by=user, kind="role", new_value="health"
        )


def test_the_database_refuses_training_confirmed_by_the_trainee(cast):
    officer = cast["custody"]
    with pytest.raises(IntegrityError), transaction.atomic():
        TrainingRecord.objects.create(
            user=officer, course="search_methods", completed="2026-01-01", confirmed_by=officer
        )


# -- Who confirms --------------------------------------------------------------------------


def test_a_facility_grant_is_confirmed_only_by_a_governor_of_that_facility(
    cast, facility_a, facility_b, governor_b
):
    officer = cast["custody"]
    change = services.request_facility(user=officer, facility=facility_b, by=cast["sysadmin"])
    wrong = {
        "the requester": cast["sysadmin"],
        "a governor of another facility": cast["governor"],
        "a member of staff who is no governor": cast["outsider"],
    }
    for who, person in wrong.items():
        with pytest.raises(ValidationError):
            services.confirm(change=change, by=person)
        assert facility_b not in facilities_of(fresh(officer)), who
    assert decided_audit() == 0
    services.confirm(change=change, by=governor_b)
    assert set(facilities_of(fresh(officer))) == {facility_a, facility_b}
    change.refresh_from_db()
    assert change.status == "confirmed" and change.decided_by == governor_b
    assert AuditEvent.objects.filter(
        action="staff.change_confirmed", actor=governor_b, subject_id=officer.pk
    ).exists()


def test_the_person_concerned_never_confirms_her_own_grant(cast, facility_b, governor_b):
    # A governor of A asks to work in B too: a governor of B confirms, not she.
    governor = cast["governor"]
    change = services.request_facility(user=governor, facility=facility_b, by=cast["sysadmin"])
    with pytest.raises(ValidationError, match="own access"):
        services.confirm(change=change, by=governor)
    assert change not in services.changes_awaiting(governor)
    services.confirm(change=change, by=governor_b)


def test_a_role_grant_is_confirmed_by_a_governor_of_a_facility_she_works_in(cast, governor_b):
    officer = cast["custody"]  # works in A
    change = services.request_role(user=officer, role="health", by=cast["sysadmin"])
    with pytest.raises(ValidationError):
        services.confirm(change=change, by=governor_b)
    with pytest.raises(ValidationError):
        services.confirm(change=change, by=cast["health"])
    services.confirm(change=change, by=cast["governor"])
    assert fresh(officer).role_code == "health"


def test_a_role_for_a_facility_being_granted_is_confirmed_by_its_governor(
    cast, facility_b, governor_b
):
    newcomer = make_staff("custody", username="newcomer")
    services.request_facility(user=newcomer, facility=facility_b, by=cast["sysadmin"])
    role = services.request_role(user=newcomer, role="social", by=cast["sysadmin"])
    assert role in services.changes_awaiting(governor_b)
    assert role not in services.changes_awaiting(cast["governor"])


def test_a_governor_role_is_confirmed_by_another_governor_of_her_facility(cast):
    officer = cast["custody"]
    change = services.request_role(user=officer, role="governor", by=cast["sysadmin"])
    services.confirm(change=change, by=cast["governor"])
    assert fresh(officer).role_code == "governor"


def test_the_sysadmin_role_is_confirmed_by_another_sysadmin_only(cast):
    officer = cast["custody"]
    second = make_staff("sysadmin", username="second_admin")
    change = services.request_role(user=officer, role="sysadmin", by=cast["sysadmin"])
    with pytest.raises(ValidationError):
        services.confirm(change=change, by=cast["governor"])
    with pytest.raises(ValidationError):
        services.confirm(change=change, by=cast["sysadmin"])
    services.confirm(change=change, by=second)
    officer = fresh(officer)
    assert officer.role_code == "sysadmin" and officer.is_staff


def test_a_refused_grant_is_kept_with_who_refused_and_changes_nothing(cast):
    officer = cast["custody"]
    change = services.request_role(user=officer, role="health", by=cast["sysadmin"])
    services.refuse(change=change, by=cast["governor"], reason="Not a clinician")
    change.refresh_from_db()
    assert (change.status, change.decided_by, change.reason) == (
        "refused",
        cast["governor"],
        "Not a clinician",
    )
    assert fresh(officer).role_code == "custody"
    assert AuditEvent.objects.filter(action="staff.change_refused", actor=cast["governor"])
    with pytest.raises(ValidationError, match="already been decided"):
        services.confirm(change=change, by=cast["governor"])


# -- Pending means no effect ---------------------------------------------------------------


def test_a_pending_health_role_opens_no_clinical_file(cast, woman_a):
    officer = cast["custody"]
    change = services.request_role(user=officer, role="health", by=cast["sysadmin"])
    url = reverse("health:file", kwargs={"uuid": woman_a.uuid})
    assert client_for(fresh(officer)).get(url).status_code == 404
    services.confirm(change=change, by=cast["governor"])
    assert client_for(fresh(officer)).get(url).status_code == 200


def test_a_pending_facility_shows_none_of_its_women(cast, facility_b, woman_b):
    officer = cast["custody"]
    services.request_facility(user=officer, facility=facility_b, by=cast["sysadmin"])
    assert facility_b not in facilities_of(fresh(officer))
    assert open_her_page(client_for(officer), woman_b).status_code == 404


@pytest.mark.rule("19")
def test_a_backdated_training_unconfirmed_does_not_let_her_search(cast, woman_a):
    officer = cast["custody"]  # a woman with no search training
    change = services.record_training(
        user=officer,
        course=Course.SEARCH_METHODS,
        completed=timezone.localdate() - timedelta(days=400),
        expires=timezone.localdate() + timedelta(days=300),
        provider="Regional training college",
        by=cast["health"],
    )
    with refusals.refused("19", Search, Reminder):
        record_search(by=officer, prisoner=woman_a, searchers=[officer], **pat_down())
    assert not Search.objects.exists()
    assert not TrainingRecord.objects.exists()
    assert not training_records_visible_to(cast["governor"]).exists()
    services.confirm(change=change, by=cast["governor"])
    record = TrainingRecord.objects.get()
    assert (record.recorded_by, record.confirmed_by) == (cast["health"], cast["governor"])
    record_search(by=officer, prisoner=woman_a, searchers=[officer], **pat_down())
    assert Search.objects.count() == 1


@pytest.mark.rule("19")
def test_a_gender_change_pending_does_not_let_a_man_search_a_woman(cast, facility_a, woman_a):
    man = make_staff("custody", facility_a, username="officer_man", gender=Gender.MAN)
    trained(man)
    services.request_gender(user=man, gender=Gender.WOMAN, by=cast["sysadmin"])
    with refusals.refused("19", Search, Reminder):
        record_search(by=man, prisoner=woman_a, searchers=[man], **pat_down())
    assert not Search.objects.exists()
    assert fresh(man).gender == Gender.MAN


def test_training_is_recorded_only_for_the_staff_of_her_facilities(cast):
    with pytest.raises(ValidationError, match="staff of your facilities"):
        services.record_training(
            user=cast["outsider"],
            course=Course.SEARCH_METHODS,
            completed=timezone.localdate(),
            provider="Me",
            by=cast["health"],
        )
    assert not AccessChange.objects.filter(kind="training").exists()


def test_a_training_names_its_provider_and_is_not_in_the_future(cast):
    with pytest.raises(ValidationError) as refused:
        services.record_training(
            user=cast["custody"],
            course=Course.SEARCH_METHODS,
            completed=timezone.localdate() + timedelta(days=1),
            provider=" ",
            by=cast["health"],
        )
    assert set(refused.value.message_dict) == {"completed", "provider"}
    assert not AccessChange.objects.filter(kind="training").exists()


def test_a_confirmed_training_record_is_never_changed_or_deleted(cast):
    record = trained(cast["custody"])
    with pytest.raises(Exception, match="pgtrigger"), transaction.atomic():
        TrainingRecord.objects.filter(pk=record.pk).update(completed="2020-01-01")
    with pytest.raises(Exception, match="pgtrigger"), transaction.atomic():
        record.delete()


def test_what_was_asked_never_changes_and_a_decision_is_final(cast):
    change = services.request_role(user=cast["custody"], role="health", by=cast["sysadmin"])
    rows = AccessChange.objects.filter(pk=change.pk)
    with pytest.raises(Exception, match="pgtrigger"), transaction.atomic():
        rows.update(new_value="governor")
    services.refuse(change=change, by=cast["governor"])
    with pytest.raises(Exception, match="pgtrigger"), transaction.atomic():
        rows.update(status="confirmed")
    assert rows.get().status == "refused"


# -- The trusted path ----------------------------------------------------------------------


def test_the_trusted_grant_is_closed_inside_a_web_request(cast, facility_b):
    token = services.in_web_request.set(True)
    try:
        with pytest.raises(RuntimeError):
            services.grant_confirmed(user=cast["custody"], facilities=[facility_b])
    finally:
        services.in_web_request.reset(token)
    assert facility_b not in facilities_of(cast["custody"])


def test_the_trusted_grant_is_kept_and_audited(cast, facility_b):
    services.grant_confirmed(user=cast["custody"], facilities=[facility_b], reason="set-up")
    change = AccessChange.objects.get(subject=cast["custody"], facility=facility_b)
    assert change.trusted and change.status == "confirmed" and change.requested_by is None
    assert AuditEvent.objects.filter(
        action="staff.change_granted_by_set_up", subject_id=cast["custody"].pk, facility=facility_b
    ).exists()


# -- History -------------------------------------------------------------------------------


def test_accounts_grants_and_training_keep_their_history(cast, facility_b, governor_b):
    from staff.models import FacilityGrantEvent, RoleGrantEvent, TrainingRecordEvent, UserEvent

    officer = cast["custody"]
    services.confirm(
        change=services.request_gender(user=officer, gender=Gender.OTHER, by=cast["sysadmin"]),
        by=cast["governor"],
    )
    services.confirm(
        change=services.request_role(user=officer, role="social", by=cast["sysadmin"]),
        by=cast["governor"],
    )
    services.confirm(
        change=services.request_facility(user=officer, facility=facility_b, by=cast["sysadmin"]),
        by=governor_b,
    )
    services.unassign_facility(user=officer, facility=facility_b, by=cast["sysadmin"])
    services.confirm(
        change=services.record_training(
            user=officer,
            course=Course.HIV,
            completed=timezone.localdate(),
            provider="Health team",
            by=cast["health"],
        ),
        by=cast["governor"],
    )
    genders = UserEvent.objects.filter(pgh_obj=officer).values_list("gender", flat=True)
    assert Gender.OTHER in set(genders)
    assert not hasattr(UserEvent, "password") and "password" not in {
        f.name for f in UserEvent._meta.get_fields()
    }
    labels = set(RoleGrantEvent.objects.filter(user=officer).values_list("pgh_label", flat=True))
    assert labels == {"role.granted", "role.removed"}
    facility_labels = set(
        FacilityGrantEvent.objects.filter(user=officer, object_pk=str(facility_b.pk)).values_list(
            "pgh_label", flat=True
        )
    )
    assert facility_labels == {"facility.granted", "facility.removed"}
    assert TrainingRecordEvent.objects.filter(user=officer, course=Course.HIV).exists()
    with pytest.raises(Exception, match="pgtrigger"), transaction.atomic():
        UserEvent.objects.filter(pgh_obj=officer).delete()


# -- The governor's page -------------------------------------------------------------------


def test_the_governor_confirms_on_her_page_and_the_requester_sees_it_waiting(cast):
    officer = cast["custody"]
    services.request_role(user=officer, role="health", by=cast["sysadmin"])
    body = client_for(cast["sysadmin"]).get("/accounts/changes/").content.decode()
    assert "Waiting for confirmation" in body and "Health staff" in body
    body = client_for(officer).get("/accounts/changes/").content.decode()
    assert "Waiting for confirmation" in body  # she sees it concerns her
    governor = client_for(cast["governor"])
    page = governor.get("/accounts/changes/").content.decode()
    assert 'data-testid="awaiting"' in page and "Health staff" in page
    assert "now: Custody officer" in page
    change = AccessChange.objects.get(subject=officer, status="pending")
    response = governor.post(f"/accounts/changes/{change.uuid}/confirm/")
    assert response.status_code == 302
    assert fresh(officer).role_code == "health"


@pytest.mark.parametrize("who", ["sysadmin", "custody", "health", "outsider"])
def test_anyone_but_a_governor_of_the_facility_gets_a_404_and_changes_nothing(cast, who):
    change = services.request_role(user=cast["custody"], role="health", by=cast["sysadmin"])
    for verdict in ("confirm", "refuse"):
        response = client_for(cast[who]).post(f"/accounts/changes/{change.uuid}/{verdict}/")
        assert response.status_code == 404
    change.refresh_from_db()
    assert change.status == "pending" and decided_audit() == 0


def test_the_governor_refuses_on_her_page_with_a_reason(cast):
    change = services.request_role(user=cast["custody"], role="health", by=cast["sysadmin"])
    response = client_for(cast["governor"]).post(
        f"/accounts/changes/{change.uuid}/refuse/", {"reason": "No clinical registration"}
    )
    assert response.status_code == 302
    change.refresh_from_db()
    assert change.status == "refused" and change.reason == "No clinical registration"


def test_the_page_says_when_nothing_waits(cast):
    body = client_for(cast["governor"]).get("/accounts/changes/").content.decode()
    assert "Nothing is waiting for your decision." in body


def test_the_page_is_paged_and_costs_the_same_queries_however_many_wait(cast, facility_a):
    governor = client_for(cast["governor"])

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert governor.get("/accounts/changes/?page_size=2").status_code == 200
        return len(captured)

    officers = [make_staff("custody", facility_a, username=f"o{n}") for n in range(5)]
    services.request_role(user=officers[0], role="health", by=cast["sysadmin"])
    queries()  # the first request of a session costs its set-up
    one = queries()
    for officer in officers[1:]:
        services.request_role(user=officer, role="social", by=cast["sysadmin"])
    assert queries() == one
    first = governor.get("/accounts/changes/?page_size=2")
    assert first.context["next_url"]
    second = governor.get("/accounts/changes/" + first.context["next_url"])
    shown = [c.pk for c in first.context["page"].items + second.context["page"].items]
    assert len(shown) == 4 and len(set(shown)) == 4


def test_training_is_recorded_on_its_page_and_waits_for_the_governor(cast):
    client = client_for(cast["health"])
    assert client.get("/accounts/training/new/").status_code == 200
    response = client.post(
        "/accounts/training/new/",
        {
            "trainee": cast["custody"].pk,
            "course": "search_methods",
            "completed": str(timezone.localdate()),
            "provider": "Health team",
        },
    )
    assert response.status_code == 302
    change = AccessChange.objects.get(kind="training")
    assert change.requested_by == cast["health"] and change.status == "pending"
    assert not TrainingRecord.objects.exists()


def test_her_own_training_is_not_offered_nor_accepted_on_the_page(cast):
    client = client_for(cast["health"])
    page = client.get("/accounts/training/new/")
    assert cast["health"] not in page.context["form"].fields["trainee"].queryset
    response = client.post(
        "/accounts/training/new/",
        {
            "trainee": cast["health"].pk,
            "course": "search_methods",
            "completed": str(timezone.localdate()),
            "provider": "Me",
        },
    )
    assert response.status_code == 400
    assert not AccessChange.objects.filter(kind="training").exists()


# -- A race between two decisions ----------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_two_governors_deciding_at_once_one_wins_the_other_is_told(cast, facility_a):
    second = make_staff("governor", facility_a, username="governor_2")
    change = services.request_role(user=cast["custody"], role="health", by=cast["sysadmin"])
    outcomes = race(
        {
            "confirm": lambda: services.confirm(change=change, by=cast["governor"]),
            "refuse": lambda: services.refuse(change=change, by=second),
        }
    )
    change.refresh_from_db()
    winner = "confirm" if change.status == "confirmed" else "refuse"
    assert sorted(outcomes) == sorted([winner, "This change has already been decided."])
    assert decided_audit() == 1
    assert (fresh(cast["custody"]).role_code == "health") == (change.status == "confirmed")


@pytest.mark.parametrize("reset", ["password", "two-factor"])
def test_a_governor_whose_sign_in_the_requester_reset_never_decides_his_change(
    cast, facility_a, reset
):
    # The administrator resets the governor's sign-in (and so could sign in as her), then asks
    # for a change: she is refused as its decider, nothing is written; another governor decides.
    from signin.twofactor import reset_two_factor

    sysadmin, governor = cast["sysadmin"], cast["governor"]
    if reset == "password":
        services.reset_password(user=governor, password="a temporary passphrase 1", by=sysadmin)
    else:
        reset_two_factor(user=governor, by=sysadmin)
    change = services.request_role(user=cast["custody"], role="health", by=sysadmin)
    before = decided_audit()
    for decide in (services.confirm, services.refuse):
        with pytest.raises(ValidationError, match="reset by the person who requested"):
            decide(change=change, by=fresh(governor))
    change.refresh_from_db()
    assert change.status == "pending"
    assert decided_audit() == before
    assert fresh(cast["custody"]).role_code == "custody"
    other = make_staff("governor", facility_a, username="governor_two")
    services.confirm(change=change, by=other)
    assert fresh(cast["custody"]).role_code == "health"
