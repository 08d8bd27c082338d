"""Hygiene (Rule 5): sanitary items are free at every door, the stock is counted every week
and a stock-out tells the governor, a water interruption reaches her at once and stays until
the water is back, and an entitlement on clinical grounds is health's to grant and reads as
"approved by health" to everyone else (Rule 8)."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from breaches.services import record_breach
from conftest import client_for
from facilities.models import Facility
from hygiene import services
from hygiene.models import Basis, Category, Entitlement, Issue, Item, WaterInterruption
from oversight.registry import overview
from reminders.models import Reminder, Status
from tests.her_page import open_her_page
from tests.refusals import denied, invalid, nothing_written, refused

pytestmark = pytest.mark.django_db

FREE_TOWELS = "Sanitary towels are provided free of charge"


@pytest.fixture
def towels(cast, facility_a):
    return services.add_item(
        by=cast["governor"], facility=facility_a, name="Towels", category=Category.SANITARY
    )


@pytest.fixture
def shampoo(cast, facility_a):
    return services.add_item(
        by=cast["governor"],
        facility=facility_a,
        name="Shampoo",
        category=Category.PERSONAL_CARE,
        price=Decimal("1.50"),
    )


def zeros_and_lists(user, facility):
    today = timezone.localdate()
    zeros, lists = overview(
        user, Facility.objects.filter(pk=facility.pk), today - timedelta(days=7), today
    )
    return (
        {z["item"].key: (z["count"], z["recorded"]) for z in zeros},
        {entry["item"].key: entry["count"] for entry in lists},
    )


@pytest.mark.rule("5")
def test_a_sanitary_item_at_a_price_is_refused_by_the_service_naming_rule_5(cast, facility_a):
    with refused("5", Item) as caught:
        services.add_item(
            by=cast["governor"],
            facility=facility_a,
            name="Towels",
            category=Category.SANITARY,
            price=Decimal("0.50"),
        )
    assert "free of charge" in str(caught.value) and "Rule 5" in str(caught.value)


@pytest.mark.rule("5")
def test_the_api_and_the_page_refuse_a_priced_sanitary_item_and_write_nothing(cast, facility_a):
    governor = client_for(cast["governor"])
    url = reverse("api-hygiene-add-item", kwargs={"uuid": facility_a.uuid})
    body = {"name": "Towels", "category": "sanitary", "price": "2.00"}
    with nothing_written(Item):
        answer = governor.post(url, body, content_type="application/json")
    assert answer.status_code == 409 and answer.json()["rule"] == "5"

    page = reverse("hygiene:add-item", kwargs={"uuid": facility_a.uuid})
    with nothing_written(Item):
        shown = governor.post(page, {**body, "low_stock": 20})
    assert shown.status_code == 400 and "free of charge" in shown.content.decode()

    made = governor.post(url, {**body, "price": "0"}, content_type="application/json")
    assert made.status_code == 201 and Item.objects.get().price == 0
    assert AuditEvent.objects.filter(action="hygiene.item_added").count() == 1


@pytest.mark.rule("5")
def test_a_patch_can_neither_price_a_sanitary_item_nor_make_a_priced_item_sanitary(
    cast, towels, shampoo
):
    governor = client_for(cast["governor"])
    for item, change in (
        (towels, {"price": "1.00"}),
        (shampoo, {"category": "sanitary"}),
        (towels, {"category": "other", "price": "5.00"}),  # out of sanitary and priced at once
    ):
        url = reverse("api-hygiene-change-item", kwargs={"uuid": item.uuid})
        answer = governor.patch(
            url, change, content_type="application/json", headers={"If-Match": f'"{item.version}"'}
        )
        assert answer.status_code == 409 and answer.json()["rule"] == "5"
    towels.refresh_from_db(), shampoo.refresh_from_db()
    assert (towels.price, towels.category) == (0, Category.SANITARY)
    assert shampoo.category == Category.PERSONAL_CARE
    assert not AuditEvent.objects.filter(action="hygiene.item_changed").exists()

    # Made free first, it may be called sanitary; without If-Match the change is refused.
    url = reverse("api-hygiene-change-item", kwargs={"uuid": shampoo.uuid})
    bare = governor.patch(url, {"price": "0"}, content_type="application/json", HTTP_IF_MATCH=None)
    assert bare.status_code == 428
    answer = governor.patch(
        url,
        {"price": "0", "category": "sanitary"},
        content_type="application/json",
        headers={"If-Match": f'"{shampoo.version}"'},
    )
    assert answer.status_code == 200 and answer.json()["category"] == "sanitary"


@pytest.mark.rule("5")
def test_the_database_refuses_a_priced_sanitary_item_whatever_door_it_comes_through(towels):
    with pytest.raises(IntegrityError), transaction.atomic():
        Item.objects.filter(pk=towels.pk).update(price=Decimal("3"))
    with pytest.raises(IntegrityError), transaction.atomic():
        Item.objects.create(
            facility=towels.facility, name="Pads", category="sanitary", price=Decimal("1")
        )
    assert Item.objects.get().price == 0


@pytest.mark.rule("5")
def test_what_is_issued_to_her_is_free_when_sanitary_and_shown_on_her_record(
    cast, woman_a, towels, shampoo
):
    officer = client_for(cast["custody"])
    page = reverse("hygiene:issue", kwargs={"uuid": woman_a.uuid})
    assert officer.post(page, {"item": towels.pk, "quantity": 2}).status_code == 302
    api = reverse("api-hygiene-issue", kwargs={"uuid": woman_a.uuid})
    body = {"item": str(shampoo.uuid), "quantity": 1}
    assert officer.post(api, body, content_type="application/json").status_code == 201
    prices = dict(Issue.objects.values_list("item__name", "price"))
    assert prices == {"Towels": 0, "Shampoo": Decimal("1.50")}
    shown = officer.get(reverse("hygiene:her", kwargs={"uuid": woman_a.uuid})).content.decode()
    assert "Towels" in shown and "Free" in shown and "1.50" in shown

    with invalid("quantity", Issue):
        services.issue_item(by=cast["custody"], prisoner=woman_a, item=shampoo, quantity=0)
    with denied(Issue):
        services.issue_item(by=cast["inspector"], prisoner=woman_a, item=towels, quantity=1)


@pytest.mark.rule("5")
def test_a_stock_out_tells_the_governor_and_a_good_count_answers_it(cast, towels):
    services.record_stock_check(by=cast["custody"], item=towels, counted=0)
    task = Reminder.objects.get(kind=services.LOW_STOCK_KIND)
    assert (task.assignee_role, task.rule) == ("governor", "5")
    assert "stock-out" in task.title.lower() and "Towels" in task.title

    services.record_stock_check(by=cast["custody"], item=towels, counted=5)  # still low
    assert (
        Reminder.objects.filter(kind=services.LOW_STOCK_KIND, status__in=["pending", "due"]).count()
        == 2
    )
    services.record_stock_check(by=cast["custody"], item=towels, counted=300)
    statuses = set(
        Reminder.objects.filter(kind=services.LOW_STOCK_KIND).values_list("status", flat=True)
    )
    assert statuses == {Status.DONE}


@pytest.mark.rule("5")
def test_the_weekly_stock_check_is_asked_for_once_a_week_and_closed_by_a_count(
    cast, towels, facility_a
):
    now = timezone.now()
    assert services.schedule_stock_checks(now=now) == 1
    assert services.schedule_stock_checks(now=now) == 1  # the same task, not a second one
    task = Reminder.objects.get(kind=services.STOCK_CHECK_KIND)
    assert (task.assignee_role, task.facility) == ("custody", facility_a)

    soap = services.add_item(
        by=cast["governor"], facility=facility_a, name="Soap", category="personal_care"
    )
    services.record_stock_check(by=cast["custody"], item=towels, counted=100)
    task.refresh_from_db()
    assert task.is_open  # the soap is not counted yet: one item doesn't answer the week
    services.record_stock_check(by=cast["custody"], item=soap, counted=40)
    task.refresh_from_db()
    assert task.status == Status.DONE
    assert services.schedule_stock_checks(now=now + timedelta(days=3)) == 0
    assert services.schedule_stock_checks(now=now + timedelta(days=8)) == 1


@pytest.mark.rule("5")
def test_a_water_interruption_reaches_the_governor_until_the_water_is_back(cast, facility_a):
    officer = client_for(cast["custody"])
    started = timezone.localtime() - timedelta(hours=3)
    page = reverse("hygiene:record-water", kwargs={"uuid": facility_a.uuid})
    form = {
        "started_at": started.strftime("%Y-%m-%dT%H:%M"),
        "cause": "Pump failure",
        "provision": "Bottled water from the stores",
    }
    with nothing_written(WaterInterruption):
        assert officer.post(page, {**form, "provision": ""}).status_code == 400
    assert officer.post(page, form).status_code == 302
    water = WaterInterruption.objects.get()
    task = Reminder.objects.get(kind=services.WATER_KIND)
    assert (task.assignee_role, task.status != Status.DONE) == ("governor", True)

    end = reverse("hygiene:end-water", kwargs={"uuid": water.uuid})
    assert officer.post(end, {"version": water.version}).status_code == 302
    water.refresh_from_db(), task.refresh_from_db()
    assert water.ended_at is not None and task.status == Status.DONE
    with invalid("__all__", WaterInterruption):
        services.end_water_interruption(by=cast["custody"], interruption=water)

    zeros, lists = zeros_and_lists(cast["inspector"], facility_a)
    assert lists["water-interruptions"] == 1


@pytest.mark.rule("8")
def test_an_entitlement_on_clinical_grounds_is_health_s_and_reads_as_approved_by_health(
    cast, woman_a
):
    with denied(Entitlement):
        services.grant_entitlement(
            by=cast["custody"], prisoner=woman_a, basis=Basis.PREGNANT, extra="Extra towels"
        )
    form_page = reverse("hygiene:grant", kwargs={"uuid": woman_a.uuid})
    offered = client_for(cast["custody"]).get(form_page).content.decode()
    assert 'value="kitchen"' in offered and 'value="pregnant"' not in offered

    services.grant_entitlement(
        by=cast["health"], prisoner=woman_a, basis=Basis.PREGNANT, extra="Extra towels"
    )
    her = reverse("hygiene:her", kwargs={"uuid": woman_a.uuid})
    api = reverse("api-hygiene-grant", kwargs={"uuid": woman_a.uuid})
    for role in ("custody", "governor", "inspector"):
        client = client_for(cast[role])
        page = client.get(her).content.decode()
        assert "Approved by health" in page and "Pregnant" not in page, role
        assert client.get(api).json()["results"][0]["basis"] == "Approved by health", role
        detail = open_her_page(client, woman_a)
        assert "Pregnant" not in detail.content.decode(), role
    read = AuditEvent.objects.filter(action="hygiene.clinical_basis_read")
    assert not read.exists()
    listed = client_for(cast["health"]).get(api).json()["results"][0]
    assert listed["basis"] == "Pregnant"
    # Her clinical basis, read by health staff, is a read of her clinical file (Rule 8).
    assert read.get().actor == cast["health"] and read.get().disclosed == [listed["uuid"]]


@pytest.mark.rule("5")
def test_oversight_counts_stock_outs_and_a_charged_sanitary_item_recorded_anyway(
    cast, facility_a, woman_a, towels
):
    services.record_stock_check(by=cast["custody"], item=towels, counted=0)
    zeros, lists = zeros_and_lists(cast["inspector"], facility_a)
    assert zeros["hygiene-sanitary-charged"] == (0, 0)
    assert lists["hygiene-stock-outs"] == 1

    record_breach(
        by=cast["custody"],
        prisoner=woman_a,
        kind="hygiene-sanitary-charged",
        account="The canteen sold her a pack of towels for 2.00.",
    )
    zeros, _lists = zeros_and_lists(cast["inspector"], facility_a)
    assert zeros["hygiene-sanitary-charged"] == (1, 1)


def test_the_facility_page_shows_the_catalogue_its_stock_and_the_water(cast, facility_a, towels):
    services.record_stock_check(by=cast["custody"], item=towels, counted=0)
    url = reverse("hygiene:facility", kwargs={"uuid": facility_a.uuid})
    shown = client_for(cast["custody"]).get(url).content.decode()
    assert "Towels" in shown and "Stock-out" in shown and "Free" in shown
    assert "No interruption of the water supply is recorded." in shown
    assert reverse("hygiene:count-stock", kwargs={"uuid": towels.uuid}) in shown
    assert reverse("hygiene:change-item", kwargs={"uuid": towels.uuid}) not in shown  # governor's
    index = client_for(cast["custody"]).get(reverse("hygiene:index"))
    assert index.status_code == 302 and index.url == url


def test_the_facility_page_takes_the_same_queries_however_many_items(
    cast, facility_a, django_assert_max_num_queries
):
    url = reverse("hygiene:facility", kwargs={"uuid": facility_a.uuid})
    client = client_for(cast["governor"])
    client.get(url)
    for n in range(12):
        item = services.add_item(
            by=cast["governor"], facility=facility_a, name=f"Item {n}", category="other"
        )
        services.record_stock_check(by=cast["custody"], item=item, counted=n)
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200


def test_two_adding_the_same_item_at_once_get_one_item_and_a_clear_answer(cast, facility_a):
    """The service's name check can't see an item added by a request not yet committed: the
    database's constraint keeps one, and the other is told the name is taken, not a 500."""
    first = Item(facility=facility_a, name="Soap", category=Category.PERSONAL_CARE)
    services.add_item(
        by=cast["governor"], facility=facility_a, name="Soap", category=Category.PERSONAL_CARE
    )
    with invalid("name", Item):
        services._save_named(first)
