from django import forms
from django.utils.translation import gettext_lazy as _

from bangkok.forms import DATETIME, StyledForm

from .models import Attendance, HearingKind, HearingResult, SentTo

YES_NO = [("true", _("Yes")), ("false", _("No"))]


def _yes_no(label, **kwargs) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO,
        coerce=lambda value: value == "true",
        widget=forms.RadioSelect,
        **kwargs,
    )


class HearingForm(StyledForm):
    at = forms.DateTimeField(label=_("Date and time"), widget=DATETIME)
    court = forms.CharField(label=_("Court"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind of hearing"), choices=HearingKind.choices)
    attendance = forms.ChoiceField(
        label=_("She attends"), choices=Attendance.choices, widget=forms.RadioSelect
    )
    reference = forms.CharField(label=_("Case reference"), max_length=100, required=False)
    escort_arranged = _yes_no(_("Escort and transport arranged?"), initial="false")
    escort = forms.CharField(
        label=_("Escort and transport"),
        max_length=300,
        required=False,
        help_text=_("Who escorts her and how she travels, or the video room booked."),
    )


class EscortForm(StyledForm):
    escort_arranged = _yes_no(_("Escort and transport arranged?"))
    escort = forms.CharField(
        label=_("Escort and transport"),
        max_length=300,
        required=False,
        help_text=_("Who escorts her and how she travels, or the video room booked."),
    )


class ResultForm(StyledForm):
    result = forms.ChoiceField(
        label=_("What happened"), choices=HearingResult.choices, widget=forms.RadioSelect
    )
    result_note = forms.CharField(
        label=_("What the court decided"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The next date, the conditions of bail, the charge as it stands."),
    )
    alternatives = forms.CharField(
        label=_("Non-custodial alternatives considered"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Bail, diversion, a community measure: what was put to the court and what it "
            "decided (Rules 57, 58). Required for a girl under 18 at every court date (Rule 65)."
        ),
    )
    court_outcome = forms.ModelChoiceField(
        label=_("The court's decision on her legal status"),
        queryset=None,
        to_field_name="uuid",
        required=False,
        empty_label=_("None: her legal status did not change"),
        help_text=_("Recorded first on her admission, by whoever records the court's decision."),
    )

    def __init__(self, *args, outcomes=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["court_outcome"].queryset = outcomes
        self.fields["court_outcome"].label_from_instance = lambda outcome: (
            f"{outcome.decided_on:%Y-%m-%d} · {outcome.court} · {outcome.get_to_status_display()}"
        )


class CaretakingForm(StyledForm):
    sent_to = forms.ChoiceField(label=_("Sent to"), choices=SentTo.choices)
    recipient = forms.CharField(
        label=_("Name of the recipient"),
        max_length=200,
        help_text=_("Her lawyer, or the court's office."),
    )
    sent_at = forms.DateTimeField(label=_("Sent on"), widget=DATETIME)
    summary = forms.CharField(
        label=_("What was shared, in summary"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Her children and dependants, who cares for them now, what her custody means for "
            "them (Rule 58). Only staff who may know her children's identities read this."
        ),
    )


class AdviserForm(StyledForm):
    name = forms.CharField(label=_("Lawyer's name"), max_length=200)
    firm = forms.CharField(label=_("Firm or legal aid office"), max_length=200, required=False)
    phone = forms.CharField(label=_("Telephone"), max_length=50, required=False)
    email = forms.EmailField(label=_("Email"), required=False)
    address = forms.CharField(label=_("Address"), max_length=300, required=False)


class AdviserChangeForm(AdviserForm):
    acting = _yes_no(_("Acts for her now?"))


class ScreenForm(StyledForm):
    screened_at = forms.DateTimeField(label=_("Screened on"), widget=DATETIME)
    risks_found = _yes_no(_("Were risks of abuse identified?"))
    risks = forms.CharField(
        label=_("The risks identified"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("From other women, from staff, at court or in transport, from her co-accused."),
    )
    measures = forms.CharField(
        label=_("The measures taken"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
