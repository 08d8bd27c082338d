from django.conf import settings
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from bangkok.api_fields import StrictBooleanField, StrictCharField

from .models import CopyKind, Handed, HealthContinuity, PartStatus, PlanPart, RecordsCopy


class ReleaseDateInput(serializers.Serializer):
    earliest_release_on = serializers.DateField()
    source = StrictCharField(max_length=300, required=False, allow_blank=True, default="")


class PartInput(serializers.Serializer):
    status = serializers.ChoiceField(choices=PartStatus.choices)
    notes = StrictCharField(max_length=4000, required=False, allow_blank=True, default="")
    services = StrictCharField(max_length=500, required=False, allow_blank=True, default="")


class HealthInput(serializers.Serializer):
    medication = StrictCharField(max_length=2000, required=False, allow_blank=True, default="")
    hiv_treatment = StrictCharField(max_length=2000, required=False, allow_blank=True, default="")
    substitution_treatment = StrictCharField(
        max_length=2000, required=False, allow_blank=True, default=""
    )
    screening_recalls = StrictCharField(
        max_length=2000, required=False, allow_blank=True, default=""
    )
    community_provider = StrictCharField(
        max_length=300, required=False, allow_blank=True, default=""
    )
    handed_over_on = serializers.DateField(required=False, allow_null=True, default=None)
    complete = StrictBooleanField(required=False, default=False)


class HealthReasonInput(serializers.Serializer):
    reason = StrictCharField(max_length=1000)


class HandOverInput(serializers.Serializer):
    kind = serializers.ChoiceField(choices=CopyKind.choices, default=CopyKind.GENERAL)
    outcome = serializers.ChoiceField(choices=Handed.choices)
    language = serializers.ChoiceField(choices=settings.LANGUAGES)
    note = StrictCharField(max_length=500, required=False, allow_blank=True, default="")


class PartSerializer(serializers.Serializer):
    uuid = serializers.UUIDField(source="part.uuid")
    part = serializers.CharField(source="part.part")
    rule = serializers.CharField()
    status = serializers.CharField()
    notes = serializers.CharField(
        required=False, help_text=_("Absent for a role that may not read it.")
    )
    services = serializers.CharField(required=False)


class PlanPartSerializer(serializers.ModelSerializer):
    class Meta:
        model = PlanPart
        fields = ["uuid", "part", "status", "notes", "services", "updated_at"]
        read_only_fields = fields


class HealthSerializer(serializers.ModelSerializer):
    class Meta:
        model = HealthContinuity
        fields = [
            "uuid",
            "medication",
            "hiv_treatment",
            "substitution_treatment",
            "screening_recalls",
            "community_provider",
            "handed_over_on",
            "complete",
            "recorded_at",
        ]
        read_only_fields = fields


class CopySerializer(serializers.ModelSerializer):
    handed_by = serializers.CharField(source="handed_by.username", read_only=True)

    class Meta:
        model = RecordsCopy
        fields = ["uuid", "kind", "language", "outcome", "note", "handed_at", "handed_by"]
        read_only_fields = fields


class PlanSerializer(serializers.Serializer):
    """Her release as the caller may read it: `health` only for health staff (Rule 8), every
    other role reads `health_complete`; a section's notes only where the caller may read them."""

    admission = serializers.UUIDField()
    uuid = serializers.UUIDField(allow_null=True)
    earliest_release_on = serializers.DateField(allow_null=True)
    started_at = serializers.DateTimeField(allow_null=True)
    plan_complete = serializers.BooleanField()
    health_complete = serializers.BooleanField()
    health_reason = serializers.CharField(
        help_text=_("Why she leaves with health continuity incomplete, if recorded (Rule 46).")
    )
    copy_ready = serializers.BooleanField(
        help_text=_("Her copy of her records handed over or refused (Mandela 9).")
    )
    parts = PartSerializer(many=True)
    health = HealthSerializer(
        required=False,
        help_text=_("Present for health staff only (null until recorded); absent for others."),
    )
    copies = CopySerializer(many=True)


def plan_answer(shown: dict) -> dict:
    """`reading.plan_page` as the API answers it."""
    plan, checks = shown["plan"], shown["checks"]
    answer = {
        "admission": shown["admission"].uuid,
        "uuid": plan.uuid if plan else None,
        "earliest_release_on": plan.earliest_release_on if plan else None,
        "started_at": plan.started_at if plan else None,
        "plan_complete": shown["plan_complete"],
        "health_complete": checks["health_complete"],
        "health_reason": checks["health_reason"],
        "copy_ready": checks["copy_ready"],
        "parts": shown["parts"],
        "copies": list(shown["copies"].values()),
    }
    if shown["reads_health"]:
        answer["health"] = shown["health"]
    return PlanSerializer(answer).data
