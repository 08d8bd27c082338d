"""Indicator 52 (Rule 25.3): the inspection and monitoring visits that took place with at least
one woman member ÷ the visits, on the indicators pages and frozen with the other figures at a
visit's start."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import client_for
from facilities.models import Facility
from inspections import reading, services
from oversight import registry

from .test_inspections import plan, started

pytestmark = pytest.mark.django_db


def row(cast, facilities, start, end):
    found = registry.indicators(cast["inspector"], facilities, start, end)
    return next(r for r in found if r["number"] == "52")


@pytest.mark.rule("25.3")
def test_a_visit_with_a_woman_member_and_one_without_are_half(cast, facility_a, settings):
    settings.SMALL_CELL = 1
    started(cast, plan(cast, facility_a), woman=True)
    started(cast, plan(cast, facility_a, body="Board"), woman=False)
    plan(cast, facility_a, body="Not yet started")
    today = timezone.localdate()
    found = row(cast, [facility_a], today - timedelta(days=29), today)
    assert (found["numerator"], found["denominator"], found["rate"]) == (1, 2, 50.0)
    assert found["target"] == 100 and found["direction"] == "larger"
    assert found["records"] == "inspection-visits"
    assert reading.visits_with_women_members([facility_a], today, today) == (1, 2)
    page = client_for(cast["inspector"]).get("/oversight/indicators/").content.decode()
    assert "50.0 % (1 of 2)" in page


@pytest.mark.rule("25.3")
def test_a_year_of_months_and_two_facilities_in_one_query(cast, facility_a, facility_b):
    started(cast, plan(cast, facility_a), woman=True)
    item = registry._INDICATORS["inspections-with-women"]
    both = Facility.objects.filter(pk__in=[facility_a.pk, facility_b.pk])
    periods = registry.months(timezone.localdate())
    with CaptureQueriesContext(connection) as queries:
        found = item.counts(both, periods)
    assert len(queries) == 1
    assert found == {(len(periods) - 1, facility_a.pk): (1, 1)}


def started_days_ago(cast, facility, body, days, woman):
    visit = plan(cast, facility, body=body, planned_start=timezone.localdate() - timedelta(days))
    services.add_member(by=cast["inspector"], visit=visit, name="Anong", role="Lead", woman=woman)
    return services.start_visit(
        by=cast["inspector"], visit=visit, started_at=timezone.now() - timedelta(days=days)
    )


@pytest.mark.rule("25.3")
def test_the_indicators_frozen_at_the_start_never_change(cast, facility_a, settings):
    settings.SMALL_CELL = 1
    started_days_ago(cast, facility_a, "Board", 5, woman=False)
    visit = started(cast, plan(cast, facility_a))
    frozen = {item["key"]: item for item in visit.figures["indicators"]}
    assert frozen["inspections-with-women"] == {
        "key": "inspections-with-women",
        "label": "52. Inspection and monitoring visits with at least one woman member",
        "rule": "25.3",
        "unit": "rate",
        "numerator": 0,
        "denominator": 1,
        "rate": 0.0,
        "suppressed": False,
    }
    # A visit of the same period recorded after the start: today's figure changes, the frozen
    # one doesn't.
    started_days_ago(cast, facility_a, "Another board", 3, woman=True)
    visit.refresh_from_db()
    assert {item["key"]: item for item in visit.figures["indicators"]} == frozen
    start, end = visit.figures_from, visit.figures_to
    assert row(cast, [facility_a], start, end)["numerator"] == 1
    services.finish_visit(by=cast["inspector"], visit=visit)
    page = client_for(cast["inspector"]).get(reverse("inspections:visit", args=[visit.uuid]))
    body = page.content.decode()
    assert 'data-testid="inspections-frozen"' in body
    assert "52. Inspection and monitoring visits with at least one woman member" in body
    assert "0.0 % (0 of 1)" in body


@pytest.mark.rule("25.3")
def test_the_next_visit_shows_the_frozen_indicators_beside_today(cast, facility_a, settings):
    settings.SMALL_CELL = 1
    started_days_ago(cast, facility_a, "Board", 5, woman=False)
    last = started(cast, plan(cast, facility_a))
    services.finish_visit(by=cast["inspector"], visit=last)
    upcoming = plan(cast, facility_a, body="Next")
    page = client_for(cast["inspector"]).get(reverse("inspections:visit", args=[upcoming.uuid]))
    body = page.content.decode()
    assert 'data-testid="inspections-compared"' in body
    assert "0.0 % (0 of 1)" in body  # at the last visit
    assert "50.0 % (1 of 2)" in body  # today: the last visit itself had a woman member


@pytest.mark.rule("25.3")
def test_a_median_is_frozen_with_what_it_is_in_and_written_as_the_pages_write_it(
    cast, facility_a, settings, monkeypatch
):
    from django.db.models import IntegerField, Value

    from inspections.models import Visit
    from oversight.registry import MEDIAN, Indicator, spread

    settings.SMALL_CELL = 1
    monkeypatch.setattr(registry, "_INDICATORS", {})
    registry.register_indicator(
        Indicator(
            key="sample-median",
            number="",
            title="A median",
            rules="25.3",
            perm="facilities.oversee_facility",
            counts=spread(
                lambda: Visit.objects.filter(started_at__isnull=False),
                "started_at__date",
                Value(3, output_field=IntegerField()),
            ),
            unit=MEDIAN,
            measure="days",
        )
    )
    started_days_ago(cast, facility_a, "Board", 5, woman=True)
    visit = started(cast, plan(cast, facility_a))
    (frozen,) = visit.figures["indicators"]
    assert (frozen["median"], frozen["measure"], frozen["denominator"]) == (3, "days", 1)
    assert reading._shown(frozen) == "3 days (the median of 1)"
