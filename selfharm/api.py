"""The self-harm API (Rules 8, 12, 16, 35): her cases and incidents, to read, each as the caller
may read it (`selfharm.reading`); what staff do is declared in `selfharm.actions`. A woman
outside the caller's facilities, or a role that doesn't see self-harm cases, gets the 404 of a
woman who doesn't exist."""

from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView, RetrieveAPIView

from bangkok.pagination import KeysetPagination

from . import reading
from . import serializers as io
from .models import Case, SelfHarmIncident
from .permissions import access_case, access_her_cases, access_incident

TAG = "selfharm"


@extend_schema(tags=[TAG], summary="Her self-harm cases (Rules 12, 16)")
class HerCases(ListAPIView):
    """Her self-harm cases, newest first: dates and timeliness for every reader, the texts
    only for the teams who work with her."""

    serializer_class = io.CaseSerializer
    pagination_class = KeysetPagination
    keyset_fields = ("opened_at", "id")

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Case.objects.none()
        woman = access_her_cases(self.request.user, self.kwargs["uuid"])
        return reading.her_cases(woman)

    def get_serializer(self, *args, **kwargs):
        if args and not isinstance(args[0], dict):
            shown = [reading.case_data(self.request.user, case) for case in args[0]]
            args = (shown, *args[1:])
        return super().get_serializer(*args, **kwargs)


@extend_schema(tags=[TAG], summary="Her self-harm incidents (Rules 8, 16)")
class HerIncidents(ListAPIView):
    """Her self-harm incidents, newest first; the clinical part only for readers of her
    clinical file (Rule 8), that read audited."""

    serializer_class = io.IncidentSerializer
    pagination_class = KeysetPagination
    keyset_fields = ("occurred_at", "id")

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return SelfHarmIncident.objects.none()
        self.woman = access_her_cases(self.request.user, self.kwargs["uuid"])
        return reading.her_incidents(self.woman)

    def get_serializer(self, *args, **kwargs):
        if args and not isinstance(args[0], dict):
            shown = reading.incidents_data(self.request.user, self.woman, list(args[0]))
            args = (shown, *args[1:])
        return super().get_serializer(*args, **kwargs)


@extend_schema(tags=[TAG], summary="A self-harm case (Rules 12, 16)")
class CaseDetail(RetrieveAPIView):
    serializer_class = io.CaseSerializer

    def get_object(self):
        case = access_case(self.request.user, self.kwargs["uuid"])
        return reading.case_data(
            self.request.user, reading.her_cases(case.prisoner).get(pk=case.pk)
        )


@extend_schema(tags=[TAG], summary="A self-harm incident (Rules 8, 16)")
class IncidentDetail(RetrieveAPIView):
    serializer_class = io.IncidentSerializer

    def get_object(self):
        incident = access_incident(self.request.user, self.kwargs["uuid"])
        return reading.incident_page(self.request.user, incident)["shown"]
