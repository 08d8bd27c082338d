"""What the governor and the inspector oversee of visits (indicators 37-38): the lists, and
the counts that must be zero, computed from the records themselves. The database refuses
these breaches too, so the tests lift its check for the length of the test to write one."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from facilities.models import Facility
from oversight.registry import lists_for, zeros_for

from .. import oversight
from ..models import Visit, Visitor, VisitorStatus
from .factories import approved, booked, refused, visitor

pytestmark = pytest.mark.django_db


def cases(count, facility):
    today = timezone.localdate()
    facilities = Facility.objects.filter(pk=facility.pk)
    return list(count(facilities, today - timedelta(days=30), today + timedelta(days=30)))


def lift(table, constraint):
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(f'ALTER TABLE "{table}" DROP CONSTRAINT "{constraint}"')


def test_the_governor_and_the_inspector_see_the_visits_lists_and_counts(cast):
    for role in ("governor", "inspector"):
        assert {"visits", "visitor-decisions"} <= {i.key for i in lists_for(cast[role])}
        zeros = {i.key for i in zeros_for(cast[role])}
        assert "visitors-approved-without-her-agreement" in zeros
        assert "child-visits-closed-without-reason" in zeros
    assert not lists_for(cast["custody"])


def test_the_lists_hold_the_visits_and_her_decisions_without_names(cast, woman_a, facility_a):
    refused(cast, woman_a, name="Kittisak Violent")
    booked(cast, woman_a, [approved(cast, woman_a)])
    decisions = cases(oversight.decisions_in, facility_a)
    assert len(decisions) == 2
    rows = [oversight.decision_row(visitor) for visitor in decisions]
    assert all("Kittisak" not in row.what for row in rows)
    assert len(cases(oversight.visits_in, facility_a)) == 1


@pytest.mark.rule("44")
def test_an_approval_without_her_agreement_is_counted(cast, woman_a, facility_a):
    refused_by_her = refused(cast, woman_a)
    from ..services.visitors import approve_by_court_order

    approve_by_court_order(by=cast["social"], visitor=refused_by_her, reference="CO", court="C")
    approved(cast, woman_a, name="Dao Srisuk")
    assert cases(oversight.approved_without_her_agreement, facility_a) == []
    lift("visits_visitor", "visitor_approved_by_her_or_a_court")
    waiting = visitor(cast, woman_a, name="Never Asked")
    Visitor.objects.filter(pk=waiting.pk).update(status=VisitorStatus.APPROVED)
    assert cases(oversight.approved_without_her_agreement, facility_a) == [waiting]


@pytest.mark.rule("28")
def test_a_child_visit_without_open_contact_and_no_reason_is_counted(cast, woman_a, facility_a):
    niece = approved(cast, woman_a, name="Fah", relationship="relative", adult=False, age_given=6)
    reasoned = booked(
        cast, woman_a, [niece], kind="child", open_contact=False, setting_reason="Her wish"
    )
    assert cases(oversight.child_visits_closed_without_reason, facility_a) == []
    lift("visits_visit", "child_visit_open_or_reasoned")
    Visit.objects.filter(pk=reasoned.pk).update(setting_reason="")
    assert cases(oversight.child_visits_closed_without_reason, facility_a) == [reasoned]
