"""A breach that happened anyway is written down (Rules 19, 24): it names the rule, the
governor is given a task, the inspector sees it on oversight, and it counts in the total
that must be zero for its rule. Its account is clinical for some kinds: health staff alone
read it then."""

from datetime import timedelta

import pytest
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, transaction
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from breaches.models import Breach
from breaches.services import record_breach
from conftest import client_for
from facilities.models import Facility
from oversight.registry import overview
from reminders.models import Reminder

pytestmark = pytest.mark.django_db

MAN_SEARCHED = "An escort officer, a man, patted her down at the court cells."


def counts(user, woman) -> tuple[dict, dict]:
    today = timezone.localdate()
    facilities = Facility.objects.filter(pk=woman.facility_id)
    zeros, lists = overview(user, facilities, today - timedelta(days=7), today)
    return (
        {z["item"].key: (z["count"], z["recorded"], z["cases"]) for z in zeros},
        {entry["item"].key: entry["count"] for entry in lists},
    )


@pytest.mark.rule("19")
def test_a_breach_recorded_names_its_rule_tells_the_governor_and_counts_on_oversight(cast, woman_a):
    breach = record_breach(
        by=cast["reception"],
        prisoner=woman_a,
        kind="searches-by-a-man",
        occurred_at=timezone.now() - timedelta(hours=3),
        account=MAN_SEARCHED,
    )
    assert breach.rule == "19"
    task = Reminder.objects.get(kind="breaches.recorded")
    assert (task.assignee_role, task.rule, task.prisoner) == ("governor", "19", woman_a)
    assert AuditEvent.objects.filter(action="breaches.recorded").count() == 1

    zeros, lists = counts(cast["inspector"], woman_a)
    count, recorded, cases = zeros["searches-by-a-man"]
    assert (count, recorded, lists["breaches"]) == (1, 1, 1)
    assert cases[0].uuid == breach.uuid and MAN_SEARCHED not in cases[0].what


@pytest.mark.rule("24")
def test_the_account_of_a_restraint_in_a_protected_period_is_for_health_staff_alone(cast, woman_a):
    account = "Kept in cuffs on the labour ward by the escort."
    url = reverse("api-breaches-record", kwargs={"uuid": woman_a.uuid})
    body = {"kind": "restraints-obstetric", "account": account}
    answer = client_for(cast["custody"]).post(url, body, content_type="application/json")
    assert answer.status_code == 201 and answer.json()["rule"] == "24"

    task = Reminder.objects.get(kind="breaches.recorded")
    assert "labour" not in task.title.lower() and "protected period" in task.title
    listing = reverse("api-breaches", kwargs={"uuid": woman_a.uuid})
    shown = {
        role: client_for(cast[role]).get(listing).json()["results"][0]["account"]
        for role in ("governor", "inspector", "health")
    }
    assert shown == {"governor": "", "inspector": "", "health": account}
    page = client_for(cast["governor"]).get(reverse("breaches:list", kwargs={"uuid": woman_a.uuid}))
    assert page.status_code == 200 and "labour" not in page.content.decode().lower()
    zeros, _lists = counts(cast["inspector"], woman_a)
    assert zeros["restraints-obstetric"][:2] == (1, 1)


@pytest.mark.rule("19")
def test_the_page_form_records_a_breach_and_the_inspector_never_writes_one(cast, woman_a):
    url = reverse("breaches:record", kwargs={"uuid": woman_a.uuid})
    form = {"kind": "searches-untrained", "account": "Searched by a trainee on her first day."}
    answer = client_for(cast["social"]).post(url, form)
    assert answer.status_code == 302 and Breach.objects.get().rule == "19"

    assert client_for(cast["inspector"]).post(url, form).status_code == 404
    with pytest.raises(PermissionDenied):
        record_breach(by=cast["inspector"], prisoner=woman_a, **form)
    assert Breach.objects.count() == 1
    assert AuditEvent.objects.filter(action="breaches.recorded").count() == 1


@pytest.mark.rule("19")
def test_a_breach_recorded_is_never_changed_nor_deleted_and_stays_out_of_the_admin(cast, woman_a):
    breach = record_breach(
        by=cast["custody"], prisoner=woman_a, kind="searches-by-a-man", account=MAN_SEARCHED
    )
    for change in (
        lambda: Breach.objects.filter(pk=breach.pk).update(kind="searches-untrained"),
        lambda: Breach.objects.filter(pk=breach.pk).delete(),
    ):
        with pytest.raises(DatabaseError), transaction.atomic():
            change()
    assert Breach.objects.get().kind == "searches-by-a-man"
    assert not admin.site.is_registered(Breach)


def test_the_breach_pages_lead_back_to_her_record_and_the_list_to_recording_one(cast, woman_a):
    back = f'href="/women/{woman_a.uuid}/#section-breaches"'
    record = reverse("breaches:record", kwargs={"uuid": woman_a.uuid})
    listing = reverse("breaches:list", kwargs={"uuid": woman_a.uuid})
    assert back in client_for(cast["custody"]).get(record).content.decode()
    governor = client_for(cast["governor"]).get(listing).content.decode()
    assert back in governor and f'href="{record}"' in governor
    assert "No breach is recorded for her." in governor
    inspector = client_for(cast["inspector"]).get(listing).content.decode()
    assert back in inspector and f'href="{record}"' not in inspector  # she never writes one


def test_her_breaches_name_the_rule_as_people_read_it(cast, woman_a):
    record_breach(
        by=cast["custody"], prisoner=woman_a, kind="searches-by-a-man", account=MAN_SEARCHED
    )
    listing = reverse("breaches:list", kwargs={"uuid": woman_a.uuid})
    assert "Bangkok Rule 19" in client_for(cast["governor"]).get(listing).content.decode()
