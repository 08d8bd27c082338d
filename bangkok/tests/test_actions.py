"""One declaration per action: the page's form view and the API operation come from it, answer
a refused role with the same 404 before reading what it sent, and are listed by `make routes`."""

import pytest
from django.test import Client
from django.urls import resolve
from rest_framework.test import APIClient

from bangkok import routes
from restraints.models import Restraint

pytestmark = pytest.mark.django_db


def test_a_page_and_an_api_route_are_one_declaration():
    page = resolve("/restraints/women/00000000-0000-0000-0000-000000000000/apply/").func
    api = resolve("/api/v1/prisoners/00000000-0000-0000-0000-000000000000/restraints/apply/").func
    assert page.action is api.action
    assert page.action.page is not None


def test_the_route_list_names_the_service_and_rules_behind_each_action():
    listed = {row[2]: row for row in routes.rows(actions_only=True)}
    for name in ("restraints:apply", "api-restraints-apply"):
        methods, path, _name, verb, rules = listed[name]
        assert "POST" in methods
        assert verb == "restraints.services.apply_restraint"
        assert rules == "24,M47"
    assert "restraints:detail" not in listed
    assert "ACTION" in routes.table().splitlines()[0]


def test_a_role_refused_the_action_meets_one_404_on_the_page_and_the_api(cast, woman_a):
    """The governor reads restraints but doesn't apply them: whatever she sends, even nothing
    valid, the page and the API answer as for a woman who doesn't exist."""
    governor = cast["governor"]
    page = Client()
    page.force_login(governor)
    api = APIClient()
    api.force_authenticate(governor)
    assert api.get(f"/api/v1/prisoners/{woman_a.uuid}/restraints/").status_code == 200
    answers = [
        page.get(f"/restraints/women/{woman_a.uuid}/apply/"),
        page.post(f"/restraints/women/{woman_a.uuid}/apply/", {"device": "nonsense"}),
        api.post(
            f"/api/v1/prisoners/{woman_a.uuid}/restraints/apply/", {"device": 1}, format="json"
        ),
    ]
    assert [answer.status_code for answer in answers] == [404, 404, 404]
    assert not Restraint.objects.exists()
