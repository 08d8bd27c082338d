from rest_framework import serializers

from .models import Reminder


class ReminderSerializer(serializers.ModelSerializer):
    prisoner = serializers.UUIDField(
        source="prisoner.uuid", read_only=True, allow_null=True, default=None
    )
    facility = serializers.CharField(source="facility.code", read_only=True)

    class Meta:
        model = Reminder
        fields = [
            "uuid",
            "kind",
            "rule",
            "basis",
            "title",
            "prisoner",
            "facility",
            "assignee_role",
            "due_at",
            "escalate_at",
            "status",
        ]
        read_only_fields = fields


class CompleteReminderSerializer(serializers.Serializer):
    outcome = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")
