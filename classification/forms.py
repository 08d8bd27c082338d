from django import forms
from django.utils.translation import gettext_lazy as _

from bangkok.forms import StyledForm, offer_only

from .models import NEVER_RAISE, REVIEW_KINDS, Degree, Level, Need, RaiseReason


def _text(label, *, required=False, help_text="", rows=3):
    return forms.CharField(
        label=label,
        required=required,
        widget=forms.Textarea(attrs={"rows": rows}),
        max_length=5000,
        help_text=help_text,
    )


def _degree(label, help_text):
    return forms.TypedChoiceField(
        label=label,
        choices=Degree.choices,
        coerce=int,
        widget=forms.RadioSelect,
        help_text=help_text,
    )


class ClassifyForm(StyledForm):
    """The tool's inputs in its two parts, then the decision. The reasons for a higher level
    offered are those the Rules allow (never violence she has experienced nor an item she
    declined, Rules 41(a), 8); the service judges what is posted (her mental-health needs
    alone never raise it, Rule 41(d))."""

    kind = forms.ChoiceField(label=_("Why she is reviewed"), choices=[], widget=forms.RadioSelect)
    offence_violence = _degree(
        _("Violence in the current offence"), _("A risk factor: it counts in the score.")
    )
    escape_history = _degree(_("Escapes or attempts"), _("A risk factor: it counts in the score."))
    conduct_in_custody = _degree(
        _("Violence in custody"), _("A risk factor: it counts in the score.")
    )
    risk_to_others = _degree(_("Risk to others"), _("A risk factor: it counts in the score."))
    victimisation = _text(
        _("Violence she has experienced"),
        help_text=_("For her plan only: never counts towards her security level (Rule 41)."),
    )
    mental_health_needs = _text(
        _("Mental-health needs"),
        help_text=_("For her plan and treatment only: never raises her level (Rule 41(d))."),
    )
    substance_use = _text(_("Substance use"), help_text=_("For her plan only."))
    caretaking = _text(
        _("Caretaking responsibilities"),
        help_text=_("Her children and others in her care: for her plan and allocation."),
    )
    declined = forms.MultipleChoiceField(
        label=_("Items she declined to answer"),
        choices=Need.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("She may decline any item; it never counts against her (Rule 8)."),
    )
    needs_plan = _text(_("What her needs call for in her plan"), rows=4)
    level = forms.ChoiceField(
        label=_("Security level assigned"), choices=Level.choices, widget=forms.RadioSelect
    )
    raise_reasons = forms.MultipleChoiceField(
        label=_("Reasons for a level above the tool's"),
        choices=RaiseReason.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Only if the level is above the tool's. Her mental-health needs are never enough "
            "alone (Rule 41(d))."
        ),
    )
    rationale = _text(
        _("Rationale for a level above the tool's"),
        help_text=_("Why a lower level will not do (Rule 41(a))."),
    )
    reasons_for_her = _text(
        _("The reasons, as she is told them"),
        required=True,
        help_text=_("In plain words: she is given them with her level."),
        rows=4,
    )

    def __init__(self, *args, woman=None, review=False, **kwargs):
        super().__init__(*args, **kwargs)
        if review:
            self.fields["kind"].choices = [(k.value, k.label) for k in REVIEW_KINDS]
        else:
            del self.fields["kind"]
        offer_only(
            self.fields["raise_reasons"], [r for r in RaiseReason.values if r not in NEVER_RAISE]
        )
