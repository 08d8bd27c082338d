"""What the classification API reads and writes (Rules 8, 40, 41).

Input serializers check the shape of a request; the services check the Rules, so a refusal
under a Rule reaches the client as a 409 naming it. A classification is answered as the caller
may read it (`classification.reading`): the risk factors and the reasons for a higher level to
those who read the assessment, the needs inputs only to social workers, the governor and health
staff; absent, not blank, for the others.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from bangkok.api_fields import StrictCharField

from . import reading
from .models import REVIEW_KINDS, Degree, Kind, Level, Need, RaiseReason


def _text(max_length=5000, **kwargs):
    return StrictCharField(
        required=False, allow_blank=True, default="", max_length=max_length, **kwargs
    )


class RiskFactorShown(serializers.Serializer):
    name = serializers.CharField()
    label = serializers.CharField()
    value = serializers.ChoiceField(choices=Degree.choices)
    value_label = serializers.CharField()


class ClassificationSerializer(serializers.Serializer):
    """One classification as the caller may read it (`classification.reading.shown`)."""

    uuid = serializers.UUIDField()
    woman = serializers.UUIDField()
    kind = serializers.ChoiceField(
        choices=Kind.choices,
        help_text=_(
            "`initial` or `review`; why she was reviewed only to readers of the assessment."
        ),
    )
    level = serializers.ChoiceField(choices=Level.choices)
    classified_at = serializers.DateTimeField()
    classified_by = serializers.CharField()
    next_review_on = serializers.DateField()
    reasons_for_her = serializers.CharField(help_text=_("The reasons, as she is told them."))
    current = serializers.BooleanField()
    assessment = serializers.BooleanField(
        help_text=_("Whether the tool's risk factors and the reasons for the level are shown.")
    )
    needs = serializers.BooleanField(
        help_text=_("Whether the needs inputs are shown: social workers, the governor, health.")
    )
    instrument = serializers.CharField(required=False)
    risk_factors = RiskFactorShown(many=True, required=False)
    score = serializers.IntegerField(required=False)
    default_level = serializers.ChoiceField(choices=Level.choices, required=False)
    raised = serializers.BooleanField(required=False)
    raise_reasons = serializers.ListField(
        child=serializers.ChoiceField(choices=RaiseReason.choices), required=False
    )
    rationale = serializers.CharField(required=False)
    victimisation = serializers.CharField(required=False)
    mental_health_needs = serializers.CharField(required=False)
    substance_use = serializers.CharField(required=False)
    caretaking = serializers.CharField(required=False)
    declined = serializers.ListField(
        child=serializers.ChoiceField(choices=Need.choices), required=False
    )
    needs_plan = serializers.CharField(required=False)

    def to_representation(self, instance):
        viewer = self.context["request"].user
        needs = self.context.get("needs")  # said once for a list, which audits once
        data = reading.shown(viewer, instance, needs=needs, audited=needs is None)
        return super().to_representation(data)


def _degree(help_text):
    return serializers.ChoiceField(choices=Degree.choices, help_text=help_text)


class ClassifyInput(serializers.Serializer):
    offence_violence = _degree(_("A risk factor: it counts in the score."))
    escape_history = _degree(_("A risk factor: it counts in the score."))
    conduct_in_custody = _degree(_("A risk factor: it counts in the score."))
    risk_to_others = _degree(_("A risk factor: it counts in the score."))
    victimisation = _text(help_text=_("For her plan only; never counts towards her level."))
    mental_health_needs = _text(help_text=_("For her plan and treatment only."))
    substance_use = _text()
    caretaking = _text()
    declined = serializers.ListField(
        child=serializers.ChoiceField(choices=Need.choices),
        required=False,
        default=list,
        max_length=len(Need.values),
    )
    needs_plan = _text()
    level = serializers.ChoiceField(choices=Level.choices)
    raise_reasons = serializers.ListField(
        child=serializers.ChoiceField(choices=RaiseReason.choices),
        required=False,
        default=list,
        max_length=len(RaiseReason.values),
    )
    rationale = _text()
    reasons_for_her = StrictCharField(max_length=5000)


class ClassificationReviewInput(ClassifyInput):
    kind = serializers.ChoiceField(choices=[(k.value, k.label) for k in REVIEW_KINDS])
