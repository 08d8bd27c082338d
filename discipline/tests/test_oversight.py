"""What the governor and inspector oversee (indicators 16-19): the counts that must be zero
are computed from the records themselves, here written around the services on purpose."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from discipline import oversight
from discipline.models import ContactRestriction, Segregation
from discipline.services.contact import restrict_contact
from discipline.services.segregation import end_segregation
from facilities.models import Facility
from oversight.registry import lists_for, zeros_for
from prisoners.models import ProtectionFlags
from prisoners.tests.factories import PrisonerFactory
from register.services import record_child
from register.tests.factories import child_fields

from .factories import confinement, family_member, in_days, move_back, segregated

pytestmark = pytest.mark.django_db


def cases(count, facility):
    today = timezone.localdate()
    facilities = Facility.objects.filter(pk=facility.pk)
    return list(count(facilities, today - timedelta(days=30), today))


def raw_segregation(cast, woman, **fields):
    """A segregation as a careless write would leave it, without the service's checks."""
    today = timezone.localdate()
    values = {
        "prisoner": woman,
        "facility": woman.facility,
        "kind": "separation",
        "reason": "x",
        "authorised_by": cast["governor"],
        "authority_decided_at": timezone.now(),
        "recorded_by": cast["governor"],
        "started_at": timezone.now(),
        "start_date": today,
        "run_start": today,
        "planned_end": today,
        **fields,
    }
    return Segregation.objects.create(**values)


def test_discipline_registers_its_lists_and_counts_for_the_inspector(cast):
    keys = {item.key for item in zeros_for(cast["inspector"])}
    assert {
        "segregation-of-protected-women",
        "segregation-over-15-days",
        "segregation-of-girls",
        "sanctions-on-family-contact",
        "restrictions-on-children",
    } <= keys
    lists = {item.key for item in lists_for(cast["inspector"])}
    assert {"sanctions", "segregations", "contact-restrictions"} <= lists
    assert "segregations" not in {item.key for item in lists_for(cast["social"])}


@pytest.mark.rule("22")
def test_a_segregation_during_which_she_came_under_protection_is_counted_from_her_history(
    cast, woman_a, facility_a
):
    segregation = segregated(cast, woman_a)
    move_back(segregation, 2)
    ProtectionFlags.objects.filter(prisoner=woman_a).update(no_segregation=True)
    found = cases(oversight.segregations_of_protected_women, facility_a)
    assert [s.uuid for s in found] == [segregation.uuid]
    row = oversight.segregation_row(found[0])
    assert row.url.endswith(f"/segregations/{segregation.uuid}/")
    assert "pregnan" not in row.what.lower()


@pytest.mark.rule("22")
def test_a_segregation_begun_while_she_was_protected_is_counted(cast, woman_a, facility_a):
    ProtectionFlags.objects.filter(prisoner=woman_a).update(no_segregation=True)
    raw_segregation(cast, woman_a)
    assert len(cases(oversight.segregations_of_protected_women, facility_a)) == 1


@pytest.mark.rule("22")
def test_a_segregation_ended_before_she_came_under_protection_is_not_counted(
    cast, woman_a, facility_a
):
    segregation = segregated(cast, woman_a)
    end_segregation(by=cast["governor"], segregation=segregation, reason="Done")
    move_back(segregation, 3)
    ProtectionFlags.objects.filter(prisoner=woman_a).update(no_segregation=True)
    assert cases(oversight.segregations_of_protected_women, facility_a) == []


@pytest.mark.rule("M43")
def test_a_segregation_left_running_past_15_days_is_counted(cast, woman_a, facility_a):
    segregation = segregated(cast, woman_a)
    assert cases(oversight.segregations_too_long, facility_a) == []
    move_back(segregation, 15)
    assert [s.uuid for s in cases(oversight.segregations_too_long, facility_a)] == [
        segregation.uuid
    ]


@pytest.mark.rule("M45")
def test_a_segregation_of_a_girl_is_counted_by_her_age_on_the_day_it_began(cast, facility_a):
    girl = PrisonerFactory(facility=facility_a, date_of_birth=date.today() - timedelta(days=6000))
    woman = PrisonerFactory(facility=facility_a)
    raw_segregation(cast, girl)
    segregated(cast, woman)
    found = cases(oversight.segregations_of_girls, facility_a)
    assert [s.prisoner for s in found] == [girl]


@pytest.mark.rule("23")
def test_lawful_sanctions_are_not_counted_as_prohibiting_family_contact(cast, woman_a, facility_a):
    confinement(cast, woman_a)
    assert len(cases(oversight.sanctions_in, facility_a)) == 1
    assert cases(oversight.sanctions_on_family_contact, facility_a) == []


@pytest.mark.rule("23")
def test_a_restriction_covering_a_child_is_counted_by_its_words_or_the_register(
    cast, woman_a, facility_a
):
    child = record_child(by=cast["reception"], mother=woman_a, **child_fields())
    lawful = restrict_contact(
        by=cast["governor"],
        prisoner=woman_a,
        means="calls",
        person=family_member(cast, woman_a).uuid,
        reason="Security",
        ends_on=in_days(5),
    )

    def careless(person_name, relationship):
        return ContactRestriction.objects.create(
            family_member=family_member(cast, woman_a, person_name, relationship),
            prisoner=woman_a,
            facility=facility_a,
            means="visits",
            person_name=person_name,
            relationship=relationship,
            reason="x",
            starts_on=in_days(0),
            ends_on=in_days(3),
            decided_by=cast["governor"],
            authorised_by=cast["governor"],
            authority_decided_at=timezone.now(),
        )

    by_words = careless("Nok", "her son")
    by_register = careless(f"{child.given_names} {child.family_name}", "relative")
    found = {r.uuid for r in cases(oversight.restrictions_on_children, facility_a)}
    assert found == {by_words.uuid, by_register.uuid}
    assert lawful.uuid not in found
