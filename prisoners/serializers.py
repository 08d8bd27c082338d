from rest_framework import serializers

from register.services import children_count

from .models import Prisoner, ProtectionFlags


class ProtectionFlagsSerializer(serializers.ModelSerializer):
    """The protections, never the reasons (those stay in the area that set them)."""

    class Meta:
        model = ProtectionFlags
        fields = [
            "no_segregation",
            "no_restraint_obstetric",
            "restraint_health_approval",
            "woman_clinician_requested",
            "observation_level",
            "child_in_prison",
        ]
        read_only_fields = fields


class PrisonerListSerializer(serializers.ModelSerializer):
    facility = serializers.CharField(source="facility.code", read_only=True)
    unit = serializers.CharField(source="unit.code", read_only=True, allow_null=True, default=None)
    is_juvenile = serializers.BooleanField(read_only=True)
    flags = ProtectionFlagsSerializer(read_only=True)

    class Meta:
        model = Prisoner
        fields = [
            "uuid",
            "prison_number",
            "given_names",
            "family_name",
            "date_of_birth",
            "is_juvenile",
            "legal_status",
            "custody_status",
            "facility",
            "unit",
            "flags",
        ]
        read_only_fields = fields


class PrisonerDetailSerializer(PrisonerListSerializer):
    age = serializers.IntegerField(read_only=True)
    is_foreign_national = serializers.BooleanField(read_only=True)
    home_distance_km = serializers.SerializerMethodField()
    children_count = serializers.SerializerMethodField(
        help_text="How many children she has; every case role may know it (Rule 3.2)."
    )

    class Meta(PrisonerListSerializer.Meta):
        fields = [
            *PrisonerListSerializer.Meta.fields,
            "aliases",
            "age",
            "gender_identity",
            "gender_self_description",
            "nationalities",
            "is_foreign_national",
            "languages",
            "home_place",
            "home_distance_km",
            "children_count",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_children_count(self, prisoner) -> int:
        return children_count(prisoner)

    def get_home_distance_km(self, prisoner) -> float | None:
        distance = prisoner.home_distance_km()
        return None if distance is None else round(distance, 1)
