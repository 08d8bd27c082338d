"""The rows of the task tables (`reminders/_table.html`: her tasks, the dashboard's tasks of
the day, the tasks of her page) are written in Python (`{% task_rows %}`); what they write is
what the template's loop wrote, character for character: the loop is kept here, rendered
beside them for every state a row can show, as every role, in English and in French."""

from datetime import timedelta
from pathlib import Path
from uuid import uuid4

import pytest
from django.contrib.auth.context_processors import PermWrapper
from django.middleware.csrf import get_token
from django.template import Context, Engine, Template
from django.test import RequestFactory
from django.utils import timezone, translation
from django.utils.html import escape

from reminders.kinds import _KINDS
from reminders.models import Reminder, Status
from reminders.services import schedule_reminder

pytestmark = pytest.mark.django_db

# The template's loop as it was, with the filters it used (`reminders.tests.reference_tags`).
LOOP = (Path(__file__).parent / "task_rows_reference.html").read_text(encoding="utf-8")
REFERENCE = Engine(
    libraries={
        "i18n": "django.templatetags.i18n",
        "pages": "prisoners.templatetags.pages",
        "rules": "prisoners.templatetags.rules",
        "reference": "reminders.tests.reference_tags",
    }
).from_string(LOOP)
ROWS = Template("{% load tasks %}{% task_rows tasks with_actions %}")


def tasks_of_every_kind(facility, woman) -> list[Reminder]:
    """A task of each kind declared (those answered on a page, those marked done, those that
    close with their record), in every open status, some clinical, one about no woman, one
    whose title holds markup."""
    now = timezone.now()
    made = []
    for n, kind in enumerate(sorted(_KINDS)):
        status = (Status.PENDING, Status.DUE, Status.ESCALATED)[n % 3]
        task = schedule_reminder(
            key=f"{kind}:{uuid4()}:{n}",
            kind=kind,
            rule=("22", "M43", "H19", "6")[n % 4],
            title=f"Task <{n}> & 'its' \"record\"",
            facility=facility,
            assignee_role=("reception", "health", "custody", "governor")[n % 4],
            due_at=now + timedelta(hours=n - 20),
            prisoner=None if n == 3 else woman,
            confidential=n % 5 == 0,
        )
        Reminder.objects.filter(pk=task.pk).update(status=status)
        task.refresh_from_db()
        made.append(task)
    return made


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_rows_are_the_templates_for_every_role(language, cast, facility_a):
    from prisoners.tests.factories import PrisonerFactory

    woman = PrisonerFactory(facility=facility_a, given_names="Ann <b>", family_name="O'Hara")
    tasks = tasks_of_every_kind(facility_a, woman)
    shown = set()
    with translation.override(language):
        for role in ("reception", "custody", "health", "social", "governor", "inspector"):
            user = cast[role]
            request = RequestFactory().get("/tasks/", {"show": "overdue", "q": "<x>"})
            request.user = user
            for with_actions in (True, False):
                context = {
                    "request": request,
                    "perms": PermWrapper(user),
                    "csrf_token": get_token(request),
                    "tasks": tasks,
                    "with_actions": with_actions,
                }
                written = ROWS.render(Context(context))
                assert written == REFERENCE.render(Context(context)), (role, with_actions)
                shown.update(
                    part
                    for part in ("answer-task", "csrfmiddlewaretoken", "govuk-tag--red", "–")
                    if part in written
                )
                if role == "governor":
                    assert "&lt;" in written and "<b>" not in written
    # Every kind of cell was written: an answer's link, a form to mark one done, an escalated
    # task, a masked clinical task's title and rule.
    assert shown == {"answer-task", "csrfmiddlewaretoken", "govuk-tag--red", "–"}


@pytest.mark.rule("8")
def test_a_clinical_task_in_the_rows_says_nothing_of_her_health_to_a_reader_of_no_file(
    cast, facility_a
):
    """A clinical task's title and rule reach the health staff only: every other role reads
    "Health task (confidential)" and a dash, in the row and in its button's hidden words."""
    from prisoners.tests.factories import PrisonerFactory

    woman = PrisonerFactory(facility=facility_a)
    tasks = tasks_of_every_kind(facility_a, woman)
    clinical = [task for task in tasks if task.confidential]
    assert clinical
    for role in ("reception", "custody", "health", "social", "governor", "inspector"):
        request = RequestFactory().get("/tasks/")
        request.user = cast[role]
        context = {"request": request, "csrf_token": "t", "tasks": clinical, "with_actions": True}
        written = ROWS.render(Context(context))
        titles = [escape(task.heading) for task in clinical]
        if role == "health":
            assert all(title in written for title in titles)
        else:
            assert not any(title in written for title in titles), role
            assert written.count("Health task (confidential)") >= len(clinical), role
            assert "Bangkok Rule" not in written and "Mandela Rule" not in written, role
