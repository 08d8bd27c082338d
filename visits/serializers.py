"""What the visits API reads and writes (Rules 26-28, 43, 44).

Input serializers check the shape only (and find her visitors and children by uuid); the
services check the role and the Rules, so a refusal under a Rule is a 409 naming it. A role
that sees approved visitors only is answered with `ApprovedVisitorSerializer`: a name and a
relationship, never a consultation, and never a visitor she refused or withdrew.
"""

import uuid

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from bangkok.api_fields import StrictBooleanField, StrictCharField, StrictIntegerField

from .models import (
    Answer,
    CancelledBy,
    Contact,
    ContactKind,
    Relationship,
    Visit,
    VisitCancellation,
    VisitKind,
    Visitor,
    VisitorWithdrawal,
)

HIDDEN_FOR_HER_CHILD = ("date_of_birth", "age_given", "contact_details", "child")


def _uuid_of(related):
    return serializers.SlugRelatedField(slug_field="uuid", read_only=True, **related)


# Output


class VisitorSerializer(serializers.ModelSerializer):
    """One person on her list, with her consultation (Rule 44). Her child's details are shown
    only to a role that may know her children (Rule 3.2)."""

    name = serializers.SerializerMethodField()
    child = _uuid_of({"allow_null": True})
    by_court_order = serializers.BooleanField(read_only=True)

    class Meta:
        model = Visitor
        fields = [
            "uuid",
            "version",
            "name",
            "relationship",
            "relationship_detail",
            "adult",
            "date_of_birth",
            "age_given",
            "child",
            "contact_details",
            "status",
            "added_at",
            "consulted_at",
            "consultation_language",
            "answer",
            "by_court_order",
            "court_order_reference",
            "court",
            "withdrawn_at",
        ]

    def get_name(self, visitor) -> str:
        return getattr(visitor, "shown_name", visitor.name)

    def to_representation(self, visitor):
        data = super().to_representation(visitor)
        if getattr(visitor, "shown_name", visitor.name) != visitor.name:
            for field in HIDDEN_FOR_HER_CHILD:
                data.pop(field, None)
        return data


class ApprovedVisitorSerializer(serializers.ModelSerializer):
    """An approved visitor, for custody officers booking visits: the name (or "Her child")
    and the relationship only."""

    name = serializers.CharField(source="shown_name")

    class Meta:
        model = Visitor
        fields = ["uuid", "version", "name", "relationship", "adult"]


class VisitSerializer(serializers.ModelSerializer):
    woman = _uuid_of({"source": "prisoner"})
    visitors = serializers.SerializerMethodField()

    class Meta:
        model = Visit
        fields = [
            "uuid",
            "version",
            "woman",
            "kind",
            "starts_at",
            "status",
            "visitors",
            "involves_child",
            "open_contact",
            "child_friendly",
            "setting_reason",
            "lawyer_name",
            "lawyer_registration",
            "booked_at",
            "closed_at",
            "cancelled_by",
            "cancel_reason",
        ]

    def get_visitors(self, visit) -> list[uuid.UUID]:
        """Her visitors still on the visit (one withdrawn from her list is taken off it)."""
        links = getattr(visit, "links_on", None)
        if links is not None:
            return [link.visitor.uuid for link in links]
        return list(visit.visitors_on().values_list("uuid", flat=True))


class _PrisonActSerializer(serializers.ModelSerializer):
    asked_by = serializers.SlugRelatedField(slug_field="username", read_only=True)
    authorised_by = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True
    )
    authority_refused_by = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True
    )
    FIELDS = [
        "uuid",
        "reason",
        "asked_by",
        "asked_at",
        "authority",
        "authorised_by",
        "authority_refused_by",
        "authority_decided_at",
        "authority_refusal",
    ]


class VisitCancellationSerializer(_PrisonActSerializer):
    """The prison's cancellation of a visit, awaiting a governor's confirmation or decided."""

    visit = _uuid_of({})

    class Meta:
        model = VisitCancellation
        fields = [*_PrisonActSerializer.FIELDS, "visit"]


class VisitorWithdrawalSerializer(_PrisonActSerializer):
    """The prison's withdrawal of a visitor, awaiting a governor's confirmation or decided."""

    visitor = _uuid_of({})

    class Meta:
        model = VisitorWithdrawal
        fields = [*_PrisonActSerializer.FIELDS, "visitor"]


class PrisonActInput(serializers.Serializer):
    reason = StrictCharField(max_length=300, required=False, allow_blank=True, default="")


class ContactSerializer(serializers.ModelSerializer):
    visitor = _uuid_of({"allow_null": True})
    child = _uuid_of({"allow_null": True})

    class Meta:
        model = Contact
        fields = ["uuid", "kind", "at", "visitor", "child", "support", "recorded_at"]


# Input


class HerRecord(serializers.UUIDField):
    """One of her visitors or children, by uuid (`related` names her related manager)."""

    def __init__(self, related: str, **kwargs):
        self.related = related
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        record = getattr(self.context["woman"], self.related).filter(uuid=value).first()
        if record is None:
            raise serializers.ValidationError(_("Not one of hers."))
        return record


class VisitorInput(serializers.Serializer):
    name = StrictCharField(max_length=200, required=False, allow_blank=True, default="")
    relationship = serializers.ChoiceField(choices=Relationship.choices)
    relationship_detail = StrictCharField(
        max_length=100, required=False, allow_blank=True, default=""
    )
    adult = StrictBooleanField(required=False, default=True)
    date_of_birth = serializers.DateField(required=False, allow_null=True, default=None)
    age_given = StrictIntegerField(
        required=False, allow_null=True, default=None, min_value=0, max_value=17
    )
    contact_details = StrictCharField(max_length=300, required=False, allow_blank=True, default="")
    child = HerRecord(
        "children",
        required=False,
        allow_null=True,
        default=None,
        help_text=_("Her child on the register (its uuid)."),
    )


class ConsultationInput(serializers.Serializer):
    answer = serializers.ChoiceField(choices=Answer.choices)
    language = StrictCharField(max_length=50)
    consulted_at = serializers.DateTimeField(required=False, allow_null=True, default=None)


class CourtOrderInput(serializers.Serializer):
    reference = StrictCharField(max_length=100)
    court = StrictCharField(max_length=200)


class WithdrawInput(serializers.Serializer):
    confirm = StrictBooleanField(help_text=_("True: she asked to withdraw this visitor."))

    def validate_confirm(self, value):
        if value is not True:
            raise serializers.ValidationError(_("Only she withdraws a visitor."))
        return value

    def validate(self, data):
        return {}


class BookingInput(serializers.Serializer):
    kind = serializers.ChoiceField(choices=VisitKind.choices)
    starts_at = serializers.DateTimeField()
    visitors = serializers.ListField(
        child=HerRecord("visitors"), required=False, default=list, max_length=20
    )
    names = serializers.ListField(
        child=StrictCharField(max_length=200),
        required=False,
        default=list,
        max_length=20,
        help_text=_("Names of people asking to visit: each must be on her approved list."),
    )
    open_contact = StrictBooleanField(required=False, default=True)
    child_friendly = StrictBooleanField(required=False, default=True)
    setting_reason = StrictCharField(required=False, allow_blank=True, default="", max_length=5000)
    lawyer_name = StrictCharField(max_length=200, required=False, allow_blank=True, default="")
    lawyer_registration = StrictCharField(
        max_length=100, required=False, allow_blank=True, default=""
    )


class HeldInput(serializers.Serializer):
    held_at = serializers.DateTimeField()


class CancelInput(serializers.Serializer):
    cancelled_by = serializers.ChoiceField(choices=CancelledBy.choices)
    reason = StrictCharField(max_length=300, required=False, allow_blank=True, default="")


class ContactInput(serializers.Serializer):
    kind = serializers.ChoiceField(choices=ContactKind.choices)
    at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    visitor = HerRecord("visitors", required=False, allow_null=True, default=None)
    child = HerRecord("children", required=False, allow_null=True, default=None)
    support = StrictCharField(max_length=300, required=False, allow_blank=True, default="")
