"""The parole pages (Rules 23, 45, 59, 63): what each role sees, success messages, empty
states, refusals beside the form with nothing written."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import client_for
from parole.models import LeaveRequest, ParoleReview, ProtectiveCustody
from tests.her_page import open_her_page
from tests.refusals import nothing_written

from .factories import LEAVE, draft, granted, leave, protective

pytestmark = pytest.mark.django_db


def said(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_her_page_says_what_is_empty(cast, woman_a):
    body = client_for(cast["social"]).get(f"/parole/women/{woman_a.uuid}/").content.decode()
    assert "No request for leave is recorded." in body
    assert "Her eligibility for leave has not been reviewed." in body
    assert "No parole review is recorded." in body
    assert "She has never been in protective custody." in body


def test_each_role_sees_only_its_parts_and_her_page_reads_in_few_queries(cast, woman_a):
    leave(cast, woman_a)
    draft(cast, woman_a)
    protective(cast, woman_a)
    url = f"/parole/women/{woman_a.uuid}/"
    with CaptureQueriesContext(connection) as queries:
        governor = client_for(cast["governor"]).get(url)
    assert governor.status_code == 200 and len(queries) <= 40
    custody = client_for(cast["custody"]).get(url).content.decode()
    assert "Parole (Rule 63)" not in custody and "Protective custody (Rule 59)" in custody
    assert client_for(cast["health"]).get(url).status_code == 404


def test_social_record_her_request_from_the_page(cast, woman_a):
    start = timezone.localtime() + timedelta(days=4)
    response = client_for(cast["social"]).post(
        f"/parole/women/{woman_a.uuid}/leave/new/",
        {
            **LEAVE,
            "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
            "returns_by": (start + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"),
            "her_request": "yes",
        },
    )
    asked = LeaveRequest.objects.get()
    assert response.status_code == 302 and response.url == f"/parole/leave/{asked.uuid}/"
    assert said(response) == ["Her request for leave is recorded. The governor decides it."]


def test_an_empty_request_shows_every_error_at_once(cast, woman_a):
    response = client_for(cast["custody"]).post(f"/parole/women/{woman_a.uuid}/leave/new/", {})
    assert response.status_code == 400
    body = response.content.decode()
    assert "There is a problem" in body
    assert len(response.context["form"].errors) >= 5


@pytest.mark.rule("23")
def test_the_decision_form_does_not_offer_her_conduct_and_refuses_it_if_posted(cast, woman_a):
    asked = leave(cast, woman_a)
    client = client_for(cast["governor"])
    page = client.get(f"/parole/leave/{asked.uuid}/").content.decode()
    assert 'value="not_verified"' in page and 'value="discipline"' not in page
    with nothing_written(LeaveRequest):
        response = client.post(
            f"/parole/leave/{asked.uuid}/decide/",
            {"grant": "no", "refusal_ground": "discipline", "reasons": "Fighting."},
        )
    assert response.status_code == 400
    assert "(Rule 23)" in response.content.decode()


def test_the_governor_grants_from_the_page(cast, woman_a):
    asked = leave(cast, woman_a)
    response = client_for(cast["governor"]).post(
        f"/parole/leave/{asked.uuid}/decide/", {"grant": "yes", "reasons": "Eligible."}
    )
    assert response.status_code == 302
    assert said(response) == ["Leave granted. Custody are reminded when she is due back."]


def test_custody_see_the_return_form_on_granted_leave_only(cast, woman_a):
    went = granted(cast, woman_a)
    body = client_for(cast["custody"]).get(f"/parole/leave/{went.uuid}/").content.decode()
    assert "Record her return" in body and "Record the decision" not in body


@pytest.mark.rule("63")
def test_the_page_refuses_a_submission_without_caretaking(cast, woman_a):
    review = draft(cast, woman_a, reintegration="Housing.")
    client = client_for(cast["social"])
    assert (
        "be submitted without: her caretaking responsibilities"
        in client.get(f"/parole/parole-review/{review.uuid}/").content.decode()
    )
    with nothing_written(ParoleReview):
        response = client.post(
            f"/parole/parole-review/{review.uuid}/submit/",
            {"reintegration": "Housing.", "recommendation": "release"},
        )
    assert response.status_code == 400 and "(Rule 63)" in response.content.decode()


@pytest.mark.rule("59")
def test_the_page_refuses_protective_custody_without_her_request(cast, woman_a):
    with nothing_written(ProtectiveCustody):
        response = client_for(cast["governor"]).post(
            f"/parole/women/{woman_a.uuid}/protective-custody/new/",
            {
                "at_her_request": "no",
                "supervising_authority": "Provincial Court",
                "shelter_considered": "None",
            },
        )
    assert response.status_code == 400 and "(Rule 59)" in response.content.decode()


@pytest.mark.rule("59")
def test_custody_record_her_withdrawal_from_the_page(cast, woman_a):
    custody = protective(cast, woman_a)
    response = client_for(cast["custody"]).post(
        f"/parole/protective-custody/{custody.uuid}/withdraw/", {"her_words": "Let me go back."}
    )
    assert response.status_code == 302
    assert said(response) == ["She withdrew her request: her protective custody has ended."]
    custody.refresh_from_db()
    assert not custody.is_current


def test_her_page_on_the_womans_record_links_to_the_area(cast, woman_a):
    body = open_her_page(client_for(cast["social"]), woman_a).content.decode()
    assert f"/parole/women/{woman_a.uuid}/" in body
