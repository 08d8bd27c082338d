"""The list of women as a file (Rules 67-70): the page's search, filters and facility scope,
the columns it shows the same role, audited."""

import pytest
import tablib

from audit.models import AuditEvent
from conftest import client_for
from prisoners.tests.factories import PrisonerFactory
from signin.tests.factories import token_for

pytestmark = pytest.mark.django_db


def read(answer):
    return tablib.Dataset().load(answer.content.decode("utf-8-sig"), format="csv")


@pytest.mark.rule("67")
def test_the_list_downloads_with_its_filters_and_her_facilities_only(cast, woman_a, woman_b):
    PrisonerFactory(facility=woman_a.facility, family_name="Boonmee", prison_number="A00002")
    client = client_for(cast["custody"])
    data = read(client.get("/women/export/?q=Srisuk"))
    assert list(data["Number"]) == ["A00001"]
    everyone = read(client.get("/women/export/"))
    assert sorted(everyone["Number"]) == ["A00001", "A00002"]  # not B00001: another facility
    event = AuditEvent.objects.filter(action="table.exported").first()
    assert event.detail["table"] == "women" and event.detail["rows"] == 2
    first = AuditEvent.objects.filter(action="table.exported").last()
    assert first.detail["filters"] == {"q": "Srisuk", "custody_status": "in_custody"}


def test_the_api_answers_the_same_file(cast, woman_a):
    token = token_for(cast["custody"])
    answer = client_for(None).get(
        "/api/v1/prisoners/export/?format=xlsx", HTTP_AUTHORIZATION=f"Token {token}"
    )
    assert answer.status_code == 200
    assert answer["Content-Disposition"].endswith('.xlsx"')


def test_a_role_that_doesnt_see_the_list_is_refused(cast, woman_a):
    roles_refused = [
        role
        for role in ("sysadmin", "unassigned")
        if not cast[role].has_perm("prisoners.view_prisoner")
    ]
    for role in roles_refused:
        assert client_for(cast[role]).get("/women/export/").status_code in (403, 404)
    assert client_for(cast["custody"]).get("/women/export/?format=pdf").status_code == 400
    page = client_for(cast["custody"]).get("/women/")
    assert 'data-testid="export-women-xlsx"' in page.content.decode()


def test_the_file_asks_as_many_queries_for_many_women(cast, woman_a):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(cast["custody"])
    client.get("/women/export/")
    with CaptureQueriesContext(connection) as one:
        client.get("/women/export/")
    for n in range(5):
        PrisonerFactory(facility=woman_a.facility, prison_number=f"A1000{n}")
    with CaptureQueriesContext(connection) as many:
        answer = client.get("/women/export/")
    assert read(answer).height == 6
    assert len(many) == len(one)
