"""Who read which kind of confidential record, and when: for the inspector and the governor,
who check the confidentiality itself (Rules 8, 3.2, 25.3). Never what it said, nor about
whom; never the read of a complaint that names the viewer."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from audit.models import AuditEvent
from complaints import reading as complaints_reading
from complaints.tests.factories import report
from conftest import client_for
from health.reading import audited

pytestmark = pytest.mark.django_db


def read_her_file(cast, woman, n=1):
    for _ in range(n):
        audited(viewer=cast["health"], woman=woman, disclosed=["a", "b"])


@pytest.mark.rule("25.3")
def test_the_inspector_reads_who_read_her_clinical_file_and_when_but_not_about_whom(cast, woman_a):
    read_her_file(cast, woman_a)
    inspector = client_for(cast["inspector"])
    page = inspector.get("/oversight/reads/")
    assert page.status_code == 200
    body = page.content.decode()
    assert 'data-testid="reads"' in body and "Her clinical file" in body
    assert cast["health"].get_full_name() in body
    assert woman_a.family_name not in body and woman_a.prison_number not in body
    api = inspector.get("/api/v1/oversight/reads/").json()["results"]
    assert [(r["what"], r["records"], r["facility"]) for r in api] == [
        ("Her clinical file", 2, woman_a.facility.code)
    ]
    assert str(woman_a.uuid) not in str(api)


def test_only_the_period_facility_and_kind_asked_for(cast, woman_a, woman_b):
    # A read forty days ago (the trail is append-only: written so, as it was then).
    AuditEvent.objects.create(
        at=timezone.now() - timedelta(days=40),
        actor=cast["health"],
        actor_role="health",
        action="health.file_read",
        facility=woman_a.facility,
    )
    read_her_file(cast, woman_a)
    AuditEvent.objects.create(action="health.file_read", facility=woman_b.facility)  # not hers
    complaint = report(cast["custody"], woman_a)
    complaints_reading.read(viewer=cast["safeguarding"], complaint=complaint)
    api = client_for(cast["inspector"])
    every = api.get("/api/v1/oversight/reads/").json()["results"]
    assert sorted(r["what"] for r in every) == [
        "A complaint or report of abuse",
        "Her clinical file",
    ]
    health = api.get("/api/v1/oversight/reads/?area=health").json()["results"]
    assert [r["what"] for r in health] == ["Her clinical file"]
    older = (timezone.localdate() - timedelta(days=45)).isoformat()
    longer = api.get(f"/api/v1/oversight/reads/?area=health&start={older}").json()["results"]
    assert len(longer) == 2
    assert api.get("/api/v1/oversight/reads/?area=nothing").status_code == 400


def test_the_governor_named_in_a_complaint_sees_no_read_of_it(cast, woman_a):
    complaint = report(cast["custody"], woman_a, named_staff=[cast["governor"]])
    complaints_reading.read(viewer=cast["safeguarding"], complaint=complaint)
    other = report(cast["custody"], woman_a)
    complaints_reading.read(viewer=cast["safeguarding"], complaint=other)
    governor = client_for(cast["governor"]).get("/api/v1/oversight/reads/").json()["results"]
    inspector = client_for(cast["inspector"]).get("/api/v1/oversight/reads/").json()["results"]
    assert (len(governor), len(inspector)) == (1, 2)


@pytest.mark.parametrize("role", ["health", "custody", "safeguarding", "outsider"])
def test_no_other_role_reads_it(cast, role):
    assert client_for(cast[role]).get("/oversight/reads/").status_code == 404
    assert client_for(cast[role]).get("/api/v1/oversight/reads/").status_code == 404


def test_as_many_queries_for_many_reads_as_for_one(cast, woman_a):
    inspector = client_for(cast["inspector"])
    inspector.get("/oversight/reads/")

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert inspector.get("/oversight/reads/").status_code == 200
        return len(captured)

    read_her_file(cast, woman_a)
    one = queries()
    read_her_file(cast, woman_a, n=5)
    assert queries() == one


@pytest.mark.parametrize(
    "address",
    [
        "/api/v1/oversight/reads/",
        "/api/v1/oversight/export/reads/",
        "/api/v1/oversight/",
        "/api/v1/oversight/export/must-be-zero/",
    ],
)
@pytest.mark.parametrize("given", ["start", "end"])
def test_a_date_given_empty_is_refused_by_name_not_taken_as_left_out(cast, woman_a, address, given):
    # The schema's dates are dates: an empty one is an error to name, as a wrong one is.
    read_her_file(cast, woman_a)
    before = AuditEvent.objects.count()
    answer = client_for(cast["inspector"]).get(f"{address}?{given}=")
    assert answer.status_code == 400
    assert answer.json() == {given: ["Give a date (YYYY-MM-DD) or leave it out."]}
    assert AuditEvent.objects.count() == before  # no export written down as made
