"""Oversight's reads go to the read replica when there is one; nothing else does, and
nothing is ever written there (QUALITY.md P3; `bangkok.replica`).

The replica here is a second connection to the test database, opened read-only, so a write
that reached it would fail; the tests commit their records (`transaction=True`) for the
second connection to see them."""

import copy
import re

import pytest
from django.db import connections
from django.db.utils import load_backend
from django.test.utils import CaptureQueriesContext

from bangkok.replica import REPLICA, configured
from conftest import client_for
from oversight.tests.test_oversight import admit
from searches.models import Search
from tests.her_page import open_her_page


@pytest.fixture
def replica(db):
    """A second connection, read-only, made for the test (as a server's replica would be
    configured by `DATABASE_REPLICA_URL`)."""
    settings_dict = copy.deepcopy(connections["default"].settings_dict)
    options = dict(settings_dict.get("OPTIONS") or {})
    options["options"] = "-c default_transaction_read_only=on"
    settings_dict["OPTIONS"] = options
    second = load_backend(settings_dict["ENGINE"]).DatabaseWrapper(settings_dict, REPLICA)
    setattr(connections._connections, REPLICA, second)
    try:
        yield second
    finally:
        second.close()
        delattr(connections._connections, REPLICA)


def tables_read(queries) -> set[str]:
    """The tables the captured SELECTs read."""
    return {
        table
        for query in queries
        if query["sql"].lstrip().upper().startswith("SELECT")
        for table in re.findall(r'(?:FROM|JOIN)\s+"([a-z0-9_]+)"', query["sql"])
    }


@pytest.mark.django_db(transaction=True)
def test_oversight_reads_from_the_replica_and_writes_nothing_there(cast, facility_a, replica):
    admit(cast, facility_a, "A1")
    client = client_for(cast["inspector"])
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(replica) as copy_of_it,
    ):
        page = client.get("/oversight/")
        answer = client.get("/api/v1/oversight/")
    assert page.status_code == 200 and answer.status_code == 200
    # What oversight counts, it read from the replica (the admission committed above).
    records = {r["key"]: r["count"] for r in answer.json()["records"]}
    assert records and sum(records.values()) >= 1
    read_there = tables_read(copy_of_it.captured_queries)
    assert Search._meta.db_table in read_there
    assert Search._meta.db_table not in tables_read(primary.captured_queries)
    # Who is asking and the session came from the primary.
    assert {"staff_user", "django_session"} <= tables_read(primary.captured_queries)


@pytest.mark.django_db(transaction=True)
def test_every_other_page_reads_the_primary_and_a_post_is_never_routed(cast, facility_a, replica):
    woman = admit(cast, facility_a, "A1").prisoner
    client = client_for(cast["custody"])
    with CaptureQueriesContext(replica) as copy_of_it:
        assert open_her_page(client, woman).status_code == 200
        assert client.get("/women/").status_code == 200
        client_for(cast["governor"]).post("/oversight/", {})
    assert copy_of_it.captured_queries == []


@pytest.mark.django_db
def test_without_a_replica_oversight_reads_the_primary(cast, facility_a):
    admit(cast, facility_a, "A1")
    with CaptureQueriesContext(connections["default"]) as primary:
        assert client_for(cast["inspector"]).get("/oversight/").status_code == 200
    assert Search._meta.db_table in tables_read(primary.captured_queries)
    assert not configured()
