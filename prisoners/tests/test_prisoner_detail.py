import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext

from conftest import CASE_ROLES, client_for
from prisoners.sections import _SECTIONS, sections_for
from prisoners.services import set_protection_flags
from prisoners.views import CLOSED, closed
from reminders.services import schedule_reminder
from tests.her_page import open_her_page, section_keys

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
    body = open_her_page(client_for(cast["custody"]), woman_a).content.decode()
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
    body = open_her_page(client_for(cast["reception"]), woman_a).content.decode()
    assert "Task for reception" in body
    assert "Task for health" not in body


def _tasks(facility, woman, n):
    for i in range(n):
        schedule_reminder(
            key=f"t:{i}",
            kind="demo.reception",
            rule="M7",
            title=f"Task {i}",
            facility=facility,
            assignee_role="reception",
            prisoner=woman,
            due_at=timezone.now(),
        )


def _count(client, address) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(address).status_code == 200
    return len(ctx.captured_queries)


def test_her_page_reads_no_section_and_runs_a_constant_number_of_queries(cast, woman_a, facility_a):
    """Her page lists the sections, each read when it is opened: the session, the viewer, her
    row and the sections' conditions on her row (one query), whatever is in the sections."""
    client = client_for(cast["reception"])
    none = _count(client, url(woman_a))
    assert none == 4
    _tasks(facility_a, woman_a, 15)
    assert _count(client, url(woman_a)) == none
    assert "Task 1" not in client.get(url(woman_a)).content.decode()


def test_a_section_opened_runs_a_constant_number_of_queries(cast, woman_a, facility_a):
    client = client_for(cast["reception"])
    address = f"{url(woman_a)}sections/tasks/"
    none = _count(client, address)
    _tasks(facility_a, woman_a, 15)
    assert _count(client, address) == none
    assert "Task 1" in client.get(address).content.decode()


def test_a_section_opened_without_javascript_is_a_page_of_its_own_and_with_htmx_its_body(
    cast, woman_a, facility_a
):
    _tasks(facility_a, woman_a, 1)
    client = client_for(cast["reception"])
    address = f"{url(woman_a)}sections/tasks/"
    page = client.get(address)
    assert page.status_code == 200 and page["Vary"].count("HX-Request") == 1
    body = page.content.decode()
    assert "<html" in body and "Task 0" in body and f'href="{url(woman_a)}#section-tasks"' in body
    fragment = client.get(address, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in fragment and "Task 0" in fragment
    listed = client.get(url(woman_a)).content.decode()
    assert f'href="{address}"' in listed and f'hx-get="{address}"' in listed


def test_a_section_she_may_not_see_is_the_404_of_a_woman_who_does_not_exist(cast, woman_a):
    import uuid

    from tests.test_not_found_sweep import Asker

    custody, nobody = Asker(cast["custody"]), str(uuid.uuid4())
    status, body, headers = custody.answer("GET", f"{url(woman_a)}sections/health/")
    missing = custody.answer("GET", f"/women/{nobody}/sections/health/")
    body = body.replace(str(woman_a.uuid).encode(), nobody.encode())
    assert status == 404 and (status, body, headers) == missing


@pytest.mark.parametrize("role", CASE_ROLES)
def test_her_page_lists_each_section_exactly_when_it_has_something_for_the_viewer(
    role, cast, woman_a
):
    """`Section.shown` (asked for the list, nothing read) agrees with `Section.context` (the
    section read): no section listed that answers 404, none left out that has something."""
    from django.test import RequestFactory

    from admissions.services import admit_woman
    from admissions.tests.factories import commitment, identity

    admitted = admit_woman(
        by=cast["reception"],
        facility=woman_a.facility,
        commitment=commitment(),
        identity=identity(),
    ).prisoner
    user = cast[role]
    for woman in (woman_a, admitted):
        request = RequestFactory().get("/")
        request.user = user
        wanted = [
            section.key
            for section in sorted(_SECTIONS.values(), key=lambda s: (s.order, s.key))
            if section.context(request, woman) is not None
        ]
        assert [section.key for section in sections_for(request, woman)] == wanted
        page = client_for(user).get(url(woman))
        assert section_keys(page) == wanted


def test_the_sections_listed_are_written_for_her_address_and_in_her_language(cast, woman_a):
    """The list of closed sections is written once a language and list of sections: each
    woman's page gets her own address, each language its own titles."""
    request = RequestFactory().get("/")
    request.user = cast["governor"]
    shown = sections_for(request, woman_a)
    for language in ("en", "th", "en"):
        with translation.override(language):
            for path in (f"/women/{woman_a.uuid}/", "/women/<\"&'>/"):
                expected = "".join(
                    CLOSED.format(
                        key=escape(section.key),
                        title=escape(section.title),
                        address=escape(f"{path}sections/{section.key}/"),
                        open_it=escape(gettext("Open this section")),
                    )
                    for section in shown
                )
                assert closed(path, shown) == expected
