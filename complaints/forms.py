from django import forms
from django.utils.translation import gettext_lazy as _

from bangkok.forms import StyledForm, moment
from facilities.scope import staff_holding, staff_of

from .models import Channel, Kind, Measure, Perpetrator, Subject, Timing
from .services.complaints import DEAL

YES_NO = [("no", _("No")), ("yes", _("Yes"))]


class LodgeForm(StyledForm):
    kind = forms.ChoiceField(label=_("What is it"), choices=Kind.choices, widget=forms.RadioSelect)
    channel = forms.ChoiceField(label=_("How it came"), choices=Channel.choices)
    subject = forms.ChoiceField(label=_("What it is about"), choices=Subject.choices)
    narrative = forms.CharField(
        label=_("Her account"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("In her words. Only safeguarding staff and inspectors will read it."),
        max_length=10000,
    )
    lodged_for_her_by = forms.CharField(
        label=_("Lodged for her by"),
        required=False,
        max_length=200,
        help_text=_("Leave empty if she lodged it herself."),
    )
    named_staff = forms.ModelMultipleChoiceField(
        label=_("Staff it names"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("They will not see it, be told of it, or deal with it."),
    )
    received_at = moment(_("Received"))
    timing = forms.ChoiceField(
        label=_("When it happened (reports of abuse)"),
        choices=[("", "—"), *Timing.choices],
        required=False,
    )
    perpetrator = forms.ChoiceField(
        label=_("Alleged perpetrator (reports of abuse)"),
        choices=[("", "—"), *Perpetrator.choices],
        required=False,
    )
    sexual = forms.BooleanField(label=_("Sexual abuse"), required=False)
    wishes_legal_action = forms.BooleanField(
        label=_("She wishes to take legal action (Rule 7.1)"), required=False
    )

    def __init__(self, *args, prisoner, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["named_staff"].queryset = staff_of(prisoner.facility)
        self.fields["named_staff"].label_from_instance = lambda u: u.get_full_name() or u.username

    def clean(self):
        data = super().clean()
        data["lodged_by_her"] = not data.get("lodged_for_her_by")
        data["received_at"] = data.get("received_at") or None
        if data.get("kind") == Kind.ABUSE_REPORT:
            for name in ("timing", "perpetrator"):
                if not data.get(name):
                    self.add_error(name, _("A report of abuse says this."))
        return data


class AssignForm(StyledForm):
    to = forms.ModelChoiceField(label=_("Safeguarding officer"), queryset=None)

    def __init__(self, *args, complaint, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to"].queryset = staff_holding(DEAL, complaint.facility).exclude(
            pk__in=complaint.named_staff.values("pk")
        )


class PlanForm(StyledForm):
    measures = forms.MultipleChoiceField(
        label=_("Measures"),
        choices=Measure.choices,
        widget=forms.CheckboxSelectMultiple,
        initial=[Measure.PERPETRATOR_MOVED],
    )
    moving_her_reason = forms.CharField(
        label=_("Why she, not the alleged perpetrator, is moved"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=5000,
    )
    support_offered = forms.BooleanField(label=_("Support and counselling offered"), required=False)


class ReferForm(StyledForm):
    authority = forms.CharField(label=_("Independent authority"), max_length=200)


class AnswerForm(StyledForm):
    reply = forms.CharField(
        label=_("Answer given to her"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
    )


class ReviewForm(StyledForm):
    retaliatory = forms.TypedChoiceField(
        label=_("Is it retaliation for her report?"),
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Notes"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=5000,
    )
