"""Children's records in the API (Rule 3). Only for roles that may know their identities
(Rule 3.2); every other role gets no serializer of a child at all."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from bangkok.api_fields import StrictModelSerializer

from .models import CHILD_FIELDS, Child, Separation


class ChildSerializer(StrictModelSerializer):
    """One child: who, how old, where she lives and who has custody (Rule 3.1), and the
    arrangements made for her care (Rule 2.2)."""

    age = serializers.IntegerField(read_only=True)
    whereabouts_unknown = serializers.BooleanField(read_only=True)
    needs_arrangement = serializers.BooleanField(
        read_only=True,
        help_text=_("A dependent child outside with neither an arrangement nor a reason."),
    )

    class Meta:
        model = Child
        fields = [
            "uuid",
            "version",
            *CHILD_FIELDS,
            "age",
            "whereabouts_unknown",
            "needs_arrangement",
            "recorded_at",
        ]
        read_only_fields = ["uuid", "recorded_at"]
        extra_kwargs = {
            "arrangements": {"max_length": 5000},
            "no_arrangements_reason": {"max_length": 5000},
        }


class ChildChangeSerializer(ChildSerializer):
    """A change to a child's record: only the fields given change."""

    def validate(self, data):
        if not data:
            raise serializers.ValidationError(_("Give at least one field to change."))
        return data


class SeparationSerializer(StrictModelSerializer):
    """A child living with her mother leaves prison (Rule 52): when, why, and who will care
    for the child where."""

    child = serializers.UUIDField(source="child.uuid", read_only=True)

    class Meta:
        model = Separation
        fields = [
            "uuid",
            "child",
            "separated_on",
            "reason",
            "carer",
            "carer_contact",
            "location",
            "custody",
            "recorded_at",
        ]
        read_only_fields = ["uuid", "child", "recorded_at"]
        extra_kwargs = {"separated_on": {"required": False}}
