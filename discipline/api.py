"""The discipline API (Rules 22, 23; Mandela 36-46): her discipline record, and one operation
per service verb.

Each operation finds the woman (or the record, then its woman) through the access funnel with
the permission it needs: another facility's woman, or a role without that permission, meets
the 404 of a woman who doesn't exist. The service checks the role and the Rules: a refusal is
a 409 naming the rule (22, 23, M39, M43, M45), and nothing is written.
"""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from authority.operations import decisions
from authority.serializers import RefuseInput
from bangkok.actions import Area, Operation, operation_urls
from bangkok.schema import ERROR

from . import serializers as io
from .models import Charge, ContactRestriction, Sanction, Segregation, SegregationExtension
from .permissions import ANY_VIEW, access_with
from .reading import record_of
from .services import charges as C
from .services import segregation as S
from .services.common import ADJUDICATE, LAY_CHARGE, RESTRICT, SEGREGATE, VISIT
from .services.contact import RESTRICTIONS, restrict_contact

TAG = "discipline"
PREFIX = "api-discipline"
NOT_FOUND = OpenApiResponse(
    ERROR,
    description=(
        "No such record in your facilities, or your role may not do this (the same answer "
        "either way)."
    ),
)


def area(*perms: str) -> Area:
    return Area(tag=TAG, access=access_with(*perms), not_found=NOT_FOUND, prefix=PREFIX)


class DisciplineRecord(APIView):
    """Her charges (with hearings, sanctions, reviews), segregations (with health visits) and
    contact restrictions; each part only for a role that may read it."""

    @extend_schema(
        tags=[TAG],
        summary="Her discipline record (Rules 22, 23)",
        responses={200: io.DisciplineSerializer, 404: NOT_FOUND},
    )
    def get(self, request, uuid):
        woman = access_with(*ANY_VIEW)(request.user, uuid)
        record = record_of(request.user, woman)
        data = {"woman": woman.uuid}
        for part in ("charges", "segregations", "contact_restrictions"):
            if part in record:
                data[part] = record[part]
        return Response(io.DisciplineSerializer(data).data)


CHARGES = [
    Operation(
        "lay-charge",
        "prisoners/<uuid:uuid>/charges/",
        "Lay a charge, and record when and in which language she was told (Mandela 41)",
        C.lay_charge,
        io.ChargeSerializer,
        io.ChargeInput,
        created=True,
    ),
]
ADJUDICATION = [
    Operation(
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
    ),
    Operation(
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
    ),
    Operation(
        "sanction-review",
        "sanctions/<uuid:uuid>/reviews/",
        "Review a sanction: uphold, reduce or quash it (Mandela 41.4)",
        C.review_sanction,
        io.SanctionReviewSerializer,
        io.SanctionReviewInput,
        model=Sanction,
        arg="sanction",
        created=True,
    ),
    Operation(
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
    ),
    Operation(
        "segregation-end",
        "segregations/<uuid:uuid>/end/",
        "End a segregation (closes the order to end it, Rule 22)",
        S.end_segregation,
        io.SegregationSerializer,
        io.SegregationEndInput,
        model=Segregation,
        arg="segregation",
    ),
]
SEGREGATING = [
    Operation(
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
    ),
]
AUTHORITY = [
    Operation(
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
    Operation(
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
    Operation(
        "segregation-visit",
        "segregations/<uuid:uuid>/visits/",
        "Record the daily health visit to a segregated woman (Mandela 46)",
        S.record_segregation_visit,
        io.SegregationVisitSerializer,
        io.SegregationVisitInput,
        model=Segregation,
        arg="segregation",
        created=True,
    ),
]
RESTRICTIONS = [
    Operation(
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
    ),
]

urls = [
    *operation_urls(CHARGES, area(LAY_CHARGE)),
    *operation_urls(ADJUDICATION, area(ADJUDICATE)),
    *operation_urls(SEGREGATING, area(SEGREGATE, ADJUDICATE)),
    *operation_urls(AUTHORITY, area(ADJUDICATE)),
    *operation_urls(VISITS, area(VISIT)),
    *operation_urls(RESTRICTIONS, area(RESTRICT)),
]
