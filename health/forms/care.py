from django import forms
from django.utils.translation import gettext_lazy as _

from bangkok.forms import DATETIME, StyledForm, moment
from prisoners.models import ObservationLevel
from staff.models import Gender

from ..models import (
    DistressKind,
    EncounterKind,
    PresenceReason,
    RestraintLimit,
    RestraintLimitReason,
    RiskLevel,
)


class StaffChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.username


class StaffMultipleChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.username


class EmptyForm(StyledForm):
    """Her request for a woman clinician, or its withdrawal: the click is the whole record."""


class EncounterForm(StyledForm):
    at = moment(_("Date and hour"))
    kind = forms.ChoiceField(label=_("Kind of encounter"), choices=EncounterKind.choices)
    clinician = StaffChoice(label=_("Clinician"), queryset=None)
    urgent = forms.BooleanField(label=_("Urgent medical intervention"), required=False)
    notes = forms.CharField(
        label=_("Notes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
    )
    woman_unavailable_reason = forms.CharField(
        label=_("If she asked for a woman clinician and a man saw her: why no woman was available"),
        max_length=300,
        required=False,
    )
    woman_present = StaffChoice(
        label=_("Woman staff member present (Rule 10.2)"), queryset=None, required=False
    )
    non_medical_present = StaffMultipleChoice(
        label=_("Non-medical staff present"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("They should be women (Rule 11.2)."),
    )
    non_medical_reason = forms.ChoiceField(
        label=_("Why non-medical staff were present (Rule 11.1)"),
        choices=[("", "—"), *PresenceReason.choices],
        required=False,
    )

    def __init__(self, *args, staff=None, clinicians=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["clinician"].queryset = clinicians
        self.fields["woman_present"].queryset = staff.filter(gender=Gender.WOMAN)
        self.fields["non_medical_present"].queryset = staff


class AssessmentForm(StyledForm):
    at = moment(_("Date and hour"))
    tool = forms.CharField(label=_("Assessment tool"), max_length=100)
    risk_level = forms.ChoiceField(
        label=_("Risk of suicide or self-harm"), choices=RiskLevel.choices, widget=forms.RadioSelect
    )
    care_plan = forms.CharField(
        label=_("Care plan"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Individual, gender-sensitive and trauma-informed (Rule 12)."),
        max_length=5000,
    )
    observation_level = forms.ChoiceField(
        label=_("Observation level"),
        choices=[("", _("Leave unchanged")), *ObservationLevel.choices],
        required=False,
    )


class ObservationForm(StyledForm):
    level = forms.ChoiceField(
        label=_("Observation level"), choices=ObservationLevel.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(label=_("Reason"), max_length=300, required=False)


class SegregationClearanceForm(StyledForm):
    reason = forms.CharField(
        label=_("Why segregation is safe for her"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Your clinical judgement at her present observation level. It lapses when her "
            "level changes."
        ),
    )


class DistressForm(StyledForm):
    kind = forms.ChoiceField(label=_("What"), choices=DistressKind.choices)
    occurred_at = forms.DateTimeField(
        label=_("When (date and hour)"),
        required=False,
        widget=DATETIME,
        help_text=_("It may be ahead, such as a court hearing. Leave empty for now."),
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class RestraintRestrictionForm(StyledForm):
    limit = forms.ChoiceField(
        label=_("Restriction"), choices=RestraintLimit.choices, widget=forms.RadioSelect
    )
    reason = forms.ChoiceField(label=_("Clinical reason"), choices=RestraintLimitReason.choices)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)
