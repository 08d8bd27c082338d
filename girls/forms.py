from django import forms
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from bangkok.forms import DATETIME, StyledForm

from .models import Event, How, LegalBasis


class GuardianNoticeForm(StyledForm):
    event = forms.ChoiceField(label=_("Told of"), choices=Event.choices)
    reached = forms.TypedChoiceField(
        label=_("Were they reached?"),
        choices=[("true", _("Yes, they were told")), ("false", _("No, nobody could be reached"))],
        coerce=lambda value: value == "true",
        widget=forms.RadioSelect,
    )
    guardian = forms.CharField(label=_("Parent or guardian"), max_length=200)
    relationship = forms.CharField(
        label=_("Who they are to her"),
        max_length=100,
        help_text=_("Her mother, her father, her grandmother, her legal guardian..."),
    )
    how = forms.ChoiceField(label=_("How"), choices=How.choices)
    told_at = forms.DateTimeField(label=_("When"), widget=DATETIME)
    note = forms.CharField(
        label=_("What was said or tried"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when nobody could be reached: say what was tried."),
    )


class SealForm(StyledForm):
    reason = forms.CharField(
        label=_("Why her record is sealed now"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Her record is sealed by itself when the days after her release have passed; "
            "seal it now only for a reason."
        ),
    )


class OpenSealedForm(StyledForm):
    basis = forms.ChoiceField(label=_("Legal basis"), choices=LegalBasis.choices)
    reference = forms.CharField(
        label=_("Reference"),
        max_length=200,
        help_text=_("The number of the court's order, of her request, or the provision of law."),
    )
    reason = forms.CharField(
        label=_("Why it is opened"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class MatchForm(StyledForm):
    sealed = forms.ChoiceField(label=_("Sealed record"), choices=(), widget=forms.RadioSelect)
    same_person = forms.TypedChoiceField(
        label=_("Is she the person of the sealed record?"),
        choices=[("true", _("Yes, the same person")), ("false", _("No, another person"))],
        coerce=lambda value: value == "true",
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Why"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sealed"].choices = [
            (
                str(sealed.uuid),
                _("Sealed %(sealed)s in %(facility)s, released %(released)s")
                % {
                    "sealed": date_format(localtime(sealed.sealed_at), "DATE_FORMAT"),
                    "facility": sealed.facility.name,
                    "released": date_format(localtime(sealed.released_at), "DATE_FORMAT"),
                },
            )
            for sealed in candidates
        ]
