"""What the regime API reads and writes (Rule 42; Mandela 23, 44). Input serializers check the
shape of a request; the services check the Rules, so a refusal under a Rule reaches the client
as a 409 naming it."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from bangkok.api_fields import (
    StrictBooleanField,
    StrictCharField,
    StrictIntegerField,
    StrictSlugRelatedField,
)

from .models import (
    Absence,
    Activity,
    Allocation,
    Attendance,
    EndReason,
    Kind,
    SolitaryReview,
    TimeOutOfCell,
)


def _text(max_length=2000, **kwargs):
    return StrictCharField(
        required=False, allow_blank=True, default="", max_length=max_length, **kwargs
    )


class ActivitySerializer(serializers.ModelSerializer):
    facility = serializers.UUIDField(source="facility.uuid", read_only=True)

    class Meta:
        model = Activity
        fields = [
            "uuid",
            "facility",
            "name",
            "kind",
            "description",
            "for_pregnant",
            "for_mothers",
            "capacity",
            "active",
            "version",
        ]
        read_only_fields = fields


class ActivityInput(serializers.Serializer):
    name = StrictCharField(max_length=200)
    kind = serializers.ChoiceField(choices=Kind.choices)
    description = _text()
    capacity = StrictIntegerField(min_value=1, max_value=1000)
    for_pregnant = StrictBooleanField(required=False, default=False)
    for_mothers = StrictBooleanField(required=False, default=False)


class ActivityChange(serializers.ModelSerializer):
    """The fields of an activity a PATCH may change; the others stay."""

    name = StrictCharField(max_length=200, required=False)
    description = StrictCharField(max_length=2000, required=False, allow_blank=True)
    capacity = StrictIntegerField(min_value=1, max_value=1000, required=False)
    for_pregnant = StrictBooleanField(required=False)
    for_mothers = StrictBooleanField(required=False)
    active = StrictBooleanField(required=False)

    class Meta:
        model = Activity
        fields = ["name", "description", "capacity", "for_pregnant", "for_mothers", "active"]


class PlaceSerializer(serializers.ModelSerializer):
    woman = serializers.UUIDField(source="prisoner.uuid", read_only=True)
    activity = serializers.UUIDField(source="activity.uuid", read_only=True)
    activity_name = serializers.CharField(source="activity.name", read_only=True)

    class Meta:
        model = Allocation
        fields = [
            "uuid",
            "woman",
            "activity",
            "activity_name",
            "started_on",
            "ended_on",
            "end_reason",
            "end_note",
            "version",
        ]
        read_only_fields = fields


class HerFacilityActivity(StrictSlugRelatedField):
    """An activity of her facility, by uuid."""

    def __init__(self, **kwargs):
        super().__init__(slug_field="uuid", queryset=Activity.objects.none(), **kwargs)

    def get_queryset(self):
        woman = self.context.get("woman")
        return woman.facility.activities.all() if woman else Activity.objects.none()


class AllocateInput(serializers.Serializer):
    activity = HerFacilityActivity(help_text=_("The uuid of an activity of her facility."))
    started_on = serializers.DateField(required=False, default=None)


class EndAllocationInput(serializers.Serializer):
    reason = serializers.ChoiceField(choices=EndReason.choices)
    note = _text()
    ended_on = serializers.DateField(required=False, default=None)


class AttendanceSerializer(serializers.ModelSerializer):
    allocation = serializers.UUIDField(source="allocation.uuid", read_only=True)

    class Meta:
        model = Attendance
        fields = [
            "uuid",
            "allocation",
            "day",
            "attended",
            "absence",
            "note",
            "correction",
            "version",
        ]
        read_only_fields = fields


class AttendanceInput(serializers.Serializer):
    day = serializers.DateField()
    attended = StrictBooleanField()
    absence = serializers.ChoiceField(
        choices=Absence.choices, required=False, allow_blank=True, default=""
    )
    note = _text(max_length=500)


class CorrectAttendanceInput(serializers.Serializer):
    attended = StrictBooleanField()
    absence = serializers.ChoiceField(
        choices=Absence.choices, required=False, allow_blank=True, default=""
    )
    note = _text(max_length=500)
    correction = StrictCharField(max_length=500)


class SolitaryReviewSerializer(serializers.ModelSerializer):
    time_out = serializers.UUIDField(source="time_out.uuid", read_only=True)
    reviewed_by = serializers.CharField(source="reviewed_by.username", read_only=True)

    class Meta:
        model = SolitaryReview
        fields = ["uuid", "time_out", "account", "reviewed_by", "reviewed_at"]
        read_only_fields = fields


class TimeOutSerializer(serializers.ModelSerializer):
    woman = serializers.UUIDField(source="prisoner.uuid", read_only=True)
    recorded_by = serializers.CharField(source="recorded_by.username", read_only=True)

    class Meta:
        model = TimeOutOfCell
        fields = [
            "uuid",
            "woman",
            "day",
            "minutes",
            "reason",
            "correction",
            "recorded_by",
            "recorded_at",
            "version",
        ]
        read_only_fields = fields


class TimeOutInput(serializers.Serializer):
    day = serializers.DateField()
    minutes = StrictIntegerField(min_value=0, max_value=24 * 60)
    reason = _text(help_text=_("Why so little: needed below the set minimum."))


class CorrectTimeOutInput(serializers.Serializer):
    minutes = StrictIntegerField(min_value=0, max_value=24 * 60)
    reason = _text()
    correction = StrictCharField(max_length=500)


class SolitaryReviewInput(serializers.Serializer):
    account = StrictCharField(max_length=5000)
