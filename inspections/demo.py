"""Demo records for inspections (Rule 25.3), made through the services as the inspector and the
governor would: a judge's visit five months ago whose team had no woman member (indicator 52
counts it), a visit by the national preventive mechanism two months ago, its team with
women members, its sample, findings and recommendations: one done, one whose deadline has
passed (the governor's task overdue), one with an action plan in progress; and an unannounced
visit by the independent monitoring board planned for next month, its team still without a
woman (the page warns of it)."""

from datetime import timedelta

from django.utils import timezone

from reminders.models import Reminder

from .models import Area, BodyKind, OwnerRole, Priority, Recommendation, Status
from .services import (
    add_member,
    draw_sample,
    finish_visit,
    follow_up,
    note_case,
    plan_action,
    plan_visit,
    recommend,
    record_finding,
    start_visit,
)


def seed(*, facility, staff, women) -> None:
    inspector, governor = staff.get("inspector"), staff.get("governor")
    if inspector is None or governor is None:
        return
    now, today = timezone.now(), timezone.localdate()
    judge = plan_visit(
        by=inspector,
        facility=facility,
        body="Supervising judge",
        body_kind=BodyKind.JUDICIAL,
        announced=True,
        planned_start=today - timedelta(days=150),
        planned_end=today - timedelta(days=150),
        purpose="Visit of the women held on remand, as the law asks each year.",
    )
    add_member(by=inspector, visit=judge, name="Judge Wichai Boonmee", role="Judge", woman=False)
    start_visit(by=inspector, visit=judge, started_at=now - timedelta(days=150))
    finish_visit(by=inspector, visit=judge, ended_at=now - timedelta(days=150, hours=-4))
    past = plan_visit(
        by=inspector,
        facility=facility,
        body="National Preventive Mechanism",
        body_kind=BodyKind.NPM,
        announced=False,
        planned_start=today - timedelta(days=62),
        planned_end=today - timedelta(days=60),
        purpose="Full inspection of the women's units, with a focus on segregation and health.",
    )
    for name, role, woman in (
        ("Dr Anong Srisuk", "Lead inspector", True),
        ("Malee Chaiyaporn", "Health inspector", True),
        ("Somchai Wong", "Inspector", False),
    ):
        add_member(by=inspector, visit=past, name=name, role=role, woman=woman)
    start_visit(by=inspector, visit=past, started_at=now - timedelta(days=62))
    sample = draw_sample(
        by=inspector, visit=past, sizes={"girl": 1, "foreign": 2, "rest": 3}, seed=20261005
    )
    first = sample.women.first()
    if first is not None:
        note_case(
            by=inspector,
            sampled=first,
            note="Her record is complete; she was offered family contact at admission.",
        )
    segregation = record_finding(
        by=inspector,
        visit=past,
        area=Area.DISCIPLINE,
        rule="22",
        found="Two segregation logs lacked the daily health visit for a day each.",
        evidence="Segregation records of the last 90 days; interview with the unit manager.",
    )
    hygiene = record_finding(
        by=inspector,
        visit=past,
        area=Area.HYGIENE,
        rule="5",
        found="Sanitary products ran out on one unit for two days.",
        evidence="Stock checks; women's accounts.",
    )
    overdue = recommend(
        by=inspector,
        visit=past,
        finding=segregation,
        text="Make sure health staff visit every segregated woman every day, and record it.",
        rule="22",
        priority=Priority.HIGH,
        owner_role=OwnerRole.HEALTH,
        deadline=today + timedelta(days=1),
    )
    in_progress = recommend(
        by=inspector,
        visit=past,
        finding=hygiene,
        text="Keep a reserve of sanitary products on every unit.",
        rule="5",
        priority=Priority.MEDIUM,
        owner_role=OwnerRole.GOVERNOR,
        owner=governor,
        deadline=today + timedelta(days=30),
    )
    done = recommend(
        by=inspector,
        visit=past,
        text="Post the complaints procedure in every unit in the languages women speak.",
        rule="25",
        priority=Priority.LOW,
        owner_role=OwnerRole.SAFEGUARDING,
        deadline=today + timedelta(days=2),
    )
    finish_visit(by=inspector, visit=past, ended_at=now - timedelta(days=60))
    plan_action(
        by=governor,
        recommendation=in_progress,
        action="A reserve cupboard on each unit, checked at each stock count.",
        owner="Head of custody",
        target_date=today + timedelta(days=21),
    )
    follow_up(by=governor, recommendation=in_progress, status=Status.IN_PROGRESS)
    follow_up(
        by=governor,
        recommendation=done,
        status=Status.DONE,
        evidence="Posters in Thai, Burmese, Lao and English on every unit since last month.",
    )
    # The deadline of the first has passed since without it done: the governor's task is
    # overdue (what the sweep would have marked by now).
    passed = today - timedelta(days=10)
    Recommendation.objects.filter(pk=overdue.pk).update(deadline=passed)
    Reminder.objects.filter(key__startswith=f"inspections-recommendation:{overdue.uuid}:").update(
        due_at=now - timedelta(days=9), escalate_at=now - timedelta(days=9)
    )
    upcoming = plan_visit(
        by=inspector,
        facility=facility,
        body="Independent Monitoring Board",
        body_kind=BodyKind.BOARD,
        announced=False,
        planned_start=today + timedelta(days=30),
        planned_end=today + timedelta(days=31),
        purpose="Follow-up of the national preventive mechanism's recommendations.",
    )
    add_member(
        by=inspector, visit=upcoming, name="Prasert Kittisak", role="Board member", woman=False
    )
