"""/api/schema/ is built once a process for each language and format, and served to signed-in
staff only: a refusal is never what is kept."""

import pytest
from drf_spectacular.generators import SchemaGenerator

from bangkok.served_schema import SchemaView
from tests.versions import VersionedAPIClient

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def nothing_written():
    SchemaView._written.clear()
    yield
    SchemaView._written.clear()


@pytest.fixture
def builds(monkeypatch):
    """How many times the schema was generated."""
    count = []
    original = SchemaGenerator.get_schema

    def counted(self, *args, **kwargs):
        count.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(SchemaGenerator, "get_schema", counted)
    return count


def signed_in(user) -> VersionedAPIClient:
    client = VersionedAPIClient()
    client.force_authenticate(user)
    return client


def test_the_second_caller_is_served_the_first_callers_bytes_without_a_build(cast, builds):
    first = signed_in(cast["reception"]).get("/api/schema/?format=json")
    second = signed_in(cast["inspector"]).get("/api/schema/?format=json")

    assert first.status_code == second.status_code == 200
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Type"].startswith("application/vnd.oai.openapi+json")
    assert "paths" in second.json()
    assert len(builds) == 1


def test_each_format_is_its_own_document(cast, builds):
    client = signed_in(cast["custody"])
    as_json = client.get("/api/schema/?format=json")
    as_yaml = client.get("/api/schema/")
    yaml_again = client.get("/api/schema/")

    assert as_yaml["Content-Type"].startswith("application/vnd.oai.openapi")
    assert "json" not in as_yaml["Content-Type"]
    assert as_yaml.content.startswith(b"openapi:")
    assert as_json.content.startswith(b"{")
    assert yaml_again.content == as_yaml.content
    assert len(builds) == 2


def test_a_caller_not_signed_in_is_refused_and_the_refusal_is_not_kept(cast, builds):
    refused = VersionedAPIClient().get("/api/schema/?format=json")
    assert refused.status_code == 401
    assert SchemaView._written == {}
    assert builds == []

    served = signed_in(cast["health"]).get("/api/schema/?format=json")
    assert served.status_code == 200
    assert "paths" in served.json()

    again = VersionedAPIClient().get("/api/schema/?format=json")
    assert again.status_code == 401
    assert b"paths" not in again.content
