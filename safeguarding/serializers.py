"""What the safeguarding API reads and writes (Rules 8, 25.1, 31; Mandela 1, 5.2). Input
serializers check the shape of a request; the services check the Rules (a refusal is a 409
naming the rule). A record is answered as the caller may read it (`safeguarding.reading`):
what she may not read is absent, not blank."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from bangkok import late
from bangkok.api_fields import StrictBooleanField, StrictCharField, StrictSlugRelatedField
from prisoners.models import Prisoner
from prisoners.withheld import shown

from .models import (
    CareNeed,
    ConcernWay,
    Incident,
    Kind,
    Measure,
    NeedEnd,
    NeedKind,
    Part,
    ReportedBy,
    Triage,
)


def _text(max_length=5000, **kwargs):
    return StrictCharField(
        required=False, allow_blank=True, default="", max_length=max_length, **kwargs
    )


def _maybe(field_class, **kwargs):
    return field_class(required=False, **kwargs)


def _when(**kwargs):
    return serializers.DateTimeField(required=False, allow_null=True, default=None, **kwargs)


class SafeguardingPlanState(serializers.Serializer):
    uuid = serializers.UUIDField()
    due_at = serializers.DateTimeField()
    made_at = serializers.DateTimeField(allow_null=True)
    late = serializers.BooleanField()
    closed_at = serializers.DateTimeField(allow_null=True)


class IncidentInvolvedShown(serializers.Serializer):
    part = serializers.ChoiceField(choices=Part.choices)
    plan = SafeguardingPlanState(allow_null=True)
    woman = _maybe(serializers.UUIDField)
    name = _maybe(serializers.CharField)
    prison_number = _maybe(serializers.CharField)


class IncidentInjuriesShown(serializers.Serializer):
    injuries = serializers.CharField()
    treatment = serializers.CharField()
    recorded_by = serializers.CharField()
    recorded_at = serializers.DateTimeField()


class IncidentBetweenWomenSerializer(serializers.Serializer):
    """An incident: its kind, time, unit and the parts of the women involved for every
    reader; what happened and who was involved for staff of her facility; the injuries for
    health staff alone (Rule 8)."""

    uuid = serializers.UUIDField()
    kind = serializers.ChoiceField(choices=Kind.choices)
    occurred_at = serializers.DateTimeField()
    unit = serializers.CharField()
    injured = serializers.BooleanField()
    reported_by = serializers.ChoiceField(choices=ReportedBy.choices)
    injuries_recorded = serializers.BooleanField()
    involved = IncidentInvolvedShown(many=True)
    full = serializers.BooleanField(help_text=_("Whether what happened and who is shown."))
    place = _maybe(serializers.CharField)
    account = _maybe(serializers.CharField)
    recorded_by = _maybe(serializers.CharField)
    recorded_at = _maybe(serializers.DateTimeField)
    late_reason = _maybe(serializers.CharField)
    injuries = IncidentInjuriesShown(required=False)


class SafeguardingPlanReviewShown(serializers.Serializer):
    held_at = serializers.DateTimeField()
    held_by = serializers.CharField()
    her_views = serializers.CharField()
    notes = serializers.CharField()
    next_review_at = serializers.DateTimeField(allow_null=True)
    closes = serializers.BooleanField()


class SafeguardingPlanSerializer(serializers.Serializer):
    """A victim's support plan or a perpetrator's management: its dates for every reader, its
    measures for staff of her facility, her views and the reviews for those who make plans."""

    uuid = serializers.UUIDField()
    woman = serializers.UUIDField()
    incident = serializers.UUIDField()
    part = serializers.ChoiceField(choices=Part.choices)
    opened_at = serializers.DateTimeField()
    due_at = serializers.DateTimeField()
    made_at = serializers.DateTimeField(allow_null=True)
    late = serializers.BooleanField()
    next_review_at = serializers.DateTimeField(allow_null=True)
    closed_at = serializers.DateTimeField(allow_null=True)
    measures = _maybe(serializers.ListField, child=serializers.ChoiceField(choices=Measure.choices))
    at_her_request = _maybe(serializers.BooleanField)
    support_offered = _maybe(serializers.BooleanField)
    made_by = _maybe(serializers.CharField)
    her_views = _maybe(serializers.CharField)
    notes = _maybe(serializers.CharField)
    reviews = SafeguardingPlanReviewShown(many=True, required=False)


class FamilyConcernSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    woman = serializers.UUIDField()
    way = serializers.ChoiceField(choices=ConcernWay.choices)
    received_at = serializers.DateTimeField()
    triage = serializers.CharField(help_text=_("Empty while it awaits triage."))
    triaged_at = serializers.DateTimeField(allow_null=True)
    incident = serializers.UUIDField(allow_null=True)
    need = serializers.UUIDField(allow_null=True)
    raised_by = _maybe(serializers.CharField)
    concern = _maybe(serializers.CharField)
    received_by = _maybe(serializers.CharField)
    late_reason = _maybe(serializers.CharField)
    reason = _maybe(serializers.CharField)
    family_told = _maybe(serializers.CharField)


class CareNeedReviewShown(serializers.Serializer):
    held_at = serializers.DateTimeField()
    held_by = serializers.CharField()
    in_place = serializers.BooleanField()
    her_views = serializers.CharField()
    notes = serializers.CharField()
    ended = serializers.CharField()


class CareNeedSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    woman = serializers.UUIDField()
    kind = serializers.ChoiceField(choices=NeedKind.choices)
    recorded_at = serializers.DateTimeField()
    next_review_at = serializers.DateTimeField(allow_null=True)
    closed_at = serializers.DateTimeField(allow_null=True)
    ended = serializers.CharField()
    description = _maybe(serializers.CharField)
    adjustments = _maybe(serializers.CharField)
    her_views = _maybe(serializers.CharField)
    recorded_by = _maybe(serializers.CharField)
    reviews = CareNeedReviewShown(many=True, required=False)


# Input ---------------------------------------------------------------------------------------


@extend_schema_field(
    {"type": "string", "maxLength": Prisoner._meta.get_field("prison_number").max_length}
)
class WomanOfHerFacility(StrictSlugRelatedField):
    """Another woman, by prison number, of the facility of the woman the address names."""

    def get_queryset(self):
        woman = self.context.get("woman")
        if woman is None:
            return Prisoner.objects.none()
        return shown(Prisoner.objects.filter(facility_id=woman.facility_id))


class IncidentOtherWoman(serializers.Serializer):
    prisoner = WomanOfHerFacility(slug_field="prison_number", help_text=_("Her prison number."))
    part = serializers.ChoiceField(choices=Part.choices)


class IncidentBetweenWomenInput(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Kind.choices)
    her_part = serializers.ChoiceField(choices=Part.choices)
    occurred_at = serializers.DateTimeField()
    place = StrictCharField(max_length=200)
    account = StrictCharField(max_length=5000)
    injured = StrictBooleanField()
    reported_by = serializers.ChoiceField(choices=ReportedBy.choices)
    others = IncidentOtherWoman(many=True, required=False, default=list)
    late_reason = late.api_field()


class IncidentInjuriesInput(serializers.Serializer):
    injuries = StrictCharField(max_length=5000)
    treatment = StrictCharField(max_length=5000)


def _measures(**kwargs):
    return serializers.ListField(
        child=serializers.ChoiceField(choices=Measure.choices), allow_empty=False, **kwargs
    )


class SafeguardingPlanInput(serializers.Serializer):
    measures = _measures()
    her_views = _text()
    at_her_request = StrictBooleanField(required=False, default=False)
    support_offered = StrictBooleanField(required=False, default=False)
    notes = _text()
    next_review_at = _when(help_text=_("Empty: the latest allowed."))


class SafeguardingPlanChange(serializers.Serializer):
    """A change to a made plan: only the fields given change."""

    measures = _measures(required=False)
    her_views = StrictCharField(required=False, allow_blank=True, max_length=5000)
    at_her_request = StrictBooleanField(required=False)
    notes = StrictCharField(required=False, allow_blank=True, max_length=5000)


class SafeguardingPlanReviewInput(serializers.Serializer):
    notes = StrictCharField(max_length=5000)
    her_views = _text()
    next_review_at = _when()
    close = StrictBooleanField(required=False, default=False)
    held_at = _when(help_text=_("Empty: now."))


class FamilyConcernInput(serializers.Serializer):
    raised_by = StrictCharField(max_length=200)
    way = serializers.ChoiceField(choices=ConcernWay.choices)
    concern = StrictCharField(max_length=5000)
    received_at = _when(help_text=_("Empty: now."))
    late_reason = late.api_field()


@extend_schema_field(OpenApiTypes.UUID)
class HerRecord(StrictSlugRelatedField):
    def __init__(self, model, **kwargs):
        self.model = model
        super().__init__(slug_field="uuid", required=False, allow_null=True, default=None, **kwargs)

    def get_queryset(self):
        woman = self.context.get("woman")
        if woman is None:
            return self.model.objects.none()
        if self.model is Incident:
            return Incident.objects.filter(involved__prisoner=woman).distinct()
        return self.model.objects.filter(prisoner=woman)


class FamilyConcernTriageInput(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=Triage.choices)
    incident = HerRecord(Incident)
    need = HerRecord(CareNeed)
    reason = _text(2000)
    family_told = _text(2000, help_text=_("Never the name of a woman recorded as harming her."))


class CareNeedInput(serializers.Serializer):
    kind = serializers.ChoiceField(choices=NeedKind.choices)
    description = StrictCharField(max_length=5000)
    adjustments = _text(help_text=_("Required: the reasonable adjustments (Mandela 5.2)."))
    her_views = _text()
    next_review_at = _when()


class CareNeedReviewInput(serializers.Serializer):
    in_place = StrictBooleanField()
    notes = StrictCharField(max_length=5000)
    her_views = _text()
    adjustments = _text()
    next_review_at = _when()
    ended = serializers.ChoiceField(
        choices=NeedEnd.choices, required=False, allow_blank=True, default=""
    )
