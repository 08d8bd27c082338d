"""The admission API (Mandela Rules 7 and 67; Bangkok Rules 2.1, 2.2 and 4).

Views parse input and find records through the access funnel; the services check the role
and the Rules, write and audit. A refusal under a Rule is a 409 naming the rule.
"""

import django_filters
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.response import Response
from rest_framework.views import APIView

from authority.serializers import RefuseInput
from bangkok.actions import Area, Operation, operation_urls
from bangkok.api_permissions import requires
from bangkok.pagination import KeysetPagination
from bangkok.schema import ERROR, FIELD_ERRORS
from bangkok.versions import READ_HEADERS, VERSION_ANSWERS, VERSION_HEADERS, VersionedView
from prisoners.permissions import access_prisoner, access_woman, prisoners_visible_to

from . import reading, services
from .models import Admission, Stage, SuspensionRequest, TransferProposal
from .permissions import ADMIT, VIEW, access_admission
from .serializers import (
    AdmissionDetailSerializer,
    AdmissionSerializer,
    AdmitSerializer,
    AllocateSerializer,
    AllocationSerializer,
    DecideSuspensionSerializer,
    FamilyMemberSerializer,
    FindReturningSerializer,
    PropertyItemSerializer,
    RecordPropertySerializer,
    ReleaseSerializer,
    RequestSuspensionSerializer,
    ReturningWomanSerializer,
    RightsOfferResultSerializer,
    RightsOfferSerializer,
    SuspensionRequestSerializer,
    TransferInputSerializer,
    TransferProposalSerializer,
)

DECIDE_ALLOCATION = "admissions.decide_allocation"
READ_PROPERTY = "admissions.view_propertyitem"
# Oldest first: the women waiting longest in reception come first.
ADMISSION_ORDER = ("admitted_at", "id")

INVALID = OpenApiResponse(FIELD_ERRORS, description="Invalid input, naming the field.")


def refused(rule: str) -> OpenApiResponse:
    return OpenApiResponse(ERROR, description=f"Refused under Rule {rule}; nothing written.")


class ByMethod:
    """One permission to read (GET and the rest) and another to write (POST)."""

    read_perm: str
    write_perm: str

    def get_permissions(self):
        perm = self.write_perm if self.request.method == "POST" else self.read_perm
        return [requires(perm)()]


def episode(request, admission: Admission) -> dict:
    """The admission as this viewer may see it (`reading.episode`)."""
    context = {"request": request, **reading.episode(request.user, admission)}
    return AdmissionDetailSerializer(admission, context=context).data


class AdmissionFilter(django_filters.FilterSet):
    stage = django_filters.ChoiceFilter(choices=Stage.choices, empty_label=_("Any"))

    class Meta:
        model = Admission
        fields = ["stage"]


@extend_schema_view(
    get=extend_schema(
        tags=["admissions"],
        summary="Admissions of women in your facilities",
        description="Oldest first. `stage=reception` lists the women still in reception.",
    ),
    post=extend_schema(
        tags=["admissions"],
        summary="Admit a woman on a commitment order (Mandela Rule 7)",
        description=(
            "A new woman with her `identity`, or a returning woman by her record's id "
            "(`returning`), never both. Schedules her entry health screening and, for a "
            "foreign national, the consular offer."
        ),
        request=AdmitSerializer,
        responses={
            201: AdmissionDetailSerializer,
            400: INVALID,
            409: refused("M7"),
        },
    ),
)
class AdmissionList(ByMethod, generics.ListCreateAPIView):
    read_perm, write_perm = VIEW, ADMIT
    serializer_class = AdmissionSerializer
    filterset_class = AdmissionFilter
    pagination_class = KeysetPagination
    keyset_fields = ADMISSION_ORDER

    def get_queryset(self):
        return Admission.objects.filter(
            prisoner__in=prisoners_visible_to(self.request.user, VIEW)
        ).select_related("prisoner", "facility")

    def create(self, request, *args, **kwargs):
        body = AdmitSerializer(data=request.data, context={"request": request})
        body.is_valid(raise_exception=True)
        data = body.validated_data
        admission = services.admit_woman(
            by=request.user,
            facility=data["facility"],
            commitment={name: data[name] for name in services.COMMITMENT_FIELDS},
            identity=data.get("identity"),
            returning=data.get("returning"),
            admitted_at=data.get("admitted_at"),
            received_from=data["received_from"],
            interpreter_needed=data["interpreter_needed"],
            injuries_noted=data["injuries_noted"],
        )
        return Response(episode(request, admission), status=status.HTTP_201_CREATED)


@extend_schema(
    tags=["admissions"],
    summary="Find a returning woman on record before admitting her",
    description=(
        "Matches the prison number exactly; or the family name, narrowed by the date of birth "
        "and first given name; or the date of birth with the first given name. At most 20. "
        "The officer confirms; nothing is merged."
    ),
    parameters=[FindReturningSerializer],
    responses={200: ReturningWomanSerializer(many=True), 400: INVALID},
)
class FindReturningWoman(APIView):
    permission_classes = [requires(ADMIT)]

    def get(self, request):
        query = FindReturningSerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        found = services.find_returning_woman(by=request.user, **query.validated_data)
        return Response(ReturningWomanSerializer(found, many=True).data)


@extend_schema(
    tags=["admissions"],
    summary="One admission episode",
    description=(
        "Stage, dates, commitment order, the rights checklist (Rule 2.1), her transfers, "
        "release and whether she signed the inventory of her property (Mandela Rules 7 and "
        "67). `injuries_noted` only for those who admit her; `allocation` and `distances` only "
        "for roles that read allocations (Rule 4)."
    ),
    responses={200: AdmissionDetailSerializer},
    parameters=READ_HEADERS,
)
class AdmissionDetail(VersionedView, APIView):
    permission_classes = [requires(VIEW)]

    def get(self, request, uuid):
        return Response(episode(request, self.read(access_admission(request.user, uuid))))


@extend_schema(
    tags=["admissions"],
    summary="Record a right offered on admission and her answer (Rule 2.1)",
    description=(
        "Offered when, by whom, in which language, and her answer; declining is a complete "
        "answer. A later answer replaces the earlier one; the history keeps both."
    ),
    request=RightsOfferSerializer,
    responses={**VERSION_ANSWERS, 201: RightsOfferResultSerializer, 400: INVALID},
    parameters=VERSION_HEADERS,
)
class RecordRightsOffer(VersionedView, APIView):
    versioned = Admission
    permission_classes = [requires(ADMIT)]

    def post(self, request, uuid):
        admission = access_admission(request.user, uuid, perm=ADMIT)
        body = RightsOfferSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        offer = self.change(
            request,
            admission,
            lambda: services.record_rights_offer(
                by=request.user, admission=admission, **body.validated_data
            ),
        )
        return Response(RightsOfferResultSerializer(offer).data, status=status.HTTP_201_CREATED)


@extend_schema(
    tags=["admissions"],
    summary="Complete the admission: she leaves reception",
    description=(
        "Refused (409) until every right of Rule 2.1 is answered, and while a dependent child "
        "outside has neither an arrangement nor a recorded reason (Rule 2.2)."
    ),
    request=None,
    responses={
        **VERSION_ANSWERS,
        200: AdmissionDetailSerializer,
        400: OpenApiResponse(FIELD_ERRORS, description="The admission is not in reception."),
        409: refused("2.1 or 2.2"),
    },
    parameters=VERSION_HEADERS,
)
class CompleteAdmission(VersionedView, APIView):
    versioned = Admission
    permission_classes = [requires(ADMIT)]

    def post(self, request, uuid):
        admission = access_admission(request.user, uuid, perm=ADMIT)
        admission = self.change(
            request,
            admission,
            lambda: services.complete_admission(by=request.user, admission=admission),
        )
        return Response(episode(request, admission))


@extend_schema(
    tags=["admissions"],
    summary="Decide where she is held (Rule 4)",
    description=(
        "Distances come from her home's coordinates. A placement away from the facility "
        "nearest her home, or against her preference, is refused (409) without a written "
        "`reason`."
    ),
    request=AllocateSerializer,
    responses={**VERSION_ANSWERS, 201: AllocationSerializer, 400: INVALID, 409: refused("4")},
    parameters=VERSION_HEADERS,
)
class Allocate(VersionedView, APIView):
    versioned = Admission
    permission_classes = [requires(DECIDE_ALLOCATION)]

    def post(self, request, uuid):
        admission = access_admission(request.user, uuid, perm=DECIDE_ALLOCATION)
        body = AllocateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        allocation = self.change(
            request,
            admission,
            lambda: services.allocate(by=request.user, admission=admission, **body.validated_data),
        )
        return Response(AllocationSerializer(allocation).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    get=extend_schema(
        tags=["family"],
        summary="Her family, emergency contact and next of kin (Mandela Rule 7(f)(g))",
        responses={200: FamilyMemberSerializer(many=True)},
    ),
    post=extend_schema(
        tags=["family"],
        summary="Record a family member, emergency contact or next of kin",
        request=FamilyMemberSerializer,
        responses={201: FamilyMemberSerializer, 400: INVALID},
    ),
)
class FamilyList(ByMethod, APIView):
    # Not paginated: a woman's family is a short list, read in one query.
    read_perm, write_perm = services.READ_FAMILY, services.FAMILY

    def get(self, request, uuid):
        woman = access_prisoner(request.user, uuid, perm=services.READ_FAMILY)
        section = reading.family_section(viewer=request.user, prisoner=woman)
        return Response(FamilyMemberSerializer(section["family"], many=True).data)

    def post(self, request, uuid):
        woman = access_prisoner(request.user, uuid, perm=services.FAMILY)
        body = FamilyMemberSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        member = services.record_family_member(
            by=request.user, prisoner=woman, **body.validated_data
        )
        return Response(FamilyMemberSerializer(member).data, status=status.HTTP_201_CREATED)


# Her property (Mandela Rules 7(e) and 67)


@extend_schema_view(
    get=extend_schema(
        tags=["admissions"],
        summary="The inventory of her property on this episode (Mandela Rule 7(e))",
        description="Each line, kept in store or by her, and when it was returned to her.",
        responses={200: PropertyItemSerializer(many=True)},
    ),
    post=extend_schema(
        tags=["admissions"],
        summary="Add a line to the inventory of her property (Mandela Rule 7(e))",
        description=(
            "A line added after she signed the inventory needs her signature again (Mandela "
            "Rule 67(1)). Refused (400) once she is released."
        ),
        request=RecordPropertySerializer,
        responses={201: PropertyItemSerializer, 400: INVALID},
    ),
)
class PropertyList(ByMethod, APIView):
    # Not paginated: one episode's inventory is a short list, read in one query.
    read_perm, write_perm = READ_PROPERTY, services.KEEP_PROPERTY

    def get(self, request, uuid):
        admission = access_admission(request.user, uuid, perm=READ_PROPERTY)
        return Response(PropertyItemSerializer(admission.property.all(), many=True).data)

    def post(self, request, uuid):
        admission = access_admission(request.user, uuid, perm=services.KEEP_PROPERTY)
        body = RecordPropertySerializer(data=request.data)
        body.is_valid(raise_exception=True)
        item = services.record_property(by=request.user, admission=admission, **body.validated_data)
        return Response(PropertyItemSerializer(item).data, status=status.HTTP_201_CREATED)


@extend_schema(
    tags=["admissions"],
    summary="Record that she signed the inventory of her property (Mandela Rule 67(1))",
    description="Refused (400) while the inventory is empty, and once she is released.",
    request=None,
    responses={
        **VERSION_ANSWERS,
        200: AdmissionDetailSerializer,
        400: OpenApiResponse(
            FIELD_ERRORS, description="The inventory is empty, or she has been released."
        ),
    },
    parameters=VERSION_HEADERS,
)
class SignPropertyInventory(VersionedView, APIView):
    versioned = Admission
    permission_classes = [requires(services.KEEP_PROPERTY)]

    def post(self, request, uuid):
        admission = access_admission(request.user, uuid, perm=services.KEEP_PROPERTY)
        admission = self.change(
            request,
            admission,
            lambda: services.sign_property_inventory(by=request.user, admission=admission),
        )
        return Response(episode(request, admission))


# Suspension of detention to arrange her children's care (Rule 2.2)


def _suspension_context(viewer) -> dict:
    return {"show_grounds": reading.sees_grounds(viewer)}


@extend_schema_view(
    get=extend_schema(
        tags=["admissions"],
        summary="Her requests for suspension of detention on this episode (Rule 2.2)",
        description=(
            "Latest first, with their outcome. `grounds` only for roles that may know her "
            "children's identities (Rule 3.2)."
        ),
        responses={200: SuspensionRequestSerializer(many=True)},
    ),
    post=extend_schema(
        tags=["admissions"],
        summary="Record her request for a suspension of detention (Rule 2.2)",
        description=(
            "Sent to the competent authority to arrange her children's care. Social workers "
            "are asked to follow it up if it is still undecided after "
            "SUSPENSION_FOLLOW_UP_HOURS. Refused (400) once she is released."
        ),
        request=RequestSuspensionSerializer,
        responses={201: SuspensionRequestSerializer, 400: INVALID},
    ),
)
class SuspensionRequestList(ByMethod, APIView):
    # Not paginated: an episode has few requests, read in one query.
    read_perm, write_perm = services.READ_SUSPENSION, services.REQUEST_SUSPENSION

    def get(self, request, uuid):
        admission = access_admission(request.user, uuid, perm=services.READ_SUSPENSION)
        requests, show_grounds = reading.suspensions_on(request.user, admission)
        context = {"show_grounds": show_grounds}
        return Response(SuspensionRequestSerializer(requests, many=True, context=context).data)

    def post(self, request, uuid):
        admission = access_admission(request.user, uuid, perm=services.REQUEST_SUSPENSION)
        body = RequestSuspensionSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        suspension = services.request_suspension(
            by=request.user, admission=admission, **body.validated_data
        )
        return Response(
            SuspensionRequestSerializer(suspension, context=_suspension_context(request.user)).data,
            status=status.HTTP_201_CREATED,
        )


def access_suspension_request(user, uuid, perm: str) -> SuspensionRequest:
    """One request, found through its admission's access funnel; else 404."""
    suspension = SuspensionRequest.objects.filter(uuid=uuid).select_related("admission").first()
    if suspension is None:
        raise Http404("No such request in your facilities.")
    suspension.admission = access_admission(user, suspension.admission.uuid, perm=perm)
    return suspension


@extend_schema(
    tags=["admissions"],
    summary="Record the decision on her request for suspension of detention (Rule 2.2)",
    description=(
        "Granted or refused by the competent authority, or withdrawn by her. A decision "
        "recorded is final (400 if one already is); a new request is a new record."
    ),
    request=DecideSuspensionSerializer,
    responses={**VERSION_ANSWERS, 200: SuspensionRequestSerializer, 400: INVALID},
    parameters=VERSION_HEADERS,
)
class DecideSuspension(VersionedView, APIView):
    versioned = SuspensionRequest
    permission_classes = [requires(services.DECIDE_SUSPENSION)]

    def post(self, request, uuid):
        suspension = access_suspension_request(request.user, uuid, perm=services.DECIDE_SUSPENSION)
        body = DecideSuspensionSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        admission = suspension.admission
        suspension = self.change(
            request,
            suspension,
            lambda: services.decide_suspension(
                by=request.user, request=suspension, **body.validated_data
            ),
        )
        suspension.admission = admission
        return Response(
            SuspensionRequestSerializer(suspension, context=_suspension_context(request.user)).data
        )


# Transfers and release (Mandela Rule 7(c) and 67; Rule 4)


@extend_schema(
    tags=["admissions"],
    summary="Propose transferring her to another facility on this episode (Rule 4)",
    description=(
        "With a written reason. Every transfer is an allocation decision (Rule 4): away from "
        "the facility nearest her home, or against her preference, refused (409) without a "
        "reason. It is recorded as proposed (`status: proposed`, awaiting a governor's "
        "confirmation) and takes effect only when a governor of her facility confirms it "
        "(`/transfer-proposals/{uuid}/confirm/`): then she moves, with the date and hour of "
        "the confirmation, her open tasks with her. Refused (400) before her admission is "
        "complete, once she is released, to where she is already held, or while another "
        "transfer of hers awaits confirmation."
    ),
    request=TransferInputSerializer,
    responses={
        **VERSION_ANSWERS,
        201: TransferProposalSerializer,
        400: INVALID,
        409: refused("4"),
    },
    parameters=VERSION_HEADERS,
)
class TransferWoman(VersionedView, APIView):
    versioned = Admission
    permission_classes = [requires(services.TRANSFER)]

    def post(self, request, uuid):
        admission = access_admission(request.user, uuid, perm=services.TRANSFER)
        body = TransferInputSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        proposal = self.change(
            request,
            admission,
            lambda: services.propose_transfer(
                by=request.user, admission=admission, **body.validated_data
            ),
        )
        return Response(TransferProposalSerializer(proposal).data, status=status.HTTP_201_CREATED)


# A governor's confirmation or refusal of a proposed transfer (Rule 4)

TRANSFER_AREA = Area(
    tag="admissions",
    access=lambda user, uuid, write=True: access_woman(user, uuid, services.CONFIRM_TRANSFER),
    not_found=OpenApiResponse(
        ERROR,
        description=(
            "No such proposed transfer in your facilities, or your role doesn't confirm "
            "transfers (the same answer either way)."
        ),
    ),
    prefix="api-transfer",
)
TRANSFER_DECISIONS = [
    Operation(
        "confirm",
        "transfer-proposals/<uuid:uuid>/confirm/",
        "Confirm a proposed transfer: she moves now (the governor)",
        services.confirm_transfer,
        TransferProposalSerializer,
        model=TransferProposal,
        arg="record",
        rules=("4",),
        description=(
            "A governor of her facility, never whoever proposed it (409). Rule 4 is checked "
            "again now (409), and that the episode is still open and she is still where it "
            "moves her from (400). 400 once decided, or ended by her release (of two "
            "governors at once, one wins)."
        ),
    ),
    Operation(
        "refuse",
        "transfer-proposals/<uuid:uuid>/refuse/",
        "Refuse a proposed transfer, with a reason: it never happens (the governor)",
        services.refuse_transfer,
        TransferProposalSerializer,
        RefuseInput,
        model=TransferProposal,
        arg="record",
        rules=("4",),
    ),
]
transfer_decision_urls = operation_urls(TRANSFER_DECISIONS, TRANSFER_AREA)


@extend_schema(
    tags=["admissions"],
    summary="Release her: the episode is closed",
    description=(
        "On a date and hour, for a recorded reason; her open tasks are cancelled. Refused "
        "(409) while property kept in store for her is not confirmed returned to her against "
        "her signature (`property_returned`, Mandela Rule 67(2))."
    ),
    request=ReleaseSerializer,
    responses={
        **VERSION_ANSWERS,
        200: AdmissionDetailSerializer,
        400: INVALID,
        409: refused("M67"),
    },
    parameters=VERSION_HEADERS,
)
class ReleaseWoman(VersionedView, APIView):
    versioned = Admission
    permission_classes = [requires(services.CHANGE_ADMISSION)]

    def post(self, request, uuid):
        admission = access_admission(request.user, uuid, perm=services.CHANGE_ADMISSION)
        body = ReleaseSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        admission = self.change(
            request,
            admission,
            lambda: services.release(by=request.user, admission=admission, **body.validated_data),
        )
        return Response(episode(request, admission))
