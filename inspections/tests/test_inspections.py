"""Inspections and monitoring visits (Rule 25.3): the team and its women members (indicator
52), the figures frozen at the start, the sample drawn at random and reproducibly among the
women in custody, the case review within what the inspector may read, findings locked when the
visit ends, recommendations answered by the governor and overdue by the clock."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from conftest import client_for
from inspections import reading, services
from inspections.models import (
    ActionPlan,
    Finding,
    FollowUp,
    Member,
    Recommendation,
    Sample,
    SampledWoman,
    Status,
    Stratum,
    Visit,
)
from prisoners.models import CustodyStatus
from prisoners.tests.factories import PrisonerFactory
from reminders.models import Reminder
from reminders.models import Status as TaskStatus
from reminders.services import sweep_reminders
from tests import refusals

pytestmark = pytest.mark.django_db


def plan(cast, facility, **overrides):
    today = timezone.localdate()
    data = {
        "body": "National Preventive Mechanism",
        "body_kind": "npm",
        "announced": False,
        "planned_start": today,
        "planned_end": today + timedelta(days=2),
        **overrides,
    }
    return services.plan_visit(by=cast["inspector"], facility=facility, **data)


@pytest.fixture
def visit(cast, facility_a):
    return plan(cast, facility_a)


def started(cast, visit, woman=True):
    services.add_member(by=cast["inspector"], visit=visit, name="Anong", role="Lead", woman=woman)
    return services.start_visit(by=cast["inspector"], visit=visit)


def recommendation(cast, visit, **overrides):
    data = {
        "text": "Visit every segregated woman every day.",
        "rule": "22",
        "priority": "high",
        "owner_role": "health",
        "deadline": timezone.localdate() + timedelta(days=7),
        **overrides,
    }
    return services.recommend(by=cast["inspector"], visit=visit, **data)


# Rule 25.3: women members, indicator 52 ---------------------------------------------------


@pytest.mark.rule("25.3")
def test_a_team_without_a_woman_is_recorded_warned_and_counted(cast, facility_a):
    with_woman, without = plan(cast, facility_a), plan(cast, facility_a, body="Board")
    started(cast, with_woman, woman=True)
    started(cast, without, woman=False)
    plan(cast, facility_a, body="Not yet started")
    today = timezone.localdate()
    assert reading.visits_with_women_members([facility_a], today, today) == (1, 2)
    page = client_for(cast["inspector"]).get(reverse("inspections:visit", args=[without.uuid]))
    assert b'data-testid="inspections-no-woman"' in page.content
    page = client_for(cast["inspector"]).get(reverse("inspections:visit", args=[with_woman.uuid]))
    assert b'data-testid="inspections-no-woman"' not in page.content


@pytest.mark.rule("25.3")
def test_adding_a_man_to_a_team_without_a_woman_warns_on_the_page(cast, visit):
    response = client_for(cast["inspector"]).post(
        reverse("inspections:add-member", args=[visit.uuid]),
        {"name": "Somchai", "role": "Inspector", "woman": "false"},
        follow=True,
    )
    assert "no woman member" in response.content.decode()
    assert Member.objects.filter(visit=visit, woman=False).count() == 1


def test_indicator_52_asks_one_query_whatever_the_number_of_visits(cast, facility_a, facility_b):
    today = timezone.localdate()
    started(cast, plan(cast, facility_a))
    with CaptureQueriesContext(connection) as one:
        reading.visits_with_women_members([facility_a, facility_b], today, today)
    for n in range(3):
        started(cast, plan(cast, facility_a, body=f"Body {n}"), woman=n % 2 == 0)
    with CaptureQueriesContext(connection) as many:
        assert reading.visits_with_women_members([facility_a, facility_b], today, today) == (3, 4)
    assert len(one) == len(many) == 1


def test_the_visits_are_on_oversight(cast, visit):
    started(cast, visit)
    page = client_for(cast["inspector"]).get(
        reverse("oversight:records", args=["inspection-visits"])
    )
    assert page.status_code == 200
    assert "National Preventive Mechanism" in page.content.decode()


# The figures frozen at the start ----------------------------------------------------------


@pytest.mark.rule("25.3")
def test_the_figures_are_frozen_at_the_start_and_never_change(cast, visit):
    visit = started(cast, visit)
    assert visit.figures["zeros"] and "lists" in visit.figures
    assert {row["key"] for row in visit.figures["lists"]} >= {"inspection-visits"}
    start, end = services.figures_period(timezone.localdate(visit.started_at))
    assert (visit.figures_from, visit.figures_to) == (start, end)
    with pytest.raises(DatabaseError), transaction.atomic():
        Visit.objects.filter(pk=visit.pk).update(figures={"zeros": []})


def test_the_next_visit_shows_the_last_figures_beside_today(cast, visit, facility_a):
    started(cast, visit)
    services.finish_visit(by=cast["inspector"], visit=visit)
    upcoming = plan(cast, facility_a, body="Board")
    page = client_for(cast["inspector"]).get(reverse("inspections:visit", args=[upcoming.uuid]))
    assert b'data-testid="inspections-compared"' in page.content


def test_the_figures_have_one_place_to_grow(cast, facility_a):
    """A part added to `PARTS` (oversight's indicators) is frozen with the rest."""
    parts = dict(reading.PARTS)
    assert set(parts) == {"zeros", "lists", "indicators"}
    today = timezone.localdate()
    found = reading.figures(cast["inspector"], [facility_a], today, today)
    assert set(found) == {"from", "to", "zeros", "lists", "indicators"}


# The sample -------------------------------------------------------------------------------


def women(facility, n, **fields):
    return [
        PrisonerFactory(facility=facility, prison_number=f"{facility.code}9{i:04d}", **fields)
        for i in range(n)
    ]


@pytest.mark.rule("25.3")
def test_the_sample_is_drawn_among_the_women_in_custody_there_and_can_be_drawn_again(
    cast, visit, facility_a, facility_b
):
    here = women(facility_a, 12)
    women(facility_b, 5)
    gone = PrisonerFactory(
        facility=facility_a, custody_status=CustodyStatus.RELEASED, prison_number="AR1"
    )
    sample = services.draw_sample(by=cast["inspector"], visit=visit, sizes={"rest": 4}, seed=42)
    drawn = set(sample.women.values_list("prisoner_id", flat=True))
    assert len(drawn) == 4 and drawn <= {w.pk for w in here} and gone.pk not in drawn
    assert sample.strata["rest"]["population"] == 12 and sample.seed == 42
    population = {s: sample.strata[s]["ids"] for s in sample.strata}
    again = services.draw(population, {"rest": 4}, 42)
    assert set(again["rest"]) == drawn
    assert services.draw(population, {"rest": 4}, 43)["rest"] != again["rest"] or len(here) <= 4
    event = AuditEvent.objects.get(action="inspections.sample_drawn")
    assert event.detail["seed"] == 42 and event.actor == cast["inspector"]


def test_the_strata_put_each_woman_in_the_first_that_applies(cast, facility_a, settings):
    settings.HOME_COUNTRY = "TH"
    today = timezone.localdate()
    girl = PrisonerFactory(
        facility=facility_a, prison_number="AG1", date_of_birth=today.replace(year=today.year - 16)
    )
    foreign = PrisonerFactory(facility=facility_a, prison_number="AF1", nationalities=["MM"])
    rest = PrisonerFactory(facility=facility_a, prison_number="AX1", nationalities=["TH"])
    found = reading.strata_of(facility_a.pk)
    assert girl.pk in found[Stratum.GIRL]
    assert foreign.pk in found[Stratum.FOREIGN]
    assert rest.pk in found[Stratum.REST]


def test_the_sample_is_drawn_once(cast, visit, facility_a):
    women(facility_a, 3)
    services.draw_sample(by=cast["inspector"], visit=visit, sizes={"rest": 1})
    with refusals.nothing_written(Sample, SampledWoman), pytest.raises(ValidationError):
        services.draw_sample(by=cast["inspector"], visit=visit, sizes={"rest": 1})


def test_the_case_review_opens_her_record_within_what_the_inspector_may_read(
    cast, visit, facility_a
):
    women(facility_a, 2)
    sample = services.draw_sample(by=cast["inspector"], visit=visit, sizes={"rest": 1})
    sampled = sample.women.get()
    url = reverse("inspections:case", args=[sampled.uuid])
    page = client_for(cast["inspector"]).get(url)
    assert page.status_code == 200
    assert reverse("prisoners:detail", args=[sampled.prisoner.uuid]) in page.content.decode()
    assert (
        AuditEvent.objects.filter(action="inspections.case_opened", actor=cast["inspector"]).count()
        == 1
    )
    sampled.refresh_from_db()
    assert sampled.opened_at is not None
    for role in ("governor", "health", "custody", "outsider"):
        assert client_for(cast[role]).get(url).status_code == 404
    response = client_for(cast["inspector"]).post(
        reverse("inspections:note", args=[sampled.uuid]),
        {"note": "Complete; family contact offered."},
    )
    assert response.status_code == 302
    sampled.refresh_from_db()
    assert sampled.note.startswith("Complete") and sampled.noted_by == cast["inspector"]


# Findings locked when the visit ends ------------------------------------------------------


@pytest.mark.rule("25.3")
def test_a_finished_visits_findings_are_locked_at_every_door(cast, visit):
    started(cast, visit)
    finding = services.record_finding(
        by=cast["inspector"], visit=visit, area="discipline", found="A log was missing."
    )
    services.change_finding(by=cast["inspector"], finding=finding, found="Two logs were missing.")
    services.finish_visit(by=cast["inspector"], visit=visit)
    with refusals.refused("25.3", Finding, Recommendation, Member):
        services.record_finding(by=cast["inspector"], visit=visit, area="health", found="x")
    with refusals.refused("25.3", Recommendation):
        recommendation(cast, visit)
    with refusals.refused("25.3", Member):
        services.add_member(by=cast["inspector"], visit=visit, name="X", role="Y", woman=True)
    finding.refresh_from_db()
    client = client_for(cast["inspector"])
    with refusals.nothing_written(Finding):
        response = client.patch(
            f"/api/v1/inspections/findings/{finding.uuid}/",
            {"found": "Rewritten"},
            content_type="application/json",
            HTTP_IF_MATCH=f'"{finding.version}"',
        )
    assert response.status_code == 409 and response.json()["rule"] == "25.3"
    finding.refresh_from_db()
    assert finding.found == "Two logs were missing."
    assert finding.events.count() >= 2  # each version kept


def test_only_the_inspector_records_findings(cast, visit):
    started(cast, visit)
    with refusals.denied(Finding):
        services.record_finding(by=cast["governor"], visit=visit, area="health", found="x")
    response = client_for(cast["governor"]).post(
        reverse("inspections:finding", args=[visit.uuid]), {"area": "health", "found": "x"}
    )
    assert response.status_code == 404


# Recommendations, action plans, follow-ups, the clock -------------------------------------


def test_the_governor_answers_with_an_action_plan_and_follow_ups(cast, visit):
    started(cast, visit)
    rec = recommendation(cast, visit)
    client = client_for(cast["governor"])
    response = client.post(
        reverse("inspections:action-plan", args=[rec.uuid]),
        {
            "action": "A daily round",
            "owner": "Head of health",
            "target_date": (timezone.localdate() + timedelta(days=3)).isoformat(),
        },
    )
    assert response.status_code == 302
    assert ActionPlan.objects.get(recommendation=rec).owner == "Head of health"
    response = client.post(
        reverse("inspections:follow-up", args=[rec.uuid]), {"status": "not_accepted"}
    )
    assert response.status_code == 400 and FollowUp.objects.count() == 0
    client.post(
        reverse("inspections:follow-up", args=[rec.uuid]),
        {"status": "done", "evidence": "Rounds logged."},
    )
    rec.refresh_from_db()
    assert rec.status == Status.DONE and rec.closed_at is not None
    assert (
        not Reminder.objects.open()
        .filter(key__startswith=f"inspections-recommendation:{rec.uuid}")
        .exists()
    )
    # The inspector writes none of it.
    with refusals.denied(ActionPlan):
        services.plan_action(
            by=cast["inspector"],
            recommendation=rec,
            action="x",
            owner="y",
            target_date=timezone.localdate(),
        )


@pytest.mark.rule("25.3")
def test_a_recommendation_past_its_deadline_is_the_governors_overdue_task(cast, visit):
    started(cast, visit)
    rec = recommendation(cast, visit, deadline=timezone.localdate() + timedelta(days=1))
    task = Reminder.objects.get(key__startswith=f"inspections-recommendation:{rec.uuid}")
    assert task.assignee_role == "governor" and task.status == TaskStatus.PENDING
    sweep_reminders(now=timezone.now() + timedelta(days=3))
    task.refresh_from_db()
    assert task.status == TaskStatus.ESCALATED


def test_the_next_visit_prepares_with_the_open_and_overdue_recommendations(cast, visit, facility_a):
    started(cast, visit)
    rec = recommendation(cast, visit)
    closed = recommendation(cast, visit, text="Post the complaints procedure.")
    services.follow_up(
        by=cast["governor"], recommendation=closed, status="done", evidence="Posted."
    )
    services.finish_visit(by=cast["inspector"], visit=visit)
    Recommendation.objects.filter(pk=rec.pk).update(
        deadline=timezone.localdate() - timedelta(days=2)
    )
    upcoming = plan(cast, facility_a, body="Board")
    assert [r.pk for r in reading.still_open(upcoming)] == [rec.pk]
    page = client_for(cast["inspector"]).get(reverse("inspections:visit", args=[upcoming.uuid]))
    text = page.content.decode()
    assert "Visit every segregated woman" in text and "Overdue" in text
    assert "Post the complaints procedure" not in text


def test_the_visit_links_to_the_confidential_reads_of_its_period(cast, visit):
    page = client_for(cast["inspector"]).get(reverse("inspections:visit", args=[visit.uuid]))
    assert reverse("oversight:reads") + "?facility=A&amp;start=" in page.content.decode()


# Who sees what ----------------------------------------------------------------------------


def test_nobody_else_sees_inspections(cast, visit):
    url = reverse("inspections:visit", args=[visit.uuid])
    for role in (
        "reception",
        "custody",
        "health",
        "social",
        "safeguarding",
        "outsider",
        "sysadmin",
    ):
        assert client_for(cast[role]).get(url).status_code == 404, role
    assert client_for(cast["governor"]).get(url).status_code == 200


def test_the_list_asks_as_many_queries_for_many_visits_as_for_one(cast, facility_a):
    plan(cast, facility_a)
    client = client_for(cast["inspector"])
    client.get(reverse("inspections:index"))
    with CaptureQueriesContext(connection) as one:
        assert client.get(reverse("inspections:index")).status_code == 200
    for n in range(4):
        started(cast, plan(cast, facility_a, body=f"Body {n}"))
    with CaptureQueriesContext(connection) as many:
        assert client.get(reverse("inspections:index")).status_code == 200
    assert len(one) == len(many)


def test_the_api_lists_and_shows_a_visit(cast, visit):
    client = client_for(cast["governor"])
    listed = client.get("/api/v1/inspections/visits/").json()
    assert [v["uuid"] for v in listed["results"]] == [str(visit.uuid)]
    shown = client.get(f"/api/v1/inspections/visits/{visit.uuid}/").json()
    assert shown["body"] == "National Preventive Mechanism" and shown["women_on_team"] is False
    assert (
        client_for(cast["custody"]).get(f"/api/v1/inspections/visits/{visit.uuid}/").status_code
        == 404
    )


def test_the_demo_shows_every_state(cast, facility_a):
    from inspections import demo

    women(facility_a, 6)
    demo.seed(facility=facility_a, staff=cast, women=[])
    past = Visit.objects.get(body="National Preventive Mechanism")
    assert past.finished and past.figures is not None
    statuses = set(past.recommendations.values_list("status", flat=True))
    assert statuses == {Status.OPEN, Status.IN_PROGRESS, Status.DONE}
    assert any(r.overdue for r in past.recommendations.all())
    upcoming = Visit.objects.get(body="Independent Monitoring Board")
    assert upcoming.state == "planned" and not upcoming.team.filter(woman=True).exists()
    # Indicator 52 tells something: one visit that took place without a woman member.
    today = timezone.localdate()
    assert reading.visits_with_women_members([facility_a], today - timedelta(365), today) == (1, 2)


def test_a_recommendations_owner_is_a_governor_of_the_facility_and_no_one_else(cast, visit):
    started(cast, visit)
    client = client_for(cast["inspector"])
    url = f"/api/v1/inspections/visits/{visit.uuid}/recommendations/"
    body = {
        "text": "Do it.",
        "priority": "high",
        "owner_role": "governor",
        "deadline": (timezone.localdate() + timedelta(days=3)).isoformat(),
    }
    answers = [
        client.post(url, {**body, "owner": name}, content_type="application/json")
        for name in ("custody", "nobody-by-this-name")
    ]
    assert [a.status_code for a in answers] == [400, 400]
    assert answers[0].json() == answers[1].json()  # who has an account is not told
    named = client.post(url, {**body, "owner": "governor"}, content_type="application/json")
    assert named.status_code == 201 and named.json()["owner"] == "governor"


@pytest.mark.rule("25.3")
def test_the_page_refuses_a_finding_after_the_visit_ended_naming_the_rule(cast, visit):
    started(cast, visit)
    services.finish_visit(by=cast["inspector"], visit=visit)
    with refusals.nothing_written(Finding):
        response = client_for(cast["inspector"]).post(
            reverse("inspections:finding", args=[visit.uuid]),
            {"area": "health", "found": "Seen late."},
        )
    assert response.status_code == 400
    assert "Rule 25.3" in response.content.decode()


def test_the_visit_page_asks_as_many_queries_for_many_records_as_for_one(cast, facility_a):
    visit = plan(cast, facility_a)
    started(cast, visit)
    recommendation(cast, visit)
    client = client_for(cast["governor"])
    url = reverse("inspections:visit", args=[visit.uuid])
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        assert client.get(url).status_code == 200
    for n in range(3):
        services.record_finding(by=cast["inspector"], visit=visit, area="other", found=f"F{n}")
        made = recommendation(cast, visit, text=f"R{n}")
        services.follow_up(by=cast["governor"], recommendation=made, status="accepted")
        services.add_member(by=cast["inspector"], visit=visit, name=f"M{n}", role="I", woman=True)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(one) == len(many)


def test_a_visit_starts_now_or_in_the_past_never_in_the_future(cast, visit):
    with refusals.invalid("started_at", Visit):
        services.start_visit(
            by=cast["inspector"], visit=visit, started_at=timezone.now() + timedelta(hours=2)
        )
    visit.refresh_from_db()
    assert visit.started_at is None and visit.figures is None
    backdated = timezone.now() - timedelta(days=3)
    visit = services.start_visit(by=cast["inspector"], visit=visit, started_at=backdated)
    assert visit.figures_to == timezone.localdate(backdated) - timedelta(days=1)


def test_the_governors_task_opens_the_follow_up_of_its_recommendation(cast, visit):
    from reminders.kinds import answering_page

    started(cast, visit)
    rec = recommendation(cast, visit)
    task = Reminder.objects.get(key__startswith=f"inspections-recommendation:{rec.uuid}")
    found = answering_page(task, cast["governor"])
    assert found is not None and found[1] == reverse("inspections:follow-up", args=[rec.uuid])
    assert answering_page(task, cast["inspector"]) is None


def test_the_figures_read_oversight_s_overview_once_for_the_zeros_and_the_lists(
    cast, facility_a, monkeypatch
):
    from oversight import registry

    calls = []
    overview = registry.overview
    monkeypatch.setattr(
        registry, "overview", lambda *a, **kw: calls.append(kw) or overview(*a, **kw)
    )
    today = timezone.localdate()
    found = reading.figures(cast["inspector"], [facility_a], today, today)
    assert calls == [{"cases": False}]  # the figures show no case: none is read
    assert found["zeros"] and found["lists"]
