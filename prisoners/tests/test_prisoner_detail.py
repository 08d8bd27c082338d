import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import client_for
from prisoners.services import set_protection_flags
from reminders.services import schedule_reminder

pytestmark = pytest.mark.django_db


def url(woman):
    return reverse("prisoners:detail", args=[woman.uuid])


def test_her_page_shows_the_core_record(cast, woman_a):
    response = client_for(cast["custody"]).get(url(woman_a))
    assert response.status_code == 200
    for text in (b"Malee Srisuk", b"A00001", b"Pretrial (remand)", b"Riverside Women"):
        assert text in response.content


def test_her_nationalities_and_languages_are_named_in_the_readers_language(cast, woman_a):
    woman_a.nationalities, woman_a.languages = ["MM", "TH"], ["my", "th"]
    woman_a.save(update_fields=["nationalities", "languages"])
    client = client_for(cast["custody"])
    english = client.get(url(woman_a)).content.decode()
    assert "Myanmar (Burma), Thailand" in english and "Burmese, Thai" in english
    spanish = client.get(url(woman_a), headers={"accept-language": "es"}).content.decode()
    assert "Tailandia" in spanish and "tailandés" in spanish


@pytest.mark.rule("22")
@pytest.mark.rule("24")
def test_custody_staff_see_her_protections_but_never_the_reason(cast, woman_a):
    set_protection_flags(
        prisoner=woman_a,
        by=cast["health"],
        source="health",
        no_segregation=True,
        no_restraint_obstetric=True,
    )
    body = client_for(cast["custody"]).get(url(woman_a)).content.decode()
    assert "No segregation" in body and "No restraints" in body
    for reason in ("pregnan", "labour", "breastfe", "giving birth", "after birth", "infant"):
        assert reason not in body.lower()


def test_another_facilitys_woman_is_404(cast, woman_b):
    assert client_for(cast["custody"]).get(url(woman_b)).status_code == 404


def test_her_page_lists_the_open_tasks_about_her_for_the_viewers_role(cast, woman_a, facility_a):
    now = timezone.now()
    for role in ("reception", "health"):
        schedule_reminder(
            key=f"t:{role}",
            kind=f"demo.{role}",
            rule="M7",
            title=f"Task for {role}",
            facility=facility_a,
            assignee_role=role,
            prisoner=woman_a,
            due_at=now,
        )
    body = client_for(cast["reception"]).get(url(woman_a)).content.decode()
    assert "Task for reception" in body
    assert "Task for health" not in body


def test_her_page_runs_a_constant_number_of_queries(cast, woman_a, facility_a):
    client = client_for(cast["reception"])

    def count():
        with CaptureQueriesContext(connection) as ctx:
            client.get(url(woman_a))
        return len(ctx.captured_queries)

    none = count()
    for i in range(15):
        schedule_reminder(
            key=f"t:{i}",
            kind="demo.reception",
            rule="M7",
            title=f"Task {i}",
            facility=facility_a,
            assignee_role="reception",
            prisoner=woman_a,
            due_at=timezone.now(),
        )
    assert count() == none
