import pytest

from audit.models import AuditEvent
from conftest import client_for
from register.services import record_child
from register.tests.factories import child_fields, decide
from tests.her_page import open_her_page

pytestmark = pytest.mark.django_db
# Her child's name, where she lives, with whom, and her birth date as the pages and the API
# write a date (a bare "2019" would match a timestamp's microseconds).
CANARIES = ("Ploy", "Lampang", "grandmother", "14 Mar 2019", "14 March 2019", "2019-03-14")


@pytest.fixture
def mother(cast, woman_a):
    record_child(by=cast["reception"], mother=woman_a, **child_fields())
    decide(cast["social"], woman_a)
    record_child(
        by=cast["reception"],
        mother=woman_a,
        **child_fields(
            given_names="Nam", lives_with_mother=True, location="", custody="", arrangements=""
        ),
    )
    return woman_a


@pytest.mark.rule("3.2")
@pytest.mark.parametrize("role", ["custody", "health", "safeguarding", "governor", "inspector"])
def test_other_roles_see_only_how_many_children_she_has(cast, mother, role):
    body = open_her_page(client_for(cast[role]), mother)
    text = body.content.decode()
    assert "She has 2 children." in text
    for canary in CANARIES:
        assert canary not in text, f"{canary!r} shown to {role}"
    assert not AuditEvent.objects.filter(action="child.identity_read").exists()


@pytest.mark.rule("3.2")
@pytest.mark.parametrize("role", ["reception", "social"])
def test_reception_and_social_workers_see_the_children_and_the_read_is_audited(cast, mother, role):
    text = open_her_page(client_for(cast[role]), mother)
    body = text.content.decode()
    assert "Ploy" in body and "Lampang" in body and "With her mother" in body
    assert AuditEvent.objects.filter(action="child.identity_read", actor=cast[role]).count() == 1


@pytest.mark.rule("3.2")
@pytest.mark.parametrize("path", ["/women/", "/women/?q=ploy", "/api/v1/prisoners/"])
def test_child_names_never_appear_in_lists_or_search(cast, mother, path):
    for role in ("reception", "social", "custody", "inspector"):
        client = client_for(cast[role])
        text = client.get(path).content.decode()
        assert "Ploy" not in text and "Lampang" not in text
    assert "A00001" not in client_for(cast["custody"]).get("/women/?q=ploy").content.decode(), (
        "searching a child's name must not find her mother"
    )
