from rest_framework import serializers

from bangkok.api_fields import StrictCharField

from .models import Closing, Consent, Disability, FaithNeed, FaithVisit, NeedKind, Representative
from .services import FAITHS

# What the API takes for a visit's end: besides the ways it may close, "refused", which the
# service refuses under Mandela 65 (the input is valid; the act is not).
REFUSED = "refused"
CLOSINGS = [*Closing.values, REFUSED]


class EqualityConsentSerializer(serializers.ModelSerializer):
    prisoner = serializers.UUIDField(source="prisoner.uuid", read_only=True)
    given_to = serializers.CharField(source="given_to.username", read_only=True)

    class Meta:
        model = Consent
        fields = ["uuid", "prisoner", "given_at", "given_to", "withdrawn_at", "version"]
        read_only_fields = fields


class EqualityConsentInput(serializers.Serializer):
    given_at = serializers.DateTimeField(
        required=False, allow_null=True, default=None, help_text="Now if not given."
    )


class CharacteristicsOut(serializers.Serializer):
    """Her characteristics as she said them (social workers only)."""

    uuid = serializers.UUIDField()
    ethnicity = serializers.CharField()
    ethnicity_withheld = serializers.BooleanField()
    religion = serializers.CharField()
    religion_words = serializers.CharField()
    disability = serializers.CharField()
    adjustments = serializers.CharField()
    sexual_orientation = serializers.CharField()
    orientation_withheld = serializers.BooleanField()
    gender_identity = serializers.CharField()
    identity_withheld = serializers.BooleanField()
    recorded_at = serializers.DateTimeField()


class CharacteristicsInput(serializers.Serializer):
    in_her_words = serializers.BooleanField(
        help_text="True: this is what she said of herself, never what staff think."
    )
    ethnicity = StrictCharField(max_length=200, required=False, allow_blank=True, default="")
    ethnicity_withheld = serializers.BooleanField(required=False, default=False)
    religion = serializers.ChoiceField(
        choices=["", *[c for c in FAITHS], "none", "prefer_not"], required=False, default=""
    )
    religion_words = StrictCharField(max_length=200, required=False, allow_blank=True, default="")
    disability = serializers.ChoiceField(
        choices=["", *Disability.values], required=False, default=""
    )
    adjustments = StrictCharField(max_length=2000, required=False, allow_blank=True, default="")
    sexual_orientation = StrictCharField(
        max_length=200, required=False, allow_blank=True, default=""
    )
    orientation_withheld = serializers.BooleanField(required=False, default=False)
    gender_identity = StrictCharField(max_length=200, required=False, allow_blank=True, default="")
    identity_withheld = serializers.BooleanField(required=False, default=False)


class NeedSerializer(serializers.ModelSerializer):
    prisoner = serializers.UUIDField(source="prisoner.uuid", read_only=True)

    class Meta:
        model = FaithNeed
        fields = [
            "uuid",
            "prisoner",
            "kind",
            "detail",
            "starts_on",
            "ends_on",
            "provision",
            "recorded_at",
            "ended_at",
            "version",
        ]
        read_only_fields = fields


class NeedInput(serializers.Serializer):
    kind = serializers.ChoiceField(choices=NeedKind.choices)
    detail = StrictCharField(max_length=500)
    starts_on = serializers.DateField(required=False, allow_null=True, default=None)
    ends_on = serializers.DateField(required=False, allow_null=True, default=None)


class ProvisionInput(serializers.Serializer):
    provision = StrictCharField(max_length=500)


class RepresentativeSerializer(serializers.ModelSerializer):
    facility = serializers.UUIDField(source="facility.uuid", read_only=True)

    class Meta:
        model = Representative
        fields = [
            "uuid",
            "facility",
            "name",
            "faith",
            "faith_words",
            "services",
            "in_post",
            "version",
        ]
        read_only_fields = fields


class RepresentativeInput(serializers.Serializer):
    name = StrictCharField(max_length=200)
    faith = serializers.ChoiceField(choices=FAITHS)
    faith_words = StrictCharField(max_length=200, required=False, allow_blank=True, default="")
    services = StrictCharField(max_length=500, required=False, allow_blank=True, default="")


class RepresentativeChange(serializers.Serializer):
    name = StrictCharField(max_length=200, required=False)
    faith_words = StrictCharField(max_length=200, required=False, allow_blank=True)
    services = StrictCharField(max_length=500, required=False, allow_blank=True)
    in_post = serializers.BooleanField(required=False)


class FaithVisitSerializer(serializers.ModelSerializer):
    prisoner = serializers.UUIDField(source="prisoner.uuid", read_only=True)
    representative = serializers.UUIDField(
        source="representative.uuid", read_only=True, allow_null=True
    )

    class Meta:
        model = FaithVisit
        fields = [
            "uuid",
            "prisoner",
            "asked_by",
            "faith",
            "faith_words",
            "note",
            "asked_at",
            "status",
            "representative",
            "arranged_for",
            "closed_at",
            "version",
        ]
        read_only_fields = fields


class AskInput(serializers.Serializer):
    faith = serializers.ChoiceField(choices=FAITHS)
    faith_words = StrictCharField(max_length=200, required=False, allow_blank=True, default="")
    note = StrictCharField(max_length=500, required=False, allow_blank=True, default="")


class OfferInput(serializers.Serializer):
    representative = serializers.UUIDField()


class FaithAnswerInput(serializers.Serializer):
    accepts = serializers.BooleanField(help_text="False: she refuses the visit (Mandela 65.3).")


class ArrangeInput(serializers.Serializer):
    representative = serializers.UUIDField()
    arranged_for = serializers.DateTimeField()


class CloseInput(serializers.Serializer):
    outcome = serializers.ChoiceField(
        choices=CLOSINGS,
        help_text="held, withdrawn (she no longer wants it) or left; 'refused' is refused "
        "under Mandela 65.3: her access to a representative is never refused.",
    )


class HerRecordSerializer(serializers.Serializer):
    """Her equality and faith record as the caller may read it: a part the caller's role may
    not read is absent."""

    woman = serializers.UUIDField()
    consent = serializers.JSONField(required=False)
    age_band = serializers.CharField(required=False)
    characteristics = CharacteristicsOut(required=False, allow_null=True)
    adjustments = serializers.JSONField(required=False)
    needs = serializers.JSONField(required=False)
    visits = serializers.JSONField(required=False)
