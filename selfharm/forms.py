from django import forms
from django.utils.translation import gettext_lazy as _

from bangkok import late
from bangkok.forms import DATETIME, StyledForm, moment

from .models import CheckOutcome, Prompt, Risk, Team
from .services import staff_who_may_take_part

PLAN_ROWS = 3


def _name(user) -> str:
    return user.get_full_name() or user.username


def _text(label, *, required=False, help_text="", rows=3, max_length=5000):
    return forms.CharField(
        label=label,
        required=required,
        widget=forms.Textarea(attrs={"rows": rows}),
        max_length=max_length,
        help_text=help_text,
    )


YES_NO = [("yes", _("Yes")), ("no", _("No"))]


def _took_part():
    return forms.TypedChoiceField(
        label=_("Did she take part?"),
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )


class OpenForm(StyledForm):
    concern = _text(_("What was seen or heard"), required=True, rows=4)
    prompt = forms.ChoiceField(
        label=_("What prompted it"),
        choices=[c for c in Prompt.choices if c[0] not in (Prompt.INCIDENT, Prompt.AGAIN)],
        widget=forms.RadioSelect,
    )
    immediate_action = _text(_("What was done at once"))
    noticed_at = moment(_("When it was seen or heard"))
    late_reason = late.form_field()


class PlanForm(StyledForm):
    """A form with the rows of her care plan: each `what`, its team and how often or by
    when, gathered as `plan` for the service."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for n in range(1, PLAN_ROWS + 1):
            self.fields[f"plan_{n}_what"] = forms.CharField(
                label=_("Action %(n)s: what") % {"n": n}, required=False, max_length=500
            )
            self.fields[f"plan_{n}_team"] = forms.ChoiceField(
                label=_("Action %(n)s: which team") % {"n": n},
                choices=[("", "—"), *Team.choices],
                required=False,
            )
            self.fields[f"plan_{n}_when"] = forms.CharField(
                label=_("Action %(n)s: how often or by when") % {"n": n},
                required=False,
                max_length=200,
            )

    def plan_rows(self):
        return [
            [self[f"plan_{n}_{part}"] for part in ("what", "team", "when")]
            for n in range(1, PLAN_ROWS + 1)
        ]

    def clean(self):
        data = super().clean()
        plan = []
        for n in range(1, PLAN_ROWS + 1):
            item = {part: data.pop(f"plan_{n}_{part}", "") for part in ("what", "team", "when")}
            if any(item.values()):
                plan.append(item)
        data["plan"] = plan
        return data


class AssessForm(PlanForm):
    took_part = _took_part()
    her_account = _text(_("Her account, in her words"))
    why_not = _text(_("Why she didn't take part"), help_text=_("Only if she didn't."))
    risk = forms.ChoiceField(label=_("Risk"), choices=Risk.choices, widget=forms.RadioSelect)
    triggers = _text(_("What triggers it"))
    protective = _text(_("What protects her"))
    next_review_at = forms.DateTimeField(
        label=_("First review"),
        required=False,
        widget=DATETIME,
        help_text=_("Leave empty for the latest her risk allows."),
    )
    assessed_at = moment(_("Assessed at"))
    late_reason = forms.CharField(
        label=_("Why the assessment is late"),
        required=False,
        max_length=late.MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required after the time set for it."),
    )


class ReviewForm(PlanForm):
    participants = forms.ModelMultipleChoiceField(
        label=_("Staff who took part"), queryset=None, widget=forms.CheckboxSelectMultiple
    )
    others_present = forms.CharField(
        label=_("Others who took part"), required=False, max_length=300
    )
    took_part = _took_part()
    her_account = _text(_("Her account, in her words"))
    why_not = _text(_("Why she didn't take part"), help_text=_("Only if she didn't."))
    risk = forms.ChoiceField(label=_("Risk"), choices=Risk.choices, widget=forms.RadioSelect)
    plan_changes = _text(_("Changes to the care plan"))
    next_review_at = forms.DateTimeField(
        label=_("Next review"),
        required=False,
        widget=DATETIME,
        help_text=_("Leave empty for the latest her risk allows."),
    )
    close = forms.BooleanField(
        label=_("Close the case (only when her risk is low)"), required=False
    )
    held_at = moment(_("Held at"))
    late_reason = late.form_field()

    def __init__(self, *args, woman, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["participants"]
        field.queryset = staff_who_may_take_part(woman)
        field.label_from_instance = _name


class CheckForm(StyledForm):
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=CheckOutcome.choices, widget=forms.RadioSelect
    )
    notes = _text(_("How she is"), required=True)


class IncidentForm(StyledForm):
    occurred_at = forms.DateTimeField(label=_("When"), widget=DATETIME)
    place = forms.CharField(label=_("Where"), max_length=200)
    response = _text(_("What was done at once"), required=True)
    first_aid_called = forms.TypedChoiceField(
        label=_("Was first aid called?"),
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    late_reason = late.form_field()


class ClinicalForm(StyledForm):
    method = _text(_("Method"), required=True, max_length=2000)
    injuries = _text(_("Injuries"), required=True)
    treatment = _text(_("Treatment"), required=True)
