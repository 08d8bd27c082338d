"""Her transfer to her home country (Rule 53.1): considered with a sentenced foreign national as
early as possible, pursued only where an agreement is in place and only on her application or
informed consent, decided by the competent authority and ended at once by her withdrawal."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from admissions.services import admit_woman
from admissions.tests.factories import commitment, identity
from audit.models import AuditEvent
from conftest import client_for
from parole import services
from parole.models import HomeTransfer
from reminders.models import OPEN_STATUSES, Reminder
from tests import refusals

from .factories import TRANSFER, home_transfer

pytestmark = pytest.mark.django_db


def admitted(cast, facility, **fields):
    return admit_woman(
        by=cast["reception"],
        facility=facility,
        commitment=commitment(),
        identity=identity(**fields),
    ).prisoner


@pytest.fixture
def foreign(cast, facility_a):
    """A sentenced woman of Myanmar, admitted."""
    return admitted(cast, facility_a, legal_status="sentenced", nationalities=["MM"])


@pytest.mark.rule("53.1")
def test_a_sentenced_foreign_national_admitted_asks_social_workers_to_consider_it(
    cast, facility_a, foreign
):
    task = Reminder.objects.get(kind=services.TRANSFER_KIND, prisoner=foreign)
    assert task.assignee_role == "social" and task.rule == "53.1"
    assert task.due_at.date() == (timezone.now() + timedelta(days=30)).date()
    remand = admitted(cast, facility_a, prison_number="R-1", nationalities=["MM"])
    thai = admitted(
        cast, facility_a, prison_number="T-1", legal_status="sentenced", nationalities=["TH"]
    )
    assert not Reminder.objects.filter(kind=services.TRANSFER_KIND, prisoner__in=[remand, thai])


def test_considered_and_not_pursued_with_its_reason_answers_the_task(cast, foreign):
    record = services.consider_home_transfer(
        by=cast["social"], prisoner=foreign, country="MM", pursued=False, not_pursued="she_declines"
    )
    assert record.status == "not_pursued"
    task = Reminder.objects.get(kind=services.TRANSFER_KIND, prisoner=foreign)
    assert task.status == "done"
    assert AuditEvent.objects.filter(action="parole.home_transfer_considered").exists()
    with refusals.invalid("not_pursued", HomeTransfer):
        services.consider_home_transfer(
            by=cast["social"], prisoner=foreign, country="MM", pursued=False
        )


@pytest.mark.rule("53.1")
@pytest.mark.parametrize(
    ("missing", "field"),
    [
        ({"agreement": ""}, "agreement"),
        ({"her_words": " "}, "her_words"),
        ({"consent_on": None}, "her_words"),
        ({"initiative": "proposed"}, "informed_by"),
        ({"initiative": "proposed", "informed_by": "The consul"}, "informed_by"),
    ],
)
def test_pursued_only_under_an_agreement_and_on_her_application_or_informed_consent(
    cast, foreign, missing, field
):
    fields = {**TRANSFER, "consent_on": timezone.localdate(), **missing}
    with refusals.refused("53.1", HomeTransfer) as caught:
        services.consider_home_transfer(by=cast["social"], prisoner=foreign, country="MM", **fields)
    assert caught.value.field == field
    assert "Rule 53.1" in str(caught.value)
    assert (
        Reminder.objects.get(kind=services.TRANSFER_KIND, prisoner=foreign).status in OPEN_STATUSES
    )


def test_a_proposal_she_consented_to_once_it_was_explained_in_her_language(cast, foreign):
    record = home_transfer(
        cast,
        foreign,
        initiative="proposed",
        informed_by="The social worker, with an interpreter",
        informed_language="my",
    )
    assert record.status == "applied" and record.informed_language == "my"


def test_only_a_foreign_national_and_one_of_her_nationalities(cast, woman_a, foreign):
    with refusals.invalid("country", HomeTransfer):
        services.consider_home_transfer(
            by=cast["social"], prisoner=foreign, country="KH", pursued=False, not_pursued="resident"
        )
    with pytest.raises(ValidationError), refusals.nothing_written(HomeTransfer):
        services.consider_home_transfer(
            by=cast["social"], prisoner=woman_a, country="TH", pursued=False, not_pursued="resident"
        )


def test_one_pursued_at_a_time_and_another_after_she_withdrew(cast, foreign):
    first = home_transfer(cast, foreign)
    with pytest.raises(ValidationError), refusals.nothing_written(HomeTransfer):
        home_transfer(cast, foreign)
    services.withdraw_home_transfer(by=cast["social"], transfer=first, her_words="Not now.")
    assert home_transfer(cast, foreign).status == "applied"


@pytest.mark.rule("53.1")
def test_the_decision_is_recorded_with_its_authority_and_never_after_she_withdrew(cast, foreign):
    decision = {
        "approved": True,
        "authority": "Ministry of Justice",
        "decided_on": timezone.localdate(),
        "reasons": "The treaty's conditions are met.",
    }
    record = home_transfer(cast, foreign)
    services.withdraw_home_transfer(by=cast["social"], transfer=record)
    with refusals.refused("53.1", HomeTransfer):
        services.decide_home_transfer(by=cast["governor"], transfer=record, **decision)
    assert HomeTransfer.objects.get(pk=record.pk).status == "withdrawn"
    second = home_transfer(cast, foreign)
    done = services.decide_home_transfer(by=cast["governor"], transfer=second, **decision)
    assert done.status == "approved" and done.decided_by == cast["governor"]
    with pytest.raises(ValidationError):
        services.decide_home_transfer(by=cast["governor"], transfer=second, **decision)
    with refusals.denied(HomeTransfer):
        services.decide_home_transfer(by=cast["social"], transfer=second, **decision)


@pytest.mark.rule("53.1")
def test_the_pages_consider_it_refuse_a_transfer_without_her_consent_and_show_it(cast, foreign):
    social = client_for(cast["social"])
    her = social.get(reverse("parole:her", args=[foreign.uuid])).content.decode()
    assert "Transfer to her home country (Rule 53.1)" in her
    url = reverse("parole:consider-home-transfer", args=[foreign.uuid])
    assert "Myanmar" in social.get(url).content.decode()
    form = {
        "country": "MM",
        "pursued": "yes",
        "agreement": TRANSFER["agreement"],
        "initiative": "proposed",
        "her_words": "",
    }
    with refusals.nothing_written(HomeTransfer):
        refused = social.post(url, form)
    assert refused.status_code == 400 and "Rule 53.1" in refused.content.decode()
    form |= {
        "initiative": "her_application",
        "her_words": "I want to go home.",
        "consent_on": timezone.localdate().isoformat(),
    }
    done = social.post(url, form)
    record = HomeTransfer.objects.get(prisoner=foreign)
    assert done.status_code == 302 and done["Location"] == reverse(
        "parole:home-transfer", args=[record.uuid]
    )
    page = client_for(cast["governor"]).get(done["Location"]).content.decode()
    assert "I want to go home." in page and "Record the decision" in page
    assert client_for(cast["custody"]).get(done["Location"]).status_code == 404


@pytest.mark.rule("53.1")
def test_the_api_names_the_rule_when_her_consent_is_missing(cast, foreign):
    from tests.versions import VersionedAPIClient

    client = VersionedAPIClient()
    client.force_authenticate(cast["social"])
    url = f"/api/v1/prisoners/{foreign.uuid}/home-transfers/"
    body = {
        "country": "MM",
        "pursued": True,
        "agreement": "Treaty",
        "initiative": "her_application",
    }
    with refusals.nothing_written(HomeTransfer):
        refused = client.post(url, body, format="json")
    assert refused.status_code == 409 and refused.json()["rule"] == "53.1"
    body |= {"her_words": "I apply.", "consent_on": timezone.localdate().isoformat()}
    created = client.post(url, body, format="json")
    assert created.status_code == 201 and created.json()["status"] == "applied"
    listed = client.get(url).json()
    assert [item["uuid"] for item in listed["results"]] == [created.json()["uuid"]]
