from rest_framework import serializers

from bangkok.api_fields import StrictCharField

from .models import (
    ANSWER_CHOICES,
    STRATA,
    ActionPlan,
    Area,
    BodyKind,
    Finding,
    FollowUp,
    Member,
    OwnerRole,
    Priority,
    Recommendation,
    SampledWoman,
    Visit,
)


class InspectionMemberSerializer(serializers.ModelSerializer):
    class Meta:
        model = Member
        fields = ["uuid", "name", "role", "woman"]
        read_only_fields = fields


class InspectionFindingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Finding
        fields = ["uuid", "area", "rule", "found", "evidence", "recorded_at"]
        read_only_fields = fields


class InspectionActionPlanSerializer(serializers.ModelSerializer):
    class Meta:
        model = ActionPlan
        fields = ["uuid", "action", "owner", "target_date", "recorded_at"]
        read_only_fields = fields


class InspectionFollowUpSerializer(serializers.ModelSerializer):
    class Meta:
        model = FollowUp
        fields = ["uuid", "status", "reason", "evidence", "recorded_at"]
        read_only_fields = fields


class InspectionRecommendationSerializer(serializers.ModelSerializer):
    visit = serializers.UUIDField(source="visit.uuid", read_only=True)
    finding = serializers.UUIDField(source="finding.uuid", read_only=True, allow_null=True)
    owner = serializers.CharField(source="owner.username", read_only=True, allow_null=True)
    overdue = serializers.BooleanField(read_only=True)
    plan = serializers.SerializerMethodField()

    class Meta:
        model = Recommendation
        fields = [
            "uuid",
            "visit",
            "finding",
            "text",
            "rule",
            "priority",
            "owner_role",
            "owner",
            "deadline",
            "status",
            "overdue",
            "closed_at",
            "plan",
        ]
        read_only_fields = fields

    def get_plan(self, recommendation) -> dict | None:
        plan = getattr(recommendation, "plan", None)
        return InspectionActionPlanSerializer(plan).data if plan is not None else None


class InspectionSampledWomanSerializer(serializers.ModelSerializer):
    prisoner = serializers.UUIDField(source="prisoner.uuid", read_only=True)
    prison_number = serializers.CharField(source="prisoner.prison_number", read_only=True)

    class Meta:
        model = SampledWoman
        fields = ["uuid", "prisoner", "prison_number", "opened_at", "note", "noted_at"]
        read_only_fields = fields


class InspectionVisitSerializer(serializers.ModelSerializer):
    facility = serializers.CharField(source="facility.code", read_only=True)
    team = InspectionMemberSerializer(many=True, read_only=True)
    women_on_team = serializers.SerializerMethodField()
    state = serializers.CharField(read_only=True)

    class Meta:
        model = Visit
        fields = [
            "uuid",
            "facility",
            "body",
            "body_kind",
            "announced",
            "planned_start",
            "planned_end",
            "purpose",
            "started_at",
            "ended_at",
            "state",
            "team",
            "women_on_team",
            "figures",
        ]
        read_only_fields = fields

    def get_women_on_team(self, visit) -> bool:
        """Rule 25.3: the team includes at least one woman."""
        return any(member.woman for member in visit.team.all())


class InspectionVisitListSerializer(serializers.ModelSerializer):
    facility = serializers.CharField(source="facility.code", read_only=True)
    state = serializers.CharField(read_only=True)
    women_on_team = serializers.BooleanField(source="has_woman", read_only=True)
    members = serializers.IntegerField(read_only=True)

    class Meta:
        model = Visit
        fields = [
            "uuid",
            "facility",
            "body",
            "body_kind",
            "announced",
            "planned_start",
            "planned_end",
            "started_at",
            "ended_at",
            "state",
            "members",
            "women_on_team",
        ]
        read_only_fields = fields


class InspectionSampleSerializer(serializers.Serializer):
    seed = serializers.IntegerField()
    drawn_at = serializers.DateTimeField()
    strata = serializers.SerializerMethodField()
    women = serializers.SerializerMethodField(
        help_text="The women drawn, with the notes on their cases: for the inspector alone (empty "
        "for the governor: who was drawn and what she said is the monitoring body's to know)."
    )

    def get_women(self, sample) -> list[dict]:
        request = self.context.get("request")
        if request is None or not request.user.has_perm("inspections.change_sampledwoman"):
            return []
        found = sample.women.select_related("prisoner").order_by("stratum", "id")
        return InspectionSampledWomanSerializer(found, many=True).data

    def get_strata(self, sample) -> dict:
        return {
            s: {k: sample.strata[s][k] for k in ("population", "asked", "drawn")} for s in STRATA
        }


class InspectionVisitInput(serializers.Serializer):
    body = StrictCharField(max_length=200)
    body_kind = serializers.ChoiceField(choices=BodyKind.choices)
    announced = serializers.BooleanField(default=True)
    planned_start = serializers.DateField()
    planned_end = serializers.DateField()
    purpose = StrictCharField(max_length=5000, required=False, allow_blank=True, default="")


class InspectionVisitChange(serializers.Serializer):
    body = StrictCharField(max_length=200, required=False)
    body_kind = serializers.ChoiceField(choices=BodyKind.choices, required=False)
    announced = serializers.BooleanField(required=False)
    planned_start = serializers.DateField(required=False)
    planned_end = serializers.DateField(required=False)
    purpose = StrictCharField(max_length=5000, required=False, allow_blank=True)

    def __init__(self, instance=None, **kwargs):
        super().__init__(**kwargs)


class InspectionMemberInput(serializers.Serializer):
    name = StrictCharField(max_length=200)
    role = StrictCharField(max_length=200)
    woman = serializers.BooleanField()


class InspectionStartInput(serializers.Serializer):
    started_at = serializers.DateTimeField(required=False, allow_null=True, default=None)


class InspectionFinishInput(serializers.Serializer):
    ended_at = serializers.DateTimeField(required=False, allow_null=True, default=None)


class InspectionSampleInput(serializers.Serializer):
    seed = serializers.IntegerField(
        required=False, allow_null=True, default=None, min_value=0, max_value=2**63 - 1
    )
    sizes = serializers.DictField(
        child=serializers.IntegerField(min_value=0, max_value=50),
        help_text="How many women to draw from each stratum: " + ", ".join(STRATA) + ".",
    )

    def validate_sizes(self, value):
        unknown = set(value) - set(STRATA)
        if unknown:
            raise serializers.ValidationError("Unknown strata: " + ", ".join(sorted(unknown)))
        return value


class InspectionNoteInput(serializers.Serializer):
    note = StrictCharField(max_length=10000)

    def __init__(self, instance=None, **kwargs):
        super().__init__(**kwargs)


class InspectionFindingInput(serializers.Serializer):
    area = serializers.ChoiceField(choices=Area.choices)
    rule = StrictCharField(max_length=20, required=False, allow_blank=True, default="")
    found = StrictCharField(max_length=10000)
    evidence = StrictCharField(max_length=10000, required=False, allow_blank=True, default="")


class InspectionFindingChange(serializers.Serializer):
    area = serializers.ChoiceField(choices=Area.choices, required=False)
    rule = StrictCharField(max_length=20, required=False, allow_blank=True)
    found = StrictCharField(max_length=10000, required=False)
    evidence = StrictCharField(max_length=10000, required=False, allow_blank=True)

    def __init__(self, instance=None, **kwargs):
        super().__init__(**kwargs)


class InspectionRecommendationInput(serializers.Serializer):
    text = StrictCharField(max_length=5000)
    rule = StrictCharField(max_length=20, required=False, allow_blank=True, default="")
    priority = serializers.ChoiceField(choices=Priority.choices)
    owner_role = serializers.ChoiceField(choices=OwnerRole.choices)
    owner = StrictCharField(
        max_length=150,
        required=False,
        allow_null=True,
        default=None,
        help_text="The username of a governor of the facility who owns it, or null.",
    )
    deadline = serializers.DateField()
    finding = serializers.SlugRelatedField(
        slug_field="uuid",
        queryset=Finding.objects.all(),
        required=False,
        allow_null=True,
        default=None,
    )


class InspectionRecommendationChange(serializers.Serializer):
    text = StrictCharField(max_length=5000, required=False)
    rule = StrictCharField(max_length=20, required=False, allow_blank=True)
    priority = serializers.ChoiceField(choices=Priority.choices, required=False)
    owner_role = serializers.ChoiceField(choices=OwnerRole.choices, required=False)
    owner = StrictCharField(max_length=150, required=False, allow_null=True)
    deadline = serializers.DateField(required=False)

    def __init__(self, instance=None, **kwargs):
        super().__init__(**kwargs)


class InspectionActionPlanInput(serializers.Serializer):
    action = StrictCharField(max_length=5000)
    owner = StrictCharField(max_length=200)
    target_date = serializers.DateField()


class InspectionActionPlanChange(serializers.Serializer):
    action = StrictCharField(max_length=5000, required=False)
    owner = StrictCharField(max_length=200, required=False)
    target_date = serializers.DateField(required=False)

    def __init__(self, instance=None, **kwargs):
        super().__init__(**kwargs)


class InspectionFollowUpInput(serializers.Serializer):
    status = serializers.ChoiceField(choices=ANSWER_CHOICES)
    reason = StrictCharField(max_length=5000, required=False, allow_blank=True, default="")
    evidence = StrictCharField(max_length=5000, required=False, allow_blank=True, default="")
