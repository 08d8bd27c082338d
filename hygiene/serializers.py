from rest_framework import serializers

from bangkok.api_fields import StrictCharField

from .models import Basis, Category, Entitlement, Issue, Item, StockCheck, WaterInterruption


class ItemSerializer(serializers.ModelSerializer):
    facility = serializers.UUIDField(source="facility.uuid", read_only=True)

    class Meta:
        model = Item
        fields = ["uuid", "facility", "name", "category", "price", "low_stock", "in_use", "version"]
        read_only_fields = fields


class ItemInput(serializers.Serializer):
    name = StrictCharField(max_length=200)
    category = serializers.ChoiceField(choices=Category.choices)
    price = serializers.DecimalField(
        max_digits=8, decimal_places=2, min_value=0, required=False, default=0
    )
    low_stock = serializers.IntegerField(
        min_value=0, max_value=1_000_000, required=False, default=20
    )


class ItemChange(serializers.ModelSerializer):
    """The fields of an item a PATCH may change; the others stay."""

    name = StrictCharField(max_length=200, required=False)
    price = serializers.DecimalField(max_digits=8, decimal_places=2, min_value=0, required=False)
    low_stock = serializers.IntegerField(min_value=0, max_value=1_000_000, required=False)

    class Meta:
        model = Item
        fields = ["name", "category", "price", "low_stock", "in_use"]
        extra_kwargs = {"category": {"required": False}, "in_use": {"required": False}}


class StockCheckSerializer(serializers.ModelSerializer):
    item = serializers.UUIDField(source="item.uuid", read_only=True)
    checked_by = serializers.CharField(source="checked_by.username", read_only=True)

    class Meta:
        model = StockCheck
        fields = ["uuid", "item", "counted", "checked_at", "checked_by", "note"]
        read_only_fields = fields


class StockCheckInput(serializers.Serializer):
    counted = serializers.IntegerField(min_value=0, max_value=1_000_000)
    note = StrictCharField(max_length=500, required=False, allow_blank=True, default="")


class WaterSerializer(serializers.ModelSerializer):
    facility = serializers.UUIDField(source="facility.uuid", read_only=True)
    unit = serializers.UUIDField(source="unit.uuid", read_only=True, allow_null=True)

    class Meta:
        model = WaterInterruption
        fields = [
            "uuid",
            "facility",
            "unit",
            "started_at",
            "ended_at",
            "cause",
            "provision",
            "version",
        ]
        read_only_fields = fields


class WaterInput(serializers.Serializer):
    unit = serializers.UUIDField(required=False, allow_null=True, default=None)
    started_at = serializers.DateTimeField()
    cause = StrictCharField(max_length=500)
    provision = StrictCharField(max_length=500)


class EndWaterInput(serializers.Serializer):
    ended_at = serializers.DateTimeField(
        required=False, allow_null=True, default=None, help_text="Now if not given."
    )


class IssueSerializer(serializers.ModelSerializer):
    prisoner = serializers.UUIDField(source="prisoner.uuid", read_only=True)
    item = serializers.UUIDField(source="item.uuid", read_only=True)
    item_name = serializers.CharField(source="item.name", read_only=True)

    class Meta:
        model = Issue
        fields = ["uuid", "prisoner", "item", "item_name", "quantity", "price", "issued_at"]
        read_only_fields = fields


class IssueInput(serializers.Serializer):
    item = serializers.UUIDField()
    quantity = serializers.IntegerField(min_value=1, max_value=1000)


class EntitlementSerializer(serializers.ModelSerializer):
    prisoner = serializers.UUIDField(source="prisoner.uuid", read_only=True)
    basis = serializers.CharField(
        source="basis_shown",
        read_only=True,
        help_text="Why she has it; 'Approved by health' for a clinical reason and a role "
        "that may not read it (Rule 8).",
    )

    class Meta:
        model = Entitlement
        fields = ["uuid", "prisoner", "basis", "extra", "granted_at", "ended_at", "version"]
        read_only_fields = fields


class EntitlementInput(serializers.Serializer):
    basis = serializers.ChoiceField(choices=Basis.choices)
    extra = StrictCharField(max_length=300)
