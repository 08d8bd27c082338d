"""Equality and faith (Rules 54, 55; Mandela 2, 65, 66): her characteristics only with her
consent and in her words, read only by the roles that provide for her and audited, erased when
she withdraws; never used for security; a visit of a representative of her faith never refused
and one she refuses never arranged; outcomes by group on oversight, suppressed."""

import ast
import tomllib
from datetime import timedelta
from pathlib import Path

import pghistory.models
import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from bangkok.suppression import suppressed
from classification.models import Classification
from classification.services import classify
from classification.tests.factories import LOW
from complaints.tests.factories import complaint
from conftest import client_for
from equality import reading, services
from equality.models import Characteristics, Consent, FaithNeed, FaithVisit, VisitStatus
from equality.outcomes import breakdown
from facilities.models import Facility
from prisoners.tests.factories import PrisonerFactory
from reminders.models import Reminder, Status
from tests.her_page import open_her_page
from tests.refusals import invalid, nothing_written, refused

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def consented(cast, woman, **said):
    services.give_consent(by=cast["social"], prisoner=woman)
    return services.record_characteristics(
        by=cast["social"], prisoner=woman, in_her_words=True, **said
    )


# Her characteristics: consent, her words, who reads them ------------------------------------


def test_nothing_is_recorded_without_her_consent_nor_in_words_not_hers(cast, woman_a):
    with invalid("__all__", Characteristics):
        services.record_characteristics(
            by=cast["social"], prisoner=woman_a, in_her_words=True, ethnicity="Thai"
        )
    services.give_consent(by=cast["social"], prisoner=woman_a)
    with invalid("in_her_words", Characteristics):
        services.record_characteristics(
            by=cast["social"], prisoner=woman_a, in_her_words=False, ethnicity="Thai"
        )
    row = services.record_characteristics(
        by=cast["social"],
        prisoner=woman_a,
        in_her_words=True,
        ethnicity="  Thai  Yai ",
        religion="prefer_not",
    )
    assert (row.ethnicity, row.ethnicity_key, row.religion) == (
        "Thai Yai",
        "thai yai",
        "prefer_not",
    )
    event = AuditEvent.objects.get(action="equality.characteristics_recorded")
    assert event.detail == {"answered": ["ethnicity", "religion"]}  # names, never values


def test_social_workers_read_her_record_whole_health_the_adjustments_and_others_nothing(
    cast, woman_a
):
    consented(cast, woman_a, ethnicity="Kayan Lahwi", disability="yes", adjustments="A ramp")
    services.record_faith_need(by=cast["social"], prisoner=woman_a, kind="diet", detail="Halal")
    social = reading.her_record(cast["social"], woman_a)
    assert social["characteristics"]["ethnicity"] == "Kayan Lahwi" and social["needs"]
    assert AuditEvent.objects.filter(action="equality.read", actor=cast["social"]).count() == 1
    health = reading.her_record(cast["health"], woman_a)
    assert health == {
        "woman": woman_a.uuid,
        "adjustments": {"disability": "yes", "adjustments": "A ramp"},
    }
    governor = reading.her_record(cast["governor"], woman_a)
    assert "characteristics" not in governor and governor["needs"][0]["detail"] == "Halal"
    for role in ("custody", "reception", "safeguarding", "inspector"):
        assert reading.her_record(cast[role], woman_a) is None
        url = reverse("equality:her", kwargs={"uuid": woman_a.uuid})
        assert client_for(cast[role]).get(url).status_code == 404
        api = reverse("api-equality-her", kwargs={"uuid": woman_a.uuid})
        assert client_for(cast[role]).get(api).status_code == 404
        page = open_her_page(client_for(cast[role]), woman_a)
        assert "Kayan Lahwi" not in page.content.decode() and "Halal" not in page.content.decode()


def test_a_withdrawal_erases_her_answers_everywhere_and_keeps_no_copy(cast, woman_a):
    consented(cast, woman_a, ethnicity="Canaryword", religion="muslim", gender_identity="Woman")
    services.withdraw_consent(by=cast["social"], prisoner=woman_a)
    row = Characteristics.objects.get(prisoner=woman_a)
    assert row.answered == [] and row.consent is None and row.erased_at is not None
    assert Consent.objects.get(prisoner=woman_a).withdrawn_at is not None
    # No history of the values: the table isn't tracked, and no audit row holds them.
    assert not any(
        issubclass(m, pghistory.models.Event) and m.pgh_tracked_model is Characteristics
        for m in apps.get_models()
    )
    assert not AuditEvent.objects.filter(detail__icontains="Canaryword").exists()
    withdrawn = AuditEvent.objects.get(action="equality.consent_withdrawn")
    assert withdrawn.detail == {"erased": ["ethnicity", "gender_identity", "religion"]}
    # A read attempted after: nothing to read, at either door; recording needs a new consent.
    social = client_for(cast["social"])
    page = social.get(reverse("equality:her", kwargs={"uuid": woman_a.uuid})).content.decode()
    api = social.get(reverse("api-equality-her", kwargs={"uuid": woman_a.uuid})).json()
    assert "Canaryword" not in page and api["characteristics"] is None and api["consent"] is None
    with invalid("__all__", Characteristics):
        services.record_characteristics(
            by=cast["social"], prisoner=woman_a, in_her_words=True, ethnicity="Canaryword"
        )
    # And she counts as not recorded on oversight from then on.
    table = breakdown(Facility.objects.filter(pk=woman_a.facility_id), *_week())
    groups = [row["group"] for row in table["dimensions"][0]["rows"]]
    assert "canaryword" not in groups


def test_the_page_records_her_consent_and_her_words(cast, woman_a):
    social = client_for(cast["social"])
    consent = social.post(reverse("equality:give-consent", kwargs={"uuid": woman_a.uuid}), {})
    assert consent.status_code == 302
    answer = social.post(
        reverse("api-equality-record-characteristics", kwargs={"uuid": woman_a.uuid}),
        {"in_her_words": True, "religion": "buddhist", "disability": "no"},
        content_type="application/json",
    )
    assert answer.status_code == 201 and answer.json()["religion"] == "buddhist"
    section = open_her_page(social, woman_a).content.decode()
    assert "Buddhist" in section


# Never used for security (Mandela 2) --------------------------------------------------------


@pytest.mark.rule("M2")
def test_a_classification_given_her_religion_is_refused_naming_mandela_2(cast, woman_a):
    with refused("M2", Classification) as caught:
        classify(by=cast["social"], prisoner=woman_a, religion="muslim", **LOW)
    assert "never used for a security decision" in str(caught.value)
    assert "Mandela Rule 2" in str(caught.value)


@pytest.mark.rule("M2")
def test_the_security_areas_import_nothing_of_equality():
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    contract = next(c for c in contracts["contracts"] if c["id"] == "never-for-security")
    assert {"classification", "searches", "discipline"} <= set(contract["source_modules"])
    assert contract["forbidden_modules"] == ["equality"]
    for area in contract["source_modules"]:
        for path in (ROOT / area).rglob("*.py"):
            if "tests" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text())):
                names = (
                    [a.name for a in node.names]
                    if isinstance(node, ast.Import)
                    else [node.module or ""]
                    if isinstance(node, ast.ImportFrom)
                    else []
                )
                assert not [n for n in names if n.split(".")[0] == "equality"], path


# Faith: needs, representatives, visits (Mandela 65, 66) -----------------------------------


def _visit_setup(cast, woman):
    imam = services.add_representative(
        by=cast["governor"], facility=woman.facility, name="Imam Hassan", faith="muslim"
    )
    return imam


@pytest.mark.rule("M65")
def test_her_request_reaches_the_governor_unarranged_and_arranging_it_answers(cast, woman_a):
    imam = _visit_setup(cast, woman_a)
    visit = services.ask_for_visit(by=cast["social"], prisoner=woman_a, faith="muslim")
    task = Reminder.objects.get(key=services.visit_key(visit))
    assert task.assignee_role == "governor" and task.rule == "M65"
    assert task.due_at == visit.asked_at + timedelta(days=7)
    services.arrange_visit(
        by=cast["governor"],
        visit=visit,
        representative=imam,
        arranged_for=timezone.now() + timedelta(days=1),
    )
    task.refresh_from_db()
    assert task.status == Status.DONE
    closed = services.close_visit(by=cast["governor"], visit=visit, outcome="held")
    assert closed.status == VisitStatus.HELD


@pytest.mark.rule("M65")
def test_a_visit_she_refused_is_never_arranged_at_any_door(cast, woman_a):
    imam = _visit_setup(cast, woman_a)
    offered = services.offer_visit(by=cast["social"], prisoner=woman_a, representative=imam)
    services.answer_offer(by=cast["social"], visit=offered, accepts=False)
    when = timezone.now() + timedelta(days=1)
    with refused("M65", FaithVisit, Reminder) as caught:
        services.arrange_visit(
            by=cast["governor"], visit=offered, representative=imam, arranged_for=when
        )
    assert "Mandela Rule 65" in str(caught.value)
    governor = client_for(cast["governor"])
    offered.refresh_from_db()
    with nothing_written(FaithVisit):
        answer = governor.patch(
            reverse("api-equality-arrange-visit", kwargs={"uuid": offered.uuid}),
            {"representative": str(imam.uuid), "arranged_for": when.isoformat()},
            content_type="application/json",
            headers={"If-Match": f'"{offered.version}"'},
        )
    assert answer.status_code == 409 and answer.json()["rule"] == "M65"
    with nothing_written(FaithVisit):
        page = governor.post(
            reverse("equality:arrange-visit", kwargs={"uuid": offered.uuid}),
            {"representative": imam.pk, "arranged_for": when.strftime("%Y-%m-%dT%H:%M")},
        )
    assert page.status_code == 400 and "Mandela Rule 65" in page.content.decode()
    offered.refresh_from_db()
    assert offered.status == VisitStatus.DECLINED and offered.representative_id == imam.pk
    assert not AuditEvent.objects.filter(action="equality.visit_arranged").exists()


@pytest.mark.rule("M65")
def test_a_visit_she_asked_for_is_never_closed_as_refused(cast, woman_a):
    visit = services.ask_for_visit(by=cast["social"], prisoner=woman_a, faith="buddhist")
    with refused("M65", FaithVisit):
        services.close_visit(by=cast["governor"], visit=visit, outcome="refused")
    governor = client_for(cast["governor"])
    with nothing_written(FaithVisit):
        answer = governor.post(
            reverse("api-equality-close-visit", kwargs={"uuid": visit.uuid}),
            {"outcome": "refused", "version": visit.version},
            content_type="application/json",
            headers={"If-Match": f'"{visit.version}"'},
        )
    assert answer.status_code == 409 and answer.json()["rule"] == "M65"
    visit.refresh_from_db()
    assert visit.status == VisitStatus.ASKED and visit.closed_at is None
    assert not AuditEvent.objects.filter(action="equality.visit_closed").exists()
    assert AuditEvent.objects.filter(action="rule.refused").exists()  # the attempt is kept


@pytest.mark.rule("M66")
def test_a_faith_need_is_recorded_provided_for_and_ended(cast, woman_a):
    need = services.record_faith_need(
        by=cast["social"],
        prisoner=woman_a,
        kind="observance",
        detail="Fasting in Ramadan",
        starts_on=timezone.localdate(),
        ends_on=timezone.localdate() + timedelta(days=29),
    )
    social = client_for(cast["social"])
    answer = social.patch(
        reverse("api-equality-provide-for-need", kwargs={"uuid": need.uuid}),
        {"provision": "A meal kept warm for after sunset"},
        content_type="application/json",
        headers={"If-Match": f'"{need.version}"'},
    )
    assert answer.status_code == 200 and answer.json()["provision"].startswith("A meal")
    services.end_faith_need(by=cast["social"], need=need)
    assert not reading.her_needs(woman_a).exists()
    assert FaithNeed.objects.get().ended_at is not None


def test_the_facility_page_lists_its_representatives_for_the_inspector(cast, woman_a):
    _visit_setup(cast, woman_a)
    page = client_for(cast["inspector"]).get(
        reverse("equality:facility", kwargs={"uuid": woman_a.facility.uuid})
    )
    assert page.status_code == 200 and "Imam Hassan" in page.content.decode()


# Outcomes by group, suppressed (Mandela 2) ---------------------------------------------------


def _week():
    today = timezone.localdate()
    return today - timedelta(days=7), today


def test_suppression_hides_small_cells_and_one_beside_them():
    # One small cell: another is hidden with it, so the total doesn't give it away.
    assert suppressed({"a": 40, "b": 3, "c": 12}, (), 5) == {"b", "c"}
    # Two small cells adding up to fewer than k: a third goes too.
    assert suppressed({"a": 40, "b": 1, "c": 2, "d": 9}, (), 5) == {"b", "c", "d"}
    # A small group hides even a zero, and one beside it.
    assert suppressed({"a": 40, "b": 0, "c": 6}, {"b"}, 5) == {"b", "c"}
    assert suppressed({"a": 40, "b": 0, "c": 6}, (), 5) == set()


@pytest.mark.rule("M2")
def test_the_breakdown_counts_by_group_suppresses_small_ones_in_one_query_a_table(
    cast, facility_a, django_assert_num_queries
):
    women = [PrisonerFactory(facility=facility_a) for _ in range(14)]
    for woman in women[:6]:
        consented(cast, woman, religion="buddhist", disability="no")
    for woman in women[6:11]:
        consented(cast, woman, religion="none", disability="no")
    for woman in women[11:13]:
        consented(cast, woman, religion="muslim", disability="no")
    for woman in women[:12]:  # six Buddhist women, five of no religion, one Muslim woman
        complaint(cast["social"], woman)
    facilities = Facility.objects.filter(pk=facility_a.pk)
    with django_assert_num_queries(6):  # the women, then one per table of outcomes
        table = breakdown(facilities, *_week())
    religion = next(d for d in table["dimensions"] if d["key"] == "religion")
    rows = {row["group"]: row for row in religion["rows"]}
    complaints = [c["key"] for c in table["columns"]].index("complaints")
    assert rows["Buddhist"]["population"] == 6
    assert rows["Buddhist"]["cells"][complaints] == {"count": 6, "rate": 100.0}
    # Two Muslim women and one not recorded: hidden; and the next smallest beside them, since
    # the total would give away that they are three.
    for small in ("Muslim", "Not recorded", "No religion"):
        assert rows[small]["population"] is None
        assert rows[small]["cells"][complaints] == {"count": None, "rate": None}
    assert religion["total"]["population"] == 14
    assert religion["total"]["cells"][complaints]["count"] == 12
    assert "5" in table["method"]


def test_the_governor_and_the_inspector_see_the_breakdown_on_oversight_and_others_dont(
    cast, woman_a
):
    today = timezone.localdate()
    query = {
        "facility": "A",
        "start": (today - timedelta(days=7)).isoformat(),
        "end": today.isoformat(),
    }
    for role in ("governor", "inspector"):
        page = client_for(cast[role]).get(reverse("oversight:overview"), query)
        assert 'data-testid="breakdown-equality-outcomes"' in page.content.decode()
        api = client_for(cast[role]).get(reverse("api-oversight"), query).json()
        assert [b["key"] for b in api["breakdowns"]] == ["equality-outcomes"]


@pytest.mark.parametrize("who", ["sysadmin", "social", "governor"])
def test_the_admin_is_no_door_to_her_characteristics(cast, woman_a, who):
    from django.contrib import admin

    row = consented(cast, woman_a, ethnicity="Canaryadmin")
    assert not [m for m in admin.site._registry if m._meta.app_label == "equality"]
    client = client_for(cast[who])
    base = "/admin/equality/characteristics/"
    for url in (base, f"{base}{row.pk}/change/", f"{base}add/"):
        response = client.get(url)
        assert response.status_code in (302, 404)
        assert "Canaryadmin" not in response.content.decode()
    with nothing_written(Characteristics, Consent):
        posted = client.post(f"{base}{row.pk}/change/", {"ethnicity": "Guessed"})
    assert posted.status_code in (302, 404)
    row.refresh_from_db()
    assert row.ethnicity == "Canaryadmin"
