"""What staff do about hygiene (Rule 5), each declared once for the API and the page
(`bangkok.actions`). A facility, item, interruption or woman outside the caller's facilities,
or a role that may not do the verb, is the 404 of a record that doesn't exist; a sanitary item
at a price is a 409 naming Rule 5 (beside the form on a page), with nothing written."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse

from bangkok.actions import Action, Area, Page, titled, to
from bangkok.schema import ERROR
from facilities.scope import facilities_of, record_in_reach
from prisoners.withheld import without_withheld

from . import api, services
from . import serializers as io
from .forms import (
    ChangeItemForm,
    EndEntitlementForm,
    EndWaterForm,
    EntitlementForm,
    IssueForm,
    ItemForm,
    StockCheckForm,
    WaterForm,
)
from .models import CLINICAL_BASES, Basis, Entitlement, Item, WaterInterruption
from .permissions import (
    CHECK_STOCK,
    GRANT,
    GRANT_CLINICAL,
    ISSUE,
    KEEP_CATALOGUE,
    MISSING,
    RECORD_WATER,
    access_facility,
    access_her,
)

NOT_FOUND = OpenApiResponse(
    ERROR,
    description=(
        "No such facility, item, interruption or woman in your facilities, or your role "
        "doesn't do this (the same answer either way)."
    ),
)


def _facility(user, address):
    return access_facility(user, address["uuid"]), None


def _in_her_facilities(model):
    def find(user, address):
        return record_in_reach(user, model, address["uuid"]), None

    return find


def _entitlement(user, address):
    record = (
        without_withheld(
            Entitlement.objects.filter(
                uuid=address["uuid"], prisoner__facility__in=facilities_of(user)
            )
        )
        .select_related("prisoner__facility")
        .first()
    )
    if record is None:
        raise Http404(MISSING)
    return record, record.prisoner


FACILITY = Area(tag=api.TAG, access=None, not_found=NOT_FOUND, prefix="api-hygiene", find=_facility)
ITEM = Area(
    tag=api.TAG,
    access=None,
    not_found=NOT_FOUND,
    prefix="api-hygiene",
    find=_in_her_facilities(Item),
)
WATER = Area(
    tag=api.TAG,
    access=None,
    not_found=NOT_FOUND,
    prefix="api-hygiene",
    find=_in_her_facilities(WaterInterruption),
)
WOMAN = Area(tag=api.TAG, access=access_her, not_found=NOT_FOUND, prefix="api-hygiene")
ENTITLEMENT = Area(
    tag=api.TAG, access=None, not_found=NOT_FOUND, prefix="api-hygiene", find=_entitlement
)


def _unit(facility, unit):
    """The unit as the API names it (a uuid) or the page's form gives it (a Unit)."""
    if unit is None or not isinstance(unit, str | type(facility.uuid)):
        return unit
    found = facility.units.filter(uuid=unit).first()
    if found is None:
        raise ValidationError({"unit": _("Choose a unit of this facility.")})
    return found


def add_water_interruption(*, by, facility, unit=None, **data):
    return services.record_water_interruption(
        by=by, facility=facility, unit=_unit(facility, unit), **data
    )


def issue(*, by, prisoner, item, quantity):
    if not isinstance(item, Item):
        item = Item.objects.filter(uuid=item, facility=prisoner.facility).first()
        if item is None:
            raise ValidationError({"item": _("Choose an item in use at her facility.")})
    return services.issue_item(by=by, prisoner=prisoner, item=item, quantity=quantity)


def _facility_of(request, target) -> dict:
    return {"facility": target.facility if hasattr(target, "facility") else target}


def _item_as_it_is(request, item) -> dict:
    return {"initial": {name: getattr(item, name) for name in services.CHANGEABLE}}


def _bases(request, woman) -> dict:
    if request.user.has_perm(GRANT_CLINICAL):
        return {}
    return {"bases": [b for b in Basis.values if b not in CLINICAL_BASES]}


def _on_facility(heading, intro=""):
    def context(request, facility) -> dict:
        return {"facility": facility, "heading": heading, "intro": intro}

    return context


def _on_record(heading, intro=""):
    def context(request, record) -> dict:
        return {"facility": record.facility, "record": record, "heading": heading, "intro": intro}

    return context


FACILITY_PAGE = to("hygiene:facility", of="target")


def _back_to_facility(result, target) -> str:
    return to("hygiene:facility", of="target")(result, target.facility)


FACILITY_ACTIONS = [
    Action(
        "add-item",
        "hygiene/facilities/<uuid:uuid>/items/",
        "Add a hygiene item to the facility's catalogue; a sanitary item is free (Rule 5)",
        services.add_item,
        io.ItemSerializer,
        io.ItemInput,
        arg="facility",
        created=True,
        rules=("5",),
        perm=KEEP_CATALOGUE,
        reads=api.FacilityItems,
        page=Page(
            "facilities/<uuid:uuid>/items/new/",
            ItemForm,
            template="hygiene/form.html",
            context=_on_facility(
                _("Add a hygiene item"),
                _("Sanitary towels and other menstrual products are free of charge (Rule 5)."),
            ),
            done=_("Item added to the catalogue."),
            then=FACILITY_PAGE,
        ),
    ),
    Action(
        "record-water",
        "hygiene/facilities/<uuid:uuid>/water/",
        "Record an interruption of the water supply (Rule 5); the governor is told at once",
        add_water_interruption,
        io.WaterSerializer,
        io.WaterInput,
        arg="facility",
        created=True,
        perm=RECORD_WATER,
        reads=api.FacilityWater,
        page=Page(
            "facilities/<uuid:uuid>/water/new/",
            WaterForm,
            template="hygiene/form.html",
            form_kwargs=_facility_of,
            context=_on_facility(
                _("Record a water interruption"),
                _("The governor is told at once, and sees it until the water is back (Rule 5)."),
            ),
            done=_("Water interruption recorded. The governor is told."),
            then=FACILITY_PAGE,
        ),
    ),
]

ITEM_ACTIONS = [
    Action(
        "change-item",
        "hygiene/items/<uuid:uuid>/",
        "Change a hygiene item: name, category, price, low mark, in use (Rule 5)",
        services.change_item,
        io.ItemSerializer,
        io.ItemChange,
        model=Item,
        arg="item",
        rules=("5",),
        perm=KEEP_CATALOGUE,
        method="patch",
        page=Page(
            "items/<uuid:uuid>/edit/",
            ChangeItemForm,
            template="hygiene/form.html",
            form_kwargs=_item_as_it_is,
            context=_on_record(_("Change a hygiene item")),
            done=_("Item changed."),
            then=_back_to_facility,
        ),
    ),
    Action(
        "count-stock",
        "hygiene/items/<uuid:uuid>/stock-checks/",
        "Record a count of an item in store: the weekly stock check (Rule 5)",
        services.record_stock_check,
        io.StockCheckSerializer,
        io.StockCheckInput,
        model=Item,
        arg="item",
        created=True,
        changes=False,
        perm=CHECK_STOCK,
        page=Page(
            "items/<uuid:uuid>/count/",
            StockCheckForm,
            template="hygiene/form.html",
            context=_on_record(
                _("Count the stock"),
                _("Count what is in store now. Below the low mark, the governor is told."),
            ),
            done=_("Stock count recorded."),
            then=_back_to_facility,
        ),
    ),
]

WATER_ACTIONS = [
    Action(
        "end-water",
        "hygiene/water/<uuid:uuid>/end/",
        "The water is back: end the interruption (Rule 5)",
        services.end_water_interruption,
        io.WaterSerializer,
        io.EndWaterInput,
        model=WaterInterruption,
        arg="interruption",
        perm=RECORD_WATER,
        page=Page(
            "water/<uuid:uuid>/end/",
            EndWaterForm,
            template="hygiene/form.html",
            context=_on_record(_("The water is back")),
            done=_("The interruption has ended."),
            then=_back_to_facility,
        ),
    ),
]

WOMAN_ACTIONS = [
    Action(
        "issue",
        "prisoners/<uuid:uuid>/hygiene/issues/",
        "Issue a hygiene item to her, at its price; sanitary items are free (Rule 5)",
        issue,
        io.IssueSerializer,
        io.IssueInput,
        created=True,
        rules=("5",),
        perm=ISSUE,
        page=Page(
            "women/<uuid:uuid>/issue/",
            IssueForm,
            template="hygiene/her_form.html",
            form_kwargs=_facility_of,
            context=titled(_("Issue a hygiene item"), _("Sanitary items are free (Rule 5).")),
            done=_("Issued."),
            then=to("hygiene:her", of="target"),
        ),
    ),
    Action(
        "grant",
        "prisoners/<uuid:uuid>/hygiene/entitlements/",
        "Grant her an extra hygiene entitlement (Rule 5); on clinical grounds, health staff "
        "only (Rule 8)",
        services.grant_entitlement,
        io.EntitlementSerializer,
        io.EntitlementInput,
        created=True,
        perm=GRANT,
        reads=api.HerEntitlements,
        page=Page(
            "women/<uuid:uuid>/entitlements/new/",
            EntitlementForm,
            template="hygiene/her_form.html",
            form_kwargs=_bases,
            context=titled(
                _("Grant an extra entitlement"),
                _(
                    "Pregnant, breastfeeding and menstruating women and women who work in "
                    "the kitchens have more than the standard issue (Rule 5). On clinical "
                    "grounds, health staff grant it, and others read it as approved by health."
                ),
            ),
            done=_("Entitlement granted."),
            then=to("hygiene:her", of="target"),
        ),
    ),
]

ENTITLEMENT_ACTIONS = [
    Action(
        "end-entitlement",
        "hygiene/entitlements/<uuid:uuid>/end/",
        "End one of her hygiene entitlements",
        services.end_entitlement,
        io.EntitlementSerializer,
        model=Entitlement,
        arg="entitlement",
        perm=GRANT,
        shown=lambda result: result,
        page=Page(
            "entitlements/<uuid:uuid>/end/",
            EndEntitlementForm,
            template="hygiene/her_form.html",
            context=titled(_("End the entitlement"), button=_("End it")),
            done=_("Entitlement ended."),
            then=lambda result, target: to("hygiene:her", of="target")(result, target.prisoner),
        ),
    ),
]

GROUPS = (
    (FACILITY_ACTIONS, FACILITY),
    (ITEM_ACTIONS, ITEM),
    (WATER_ACTIONS, WATER),
    (WOMAN_ACTIONS, WOMAN),
    (ENTITLEMENT_ACTIONS, ENTITLEMENT),
)
