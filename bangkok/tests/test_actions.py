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


def test_a_page_not_offered_to_her_shows_without_its_form_and_refuses_her_post_as_missing(
    cast, facility_a
):
    """`Page.offered`: the inspector reads an action held after a report but never reviews it;
    her page has no form, and her POST, even a valid one, is the 404 of a missing record, with
    nothing written."""
    from audit.models import AuditEvent
    from complaints.models import HeldAction, HeldStatus
    from complaints.services import hold_if_protected
    from complaints.tests.factories import report
    from prisoners.tests.factories import PrisonerFactory

    woman = PrisonerFactory(facility=facility_a)
    report(cast["reception"], woman)
    held = hold_if_protected(
        by=cast["custody"], prisoner=woman, kind="transfer", summary="Transfer to B", params={}
    )
    inspector = Client()
    inspector.force_login(cast["inspector"])
    address = f"/complaints/held/{held.uuid}/"

    shown = inspector.get(address)
    posted = inspector.post(address, {"retaliatory": "false", "note": "Not retaliatory"})

    main = shown.content.decode().split("<main")[1].split("</main>")[0]
    assert shown.status_code == 200 and "<form" not in main
    assert posted.status_code == 404
    held.refresh_from_db()
    assert held.status == HeldStatus.HELD and held.safeguarding_at is None
    assert held.governor_at is None and HeldAction.objects.count() == 1
    assert not AuditEvent.objects.filter(action__startswith="complaints.held_action_").exists()
