"""The admission API's reads (Mandela Rules 7 and 67; Bangkok Rules 2.1, 2.2 and 4): the
episodes, one episode, her family, her property and her requests for suspension, each through
the access funnel and `admissions.reading`. What staff do with them is declared in
`admissions.actions`.
"""

import django_filters
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.response import Response
from rest_framework.views import APIView

from bangkok.api_permissions import requires
from bangkok.pagination import KeysetPagination
from bangkok.schema import FIELD_ERRORS
from bangkok.versions import READ_HEADERS, VersionedView
from prisoners.permissions import access_prisoner, prisoners_visible_to

from . import reading, services
from .models import Admission, Stage
from .permissions import ADMIT, VIEW, access_admission
from .serializers import (
    AdmissionDetailSerializer,
    AdmissionSerializer,
    FamilyMemberSerializer,
    FindReturningSerializer,
    PropertyItemSerializer,
    ReturningWomanSerializer,
    SuspensionRequestSerializer,
)

DECIDE_ALLOCATION = "admissions.decide_allocation"
READ_PROPERTY = "admissions.view_propertyitem"
# Oldest first: the women waiting longest in reception come first.
ADMISSION_ORDER = ("admitted_at", "id")

INVALID = OpenApiResponse(FIELD_ERRORS, description="Invalid input, naming the field.")


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
)
class AdmissionList(ByMethod, generics.ListAPIView):
    """Admissions of women in your facilities; admitting one at the same address is an action
    (`admissions.actions`)."""

    read_perm, write_perm = VIEW, ADMIT
    serializer_class = AdmissionSerializer
    filterset_class = AdmissionFilter
    pagination_class = KeysetPagination
    keyset_fields = ADMISSION_ORDER

    def get_queryset(self):
        return Admission.objects.filter(
            prisoner__in=prisoners_visible_to(self.request.user, VIEW)
        ).select_related("prisoner", "facility")


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


@extend_schema_view(
    get=extend_schema(
        tags=["family"],
        summary="Her family, emergency contact and next of kin (Mandela Rule 7(f)(g))",
        responses={200: FamilyMemberSerializer(many=True)},
    ),
)
class FamilyList(ByMethod, APIView):
    """Her family, emergency contact and next of kin (Mandela Rule 7(f)(g)): read here, and
    recorded at the same address by an action (`admissions.actions`)."""

    # Not paginated: a woman's family is a short list, read in one query.
    read_perm, write_perm = services.READ_FAMILY, services.FAMILY

    def get(self, request, uuid):
        woman = access_prisoner(request.user, uuid, perm=services.READ_FAMILY)
        section = reading.family_section(viewer=request.user, prisoner=woman)
        return Response(FamilyMemberSerializer(section["family"], many=True).data)


# Her property (Mandela Rules 7(e) and 67)


@extend_schema_view(
    get=extend_schema(
        tags=["admissions"],
        summary="The inventory of her property on this episode (Mandela Rule 7(e))",
        description="Each line, kept in store or by her, and when it was returned to her.",
        responses={200: PropertyItemSerializer(many=True)},
    ),
)
class PropertyList(ByMethod, APIView):
    # Not paginated: one episode's inventory is a short list, read in one query.
    read_perm, write_perm = READ_PROPERTY, services.KEEP_PROPERTY

    def get(self, request, uuid):
        admission = access_admission(request.user, uuid, perm=READ_PROPERTY)
        return Response(PropertyItemSerializer(admission.property.all(), many=True).data)


# Suspension of detention to arrange her children's care (Rule 2.2)


def suspension_context(viewer) -> dict:
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
)
class SuspensionRequestList(ByMethod, APIView):
    # Not paginated: an episode has few requests, read in one query.
    read_perm, write_perm = services.READ_SUSPENSION, services.REQUEST_SUSPENSION

    def get(self, request, uuid):
        admission = access_admission(request.user, uuid, perm=services.READ_SUSPENSION)
        requests, show_grounds = reading.suspensions_on(request.user, admission)
        context = {"show_grounds": show_grounds}
        return Response(SuspensionRequestSerializer(requests, many=True, context=context).data)
