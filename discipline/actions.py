"""What staff do about discipline (Rules 22, 23; Mandela 36-46), each declared once for the API
and, where staff do it on a page, for the page (`bangkok.actions`): lay a charge, hear and
decide it, impose and review sanctions; segregate her, visit her each day, extend and end it;
restrict one means of contact; and the governor's confirmation of each.

Each action finds the woman (or the record, then its woman) through the access funnel with the
permission it needs: another facility's woman, or a role without that permission, meets the
404 of a woman who doesn't exist. The service checks the role and the Rules: a refusal is a
409 (beside the form on a page) naming the rule (22, 23, M39, M43, M45), and nothing is
written."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse

from authority.operations import decisions
from authority.serializers import RefuseInput
from bangkok.actions import Action, Area, Page, to
from bangkok.schema import ERROR

from . import serializers as io
from .forms import (
    ChargeForm,
    DecisionForm,
    EndForm,
    ExtendForm,
    RestrictionForm,
    ReviewForm,
    SanctionForm,
    SegregateForm,
    VisitForm,
)
from .models import Charge, ContactRestriction, Sanction, Segregation, SegregationExtension
from .permissions import access_with
from .reading import segregation_bar
from .services import charges as C
from .services import segregation as S
from .services.common import ADJUDICATE, LAY_CHARGE, RESTRICT, SEGREGATE, VISIT
from .services.contact import RESTRICTIONS, people_to_choose, restrict_contact
from .views import charges as charge_pages
from .views import segregation as segregation_pages

TAG = "discipline"
NOT_FOUND = OpenApiResponse(
    ERROR,
    description=(
        "No such record in your facilities, or your role may not do this (the same answer "
        "either way)."
    ),
)


def area(*perms: str) -> Area:
    return Area(tag=TAG, access=access_with(*perms), not_found=NOT_FOUND, prefix="api-discipline")


def prefixed(key: str):
    """The form's prefix on a record's page with several forms."""
    return lambda request, target: {"prefix": key}


def on_charge_page(key: str):
    """A refused form on the charge's page is shown there again, with its refusal."""
    return lambda request, charge, form: charge_pages.charge_page(
        request, charge_pages.as_shown(charge), {key: form}
    )


def on_segregation_page(key: str):
    """A refused form on the segregation's page is shown there again, with its refusal."""
    return lambda request, segregation, form: segregation_pages.segregation_page(
        request, segregation_pages.as_shown(segregation), {key: form}
    )


def review_prefix(sanction) -> str:
    return f"review-{sanction.uuid}"


def its_charge(result, sanction) -> str:
    return reverse("discipline:charge", kwargs={"uuid": sanction.charge.uuid})


def segregate_choices(request, woman) -> dict:
    """Custody asking for the governor's authority choose the governor; she doesn't."""
    if request.user.has_perm(ADJUDICATE):
        return {"governors": None}
    return {"governors": S.governors_of(woman.facility)}


CHARGES = [
    Action(
        "lay-charge",
        "prisoners/<uuid:uuid>/charges/",
        "Lay a charge, and record when and in which language she was told (Mandela 41)",
        C.lay_charge,
        io.ChargeSerializer,
        io.ChargeInput,
        created=True,
        page=Page(
            "women/<uuid:uuid>/charges/new/",
            ChargeForm,
            template="discipline/lay_charge.html",
            done=_("Charge laid. The governor hears it."),
            then=to("discipline:charge"),
        ),
    ),
]
ADJUDICATION = [
    Action(
        "charge-decision",
        "charges/<uuid:uuid>/decision/",
        "Record the hearing and its decision (Mandela 39.3, 41)",
        C.decide_charge,
        io.ChargeHearingSerializer,
        io.ChargeDecisionInput,
        model=Charge,
        arg="charge",
        created=True,
        rules=("M39",),
        description="Refused (409, M39) until her mental health was considered.",
        page=Page(
            "charges/<uuid:uuid>/decision/",
            DecisionForm,
            name="decide",
            form_kwargs=prefixed("decision"),
            again=on_charge_page("decision"),
            done=_("Hearing and decision recorded."),
            then=to("discipline:charge", of="target"),
        ),
    ),
    Action(
        "charge-sanction",
        "charges/<uuid:uuid>/sanctions/",
        "Impose a sanction for a proved charge (Rules 22, 23; Mandela 43-45)",
        C.impose_sanction,
        io.SanctionSerializer,
        io.ImposeSanctionInput,
        model=Charge,
        arg="charge",
        created=True,
        rules=("22", "23", "M43", "M45"),
        description=(
            "No sanction prohibits family contact (409, 23) or is a restraint (409, M43). "
            "Close confinement or segregation: never for a woman under 'No segregation' (409, "
            "22) or a girl under 18 (409, M45); at most 15 consecutive days (409, M43). Every "
            "sanction awaits a governor's confirmation (`authority: pending`) and is in force "
            "once confirmed; a confinement starts then."
        ),
        page=Page(
            "charges/<uuid:uuid>/sanctions/",
            SanctionForm,
            name="impose",
            form_kwargs=prefixed("sanction"),
            again=on_charge_page("sanction"),
            done=_("Sanction imposed. It is in force once a governor confirms it."),
            then=to("discipline:charge", of="target"),
        ),
    ),
    Action(
        "sanction-review",
        "sanctions/<uuid:uuid>/reviews/",
        "Review a sanction: uphold, reduce or quash it (Mandela 41.4)",
        C.review_sanction,
        io.SanctionReviewSerializer,
        io.SanctionReviewInput,
        model=Sanction,
        arg="sanction",
        created=True,
        page=Page(
            "sanctions/<uuid:uuid>/review/",
            ReviewForm,
            name="review",
            form_kwargs=lambda request, sanction: {"prefix": review_prefix(sanction)},
            again=lambda request, sanction, form: charge_pages.charge_page(
                request,
                charge_pages.as_shown(sanction.charge),
                {review_prefix(sanction): form},
            ),
            done=_("Review recorded."),
            then=its_charge,
        ),
    ),
    Action(
        "segregation-extend",
        "segregations/<uuid:uuid>/extend/",
        "Ask for a later planned end of a segregation, within 15 consecutive days (Mandela 43-44)",
        S.extend_segregation,
        io.SegregationExtensionSerializer,
        io.SegregationExtendInput,
        model=Segregation,
        arg="segregation",
        created=True,
        rules=("22", "M43", "M45"),
        description=(
            "Never for a woman under 'No segregation' (409, 22) or a girl under 18 (409, M45); "
            "within 15 consecutive days (409, M43). Every extension awaits a governor's "
            "confirmation (`authority: pending`); the planned end moves when she confirms it, "
            "checked again then."
        ),
        page=Page(
            "segregations/<uuid:uuid>/extend/",
            ExtendForm,
            name="extend",
            form_kwargs=prefixed("extend"),
            again=on_segregation_page("extend"),
            done=_("Extension recorded. The planned end moves when a governor confirms it."),
            then=to("discipline:segregation", of="target"),
        ),
    ),
    Action(
        "segregation-end",
        "segregations/<uuid:uuid>/end/",
        "End a segregation (closes the order to end it, Rule 22)",
        S.end_segregation,
        io.SegregationSerializer,
        io.SegregationEndInput,
        model=Segregation,
        arg="segregation",
        page=Page(
            "segregations/<uuid:uuid>/end/",
            EndForm,
            name="end",
            form_kwargs=prefixed("end"),
            again=on_segregation_page("end"),
            done=_("Segregation ended."),
            then=to("discipline:segregation", of="target"),
        ),
    ),
]
SEGREGATING = [
    Action(
        "segregate",
        "prisoners/<uuid:uuid>/segregations/",
        "Segregate her or confine her to her cell (Rule 22; Mandela 43-45)",
        S.segregate,
        io.SegregationSerializer,
        io.SegregateInput,
        created=True,
        rules=("22", "M43", "M45"),
        description=(
            "Every segregation awaits confirmation (`authority: pending`) and starts when a "
            "governor confirms it: decided by the governor, her own (or another governor's); "
            "asked for by a custody officer (`sought_from`, or any governor of her facility), "
            "a governor's other than hers. Never for a woman under 'No segregation' (409, 22) "
            "or a girl under 18 (409, M45); the planned end is within 15 consecutive days "
            "(409, M43). One that began before it is recorded gives `began_at`: her "
            "protections then and as recorded since are read (409, 22), its 15 days count "
            "from that day, and more than LATE_RECORD_REASON_AFTER_HOURS ago it needs a "
            "`late_reason` (400)."
        ),
        page=Page(
            "women/<uuid:uuid>/segregate/",
            SegregateForm,
            template="discipline/segregate.html",
            form_kwargs=segregate_choices,
            context=lambda request, woman: {"bar": segregation_bar(request.user, woman)},
            done=_("Segregation recorded. It starts when the governor confirms it."),
            then=to("discipline:segregation"),
        ),
    ),
]
AUTHORITY = [
    Action(
        "segregation-confirm",
        "segregations/<uuid:uuid>/confirm/",
        "Confirm a segregation: it starts now (the governor)",
        S.confirm_segregation,
        io.SegregationSerializer,
        model=Segregation,
        arg="record",
        rules=("22", "M43", "M45"),
        description=(
            "A governor of her facility, never whoever asked (409). Rule 22 and Mandela 45 are "
            "checked again now (409); it starts now and its 15 days count from today. 400 "
            "once decided (of two governors at once, one wins)."
        ),
    ),
    Action(
        "segregation-refuse",
        "segregations/<uuid:uuid>/refuse/",
        "Refuse your authority for a segregation, with a reason",
        S.refuse_segregation,
        io.SegregationSerializer,
        RefuseInput,
        model=Segregation,
        arg="record",
        rules=("22",),
    ),
]
# A governor's confirmation of a sanction, an extension or a contact restriction: in force
# once given.
for name, path, model, out, key in (
    ("sanction", "sanctions", Sanction, io.SanctionSerializer, C.SANCTIONS.key),
    (
        "extension",
        "segregation-extensions",
        SegregationExtension,
        io.SegregationExtensionSerializer,
        S.EXTENSIONS.key,
    ),
    (
        "restriction",
        "contact-restrictions",
        ContactRestriction,
        io.ContactRestrictionSerializer,
        RESTRICTIONS.key,
    ),
):
    AUTHORITY += decisions(name, path, model, out, key, rules=("22", "M43", "M45"))
VISITS = [
    Action(
        "segregation-visit",
        "segregations/<uuid:uuid>/visits/",
        "Record the daily health visit to a segregated woman (Mandela 46)",
        S.record_segregation_visit,
        io.SegregationVisitSerializer,
        io.SegregationVisitInput,
        model=Segregation,
        arg="segregation",
        created=True,
        page=Page(
            "segregations/<uuid:uuid>/visits/",
            VisitForm,
            name="visit",
            form_kwargs=prefixed("visit"),
            again=on_segregation_page("visit"),
            done=_("Health visit recorded."),
            then=to("discipline:segregation", of="target"),
        ),
    ),
]
RESTRICTING = [
    Action(
        "contact-restriction",
        "prisoners/<uuid:uuid>/contact-restrictions/",
        "Restrict one means of contact with one person, for security (Rule 23; Mandela 43.3)",
        restrict_contact,
        io.ContactRestrictionSerializer,
        io.ContactRestrictionInput,
        created=True,
        rules=("23", "M43"),
        description=(
            "`person` is the uuid of someone on her visitor list or in her family record, "
            "never a name typed in. Never her children, never all her family (409, 23); an "
            "end date always, at most CONTACT_RESTRICTION_MAX_DAYS after it starts (409, M43). "
            "Every restriction awaits a governor's confirmation (`authority: pending`) and is "
            "in force from its start once confirmed."
        ),
        page=Page(
            "women/<uuid:uuid>/contact-restrictions/new/",
            RestrictionForm,
            name="restrict",
            template="discipline/restrict.html",
            form_kwargs=lambda request, woman: {"people": people_to_choose(request.user, woman)},
            done=_("Contact restriction recorded. It is in force once a governor confirms it."),
            then=to("prisoners:detail", of="target", section="discipline"),
        ),
    ),
]

# Each group of actions with the permission that reaches her for it.
GROUPS = [
    (CHARGES, area(LAY_CHARGE)),
    (ADJUDICATION, area(ADJUDICATE)),
    (SEGREGATING, area(SEGREGATE, ADJUDICATE)),
    (AUTHORITY, area(ADJUDICATE)),
    (VISITS, area(VISIT)),
    (RESTRICTING, area(RESTRICT)),
]
ACTIONS = {action.name: action for actions, _area in GROUPS for action in actions}
