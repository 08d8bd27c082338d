from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bangkok.forms import DATE, DATETIME, StyledForm

from .models import STRATA, Area, BodyKind, OwnerRole, Priority, Status, Stratum

TEXT = forms.Textarea(attrs={"rows": 4})


class VisitForm(StyledForm):
    body = forms.CharField(
        label=_("Monitoring body"),
        max_length=200,
        help_text=_("The inspectorate, board, mechanism or UN body, as it names itself."),
    )
    body_kind = forms.ChoiceField(label=_("Kind of body"), choices=BodyKind.choices)
    announced = forms.TypedChoiceField(
        label=_("Announced to the facility?"),
        choices=[("true", _("Announced")), ("false", _("Unannounced"))],
        coerce=lambda value: value == "true",
        widget=forms.RadioSelect,
    )
    planned_start = forms.DateField(label=_("Planned start"), widget=DATE)
    planned_end = forms.DateField(label=_("Planned end"), widget=DATE)
    purpose = forms.CharField(
        label=_("Purpose and scope"), max_length=5000, required=False, widget=TEXT
    )


class MemberForm(StyledForm):
    name = forms.CharField(label=_("Name"), max_length=200)
    role = forms.CharField(
        label=_("Role on the team"),
        max_length=200,
        help_text=_("Lead inspector, health inspector, interpreter, expert by experience..."),
    )
    woman = forms.TypedChoiceField(
        label=_("Is she a woman?"),
        choices=[("true", _("Yes, a woman")), ("false", _("No"))],
        coerce=lambda value: value == "true",
        widget=forms.RadioSelect,
        help_text=_("Rule 25.3: monitoring bodies include women members."),
    )


class StartForm(StyledForm):
    started_at = forms.DateTimeField(
        label=_("Started"),
        widget=DATETIME,
        required=False,
        help_text=_(
            "Leave empty for now. The facility's figures for the period before are kept with "
            "the visit as they are today."
        ),
    )


class FinishForm(StyledForm):
    ended_at = forms.DateTimeField(
        label=_("Ended"),
        widget=DATETIME,
        required=False,
        help_text=_(
            "Leave empty for now. Its findings and recommendations are then kept as they are."
        ),
    )


DEFAULT_SIZES = {
    Stratum.PREGNANT: 3,
    Stratum.MOTHER: 3,
    Stratum.GIRL: 3,
    Stratum.FOREIGN: 3,
    Stratum.APART: 3,
    Stratum.REST: 5,
}


class SampleForm(StyledForm):
    seed = forms.IntegerField(
        label=_("Seed"),
        required=False,
        min_value=0,
        max_value=2**63 - 1,
        help_text=_("Leave empty for a new random seed; give a seed to draw a sample again."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for stratum in STRATA:
            self.fields[f"size_{stratum}"] = forms.IntegerField(
                label=Stratum(stratum).label,
                min_value=0,
                max_value=50,
                initial=DEFAULT_SIZES[Stratum(stratum)],
                help_text=_("How many women to draw from this group."),
            )

    def clean(self):
        data = super().clean()
        sizes = {s: data.pop(f"size_{s}", 0) or 0 for s in STRATA}
        data["sizes"] = sizes
        return data


class NoteForm(StyledForm):
    note = forms.CharField(label=_("Case-review note"), max_length=10000, widget=TEXT)


class FindingForm(StyledForm):
    area = forms.ChoiceField(label=_("Area"), choices=Area.choices)
    rule = forms.CharField(
        label=_("Rule"), max_length=20, required=False, help_text=_("e.g. 22, 25.3, M43.")
    )
    found = forms.CharField(label=_("What was found"), max_length=10000, widget=TEXT)
    evidence = forms.CharField(label=_("Evidence"), max_length=10000, required=False, widget=TEXT)


class RecommendationForm(StyledForm):
    text = forms.CharField(label=_("Recommendation"), max_length=5000, widget=TEXT)
    rule = forms.CharField(label=_("Rule"), max_length=20, required=False)
    priority = forms.ChoiceField(label=_("Priority"), choices=Priority.choices)
    owner_role = forms.ChoiceField(label=_("Owner at the facility"), choices=OwnerRole.choices)
    owner = forms.ModelChoiceField(
        label=_("Named governor"),
        queryset=None,
        required=False,
        empty_label=_("Nobody named"),
        to_field_name="username",
    )
    deadline = forms.DateField(label=_("Deadline"), widget=DATE)
    finding = forms.ModelChoiceField(
        label=_("Finding it answers"),
        queryset=None,
        required=False,
        empty_label=_("None"),
        to_field_name="uuid",
    )

    def __init__(self, *args, governors, findings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = governors
        self.fields["owner"].label_from_instance = lambda u: u.get_full_name() or u.username
        self.fields["finding"].queryset = findings
        self.fields["finding"].label_from_instance = lambda f: (
            f"{f.get_area_display()}: {f.found[:60]}"
        )


class ChangeRecommendationForm(RecommendationForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["finding"]


class ActionPlanForm(StyledForm):
    action = forms.CharField(label=_("Action"), max_length=5000, widget=TEXT)
    owner = forms.CharField(label=_("Who carries it out"), max_length=200)
    target_date = forms.DateField(label=_("Target date"), widget=DATE)

    def clean_target_date(self):
        return self.cleaned_data["target_date"] or timezone.localdate()


class FollowUpForm(StyledForm):
    status = forms.ChoiceField(
        label=_("Where it stands"),
        choices=[
            (s, Status(s).label)
            for s in (Status.ACCEPTED, Status.IN_PROGRESS, Status.DONE, Status.NOT_ACCEPTED)
        ],
    )
    evidence = forms.CharField(
        label=_("Evidence"),
        max_length=5000,
        required=False,
        widget=TEXT,
        help_text=_("Required when it is done."),
    )
    reason = forms.CharField(
        label=_("Reason it is not accepted"),
        max_length=5000,
        required=False,
        widget=TEXT,
        help_text=_("Required when it is not accepted."),
    )
