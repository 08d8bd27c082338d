"""What the discipline API reads and writes (Rules 22, 23; Mandela 36-46).

Input serializers check the shape only: the services check the role and the Rules, so a
refusal under a Rule reaches the client as a 409 naming it. A sanction's type, a privilege and
a means of contact are taken as strings so that a sanction on family contact, or a restriction
of all contact, is refused under Rule 23 rather than passed off as a typing mistake.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from bangkok import late
from bangkok.api_fields import StrictBooleanField, StrictCharField
from staff.models import User

from .models import (
    Charge,
    ContactRestriction,
    Hearing,
    MentalHealth,
    ReviewOutcome,
    Sanction,
    SanctionReview,
    Segregation,
    SegregationExtension,
    SegregationKind,
    SegregationVisit,
)


class Username(serializers.SlugRelatedField):
    def __init__(self, **kwargs):
        super().__init__(slug_field="username", read_only=True, **kwargs)


# Output


class ChargeHearingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Hearing
        fields = [
            "uuid",
            "held_at",
            "informed_promptly",
            "interpreter",
            "legal_assistance",
            "time_to_prepare",
            "safeguards_note",
            "evidence",
            "mental_health",
            "proved",
            "reasons",
        ]


class SanctionReviewSerializer(serializers.ModelSerializer):
    reviewed_by = Username()

    class Meta:
        model = SanctionReview
        fields = ["uuid", "reviewed_at", "reviewed_by", "outcome", "reasons"]


class SanctionSerializer(serializers.ModelSerializer):
    charge = serializers.UUIDField(source="charge.uuid", read_only=True)
    authorised_by = Username()
    authority_refused_by = Username()
    reviews = SanctionReviewSerializer(many=True, read_only=True)

    class Meta:
        model = Sanction
        fields = [
            "uuid",
            "version",
            "charge",
            "type",
            "privilege",
            "starts_on",
            "ends_on",
            "status",
            "imposed_at",
            "authority",
            "authorised_by",
            "authority_refused_by",
            "authority_decided_at",
            "authority_refusal",
            "reviews",
        ]


class ChargeSerializer(serializers.ModelSerializer):
    laid_by = Username()
    hearing = serializers.SerializerMethodField()
    sanctions = SanctionSerializer(many=True, read_only=True)

    class Meta:
        model = Charge
        fields = [
            "uuid",
            "version",
            "offence",
            "occurred_at",
            "informed_at",
            "late_reason",
            "language",
            "interpreter",
            "laid_by",
            "laid_at",
            "status",
            "hearing",
            "sanctions",
        ]

    def get_hearing(self, charge) -> ChargeHearingSerializer(allow_null=True):
        hearing = getattr(charge, "hearing", None) if charge.status != "laid" else None
        return ChargeHearingSerializer(hearing).data if hearing else None


class SegregationVisitSerializer(serializers.ModelSerializer):
    seen_by = Username()

    class Meta:
        model = SegregationVisit
        fields = ["uuid", "seen_at", "seen_by", "fit_to_remain"]


class SegregationSerializer(serializers.ModelSerializer):
    authorised_by = Username()
    authority_sought_from = Username()
    authority_requested_by = Username()
    authority_refused_by = Username()
    sanction = serializers.UUIDField(source="sanction.uuid", read_only=True, allow_null=True)
    visits = SegregationVisitSerializer(many=True, read_only=True)
    day = serializers.SerializerMethodField()

    class Meta:
        model = Segregation
        fields = [
            "uuid",
            "version",
            "kind",
            "sanction",
            "reason",
            "began_at",
            "late_reason",
            "authority",
            "authority_sought_from",
            "authority_requested_by",
            "authority_requested_at",
            "authorised_by",
            "authority_refused_by",
            "authority_decided_at",
            "authority_refusal",
            "started_at",
            "run_start",
            "planned_end",
            "ended_at",
            "end_reason",
            "day",
            "visits",
        ]

    def get_day(self, segregation) -> int | None:
        """Her day in the consecutive run, while it goes on."""
        return segregation.day_number() if segregation.is_open else None


class SegregationExtensionSerializer(serializers.ModelSerializer):
    segregation = serializers.UUIDField(source="segregation.uuid", read_only=True)
    asked_by = Username()
    authorised_by = Username()
    authority_refused_by = Username()

    class Meta:
        model = SegregationExtension
        fields = [
            "uuid",
            "segregation",
            "previous_end",
            "planned_end",
            "reason",
            "asked_by",
            "asked_at",
            "authority",
            "authorised_by",
            "authority_refused_by",
            "authority_decided_at",
            "authority_refusal",
        ]


class ContactRestrictionSerializer(serializers.ModelSerializer):
    authorised_by = Username()
    authority_refused_by = Username()

    class Meta:
        model = ContactRestriction
        fields = [
            "uuid",
            "version",
            "means",
            "person_name",
            "relationship",
            "covers_children",
            "reason",
            "starts_on",
            "ends_on",
            "authority",
            "authorised_by",
            "authority_refused_by",
            "authority_decided_at",
            "authority_refusal",
        ]


class DisciplineSerializer(serializers.Serializer):
    """Her discipline record; a part the caller's role may not read is absent."""

    woman = serializers.UUIDField()
    charges = ChargeSerializer(many=True, required=False)
    segregations = SegregationSerializer(many=True, required=False)
    contact_restrictions = ContactRestrictionSerializer(many=True, required=False)


# Input


class ChargeInput(serializers.Serializer):
    offence = StrictCharField(max_length=500)
    language = StrictCharField(max_length=50)
    interpreter = StrictBooleanField(required=False, default=False)
    occurred_at = serializers.DateTimeField(required=False)
    informed_at = serializers.DateTimeField(required=False)
    late_reason = late.api_field()


class ChargeDecisionInput(serializers.Serializer):
    proved = StrictBooleanField()
    reasons = StrictCharField(max_length=10000)
    evidence = StrictCharField(max_length=10000)
    mental_health = StrictCharField(
        required=False,
        allow_blank=True,
        default="",
        help_text=_("One of %(choices)s; without it the decision is refused (Mandela 39.3).")
        % {"choices": ", ".join(MentalHealth.values)},
        max_length=40,
    )
    informed_promptly = StrictBooleanField(required=False, default=False)
    interpreter = StrictBooleanField(required=False, default=False)
    legal_assistance = StrictBooleanField(required=False, default=False)
    time_to_prepare = StrictBooleanField(required=False, default=False)
    safeguards_note = StrictCharField(required=False, allow_blank=True, default="", max_length=5000)
    held_at = serializers.DateTimeField(required=False)


class ImposeSanctionInput(serializers.Serializer):
    type = StrictCharField(max_length=40)
    privilege = StrictCharField(required=False, allow_blank=True, default="", max_length=40)
    starts_on = serializers.DateField(required=False)
    ends_on = serializers.DateField()


class SanctionReviewInput(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=ReviewOutcome.choices)
    reasons = StrictCharField(max_length=10000)
    ends_on = serializers.DateField(required=False)


class SegregateInput(serializers.Serializer):
    kind = serializers.ChoiceField(choices=SegregationKind.choices)
    reason = StrictCharField(max_length=5000)
    planned_end = serializers.DateField()
    began_at = serializers.DateTimeField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_(
            "When it began, if before now (its 15 days count from that day); absent, it "
            "starts when a governor confirms it."
        ),
    )
    late_reason = late.api_field()
    sought_from = StrictCharField(
        required=False,
        help_text=_(
            "Custody: the username of the governor whose authority you ask; any governor of "
            "her facility if absent. It starts when she confirms."
        ),
        max_length=150,
    )

    def validate_sought_from(self, value):
        user = User.objects.filter(username=value).first()
        if user is None:
            raise serializers.ValidationError(_("No such member of staff."))
        return user


class SegregationExtendInput(serializers.Serializer):
    planned_end = serializers.DateField()
    reason = StrictCharField(required=False, allow_blank=True, default="", max_length=5000)


class SegregationEndInput(serializers.Serializer):
    reason = StrictCharField(max_length=300)


class SegregationVisitInput(serializers.Serializer):
    fit_to_remain = StrictBooleanField()
    seen_at = serializers.DateTimeField(required=False)


class ContactRestrictionInput(serializers.Serializer):
    means = StrictCharField(max_length=40)
    person = serializers.UUIDField(
        help_text=_("A person on her visitor list or in her family record (their uuid).")
    )
    reason = StrictCharField(max_length=5000)
    starts_on = serializers.DateField(required=False)
    ends_on = serializers.DateField()
