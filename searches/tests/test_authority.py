"""A strip or body cavity search is done only on the authority the governor gave for it,
with her own sign-in, before it was done (Mandela Rule 51; QUALITY S13, S14): custody ask,
she confirms or refuses, and a search claimed as authorised, backdated or not, is refused
unless she gave it first. Every door: service, page, API, a race."""

import threading
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connections
from django.db.models import Q
from django.utils import timezone

from audit.models import AuditEvent
from bangkok.errors import RuleBroken
from conftest import client_for
from facilities.models import Facility
from oversight.registry import zeros_for
from reminders.models import Reminder
from searches.models import Search, SearchAuthorisation, SearchStaff
from searches.services import (
    confirm_search_authority,
    record_search,
    refuse_search_authority,
    request_search_authority,
)
from staff.tests.factories import make_staff
from tests import refusals
from tests.versions import VersionedAPIClient

from .factories import given, strip, trained

pytestmark = pytest.mark.django_db

REASON = "Information that she hid a package after the visit"


def ask(officer, woman, **fields):
    data = {"kind": "strip", "trigger": "intelligence", "reason": REASON, **fields}
    return request_search_authority(by=officer, prisoner=woman, **data)


def no_search() -> bool:
    return not Search.objects.exists() and not SearchStaff.objects.exists()


def decided_audit(asked) -> int:
    return AuditEvent.objects.filter(
        Q(action="authority.confirmed") | Q(action="authority.refused"), subject_id=asked.uuid
    ).count()


def api(user):
    client = VersionedAPIClient()
    client.force_authenticate(user)
    return client


@pytest.mark.rule("M51")
def test_custody_ask_and_the_search_waits_until_the_governor_gives_her_authority(
    officer, woman_a, cast
):
    asked = ask(officer, woman_a)

    assert asked.awaits_authority and asked.authority_requested_by == officer
    task = Reminder.objects.get(key=f"authority:searches:{asked.uuid}")
    assert task.assignee_role == "governor" and REASON not in task.title
    with refusals.refused("M51", Search, Reminder):
        record_search(by=officer, prisoner=woman_a, searchers=[officer], **strip(None))

    confirm_search_authority(by=cast["governor"], record=asked)
    search = record_search(by=officer, prisoner=woman_a, searchers=[officer], **strip(None))

    assert search.authorisation == asked and search.authorised_by == cast["governor"]


@pytest.mark.rule("M51")
def test_custody_naming_the_governor_is_no_authority(officer, woman_a, cast):
    """The old way: custody record a strip search 'authorised by' the governor, unasked."""
    with refusals.refused("M51", Search, Reminder) as refused:
        record_search(by=officer, prisoner=woman_a, searchers=[officer], **strip(cast["governor"]))

    assert "Mandela Rule 51" in str(refused.value)
    assert no_search()
    assert not AuditEvent.objects.filter(action="search.recorded").exists()


@pytest.mark.rule("M51")
def test_a_backdated_search_claimed_as_authorised_is_refused_unless_the_authority_preceded_it(
    officer, woman_a, cast
):
    given(cast["governor"], woman_a, by=officer)
    earlier = timezone.now() - timedelta(hours=2)

    with refusals.refused("M51", Search, Reminder):
        record_search(
            by=officer,
            prisoner=woman_a,
            searchers=[officer],
            searched_at=earlier,
            **strip(cast["governor"]),
        )

    assert (
        record_search(
            by=officer, prisoner=woman_a, searchers=[officer], **strip(cast["governor"])
        ).searched_at
        >= SearchAuthorisation.objects.get().authority_decided_at
    )


@pytest.mark.rule("M51")
def test_an_authority_serves_one_search_and_a_refused_or_other_governors_none(
    officer, woman_a, cast, facility_a
):
    second = make_staff("governor", facility_a, username="governor_2")
    given(cast["governor"], woman_a, by=officer)
    record_search(by=officer, prisoner=woman_a, searchers=[officer], **strip(cast["governor"]))
    refuse_search_authority(by=cast["governor"], record=ask(officer, woman_a), reason="No basis")
    given(second, woman_a, by=officer)

    with refusals.refused("M51", Search, Reminder):
        record_search(by=officer, prisoner=woman_a, searchers=[officer], **strip(cast["governor"]))
    assert Search.objects.count() == 1
    assert (
        record_search(
            by=officer, prisoner=woman_a, searchers=[officer], **strip(second)
        ).authorised_by
        == second
    )


@pytest.mark.rule("M51")
def test_a_body_cavity_authority_is_not_a_strip_search_authority(officer, woman_a, cast):
    given(cast["governor"], woman_a, by=officer, kind="body_cavity")

    with refusals.refused("M51", Search, Reminder):
        record_search(by=officer, prisoner=woman_a, searchers=[officer], **strip(None))


@pytest.mark.rule("M51")
def test_authority_is_asked_for_an_individual_reason_and_only_for_an_invasive_search(
    officer, woman_a
):
    with refusals.refused("M51", SearchAuthorisation, Reminder):
        ask(officer, woman_a, reason="  ")
    with pytest.raises(ValidationError):
        ask(officer, woman_a, kind="pat_down")
    assert not SearchAuthorisation.objects.exists()


@pytest.mark.rule("M51")
@pytest.mark.parametrize("who", ["custody", "inspector", "other_governor"])
def test_only_a_governor_of_her_facility_gives_it_and_nothing_is_written_otherwise(
    officer, woman_a, cast, facility_b, who
):
    asked = ask(officer, woman_a)
    by = (
        make_staff("governor", facility_b, username="governor_b")
        if who == "other_governor"
        else cast[who]
    )

    with pytest.raises(PermissionDenied):
        confirm_search_authority(by=by, record=asked)

    asked.refresh_from_db()
    assert asked.awaits_authority and asked.authorised_by is None
    assert decided_audit(asked) == 0


def test_custody_may_ask_only_a_governor_of_her_facility(officer, woman_a, cast, facility_b):
    governor_b = make_staff("governor", facility_b, username="governor_b")
    for named in (governor_b, cast["inspector"], officer):
        with pytest.raises(ValidationError):
            ask(officer, woman_a, sought_from=named)
    assert not SearchAuthorisation.objects.exists()


def test_a_refusal_is_counted_in_oversight(officer, woman_a, cast):
    asked = ask(officer, woman_a)
    refuse_search_authority(by=cast["governor"], record=asked, reason="No individual basis")

    zero = next(z for z in zeros_for(cast["inspector"]) if z.key == "search-authority-refused")
    today = timezone.localdate()
    cases = list(zero.cases(Facility.objects.all(), today - timedelta(days=1), today))
    assert cases == [asked]
    assert zero.row(asked).woman == woman_a


@pytest.mark.django_db(transaction=True)
def test_two_searches_on_one_authority_at_once_only_one_is_recorded(cast, woman_a):
    trained(cast["custody"])
    officer = cast["custody"]
    given(cast["governor"], woman_a, by=officer)
    barrier = threading.Barrier(2)
    outcomes = []

    def carry_out():
        try:
            barrier.wait()
            record_search(
                by=officer, prisoner=woman_a, searchers=[officer], **strip(cast["governor"])
            )
            outcomes.append("recorded")
        except RuleBroken as exc:
            outcomes.append(exc.rule)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=carry_out) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["M51", "recorded"]
    assert Search.objects.count() == 1


# -- Pages and API -------------------------------------------------------------------------


def test_custody_ask_on_the_page_and_the_governor_confirms_on_her_queue(officer, woman_a, cast):
    response = client_for(officer).post(
        f"/searches/women/{woman_a.uuid}/authority/",
        {"subject": "woman", "kind": "strip", "trigger": "intelligence", "reason": REASON},
    )
    assert response.status_code == 302
    asked = SearchAuthorisation.objects.get()
    assert asked.authority_requested_by == officer

    queue = client_for(cast["governor"]).get("/authority/").content.decode()
    assert str(asked.uuid) in queue
    confirmed = client_for(cast["governor"]).post(f"/authority/searches/{asked.uuid}/confirm/")
    assert confirmed.status_code == 302
    asked.refresh_from_db()
    assert asked.authorised_by == cast["governor"]
    form = client_for(officer).get(f"/searches/women/{woman_a.uuid}/new/?kind=strip")
    assert list(form.context["form"].fields["authorisation"].queryset) == [asked]


def test_the_page_refuses_authority_asked_without_a_reason(officer, woman_a):
    response = client_for(officer).post(
        f"/searches/women/{woman_a.uuid}/authority/",
        {"subject": "woman", "kind": "strip", "trigger": "random", "reason": ""},
    )
    assert response.status_code == 400
    assert not SearchAuthorisation.objects.exists()


@pytest.mark.rule("M51")
def test_the_api_asks_confirms_and_records_on_the_authority(officer, woman_a, cast):
    asked = api(officer).post(
        f"/api/v1/prisoners/{woman_a.uuid}/search-authorities/",
        {"kind": "strip", "trigger": "intelligence", "reason": REASON},
        format="json",
    )
    assert asked.status_code == 201 and asked.json()["authority"] == "pending"
    uuid = asked.json()["uuid"]

    mine = api(officer).post(f"/api/v1/search-authorities/{uuid}/confirm/")
    assert mine.status_code in (403, 404)
    assert SearchAuthorisation.objects.get().awaits_authority

    confirmed = api(cast["governor"]).post(
        f"/api/v1/search-authorities/{uuid}/confirm/", {"authorised_by": "custody"}
    )
    assert confirmed.status_code == 200
    assert confirmed.json()["authorised_by"] == cast["governor"].get_full_name()
    body = {
        "kind": "strip",
        "trigger": "intelligence",
        "searchers": ["custody"],
        "place": "Private room",
        "privacy": "Door closed",
        "reason": REASON,
        "authorisation": uuid,
    }
    recorded = api(officer).post(f"/api/v1/prisoners/{woman_a.uuid}/searches/", body, format="json")
    assert recorded.status_code == 201 and recorded.json()["authorisation"] == uuid
    again = api(officer).post(f"/api/v1/prisoners/{woman_a.uuid}/searches/", body, format="json")
    assert again.status_code == 400 and "authorisation" in again.json()


@pytest.mark.rule("M51")
def test_the_api_refuses_a_search_custody_claim_the_governor_authorised(officer, woman_a):
    body = {
        "kind": "strip",
        "trigger": "intelligence",
        "searchers": ["custody"],
        "place": "Private room",
        "privacy": "Door closed",
        "reason": REASON,
        "authorised_by": "governor",
    }
    with refusals.nothing_written(Search, Reminder):
        response = api(officer).post(
            f"/api/v1/prisoners/{woman_a.uuid}/searches/", body, format="json"
        )
    assert response.status_code == 409 and response.json()["rule"] == "M51"
    assert no_search()


def test_the_demo_records_a_search_on_a_given_authority_and_one_awaiting(cast, facility_a):
    from prisoners.tests.factories import PrisonerFactory
    from searches import demo

    trained(cast["custody"])
    women = [PrisonerFactory(facility=facility_a) for _ in range(6)]

    demo.seed(facility=facility_a, staff=cast, women=women)

    strip_search = Search.objects.get(kind="strip")
    assert strip_search.authorisation.authorised_by == cast["governor"]
    assert strip_search.searched_at >= strip_search.authorisation.authority_decided_at
    waiting = SearchAuthorisation.objects.get(authority="pending")
    assert waiting.authority_sought_from == cast["governor"]


def test_the_api_refuses_an_empty_governor_name_rather_than_read_it_as_none(officer, woman_a):
    response = api(officer).post(
        f"/api/v1/prisoners/{woman_a.uuid}/search-authorities/",
        {"kind": "strip", "trigger": "intelligence", "reason": REASON, "sought_from": ""},
        format="json",
    )
    assert response.status_code == 400 and "sought_from" in response.json()
    assert not SearchAuthorisation.objects.exists()
