"""What the prison does to her family contact waits for a governor (Rule 43; Mandela 43.3): a
visit it cancels stays booked, and a visitor it withdraws stays on her list and her visits,
until a governor of her facility, never whoever asked, confirms it. Never her child (Rule 23).
At every door: the service, the page and the API; a refusal names its rule and writes
nothing. Her own cancellation and her own withdrawal take effect at once."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, transaction
from django.urls import reverse

from audit.models import AuditEvent
from authority.tests.support import ended_undecided, in_queue, task_open
from complaints.models import HeldAction
from complaints.tests.factories import report
from conftest import client_for
from reminders.models import Reminder
from tests import refusals
from tests.versions import VersionedAPIClient

from ..models import (
    CancelledBy,
    LinkStatus,
    Visit,
    VisitCancellation,
    VisitorStatus,
    VisitorWithdrawal,
    VisitStatus,
    VisitVisitor,
)
from ..services.bookings import cancel_visit, record_visit_held
from ..services.prison import (
    ask_to_cancel_visit,
    ask_to_withdraw_visitor,
    confirm_cancellation,
    confirm_withdrawal,
)
from ..services.visitors import approve_by_court_order, record_consultation, withdraw_visitor
from .factories import approved, booked, visitor

pytestmark = pytest.mark.django_db


def post(user, path, body=None):
    client = VersionedAPIClient()
    client.force_authenticate(user)
    return client.post(f"/api/v1{path}", body or {}, format="json")


def nothing_asked(action: str) -> None:
    assert not VisitCancellation.objects.exists()
    assert not VisitorWithdrawal.objects.exists()
    assert not AuditEvent.objects.filter(action=action).exists()


# A visit cancelled by the prison (Rule 43)


@pytest.mark.rule("43")
def test_a_visit_the_prison_cancels_stays_booked_until_a_governor_confirms(cast, woman_a):
    visit = booked(cast, woman_a, [approved(cast, woman_a)])
    asked = ask_to_cancel_visit(by=cast["custody"], visit=visit, reason="Lockdown")
    visit.refresh_from_db()
    assert asked.awaits_authority and visit.status == VisitStatus.BOOKED
    with pytest.raises(PermissionDenied):  # only a governor of her facility confirms
        confirm_cancellation(by=cast["custody"], record=asked)
    confirm_cancellation(by=cast["governor"], record=asked)
    visit.refresh_from_db()
    assert visit.status == VisitStatus.CANCELLED and visit.cancelled_by == "prison"
    assert visit.cancel_reason == "Lockdown" and visit.closed_by == cast["governor"]


@pytest.mark.rule("43")
def test_a_prison_cancellation_without_a_reason_is_refused_naming_rule_43(cast, woman_a):
    visit = booked(cast, woman_a, [approved(cast, woman_a)])
    with refusals.refused("43", VisitCancellation, Reminder):
        ask_to_cancel_visit(by=cast["custody"], visit=visit, reason=" ")
    nothing_asked("visits.cancellation_asked")
    with refusals.nothing_written(VisitCancellation, Reminder):
        answer = post(cast["custody"], f"/visits/{visit.uuid}/cancel/", {"cancelled_by": "prison"})
    assert answer.status_code == 409 and answer.json()["rule"] == "43"
    page = client_for(cast["custody"]).post(
        reverse("visits:cancel", args=[visit.uuid]), {"cancel-cancelled_by": "prison"}
    )
    assert page.status_code == 400 and "(Bangkok Rule 43)" in page.content.decode()
    nothing_asked("visits.cancellation_asked")
    visit.refresh_from_db()
    assert visit.status == VisitStatus.BOOKED


@pytest.mark.rule("43")
def test_her_own_cancellation_takes_effect_at_once(cast, woman_a):
    visit = booked(cast, woman_a, [approved(cast, woman_a)])
    answer = post(cast["custody"], f"/visits/{visit.uuid}/cancel/", {"cancelled_by": "her"})
    assert answer.status_code == 200 and answer.json()["status"] == "cancelled"
    assert not VisitCancellation.objects.exists()


@pytest.mark.rule("43")
def test_the_prison_cancels_through_the_page_and_the_governor_confirms_on_her_queue(cast, woman_a):
    visit = booked(cast, woman_a, [approved(cast, woman_a)])
    officer = client_for(cast["custody"])
    answer = officer.post(
        reverse("visits:cancel", args=[visit.uuid]),
        {"cancel-cancelled_by": "prison", "cancel-reason": "Lockdown"},
        follow=True,
    )
    assert "takes effect when a governor confirms it" in answer.content.decode()
    visit.refresh_from_db()
    assert visit.status == VisitStatus.BOOKED
    asked = VisitCancellation.objects.get()
    governor = client_for(cast["governor"])
    queue = governor.get(reverse("authority:queue")).content.decode()
    assert "A visit cancelled by the prison" in queue and "Lockdown" in queue
    shown = governor.get(reverse("visits:visit", args=[visit.uuid])).content.decode()
    assert 'data-testid="cancellation"' in shown and "Give my authority" in shown
    confirmed = governor.post(
        reverse("authority:confirm", args=["visit-cancellations", asked.uuid])
    )
    assert confirmed.status_code == 302
    visit.refresh_from_db()
    assert visit.status == VisitStatus.CANCELLED


@pytest.mark.rule("43")
def test_the_prison_cancels_through_the_api_and_the_governor_confirms_or_refuses(cast, woman_a):
    first = booked(cast, woman_a, [approved(cast, woman_a)])
    body = {"cancelled_by": "prison", "reason": "Lockdown"}
    answer = post(cast["custody"], f"/visits/{first.uuid}/cancel/", body)
    assert answer.status_code == 200 and answer.json()["status"] == "booked"
    asked = VisitCancellation.objects.get(visit=first)
    path = f"/visit-cancellations/{asked.uuid}"
    assert post(cast["custody"], f"{path}/confirm/").status_code == 404
    confirmed = post(cast["governor"], f"{path}/confirm/")
    assert confirmed.status_code == 200 and confirmed.json()["authority"] == "confirmed"
    assert Visit.objects.get(pk=first.pk).status == VisitStatus.CANCELLED

    second = booked(cast, woman_a, [approved(cast, woman_a, name="Dao Srisuk")])
    post(cast["custody"], f"/visits/{second.uuid}/cancel/", body)
    other = VisitCancellation.objects.get(visit=second)
    refused = post(
        cast["governor"], f"/visit-cancellations/{other.uuid}/refuse/", {"reason": "Not needed"}
    )
    assert refused.status_code == 200 and refused.json()["authority"] == "refused"
    assert Visit.objects.get(pk=second.pk).status == VisitStatus.BOOKED


# A visitor withdrawn by the prison (Rules 23, 44; Mandela 43.3)


@pytest.mark.rule("M43")
def test_a_visitor_the_prison_withdraws_stays_on_her_list_until_a_governor_confirms(cast, woman_a):
    person, other = approved(cast, woman_a), approved(cast, woman_a, name="Dao Srisuk")
    alone, shared = booked(cast, woman_a, [person]), booked(cast, woman_a, [person, other])
    asked = ask_to_withdraw_visitor(by=cast["social"], visitor=person, reason="Brought drugs")
    person.refresh_from_db()
    assert asked.awaits_authority and person.status == VisitorStatus.APPROVED
    assert list(shared.visitors_on()) == [person, other]
    confirm_withdrawal(by=cast["governor"], record=asked)
    person.refresh_from_db()
    assert person.status == VisitorStatus.REMOVED
    alone.refresh_from_db()
    assert alone.status == VisitStatus.CANCELLED and alone.cancelled_by == "prison"
    assert Visit.objects.get(pk=shared.pk).status == VisitStatus.BOOKED
    assert list(shared.visitors_on()) == [other]
    # Taken off by a status: the link row stays, and the database refuses to delete it.
    link = VisitVisitor.objects.get(visit=shared, visitor=person)
    assert link.status == LinkStatus.TAKEN_OFF and link.taken_off_at is not None
    links = VisitVisitor.objects.filter(pk=link.pk)
    with pytest.raises(DatabaseError, match="Cannot delete rows"), transaction.atomic():
        links._raw_delete(links.db)


@pytest.mark.rule("23")
def test_the_prison_never_withdraws_her_child_and_writes_nothing(cast, woman_a):
    person = visitor(
        cast,
        woman_a,
        name="Ploy Srisuk",
        relationship="child",
        adult=False,
        age_given=8,
        answer="agrees",
    )
    with refusals.refused("23", VisitorWithdrawal, Reminder):
        ask_to_withdraw_visitor(by=cast["social"], visitor=person, reason="Noisy")
    with refusals.nothing_written(VisitorWithdrawal, Reminder):
        answer = post(
            cast["social"], f"/visitors/{person.uuid}/prison-withdrawal/", {"reason": "x"}
        )
    assert answer.status_code == 409 and answer.json()["rule"] == "23"
    page = client_for(cast["social"]).post(
        reverse("visits:withdraw-by-prison", args=[person.uuid]), {"reason": "Noisy"}
    )
    assert page.status_code == 400 and "(Bangkok Rule 23)" in page.content.decode()
    nothing_asked("visits.withdrawal_asked")
    person.refresh_from_db()
    assert person.status == VisitorStatus.APPROVED


@pytest.mark.rule("M43")
def test_a_prison_withdrawal_without_a_reason_is_refused_naming_mandela_43(cast, woman_a):
    person = approved(cast, woman_a)
    with refusals.refused("M43", VisitorWithdrawal, Reminder):
        ask_to_withdraw_visitor(by=cast["social"], visitor=person, reason="")
    with refusals.nothing_written(VisitorWithdrawal, Reminder):
        answer = post(cast["social"], f"/visitors/{person.uuid}/prison-withdrawal/", {})
    assert answer.status_code == 409 and answer.json()["rule"] == "M43"
    page = client_for(cast["social"]).post(
        reverse("visits:withdraw-by-prison", args=[person.uuid]), {"reason": ""}
    )
    assert page.status_code == 400 and "(Mandela Rule 43)" in page.content.decode()
    nothing_asked("visits.withdrawal_asked")


@pytest.mark.rule("M43")
def test_the_prison_withdraws_through_the_page_and_the_api_and_a_governor_decides(cast, woman_a):
    first, second = approved(cast, woman_a), approved(cast, woman_a, name="Dao Srisuk")
    social = client_for(cast["social"])
    answer = social.post(
        reverse("visits:withdraw-by-prison", args=[first.uuid]),
        {"reason": "Brought drugs in"},
        follow=True,
    )
    assert "it takes effect when a governor confirms it" in answer.content.decode()
    asked = VisitorWithdrawal.objects.get(visitor=first)
    queue = client_for(cast["governor"]).get(reverse("authority:queue")).content.decode()
    assert "A visitor withdrawn by the prison" in queue and "Brought drugs in" in queue
    client_for(cast["governor"]).post(
        reverse("authority:confirm", args=["visitor-withdrawals", asked.uuid])
    )
    first.refresh_from_db()
    assert first.status == VisitorStatus.REMOVED

    made = post(cast["social"], f"/visitors/{second.uuid}/prison-withdrawal/", {"reason": "Fight"})
    assert made.status_code == 201 and made.json()["authority"] == "pending"
    path = f"/visitor-withdrawals/{made.json()['uuid']}"
    assert post(cast["social"], f"{path}/confirm/").status_code == 404
    confirmed = post(cast["governor"], f"{path}/confirm/")
    assert confirmed.status_code == 200 and confirmed.json()["authority"] == "confirmed"
    second.refresh_from_db()
    assert second.status == VisitorStatus.REMOVED


# A visit no longer booked (held, or cancelled otherwise) ends the cancellation asked for it.


def _held(cast, visit, person):
    record_visit_held(by=cast["custody"], visit=visit)


def _she_cancelled(cast, visit, person):
    cancel_visit(by=cast["custody"], visit=visit, cancelled_by=CancelledBy.HER, reason="Unwell")


def _she_withdrew_the_visitor(cast, visit, person):
    withdraw_visitor(by=cast["social"], visitor=person)


@pytest.mark.parametrize(
    ("no_longer_booked", "status"),
    [
        (_held, VisitStatus.HELD),
        (_she_cancelled, VisitStatus.CANCELLED),
        (_she_withdrew_the_visitor, VisitStatus.CANCELLED),
    ],
)
@pytest.mark.parametrize("after_her_report", [False, True])
def test_a_cancellation_of_a_visit_no_longer_booked_leaves_the_queue_and_its_task_closes(
    cast, woman_a, no_longer_booked, status, after_her_report
):
    person = approved(cast, woman_a)
    visit = booked(cast, woman_a, [person])
    if after_her_report:
        report(cast["health"], woman_a)  # the cancellation is held for both reviews
    asked = ask_to_cancel_visit(by=cast["custody"], visit=visit, reason="Lockdown")
    assert HeldAction.objects.exists() == after_her_report
    assert in_queue(cast["governor"], asked) and task_open(asked)
    page = reverse("visits:visit", args=[visit.uuid])
    governor = client_for(cast["governor"])
    assert 'data-testid="authority-decide"' in governor.get(page).content.decode()
    no_longer_booked(cast, visit, person)
    ended_undecided(cast["governor"], "visit-cancellations", asked)
    visit.refresh_from_db()
    assert visit.status == status and visit.cancelled_by != CancelledBy.PRISON
    shown = governor.get(page).content.decode()
    assert 'data-testid="authority-decide"' not in shown
    assert "Not decided: no longer needed" in shown and "Awaiting authority" not in shown


# A visitor she withdrew or refused herself, or whose visits a court ordered, ends the prison's
# withdrawal of them; one she agrees to see keeps it waiting.


def _she_withdrew(cast, person):
    withdraw_visitor(by=cast["social"], visitor=person)


def _she_refused(cast, person):
    record_consultation(by=cast["social"], visitor=person, answer="refuses", language="th")


def _a_court_ordered_the_visits(cast, person):
    approve_by_court_order(by=cast["social"], visitor=person, reference="CO-1", court="Court")


@pytest.mark.parametrize("settled", [_she_withdrew, _she_refused, _a_court_ordered_the_visits])
@pytest.mark.parametrize("after_her_report", [False, True])
def test_a_withdrawal_of_a_visitor_off_her_list_since_leaves_the_queue_and_its_task_closes(
    cast, woman_a, settled, after_her_report
):
    person = visitor(cast, woman_a)  # not yet consulted
    if after_her_report:
        report(cast["health"], woman_a)  # the withdrawal is held for both reviews
    asked = ask_to_withdraw_visitor(by=cast["social"], visitor=person, reason="A package")
    assert in_queue(cast["governor"], asked) and task_open(asked)
    settled(cast, person)
    ended_undecided(cast["governor"], "visitor-withdrawals", asked)


def test_a_withdrawal_of_a_visitor_she_agrees_to_see_still_awaits_the_governor(cast, woman_a):
    person = visitor(cast, woman_a)
    asked = ask_to_withdraw_visitor(by=cast["social"], visitor=person, reason="A package")
    record_consultation(by=cast["social"], visitor=person, answer="agrees", language="th")
    assert in_queue(cast["governor"], asked) and task_open(asked)
    confirm_withdrawal(by=cast["governor"], record=asked)
    person.refresh_from_db()
    assert person.status == VisitorStatus.REMOVED
