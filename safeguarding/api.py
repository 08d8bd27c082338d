"""The safeguarding API (Rules 8, 25.1, 31; Mandela 1, 5.2): her incidents, plans, family
concerns and social-care needs, to read, each as the caller may read it
(`safeguarding.reading`); what staff do is declared in `safeguarding.actions`. A woman or
record outside the caller's facilities, or a role that doesn't see safeguarding records, gets
the 404 of one that doesn't exist."""

from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView, RetrieveAPIView

from bangkok.pagination import KeysetPagination

from . import reading
from . import serializers as io
from .models import CareNeed, FamilyConcern, Incident
from .permissions import (
    access_concern,
    access_her_records,
    access_incident,
    access_need,
    access_plan,
)

TAG = "safeguarding"


class HerList(ListAPIView):
    """A list of her records, each shown by `shown(viewer, records)`."""

    pagination_class = KeysetPagination
    model: type = Incident

    def records(self, woman):
        raise NotImplementedError

    def shown(self, viewer, records: list) -> list[dict]:
        raise NotImplementedError

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.model.objects.none()
        return self.records(access_her_records(self.request.user, self.kwargs["uuid"]))

    def get_serializer(self, *args, **kwargs):
        if args and not isinstance(args[0], dict):
            args = (self.shown(self.request.user, list(args[0])), *args[1:])
        return super().get_serializer(*args, **kwargs)


@extend_schema(tags=[TAG], summary="Incidents she was involved in (Rules 25.1, 31)")
class HerIncidents(HerList):
    """Incidents between women she was involved in, newest first: what happened and who else
    was involved only for staff of her facility; the injuries for health staff alone."""

    serializer_class = io.IncidentBetweenWomenSerializer
    keyset_fields = ("occurred_at", "id")

    def records(self, woman):
        return reading.her_incidents(woman)

    def shown(self, viewer, records):
        return reading.read_incidents(viewer, records) if records else []


@extend_schema(tags=[TAG], summary="Concerns her family raised (Rule 25.1; Mandela 1)")
class HerConcerns(HerList):
    """Concerns her family raised about her safety, newest first."""

    serializer_class = io.FamilyConcernSerializer
    keyset_fields = ("received_at", "id")
    model = FamilyConcern

    def records(self, woman):
        return woman.family_concerns.select_related("prisoner", "received_by", "incident", "need")

    def shown(self, viewer, records):
        return [reading.concern_data(viewer, record) for record in records]


@extend_schema(tags=[TAG], summary="Her social-care needs (Mandela 5.2)")
class HerNeeds(HerList):
    """Her social-care needs with their reasonable adjustments, newest first."""

    serializer_class = io.CareNeedSerializer
    keyset_fields = ("recorded_at", "id")
    model = CareNeed

    def records(self, woman):
        return woman.care_needs.select_related("prisoner", "recorded_by").prefetch_related(
            "reviews__held_by"
        )

    def shown(self, viewer, records):
        return [reading.need_data(viewer, record) for record in records]


class Detail(RetrieveAPIView):
    """One record, as the caller may read it: `access` finds it (or 404), `page` reads it."""

    access: staticmethod
    page: staticmethod

    def get_object(self):
        found = self.access(self.request.user, self.kwargs["uuid"])
        return self.page(self.request.user, found)["shown"]


@extend_schema(tags=[TAG], summary="An incident between women (Rules 8, 25.1, 31)")
class IncidentDetail(Detail):
    serializer_class = io.IncidentBetweenWomenSerializer
    access, page = staticmethod(access_incident), staticmethod(reading.incident_page)


@extend_schema(tags=[TAG], summary="A support plan or management (Rule 25.1)")
class PlanDetail(Detail):
    """A victim's support plan or a perpetrator's management, as the caller may read it."""

    serializer_class = io.SafeguardingPlanSerializer
    access, page = staticmethod(access_plan), staticmethod(reading.plan_page)


@extend_schema(tags=[TAG], summary="A concern her family raised (Rule 25.1; Mandela 1)")
class ConcernDetail(Detail):
    serializer_class = io.FamilyConcernSerializer
    access, page = staticmethod(access_concern), staticmethod(reading.concern_page)


@extend_schema(tags=[TAG], summary="A social-care need (Mandela 5.2)")
class NeedDetail(Detail):
    serializer_class = io.CareNeedSerializer
    access, page = staticmethod(access_need), staticmethod(reading.need_page)
