"""A task's title is kept as a message id and its parameters, and each reader reads it in her
own language: a task made while its author's page was in English reads in Spanish or Thai to
an officer whose page is in Spanish or Thai, on the tasks page and in the API."""

import importlib
from datetime import date, timedelta

import pytest
from django.apps import apps
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy

from admissions.services import admit_woman
from admissions.tests.factories import commitment, identity
from bangkok import texts
from conftest import client_for
from reminders.models import Reminder
from reminders.services import schedule_reminder

pytestmark = pytest.mark.django_db
SCREENING = "Entry health screening due"


def in_language(code: str, text: str) -> str:
    with translation.override(code):
        return translation.gettext(text)


@pytest.fixture
def task(cast, facility_a):
    with translation.override("en"):
        admission = admit_woman(
            by=cast["reception"],
            facility=facility_a,
            commitment=commitment(),
            identity=identity(),
        )
    return Reminder.objects.get(prisoner=admission.prisoner, kind="health.entry_screening")


@pytest.mark.parametrize("code", ["es", "th"])
def test_a_task_made_in_english_reads_in_the_readers_language(cast, task, code):
    translated = in_language(code, SCREENING)
    assert translated != SCREENING, "the catalogue translates this title"
    assert task.title_key == SCREENING and task.title == SCREENING
    client = client_for(cast["health"])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = code
    page = client.get("/tasks/").content.decode()
    assert translated in page and SCREENING not in page
    api = client.get("/api/v1/tasks/", HTTP_ACCEPT_LANGUAGE=code).json()
    assert translated in [row["title"] for row in api["results"]]


def test_a_task_made_while_the_authors_page_is_in_thai_is_kept_in_english(cast, facility_a):
    with translation.override("th"):
        admission = admit_woman(
            by=cast["reception"], facility=facility_a, commitment=commitment(), identity=identity()
        )
    task = Reminder.objects.get(prisoner=admission.prisoner, kind="health.entry_screening")
    assert task.title == SCREENING and task.title_key == SCREENING
    with translation.override("en"):
        assert task.heading == SCREENING
    with translation.override("th"):
        assert task.heading == in_language("th", SCREENING)


def test_its_parameters_are_read_in_the_readers_language_too():
    key, params = texts.keep(
        gettext_lazy("Your authority is awaited: %(what)s"), {"what": gettext_lazy("a restraint")}
    )
    assert params == {"what": {"text": "a restraint"}}
    with translation.override("es"):
        assert texts.written(key, params) == "Se espera su autorización: un medio de coerción"
    alert = "Segregation nearing 15 consecutive days: end it by %(day)s, or the system will"
    key, params = texts.keep(gettext_lazy(alert), {"day": date(2026, 12, 4)})
    assert params == {"day": {"day": "2026-12-04"}}
    with translation.override("en"):
        assert "end it by 4 Dec 2026," in texts.written(key, params)
    with translation.override("es"):
        spanish = texts.written(key, params)
    assert spanish.startswith(in_language("es", alert).split("%")[0]) and "4 Dic 2026" in spanish


def test_a_plain_title_is_kept_as_written(facility_a, woman_a):
    task = schedule_reminder(
        key="plain",
        kind="demo.reception",
        rule="M7",
        title="Check her contacts",
        facility=facility_a,
        assignee_role="reception",
        prisoner=woman_a,
        due_at=timezone.now() + timedelta(hours=1),
    )
    assert task.title_key == "" and task.title_params == {}
    with translation.override("es"):
        assert task.heading == "Check her contacts"


def test_existing_titles_are_given_their_message_ids(facility_a, woman_a):
    """The data migration: a title that is a message, in English or translated, gets its id;
    a title with words of its own stays as written."""
    spanish = in_language("es", SCREENING)
    made = {}
    for key, title in [("en", SCREENING), ("es", spanish), ("own", "Call her sister on Monday")]:
        made[key] = Reminder.objects.create(
            key=key,
            kind="demo.reception",
            rule="M7",
            title=title,
            facility=facility_a,
            assignee_role="reception",
            prisoner=woman_a,
            due_at=timezone.now(),
            escalate_at=timezone.now(),
        )
    migration = importlib.import_module("reminders.migrations.0008_titles_of_existing_tasks")
    migration.give_message_ids(apps, None)
    for task in made.values():
        task.refresh_from_db()
    assert made["en"].title_key == SCREENING
    assert made["es"].title_key == SCREENING and made["es"].title == SCREENING
    assert made["own"].title_key == "" and made["own"].title == "Call her sister on Monday"
    with translation.override("th"):
        assert made["es"].heading == in_language("th", SCREENING)
        assert made["own"].heading == "Call her sister on Monday"


def test_no_task_is_scheduled_with_a_title_translated_at_once():
    """`title=_(...)` would keep the author's language; `gettext_lazy` keeps the message id."""
    import re

    from bangkok import rulebook

    eager = re.compile(r"\btitle\s*=\s*_\(|\btitle\s*=\s*gettext\(")
    found = [
        str(path)
        for path in rulebook.project_modules(skipped={"tests", "migrations"})
        if "schedule_reminder" in path.read_text() and eager.search(path.read_text())
    ]
    assert found == []
