"""A task opens the form that answers it (`reminders.kinds.opens`), for a viewer who may use it,
and closes when that record is made."""

import re
import uuid
from datetime import timedelta

import pytest
from django.urls import resolve, reverse
from django.utils import timezone

from conftest import client_for
from register.models import Custody
from register.services import record_child
from register.tests.factories import child_fields
from reminders.kinds import answering_page
from reminders.models import Reminder, Status
from tests.her_page import open_her_page

pytestmark = pytest.mark.django_db

LINK = re.compile(r'<a class="govuk-link" href="([^"]+)" data-testid="answer-task">([^<]+)<')


@pytest.fixture
def lost(cast, woman_a):
    return record_child(
        by=cast["reception"],
        mother=woman_a,
        **child_fields(location="", location_unknown=True, custody=Custody.UNKNOWN),
    )


@pytest.mark.rule("3")
def test_the_whereabouts_task_opens_the_childs_form_and_saving_it_closes_the_task(cast, lost):
    social = client_for(cast["social"])
    tasks = social.get(reverse("reminders:tasks")).content.decode()
    ((href, label),) = LINK.findall(tasks)
    assert label == "Record where the child lives, in the register"
    assert href == reverse("register:child-edit", args=[lost.uuid])
    assert "Ploy" not in tasks, "the task names the child by her record only"

    form = social.get(href)
    assert form.status_code == 200
    saved = social.post(
        href,
        {
            "given_names": "Ploy",
            "date_of_birth": "2019-03-14",
            "dependent": "on",
            "location": "Foster home, Chiang Mai",
            "custody": "foster",
            "arrangements": "Foster family found by the district office.",
        },
    )
    assert saved.status_code == 302
    task = Reminder.objects.get(kind="register.whereabouts_unknown")
    assert (task.status, task.closed_by) == (Status.DONE, cast["social"])
    assert "answer-task" not in social.get(reverse("reminders:tasks")).content.decode()


@pytest.mark.rule("3")
def test_her_tasks_section_and_the_dashboard_offer_the_same_link(cast, lost):
    Reminder.objects.filter(kind="register.whereabouts_unknown").update(
        due_at=timezone.now() - timedelta(minutes=1), status=Status.DUE
    )
    social = client_for(cast["social"])
    href = reverse("register:child-edit", args=[lost.uuid])
    her_page = open_her_page(social, lost.mother).content.decode()
    dashboard = social.get(reverse("dashboard")).content.decode()
    assert [h for h, _ in LINK.findall(her_page)] == [href]
    assert [h for h, _ in LINK.findall(dashboard)] == [href]


@pytest.mark.rule("3.2")
def test_an_escalated_task_offers_no_form_to_a_governor_who_may_not_use_it(cast, lost):
    Reminder.objects.filter(kind="register.whereabouts_unknown").update(
        due_at=timezone.now() - timedelta(days=3),
        escalate_at=timezone.now() - timedelta(days=1),
        status=Status.ESCALATED,
    )
    tasks = client_for(cast["governor"]).get(reverse("reminders:tasks")).content.decode()
    assert "Find out where a child lives" in tasks
    assert LINK.findall(tasks) == []
    assert reverse("register:child-edit", args=[lost.uuid]) not in tasks


def task(kind: str, woman, role: str, confidential: bool = False) -> Reminder:
    """A task of `kind` about a record (named in its key, as services name it)."""
    return Reminder(
        key=f"{kind}:{uuid.uuid4()}",
        kind=kind,
        rule="1",
        title="Something to do",
        prisoner=woman,
        facility=woman.facility,
        assignee_role=role,
        due_at=timezone.now(),
        escalate_at=timezone.now(),
        status=Status.DUE,
        confidential=confidential,
    )


# Each kind wired to the page that answers it: who does it, and where she is sent.
WIRED = [
    ("register.whereabouts_unknown", "social", "register:child-edit", "Record where the child"),
    ("complaints.plan", "safeguarding", "complaints:detail", "Record her protection plan"),
    ("complaints.acknowledge", "safeguarding", "complaints:detail", "Record the acknowledgement"),
    ("complaints.reply", "safeguarding", "complaints:detail", "Record the answer"),
    ("complaints.held_action", "safeguarding", "complaints:held", "Record the review"),
    ("discipline.end_segregation_now", "governor", "discipline:segregation", "Record the end"),
    ("discipline.segregation_day_alert", "governor", "discipline:segregation", "Record the end"),
    ("discipline.segregation_visit", "health", "discipline:segregation", "Record the daily"),
    ("admission.consular", "reception", "admissions:detail", "Record her answer"),
    ("health.entry_screening", "health", "health:file", "Record the entry health screening"),
    ("health.pmtct", "health", "health:file", "Record the health encounter"),
    ("health.education", "health", "health:file", "Record the health encounter"),
    ("health.observation_review", "health", "health:file", "Record the observation review"),
]


@pytest.mark.parametrize(("kind", "role", "view", "label"), WIRED)
def test_each_wired_kind_opens_its_page_for_the_role_that_does_it(
    cast, woman_a, kind, role, view, label
):
    reminder = task(kind, woman_a, role, confidential=kind.startswith("health."))
    answer = answering_page(reminder, cast[role])
    assert answer is not None
    text, url = answer
    assert text.startswith(label)
    assert resolve(url.split("?")[0].split("#")[0]).view_name == view


@pytest.mark.rule("8")
@pytest.mark.parametrize("role", ["custody", "social", "safeguarding", "governor", "inspector"])
def test_a_clinical_task_names_no_form_to_a_role_outside_health(cast, woman_a, role):
    for kind in ("health.pmtct", "health.entry_screening", "health.observation_review"):
        assert answering_page(task(kind, woman_a, "health", confidential=True), cast[role]) is None


def test_a_closed_task_or_one_of_a_kind_without_a_page_offers_no_form(cast, woman_a):
    closed = task("register.whereabouts_unknown", woman_a, "social")
    closed.status = Status.DONE
    assert answering_page(closed, cast["social"]) is None
    assert answering_page(task("health.preventive", woman_a, "health"), cast["health"]) is None
