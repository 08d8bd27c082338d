"""An overseer assigned to no facility yet (an inspector before her facilities are given) gets
every oversight page and its API, counted ahead or as asked, with nothing of any facility's:
no count, no case, no error."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
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


@pytest.mark.parametrize("path", PAGES)
def test_an_overseer_of_no_facility_gets_every_page_and_nothing_of_any_facility(
    cast, woman_a, path
):
    from complaints.tests.factories import complaint
    from oversight import counted

    # A complaint at facility A not acknowledged in time: a count that isn't zero there.
    complaint(cast["social"], woman_a, received_at=timezone.now() - timedelta(days=10))
    nowhere = User.objects.create(username="inspector.nowhere", gender="woman")
    nowhere.groups.add(Group.objects.get(name="inspector"))
    counted.refresh()
    start = (timezone.localdate() - timedelta(days=20)).isoformat()
    for query in ("", f"?start={start}"):  # counted ahead, then as asked
        for who, red in ((nowhere, False), (cast["inspector"], True)):
            response = client_for(who).get(path + query)
            assert response.status_code == 200, (path, query, response.status_code)
            if path == "/oversight/":
                assert b'data-testid="refused-complaints-overdue"' in response.content
                assert (b"govuk-tag--red" in response.content) is red
