"""The parole API's reads (Rules 45, 59, 63, 64): her leave requests, her parole reviews
and her protective custody, each for the roles that read it; the writes at the same
addresses are declared in `parole.actions`. A woman outside the caller's facilities, or a
role that doesn't read the part, is the 404 of a woman who doesn't exist."""

from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView

from bangkok.pagination import KeysetPagination
from prisoners.permissions import access_woman

from . import reading, services
from . import serializers as io
from .models import HomeTransfer, LeaveRequest, ParoleReview, ProtectiveCustody

TAG = "parole"


class _HerRecords(ListAPIView):
    pagination_class = KeysetPagination
    keyset_fields: tuple[str, ...] = ("-id",)
    filter_backends: list = []
    perm = ""
    model: type = LeaveRequest

    def woman(self):
        return access_woman(self.request.user, self.kwargs["uuid"], self.perm)

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "viewer": self.request.user}

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        reading.disclosed(viewer=self.request.user, records=page or [])
        return page


@extend_schema(tags=[TAG], summary="Her requests for leave, newest first (Rule 45)")
class HerLeave(_HerRecords):
    """Her requests for home leave and temporary release, with their decisions and returns."""

    serializer_class = io.LeaveRequestSerializer
    keyset_fields = ("-starts_at", "-id")
    perm = services.VIEW_LEAVE

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return LeaveRequest.objects.none()
        return reading.her_leave(self.woman()).select_related("prisoner")


@extend_schema(tags=[TAG], summary="Her parole reviews, newest first (Rule 63)")
class HerParoleReviews(_HerRecords):
    """Her parole reviews; `caretaking` only for roles that read children's identities."""

    serializer_class = io.ParoleReviewSerializer
    keyset_fields = ("-eligibility_date", "-id")
    perm = services.VIEW_PAROLE

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ParoleReview.objects.none()
        return reading.her_parole_reviews(self.woman()).select_related("prisoner")


@extend_schema(tags=[TAG], summary="Her protective custody, newest first (Rule 59)")
class HerProtectiveCustody(_HerRecords):
    """Her protective custody, each with her request, its authority and its reviews."""

    serializer_class = io.ProtectiveCustodySerializer
    keyset_fields = ("-started_at", "-id")
    perm = services.VIEW_CUSTODY

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ProtectiveCustody.objects.none()
        return reading.her_protective_custody(self.woman()).select_related("prisoner")


@extend_schema(tags=[TAG], summary="Her transfers home, newest first (Rule 53.1)")
class HerHomeTransfers(_HerRecords):
    """Her transfers to her home country, as considered, decided or withdrawn."""

    serializer_class = io.HomeTransferSerializer
    keyset_fields = ("-recorded_at", "-id")
    perm = services.VIEW_TRANSFER

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return HomeTransfer.objects.none()
        return reading.her_home_transfers(self.woman()).select_related("prisoner")
