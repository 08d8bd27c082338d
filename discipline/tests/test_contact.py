"""Contact restrictions at the service (Rule 23; Mandela 43.3)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from bangkok.errors import RuleBroken
from discipline.models import ContactRestriction
from discipline.services.contact import confirm_restriction, restrict_contact
from register.services import record_child
from register.tests.factories import child_fields

from .factories import in_days

pytestmark = pytest.mark.django_db


def restriction(**overrides):
    fields = {
        "means": "calls",
        "person_name": "Somsak Boonmee",
        "relationship": "Former partner",
        "reason": "Calls used to arrange bringing drugs in.",
        "ends_on": in_days(30),
    }
    return {**fields, **overrides}


@pytest.mark.rule("25.1")
def test_the_governor_restricts_one_means_with_one_person_until_a_date(cast, woman_a):
    """Ordered, it is in force once a governor confirms it, as for every woman (so that one
    ordered while she is protected after a report is answered alike, Rule 25.1)."""
    made = restrict_contact(by=cast["governor"], prisoner=woman_a, **restriction())
    assert made.means == "calls" and made.ends_on == in_days(30) and not made.covers_children
    assert made.awaits_authority and not made.in_force
    assert confirm_restriction(by=cast["governor"], record=made).in_force


@pytest.mark.rule("23")
@pytest.mark.parametrize(
    "overrides",
    [
        {"covers_children": True},
        {"relationship": "Her son"},
        {"relationship": "Daughter"},
        {"relationship": "All family"},
        {"person_name": "Her children"},
        {"means": "all_contact"},
    ],
)
def test_a_restriction_never_covers_her_children_nor_all_her_family(cast, woman_a, overrides):
    with pytest.raises(RuleBroken) as refused:
        restrict_contact(by=cast["governor"], prisoner=woman_a, **restriction(**overrides))
    assert refused.value.rule == "23"
    assert "children" in str(refused.value)
    assert not ContactRestriction.objects.exists()


@pytest.mark.rule("23")
def test_a_restriction_naming_a_child_of_hers_on_the_register_is_refused(cast, woman_a):
    child = record_child(by=cast["reception"], mother=woman_a, **child_fields())
    with pytest.raises(RuleBroken):
        restrict_contact(
            by=cast["governor"],
            prisoner=woman_a,
            **restriction(
                person_name=f"{child.given_names} {child.family_name}", relationship="Relative"
            ),
        )
    assert not ContactRestriction.objects.exists()


@pytest.mark.rule("M43")
@pytest.mark.parametrize(("field", "value"), [("reason", "  "), ("ends_on", None)])
def test_a_restriction_needs_a_security_reason_and_an_end_date(cast, woman_a, field, value):
    with pytest.raises(ValidationError) as refused:
        restrict_contact(by=cast["governor"], prisoner=woman_a, **restriction(**{field: value}))
    assert field in refused.value.message_dict


@pytest.mark.rule("23")
def test_the_database_refuses_a_restriction_covering_children(cast, woman_a):
    made = restrict_contact(by=cast["governor"], prisoner=woman_a, **restriction())
    with pytest.raises(IntegrityError), transaction.atomic():
        ContactRestriction.objects.filter(pk=made.pk).update(covers_children=True)


@pytest.mark.parametrize("role", ["custody", "social", "inspector"])
def test_only_the_governor_restricts_contact(cast, woman_a, role):
    with pytest.raises(PermissionDenied):
        restrict_contact(by=cast[role], prisoner=woman_a, **restriction())
