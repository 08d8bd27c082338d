from rest_framework import serializers

from bangkok.api_fields import StrictCharField

from .models import Event, GuardianNotice, How, LegalBasis, MatchDecision, Opening, SealedRecord


class GuardianNoticeSerializer(serializers.ModelSerializer):
    prisoner = serializers.UUIDField(source="prisoner.uuid", read_only=True)

    class Meta:
        model = GuardianNotice
        fields = [
            "uuid",
            "prisoner",
            "event",
            "reached",
            "guardian",
            "relationship",
            "how",
            "told_at",
            "note",
            "recorded_at",
        ]
        read_only_fields = fields


class GuardianNoticeInput(serializers.Serializer):
    event = serializers.ChoiceField(choices=Event.choices)
    reached = serializers.BooleanField()
    guardian = StrictCharField(max_length=200)
    relationship = StrictCharField(max_length=100)
    how = serializers.ChoiceField(choices=How.choices)
    told_at = serializers.DateTimeField()
    note = StrictCharField(max_length=2000, required=False, allow_blank=True, default="")


class GirlSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    prison_number = serializers.CharField()
    given_names = serializers.CharField()
    family_name = serializers.CharField()
    date_of_birth = serializers.DateField()
    facility = serializers.CharField(source="facility.code")
    unit = serializers.CharField(source="unit.code", allow_null=True, default=None)
    came_at = serializers.DateTimeField(
        allow_null=True, help_text="Her admission, or her last transfer in since."
    )
    guardian_told = serializers.BooleanField(
        help_text="Her parent or guardian was told (reached) since she came (Rule 36)."
    )
    in_education = serializers.BooleanField(help_text="She has a place in education (Rule 37).")


class SealInput(serializers.Serializer):
    reason = StrictCharField(max_length=2000)


class SealedRecordSerializer(serializers.ModelSerializer):
    """A sealed record as its list shows it: never the woman's identity."""

    facility = serializers.CharField(source="facility.code", read_only=True)
    open_until = serializers.SerializerMethodField(
        help_text="Until when it is open to you, if you opened it."
    )

    class Meta:
        model = SealedRecord
        fields = ["uuid", "facility", "released_at", "sealed_at", "sealed_by", "open_until"]
        read_only_fields = fields

    def get_open_until(self, sealed) -> str | None:
        openings = getattr(sealed, "open_to_viewer", None) or []
        return max(o.until for o in openings).isoformat() if openings else None


class OpenSealedInput(serializers.Serializer):
    basis = serializers.ChoiceField(choices=LegalBasis.choices)
    reference = StrictCharField(max_length=200)
    reason = StrictCharField(max_length=2000)


class OpeningSerializer(serializers.ModelSerializer):
    sealed = serializers.UUIDField(source="sealed.uuid", read_only=True)

    class Meta:
        model = Opening
        fields = ["uuid", "sealed", "basis", "reference", "reason", "opened_at", "until"]
        read_only_fields = fields


class EpisodeSerializer(serializers.Serializer):
    facility = serializers.CharField(source="facility.code")
    admitted_at = serializers.DateTimeField()
    released_at = serializers.DateTimeField(allow_null=True)
    release_reason = serializers.CharField()


class OpenedRecordSerializer(serializers.Serializer):
    """A sealed record opened to the governor who reads it (each read audited)."""

    uuid = serializers.UUIDField(source="sealed.uuid")
    prison_number = serializers.CharField(source="woman.prison_number")
    given_names = serializers.CharField(source="woman.given_names")
    family_name = serializers.CharField(source="woman.family_name")
    date_of_birth = serializers.DateField(source="woman.date_of_birth")
    sealed_at = serializers.DateTimeField(source="sealed.sealed_at")
    open_until = serializers.DateTimeField(source="opening.until")
    episodes = EpisodeSerializer(many=True)
    notices = GuardianNoticeSerializer(many=True)


class MatchInput(serializers.Serializer):
    sealed = serializers.UUIDField()
    same_person = serializers.BooleanField()
    reason = StrictCharField(max_length=2000)


class MatchDecisionSerializer(serializers.ModelSerializer):
    prisoner = serializers.UUIDField(source="prisoner.uuid", read_only=True)
    sealed = serializers.UUIDField(source="sealed.uuid", read_only=True)

    class Meta:
        model = MatchDecision
        fields = ["uuid", "prisoner", "sealed", "same_person", "reason", "decided_at"]
        read_only_fields = fields
