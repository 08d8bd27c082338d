"""What the use-of-force API reads and writes (Rules 8, 24, 31; Mandela 82).

Input serializers check the shape of a request; the services check the Rules, so a refusal
under a Rule reaches the client as a 409 naming it. A use of force is answered as the caller
may read it (`force.reading`): the health check's findings only to a reader of her clinical
file, the governor's review whole only to the governor and the inspector.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from bangkok import late
from bangkok.api_fields import StrictBooleanField, StrictCharField, StrictSlugRelatedField
from restraints.models import Restraint
from staff.models import User

from . import reading, services
from .models import ForceHealthCheck, ForceReview, Injury, Outcome, Reason, Technique, UseOfForce


@extend_schema_field(OpenApiTypes.STR)
class StaffName(serializers.Field):
    def to_representation(self, value):
        return value.get_full_name() or value.username


def _text(max_length=5000, **kwargs):
    return StrictCharField(
        required=False, allow_blank=True, default="", max_length=max_length, **kwargs
    )


class HealthCheckShown(serializers.Serializer):
    seen_at = serializers.DateTimeField()
    late_reason = serializers.CharField(help_text=_("Why it was recorded late; empty if not."))
    clinical = serializers.BooleanField(
        help_text=_("Whether the findings are shown: only to readers of her clinical file.")
    )
    seen_by = StaffName(required=False)
    examined = serializers.BooleanField(required=False)
    findings = serializers.CharField(required=False)
    treatment = serializers.CharField(required=False)


class ReviewShown(serializers.Serializer):
    reviewed_at = serializers.DateTimeField()
    full = serializers.BooleanField(
        help_text=_("Whether the outcome is shown: to the governor and the inspector.")
    )
    reviewed_by = StaffName(required=False)
    outcome = serializers.ChoiceField(choices=Outcome.choices, required=False)
    findings = serializers.CharField(required=False)
    lessons = serializers.CharField(required=False)
    referred_to = serializers.CharField(required=False)


class UseOfForceSerializer(serializers.ModelSerializer):
    woman = serializers.UUIDField(source="prisoner.uuid", read_only=True)
    staff_involved = serializers.SerializerMethodField()
    recorded_by = StaffName(read_only=True)
    restraint = serializers.UUIDField(source="restraint.uuid", read_only=True, allow_null=True)
    protected = serializers.BooleanField(
        read_only=True,
        help_text=_(
            "She was under a protection a pregnancy or a birth sets (never said which) at the "
            "time or as recorded since."
        ),
    )
    health_check = serializers.SerializerMethodField()
    review = serializers.SerializerMethodField()

    class Meta:
        model = UseOfForce
        fields = [
            "uuid",
            "woman",
            "techniques",
            "reason",
            "account",
            "deescalation",
            "no_deescalation_reason",
            "planned",
            "started_at",
            "duration_minutes",
            "staff_involved",
            "injury_to_her",
            "injury_to_staff",
            "camera_reference",
            "no_footage_reason",
            "location",
            "restraint",
            "recorded_by",
            "recorded_at",
            "late_reason",
            "protected",
            "in_protected_period",
            "protected_period_alert_at",
            "health_check_due_at",
            "review_due_at",
            "health_check",
            "review",
        ]

    def _viewer(self):
        return self.context["request"].user

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_staff_involved(self, force) -> list[str]:
        return [user.get_full_name() or user.username for user in force.staff_involved.all()]

    @extend_schema_field(HealthCheckShown(allow_null=True))
    def get_health_check(self, force):
        clinical = self.context.get("clinical")  # said once for a list, which audits once
        shown = reading.health_check_shown(
            self._viewer(), force, clinical=clinical, audited=clinical is None
        )
        return None if shown is None else HealthCheckShown(shown).data

    @extend_schema_field(ReviewShown(allow_null=True))
    def get_review(self, force):
        shown = reading.review_shown(self._viewer(), force)
        return None if shown is None else ReviewShown(shown).data


class HealthCheckSerializer(serializers.ModelSerializer):
    force = serializers.UUIDField(source="force.uuid", read_only=True)
    seen_by = StaffName(read_only=True)

    class Meta:
        model = ForceHealthCheck
        fields = [
            "uuid",
            "force",
            "seen_at",
            "seen_by",
            "examined",
            "findings",
            "treatment",
            "late_reason",
        ]


class ReviewSerializer(serializers.ModelSerializer):
    force = serializers.UUIDField(source="force.uuid", read_only=True)
    reviewed_by = StaffName(read_only=True)

    class Meta:
        model = ForceReview
        fields = [
            "uuid",
            "force",
            "reviewed_at",
            "reviewed_by",
            "outcome",
            "findings",
            "lessons",
            "referred_to",
        ]


class StaffMember(StrictSlugRelatedField):
    """A member of staff of her facility, by username."""

    def __init__(self, **kwargs):
        super().__init__(slug_field="username", queryset=User.objects.none(), **kwargs)

    def get_queryset(self):
        woman = self.context.get("woman")
        return services.staff_who_may_be_named(woman) if woman else User.objects.none()


class HerRestraint(StrictSlugRelatedField):
    """One of her restraints, by uuid."""

    def __init__(self, **kwargs):
        super().__init__(slug_field="uuid", queryset=Restraint.objects.none(), **kwargs)

    def get_queryset(self):
        woman = self.context.get("woman")
        return woman.restraints.all() if woman else Restraint.objects.none()


class RecordInput(serializers.Serializer):
    techniques = serializers.ListField(
        child=serializers.ChoiceField(choices=Technique.choices), min_length=1, max_length=6
    )
    reason = serializers.ChoiceField(choices=Reason.choices)
    account = StrictCharField(max_length=5000)
    deescalation = _text(help_text=_("What was tried before force; or give the next field."))
    no_deescalation_reason = _text(help_text=_("Why nothing could be tried first."))
    planned = StrictBooleanField(required=False, default=False)
    started_at = serializers.DateTimeField()
    duration_minutes = serializers.IntegerField(min_value=1, max_value=24 * 60)
    staff_involved = serializers.ListField(
        child=StaffMember(), min_length=1, max_length=20, help_text=_("Usernames.")
    )
    injury_to_her = serializers.ChoiceField(choices=Injury.choices)
    injury_to_staff = serializers.ChoiceField(choices=Injury.choices)
    camera_reference = _text(max_length=100)
    no_footage_reason = _text(max_length=300)
    location = StrictCharField(max_length=200)
    restraint = HerRestraint(
        required=False,
        default=None,
        allow_null=True,
        help_text=_("The uuid of her restraint, when an instrument was used."),
    )
    late_reason = late.api_field()


class HealthCheckInput(serializers.Serializer):
    examined = StrictBooleanField(help_text=_("False: she declined an examination."))
    findings = _text()
    treatment = _text()
    seen_at = serializers.DateTimeField(required=False, default=None)
    late_reason = late.api_field()


class ReviewInput(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=Outcome.choices)
    findings = StrictCharField(max_length=5000)
    lessons = _text()
    referred_to = _text(max_length=200)
