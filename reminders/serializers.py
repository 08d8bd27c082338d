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

    def to_representation(self, instance):
        body = super().to_representation(instance)
        request = self.context.get("request")
        if request is not None:
            body.update(instance.shown_to(request.user))
        return body


class CompleteReminderSerializer(serializers.Serializer):
    outcome = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")
