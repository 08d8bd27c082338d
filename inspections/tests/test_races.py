"""Two at once make one (the visit's and the recommendation's row locks): a sample drawn twice,
a recommendation closed twice, a finding recorded as the visit ends."""

from datetime import timedelta

import pytest
from django.utils import timezone

from bangkok.errors import RuleBroken
from inspections import services
from inspections.models import Finding, FollowUp, Sample, SampledWoman
from prisoners.tests.factories import PrisonerFactory
from tests.concurrency import race


def _visit(cast, facility):
    today = timezone.localdate()
    visit = services.plan_visit(
        by=cast["inspector"],
        facility=facility,
        body="Board",
        body_kind="board",
        planned_start=today,
        planned_end=today,
    )
    services.add_member(by=cast["inspector"], visit=visit, name="Anong", role="Lead", woman=True)
    return services.start_visit(by=cast["inspector"], visit=visit)


@pytest.mark.django_db(transaction=True)
def test_a_sample_drawn_twice_at_once_is_drawn_once(cast, facility_a):
    for n in range(6):
        PrisonerFactory(facility=facility_a, prison_number=f"AR{n}")
    visit = _visit(cast, facility_a)

    def drawing(seed):
        return lambda: services.draw_sample(
            by=cast["inspector"], visit=visit, sizes={"rest": 2}, seed=seed
        )

    outcomes = race({"first": drawing(1), "second": drawing(2)})
    assert "The sample of this visit is drawn already." in outcomes
    assert Sample.objects.count() == 1 and SampledWoman.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_a_recommendation_closed_twice_at_once_is_closed_once(cast, facility_a):
    visit = _visit(cast, facility_a)
    recommendation = services.recommend(
        by=cast["inspector"],
        visit=visit,
        text="Do it.",
        priority="high",
        owner_role="governor",
        deadline=timezone.localdate() + timedelta(days=3),
    )

    def closing(status, **why):
        return lambda: services.follow_up(
            by=cast["governor"], recommendation=recommendation, status=status, **why
        )

    outcomes = race(
        {
            "done": closing("done", evidence="Done."),
            "refused": closing("not_accepted", reason="No budget."),
        }
    )
    assert "This recommendation is closed already." in outcomes
    assert FollowUp.objects.count() == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.rule("25.3")
def test_a_finding_recorded_as_the_visit_ends_is_kept_or_refused_never_after_it(cast, facility_a):
    visit = _visit(cast, facility_a)
    refused = []

    def finding():
        try:
            services.record_finding(by=cast["inspector"], visit=visit, area="other", found="Late.")
        except RuleBroken as refusal:
            refused.append(refusal.rule)

    race(
        {
            "finding": finding,
            "end": lambda: services.finish_visit(by=cast["inspector"], visit=visit),
        }
    )
    visit.refresh_from_db()
    kept = Finding.objects.filter(visit=visit)
    assert refused == ["25.3"] and not kept.exists() or not refused and kept.count() == 1
    assert all(f.recorded_at <= visit.ended_at for f in kept)
