"""What the self-harm API reads and writes (Rules 8, 12, 16, 35). Input serializers check the
shape of a request; the services check the Rules (a refusal is a 409 naming the rule). A case
or incident is answered as the caller may read it (`selfharm.reading`): what she may not read
is absent, not blank."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from bangkok import late
from bangkok.api_fields import StrictBooleanField, StrictCharField, StrictSlugRelatedField
from staff.models import User

from .models import CheckOutcome, Prompt, Risk, Team
from .services import staff_who_may_take_part


def _text(max_length=5000, **kwargs):
    return StrictCharField(
        required=False, allow_blank=True, default="", max_length=max_length, **kwargs
    )


def _maybe(field_class, **kwargs):
    return field_class(required=False, **kwargs)


class PlanItem(serializers.Serializer):
    what = StrictCharField(max_length=500)
    team = serializers.ChoiceField(choices=Team.choices)
    when = StrictCharField(max_length=200, help_text=_("How often, or by when."))


class PlanShown(PlanItem):
    added_at = serializers.DateTimeField()


class AssessmentShown(serializers.Serializer):
    assessed_at = serializers.DateTimeField()
    assessed_by = serializers.CharField()
    took_part = serializers.BooleanField()
    her_account = serializers.CharField()
    why_not = serializers.CharField()
    risk = serializers.ChoiceField(choices=Risk.choices)
    triggers = serializers.CharField()
    protective = serializers.CharField()
    late_reason = serializers.CharField()


class SelfHarmReviewShown(serializers.Serializer):
    held_at = serializers.DateTimeField()
    chaired_by = serializers.CharField()
    participants = serializers.ListField(child=serializers.CharField())
    others_present = serializers.CharField()
    took_part = serializers.BooleanField()
    her_account = serializers.CharField()
    why_not = serializers.CharField()
    risk = serializers.ChoiceField(choices=Risk.choices)
    plan_changes = serializers.CharField()
    next_review_at = serializers.DateTimeField(allow_null=True)
    closes = serializers.BooleanField()
    late_reason = serializers.CharField()


class CheckShown(serializers.Serializer):
    checked_at = serializers.DateTimeField()
    checked_by = serializers.CharField()
    outcome = serializers.ChoiceField(choices=CheckOutcome.choices)
    notes = serializers.CharField()


class CaseSerializer(serializers.Serializer):
    """A case: its dates and timeliness for every reader; its texts (`full`) only for the teams
    who work with her."""

    uuid = serializers.UUIDField()
    woman = serializers.UUIDField()
    opened_at = serializers.DateTimeField()
    noticed_at = serializers.DateTimeField()
    assessment_due_at = serializers.DateTimeField()
    assessed_at = serializers.DateTimeField(allow_null=True)
    assessment_late = serializers.BooleanField()
    late_hours = serializers.IntegerField(
        allow_null=True, help_text=_("How many hours the assessment was (or is) late.")
    )
    next_review_at = serializers.DateTimeField(allow_null=True)
    closed_at = serializers.DateTimeField(allow_null=True)
    check_due_at = serializers.DateTimeField(allow_null=True)
    checked_at = serializers.DateTimeField(allow_null=True)
    follows = serializers.UUIDField(allow_null=True, help_text=_("The case this one follows."))
    full = serializers.BooleanField(help_text=_("Whether the case's texts are shown."))
    concern = _maybe(serializers.CharField)
    prompt = _maybe(serializers.ChoiceField, choices=Prompt.choices)
    immediate_action = _maybe(serializers.CharField)
    opened_by = _maybe(serializers.CharField)
    late_reason = _maybe(serializers.CharField)
    risk = _maybe(serializers.CharField)
    assessment = AssessmentShown(required=False)
    plan = PlanShown(many=True, required=False)
    reviews = SelfHarmReviewShown(many=True, required=False)
    check = CheckShown(required=False)


class ClinicalShown(serializers.Serializer):
    method = serializers.CharField()
    injuries = serializers.CharField()
    treatment = serializers.CharField()
    recorded_by = serializers.CharField()
    recorded_at = serializers.DateTimeField()


class IncidentSerializer(serializers.Serializer):
    """An incident: its time for every reader; what custody recorded for the teams who work
    with her; its clinical part for health staff alone (Rule 8)."""

    uuid = serializers.UUIDField()
    woman = serializers.UUIDField()
    case = serializers.UUIDField()
    occurred_at = serializers.DateTimeField()
    clinical_due_at = serializers.DateTimeField()
    clinical_recorded = serializers.BooleanField()
    place = _maybe(serializers.CharField)
    response = _maybe(serializers.CharField)
    first_aid_called = _maybe(serializers.BooleanField)
    recorded_by = _maybe(serializers.CharField)
    recorded_at = _maybe(serializers.DateTimeField)
    late_reason = _maybe(serializers.CharField)
    clinical = ClinicalShown(required=False)


class OpenInput(serializers.Serializer):
    concern = StrictCharField(max_length=5000)
    prompt = serializers.ChoiceField(
        choices=[c for c in Prompt.choices if c[0] not in (Prompt.INCIDENT, Prompt.AGAIN)]
    )
    immediate_action = _text()
    noticed_at = serializers.DateTimeField(
        required=False, allow_null=True, default=None, help_text=_("Empty: now.")
    )
    late_reason = late.api_field()


class TakingPart(serializers.Serializer):
    took_part = StrictBooleanField()
    her_account = _text()
    why_not = _text(2000, help_text=_("Required if she didn't take part."))
    risk = serializers.ChoiceField(choices=Risk.choices)
    next_review_at = serializers.DateTimeField(required=False, allow_null=True, default=None)


class AssessInput(TakingPart):
    triggers = _text()
    protective = _text()
    plan = PlanItem(many=True, help_text=_("Her care plan: at least one action."))
    assessed_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    late_reason = _text(late.MAX_LENGTH, help_text=_("Required when the assessment is late."))


@extend_schema_field(OpenApiTypes.STR)
class StaffField(StrictSlugRelatedField):
    def get_queryset(self):
        woman = self.context.get("woman")
        if woman is None:
            return User.objects.none()
        return staff_who_may_take_part(woman)


class SelfHarmReviewInput(TakingPart):
    participants = serializers.ListField(
        child=StaffField(slug_field="username"),
        help_text=_("Usernames of the staff who took part: at least one of another team."),
    )
    others_present = _text(300)
    plan_changes = _text()
    plan = PlanItem(many=True, required=False, default=list)
    close = StrictBooleanField(required=False, default=False)
    held_at = serializers.DateTimeField(
        required=False, allow_null=True, default=None, help_text=_("Empty: now.")
    )
    late_reason = late.api_field()


class CheckInput(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=CheckOutcome.choices)
    notes = StrictCharField(max_length=5000)


class IncidentInput(serializers.Serializer):
    occurred_at = serializers.DateTimeField()
    place = StrictCharField(max_length=200)
    response = StrictCharField(max_length=5000)
    first_aid_called = StrictBooleanField()
    late_reason = late.api_field()


class ClinicalInput(serializers.Serializer):
    method = StrictCharField(max_length=2000)
    injuries = StrictCharField(max_length=5000)
    treatment = StrictCharField(max_length=5000)
