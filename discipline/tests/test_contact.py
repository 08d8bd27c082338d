"""Contact restrictions at the service (Rule 23; Mandela 43.3): one means of contact with one
person on her visitor list or in her family record, never a name typed in, never her child."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, InternalError, transaction

from discipline.models import ContactRestriction
from discipline.services.contact import confirm_restriction, people_to_choose, restrict_contact
from register.services import record_child
from register.tests.factories import child_fields
from reminders.models import Reminder
from tests import refusals
from visits.tests.factories import approved

from .factories import family_member, in_days

pytestmark = pytest.mark.django_db


def restriction(person, **overrides):
    fields = {
        "means": "calls",
        "person": person.uuid,
        "reason": "Calls used to arrange bringing drugs in.",
        "ends_on": in_days(30),
    }
    return {**fields, **overrides}


def refused_under(rule, cast, woman, **fields):
    with refusals.refused(rule, ContactRestriction, Reminder) as refused:
        restrict_contact(by=cast["governor"], prisoner=woman, **fields)
    return str(refused.value)


@pytest.mark.rule("25.1")
def test_the_governor_restricts_one_means_with_one_person_of_her_family_until_a_date(cast, woman_a):
    """Ordered, it is in force once a governor confirms it, as for every woman (so that one
    ordered while she is protected after a report is answered alike, Rule 25.1)."""
    partner = family_member(cast, woman_a)
    made = restrict_contact(by=cast["governor"], prisoner=woman_a, **restriction(partner))
    assert made.family_member == partner and made.visitor is None
    assert made.person_name == "Somsak Boonmee" and made.relationship == "Former partner"
    assert made.means == "calls" and made.ends_on == in_days(30) and not made.covers_children
    assert made.awaits_authority and not made.in_force
    assert confirm_restriction(by=cast["governor"], record=made).in_force


def test_a_person_on_her_visitor_list_is_named_by_the_record(cast, woman_a):
    brother = approved(cast, woman_a, name="Anan Srisuk")
    made = restrict_contact(
        by=cast["governor"], prisoner=woman_a, **restriction(brother, means="visits")
    )
    assert made.visitor == brother and made.person_name == "Anan Srisuk"


@pytest.mark.rule("23")
@pytest.mark.parametrize("person", ["Somsak Boonmee", "", "not-a-uuid", None])
def test_a_name_typed_in_is_not_a_person_and_nothing_is_written(cast, woman_a, person):
    with pytest.raises(ValidationError) as refused:
        restrict_contact(
            by=cast["governor"],
            prisoner=woman_a,
            means="calls",
            person=person,
            reason="Security",
            ends_on=in_days(5),
        )
    assert "person" in refused.value.message_dict
    assert not ContactRestriction.objects.exists()


def test_a_person_of_another_womans_family_is_not_hers(cast, woman_a, facility_a):
    from prisoners.tests.factories import PrisonerFactory

    other = family_member(cast, PrisonerFactory(facility=facility_a))
    with pytest.raises(ValidationError):
        restrict_contact(by=cast["governor"], prisoner=woman_a, **restriction(other))
    assert not ContactRestriction.objects.exists()


def her_child_as_a_visitor(cast, woman):
    from visits.services.visitors import add_visitor, record_consultation

    child = record_child(by=cast["reception"], mother=woman, **child_fields())
    person = add_visitor(by=cast["social"], prisoner=woman, name="", relationship="", child=child)
    return record_consultation(by=cast["social"], visitor=person, answer="agrees", language="th")


@pytest.mark.rule("23")
@pytest.mark.parametrize(
    "who",
    [
        "her child linked on her visitor list",
        "a visitor whose relationship is her child",
        "a spelling of her child's name on the visitor list",
        "a spelling of her child's name in her family record",
        "her son in her family record",
        "all her family in her family record",
    ],
)
def test_her_child_is_never_restricted_whoever_names_them_and_nothing_is_written(
    cast, woman_a, who
):
    if who == "her child linked on her visitor list":
        person = her_child_as_a_visitor(cast, woman_a)
    else:
        record_child(by=cast["reception"], mother=woman_a, **child_fields())  # Ploy Srisuk
        person = {
            "a visitor whose relationship is her child": lambda: approved(
                cast, woman_a, name="Nok", relationship="child", adult=False, age_given=9
            ),
            "a spelling of her child's name on the visitor list": lambda: approved(
                cast, woman_a, name="Ploi Srisook", relationship="friend"
            ),
            "a spelling of her child's name in her family record": lambda: family_member(
                cast, woman_a, "PLOY  SRI-SUK", "Relative"
            ),
            "her son in her family record": lambda: family_member(cast, woman_a, "Nok", "Son"),
            "all her family in her family record": lambda: family_member(
                cast, woman_a, "The Srisuk family", "Relatives"
            ),
        }[who]()
    message = refused_under("23", cast, woman_a, **restriction(person, ends_on=date(2099, 1, 1)))
    assert "children" in message and "Rule 23" in message
    assert person.name not in message


@pytest.mark.rule("23")
def test_her_children_are_not_offered_to_choose(cast, woman_a):
    child = her_child_as_a_visitor(cast, woman_a)
    partner = family_member(cast, woman_a)
    son = family_member(cast, woman_a, "Nok", "Son")
    offered = dict(people_to_choose(cast["governor"], woman_a))
    assert str(partner.uuid) in offered
    assert str(child.uuid) not in offered and str(son.uuid) not in offered
    assert "Ploy" not in " ".join(offered.values())


@pytest.mark.rule("23")
@pytest.mark.parametrize("means", ["all_contact", "any", "family"])
def test_a_restriction_never_covers_all_means(cast, woman_a, means):
    refused_under("23", cast, woman_a, **restriction(family_member(cast, woman_a), means=means))


@pytest.mark.rule("M43")
def test_a_restriction_lasts_a_limited_time_not_until_2099(cast, woman_a, settings):
    settings.CONTACT_RESTRICTION_MAX_DAYS = 90
    partner = family_member(cast, woman_a)
    message = refused_under("M43", cast, woman_a, **restriction(partner, ends_on=date(2099, 1, 1)))
    assert "90 days" in message
    made = restrict_contact(
        by=cast["governor"], prisoner=woman_a, **restriction(partner, ends_on=in_days(90))
    )
    assert made.ends_on == in_days(90)


@pytest.mark.rule("M43")
@pytest.mark.parametrize(("field", "value"), [("reason", "  "), ("ends_on", None)])
def test_a_restriction_needs_a_security_reason_and_an_end_date(cast, woman_a, field, value):
    partner = family_member(cast, woman_a)
    with pytest.raises(ValidationError) as refused:
        restrict_contact(
            by=cast["governor"], prisoner=woman_a, **restriction(partner, **{field: value})
        )
    assert field in refused.value.message_dict


@pytest.mark.rule("23")
def test_the_database_refuses_a_restriction_covering_children(cast, woman_a):
    made = restrict_contact(
        by=cast["governor"], prisoner=woman_a, **restriction(family_member(cast, woman_a))
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        ContactRestriction.objects.filter(pk=made.pk).update(covers_children=True)


@pytest.mark.rule("23")
def test_the_database_refuses_a_restriction_naming_nobody_on_her_lists(cast, woman_a):
    with pytest.raises((IntegrityError, InternalError)), transaction.atomic():
        ContactRestriction.objects.create(
            prisoner=woman_a,
            facility=woman_a.facility,
            means="calls",
            person_name="Somchay Srisuk",
            relationship="Friend",
            reason="Typed in",
            starts_on=in_days(0),
            ends_on=in_days(3),
            decided_by=cast["governor"],
        )
    assert not ContactRestriction.objects.exists()


@pytest.mark.parametrize("role", ["custody", "social", "inspector"])
def test_only_the_governor_restricts_contact(cast, woman_a, role):
    partner = family_member(cast, woman_a)
    with pytest.raises(PermissionDenied):
        restrict_contact(by=cast[role], prisoner=woman_a, **restriction(partner))
