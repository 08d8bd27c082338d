"""The pretrial API's reads: her court dates, her lawyers, her pretrial-safety screens, and the
court dates to come in the caller's facilities. The writes are actions (`pretrial.actions`)."""

from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView, RetrieveAPIView

from bangkok.api_permissions import requires
from bangkok.pagination import KeysetPagination

from . import reading
from .models import Hearing, LegalAdviser, SafetyScreen
from .permissions import VIEW, access_hearing, access_her
from .serializers import (
    AdviserSerializer,
    HearingListSerializer,
    HearingSerializer,
    ScreenSerializer,
)

TAG = "pretrial"


def answer(serializer):
    """An action's answer as the caller may read it (her lawyer's contact details, the
    caretaking summary, what the screen found: absent for a role without the right)."""
    return lambda request, result: serializer(result, context={"request": request}).data


@extend_schema(tags=[TAG], summary="Her court dates, newest first (Rules 57, 58, 65)")
class HerHearings(ListAPIView):
    serializer_class = HearingSerializer
    pagination_class = KeysetPagination
    keyset_fields = ("-at", "-id")

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Hearing.objects.none()
        woman = access_her(self.request.user, self.kwargs["uuid"])
        return reading.her_hearings(woman)

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        if page:
            reading.disclosed(self.request.user, page, reading.reads_caretaking(self.request.user))
        return page


@extend_schema(tags=[TAG], summary="One court date, with the caretaking information sent")
class OneHearing(RetrieveAPIView):
    serializer_class = HearingSerializer
    lookup_field = "uuid"

    def get_object(self):
        hearing = access_hearing(self.request.user, self.kwargs["uuid"])
        reading.hearing_read(viewer=self.request.user, hearing=hearing)
        return hearing


@extend_schema(
    tags=[TAG],
    summary="Her lawyers (contact details for reception, custody, social workers, governor)",
)
class HerAdvisers(ListAPIView):
    serializer_class = AdviserSerializer
    pagination_class = None

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return LegalAdviser.objects.none()
        woman = access_her(self.request.user, self.kwargs["uuid"])
        advisers, _contact = reading.her_advisers(viewer=self.request.user, woman=woman)
        return advisers


@extend_schema(tags=[TAG], summary="Her pretrial-safety screens (Rule 56)")
class HerScreens(ListAPIView):
    serializer_class = ScreenSerializer
    pagination_class = None

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return SafetyScreen.objects.none()
        woman = access_her(self.request.user, self.kwargs["uuid"])
        screens, _whole = reading.her_screens(viewer=self.request.user, woman=woman)
        return screens


@extend_schema(
    tags=[TAG],
    summary="Court dates awaiting their result in your facilities, soonest first",
    description="With whether her caretaking information was sent (Rule 58).",
)
class Hearings(ListAPIView):
    serializer_class = HearingListSerializer
    pagination_class = KeysetPagination
    keyset_fields = reading.HEARING_ORDER
    permission_classes = [requires(VIEW)]

    def get_queryset(self):
        return reading.hearings_of(self.request.user)
