from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from bangkok.api_fields import StrictCharField


class WomanSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    prison_number = serializers.CharField()
    name = serializers.CharField(source="full_name")


@extend_schema_field(OpenApiTypes.STR)
class PersonName(serializers.Field):
    def to_representation(self, value):
        return value.get_full_name() or value.username


class WaitingSerializer(serializers.Serializer):
    """One action awaiting her authority."""

    uuid = serializers.UUIDField()
    woman = WomanSerializer(source="prisoner")
    what = serializers.SerializerMethodField()
    requested_by = PersonName(source="authority_requested_by")
    requested_at = serializers.DateTimeField(source="authority_requested_at")
    due_at = serializers.DateTimeField(
        source="authority_due_at",
        allow_null=True,
        help_text=_("Taken at once in an emergency: to be confirmed or ended by then."),
    )
    url = serializers.SerializerMethodField()

    def get_what(self, record) -> str:
        return self.context["area"].describe(record)

    def get_url(self, record) -> str:
        return self.context["area"].url(record)


class AreaQueueSerializer(serializers.Serializer):
    area = serializers.CharField(source="area.key")
    title = serializers.CharField(source="area.title")
    rule = serializers.CharField(source="area.rule")
    count = serializers.IntegerField()
    waiting = serializers.SerializerMethodField()

    @extend_schema_field(WaitingSerializer(many=True))
    def get_waiting(self, entry):
        return WaitingSerializer(entry["records"], many=True, context={"area": entry["area"]}).data


class RefuseInput(serializers.Serializer):
    reason = StrictCharField(max_length=1000, help_text=_("Why you refuse your authority."))
