"""What the restraints API reads and writes (Rule 24; Mandela 43.2, 47-49).

Input serializers check the shape of a request, and that the caller's role holds the verb's
permission (403 before anything else); the services check the Rules, so a refusal under a
Rule reaches the client as a 409 naming it. A method approval's conditions are shown to
health staff only.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from bangkok import late
from bangkok.api_fields import StrictBooleanField, StrictCharField, StrictSlugRelatedField
from staff.models import User

from . import services
from .models import Device, MethodApproval, Place, Purpose, Restraint, RestraintReview


@extend_schema_field(OpenApiTypes.STR)
class StaffName(serializers.Field):
    def to_representation(self, value):
        return value.get_full_name() or value.username


def staff(source=None, *, null=False):
    return StaffName(source=source, read_only=True, allow_null=null)


NOW = _("Date and hour; now if not given.")


def when():
    return serializers.DateTimeField(required=False, default=None, help_text=NOW)


def optional_char(max_length=5000, **kwargs):
    return StrictCharField(
        required=False, allow_blank=True, default="", max_length=max_length, **kwargs
    )


class RestraintReviewSerializer(serializers.ModelSerializer):
    reviewed_by = staff()

    class Meta:
        model = RestraintReview
        fields = ["uuid", "reviewed_at", "reviewed_by", "still_needed", "note"]


class RestraintSerializer(serializers.ModelSerializer):
    woman = serializers.UUIDField(source="prisoner.uuid", read_only=True)
    authorised_by = staff(null=True)
    authority_sought_from = staff(null=True)
    authority_requested_by = staff(null=True)
    authority_refused_by = staff(null=True)
    applied_by = staff()
    removed_by = staff(null=True)
    reviews = RestraintReviewSerializer(many=True, read_only=True)
    approved_method = serializers.SerializerMethodField(
        help_text=_("Whether a method health staff approved covered it.")
    )

    class Meta:
        model = Restraint
        fields = [
            "uuid",
            "version",
            "woman",
            "device",
            "purpose",
            "necessity",
            "place",
            "place_detail",
            "emergency",
            "authority",
            "authority_sought_from",
            "authority_requested_by",
            "authority_requested_at",
            "authority_due_at",
            "authorised_by",
            "authority_refused_by",
            "authority_decided_at",
            "authority_refusal",
            "applied_by",
            "applied_at",
            "removed_by",
            "removed_at",
            "under_health_approval",
            "approved_method",
            "obstetric_alert_at",
            "late_reason",
            "reviews",
        ]

    def get_approved_method(self, restraint) -> bool:
        return restraint.approval_id is not None


class MethodApprovalSerializer(serializers.ModelSerializer):
    woman = serializers.UUIDField(source="prisoner.uuid", read_only=True)
    devices = serializers.ListField(child=serializers.ChoiceField(choices=Device.choices))
    approved_by = staff()

    class Meta:
        model = MethodApproval
        fields = [
            "uuid",
            "woman",
            "devices",
            "conditions",
            "approved_by",
            "approved_at",
            "valid_until",
        ]


class ApprovalInForceSerializer(serializers.Serializer):
    """The method approval in force, as custody see it: that it exists, its devices and term;
    nothing clinical."""

    in_force = serializers.BooleanField()
    devices = serializers.ListField(child=serializers.ChoiceField(choices=Device.choices))
    valid_until = serializers.DateTimeField(allow_null=True)


class Governor(StrictSlugRelatedField):
    """A governor of her facility, by username."""

    def __init__(self, **kwargs):
        super().__init__(slug_field="username", queryset=User.objects.none(), **kwargs)

    def get_queryset(self):
        woman = self.context.get("woman")
        return services.authorisers_of(woman.facility) if woman else User.objects.none()


class RestraintApplyInput(serializers.Serializer):
    device = serializers.ChoiceField(choices=Device.choices)
    purpose = serializers.ChoiceField(choices=Purpose.choices)
    necessity = StrictCharField(
        help_text=_("Why no lesser form of control would do."), max_length=5000
    )
    emergency = StrictBooleanField(
        help_text=_(
            "True: on at once to prevent harm, injury or serious damage (Mandela 47.2), to be "
            "confirmed by the governor or removed within the set time. False: planned, it "
            "comes on when the governor confirms it."
        )
    )
    sought_from = Governor(
        required=False,
        default=None,
        help_text=_("Username of the governor whose authority you ask; any governor if absent."),
    )
    place = serializers.ChoiceField(choices=Place.choices)
    place_detail = optional_char(max_length=200)
    applied_at = when()
    late_reason = late.api_field()


class RestraintReviewInput(serializers.Serializer):
    still_needed = StrictBooleanField(help_text=_("False takes it off now."))
    note = optional_char()
    reviewed_at = when()


class RestraintRemoveInput(serializers.Serializer):
    removed_at = when()


class MethodApprovalInput(serializers.Serializer):
    devices = serializers.ListField(
        child=serializers.ChoiceField(choices=Device.choices), min_length=1, max_length=3
    )
    conditions = optional_char()
    valid_until = serializers.DateTimeField()
