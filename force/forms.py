from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from bangkok import late
from bangkok.forms import DATETIME, StyledForm, moment

from .models import Injury, Outcome, Reason, Technique
from .services import staff_who_may_be_named


def _name(user) -> str:
    return user.get_full_name() or user.username


def _restraint_name(restraint) -> str:
    when = date_format(timezone.localtime(restraint.applied_at), "DATETIME_FORMAT")
    return f"{restraint.get_device_display()}, {when}"


def _text(label, *, required=False, help_text="", rows=3):
    return forms.CharField(
        label=label,
        required=required,
        widget=forms.Textarea(attrs={"rows": rows}),
        max_length=5000,
        help_text=help_text,
    )


class RecordForm(StyledForm):
    """Only the allowed reasons are offered (Mandela 82.1: never a punishment)."""

    techniques = forms.MultipleChoiceField(
        label=_("Techniques used"), choices=Technique.choices, widget=forms.CheckboxSelectMultiple
    )
    restraint = forms.ModelChoiceField(
        label=_("The restraint recorded for it"),
        queryset=None,
        required=False,
        help_text=_("Handcuffs and other instruments are recorded in restraints first."),
    )
    reason = forms.ChoiceField(label=_("Why"), choices=Reason.choices, widget=forms.RadioSelect)
    account = _text(_("What happened"), required=True, rows=4)
    deescalation = _text(
        _("What was tried first"),
        help_text=_("Talking, time, a colleague she trusts: what was tried before force."),
    )
    no_deescalation_reason = _text(
        _("Why nothing could be tried first"), help_text=_("Only if nothing was tried.")
    )
    planned = forms.TypedChoiceField(
        label=_("Was it planned?"),
        choices=[("no", _("No: spontaneous")), ("yes", _("Yes: planned"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    started_at = forms.DateTimeField(label=_("Started at"), widget=DATETIME)
    duration_minutes = forms.IntegerField(
        label=_("How long (minutes)"), min_value=1, max_value=24 * 60
    )
    staff_involved = forms.ModelMultipleChoiceField(
        label=_("Staff involved"), queryset=None, widget=forms.CheckboxSelectMultiple
    )
    injury_to_her = forms.ChoiceField(
        label=_("Injuries to her"), choices=Injury.choices, widget=forms.RadioSelect
    )
    injury_to_staff = forms.ChoiceField(
        label=_("Injuries to staff"), choices=Injury.choices, widget=forms.RadioSelect
    )
    camera_reference = forms.CharField(
        label=_("Body-worn camera footage reference"), required=False, max_length=100
    )
    no_footage_reason = forms.CharField(
        label=_("Why there is no footage"), required=False, max_length=300
    )
    location = forms.CharField(label=_("Where"), max_length=200)
    late_reason = late.form_field()

    def __init__(self, *args, woman, **kwargs):
        super().__init__(*args, **kwargs)
        staff = self.fields["staff_involved"]
        staff.queryset = staff_who_may_be_named(woman)
        staff.label_from_instance = _name
        restraint = self.fields["restraint"]
        restraint.queryset = woman.restraints.filter(applied_at__isnull=False).order_by(
            "-applied_at"
        )
        restraint.label_from_instance = _restraint_name


class HealthCheckForm(StyledForm):
    examined = forms.TypedChoiceField(
        label=_("Did she agree to be examined?"),
        choices=[("yes", _("Yes: examined")), ("no", _("No: she declined"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    findings = _text(_("Findings"), help_text=_("Seen by health staff only (Rule 8)."))
    treatment = _text(_("Treatment or referral"), rows=2)
    seen_at = moment(_("Seen at"))
    late_reason = late.form_field()


class ReviewForm(StyledForm):
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=Outcome.choices, widget=forms.RadioSelect
    )
    findings = _text(_("Findings"), required=True)
    lessons = _text(_("Lessons"), help_text=_("What staff should do differently, if anything."))
    referred_to = forms.CharField(
        label=_("Referred to"),
        required=False,
        max_length=200,
        help_text=_("If referred: the police, the inspectorate, a disciplinary panel."),
    )
