"""The regime API's lists (Rule 42; Mandela 23, 44): a facility's activities, her places and
her days out of cell; what staff do is declared in `regime.actions`. A facility or woman
outside the caller's, or a role that doesn't read regimes, gets the 404 of one that doesn't
exist."""

from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView

from bangkok.pagination import KeysetPagination

from . import reading
from . import serializers as io
from .models import Activity, Allocation, TimeOutOfCell
from .permissions import access_facility, access_her

TAG = "regime"


@extend_schema(tags=[TAG], summary="The facility's activities (Rule 42)")
class FacilityActivities(ListAPIView):
    """The activities the facility offers, and those it offered."""

    serializer_class = io.ActivitySerializer
    pagination_class = KeysetPagination
    keyset_fields = ("id",)

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Activity.objects.none()
        facility = access_facility(self.request.user, self.kwargs["uuid"])
        return facility.activities.select_related("facility")


@extend_schema(tags=[TAG], summary="Her places on activities (Rule 42)")
class HerAllocations(ListAPIView):
    """Her places on activities, newest first."""

    serializer_class = io.PlaceSerializer
    pagination_class = KeysetPagination
    keyset_fields = ("-started_on", "-id")

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Allocation.objects.none()
        woman = access_her(self.request.user, self.kwargs["uuid"])
        return reading.her_allocations(woman).select_related("prisoner")


@extend_schema(tags=[TAG], summary="Her time out of cell, day by day (Mandela 23, 44)")
class HerTimeOut(ListAPIView):
    """Her days out of cell, newest first."""

    serializer_class = io.TimeOutSerializer
    pagination_class = KeysetPagination
    keyset_fields = ("-day", "-id")

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return TimeOutOfCell.objects.none()
        woman = access_her(self.request.user, self.kwargs["uuid"])
        return reading.her_days(woman).select_related("prisoner")
