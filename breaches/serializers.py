from rest_framework import serializers

from bangkok.api_fields import StrictCharField

from .models import Breach, Kind


class BreachSerializer(serializers.ModelSerializer):
    prisoner = serializers.UUIDField(source="prisoner.uuid", read_only=True)
    recorded_by = serializers.CharField(source="recorded_by.username", read_only=True)
    account = serializers.CharField(
        source="account_shown",
        read_only=True,
        help_text="Empty for a role that may not read it (clinical detail is for health staff).",
    )

    class Meta:
        model = Breach
        fields = [
            "uuid",
            "prisoner",
            "kind",
            "rule",
            "occurred_at",
            "account",
            "recorded_by",
            "recorded_at",
        ]
        read_only_fields = fields


class BreachInput(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Kind.choices)
    occurred_at = serializers.DateTimeField(
        required=False, allow_null=True, default=None, help_text="Now if not given."
    )
    account = StrictCharField(max_length=4000)
