"""A member of staff named in her complaint never learns that it exists (Rules 7.3, 25.1;
Mandela 57.2, 71.3): everything she receives, as the officer who lays a charge or as the
governor, is what she would receive if there were no complaint; a named governor is never the
reviewer; and the complaint follows her when she is transferred."""

import difflib
import re
import uuid
from contextlib import contextmanager
from datetime import timedelta

import pytest
from django.db import transaction
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from admissions.models import FamilyMember
from complaints.models import HeldAction, SafeguardingRecord
from complaints.services import review_held_action
from complaints.services.retaliation import HELD_TASK, NOT_YET
from conftest import client_for
from discipline.models import Charge, Segregation
from reminders.models import Reminder
from reminders.services import tasks_for
from staff.tests.factories import make_staff

from .factories import report

pytestmark = pytest.mark.django_db

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
STAMP = re.compile(r"\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-]\d\d:\d\d)?")
CLOCK = re.compile(r"\b\d{1,2}:\d\d(:\d\d)?( ?[ap]\.?m\.?)?")
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"|"X-CSRFToken": "[^"]+"')
NONCE = re.compile(r'nonce="[^"]+"')


def normalised(text: str, woman) -> str:
    """A body with the ids, instants and tokens every request makes anew replaced (her own
    uuid stays: the same woman is asked about in both worlds)."""
    text = text.replace(str(woman.uuid), "<her>")
    for pattern, mark in ((UUID, "<id>"), (STAMP, "<t>"), (CSRF, "<csrf>"), (NONCE, "<n>")):
        text = pattern.sub(mark, text)
    return CLOCK.sub("<hh:mm>", text)


class Transcript:
    """Every answer a member of staff receives, in order: status, where it sends her, the
    body (normalised) and the messages shown."""

    def __init__(self, user, woman):
        self.client, self.woman, self.lines = client_for(user), woman, []

    def _keep(self, label, answer):
        body = answer.content.decode()
        self.lines.append((label, answer.status_code))
        where = answer.get("Location", "")
        self.lines.append((label, normalised(where, self.woman)))
        self.lines.append((label, normalised(body, self.woman)))

    def get(self, label, url):
        self._keep(label, self.client.get(url))

    def post(self, label, url, data, api=False):
        if api:
            answer = self.client.post(url, data, content_type="application/json")
        else:
            answer = self.client.post(url, data, follow=True)
        self._keep(label, answer)
        return answer


@contextmanager
def world():
    """What happens inside is undone after: each world starts from the same records."""

    class Undo(Exception):
        pass

    try:
        with transaction.atomic():
            yield
            raise Undo
    except Undo:
        pass


def officer_sequence(officer, woman) -> list:
    seen = Transcript(officer, woman)
    her = reverse("prisoners:detail", args=[woman.uuid])
    seen.get("her page", her)
    seen.get("women", reverse("prisoners:list"))
    seen.get("dashboard", reverse("dashboard"))
    seen.get("tasks", reverse("reminders:tasks"))
    laid = seen.post(
        "lay a charge (page)",
        reverse("discipline:lay-charge", args=[woman.uuid]),
        {"offence": "Disobeyed an order at lock-up", "language": "Burmese"},
    )
    assert laid.status_code == 200 and laid.redirect_chain
    charge = Charge.objects.filter(prisoner=woman).latest("laid_at")
    seen.get("the charge", reverse("discipline:charge", args=[charge.uuid]))
    seen.post(
        "lay a charge (API)",
        f"/api/v1/prisoners/{woman.uuid}/charges/",
        {"offence": "Late for roll call", "language": "Burmese"},
        api=True,
    )
    end = (timezone.localdate() + timedelta(days=3)).isoformat()
    seen.post(
        "ask for a segregation (page)",
        reverse("discipline:segregate", args=[woman.uuid]),
        {"kind": "separation", "reason": "Kept apart after a fight", "planned_end": end},
    )
    seen.post(
        "ask for a segregation (API)",
        f"/api/v1/prisoners/{woman.uuid}/segregations/",
        {"kind": "separation", "reason": "Kept apart after a fight", "planned_end": end},
        api=True,
    )
    why = {"kind": "strip", "trigger": "intelligence", "reason": "Seen hiding a package"}
    seen.post(
        "ask for a strip search (page)",
        reverse("searches:ask-authority", args=[woman.uuid]),
        {"subject": "woman", **why},
    )
    seen.post(
        "ask for a body cavity search (API)",
        f"/api/v1/prisoners/{woman.uuid}/search-authorities/",
        {**why, "kind": "body_cavity"},
        api=True,
    )
    escort = {
        "device": "handcuffs",
        "purpose": "escort_transfer",
        "necessity": "She ran at the last escort.",
        "emergency": "no",
        "place": "escort",
    }
    seen.post("plan a restraint (page)", reverse("restraints:apply", args=[woman.uuid]), escort)
    seen.post(
        "plan a restraint (API)",
        f"/api/v1/prisoners/{woman.uuid}/restraints/apply/",
        {**escort, "emergency": False},
        api=True,
    )
    seen.get("her discipline (API)", f"/api/v1/prisoners/{woman.uuid}/discipline/")
    seen.get("her restraints (API)", f"/api/v1/prisoners/{woman.uuid}/restraints/")
    seen.get("her (API)", f"/api/v1/prisoners/{woman.uuid}/")
    seen.get("her page again", her)
    seen.get("held actions", reverse("complaints:held-list"))
    seen.get("held actions (API)", "/api/v1/held-actions/")
    seen.get("dashboard again", reverse("dashboard"))
    seen.get("tasks again", reverse("reminders:tasks"))
    seen.get("tasks (API)", "/api/v1/tasks/")
    return seen.lines


def assert_same(named: list, unnamed: list) -> None:
    assert len(named) == len(unnamed)
    for (label, *mine), (_label, *theirs) in zip(named, unnamed, strict=True):
        if mine != theirs:
            diff = difflib.unified_diff(str(theirs[-1]).splitlines(), str(mine[-1]).splitlines())
            pytest.fail(f"{label} differs:\n" + "\n".join(list(diff)[:40]))


@pytest.mark.rule("7.3")
@pytest.mark.rule("25.1")
@pytest.mark.rule("M57")
def test_an_officer_named_in_her_report_receives_what_she_would_without_it(cast, woman_a):
    accused = make_staff("custody", woman_a.facility, username="accused", first_name="Somchai")
    with world():
        report(cast["custody"], woman_a, named_staff=[accused])
        named = officer_sequence(accused, woman_a)
        # The charges wait for the reviews all the same, and the reviewers see them.
        held = HeldAction.objects.filter(prisoner=woman_a)
        # The second segregation and restraint are refused (she has one pending), in both
        # worlds alike.
        kinds = ["body_cavity", "charge", "charge", "restraint", "segregation", "strip"]
        assert sorted(held.values_list("kind", flat=True)) == kinds
        assert Segregation.objects.get().authority == "pending"
        assert {h.status for h in held} == {"held"}
        assert tasks_for(cast["safeguarding"]).filter(kind=HELD_TASK).count() == 6
    with world():
        unnamed = officer_sequence(accused, woman_a)
        assert not HeldAction.objects.exists()
        assert Segregation.objects.get().authority == "pending"
    assert_same(named, unnamed)


def governors_queue_and_tasks(seen: Transcript) -> list:
    """What the governor reads after she acts: her queue, her tasks and her dashboard."""
    seen.get("authority queue", reverse("authority:queue"))
    seen.get("authority queue (API)", "/api/v1/authorities/waiting/")
    seen.get("tasks", reverse("reminders:tasks"))
    seen.get("tasks (API)", "/api/v1/tasks/")
    seen.get("dashboard", reverse("dashboard"))
    return seen.lines


KO_AUNG = uuid.UUID("6d1f0a52-3f55-4c39-9d0e-2b8f0d6a1c11")


def governor_acts(governor, woman, charge) -> list:
    """The governor herself sanctions her, restricts her contact and segregates her (pages
    and API), then reads what follows, her queue and her tasks among it."""
    seen = Transcript(governor, woman)
    ends = (timezone.localdate() + timedelta(days=3)).isoformat()
    sanction = {"type": "loss_of_privileges", "privilege": "entertainment", "ends_on": ends}
    seen.post(
        "impose a sanction (page)",
        reverse("discipline:impose", args=[charge.uuid]),
        {f"sanction-{field}": value for field, value in sanction.items()},
    )
    seen.post(
        "impose a loss of work (API)",
        f"/api/v1/charges/{charge.uuid}/sanctions/",
        {"type": "loss_of_work", "ends_on": ends},
        api=True,
    )
    # The same person, with the same id, in her family record in both worlds.
    person = FamilyMember.objects.create(
        uuid=KO_AUNG,
        prisoner=woman,
        name="Ko Aung",
        relationship="Former partner",
        recorded_by=governor,
    )
    restriction = {
        "means": "calls",
        "person": str(person.uuid),
        "reason": "Threats on the phone",
        "ends_on": ends,
    }
    seen.post(
        "restrict contact (page)", reverse("discipline:restrict", args=[woman.uuid]), restriction
    )
    seen.post(
        "restrict contact (API)",
        f"/api/v1/prisoners/{woman.uuid}/contact-restrictions/",
        {**restriction, "means": "letters"},
        api=True,
    )
    segregation = {"kind": "separation", "reason": "Kept apart after a fight", "planned_end": ends}
    seen.post("segregate (page)", reverse("discipline:segregate", args=[woman.uuid]), segregation)
    seen.get("the charge", reverse("discipline:charge", args=[charge.uuid]))
    seen.get("her discipline (API)", f"/api/v1/prisoners/{woman.uuid}/discipline/")
    seen.get("her page", reverse("prisoners:detail", args=[woman.uuid]))
    return governors_queue_and_tasks(seen)


@pytest.mark.rule("7.3")
@pytest.mark.rule("25.1")
@pytest.mark.rule("M57")
def test_a_governor_named_in_her_report_acting_herself_receives_what_she_would_without_it(
    cast, woman_a
):
    from discipline.tests.factories import proved_charge

    governor = cast["governor"]
    with world():
        charge = proved_charge(cast, woman_a)  # before her report: it stands
        report(cast["custody"], woman_a, named_staff=[governor])
        named = governor_acts(governor, woman_a, charge)
        kinds = ["contact_restriction", "contact_restriction", "loss_of_work", "sanction"]
        held = HeldAction.objects.filter(prisoner=woman_a).exclude(kind="segregation")
        assert sorted(held.values_list("kind", flat=True)) == kinds
        assert HeldAction.objects.filter(kind="segregation").count() == 1
    with world():
        charge = proved_charge(cast, woman_a)
        unnamed = governor_acts(governor, woman_a, charge)
        assert not HeldAction.objects.exists()
    assert_same(named, unnamed)


def governor_sequence(governor, woman, charge) -> list:
    seen = Transcript(governor, woman)
    seen.get("her page", reverse("prisoners:detail", args=[woman.uuid]))
    seen.get("dashboard", reverse("dashboard"))
    seen.get("tasks", reverse("reminders:tasks"))
    seen.get("tasks (API)", "/api/v1/tasks/")
    seen.get("the charge", reverse("discipline:charge", args=[charge.uuid]))
    seen.get("held actions", reverse("complaints:held-list") + "?status=all")
    seen.get("held actions (API)", "/api/v1/held-actions/")
    seen.get("her complaints (API)", f"/api/v1/prisoners/{woman.uuid}/complaints/")
    seen.get("oversight", reverse("oversight:overview"))
    every = "&".join(f"key={key}" for key in ("adverse-actions-unreviewed", "complaints-overdue"))
    seen.get("oversight's first cases", f"{reverse('oversight:first-cases')}?{every}")
    seen.get("oversight (API)", "/api/v1/oversight/")
    for key in ("held-actions", "complaints"):
        seen.get(f"oversight {key}", reverse("oversight:records", args=[key]))
        seen.get(f"oversight {key} (API)", f"/api/v1/oversight/records/{key}/")
    for key in ("adverse-actions-unreviewed", "complaints-overdue"):
        seen.get(f"oversight {key}", reverse("oversight:cases", args=[key]))
        seen.get(f"oversight {key} (API)", f"/api/v1/oversight/must-be-zero/{key}/")
    return seen.lines


@pytest.mark.rule("7.3")
@pytest.mark.rule("25.1")
@pytest.mark.rule("M57")
def test_a_governor_named_in_her_report_sees_no_trace_of_it_nor_of_what_it_holds(cast, woman_a):
    from discipline.services.charges import lay_charge

    governor = cast["governor"]
    deputy = make_staff("governor", woman_a.facility, username="deputy")

    def charged():
        return lay_charge(
            by=cast["custody"], prisoner=woman_a, offence="Late for roll call", language="Thai"
        )

    with world():
        report(cast["custody"], woman_a, named_staff=[governor])
        charge = charged()
        held = HeldAction.objects.get()
        named = governor_sequence(governor, woman_a, charge)
        # The held action itself: the same 404 as an id that doesn't exist.
        for url in (
            reverse("complaints:held", args=[held.uuid]),
            f"/api/v1/held-actions/{held.uuid}/review/",
        ):
            answer = client_for(governor).post(url, {"retaliatory": False})
            missing = client_for(governor).post(url.replace(str(held.uuid), str(Charge().uuid)))
            assert answer.status_code == missing.status_code == 404
            assert normalised(answer.content.decode(), woman_a) == normalised(
                missing.content.decode(), woman_a
            )
        with pytest.raises(Http404):
            review_held_action(by=governor, held=held, retaliatory=False)
        # Her review task goes to the other governor only.
        assert not Reminder.objects.filter(kind=HELD_TASK).exclude(hidden_from=governor)
        assert tasks_for(deputy).filter(kind=HELD_TASK).count() == 1
        review_held_action(by=cast["safeguarding"], held=held, retaliatory=False)
        review_held_action(by=deputy, held=held, retaliatory=False)
        held.refresh_from_db()
        assert held.status == "released" and held.governor_by == deputy
    with world():
        charge = charged()
        unnamed = governor_sequence(governor, woman_a, charge)
    assert_same(named, unnamed)


@pytest.mark.rule("M57")
@pytest.mark.rule("25.1")
def test_when_every_governor_is_named_a_safeguarding_officer_takes_the_governors_review(
    cast, woman_a
):
    from discipline.services.charges import decide_charge, lay_charge

    second = make_staff("safeguarding", woman_a.facility, username="second_safeguarding")
    report(cast["custody"], woman_a, named_staff=[cast["governor"]])
    charge = lay_charge(
        by=cast["custody"], prisoner=woman_a, offence="Late for roll call", language="Thai"
    )
    held = HeldAction.objects.get()
    governors_task = Reminder.objects.get(key=f"complaints.held:{held.uuid}:governor")
    assert governors_task.assignee_role == "safeguarding"
    review_held_action(by=cast["safeguarding"], held=held, retaliatory=False)
    with pytest.raises(Exception) as twice:  # one person never gives both reviews
        review_held_action(by=cast["safeguarding"], held=held, retaliatory=False)
    assert "recorded already" in str(twice.value)
    with pytest.raises(Exception) as waiting:  # the hearing waits, saying nothing of why
        decide_charge(
            by=cast["governor"],
            charge=charge,
            proved=False,
            reasons="r",
            evidence="e",
            mental_health="none_known",
            informed_promptly=True,
            time_to_prepare=True,
        )
    assert str(NOT_YET) in str(waiting.value)
    for word in ("complaint", "report", "7.3", "25", "retaliat", "protected"):
        assert word not in str(NOT_YET).lower()
    review_held_action(by=second, held=held, retaliatory=False)
    held.refresh_from_db()
    assert held.status == "released" and held.governor_by == second
    decide_charge(
        by=cast["governor"],
        charge=charge,
        proved=False,
        reasons="Not proved",
        evidence="Roll call sheet",
        mental_health="none_known",
        informed_promptly=True,
        time_to_prepare=True,
    )
    charge.refresh_from_db()
    assert charge.status == "dismissed"


@pytest.mark.rule("7.3")
def test_a_charge_found_retaliatory_is_dismissed_without_a_hearing(cast, woman_a):
    from discipline.services.charges import lay_charge

    report(cast["custody"], woman_a)
    charge = lay_charge(
        by=cast["custody"], prisoner=woman_a, offence="Late for roll call", language="Thai"
    )
    assert charge.status == "laid"
    held = HeldAction.objects.get(record_uuid=charge.uuid)
    review_held_action(by=cast["safeguarding"], held=held, retaliatory=True)
    charge.refresh_from_db()
    assert charge.status == "dismissed" and not hasattr(charge, "hearing")


@pytest.mark.rule("7.3")
@pytest.mark.rule("25.1")
def test_a_complaint_named_later_hides_her_open_review_tasks_from_the_staff_it_names(cast, woman_a):
    from discipline.services.charges import lay_charge

    report(cast["custody"], woman_a)
    lay_charge(by=cast["custody"], prisoner=woman_a, offence="Late", language="Thai")
    assert tasks_for(cast["governor"]).filter(kind=HELD_TASK).exists()
    report(cast["custody"], woman_a, named_staff=[cast["governor"]])
    assert not tasks_for(cast["governor"]).filter(kind=HELD_TASK).exists()


@pytest.mark.rule("25.1")
@pytest.mark.rule("7.3")
def test_her_complaint_follows_her_when_she_is_transferred(cast, admitted, facility_b):
    from admissions.services import confirm_transfer, propose_transfer

    woman = admitted.prisoner
    filed = report(cast["custody"], woman)
    # Her protection has ended before the move: the governor's confirmation needs no review.
    SafeguardingRecord.objects.filter(prisoner=woman).update(
        protected_until=timezone.now() - timedelta(minutes=1)
    )
    proposal = propose_transfer(
        by=cast["governor"], admission=admitted, to_facility=facility_b, reason="Nearer home"
    )
    confirm_transfer(by=cast["governor"], record=proposal)
    filed.refresh_from_db()
    assert filed.facility == facility_b
    assert SafeguardingRecord.objects.get(prisoner=woman).facility == facility_b
    here = cast["safeguarding"]
    there = make_staff("safeguarding", facility_b, username="safeguarding_b")
    page = reverse("complaints:detail", args=[filed.uuid])
    assert client_for(here).get(page).status_code == 404
    assert client_for(there).get(page).status_code == 200
    assert not tasks_for(here).filter(prisoner=woman).exists()
    assert tasks_for(there).filter(kind="complaints.acknowledge", prisoner=woman).exists()


@pytest.mark.rule("25.1")
@pytest.mark.rule("7.3")
def test_a_transfer_confirmed_once_released_takes_her_complaint_and_its_holds_with_her(
    cast, admitted, facility_b
):
    from admissions.services import confirm_transfer, propose_transfer

    woman = admitted.prisoner
    filed = report(cast["custody"], woman)
    proposal = propose_transfer(
        by=cast["reception"], admission=admitted, to_facility=facility_b, reason="Room"
    )
    held = HeldAction.objects.get(record_uuid=proposal.uuid)
    review_held_action(by=cast["safeguarding"], held=held, retaliatory=False)
    review_held_action(by=cast["governor"], held=held, retaliatory=False)
    confirm_transfer(by=cast["governor"], record=proposal)
    held.refresh_from_db()
    filed.refresh_from_db()
    assert held.status == "released" and held.facility == filed.facility == facility_b
    assert (
        client_for(cast["governor"]).get(reverse("complaints:held", args=[held.uuid])).status_code
        == 404
    )


@pytest.mark.rule("7.3")
@pytest.mark.rule("25.1")
def test_a_segregation_custody_ask_for_after_her_report_awaits_authority_and_the_reviews(
    cast, woman_a
):
    from authority.services import confirm
    from discipline.services.segregation import AREA, segregate

    def asked():
        return segregate(
            by=cast["custody"],
            prisoner=woman_a,
            kind="separation",
            reason="Kept apart",
            planned_end=timezone.localdate() + timedelta(days=2),
        )

    report(cast["health"], woman_a)
    first = asked()
    assert first.authority == "pending"  # as for any woman
    with pytest.raises(Exception) as waiting:
        confirm(area=AREA, by=cast["governor"], record=first)
    assert str(NOT_YET) in str(waiting.value)
    first.refresh_from_db()
    assert first.authority == "pending" and first.started_at is None
    stopped = HeldAction.objects.get(record_uuid=first.uuid)
    review_held_action(by=cast["safeguarding"], held=stopped, retaliatory=True)
    first.refresh_from_db()
    assert first.authority == "refused" and first.started_at is None
    assert not tasks_for(cast["governor"]).filter(prisoner=woman_a).exists()
    second = asked()
    deputy = make_staff("governor", woman_a.facility, username="deputy")
    released = HeldAction.objects.get(record_uuid=second.uuid)
    review_held_action(by=cast["safeguarding"], held=released, retaliatory=False)
    review_held_action(by=deputy, held=released, retaliatory=False)
    confirm(area=AREA, by=cast["governor"], record=second)
    second.refresh_from_db()
    assert second.authority == "confirmed" and second.started_at is not None


def transfer_sequence(proposer, admission, deputy, to) -> list:
    """Whoever may propose a transfer proposes one (API), another governor refuses it, she
    proposes again (page) and reads what follows: the proposal is answered as for any woman
    and only its confirmation waits."""
    from admissions.services import refuse_transfer

    woman = admission.prisoner
    seen = Transcript(proposer, woman)
    page = reverse("admissions:detail", args=[admission.uuid])
    seen.get("the admission", page)
    api = f"/api/v1/admissions/{admission.uuid}/transfer/"
    body = {"to_facility": "B", "reason": "Overcrowding on the wing", "preference": "A"}
    proposed = seen.post("propose a transfer (API)", api, body, api=True)
    assert proposed.status_code == 201, proposed.content
    seen.post("propose it again (API)", api, body, api=True)  # one awaits confirmation
    from admissions.models import TransferProposal

    refuse_transfer(
        by=deputy,
        record=TransferProposal.objects.get(uuid=proposed.json()["uuid"]),
        reason="Not now",
    )
    again = seen.post(
        "propose a transfer (page)",
        reverse("admissions:transfer", args=[admission.uuid]),
        {"facility": to.pk, "reason": "Nearer her home", "programmes_needed": "Literacy"},
    )
    assert again.redirect_chain and "when a governor confirms it" in again.content.decode()
    seen.get("the admission again", page)
    seen.get("her page", reverse("prisoners:detail", args=[woman.uuid]))
    seen.get("the episode (API)", f"/api/v1/admissions/{admission.uuid}/")
    seen.get("women", reverse("prisoners:list"))
    seen.get("tasks", reverse("reminders:tasks"))
    seen.get("tasks (API)", "/api/v1/tasks/")
    seen.get("dashboard", reverse("dashboard"))
    if proposer.has_perm("admissions.confirm_transfer"):
        seen.get("authority queue", reverse("authority:queue"))
        seen.get("authority queue (API)", "/api/v1/authorities/waiting/")
    return seen.lines


def extension_sequence(governor, woman, segregation) -> list:
    """The governor herself asks for a later planned end (page and API; the second is refused
    as one already awaits confirmation), then reads what follows."""
    seen = Transcript(governor, woman)
    later = (timezone.localdate() + timedelta(days=8)).isoformat()
    seen.post(
        "extend (page)",
        reverse("discipline:extend", args=[segregation.uuid]),
        {"extend-planned_end": later, "extend-reason": "Still at risk from the others"},
    )
    seen.post(
        "extend (API)",
        f"/api/v1/segregations/{segregation.uuid}/extend/",
        {"planned_end": later},
        api=True,
    )
    seen.get("the segregation", reverse("discipline:segregation", args=[segregation.uuid]))
    seen.get("her discipline (API)", f"/api/v1/prisoners/{woman.uuid}/discipline/")
    return governors_queue_and_tasks(seen)


@pytest.mark.rule("7.3")
@pytest.mark.rule("25.1")
@pytest.mark.rule("M57")
@pytest.mark.parametrize("role", ["reception", "governor"])
def test_staff_named_in_her_report_proposing_a_transfer_receive_what_they_would_without_it(
    role, cast, admitted, facility_b
):
    from admissions.models import Transfer, TransferProposal

    woman = admitted.prisoner
    proposer = make_staff(role, woman.facility, username=f"accused_{role}")
    deputy = make_staff("governor", woman.facility, username="deputy")
    with world():
        report(cast["custody"], woman, named_staff=[proposer])
        named = transfer_sequence(proposer, admitted, deputy, facility_b)
        held = HeldAction.objects.filter(prisoner=woman)
        assert sorted(held.values_list("kind", flat=True)) == ["transfer", "transfer"]
        pending = TransferProposal.objects.get(authority="pending")
        assert HeldAction.objects.get(record_uuid=pending.uuid).status == "held"
        assert not Transfer.objects.exists()
    with world():
        unnamed = transfer_sequence(proposer, admitted, deputy, facility_b)
        assert not HeldAction.objects.exists()
        assert TransferProposal.objects.filter(authority="pending").count() == 1
    assert_same(named, unnamed)


@pytest.mark.rule("7.3")
@pytest.mark.rule("25.1")
@pytest.mark.rule("M57")
def test_a_governor_named_in_her_report_extending_a_segregation_receives_what_she_would(
    cast, woman_a
):
    from discipline.models import SegregationExtension
    from discipline.tests.factories import segregated

    governor = cast["governor"]
    with world():
        segregation = segregated(cast, woman_a)  # before her report
        report(cast["custody"], woman_a, named_staff=[governor])
        named = extension_sequence(governor, woman_a, segregation)
        held = HeldAction.objects.get(prisoner=woman_a)
        assert held.kind == "segregation_extension"
        assert SegregationExtension.objects.get().awaits_authority
    with world():
        segregation = segregated(cast, woman_a)
        unnamed = extension_sequence(governor, woman_a, segregation)
        assert not HeldAction.objects.exists()
        assert SegregationExtension.objects.get().awaits_authority
    assert_same(named, unnamed)


def contact_sequence(officer, social, woman) -> list:
    """A custody officer cancels visits for the prison and a social worker withdraws visitors
    for the prison (pages and API), then each reads what follows."""
    from visits.tests.factories import approved, booked

    first, second = (approved({"social": social}, woman, name=n) for n in ("Dao", "Noi"))
    visits = [booked({"custody": officer}, woman, [person]) for person in (first, second)]
    seen = Transcript(officer, woman)
    seen.post(
        "cancel a visit (page)",
        reverse("visits:cancel", args=[visits[0].uuid]),
        {"cancel-cancelled_by": "prison", "cancel-reason": "Search of the visits hall"},
    )
    seen.post(
        "cancel a visit (API)",
        f"/api/v1/visits/{visits[1].uuid}/cancel/",
        {"cancelled_by": "prison", "reason": "Search of the visits hall"},
        api=True,
    )
    seen.get("the visit", reverse("visits:visit", args=[visits[0].uuid]))
    seen.get("her visits (API)", f"/api/v1/prisoners/{woman.uuid}/visits/")
    seen.get("tasks", reverse("reminders:tasks"))
    seen.get("dashboard", reverse("dashboard"))
    worker = Transcript(social, woman)
    worker.post(
        "withdraw a visitor (page)",
        reverse("visits:withdraw-by-prison", args=[first.uuid]),
        {"reason": "Passed a package at the last visit"},
    )
    worker.post(
        "withdraw a visitor (API)",
        f"/api/v1/visitors/{second.uuid}/prison-withdrawal/",
        {"reason": "Passed a package at the last visit"},
        api=True,
    )
    worker.get("her visitors", reverse("visits:visitors", args=[woman.uuid]))
    worker.get("her visitors (API)", f"/api/v1/prisoners/{woman.uuid}/visitors/")
    worker.get("tasks", reverse("reminders:tasks"))
    worker.get("tasks (API)", "/api/v1/tasks/")
    return seen.lines + worker.lines


@pytest.mark.rule("7.3")
@pytest.mark.rule("25.1")
@pytest.mark.rule("M57")
def test_staff_named_in_her_report_restricting_her_visits_receive_what_they_would_without_it(
    cast, woman_a
):
    from visits.models import VisitCancellation, VisitorWithdrawal

    officer = make_staff("custody", woman_a.facility, username="accused", first_name="Somchai")
    social = make_staff("social", woman_a.facility, username="accused_social")
    with world():
        report(cast["custody"], woman_a, named_staff=[officer, social])
        named = contact_sequence(officer, social, woman_a)
        kinds = sorted(HeldAction.objects.values_list("kind", flat=True))
        assert kinds == ["visit_cancellation"] * 2 + ["visitor_withdrawal"] * 2
        assert {r.authority for r in VisitCancellation.objects.all()} == {"pending"}
        assert {r.authority for r in VisitorWithdrawal.objects.all()} == {"pending"}
    with world():
        unnamed = contact_sequence(officer, social, woman_a)
        assert not HeldAction.objects.exists()
        assert VisitCancellation.objects.count() == VisitorWithdrawal.objects.count() == 2
    assert_same(named, unnamed)
