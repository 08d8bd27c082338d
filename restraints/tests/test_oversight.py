"""What the governor and the inspector see of restraints (RULES-SPEC 3, indicators 20-22)."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from breaches.services import record_breach
from facilities.models import Facility
from oversight.registry import lists_for, overview, zeros_for
from restraints.models import Restraint
from restraints.services import remove_restraint

from .factories import protect, restrain

pytestmark = pytest.mark.django_db


def _zero(user, key):
    return next(z for z in zeros_for(user) if z.key == key)


def _today():
    return timezone.localdate()


def _recorded(user, woman, key) -> int:
    facilities = Facility.objects.filter(pk=woman.facility_id)
    zeros, _lists = overview(user, facilities, _today() - timedelta(days=7), _today())
    return next(z["count"] for z in zeros if z["item"].key == key)


def _cases(user, key, facilities=None):
    facilities = facilities if facilities is not None else Facility.objects.all()
    return list(_zero(user, key).cases(facilities, _today() - timedelta(days=7), _today()))


def test_the_restraint_list_shows_the_facilitys_restraints_with_links(cast, woman_a, woman_b):
    from staff.tests.factories import make_staff

    mine = restrain(cast, woman_a)
    custody_b = make_staff("custody", woman_b.facility, username="custody_b")
    governor_b = make_staff("governor", woman_b.facility, username="governor_b")
    restrain({"custody": custody_b, "governor": governor_b}, woman_b)
    listing = next(i for i in lists_for(cast["inspector"]) if i.key == "restraints")

    records = listing.records(Facility.objects.filter(code="A"), _today(), _today())

    assert list(records) == [mine]
    row = listing.row(mine)
    assert row.url == f"/restraints/{mine.uuid}/"
    assert row.woman == woman_a


def test_roles_that_do_not_read_restraints_see_no_restraint_oversight(cast):
    assert not [i for i in lists_for(cast["reception"]) if i.key == "restraints"]
    assert not [z for z in zeros_for(cast["social"]) if z.key.startswith("restraints")]


@pytest.mark.rule("24")
def test_a_restraint_still_on_when_the_protection_appeared_counts_as_one_in_labour(cast, woman_a):
    restraint = restrain(cast, woman_a)
    assert _cases(cast["inspector"], "restraints-obstetric") == []

    protect(woman_a, no_restraint_obstetric=True)
    remove_restraint(by=cast["custody"], restraint=restraint)

    assert _cases(cast["inspector"], "restraints-obstetric") == [restraint]


@pytest.mark.rule("24")
def test_a_restraint_recorded_while_the_protection_was_on_counts_too(cast, woman_a):
    # Only a write around the service could store one; the count still reads it.
    restraint = restrain(cast, woman_a)
    Restraint.objects.filter(pk=restraint.pk).update(obstetric_protection_when_applied=True)

    assert _cases(cast["governor"], "restraints-obstetric") == [restraint]


@pytest.mark.rule("M43")
def test_a_restraint_used_as_a_punishment_can_only_be_recorded_as_a_breach_and_counts(
    cast, woman_a
):
    restraint = restrain(cast, woman_a)
    with pytest.raises(IntegrityError), transaction.atomic():
        Restraint.objects.filter(pk=restraint.pk).update(purpose="punishment")
    assert _recorded(cast["inspector"], woman_a, "restraints-punishment") == 0

    record_breach(
        by=cast["custody"],
        prisoner=woman_a,
        kind="restraints-punishment",
        occurred_at=timezone.now() - timedelta(hours=2),
        account="Kept in cuffs for an hour after she swore at an officer.",
    )
    assert _recorded(cast["inspector"], woman_a, "restraints-punishment") == 1


@pytest.mark.rule("24")
def test_a_restraint_of_a_woman_who_came_to_need_approval_without_one_counts(cast, woman_a):
    restraint = restrain(cast, woman_a)
    assert _cases(cast["inspector"], "restraints-without-health-approval") == []

    protect(woman_a, restraint_health_approval=True)

    assert _cases(cast["inspector"], "restraints-without-health-approval") == [restraint]


def test_the_counts_are_per_facility(cast, woman_a):
    restrain(cast, woman_a)
    protect(woman_a, no_restraint_obstetric=True)

    elsewhere = Facility.objects.exclude(code="A")
    assert _cases(cast["inspector"], "restraints-obstetric", elsewhere) == []
