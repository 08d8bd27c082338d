from django import forms
from django.utils.translation import gettext_lazy as _

from bangkok import late
from bangkok.forms import DATE, DATETIME, StyledForm, moment, offer_only

from .models import (
    ALLOWED_GROUNDS,
    LeaveKind,
    LeaveOutcome,
    LeaveReason,
    NonCustodialOutcome,
    NotPursued,
    Recommendation,
    RefusalGround,
    TransferInitiative,
)


def yes_no(label, yes, no, **kwargs):
    return forms.TypedChoiceField(
        label=label,
        choices=[("yes", yes), ("no", no)],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        **kwargs,
    )


def text(label, *, required=True, rows=3, max_length=3000, **kwargs):
    return forms.CharField(
        label=label,
        required=required,
        widget=forms.Textarea(attrs={"rows": rows}),
        max_length=max_length,
        **kwargs,
    )


class LeaveRequestForm(StyledForm):
    kind = forms.ChoiceField(
        label=_("Kind of leave"), choices=LeaveKind.choices, widget=forms.RadioSelect
    )
    reason = forms.ChoiceField(
        label=_("Reason"), choices=LeaveReason.choices, widget=forms.RadioSelect
    )
    details = text(_("Details"), help_text=_("Who she will see and why, in her words."))
    destination = forms.CharField(label=_("Where she will be"), max_length=300)
    starts_at = forms.DateTimeField(label=_("Leaves"), widget=DATETIME)
    returns_by = forms.DateTimeField(label=_("Returns by"), widget=DATETIME)
    her_request = yes_no(
        _("Who asks?"),
        _("She asked herself"),
        _("Staff ask for her"),
    )


class DecideLeaveForm(StyledForm):
    """Her conduct is not offered as a ground (Rule 23); the service refuses it if posted."""

    ids = "decide"
    grant = yes_no(_("Your decision"), _("Grant the leave"), _("Refuse the leave"))
    refusal_ground = forms.ChoiceField(
        label=_("Ground for refusal"),
        choices=[("", _("Not refused")), *RefusalGround.choices],
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Never her conduct or a disciplinary matter (Rules 23, 45)."),
    )
    reasons = text(
        _("Reasons"), required=False, help_text=_("Required to refuse; she is told them.")
    )
    conditions = text(_("Conditions of leave"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offer_only(self.fields["refusal_ground"], ["", *ALLOWED_GROUNDS])


class ReturnForm(StyledForm):
    ids = "return"
    outcome = forms.ChoiceField(
        label=_("Did she return?"), choices=LeaveOutcome.choices, widget=forms.RadioSelect
    )
    returned_at = moment(_("Returned at"))
    note = text(_("Note"), required=False, rows=2)
    late_reason = late.form_field()


class EligibilityForm(StyledForm):
    eligible = yes_no(
        _("Is she eligible for home leave or temporary release?"),
        _("Yes, eligible"),
        _("Not yet"),
    )
    reasons = text(_("Reasons"), help_text=_("Leave is to be used to the maximum possible extent."))


class ParoleReviewForm(StyledForm):
    eligibility_date = forms.DateField(label=_("Eligible for parole on"), widget=DATE)
    caretaking = text(_("Her caretaking responsibilities"), required=False, rows=4, max_length=5000)
    reintegration = text(_("Her reintegration needs"), required=False, rows=4, max_length=5000)
    recommendation = forms.ChoiceField(
        label=_("Recommendation"),
        choices=[("", _("Not yet")), *Recommendation.choices],
        required=False,
        widget=forms.RadioSelect,
    )
    notes = text(_("Notes"), required=False, max_length=5000)


class SubmitParoleForm(StyledForm):
    ids = "submit"
    caretaking = text(_("Her caretaking responsibilities"), rows=4, max_length=5000, required=False)
    reintegration = text(_("Her reintegration needs"), rows=4, max_length=5000, required=False)
    recommendation = forms.ChoiceField(
        label=_("Recommendation"), choices=Recommendation.choices, widget=forms.RadioSelect
    )
    notes = text(_("Notes"), required=False, max_length=5000)

    def __init__(self, *args, caretaking_shown=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not caretaking_shown:
            del self.fields["caretaking"]

    def clean(self):
        data = super().clean()
        # A field the page doesn't show keeps what the draft holds.
        return {name: value for name, value in data.items() if name in self.fields}


class NonCustodialForm(StyledForm):
    options = text(_("Options considered"), max_length=5000)
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=NonCustodialOutcome.choices, widget=forms.RadioSelect
    )
    reasons = text(_("Reasons"), max_length=5000)
    care_of_children = text(
        _("Provision for the care of her children"), required=False, max_length=5000
    )


class ProtectiveCustodyForm(StyledForm):
    at_her_request = yes_no(
        _("Did she expressly ask for protective custody?"),
        _("Yes, she asked for it herself"),
        _("No"),
        help_text=_("Only at her express request (Rule 59): never imposed."),
    )
    her_words = text(_("Her request, in her words"), required=False)
    she_signed = forms.BooleanField(
        label=_("She signed her request or made her mark"), required=False
    )
    supervising_authority = forms.CharField(
        label=_("Supervising authority"),
        max_length=200,
        required=False,
        help_text=_("The court or other competent authority that supervises it (Rule 59)."),
    )
    authority_reference = forms.CharField(label=_("Its reference"), max_length=100, required=False)
    shelter_considered = text(
        _("Non-custodial protection considered"),
        help_text=_("Shelters or community protection considered first (Rule 59)."),
    )


class WithdrawForm(StyledForm):
    ids = "withdraw"
    her_words = text(_("What she said"), required=False, rows=2)


class CustodyReviewForm(StyledForm):
    ids = "review"
    authority_finding = text(_("The supervising authority's finding"))
    she_still_asks = yes_no(
        _("Does she still ask for it?"),
        _("Yes, she still asks for it"),
        _("No: it ends now"),
    )
    ends = forms.BooleanField(label=_("The authority ended it"), required=False)
    note = text(_("Note"), required=False, rows=2)


class HomeTransferForm(StyledForm):
    """Her transfer home, considered with her (Rule 53.1)."""

    country = forms.ChoiceField(label=_("Her home country"))
    pursued = yes_no(
        _("Is it pursued?"),
        _("Yes: she applies, or consents to a proposal"),
        _("No"),
        help_text=_("Only on her application or her informed consent (Rule 53.1)."),
    )
    not_pursued = forms.ChoiceField(
        label=_("If not, why"),
        choices=[("", _("Not applicable")), *NotPursued.choices],
        required=False,
    )
    agreement = forms.CharField(
        label=_("Transfer agreement"),
        max_length=300,
        required=False,
        help_text=_("The bilateral or multilateral agreement it rests on."),
    )
    initiative = forms.ChoiceField(
        label=_("How it started"),
        choices=[("", _("Not applicable")), *TransferInitiative.choices],
        required=False,
    )
    her_words = text(_("Her application or consent, in her words"), required=False)
    consent_on = forms.DateField(
        label=_("Day she applied or consented"), required=False, widget=DATE
    )
    informed_by = forms.CharField(
        label=_("Who explained it to her"),
        max_length=200,
        required=False,
        help_text=_("For a proposal: who explained the transfer and what it means for her."),
    )
    informed_language = forms.ChoiceField(label=_("In the language"), required=False)
    children_there = forms.BooleanField(
        label=_("She has children in her home country"), required=False
    )
    note = text(_("Note"), required=False, rows=2)

    def __init__(self, *args, woman, **kwargs):
        from django.conf import settings

        from bangkok.names import country_name, language_name

        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [
            (code, country_name(code))
            for code in woman.nationalities
            if code != settings.HOME_COUNTRY
        ]
        self.fields["informed_language"].choices = [("", _("Not applicable"))] + [
            (code, language_name(code)) for code in woman.languages
        ]


class HomeTransferDecisionForm(StyledForm):
    ids = "decision"
    approved = yes_no(_("The decision"), _("Approved"), _("Refused"))
    authority = forms.CharField(label=_("Deciding authority"), max_length=200)
    decided_on = forms.DateField(label=_("Decided on"), widget=DATE)
    reasons = text(_("Reasons"))
