"""The safeguarding queues: plans to make, overdue and due for review, for those who make plans;
family concerns awaiting triage, for those who triage them; neither for any other role, and
their queries the same for many rows as for one."""

from datetime import timedelta

import pytest
from django.contrib import admin
from django.utils import timezone

from conftest import client_for
from safeguarding.models import Plan
from tests import queues

from .factories import concern, incident, make_support, other_woman, plan_of

pytestmark = pytest.mark.django_db


def test_the_plans_queue_by_state(cast, woman_a):
    found = incident(cast, woman_a)
    make_support(cast, plan_of(found))
    Plan.objects.filter(part="perpetrator").update(due_at=timezone.now() - timedelta(hours=1))
    client = client_for(cast["safeguarding"])

    assert queues.tab_counts(queues.page(client, "safeguarding")) == {
        "All": 2,
        "To make": 1,
        "Overdue": 1,
        "Review due": 0,
    }
    assert queues.dashboard_counts(client, "safeguarding")["Overdue"] == 1


def test_the_concerns_queue_awaits_triage(cast, woman_a):
    concern(cast, woman_a)
    client = client_for(cast["governor"])
    response = queues.page(client, "family-concerns")
    assert queues.tab_counts(response)["Awaiting triage"] == 1
    assert "She is threatened" not in response.content.decode()


@pytest.mark.parametrize("role", ["reception", "custody", "health", "inspector"])
def test_no_other_role_has_them(cast, woman_a, role):
    incident(cast, woman_a)
    client = client_for(cast[role])
    assert queues.page(client, "safeguarding").status_code == 404
    assert queues.page(client, "family-concerns").status_code == 404


def test_the_queues_queries_do_not_grow_with_its_rows(cast, woman_a):
    client = client_for(cast["safeguarding"])
    incident(cast, woman_a)
    concern(cast, woman_a)

    def more():
        for _n in range(4):
            victim = other_woman(woman_a)
            incident(cast, victim)
            concern(cast, victim)

    queues.queries_do_not_grow(client, "/queues/safeguarding/", more)
    queues.queries_do_not_grow(client, "/queues/family-concerns/", more)


def test_the_admin_is_no_door_to_safeguarding_records():
    assert not [m for m in admin.site._registry if m._meta.app_label == "safeguarding"]
