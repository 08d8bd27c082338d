"""The discipline pages (Rules 22, 23; Mandela 39.3, 43): every refusal shown beside its form,
naming the rule, with nothing written; her section on the woman's page, by role."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import client_for
from discipline.models import Charge, ContactRestriction, Hearing, Sanction, Segregation
from discipline.services.segregation import record_segregation_visit
from prisoners.services import set_protection_flags
from prisoners.tests.factories import PrisonerFactory
from tests.her_page import open_her_page

from .factories import family_member, in_days, proved_charge, segregated
from .test_api import fill

pytestmark = pytest.mark.django_db


def segregate_form(**overrides):
    return {
        "kind": "separation",
        "reason": "Fighting in the yard",
        "planned_end": in_days(3).isoformat(),
        **overrides,
    }


@pytest.mark.rule("22")
def test_a_custody_officer_sees_the_rule_22_refusal_and_nothing_is_written(cast, woman_a):
    set_protection_flags(prisoner=woman_a, by=None, source="health", no_segregation=True)
    url = reverse("discipline:segregate", kwargs={"uuid": woman_a.uuid})
    form = segregate_form(sought_from=cast["governor"].pk)
    response = client_for(cast["custody"]).post(url, form)
    assert response.status_code == 400
    html = response.content.decode()
    assert "under the &#x27;No segregation&#x27; protection (Bangkok Rule 22)" in html
    assert "pregnan" not in html.lower() and "breastfeed" not in html.lower()
    assert not Segregation.objects.exists()


@pytest.mark.rule("M45")
def test_the_governor_sees_the_refusal_for_a_girl(cast, facility_a):
    girl = PrisonerFactory(facility=facility_a, date_of_birth=date.today() - timedelta(days=6000))
    url = reverse("discipline:segregate", kwargs={"uuid": girl.uuid})
    response = client_for(cast["governor"]).post(url, segregate_form())
    assert response.status_code == 400
    assert "a girl under 18 (Mandela Rule 45)" in response.content.decode()
    assert not Segregation.objects.exists()


def test_the_custody_form_asks_for_the_governor_and_the_governors_does_not(cast, woman_a):
    url = reverse("discipline:segregate", kwargs={"uuid": woman_a.uuid})
    assert 'name="sought_from"' in client_for(cast["custody"]).get(url).content.decode()
    assert 'name="sought_from"' not in client_for(cast["governor"]).get(url).content.decode()


def test_a_segregation_recorded_on_the_page_opens_its_page(cast, woman_a):
    url = reverse("discipline:segregate", kwargs={"uuid": woman_a.uuid})
    form = segregate_form(sought_from=cast["governor"].pk)
    response = client_for(cast["custody"]).post(url, form)
    segregation = Segregation.objects.get()
    assert segregation.awaits_authority
    assert response.status_code == 302
    assert response.url == reverse("discipline:segregation", kwargs={"uuid": segregation.uuid})


@pytest.mark.rule("M43")
def test_an_extension_beyond_day_15_is_refused_on_the_page(cast, woman_a):
    segregation = segregated(cast, woman_a)
    url = reverse("discipline:extend", kwargs={"uuid": segregation.uuid})
    response = client_for(cast["governor"]).post(
        url, {"extend-planned_end": in_days(20).isoformat()}
    )
    assert response.status_code == 400
    assert "(Mandela Rule 43)" in response.content.decode()
    segregation.refresh_from_db()
    assert segregation.planned_end == in_days(4)


def test_health_staff_record_the_visit_on_the_segregation_page(cast, woman_a):
    segregation = segregated(cast, woman_a)
    page = reverse("discipline:segregation", kwargs={"uuid": segregation.uuid})
    nurse = client_for(cast["health"])
    assert "Record today" in nurse.get(page).content.decode()
    url = reverse("discipline:visit", kwargs={"uuid": segregation.uuid})
    assert nurse.post(url, {"visit-fit_to_remain": "yes"}).status_code == 302
    assert segregation.visits.get().fit_to_remain is True
    assert "End the segregation" not in nurse.get(page).content.decode()


@pytest.mark.rule("M39")
def test_a_decision_without_her_mental_health_considered_is_refused_on_the_charge_page(
    cast, woman_a
):
    custody = client_for(cast["custody"])
    laid = custody.post(
        reverse("discipline:lay-charge", kwargs={"uuid": woman_a.uuid}),
        {"offence": "Shouting", "language": "Thai"},
    )
    charge = Charge.objects.get()
    assert laid.url == reverse("discipline:charge", kwargs={"uuid": charge.uuid})
    response = client_for(cast["governor"]).post(
        reverse("discipline:decide", kwargs={"uuid": charge.uuid}),
        {
            "decision-proved": "yes",
            "decision-evidence": "Officer",
            "decision-reasons": "Seen",
            "decision-informed_promptly": "on",
            "decision-time_to_prepare": "on",
        },
    )
    assert response.status_code == 400
    assert "(Mandela Rule 39)" in response.content.decode()
    assert not Hearing.objects.exists()


@pytest.mark.rule("22")
def test_confinement_of_a_protected_woman_is_refused_on_the_charge_page(cast, woman_a):
    charge = proved_charge(cast, woman_a)
    set_protection_flags(prisoner=woman_a, by=None, source="register", no_segregation=True)
    response = client_for(cast["governor"]).post(
        reverse("discipline:impose", kwargs={"uuid": charge.uuid}),
        {"sanction-type": "close_confinement", "sanction-ends_on": in_days(2).isoformat()},
    )
    assert response.status_code == 400
    assert "(Bangkok Rule 22)" in response.content.decode()
    assert not Sanction.objects.exists() and not Segregation.objects.exists()


@pytest.mark.rule("23")
def test_the_sanction_form_offers_no_family_contact(cast, woman_a):
    charge = proved_charge(cast, woman_a)
    page = client_for(cast["governor"]).get(
        reverse("discipline:charge", kwargs={"uuid": charge.uuid})
    )
    html = page.content.decode()
    assert 'name="sanction-type"' in html
    options = html[html.index('name="sanction-type"') : html.index('name="sanction-starts_on"')]
    assert "family" not in options.lower() and "visit" not in options.lower()


@pytest.mark.rule("23")
def test_a_restriction_covering_her_children_is_refused_on_the_page(cast, woman_a):
    son = family_member(cast, woman_a, "Nok", "Her son")
    partner = family_member(cast, woman_a)
    url = reverse("discipline:restrict", kwargs={"uuid": woman_a.uuid})
    form = client_for(cast["governor"]).get(url).content.decode()
    assert str(partner.uuid) in form and str(son.uuid) not in form  # never offered
    response = client_for(cast["governor"]).post(
        url,
        {"means": "visits", "person": str(son.uuid), "reason": "Security", "ends_on": in_days(10)},
    )
    assert response.status_code == 400
    assert "(Bangkok Rule 23)" in response.content.decode()
    assert not ContactRestriction.objects.exists()


def test_the_governor_restricts_a_person_chosen_from_her_family_on_the_page(cast, woman_a):
    partner = family_member(cast, woman_a)
    response = client_for(cast["governor"]).post(
        reverse("discipline:restrict", kwargs={"uuid": woman_a.uuid}),
        {"means": "calls", "person": str(partner.uuid), "reason": "Threats", "ends_on": in_days(9)},
    )
    assert response.status_code == 302
    assert ContactRestriction.objects.get().family_member == partner


def woman_page(user, woman):
    return open_her_page(client_for(user), woman)


@pytest.mark.parametrize(
    ("role", "shown"),
    [
        ("custody", True),
        ("governor", True),
        ("health", True),
        ("inspector", True),
        ("social", True),
        ("reception", False),
        ("safeguarding", False),
    ],
)
def test_her_discipline_section_shows_for_the_roles_that_read_it(cast, woman_a, role, shown):
    segregation = segregated(cast, woman_a)
    record_segregation_visit(by=cast["health"], segregation=segregation, fit_to_remain=True)
    html = woman_page(cast[role], woman_a).content.decode()
    assert ('id="section-discipline"' in html) is shown


def test_the_section_shows_her_current_segregation_and_the_actions_of_the_role(cast, woman_a):
    segregated(cast, woman_a)
    custody = woman_page(cast["custody"], woman_a).content.decode()
    assert 'data-testid="current-segregation"' in custody
    assert "Day 1, planned to end on" in custody
    assert "Lay a charge" in custody and "Restrict contact" not in custody
    governor = woman_page(cast["governor"], woman_a).content.decode()
    assert "Restrict contact" in governor and "Lay a charge" not in governor


def section_queries(user, woman) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert woman_page(user, woman).status_code == 200
    return len(queries)


def test_her_section_costs_the_same_queries_however_long_her_record(cast, woman_a):
    fill(cast, woman_a, 1)
    few = section_queries(cast["governor"], woman_a)
    fill(cast, woman_a, 4)
    assert section_queries(cast["governor"], woman_a) == few


@pytest.mark.rule("22")
def test_under_no_segregation_the_page_says_why_instead_of_offering_a_form(cast, woman_a):
    set_protection_flags(prisoner=woman_a, by=None, source="health", no_segregation=True)
    url = reverse("discipline:segregate", kwargs={"uuid": woman_a.uuid})

    html = client_for(cast["custody"]).get(url).content.decode()

    assert 'data-testid="segregation-barred"' in html
    assert 'data-testid="segregate-form"' not in html and 'name="planned_end"' not in html
    assert "(Bangkok Rule 22)" in html and "confidential (Rule 8)" in html
    # Never the clinical reason to custody.
    assert "pregnan" not in html.lower() and "breastfeed" not in html.lower()


@pytest.mark.rule("22")
def test_a_child_living_with_her_is_the_reason_custody_may_read(cast, woman_a):
    set_protection_flags(
        prisoner=woman_a, by=None, source="register", no_segregation=True, child_in_prison=True
    )
    url = reverse("discipline:segregate", kwargs={"uuid": woman_a.uuid})

    html = client_for(cast["governor"]).get(url).content.decode()

    assert "A child lives with her in prison." in html
    assert 'name="planned_end"' not in html


def test_without_the_protection_the_segregate_form_is_offered(cast, woman_a):
    url = reverse("discipline:segregate", kwargs={"uuid": woman_a.uuid})

    html = client_for(cast["custody"]).get(url).content.decode()

    assert 'data-testid="segregate-form"' in html and "segregation-barred" not in html


@pytest.mark.rule("22")
def test_her_page_offers_no_segregate_button_under_no_segregation(cast, woman_a):
    segregate_url = reverse("discipline:segregate", kwargs={"uuid": woman_a.uuid})
    before = open_her_page(client_for(cast["custody"]), woman_a).content.decode()
    assert segregate_url in before

    set_protection_flags(prisoner=woman_a, by=None, source="health", no_segregation=True)
    after = open_her_page(client_for(cast["custody"]), woman_a).content.decode()

    assert segregate_url not in after
    assert 'data-testid="no-segregation-note"' in after and "Bangkok Rule 22" in after
