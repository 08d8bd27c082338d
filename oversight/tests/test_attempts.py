"""The inspector reads each act refused under the rule of a count that must be zero (Rules
25.3, 67): when, what was tried, in which area, by which role and where, never for which
woman (the rule can say why she is protected);
only in her facilities and period; on a page and in the API."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from audit.models import AuditEvent
from audit.refusals import REFUSED
from conftest import client_for
from prisoners.services import set_protection_flags
from tests.versions import VersionedAPIClient

pytestmark = pytest.mark.django_db
PROTECTED = "segregation-of-protected-women"


def _refused_segregation(cast, woman, by=None):
    """A segregation of a protected woman, tried on the page and refused (Rule 22)."""
    set_protection_flags(prisoner=woman, by=None, source="health", no_segregation=True)
    response = client_for(by or cast["custody"]).post(
        reverse("discipline:segregate", kwargs={"uuid": woman.uuid}),
        {
            "kind": "separation",
            "reason": "Fighting in the yard",
            "planned_end": (timezone.localdate() + timedelta(days=3)).isoformat(),
            "sought_from": cast["governor"].pk,
        },
    )
    assert response.status_code == 400 and "Bangkok Rule 22" in response.content.decode()


def _attempt(cast, woman, facility, *, at=None, rule="22"):
    """An attempt as the audit trail keeps it (written at `at`: the trail is append-only)."""
    return AuditEvent.objects.create(
        at=at or timezone.now(),
        actor=cast["custody"],
        actor_role="custody",
        action=REFUSED,
        subject_type="prisoners.prisoner",
        subject_id=str(woman.uuid),
        facility=facility,
        detail={"rule": rule, "area": "discipline", "act": "segregate", "summary": "Segregate"},
    )


def _page(user, key=PROTECTED, **params):
    return client_for(user).get(reverse("oversight:attempts", args=[key]), params)


@pytest.mark.rule("25.3")
@pytest.mark.rule("22")
@pytest.mark.parametrize("role", ["governor", "inspector"])
def test_she_reads_who_tried_what_for_whom_when_it_was_refused(cast, woman_a, facility_a, role):
    _refused_segregation(cast, woman_a)
    overview = client_for(cast[role]).get(reverse("oversight:overview")).content.decode()
    link = reverse("oversight:attempts", args=[PROTECTED])
    assert f'href="{link}?' in overview

    page = _page(cast[role])
    assert page.status_code == 200
    text = page.content.decode()
    assert "Attempts refused" in text and "Bangkok Rule 22" in text
    row = text[text.index('data-testid="attempts"') :]
    assert "Malee" not in row and "A00001" not in row, "the rule would say why she is protected"
    assert "Segregate her or confine her to her cell" in row
    assert "Discipline" in row and "Custody officer" in row and escape(str(facility_a)) in row
    assert "Fighting in the yard" not in text, "what she wrote is not kept with the attempt"


@pytest.mark.rule("25.3")
def test_only_her_facilities_and_her_period(cast, woman_a, woman_b, facility_a, facility_b):
    _attempt(cast, woman_a, facility_a)
    _attempt(cast, woman_a, facility_a, at=timezone.now() - timedelta(days=40))
    _attempt(cast, woman_b, facility_b)
    _attempt(cast, woman_a, facility_a, rule="24")  # another rule's count
    text = _page(cast["inspector"]).content.decode()
    assert text.count('<tr class="govuk-table__row">') == 1 + 1  # the head and one attempt
    assert "Hillcrest" not in text, "another facility's attempt"

    start = (timezone.localdate() - timedelta(days=45)).isoformat()
    older = _page(cast["inspector"], start=start).content.decode()
    assert older.count('<tr class="govuk-table__row">') == 1 + 2


def test_none_in_the_period_says_so_and_an_unknown_count_is_not_found(cast):
    page = _page(cast["inspector"])
    assert page.status_code == 200 and "None in this facility and period." in page.content.decode()
    assert _page(cast["inspector"], key="no-such-count").status_code == 404
    assert _page(cast["custody"]).status_code == 404
    assert _page(cast["inspector"], start="2026-13-40").status_code == 404


def test_a_long_list_is_paged(cast, woman_a, facility_a):
    for hours in range(3):
        _attempt(cast, woman_a, facility_a, at=timezone.now() - timedelta(hours=hours))
    first = _page(cast["inspector"], page_size=2).content.decode()
    assert first.count("Custody officer") == 2 and "cursor=" in first


@pytest.mark.rule("25.3")
def test_the_api_gives_the_same_attempts(cast, woman_a, woman_b, facility_a, facility_b):
    _refused_segregation(cast, woman_a)
    _attempt(cast, woman_b, facility_b)
    api = VersionedAPIClient()
    api.force_authenticate(cast["inspector"])
    body = api.get(f"/api/v1/oversight/must-be-zero/{PROTECTED}/refused/").json()
    [attempt] = body["results"]
    assert "woman" not in attempt and "A00001" not in str(body)
    assert attempt["what"].startswith("Segregate her or confine her to her cell")
    assert (attempt["role"], attempt["facility"]) == ("Custody officer", facility_a.code)
    assert api.get("/api/v1/oversight/must-be-zero/no-such/refused/").status_code == 404
