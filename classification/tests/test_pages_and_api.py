"""Classification at each door: the page and the API, versions, a race, what each role reads of
it, her own copy, her section, oversight and the clock."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from admissions.services import admit_woman
from admissions.tests.factories import commitment, identity
from audit.models import AuditEvent
from classification import oversight
from classification.models import Classification
from classification.services import classify, review_classification
from conftest import client_for
from facilities.models import Facility
from reminders.models import Reminder
from tests.concurrency import race
from tests.refusals import nothing_written
from tests.versions import VersionedAPIClient

from .factories import LOW, MEDIUM, RAISED, classify_her

pytestmark = pytest.mark.django_db

NEEDS = {"victimisation": "Canaryabuse", "mental_health_needs": "Canarymind"}


def _form(**fields) -> dict:
    return {**LOW, **fields}


def api(user) -> VersionedAPIClient:
    client = VersionedAPIClient()
    client.force_authenticate(user)
    return client


def test_a_social_worker_classifies_her_on_the_page(cast, woman_a):
    client = client_for(cast["social"])
    page = client.get(f"/classification/women/{woman_a.uuid}/classify/")
    body = page.content.decode()
    assert page.status_code == 200
    # The form never offers violence she has experienced, nor an item she declined, as reasons.
    assert 'value="victimisation"' in body  # the declined items' box only
    assert 'name="raise_reasons" value="victimisation"' not in body
    assert 'name="raise_reasons" value="declined_item"' not in body

    response = client.post(
        f"/classification/women/{woman_a.uuid}/classify/", _form(**NEEDS), follow=True
    )

    c = Classification.objects.get()
    assert response.redirect_chain[0][0] == f"/classification/{c.uuid}/"
    assert "Classification recorded" in response.content.decode()
    assert "Canaryabuse" in response.content.decode()  # social workers read her needs
    again = client.get(f"/classification/women/{woman_a.uuid}/classify/")
    assert again.status_code == 302 and again.url == f"/classification/{c.uuid}/"


@pytest.mark.rule("41")
def test_the_page_shows_the_refusal_beside_the_form_and_writes_nothing(cast, woman_a):
    with nothing_written(Classification, Reminder):
        response = client_for(cast["social"]).post(
            f"/classification/women/{woman_a.uuid}/classify/",
            _form(level="high", raise_reasons=["mental_health"], rationale="Unwell"),
        )
    assert response.status_code == 400
    assert "mental-health needs alone" in response.content.decode()
    assert "Rule 41" in response.content.decode()


@pytest.mark.rule("41")
def test_the_api_refuses_naming_the_rule(cast, woman_a):
    url = f"/api/v1/prisoners/{woman_a.uuid}/classifications/"
    with nothing_written(Classification, Reminder):
        response = api(cast["governor"]).post(
            url, {**MEDIUM, "level": "high", "raise_reasons": ["escape_risk"]}, format="json"
        )
    assert response.status_code == 409 and response.json()["rule"] == "41"


@pytest.mark.rule("8")
def test_the_api_refuses_a_declined_item_as_a_reason(cast, woman_a):
    url = f"/api/v1/prisoners/{woman_a.uuid}/classifications/"
    with nothing_written(Classification, Reminder):
        response = api(cast["social"]).post(
            url,
            {**RAISED, "raise_reasons": ["escape_risk", "declined_item"]},
            format="json",
        )
    assert response.status_code == 409 and response.json()["rule"] == "8"


def test_the_api_classifies_and_each_role_reads_its_part(cast, woman_a):
    url = f"/api/v1/prisoners/{woman_a.uuid}/classifications/"
    made = api(cast["social"]).post(url, {**RAISED, **NEEDS}, format="json")
    assert made.status_code == 201, made.json()
    assert made.json()["needs"] is True and made.json()["victimisation"] == "Canaryabuse"

    custody = api(cast["custody"]).get(url).json()["results"][0]
    assert custody["level"] == "high" and custody["reasons_for_her"]
    for absent in ("victimisation", "mental_health_needs", "rationale", "raise_reasons", "score"):
        assert absent not in custody
    inspector = api(cast["inspector"]).get(url).json()["results"][0]
    assert inspector["raise_reasons"] == ["escape_risk", "mental_health"]
    assert inspector["default_level"] == "medium" and inspector["rationale"]
    assert "victimisation" not in inspector and "mental_health_needs" not in inspector
    assert api(cast["safeguarding"]).get(url).status_code == 404

    reads = AuditEvent.objects.filter(action="classification.needs_read")
    before = reads.count()
    health = api(cast["health"]).get(url).json()["results"][0]
    assert health["mental_health_needs"] == "Canarymind"
    assert reads.count() == before + 1
    assert reads.last().disclosed == [str(Classification.objects.get().uuid)]


def test_a_review_names_the_version_it_read(cast, woman_a):
    c = classify_her(cast, woman_a)
    url = f"/api/v1/classifications/{c.uuid}/review/"
    body = {**MEDIUM, "kind": "review"}
    client = api(cast["social"])
    with nothing_written(Classification):
        assert client.post(url, body, format="json", HTTP_IF_MATCH=None).status_code == 428
        stale = client.post(url, body, format="json", HTTP_IF_MATCH='"99"')
        assert stale.status_code == 412
    done = client.post(url, body, format="json", HTTP_IF_MATCH=f'"{c.version}"')
    assert done.status_code == 201 and done.json()["level"] == "medium"
    # The one reviewed moved on: a review based on what was read before is stale.
    assert client.post(url, body, format="json", HTTP_IF_MATCH=f'"{c.version}"').status_code == 412


def test_the_review_page(cast, woman_a):
    c = classify_her(cast, woman_a)
    client = client_for(cast["governor"])
    assert client.get(f"/classification/{c.uuid}/review/").status_code == 200
    response = client.post(
        f"/classification/{c.uuid}/review/", _form(kind="caretaking", **MEDIUM), follow=True
    )
    new = woman_a.classifications.current().get()
    assert new.kind == "caretaking"
    assert response.redirect_chain[0][0] == f"/classification/{new.uuid}/"
    replaced = client.get(f"/classification/{c.uuid}/review/")
    assert replaced.status_code == 302


@pytest.mark.django_db(transaction=True)
def test_two_social_workers_classifying_her_at_once_make_one(cast, woman_a, facility_a):
    from staff.tests.factories import make_staff

    other = make_staff("social", facility_a, username="social_two")

    def first(by):
        return lambda: classify(by=by, prisoner=woman_a, **LOW)

    outcomes = race({"one": first(cast["social"]), "two": first(other)})
    assert len(outcomes) == 2
    assert "She is classified already: review her classification instead." in outcomes
    assert Classification.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_reviews_at_once_make_one(cast, woman_a, facility_a):
    from staff.tests.factories import make_staff

    c = classify_her(cast, woman_a)
    other = make_staff("governor", facility_a, username="governor_two")

    def review(by):
        return lambda: review_classification(by=by, classification=c, **MEDIUM)

    outcomes = race({"one": review(cast["social"]), "two": review(other)})
    assert len(outcomes) == 2
    assert sum(o in ("one", "two") for o in outcomes) == 1
    assert woman_a.classifications.current().count() == 1


def test_pages_by_role(cast, woman_a):
    c = classify_her(cast, woman_a, **RAISED, **NEEDS)
    for role, needs, assessment in (
        ("custody", False, False),
        ("reception", False, False),
        ("inspector", False, True),
        ("health", True, True),
        ("governor", True, True),
    ):
        body = client_for(cast[role]).get(f"/classification/{c.uuid}/").content.decode()
        assert ("Canaryabuse" in body) is needs, role
        assert (RAISED["rationale"] in body) is assessment, role
        assert RAISED["reasons_for_her"] in body
    assert client_for(cast["safeguarding"]).get(f"/classification/{c.uuid}/").status_code == 404


def test_her_copy_in_her_language_and_as_a_pdf(cast, woman_a):
    classify_her(cast, woman_a, reasons_for_her="Plainreason", **NEEDS)
    woman_a.languages = ["th"]
    woman_a.save(update_fields=["languages"])
    client = client_for(cast["custody"])
    page = client.get(f"/classification/women/{woman_a.uuid}/for-her/")
    body = page.content.decode()
    assert page.status_code == 200 and 'lang="th"' in body and "Plainreason" in body
    assert "Canaryabuse" not in body and "Canarymind" not in body
    spanish = client.get(f"/classification/women/{woman_a.uuid}/for-her/?language=es")
    assert 'lang="es"' in spanish.content.decode()
    pdf = client.get(f"/classification/women/{woman_a.uuid}/for-her/?language=en&format=pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    bad = client.get(f"/classification/women/{woman_a.uuid}/for-her/?language=zz-nope")
    assert bad.status_code == 404


def test_her_section_and_list_ask_as_many_queries_for_many(cast, woman_a):
    c = classify_her(cast, woman_a)
    client = client_for(cast["social"])

    def count(url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    her_page = f"/women/{woman_a.uuid}/sections/classification/"
    her_list = f"/classification/women/{woman_a.uuid}/"
    one_page, one_list = count(her_page), count(her_list)
    for _ in range(4):
        c = review_classification(by=cast["social"], classification=c, **LOW)
    body = client.get(her_page).content.decode()
    assert 'data-testid="classification-current"' in body
    assert count(her_page) == one_page
    assert count(her_list) == one_list


@pytest.mark.rule("40")
def test_oversight_lists_her_when_not_classified_in_time(cast, facility_a, settings):
    settings.CLASSIFICATION_DAYS = 14
    facilities = Facility.objects.filter(pk=facility_a.pk)
    admitted_at = timezone.now() - timedelta(days=20)
    late = admit_woman(
        by=cast["reception"],
        facility=facility_a,
        commitment=commitment(
            order_date=timezone.localdate(admitted_at) - timedelta(days=1),
            arrested_at=admitted_at - timedelta(days=2),
        ),
        identity=identity(),
        admitted_at=admitted_at,
    )
    today = timezone.localdate()
    start = today - timedelta(days=30)
    # Within the time: not listed; past it and not classified, listed.
    assert list(oversight.not_classified_in_time(facilities, start, today)) == [late]
    classify_her(cast, late.prisoner)
    listed = list(oversight.not_classified_in_time(facilities, start, today))
    assert listed == [late]
    assert "late" in oversight.admission_row(listed[0]).what
    assert not oversight.ZEROS[0].cases(facilities, start, today).exists()


def test_oversight_lists_an_overdue_review_by_the_clock(cast, woman_a, monkeypatch):
    from tests.clock import today_is

    c = classify_her(cast, woman_a)
    facilities = Facility.objects.filter(pk=woman_a.facility_id)
    start, end = c.next_review_on - timedelta(days=1), c.next_review_on + timedelta(days=1)
    assert not oversight.reviews_overdue(facilities, start, end).exists()
    today_is(monkeypatch, c.next_review_on + timedelta(days=1))
    assert list(oversight.reviews_overdue(facilities, start, end)) == [c]


@pytest.mark.rule("41")
def test_a_high_placement_on_mental_health_alone_recorded_as_a_breach_counts(
    cast, woman_a, facility_a
):
    """The service refuses it; one made anyway (a paper assessment, another system) is
    written down and counts on the zero the inspector reads."""
    from breaches.services import record_breach
    from oversight.registry import overview

    today = timezone.localdate()
    facilities = Facility.objects.filter(pk=facility_a.pk)

    def zero(user):
        zeros, _lists = overview(user, facilities, today - timedelta(days=30), today)
        return next(z["count"] for z in zeros if z["item"].key == oversight.ZEROS[0].key)

    assert zero(cast["inspector"]) == 0
    record_breach(
        by=cast["social"],
        prisoner=woman_a,
        kind=oversight.ZEROS[0].key,
        account="Moved to the high-security wing on the psychiatrist's note alone.",
    )
    assert zero(cast["inspector"]) == 1
