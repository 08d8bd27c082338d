"""Break-glass (Rule 8; RULES-SPEC 1, T4; indicator 53): a custody officer or the governor
opens the emergency part of one woman's clinical file with a reason, for a short time, each
read audited naming the access; a second person reviews it; an access not reviewed is health
staff's task; the inspector counts them and reads the reviews, never the file."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from audit.models import AuditEvent
from breakglass import services
from breakglass.models import Access, Review
from conftest import client_for
from facilities.models import Facility
from health.services import care
from health.services.screening import answer_item, start_screening
from oversight import registry
from release.tests.factories import admitted
from reminders.models import Reminder, Status
from tests import refusals
from tests.her_page import open_her_page

pytestmark = pytest.mark.django_db

SECRET = "Insulin-dependent diabetes"
HIV_NOTE = "Hiddenhivnote"
ABUSE_NOTE = "Hiddenabusenote"


@pytest.fixture
def woman(cast, facility_a):
    """A woman whose entry screening found a need an emergency must know, and two it must
    not be told (her blood-borne diseases, abuse before her admission)."""
    admission = admitted(cast, facility_a)
    screening = start_screening(by=cast["health"], admission=admission, language="th")
    for item, finding in (
        ("primary_care", SECRET),
        ("sti_bbv", HIV_NOTE),
        ("abuse", ABUSE_NOTE),
    ):
        answer_item(
            by=cast["health"], screening=screening, item=item, answer="answered", finding=finding
        )
    care.restrict_restraints(
        by=cast["health"], prisoner=admission.prisoner, limit="no_restraints", reason="injury"
    )
    return admission.prisoner


def opened(cast, woman, role="custody"):
    return services.break_glass(
        by=cast[role], prisoner=woman, reason="unwell", detail="Found collapsed at 02:10."
    )


@pytest.mark.rule("8")
def test_custody_break_the_glass_and_read_only_the_emergency_part_each_read_audited(cast, woman):
    custody = client_for(cast["custody"])
    her_page = open_her_page(custody, woman).content.decode()
    assert f"/break-glass/women/{woman.uuid}/new/" in her_page
    response = custody.post(
        f"/break-glass/women/{woman.uuid}/new/",
        {"reason": "unwell", "detail": "Found collapsed at 02:10; the nurse is off site."},
    )
    access = Access.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/break-glass/{access.uuid}/"
    assert access.opened_by == cast["custody"] and access.prisoner == woman
    assert access.until - access.opened_at == timedelta(minutes=60)
    page = custody.get(f"/break-glass/{access.uuid}/").content.decode()
    assert SECRET in page and "Found collapsed at 02:10" in page
    # Never what no emergency needs from her file.
    assert HIV_NOTE not in page and ABUSE_NOTE not in page
    api = custody.get(f"/api/v1/breakglass/{access.uuid}/").json()
    assert [f["finding"] for f in api["findings"]] == [SECRET]
    assert api["restraint_restrictions"] == ["no_restraints"]
    assert HIV_NOTE not in str(api) and ABUSE_NOTE not in str(api)
    reads = AuditEvent.objects.filter(action="breakglass.read")
    assert reads.count() == 2
    assert reads.first().detail == {"access": str(access.uuid), "reason": "unwell"}
    assert reads.first().disclosed  # the ids of what it showed
    # Her page now leads to the read still open; the clinical file itself stays health's.
    assert f"/break-glass/{access.uuid}/" in open_her_page(custody, woman).content.decode()
    assert custody.get(f"/health/women/{woman.uuid}/").status_code == 404


@pytest.mark.rule("8")
def test_no_reason_is_refused_naming_the_rule_and_nothing_is_written(cast, woman):
    with refusals.refused("8", Access, Reminder):
        services.break_glass(by=cast["custody"], prisoner=woman, reason="unwell", detail="  ")
    with refusals.refused("8", Access, Reminder):
        services.break_glass(by=cast["governor"], prisoner=woman, reason="", detail="Fitting")
    with refusals.nothing_written(Access, Reminder):
        answer = client_for(cast["custody"]).post(
            f"/api/v1/prisoners/{woman.uuid}/break-glass/",
            {"reason": "", "detail": ""},
            content_type="application/json",
        )
    assert answer.status_code == 409 and answer.json()["rule"] == "8"
    with refusals.nothing_written(Access, Reminder):
        page = client_for(cast["custody"]).post(f"/break-glass/women/{woman.uuid}/new/", {})
    assert page.status_code == 400 and "Rule 8" in page.content.decode()


@pytest.mark.rule("8")
def test_who_may_not_break_the_glass(cast, woman, woman_b):
    # Health staff read the file already; the others have no emergency right to it.
    for role in ("health", "reception", "social", "safeguarding", "inspector"):
        with refusals.denied(Access):
            opened(cast, woman, role)
        path = f"/break-glass/women/{woman.uuid}/new/"
        assert client_for(cast[role]).get(path).status_code == 404
    # A woman of another facility is the 404 of one that doesn't exist.
    with refusals.denied(Access):
        opened(cast, woman_b)
    elsewhere = f"/break-glass/women/{woman_b.uuid}/new/"
    assert client_for(cast["custody"]).get(elsewhere).status_code == 404


@pytest.mark.rule("8")
def test_it_opens_to_her_alone_and_only_for_a_short_time(cast, woman, settings):
    access = opened(cast, woman)
    for role in ("governor", "health", "inspector", "reception"):
        assert client_for(cast[role]).get(f"/break-glass/{access.uuid}/").status_code == 404
        assert client_for(cast[role]).get(f"/api/v1/breakglass/{access.uuid}/").status_code == 404
    past = timezone.now() - timedelta(minutes=settings.BREAK_GLASS_MINUTES + 1)
    access = Access.objects.create(  # one opened an hour ago
        prisoner=woman,
        facility=woman.facility,
        reason="unwell",
        detail="Found collapsed.",
        opened_by=cast["custody"],
        opened_at=past,
        until=past + timedelta(minutes=settings.BREAK_GLASS_MINUTES),
    )
    custody = client_for(cast["custody"])
    assert custody.get(f"/break-glass/{access.uuid}/").status_code == 404
    assert custody.get(f"/api/v1/breakglass/{access.uuid}/").status_code == 404
    assert not AuditEvent.objects.filter(action="breakglass.read").exists()


@pytest.mark.rule("8")
def test_a_second_person_reviews_it_never_whoever_read(cast, woman):
    access = opened(cast, woman, "governor")
    task = Reminder.objects.get(kind=services.REVIEW_KIND)
    assert task.assignee_role == "health" and task.rule == "8"
    assert task.due_at == access.opened_at + timedelta(days=3)
    with refusals.refused("8", Review):
        services.review_access(by=cast["governor"], access=access, finding="justified")
    answer = client_for(cast["governor"]).post(
        f"/api/v1/breakglass/{access.uuid}/review/",
        {"finding": "justified"},
        content_type="application/json",
    )
    assert answer.status_code == 409 and answer.json()["rule"] == "8"
    with refusals.invalid("note", Review):
        services.review_access(by=cast["health"], access=access, finding="not_justified")
    for role in ("custody", "reception", "inspector"):
        with refusals.denied(Review):
            services.review_access(by=cast[role], access=access, finding="justified")
    response = client_for(cast["health"]).post(
        f"/break-glass/{access.uuid}/review/",
        {"finding": "not_justified", "note": "A nurse was on call."},
    )
    assert response.status_code == 302
    review = Review.objects.get()
    assert (review.reviewed_by, review.finding) == (cast["health"], "not_justified")
    task.refresh_from_db()
    assert task.status == Status.DONE
    again = client_for(cast["governor"]).get(f"/break-glass/{access.uuid}/review/")
    assert again.status_code == 302 and again["Location"] == "/break-glass/"
    with refusals.nothing_written(Review), pytest.raises(ValidationError, match="already"):
        services.review_access(by=cast["health"], access=access, finding="justified")


@pytest.mark.rule("8")
def test_the_inspector_counts_them_and_reads_the_reviews_never_the_file(cast, woman, settings):
    settings.SMALL_CELL = 1
    first = opened(cast, woman)
    opened(cast, woman, "governor")
    services.review_access(by=cast["governor"], access=first, finding="justified")
    today = timezone.localdate()
    found = next(
        row
        for row in registry.indicators(cast["inspector"], [woman.facility], today, today)
        if row["number"] == "53"
    )
    assert (found["numerator"], found["denominator"], found["rate"]) == (1, 2, 50.0)
    assert found["target"] == 100 and found["records"] == "breakglass-reads"
    inspector = client_for(cast["inspector"])
    listed = inspector.get("/break-glass/").content.decode()
    assert "Found collapsed at 02:10" in listed and "Justified" in listed
    assert SECRET not in listed
    api = inspector.get("/api/v1/breakglass/").json()["results"]
    assert len(api) == 2 and SECRET not in str(api)
    assert [a["review"]["finding"] for a in api if a["review"]] == ["justified"]
    unreviewed = inspector.get("/api/v1/breakglass/?unreviewed=true").json()["results"]
    assert len(unreviewed) == 1
    # The custody officer lists her own only; the inspector's page of confidential reads
    # names the kind of read, never whose file.
    assert len(client_for(cast["custody"]).get("/api/v1/breakglass/").json()["results"]) == 1
    client_for(cast["custody"]).get(f"/break-glass/{first.uuid}/")
    reads = inspector.get("/oversight/reads/").content.decode()
    assert "by break-glass" in reads and SECRET not in reads


def test_indicator_53_is_one_query_for_a_year_and_two_facilities(cast, woman, facility_b):
    opened(cast, woman)
    item = registry._INDICATORS["breakglass-reviewed"]
    both = Facility.objects.filter(pk__in=[woman.facility_id, facility_b.pk])
    periods = registry.months(timezone.localdate())
    with CaptureQueriesContext(connection) as queries:
        found = item.counts(both, periods)
    assert len(queries) == 1
    assert found == {(len(periods) - 1, woman.facility_id): (0, 1)}


def test_an_access_and_its_review_are_never_changed_or_deleted(cast, woman):
    access = opened(cast, woman)
    review = services.review_access(by=cast["health"], access=access, finding="justified")
    for record in (access, review):
        for change in (
            lambda r: (
                type(r).objects.filter(pk=r.pk).update(opened_at=timezone.now())
                if isinstance(r, Access)
                else type(r).objects.filter(pk=r.pk).update(note="changed")
            ),
            lambda r: type(r).objects.filter(pk=r.pk).delete(),
        ):
            with pytest.raises(DatabaseError), transaction.atomic():
                change(record)


def test_the_list_asks_as_many_queries_for_many_reads_as_for_one(cast, woman):
    first = opened(cast, woman)
    services.review_access(by=cast["health"], access=first, finding="justified")

    def count(path):
        with CaptureQueriesContext(connection) as queries:
            assert client_for(cast["inspector"]).get(path).status_code == 200
        return len(queries)

    one = {path: count(path) for path in ("/break-glass/", "/api/v1/breakglass/")}
    for role in ("governor", "custody", "governor"):
        access = opened(cast, woman, role)
        services.review_access(by=cast["health"], access=access, finding="justified")
    assert {path: count(path) for path in one} == one


@pytest.mark.rule("H19")
def test_a_sealed_girls_reads_are_in_no_list_and_their_review_is_a_404(cast, facility_a):
    from girls.tests.matrix import sealed_girl

    reads = []
    sealed_girl(
        cast,
        facility_a,
        "A40994",
        "Sealedglass",
        opened=False,
        before=lambda girl: reads.append(opened(cast, girl)),
    )
    for role in ("inspector", "health", "governor", "custody"):
        client = client_for(cast[role])
        assert client.get("/api/v1/breakglass/").json()["results"] == []
        assert "Sealedglass" not in client.get("/break-glass/").content.decode()
    assert (
        client_for(cast["health"]).get(f"/break-glass/{reads[0].uuid}/review/").status_code == 404
    )
