from django import forms
from django.utils.translation import gettext_lazy as _

from bangkok.forms import StyledForm, govuk_styled, moment

from ..models import Answer, Consent, Disclosure, HivResult, Item, LegalAction


class StartScreeningForm(StyledForm):
    language = forms.CharField(
        label=_("Language of the screening"),
        max_length=8,
        help_text=_("A language she understands, e.g. th, my, en."),
    )
    interpreter_used = forms.BooleanField(label=_("An interpreter was used"), required=False)


class ScreeningForm(StyledForm):
    """The whole entry screening on one screen (Rule 6): each item answered, declined, or
    left for later. Declining is a complete answer and keeps nothing else (Rule 8)."""

    def __init__(self, *args, answered: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        answered = answered or {}
        for item, label in Item.choices:
            row = answered.get(item)
            self.fields[f"{item}__answer"] = forms.ChoiceField(
                label=label,
                choices=[("", _("Not yet")), *Answer.choices],
                required=False,
                widget=forms.RadioSelect,
                initial=row.answer if row else "",
            )
            self.fields[f"{item}__finding"] = forms.CharField(
                label=_("Finding"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=row.finding if row else "",
            )
            self.fields[f"{item}__needs_follow_up"] = forms.BooleanField(
                label=_("Needs a follow-up"),
                required=False,
                initial=row.needs_follow_up if row else False,
            )
        govuk_styled(self)

    def items(self):
        """(item, label, answer field, finding field, follow-up field) for the template."""
        return [
            (
                item,
                label,
                self[f"{item}__answer"],
                self[f"{item}__finding"],
                self[f"{item}__needs_follow_up"],
            )
            for item, label in Item.choices
        ]

    def answers(self) -> dict:
        return answers(self.cleaned_data)


def answers(data: dict) -> dict:
    """Her answers, by item, for the items given an answer on the screening form (its cleaned
    data)."""
    return {
        item: {
            "answer": data[f"{item}__answer"],
            "finding": data[f"{item}__finding"],
            "needs_follow_up": data[f"{item}__needs_follow_up"],
        }
        for item in Item.values
        if data.get(f"{item}__answer")
    }


class HivOfferForm(StyledForm):
    ids = "hiv"  # beside the entry screening's language on her clinical file
    consent = forms.ChoiceField(
        label=_("Her decision"), choices=Consent.choices, widget=forms.RadioSelect
    )
    language = forms.CharField(label=_("Language it was offered in"), max_length=8)


class HivStepForm(StyledForm):
    """Pre-test counselling, the sample, the result, post-test counselling: when, and for the
    result step, which result."""

    at = moment(_("When (date and hour)"))
    result = forms.ChoiceField(
        label=_("Result"), choices=[("", "—"), *HivResult.choices], required=False
    )


class HivMomentForm(HivStepForm):
    """A step that says only when (all but the result): the result field, shown and posted
    with the others, is not its own."""

    def clean(self):
        data = super().clean()
        data.pop("result", None)
        return data


class DisclosureForm(StyledForm):
    kind = forms.ChoiceField(
        label=_("What she disclosed"), choices=Disclosure.Kind.choices, widget=forms.RadioSelect
    )
    informed_of_recourse = forms.BooleanField(
        label=_("She was told of her right to seek recourse from the judicial authorities"),
        required=False,
    )
    support_offered = forms.BooleanField(
        label=_("Psychological support or counselling was offered"), required=False
    )
    support_accepted = forms.NullBooleanField(
        label=_("She accepted support"),
        required=False,
        widget=forms.Select(
            choices=[("unknown", _("Not yet known")), ("true", _("Yes")), ("false", _("No"))]
        ),
    )
    legal_action = forms.ChoiceField(
        label=_("Legal action"), choices=LegalAction.choices, initial=LegalAction.UNDECIDED
    )


class LegalActionForm(StyledForm):
    legal_action = forms.ChoiceField(label=_("Legal action"), choices=LegalAction.choices)


class ReferralForm(StyledForm):
    authority = forms.CharField(label=_("Referred to (competent authority)"), max_length=200)
    at = moment(_("When (date and hour)"))


class ChildScreeningForm(StyledForm):
    by_child_specialist = forms.BooleanField(
        label=_("Screened by a child health specialist"), required=False, initial=True
    )
    no_specialist_reason = forms.CharField(label=_("If not, why"), max_length=300, required=False)
    findings = forms.CharField(
        label=_("Findings and treatment needs"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=5000,
    )
    needs_follow_up = forms.BooleanField(label=_("Needs a follow-up"), required=False)


class ConsentForm(StyledForm):
    days = forms.IntegerField(label=_("For how many days"), min_value=1, max_value=365, initial=7)
    purpose = forms.CharField(
        label=_("What she agreed to"),
        max_length=200,
        help_text=_("For example: the inspection visit of this month."),
    )


class ChildCheckForm(StyledForm):
    notes = forms.CharField(
        label=_("Development, growth and immunisations"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=5000,
    )
