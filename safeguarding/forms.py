from django import forms
from django.utils.translation import gettext_lazy as _

from bangkok import late
from bangkok.forms import DATETIME, StyledForm, moment
from prisoners.models import Prisoner
from prisoners.withheld import shown

from .models import ConcernWay, Kind, Measure, NeedEnd, NeedKind, Part, ReportedBy, Triage

OTHER_ROWS = 3
YES_NO = [("yes", _("Yes")), ("no", _("No"))]


def _text(label, *, required=False, help_text="", rows=3, max_length=5000):
    return forms.CharField(
        label=label,
        required=required,
        widget=forms.Textarea(attrs={"rows": rows}),
        max_length=max_length,
        help_text=help_text,
    )


def _yes_no(label):
    return forms.TypedChoiceField(
        label=label, choices=YES_NO, coerce=lambda value: value == "yes", widget=forms.RadioSelect
    )


def _radio(label, choices, **kwargs):
    return forms.ChoiceField(label=label, choices=choices, widget=forms.RadioSelect, **kwargs)


NEXT_REVIEW = _("Next review")


def _next_review(label=NEXT_REVIEW):
    return forms.DateTimeField(
        label=label,
        required=False,
        widget=DATETIME,
        help_text=_("Leave empty for the latest allowed."),
    )


class IncidentForm(StyledForm):
    kind = _radio(_("What kind of incident"), Kind.choices)
    her_part = _radio(_("Her part"), Part.choices)
    occurred_at = forms.DateTimeField(label=_("When"), widget=DATETIME)
    place = forms.CharField(label=_("Where"), max_length=200)
    account = _text(_("What happened"), required=True, rows=5)
    injured = _yes_no(_("Was anyone hurt?"))
    reported_by = _radio(_("Who reported it"), ReportedBy.choices)
    late_reason = late.form_field()

    def __init__(self, *args, woman, **kwargs):
        super().__init__(*args, **kwargs)
        self.woman = woman
        for n in range(1, OTHER_ROWS + 1):
            self.fields[f"other_{n}_number"] = forms.CharField(
                label=_("Another woman %(n)s: prison number") % {"n": n},
                required=False,
                max_length=20,
            )
            self.fields[f"other_{n}_part"] = forms.ChoiceField(
                label=_("Another woman %(n)s: her part") % {"n": n},
                choices=[("", "—"), *Part.choices],
                required=False,
            )

    def other_rows(self):
        return [
            [self[f"other_{n}_{p}"] for p in ("number", "part")] for n in range(1, OTHER_ROWS + 1)
        ]

    def clean(self):
        data = super().clean()
        others = []
        for n in range(1, OTHER_ROWS + 1):
            number = (data.pop(f"other_{n}_number", "") or "").strip()
            part = data.pop(f"other_{n}_part", "")
            if not number and not part:
                continue
            woman = shown(
                Prisoner.objects.filter(
                    prison_number__iexact=number, facility_id=self.woman.facility_id
                )
            ).first()
            if woman is None:
                self.add_error(
                    f"other_{n}_number", _("No woman with this prison number in her facility.")
                )
            elif not part:
                self.add_error(f"other_{n}_part", _("Give her part."))
            else:
                others.append({"prisoner": woman, "part": part})
        data["others"] = others
        return data


class InjuriesForm(StyledForm):
    injuries = _text(_("Injuries"), required=True)
    treatment = _text(_("Treatment"), required=True)


def _measures():
    return forms.MultipleChoiceField(
        label=_("Measures"), choices=Measure.choices, widget=forms.CheckboxSelectMultiple
    )


class PlanForm(StyledForm):
    measures = _measures()
    her_views = _text(_("Her views, in her words"))
    at_her_request = forms.BooleanField(
        label=_("She asked to be moved, held apart or to limit her activities"), required=False
    )
    support_offered = forms.BooleanField(
        label=_("Support and counselling were offered to her"), required=False
    )
    notes = _text(_("Notes"))
    next_review_at = _next_review(_("First review"))


class ChangePlanForm(StyledForm):
    measures = _measures()
    her_views = _text(_("Her views, in her words"))
    at_her_request = forms.BooleanField(
        label=_("She asked to be moved, held apart or to limit her activities"), required=False
    )
    notes = _text(_("Notes"))


class PlanReviewForm(StyledForm):
    notes = _text(_("What the review found"), required=True)
    her_views = _text(_("Her views, in her words"))
    next_review_at = _next_review()
    close = forms.BooleanField(label=_("End the plan"), required=False)
    held_at = moment(_("Held at"))


class ConcernForm(StyledForm):
    raised_by = forms.CharField(label=_("Who raised it (name and relationship)"), max_length=200)
    way = _radio(_("How it reached us"), ConcernWay.choices)
    concern = _text(_("The concern"), required=True, rows=5)
    received_at = moment(_("Received at"))
    late_reason = late.form_field()


class TriageForm(StyledForm):
    outcome = _radio(_("Outcome"), Triage.choices)
    incident = forms.ModelChoiceField(
        label=_("The incident"), queryset=None, required=False, to_field_name="uuid"
    )
    need = forms.ModelChoiceField(
        label=_("The social-care need"), queryset=None, required=False, to_field_name="uuid"
    )
    reason = _text(_("Why it is closed"), max_length=2000)
    family_told = _text(
        _("What her family is told"),
        max_length=2000,
        help_text=_("Never the name of a woman recorded as harming her."),
    )

    def __init__(self, *args, woman, **kwargs):
        from .services import incidents_of

        super().__init__(*args, **kwargs)
        self.fields["incident"].queryset = incidents_of(woman)
        self.fields["incident"].label_from_instance = lambda incident: (
            f"{incident.get_kind_display()}, {incident.occurred_at:%Y-%m-%d %H:%M}"
        )
        self.fields["need"].queryset = woman.care_needs.filter(closed_at__isnull=True)
        self.fields["need"].label_from_instance = lambda need: need.get_kind_display()


class NeedForm(StyledForm):
    kind = _radio(_("What kind of need"), NeedKind.choices)
    description = _text(_("The need"), required=True)
    adjustments = _text(
        _("Reasonable adjustments"),
        help_text=_("What is done so that she takes part in prison life on an equal basis."),
    )
    her_views = _text(_("Her views, in her words"))
    next_review_at = _next_review()


class NeedReviewForm(StyledForm):
    in_place = _yes_no(_("Are the adjustments in place?"))
    notes = _text(_("What the review found"), required=True)
    her_views = _text(_("Her views, in her words"))
    adjustments = _text(_("The adjustments from now on"), help_text=_("Only if they change."))
    next_review_at = _next_review()
    ended = forms.ChoiceField(
        label=_("Does the need end?"),
        choices=[("", _("No: the plan goes on")), *NeedEnd.choices],
        required=False,
        widget=forms.RadioSelect,
    )
