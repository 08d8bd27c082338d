"""Dates that can be true (`bangkok.plausible`; QUALITY S9): no birth date in the future or
before 1900, no commitment order dated in the future, and nothing that happens to her in
custody dated before her arrest. Refused at the service, the page form and the API alike,
naming the field, with nothing written."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from admissions.forms import CommitmentForm, IdentityForm
from admissions.models import Admission
from admissions.services import admit_woman
from admissions.tests.factories import commitment, identity
from audit.models import AuditEvent
from prisoners.models import Prisoner
from tests.versions import VersionedAPIClient

pytestmark = pytest.mark.django_db


def tomorrow() -> date:
    """Tomorrow when the test runs (not when it was collected: a run may pass midnight)."""
    return timezone.localdate() + timedelta(days=1)


IMPLAUSIBLE_BIRTHS = {"future": tomorrow, "before 1900": lambda: date(1899, 12, 31)}


def refused_field(call, field: str) -> str:
    with pytest.raises(ValidationError) as refused:
        call()
    assert field in refused.value.message_dict, refused.value.message_dict
    return " ".join(refused.value.message_dict[field])


def api_as(user) -> VersionedAPIClient:
    client = VersionedAPIClient()
    client.force_authenticate(user)
    return client


# Birth dates


@pytest.mark.parametrize("when", IMPLAUSIBLE_BIRTHS.values(), ids=IMPLAUSIBLE_BIRTHS)
def test_a_woman_born_in_the_future_or_before_1900_is_not_admitted(cast, facility_a, when):
    born = when()
    message = refused_field(
        lambda: admit_woman(
            by=cast["reception"],
            facility=facility_a,
            commitment=commitment(),
            identity=identity(date_of_birth=born),
        ),
        "date_of_birth",
    )

    assert "date of birth" in message.lower()
    assert not Prisoner.objects.exists() and not Admission.objects.exists()
    assert not AuditEvent.objects.filter(
        action__in=["prisoner.registered", "admission.opened"]
    ).exists()


@pytest.mark.parametrize("when", IMPLAUSIBLE_BIRTHS.values(), ids=IMPLAUSIBLE_BIRTHS)
def test_the_api_and_the_page_form_refuse_the_same_birth_date(cast, facility_a, when):
    from admissions.tests.test_api import LIST, body

    born = when()
    response = api_as(cast["reception"]).post(
        LIST,
        body(identity={**body()["identity"], "date_of_birth": born.isoformat()}),
        format="json",
    )
    form = IdentityForm(data={"date_of_birth": born.isoformat()})

    assert response.status_code == 400
    assert "date_of_birth" in response.json()["identity"]
    assert not form.is_valid() and "date_of_birth" in form.errors
    assert not Prisoner.objects.exists() and not Admission.objects.exists()


def test_a_child_born_in_the_future_is_not_recorded(cast, woman_a):
    from register.models import Child
    from register.services import record_child
    from register.tests.factories import child_fields

    refused_field(
        lambda: record_child(
            by=cast["reception"], mother=woman_a, **child_fields(date_of_birth=tomorrow())
        ),
        "date_of_birth",
    )

    assert not Child.objects.exists()


def test_a_birth_on_1_january_1900_or_today_is_plausible(cast, facility_a):
    from bangkok.plausible import validate_birth_date

    validate_birth_date(date(1900, 1, 1))
    validate_birth_date(timezone.localdate())


# The commitment order


def test_a_commitment_order_dated_in_the_future_is_refused_at_every_door(cast, facility_a):
    from admissions.tests.test_api import LIST, body

    future = tomorrow()
    message = refused_field(
        lambda: admit_woman(
            by=cast["reception"],
            facility=facility_a,
            commitment=commitment(order_date=future),
            identity=identity(),
        ),
        "order_date",
    )
    response = api_as(cast["reception"]).post(
        LIST, body(order_date=future.isoformat()), format="json"
    )
    form = CommitmentForm(data={"order_date": future.isoformat()})

    assert "future" in message
    assert response.status_code == 400 and "order_date" in response.json()
    assert not form.is_valid() and "future" in " ".join(form.errors["order_date"])
    assert not Prisoner.objects.exists() and not Admission.objects.exists()


# Events in custody, not before her arrest


@pytest.fixture
def arrested(cast, woman_a):
    """Woman A, received on an order after her arrest on 19 November 2026 (the factory's)."""
    admit_woman(
        by=cast["reception"], facility=woman_a.facility, commitment=commitment(), returning=woman_a
    )
    return woman_a


@pytest.fixture
def before_arrest():
    return commitment()["arrested_at"] - timedelta(days=1)


def test_a_search_dated_before_her_arrest_is_refused(cast, arrested, before_arrest):
    from searches.models import Search
    from searches.services import record_search
    from searches.tests.factories import pat_down

    message = refused_field(
        lambda: record_search(
            by=cast["custody"],
            prisoner=arrested,
            searchers=[cast["custody"]],
            searched_at=before_arrest,
            **pat_down(),
        ),
        "searched_at",
    )

    assert "before she was arrested" in message
    assert not Search.objects.exists()


def test_a_restraint_dated_before_her_arrest_is_refused(cast, arrested, before_arrest):
    from restraints.models import Restraint
    from restraints.services import apply_restraint
    from restraints.tests.factories import EMERGENCY

    refused_field(
        lambda: apply_restraint(
            by=cast["custody"],
            prisoner=arrested,
            emergency=True,
            applied_at=before_arrest,
            **EMERGENCY,
        ),
        "applied_at",
    )

    assert not Restraint.objects.exists()


def test_a_charge_for_something_before_her_arrest_is_refused(cast, arrested, before_arrest):
    from discipline.models import Charge
    from discipline.services.charges import lay_charge

    refused_field(
        lambda: lay_charge(
            by=cast["custody"],
            prisoner=arrested,
            offence="Fighting",
            occurred_at=before_arrest,
            informed_at=before_arrest,
            language="Thai",
        ),
        "occurred_at",
    )

    assert not Charge.objects.exists()


def test_a_visit_dated_before_her_arrest_is_refused(cast, arrested, before_arrest):
    from visits.models import Visit
    from visits.services.bookings import book_visit

    refused_field(
        lambda: book_visit(
            by=cast["custody"], prisoner=arrested, kind="family", starts_at=before_arrest
        ),
        "starts_at",
    )

    assert not Visit.objects.exists()


def test_a_clinical_record_dated_before_her_arrest_is_refused(cast, arrested, before_arrest):
    from health.models import Encounter
    from health.services import care

    refused_field(
        lambda: care.record_encounter(
            by=cast["health"],
            prisoner=arrested,
            kind="general",
            clinician=cast["health"],
            at=before_arrest,
        ),
        "at",
    )

    assert not Encounter.objects.exists()


def test_the_api_answers_a_search_before_her_arrest_with_a_400_naming_the_field(
    cast, arrested, before_arrest
):
    from searches.models import Search
    from searches.tests.factories import pat_down

    response = api_as(cast["custody"]).post(
        f"/api/v1/prisoners/{arrested.uuid}/searches/",
        {**pat_down(), "searchers": ["custody"], "searched_at": before_arrest.isoformat()},
        format="json",
    )

    assert response.status_code == 400, response.content
    assert "searched_at" in response.json()
    assert not Search.objects.exists()
