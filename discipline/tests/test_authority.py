"""A segregation custody ask for starts only when the governor gives her authority, with her
own sign-in (Bangkok Rule 22; Mandela 43-45; QUALITY S13, S14): Rule 22 and Mandela 45 are
checked when it is asked for and again when she confirms, and its 15 days count from her
confirmation. Every door: service, page, API, the clock, a race."""

import html
import re
from datetime import timedelta
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.utils import timezone

from audit.models import AuditEvent
from bangkok.dates import start_of
from bangkok.formats import human_day
from conftest import client_for
from discipline.models import Segregation, SegregationExtension, SegregationKind
from discipline.services import segregation as services
from facilities.models import Facility
from oversight.registry import zeros_for
from prisoners.services import set_protection_flags
from prisoners.tests.factories import PrisonerFactory
from reminders.models import Reminder
from staff.tests.factories import make_staff
from tests import queues, refusals
from tests.concurrency import race
from tests.her_page import open_her_page

from .factories import in_days, segregated

pytestmark = pytest.mark.django_db


def ask(cast, woman, **fields):
    data = {
        "kind": SegregationKind.SEPARATION,
        "reason": "Threatened by others on the wing",
        "planned_end": in_days(4),
        **fields,
    }
    return services.segregate(by=cast["custody"], prisoner=woman, **data)


def decided_audit(segregation) -> int:
    return AuditEvent.objects.filter(
        Q(action="authority.confirmed") | Q(action="authority.refused"),
        subject_id=segregation.uuid,
    ).count()


def her_reminders(woman):
    return Reminder.objects.filter(prisoner=woman).exclude(kind="authority.awaited")


def test_a_segregation_asked_for_waits_with_no_clock_running(cast, woman_a):
    segregation = ask(cast, woman_a)

    assert segregation.awaits_authority and segregation.started_at is None
    assert not Segregation.objects.open().exists()
    assert not her_reminders(woman_a).exists()
    task = Reminder.objects.get(key=f"authority:segregation:{segregation.uuid}")
    assert task.assignee_role == "governor"
    with pytest.raises(ValidationError):
        ask(cast, woman_a)
    assert Segregation.objects.count() == 1


@pytest.mark.rule("M43", "M44")
def test_its_fifteen_days_count_from_the_governors_confirmation(cast, woman_a, settings):
    asked_at, planned_end = timezone.now() - timedelta(days=3), in_days(2)
    with mock.patch("django.utils.timezone.now", return_value=asked_at):
        segregation = ask(cast, woman_a, planned_end=planned_end)
    assert segregation.authority_requested_at == asked_at

    started = services.confirm_segregation(by=cast["governor"], record=segregation)

    today = timezone.localdate()
    assert (started.start_date, started.run_start) == (today, today)
    assert started.authorised_by == cast["governor"] and started.day_number() == 1
    alert = Reminder.objects.get(key=f"discipline.day-alert:{segregation.uuid}")
    assert alert.due_at == start_of(today + timedelta(days=settings.SEGREGATION_ALERT_DAY - 1))
    assert Reminder.objects.filter(key=services.visit_key(started, today)).exists()


@pytest.mark.rule("22")
def test_rule_22_is_checked_again_when_the_governor_confirms(cast, woman_a):
    segregation = ask(cast, woman_a)
    set_protection_flags(prisoner=woman_a, by=None, source="health", no_segregation=True)

    with refusals.refused("22", Reminder) as refused:
        services.confirm_segregation(by=cast["governor"], record=segregation)

    assert "Rule 22" in str(refused.value)
    assert "pregnan" not in str(refused.value).lower()
    segregation.refresh_from_db()
    assert segregation.awaits_authority and segregation.started_at is None
    assert decided_audit(segregation) == 0 and not her_reminders(woman_a).exists()


@pytest.mark.rule("M45")
def test_a_girl_is_refused_when_it_is_asked_for(cast, facility_a):
    from prisoners.tests.factories import PrisonerFactory

    girl = PrisonerFactory(
        facility=facility_a, date_of_birth=timezone.localdate() - timedelta(days=6000)
    )
    with refusals.refused("M45", Segregation, Reminder):
        ask(cast, girl)


@pytest.mark.rule("22")
@pytest.mark.parametrize("who", ["custody", "inspector", "health", "other_governor"])
def test_only_a_governor_of_her_facility_confirms_and_nothing_is_written_otherwise(
    cast, woman_a, facility_b, who
):
    segregation = ask(cast, woman_a)
    by = (
        make_staff("governor", facility_b, username="governor_b")
        if who == "other_governor"
        else cast[who]
    )

    with pytest.raises(PermissionDenied):
        services.confirm_segregation(by=by, record=segregation)

    segregation.refresh_from_db()
    assert segregation.awaits_authority and decided_audit(segregation) == 0


def test_a_refusal_leaves_her_free_to_be_asked_for_again_and_is_counted(cast, woman_a):
    segregation = ask(cast, woman_a)
    services.refuse_segregation(
        by=cast["governor"], record=segregation, reason="Move her landing instead"
    )

    assert not Segregation.objects.open().exists()
    zero = next(z for z in zeros_for(cast["inspector"]) if z.key == "segregation-authority-refused")
    today = timezone.localdate()
    assert list(zero.cases(Facility.objects.all(), today, today)) == [segregation]
    assert ask(cast, woman_a).awaits_authority


@pytest.mark.django_db(transaction=True)
def test_two_governors_deciding_at_once_exactly_one_wins(cast, woman_a, facility_a):
    second = make_staff("governor", facility_a, username="governor_2")
    segregation = ask(cast, woman_a)
    outcomes = race(
        {
            "confirm": lambda: services.confirm_segregation(
                by=cast["governor"], record=segregation
            ),
            "refuse": lambda: services.refuse_segregation(
                by=second, record=segregation, reason="Not needed"
            ),
        }
    )
    segregation.refresh_from_db()
    winner = "confirm" if segregation.authority == "confirmed" else "refuse"
    assert sorted(outcomes) == sorted([winner, "This was decided already; nothing was changed."])
    assert decided_audit(segregation) == 1
    assert (segregation.started_at is not None) == (winner == "confirm")


def test_the_governor_confirms_on_the_segregation_page_and_custody_cannot(cast, woman_a):
    segregation = ask(cast, woman_a)
    url = f"/discipline/segregations/{segregation.uuid}/"

    governor = client_for(cast["governor"]).get(url).content.decode()
    custody = client_for(cast["custody"]).get(url).content.decode()
    assert 'data-testid="authority-decide"' in governor
    assert "Awaiting authority" in custody and 'data-testid="authority-decide"' not in custody
    refused = client_for(cast["custody"]).post(
        f"/authority/segregation/{segregation.uuid}/confirm/"
    )
    assert refused.status_code == 404

    response = client_for(cast["governor"]).post(
        f"/authority/segregation/{segregation.uuid}/confirm/"
    )

    assert response.status_code == 302
    segregation.refresh_from_db()
    assert segregation.is_open and segregation.authorised_by == cast["governor"]


def test_her_page_shows_a_segregation_awaiting_authority_as_not_started(cast, woman_a):
    ask(cast, woman_a)

    page = open_her_page(client_for(cast["custody"]), woman_a).content.decode()

    assert "awaiting the governor's authority" in page
    assert "in progress" not in page


@pytest.mark.rule("22")
def test_the_queue_shows_the_rule_22_refusal_of_her_confirmation_and_writes_nothing(cast, woman_a):
    segregation = ask(cast, woman_a)
    set_protection_flags(prisoner=woman_a, by=None, source="health", no_segregation=True)

    response = client_for(cast["governor"]).post(
        f"/authority/segregation/{segregation.uuid}/confirm/"
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "(Bangkok Rule 22)" in page and "breastfe" not in page.lower()
    segregation.refresh_from_db()
    assert segregation.awaits_authority and decided_audit(segregation) == 0


def test_the_queue_writes_the_planned_end_as_the_pages_write_a_day(cast, woman_a):
    segregation = ask(cast, woman_a)

    page = client_for(cast["governor"]).get("/authority/").content.decode()

    assert f"until {human_day(segregation.planned_end)}" in page
    assert segregation.planned_end.isoformat() not in page
    assert "Bangkok Rule 22" in page and "Mandela Rule 39" in page  # never "Rule M39"
    assert "Rule M" not in page


def test_a_long_queue_is_paged_area_by_area_and_every_record_is_reached(cast, woman_a, facility_a):
    others = [PrisonerFactory(facility=facility_a, prison_number=f"A0010{i}") for i in range(2)]
    asked = [ask(cast, woman) for woman in (woman_a, *others)]
    client = client_for(cast["governor"])

    seen, url, pages = [], "/authority/?page_size=2", 0
    while url:
        response = client.get(url)
        pages += 1
        page = response.content.decode()
        seen += [s.uuid for s in asked if f'id="authority-{s.uuid}"' in page]
        assert "3 in all." in page
        found = re.search(r'href="(\?[^"]*segregation-cursor=[^"]*)" rel="next"', page)
        url = f"/authority/{html.unescape(found.group(1))}" if found else None
    assert pages == 2 and sorted(seen) == sorted(s.uuid for s in asked)
    assert client.get("/authority/?segregation-cursor=forged").status_code == 404


def test_the_governors_queue_asks_as_many_queries_for_many_as_for_one(cast, woman_a, facility_a):
    ask(cast, woman_a)
    # An extension awaits her too: an area whose records still await only while their cause
    # holds (the segregation still open).
    first = segregated(cast, PrisonerFactory(facility=facility_a, prison_number="A00500"), days=3)
    services.extend_segregation(by=cast["governor"], segregation=first, planned_end=in_days(4))

    def more():
        for n in range(1, 4):
            ask(cast, PrisonerFactory(facility=facility_a, prison_number=f"A0051{n}"))
            woman = PrisonerFactory(facility=facility_a, prison_number=f"A0052{n}")
            services.extend_segregation(
                by=cast["governor"],
                segregation=segregated(cast, woman, days=3),
                planned_end=in_days(4),
            )

    queues.queries_do_not_grow(client_for(cast["governor"]), "/authority/", more)


def test_a_segregations_page_reads_its_pending_extensions_in_as_many_queries_as_one(cast, woman_a):
    """Whether each extension still awaits a decision, and whether she may give it, is read
    with the list, not asked again for each."""
    segregation = segregated(cast, woman_a, days=3)
    services.extend_segregation(
        by=cast["governor"], segregation=segregation, planned_end=in_days(4)
    )
    url = f"/discipline/segregations/{segregation.uuid}/"
    governor = client_for(cast["governor"])
    assert governor.get(url).status_code == 200

    def more():
        for n in range(5, 9):
            SegregationExtension.objects.create(
                segregation=segregation,
                prisoner=woman_a,
                facility=woman_a.facility,
                planned_end=in_days(n),
                previous_end=in_days(2),
                asked_by=cast["governor"],
                authority="pending",
                authority_requested_at=timezone.now(),
            )

    queues.queries_do_not_grow(governor, url, more)
    page = governor.get(url).content.decode()
    assert page.count('data-testid="authority-decide"') == 5
