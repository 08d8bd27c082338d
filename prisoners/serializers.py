from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from bangkok.api_fields import StrictCharField, StrictSlugRelatedField
from bangkok.serializers import ModelSerializer
from facilities.scope import facilities_of

from .facts import fact
from .models import (
    ObservationLevel,
    Prisoner,
    ProtectionFlags,
    Unit,
    UnitPlacement,
    juvenile_on,
)


class ProtectionFlagsSerializer(ModelSerializer):
    """The protections, never the reasons (those stay in the area that set them), and only
    those the caller acts on at this place (`ProtectionFlags.shown_to`; the place is "list"
    unless the serializer is given another)."""

    # Optional in the schema: a role is sent only the flags it acts on.
    no_segregation = serializers.BooleanField(required=False)
    no_restraint_obstetric = serializers.BooleanField(
        required=False, help_text="No restraints, for any purpose."
    )
    restraint_health_approval = serializers.BooleanField(required=False)
    woman_clinician_requested = serializers.BooleanField(required=False)
    observation_level = serializers.ChoiceField(choices=ObservationLevel.choices, required=False)
    child_in_prison = serializers.BooleanField(required=False)

    def __init__(self, *args, place: str = "list", **kwargs):
        self.place = place
        super().__init__(*args, **kwargs)

    def to_representation(self, instance):
        data = super().to_representation(instance)
        request = self.context.get("request")
        shown = ProtectionFlags.shown_to(getattr(request, "user", None), self.place)
        return {name: value for name, value in data.items() if name in shown}

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


class PrisonerRows(serializers.ListSerializer):
    """The list's rows, each the fields of `PrisonerListSerializer` in their order, written
    straight from the row of her columns (`prisoners.filters.LIST_COLUMNS`, read as the page
    reads them) rather than field by field through DRF (which was half the list's time in the
    API); which flags a role is sent is decided once for the page, not once a row.
    `test_api_prisoners.py` compares every row with what the fields themselves write."""

    def to_representation(self, data):
        request = self.context.get("request")
        shown = ProtectionFlags.shown_to(getattr(request, "user", None), "list")
        today = timezone.localdate()
        return [
            {
                "uuid": str(woman.uuid),
                "prison_number": woman.prison_number,
                "given_names": woman.given_names,
                "family_name": woman.family_name,
                "date_of_birth": woman.date_of_birth.isoformat(),
                "is_juvenile": juvenile_on(woman.date_of_birth, today),
                "legal_status": woman.legal_status,
                "custody_status": woman.custody_status,
                "facility": woman.facility__code,
                "unit": woman.unit__code,
                "flags": _flags(woman, shown),
            }
            for woman in data
        ]


def _flags(woman, shown: tuple[str, ...]) -> dict | None:
    values = ProtectionFlags.of_row(woman)
    if values is None:
        return None
    return {name: values[name] for name in ProtectionFlagsSerializer.Meta.fields if name in shown}


class PrisonerListSerializer(ModelSerializer):
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
        list_serializer_class = PrisonerRows


class PrisonerDetailSerializer(PrisonerListSerializer):
    flags = ProtectionFlagsSerializer(read_only=True, place="page")
    age = serializers.IntegerField(read_only=True)
    is_foreign_national = serializers.BooleanField(read_only=True)
    home_distance_km = serializers.SerializerMethodField()
    children_count = serializers.SerializerMethodField(
        help_text="How many children she has; every case role may know it (Rule 3.2)."
    )

    class Meta(PrisonerListSerializer.Meta):
        list_serializer_class = serializers.ListSerializer  # the list's rows are the list's
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
            "version",
        ]
        read_only_fields = fields

    def get_children_count(self, prisoner) -> int:
        return fact("children_count", prisoner)

    def get_home_distance_km(self, prisoner) -> float | None:
        distance = prisoner.home_distance_km()
        return None if distance is None else round(distance, 1)


class UnitOfMine(StrictSlugRelatedField):
    def __init__(self, **kwargs):
        super().__init__(slug_field="uuid", queryset=Unit.objects.none(), **kwargs)

    def get_queryset(self):
        return Unit.objects.filter(facility__in=facilities_of(self.context["request"].user))


class PlaceInput(serializers.Serializer):
    """The unit of her facility she moves to, and why (Rules 49, 51.2; Mandela 11)."""

    unit = UnitOfMine(help_text=_("The unit's id, in her facility."))
    reason = StrictCharField(max_length=500, required=False, allow_blank=True, default="")


class UnitSerializer(ModelSerializer):
    class Meta:
        model = Unit
        fields = ["uuid", "code", "name", "designation"]
        read_only_fields = fields


class PlacementSerializer(ModelSerializer):
    """A move of hers to a unit: where from, where to, when, why."""

    unit = UnitSerializer(read_only=True)
    from_unit = UnitSerializer(read_only=True, allow_null=True)

    class Meta:
        model = UnitPlacement
        fields = ["uuid", "unit", "from_unit", "placed_at", "reason"]
        read_only_fields = fields
