"""Flags never give away the reason (Rules 8, 22, 24; QUALITY S3, S15): no flag a role other
than health sees follows from a single health condition, its label never names one, and each
role sees only the flags it acts on, where it acts on them."""

from itertools import product

import pytest
from django.urls import reverse

from conftest import client_for
from prisoners.models import ProtectionFlags
from prisoners.services import FLAG_REASONS, set_protection_flags
from staff.roles import ROLES
from tests.her_page import open_her_page

pytestmark = pytest.mark.django_db

REASON_WORDS = (
    "pregnan",
    "labour",
    "birth",
    "breastfe",
    "obstetric",
    "post-partum",
    "postpartum",
    "maternity",
    "injur",
    "disabilit",
    "mental",
    "suicide",
    "self-harm",
    "withdrawal",
    "infant",
)
NON_HEALTH = [code for code, role in ROLES.items() if role.case_data and code != "health"]


class Someone:
    """A member of staff with only a role, for asking what the role is shown."""

    def __init__(self, code):
        self.role_code, self.role = code, ROLES[code]


def health_reasons(flag: str) -> set[str]:
    return {reason for area, reason in FLAG_REASONS.get(flag, ()) if area == "health"}


def visible_to_non_health() -> set[str]:
    return {
        name
        for code in NON_HEALTH
        for place in ProtectionFlags.PLACES
        for name in ProtectionFlags.shown_to(Someone(code), place)
    }


@pytest.mark.rule("24")
@pytest.mark.rule("22")
@pytest.mark.rule("8")
def test_every_flag_a_non_health_role_sees_has_at_least_two_health_reasons_or_none():
    seen = visible_to_non_health()
    assert {"no_restraint_obstetric", "restraint_health_approval", "no_segregation"} <= seen
    for flag in seen:
        reasons = health_reasons(flag)
        assert len(reasons) != 1, f"{flag} would give away its one health reason: {reasons}"
    assert len(health_reasons("restraint_health_approval")) >= 2  # not only a pregnancy
    assert len(health_reasons("no_restraint_obstetric")) >= 4  # not only labour or a birth


@pytest.mark.rule("24")
@pytest.mark.rule("8")
@pytest.mark.parametrize("role", NON_HEALTH)
def test_every_combination_a_role_sees_could_come_from_more_than_one_set_of_health_reasons(
    role,
):
    """For each combination of health-derived flags the role can see set, count the distinct
    sets of health reasons that would produce it: never just one."""
    shown = [
        name
        for name in {
            name
            for place in ProtectionFlags.PLACES
            for name in ProtectionFlags.shown_to(Someone(role), place)
        }
        if health_reasons(name)
    ]
    for combination in product([False, True], repeat=len(shown)):
        on = [name for name, value in zip(shown, combination, strict=True) if value]
        if not on:
            continue
        # One health reason chosen for each flag that is on: the sets of reasons behind it.
        causes = {frozenset(choice) for choice in product(*(health_reasons(n) for n in on))}
        assert len(causes) >= 2, f"{role} could tell the reason behind {on}: {causes}"


def test_the_labels_and_help_never_name_a_reason():
    texts = [str(label) for label, _style in ProtectionFlags.LABELS.values()]
    for name in ProtectionFlags.FLAG_FIELDS:
        field = ProtectionFlags._meta.get_field(name)
        texts += [str(field.verbose_name), str(field.help_text)]
    for text in texts:
        for word in REASON_WORDS:
            assert word not in text.lower(), (text, word)


def flagged(woman):
    set_protection_flags(
        prisoner=woman,
        by=None,
        source="health",
        no_restraint_obstetric=True,
        restraint_health_approval=True,
        no_segregation=True,
        woman_clinician_requested=True,
    )


@pytest.mark.rule("24")
@pytest.mark.parametrize("role", ["reception", "social", "safeguarding", "custody", "governor"])
def test_the_women_list_and_its_api_never_show_restraint_flags_to_a_role_outside_health(
    role, cast, woman_a
):
    flagged(woman_a)
    client = client_for(cast[role])
    page = client.get(reverse("prisoners:list")).content.decode()
    assert "Srisuk" in page
    assert "No restraints" not in page and "only as health approves" not in page
    assert ("Woman clinician" in page) == (role == "custody")
    for url in ("/api/v1/prisoners/", f"/api/v1/prisoners/{woman_a.uuid}/"):
        body = client.get(url).json()
        flags = body["results"][0]["flags"] if "results" in body else body["flags"]
        assert "no_restraint_obstetric" not in flags
        assert "restraint_health_approval" not in flags
        assert ("woman_clinician_requested" in flags) == (role == "custody")
    if role in ("reception", "social", "safeguarding"):
        assert "No segregation" not in page and "no_segregation" not in flags
    else:
        assert "No segregation" in page and flags["no_segregation"] is True


@pytest.mark.rule("24")
def test_health_staff_see_every_flag_in_the_list(cast, woman_a):
    flagged(woman_a)
    page = client_for(cast["health"]).get(reverse("prisoners:list")).content.decode()
    assert "No restraints" in page and "Woman clinician" in page and "No segregation" in page
    flags = client_for(cast["health"]).get("/api/v1/prisoners/").json()["results"][0]["flags"]
    assert flags["no_restraint_obstetric"] is True and flags["woman_clinician_requested"]


@pytest.mark.rule("24")
@pytest.mark.parametrize("role", ["custody", "governor"])
def test_custody_and_the_governor_see_the_restraint_flag_where_they_deal_with_restraints(
    role, cast, woman_a
):
    set_protection_flags(prisoner=woman_a, by=None, source="health", restraint_health_approval=True)
    client = client_for(cast[role])
    her_page = open_her_page(client, woman_a).content.decode()
    header = her_page.split('id="main-content"', 1)[-1].split("Core record", 1)[0]
    assert "only as health approves" not in header  # not among her page's own flags
    assert "health staff approve" in her_page  # in her restraints section
    if role == "custody":
        form = client.get(reverse("restraints:apply", args=[woman_a.uuid])).content.decode()
        assert "Restraints only as health approves" in form
