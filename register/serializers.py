"""Children's records in the API (Rule 3). Only for roles that may know their identities
(Rule 3.2); every other role gets no serializer of a child at all."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from bangkok.api_fields import StrictModelSerializer, StrictSlugRelatedField

from .models import (
    CHILD_FIELDS,
    AppealOutcome,
    BestInterestsDecision,
    Child,
    ChildActivity,
    Separation,
    SeparationPlan,
    UnitApplication,
    UnitDecision,
)
from .services import PLAN_FIELDS


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
    """A child living with her mother leaves prison (Rule 52), carrying out the plan: when,
    and, from the plan and the decision, why and who cares for the child where."""

    child = serializers.UUIDField(source="child.uuid", read_only=True)
    decision = serializers.UUIDField(source="decision.uuid", read_only=True, allow_null=True)

    class Meta:
        model = Separation
        fields = [
            "uuid",
            "child",
            "separated_on",
            "decision",
            "reason",
            "carer",
            "carer_contact",
            "location",
            "custody",
            "recorded_at",
        ]
        read_only_fields = [
            "uuid",
            "child",
            "reason",
            "carer",
            "carer_contact",
            "location",
            "custody",
            "recorded_at",
        ]
        extra_kwargs = {"separated_on": {"required": False}}


class HerChild(StrictSlugRelatedField):
    """One of her children on the register, by its id (never the name)."""

    def __init__(self, **kwargs):
        super().__init__(slug_field="uuid", queryset=Child.objects.none(), **kwargs)

    def get_queryset(self):
        return self.context["woman"].children.all()


class BestInterestsSerializer(StrictModelSerializer):
    """A best-interests decision (Rules 49, 52.1): whether a child lives with her mother in
    prison or apart, who took part, her views, the child's needs and the reasons. `child`
    empty: a child not yet on the register (a baby not yet born)."""

    child = HerChild(required=False, allow_null=True)

    class Meta:
        model = BestInterestsDecision
        fields = [
            "uuid",
            "child",
            "kind",
            "decided_on",
            "participants",
            "her_views",
            "child_needs",
            "outcome",
            "reasons",
            "next_review_on",
            "recorded_at",
        ]
        read_only_fields = ["uuid", "kind", "next_review_on", "recorded_at"]
        extra_kwargs = {"decided_on": {"required": False}}


class SeparationPlanSerializer(StrictModelSerializer):
    """The plan for a child living with her to leave prison (Rule 52): the alternative care
    and its confirmation, the gradual transition, her consultation, consular consultation for a
    foreign national (52.2), and contact after (52.3). Made in parts: each call sets what it
    gives."""

    child = serializers.UUIDField(source="child.uuid", read_only=True)

    class Meta:
        model = SeparationPlan
        fields = ["uuid", "child", *PLAN_FIELDS, "recorded_at"]
        read_only_fields = ["uuid", "child", "recorded_at"]


class UnitApplicationSerializer(StrictModelSerializer):
    """An application for a place in the mother and baby unit (Rules 49-51): who applied and
    when, the expected date of delivery she gave or the child, the board's decision with its
    reasons, her appeal and its outcome."""

    child = HerChild(required=False, allow_null=True)

    class Meta:
        model = UnitApplication
        fields = [
            "uuid",
            "version",
            "child",
            "applicant",
            "applied_on",
            "expected_on",
            "decision_due_on",
            "decision",
            "decided_on",
            "reasons",
            "appeal_lodged_on",
            "appeal_grounds",
            "appeal_outcome",
            "appeal_decided_on",
            "appeal_reasons",
            "recorded_at",
        ]
        read_only_fields = [
            "uuid",
            "version",
            "decision_due_on",
            "decision",
            "decided_on",
            "reasons",
            "appeal_lodged_on",
            "appeal_grounds",
            "appeal_outcome",
            "appeal_decided_on",
            "appeal_reasons",
            "recorded_at",
        ]
        extra_kwargs = {"applied_on": {"required": False}}


class UnitDecisionInput(serializers.Serializer):
    """The board's decision, with its reasons (Rule 49)."""

    decision = serializers.ChoiceField(choices=UnitDecision.choices)
    reasons = serializers.CharField(max_length=5000)
    decided_on = serializers.DateField(required=False)


class UnitAppealInput(serializers.Serializer):
    """Her appeal against a refusal."""

    grounds = serializers.CharField(max_length=5000)
    lodged_on = serializers.DateField(required=False)


class UnitAppealOutcomeInput(serializers.Serializer):
    """The appeal's outcome, with its reasons."""

    outcome = serializers.ChoiceField(choices=AppealOutcome.choices)
    reasons = serializers.CharField(max_length=5000)
    decided_on = serializers.DateField(required=False)


class ChildActivitySerializer(StrictModelSerializer):
    """A day of a child's life in prison: childcare while she takes part in an activity (Rule
    42.2), an outing or nursery (51.2), time together (50)."""

    class Meta:
        model = ChildActivity
        fields = [
            "uuid",
            "kind",
            "on",
            "hours",
            "who",
            "place",
            "her_activity",
            "note",
            "recorded_at",
        ]
        read_only_fields = ["uuid", "recorded_at"]
