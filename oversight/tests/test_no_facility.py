"""An overseer assigned to no facility yet (an inspector before her facilities are given) gets
every oversight page and its API, counted ahead or as asked, with nothing of any facility's:
no count, no case, no error."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import client_for
from staff.models import User

pytestmark = pytest.mark.django_db

PAGES = [
    "/oversight/",
    "/oversight/indicators/",
    "/oversight/indicators/facilities/",
    "/oversight/reads/",
    "/api/v1/oversight/",
    "/api/v1/oversight/indicators/",
]


def test_an_overseer_of_no_facility_gets_every_page_and_nothing_of_any_facility(cast, woman_a):
    from complaints.tests.factories import complaint
    from oversight import counted

    # A complaint at facility A not acknowledged in time: a count that isn't zero there.
    complaint(cast["social"], woman_a, received_at=timezone.now() - timedelta(days=10))
    nowhere = User.objects.create(username="inspector.nowhere", gender="woman")
    nowhere.groups.add(Group.objects.get(name="inspector"))
    counted.refresh()
    start = (timezone.localdate() - timedelta(days=20)).isoformat()
    for path in PAGES:
        for query in ("", f"?start={start}"):  # counted ahead, then as asked
            for who, red in ((nowhere, False), (cast["inspector"], True)):
                response = client_for(who).get(path + query)
                assert response.status_code == 200, (path, query, response.status_code)
                if path == "/oversight/":
                    assert b'data-testid="refused-complaints-overdue"' in response.content
                    assert (b"govuk-tag--red" in response.content) is red, (path, query)


def test_a_viewer_of_every_facility_asks_for_them_all_and_reads_what_naming_each_reads(
    cast, facility_a, facility_b, woman_a
):
    """The period form gives a viewer of every facility there is all of them, named in the
    areas' queries as every facility rather than by their ids; what she reads is what naming
    each of them gives, and a viewer of some of them gets hers by their ids."""
    from complaints.tests.factories import complaint
    from oversight import registry
    from oversight.forms import EveryFacility, PeriodForm
    from oversight.permissions import facilities_overseen
    from staff.tests.factories import make_staff

    complaint(cast["social"], woman_a, received_at=timezone.now() - timedelta(days=10))
    both = make_staff("inspector", facility_a, facility_b, username="inspector_ab")
    form = PeriodForm({}, facilities=facilities_overseen(both))
    assert form.is_valid()
    every, start, end = (form.cleaned_data[name] for name in ("facilities", "start", "end"))
    assert isinstance(every, EveryFacility) and {p.pk for p in every} == {
        facility_a.pk,
        facility_b.pk,
    }
    with CaptureQueriesContext(connection) as asked_all:
        zeros, lists = registry.overview(both, every, start, end)
    with CaptureQueriesContext(connection) as asked_each:
        named = registry.overview(both, [facility_a, facility_b], start, end)
    ids = re.compile(rf"IN \(({facility_a.pk}, {facility_b.pk}|{facility_b.pk}, {facility_a.pk})\)")
    assert not any(ids.search(q["sql"]) for q in asked_all.captured_queries)
    assert any(ids.search(q["sql"]) for q in asked_each.captured_queries)
    assert [(z["item"].key, z["count"]) for z in zeros] == [
        (z["item"].key, z["count"]) for z in named[0]
    ]
    assert [(each["item"].key, each["count"]) for each in lists] == [
        (each["item"].key, each["count"]) for each in named[1]
    ]
    assert any(z["count"] for z in zeros)
    some = PeriodForm({}, facilities=facilities_overseen(cast["inspector"]))
    assert some.is_valid() and some.cleaned_data["facilities"] == [facility_a]
    assert not isinstance(some.cleaned_data["facilities"], EveryFacility)
