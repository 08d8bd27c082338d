from django import forms
from django.utils.translation import gettext_lazy as _

from bangkok.forms import DATE, StyledForm, offer_only

from .models import SOCIAL_KINDS, Absence, Activity, EndReason, Kind
from .permissions import ALLOCATE_ANY


def _text(label, *, required=False, help_text="", max_length=2000):
    return forms.CharField(
        label=label,
        required=required,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=max_length,
        help_text=help_text,
    )


def _yes_no(label, help_text=""):
    return forms.BooleanField(label=label, required=False, help_text=help_text)


class ActivityForm(StyledForm):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=Kind.choices)
    description = _text(_("Description"))
    capacity = forms.IntegerField(label=_("Places"), min_value=1, max_value=1000)
    for_pregnant = _yes_no(_("Suited to pregnant women"))
    for_mothers = _yes_no(_("Suited to mothers with their children"))


class ChangeActivityForm(StyledForm):
    name = forms.CharField(label=_("Name"), max_length=200)
    description = _text(_("Description"))
    capacity = forms.IntegerField(label=_("Places"), min_value=1, max_value=1000)
    for_pregnant = _yes_no(_("Suited to pregnant women"))
    for_mothers = _yes_no(_("Suited to mothers with their children"))
    active = _yes_no(_("Offered now"), _("Untick to stop offering it."))


class AllocateForm(StyledForm):
    """Offers the activities of her facility still offered, those with a place left; for a
    social worker, its programmes and family activities."""

    activity = forms.ModelChoiceField(label=_("Activity"), queryset=Activity.objects.none())
    started_on = forms.DateField(
        label=_("From"), widget=DATE, required=False, help_text=_("Leave empty for today.")
    )

    def __init__(self, *args, woman, user, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["activity"]
        offered = woman.facility.activities.filter(active=True)
        if not user.has_perm(ALLOCATE_ANY):
            offered = offered.filter(kind__in=SOCIAL_KINDS)
        field.queryset = woman.facility.activities.all()
        offer_only(field, offered.order_by("kind", "name"))


class EndAllocationForm(StyledForm):
    reason = forms.ChoiceField(
        label=_("Why it ends"), choices=EndReason.choices, widget=forms.RadioSelect
    )
    note = _text(_("What happened"), help_text=_("Needed when staff remove her."))
    ended_on = forms.DateField(
        label=_("Last day"), widget=DATE, required=False, help_text=_("Leave empty for today.")
    )


class AttendanceForm(StyledForm):
    day = forms.DateField(label=_("Day"), widget=DATE)
    attended = forms.TypedChoiceField(
        label=_("Did she attend?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    absence = forms.ChoiceField(
        label=_("If not, why"),
        choices=[("", "–"), *Absence.choices],
        required=False,
    )
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class TimeOutForm(StyledForm):
    day = forms.DateField(label=_("Day"), widget=DATE)
    minutes = forms.IntegerField(label=_("Minutes out of her cell"), min_value=0, max_value=24 * 60)
    reason = _text(
        _("Why so little"),
        help_text=_("Needed when she was out of her cell less than the set minimum."),
    )


class CorrectAttendanceForm(AttendanceForm):
    correction = forms.CharField(label=_("Why it is corrected"), max_length=500)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["day"]  # the day is the record's


class CorrectTimeOutForm(StyledForm):
    minutes = forms.IntegerField(label=_("Minutes out of her cell"), min_value=0, max_value=24 * 60)
    reason = _text(
        _("Why so little"),
        help_text=_("Needed when she was out of her cell less than the set minimum."),
    )
    correction = forms.CharField(label=_("Why it is corrected"), max_length=500)


class SolitaryReviewForm(StyledForm):
    account = _text(_("What happened and what was done"), required=True, max_length=5000)
