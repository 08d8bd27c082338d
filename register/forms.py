"""A child's record corrected on a page, and the separation of a child living with her mother
(Rule 52), as staff record them."""

import copy

from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from bangkok.forms import DATE, NamedErrors, StyledForm, govuk_styled

from .models import (
    CHILD_FIELDS,
    ActivityKind,
    AppealOutcome,
    Applicant,
    Child,
    Custody,
    Outcome,
    UnitDecision,
)


class SeparationForm(StyledForm):
    """The day the child leaves, carrying out the plan (Rule 52)."""

    separated_on = forms.DateField(
        label=_("Day the child leaves"),
        required=False,
        widget=DATE,
        help_text=_("Leave empty for today."),
    )


def _text(label, help_text="", required=True, max_length=5000):
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class HerChildField(forms.ModelChoiceField):
    """One of her children, by name and date of birth (the page is for social workers only)."""

    def label_from_instance(self, obj):
        name = " ".join(part for part in (obj.given_names, obj.family_name) if part)
        return f"{name} ({formats.date_format(obj.date_of_birth, 'DATE_FORMAT')})"


class BestInterestsForm(StyledForm):
    """A best-interests decision (Rules 49, 52.1), as a social worker records it."""

    child = HerChildField(
        label=_("Which child"),
        queryset=Child.objects.none(),
        required=False,
        empty_label=_("A child not yet on the register (a baby not yet born)"),
        help_text=_(
            "For a child living with her, this is a review; for any other, the decision before "
            "the child comes to live with her."
        ),
    )
    decided_on = forms.DateField(
        label=_("Day decided"), required=False, widget=DATE, help_text=_("Leave empty for today.")
    )
    participants = _text(
        _("Who took part"), _("Name each person and their role; she takes part herself.")
    )
    her_views = _text(_("Her views"))
    child_needs = _text(_("The child's needs"), _("Health, development, attachment, care."))
    outcome = forms.ChoiceField(
        label=_("The decision"), choices=Outcome.choices, widget=forms.RadioSelect
    )
    reasons = _text(_("The reasons, in the child's best interests"))

    def __init__(self, *args, mother=None, **kwargs):
        super().__init__(*args, **kwargs)
        if mother is not None:
            self.fields["child"].queryset = mother.children.all()


class SeparationPlanForm(StyledForm):
    """The plan for a child living with her to leave prison (Rule 52), made in parts."""

    carer = forms.CharField(label=_("Who will care for the child"), max_length=200)
    location = forms.CharField(label=_("Where the child will live"), max_length=300)
    carer_contact = forms.CharField(label=_("Carer's contact"), max_length=300, required=False)
    custody = forms.ChoiceField(
        label=_("Custody or guardianship"),
        choices=[(value, label) for value, label in Custody.choices if value != Custody.UNKNOWN],
    )
    care_confirmed_on = forms.DateField(
        label=_("Day the carer confirmed the arrangement"),
        required=False,
        widget=DATE,
        help_text=_("Rule 52.2: the child leaves only once the care is confirmed."),
    )
    transition = _text(
        _("The gradual transition: its stages and dates"),
        _("For example, day visits, then overnight stays, then the move."),
        required=False,
    )
    her_consulted_on = forms.DateField(
        label=_("Day she was consulted"), required=False, widget=DATE
    )
    her_views = _text(_("Her views on the plan"), required=False)
    consular_consulted_on = forms.DateField(
        label=_("Day consular officials were consulted"),
        required=False,
        widget=DATE,
        help_text=_("Rule 52.2: for a foreign national, before the child leaves."),
    )
    consular_official = forms.CharField(
        label=_("Consular official consulted"), max_length=300, required=False
    )
    home_country_considered = _text(
        _("Relocation to the child's home country, considered with her"),
        _("Rule 53.2: for a foreign national, what was considered with her and why."),
        required=False,
    )
    contact_plan = _text(
        _("How she and the child will meet after"),
        _("Rule 52.3: visits, calls, who brings the child and how often."),
        required=False,
    )
    contact_every_days = forms.IntegerField(
        label=_("She meets the child at least every (days)"), min_value=1, max_value=90
    )
    planned_on = forms.DateField(
        label=_("Planned day the child leaves"), required=False, widget=DATE
    )


class ChildEditForm(NamedErrors, forms.ModelForm):
    """A child's record as reception (at admission) or a social worker corrects it: where she
    lives or that it is not known, who has custody, the carer's contact and the arrangements
    made for her care (Rules 2.2, 3.1). Each missing answer is said at its own field."""

    class Meta:
        model = Child
        fields = list(CHILD_FIELDS)
        widgets = {"date_of_birth": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        govuk_styled(self)
        self.fields["lives_with_mother"].help_text = _(
            "A child living with her leaves prison only by a separation of its own (Rule 52), "
            "not by an edit."
        )
        self.fields["location_unknown"].help_text = _(
            "Social workers are asked to find out. Untick it once where she lives is known."
        )
        self.fields["custody"].help_text = _("'Not known' also asks social workers to find out.")

    def clean(self):
        data = super().clean()
        if data.get("lives_with_mother"):
            return data
        location, unknown = (data.get("location") or "").strip(), data.get("location_unknown")
        if not location and not unknown:
            self.add_error(
                "location",
                _("Say where the child lives, or tick that it is not known (Rule 3.1)."),
            )
        elif location and unknown:
            self.add_error(
                "location_unknown",
                _("Where the child lives is given: untick 'not known', or clear the place."),
            )
        if not data.get("custody"):
            self.add_error(
                "custody", _("Say who has custody of the child; 'Not known' is allowed (Rule 3.1).")
            )
        return data

    def _post_clean(self):
        # The record is changed by the service, under its lock and version, never here: the
        # form only validates what was typed (the model's own checks included) on a copy.
        self.instance = copy.copy(self.instance)
        super()._post_clean()


class UnitApplicationForm(StyledForm):
    """An application for a place in the mother and baby unit (Rules 49-51)."""

    applicant = forms.ChoiceField(label=_("Who applies"), choices=Applicant.choices)
    applied_on = forms.DateField(
        label=_("Day of the application"),
        required=False,
        widget=DATE,
        help_text=_("Leave empty for today."),
    )
    expected_on = forms.DateField(
        label=_("Expected date of delivery, as she gives it"),
        required=False,
        widget=DATE,
        help_text=_("For a baby not yet born: the board decides in time for the birth."),
    )
    child = HerChildField(
        label=_("Or the child, already born"),
        queryset=Child.objects.none(),
        required=False,
        empty_label=_("A baby not yet born"),
    )

    def __init__(self, *args, mother=None, **kwargs):
        super().__init__(*args, **kwargs)
        if mother is not None:
            self.fields["child"].queryset = mother.children.all()


class UnitDecisionForm(StyledForm):
    decision = forms.ChoiceField(
        label=_("The board's decision"), choices=UnitDecision.choices, widget=forms.RadioSelect
    )
    reasons = _text(_("The board's reasons"))
    decided_on = forms.DateField(
        label=_("Day decided"), required=False, widget=DATE, help_text=_("Leave empty for today.")
    )


class UnitAppealForm(StyledForm):
    grounds = _text(_("Her grounds of appeal"))
    lodged_on = forms.DateField(
        label=_("Day she appealed"),
        required=False,
        widget=DATE,
        help_text=_("Leave empty for today."),
    )


class UnitAppealOutcomeForm(StyledForm):
    outcome = forms.ChoiceField(
        label=_("The appeal's outcome"), choices=AppealOutcome.choices, widget=forms.RadioSelect
    )
    reasons = _text(_("The appeal's reasons"))
    decided_on = forms.DateField(
        label=_("Day decided"), required=False, widget=DATE, help_text=_("Leave empty for today.")
    )


class ChildActivityForm(StyledForm):
    """A day of the child's life in prison (Rules 42.2, 50, 51.2)."""

    kind = forms.ChoiceField(
        label=_("What"), choices=ActivityKind.choices, widget=forms.RadioSelect
    )
    on = forms.DateField(label=_("Day"), widget=DATE)
    hours = forms.DecimalField(
        label=_("Hours"), max_digits=4, decimal_places=1, min_value=0, max_value=24, required=False
    )
    who = forms.CharField(
        label=_("Who cared for or went with the child"),
        max_length=200,
        required=False,
        help_text=_("Required for childcare and outings."),
    )
    place = forms.CharField(
        label=_("Where"),
        max_length=200,
        required=False,
        help_text=_("Required for outings and nursery."),
    )
    her_activity = forms.CharField(
        label=_("What she took part in"),
        max_length=200,
        required=False,
        help_text=_("For childcare: work, education, a programme, a visit, health care..."),
    )
    note = _text(_("Note"), required=False, max_length=3000)
