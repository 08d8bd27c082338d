"""The visits pages (Rules 26-28, 43, 44): every refusal shown beside its form, naming the
rule, with nothing written; her section on the woman's page, by role; custody never sees a
visitor she refused."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import client_for
from prisoners.tests.factories import PrisonerFactory
from tests.her_page import open_her_page

from ..models import Contact, Visit, Visitor, VisitorStatus, VisitStatus
from .factories import approved, booked, refused, visitor

pytestmark = pytest.mark.django_db

REFUSED_NAME = "Kittisak Violent"


def her_page(user, woman):
    return open_her_page(client_for(user), woman)


def when(days=1):
    return (timezone.localtime() + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M")


@pytest.mark.rule("44")
def test_a_social_worker_records_her_refusal_on_the_page(cast, woman_a):
    person = visitor(cast, woman_a, name=REFUSED_NAME)
    url = reverse("visits:consult", kwargs={"uuid": person.uuid})
    response = client_for(cast["social"]).post(url, {"answer": "refuses", "language": "Thai"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.status == VisitorStatus.REFUSED


@pytest.mark.rule("44")
def test_recording_agreement_for_a_person_she_refused_is_shown_refused(cast, woman_a):
    person = refused(cast, woman_a, name=REFUSED_NAME)
    url = reverse("visits:consult", kwargs={"uuid": person.uuid})
    response = client_for(cast["social"]).post(url, {"answer": "agrees", "language": "Thai"})
    assert response.status_code == 400
    assert "her refusal stands" in response.content.decode()
    assert "(Bangkok Rule 44)" in response.content.decode()
    person.refresh_from_db()
    assert person.status == VisitorStatus.REFUSED


@pytest.mark.rule("44")
def test_custody_naming_a_person_she_refused_sees_rule_44_and_nothing_is_written(cast, woman_a):
    refused(cast, woman_a, name=REFUSED_NAME)
    url = reverse("visits:book", kwargs={"uuid": woman_a.uuid})
    form = {"kind": "family", "starts_at": when(), "names": REFUSED_NAME}
    response = client_for(cast["custody"]).post(url, form)
    assert response.status_code == 400
    assert "(Bangkok Rule 44)" in response.content.decode()
    assert not Visit.objects.exists()


@pytest.mark.rule("28")
def test_a_child_visit_without_open_contact_is_shown_refused(cast, woman_a):
    niece = approved(cast, woman_a, name="Fah", relationship="relative", adult=False, age_given=7)
    url = reverse("visits:book", kwargs={"uuid": woman_a.uuid})
    form = {"kind": "child", "starts_at": when(), "visitors": [niece.pk], "child_friendly": "on"}
    response = client_for(cast["custody"]).post(url, form)
    assert response.status_code == 400
    assert "(Bangkok Rule 28)" in response.content.decode()
    assert not Visit.objects.exists()


@pytest.mark.rule("28")
def test_a_child_visit_is_booked_with_open_contact_from_the_page(cast, woman_a):
    niece = approved(cast, woman_a, name="Fah", relationship="relative", adult=False, age_given=7)
    url = reverse("visits:book", kwargs={"uuid": woman_a.uuid})
    form = {
        "kind": "child",
        "starts_at": when(),
        "visitors": [niece.pk],
        "open_contact": "on",
        "child_friendly": "on",
    }
    response = client_for(cast["custody"]).post(url, form)
    assert response.status_code == 302
    visit = Visit.objects.get()
    assert visit.open_contact and visit.child_friendly and visit.involves_child


@pytest.mark.rule("27")
def test_a_conjugal_booking_is_shown_refused_where_men_have_none(cast, woman_a, settings):
    settings.CONJUGAL_VISITS_FOR_MEN = False
    partner = approved(cast, woman_a, relationship="partner")
    url = reverse("visits:book", kwargs={"uuid": woman_a.uuid})
    form = {"kind": "conjugal", "starts_at": when(), "visitors": [partner.pk]}
    response = client_for(cast["custody"]).post(url, form)
    assert response.status_code == 400
    assert "(Bangkok Rule 27)" in response.content.decode()
    assert not Visit.objects.exists()


@pytest.mark.rule("43")
def test_a_prison_cancellation_without_a_reason_is_shown_refused(cast, woman_a):
    visit = booked(cast, woman_a, [approved(cast, woman_a)])
    url = reverse("visits:cancel", kwargs={"uuid": visit.uuid})
    response = client_for(cast["custody"]).post(url, {"cancel-cancelled_by": "prison"})
    assert response.status_code == 400
    assert "(Bangkok Rule 43)" in response.content.decode()
    visit.refresh_from_db()
    assert visit.status == VisitStatus.BOOKED


@pytest.mark.rule("26")
def test_a_visit_is_recorded_as_held_from_its_page(cast, woman_a):
    visit = booked(cast, woman_a, [approved(cast, woman_a)], starts_at=timezone.now())
    url = reverse("visits:held", kwargs={"uuid": visit.uuid})
    assert client_for(cast["custody"]).post(url, {}).status_code == 302
    visit.refresh_from_db()
    assert visit.status == VisitStatus.HELD


@pytest.mark.rule("26")
def test_travel_support_is_recorded_from_the_page(cast, woman_a):
    mother = approved(cast, woman_a, relationship="parent")
    url = reverse("visits:add-contact", kwargs={"uuid": woman_a.uuid})
    form = {"kind": "travel_support", "visitor": mother.pk, "support": "Train fare paid"}
    assert client_for(cast["social"]).post(url, form).status_code == 302
    assert Contact.objects.get().support == "Train fare paid"


@pytest.mark.rule("44")
def test_custody_never_sees_a_visitor_she_refused(cast, woman_a):
    refused(cast, woman_a, name=REFUSED_NAME)
    approved(cast, woman_a, name="Dao Srisuk")
    custody = client_for(cast["custody"])
    for url in (
        f"/women/{woman_a.uuid}/sections/visits/",
        reverse("visits:visitors", kwargs={"uuid": woman_a.uuid}),
        reverse("visits:book", kwargs={"uuid": woman_a.uuid}),
        reverse("visits:add-contact", kwargs={"uuid": woman_a.uuid}),
    ):
        html = custody.get(url).content.decode()
        assert "Dao Srisuk" in html
        assert REFUSED_NAME not in html
    person = Visitor.objects.get(name=REFUSED_NAME)
    assert custody.get(reverse("visits:consult", kwargs={"uuid": person.uuid})).status_code == 404


@pytest.mark.rule("44")
def test_the_social_worker_and_the_inspector_see_her_refusal(cast, woman_a):
    refused(cast, woman_a, name=REFUSED_NAME)
    for role in ("social", "reception", "governor", "inspector"):
        html = her_page(cast[role], woman_a).content.decode()
        assert REFUSED_NAME in html and "She refused" in html


def test_the_section_is_absent_for_health_and_safeguarding(cast, woman_a):
    approved(cast, woman_a, name="Dao Srisuk")
    for role in ("health", "safeguarding"):
        html = her_page(cast[role], woman_a).content.decode()
        assert 'id="section-visits"' not in html and "Dao Srisuk" not in html


@pytest.mark.rule("3.2")
def test_custody_and_the_governor_read_her_child_as_her_child(cast, woman_a):
    from register.services import record_child
    from register.tests.factories import child_fields

    from ..services.visitors import add_visitor, record_consultation

    child = record_child(by=cast["reception"], mother=woman_a, **child_fields())
    person = add_visitor(
        by=cast["social"], prisoner=woman_a, name="", relationship="child", child=child
    )
    record_consultation(by=cast["social"], visitor=person, answer="agrees", language="th")
    for role in ("custody", "governor"):
        html = her_page(cast[role], woman_a).content.decode()
        assert "Ploy" not in html and "Her child" in html
    assert "Ploy Srisuk" in her_page(cast["social"], woman_a).content.decode()


@pytest.mark.rule("26")
def test_the_section_says_how_far_her_home_is_or_that_it_is_not_recorded(cast, facility_a):
    far = PrisonerFactory(facility=facility_a, home_latitude="18.78830", home_longitude="98.98530")
    unknown = PrisonerFactory(facility=facility_a, home_latitude=None, home_longitude=None)
    assert "km from this prison" in her_page(cast["social"], far).content.decode()
    assert "not recorded" in her_page(cast["custody"], unknown).content.decode()


def test_another_facilitys_woman_is_404(cast, woman_b):
    url = reverse("visits:book", kwargs={"uuid": woman_b.uuid})
    assert client_for(cast["custody"]).get(url).status_code == 404


def test_visits_today_lists_her_facilitys_booked_visits_only(cast, woman_a, woman_b):
    booked(cast, woman_a, [approved(cast, woman_a, name="Dao Srisuk")], starts_at=timezone.now())
    booked(cast, woman_a, [approved(cast, woman_a, name="Later Person")])
    html = client_for(cast["custody"]).get(reverse("visits:today")).content.decode()
    assert "Dao Srisuk" in html and "Later Person" not in html
    assert woman_b.full_name not in html


def _visitors(cast, woman, n):
    for i in range(n):
        make = refused if i % 2 else approved
        make(cast, woman, name=f"Person {i}")


@pytest.mark.parametrize("role", ["social", "custody"])
def test_her_section_and_list_cost_the_same_queries_with_more_visitors(cast, woman_a, role):
    client = client_for(cast[role])
    urls = [
        f"/women/{woman_a.uuid}/sections/visits/",
        reverse("visits:visitors", kwargs={"uuid": woman_a.uuid}),
    ]

    def count():
        counts = []
        for url in urls:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            counts.append(len(queries))
        return counts

    _visitors(cast, woman_a, 2)
    booked(cast, woman_a, [Visitor.objects.filter(status="approved").first()])
    few = count()
    _visitors(cast, woman_a, 12)
    for person in Visitor.objects.filter(status="approved")[:4]:
        booked(cast, woman_a, [person])
    assert count() == few


@pytest.mark.rule("44")
def test_custody_reads_no_name_of_a_visitor_she_withdrew_on_a_past_visit(cast, woman_a):
    from ..services.bookings import record_visit_held
    from ..services.visitors import withdraw_visitor

    person = approved(cast, woman_a, name="Wichai Withdrawn")
    visit = booked(cast, woman_a, [person], starts_at=timezone.now())
    record_visit_held(by=cast["custody"], visit=visit)
    withdraw_visitor(by=cast["social"], visitor=person)
    custody = client_for(cast["custody"])
    for url in (
        f"/women/{woman_a.uuid}/sections/visits/",
        reverse("visits:visit", kwargs={"uuid": visit.uuid}),
        reverse("visits:visits", kwargs={"uuid": woman_a.uuid}),
    ):
        html = custody.get(url).content.decode()
        assert "Wichai" not in html and "no longer on her list" in html
