from rest_framework import serializers

from .kinds import may_mark_done
from .models import Reminder


class ReminderSerializer(serializers.ModelSerializer):
    prisoner = serializers.UUIDField(
        source="prisoner.uuid", read_only=True, allow_null=True, default=None
    )
    facility = serializers.CharField(source="facility.code", read_only=True)
    # Whether "done/" may close it for the caller: false for a task the record answering it
    # closes, and for another team's task escalated to the governor.
    may_mark_done = serializers.SerializerMethodField()

    class Meta:
        model = Reminder
        fields = [
            "uuid",
            "version",
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
            "may_mark_done",
        ]
        read_only_fields = fields

    def get_may_mark_done(self, reminder) -> bool:
        request = self.context.get("request")
        return request is not None and may_mark_done(reminder, request.user)

    def to_representation(self, instance):
        body = super().to_representation(instance)
        request = self.context.get("request")
        if request is not None:
            body.update(instance.shown_to(request.user))
        return body


class CompleteReminderSerializer(serializers.Serializer):
    outcome = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")
