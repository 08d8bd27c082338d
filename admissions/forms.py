from django import forms
from django.utils.translation import gettext_lazy as _

from bangkok.forms import DATE, DATETIME, govuk_styled, moment
from bangkok.plausible import validate_birth_date, validate_past_date
from prisoners.models import GenderIdentity, LegalStatus
from register.models import CHILD_FIELDS, Child

from .models import Decision, Kept, Outcome, RightsItem


def codes(value: str, length: int) -> list[str]:
    items = [item.strip() for item in value.replace(";", ",").split(",") if item.strip()]
    bad = [item for item in items if not item.isalpha() or not 2 <= len(item) <= length]
    if bad:
        raise forms.ValidationError(_("Not a code: %(codes)s") % {"codes": ", ".join(bad)})
    return items


class FindForm(forms.Form):
    given_names = forms.CharField(label=_("Given names"), max_length=200, required=False)
    family_name = forms.CharField(label=_("Family name"), max_length=200, required=False)
    date_of_birth = forms.DateField(label=_("Date of birth"), required=False, widget=DATE)
    prison_number = forms.CharField(label=_("Prison number"), max_length=20, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        govuk_styled(self)


class CommitmentForm(forms.Form):
    """The commitment order and the arrest (Mandela Rule 7(b)); all required."""

    order_authority = forms.CharField(label=_("Issuing authority"), max_length=200)
    order_legal_basis = forms.CharField(label=_("Legal basis"), max_length=300)
    order_number = forms.CharField(label=_("Order number"), max_length=100)
    order_date = forms.DateField(
        label=_("Order date"), widget=DATE, validators=[validate_past_date]
    )
    arrested_at = forms.DateTimeField(label=_("Date and hour of arrest"), widget=DATETIME)
    arrest_place = forms.CharField(label=_("Place of arrest"), max_length=200)
    received_from = forms.CharField(label=_("Received from"), max_length=200, required=False)
    interpreter_needed = forms.BooleanField(label=_("She needs an interpreter"), required=False)
    injuries_noted = forms.BooleanField(
        label=_("Visible injuries or complaints of prior ill-treatment were noted"),
        required=False,
        help_text=_("Health staff are asked to see her at once; they record what they find."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        govuk_styled(self)


class IdentityForm(CommitmentForm):
    """Her identity, respecting her self-perceived gender (Mandela Rule 7(a)). Her prison
    number is not asked: the admission gives her the next in the facility's series."""

    given_names = forms.CharField(label=_("Given names"), max_length=200)
    family_name = forms.CharField(label=_("Family name"), max_length=200)
    aliases = forms.CharField(
        label=_("Other names she is known by"),
        required=False,
        help_text=_("Separate names with commas."),
        max_length=1000,
    )
    date_of_birth = forms.DateField(
        label=_("Date of birth"), widget=DATE, validators=[validate_birth_date]
    )
    gender_identity = forms.ChoiceField(
        label=_("Her gender, as she describes it"), choices=GenderIdentity.choices
    )
    gender_self_description = forms.CharField(
        label=_("In her own words"), max_length=100, required=False
    )
    nationalities = forms.CharField(
        label=_("Nationalities"),
        help_text=_("Country codes, e.g. TH, MM."),
        max_length=200,
    )
    languages = forms.CharField(
        label=_("Languages"),
        help_text=_("Language codes, the one she prefers first, e.g. my, th."),
        max_length=200,
    )
    legal_status = forms.ChoiceField(label=_("Legal status"), choices=LegalStatus.choices)

    field_order = [
        "given_names",
        "family_name",
        "aliases",
        "date_of_birth",
        "gender_identity",
        "gender_self_description",
        "nationalities",
        "languages",
        "legal_status",
    ]

    def clean_aliases(self):
        return [a.strip() for a in self.cleaned_data["aliases"].split(",") if a.strip()]

    def clean_nationalities(self):
        return [code.upper() for code in codes(self.cleaned_data["nationalities"], 2)]

    def clean_languages(self):
        return [code.lower() for code in codes(self.cleaned_data["languages"], 3)]

    IDENTITY_FIELDS = field_order


class RightsOfferForm(forms.Form):
    item = forms.ChoiceField(choices=RightsItem.choices, widget=forms.HiddenInput)
    outcome = forms.ChoiceField(
        label=_("Her answer"), choices=Outcome.choices, widget=forms.RadioSelect
    )
    language = forms.CharField(label=_("Language it was offered in"), max_length=8)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        govuk_styled(self)


class ChildForm(forms.ModelForm):
    class Meta:
        model = Child
        fields = list(CHILD_FIELDS)
        widgets = {"date_of_birth": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        govuk_styled(self)


class AllocationForm(forms.Form):
    facility = forms.ModelChoiceField(label=_("Allocate her to"), queryset=None)
    preference = forms.ModelChoiceField(
        label=_("The facility she prefers"),
        queryset=None,
        required=False,
        empty_label=_("She states none"),
    )
    programmes_needed = forms.CharField(
        label=_("Programmes and services she needs"), max_length=500, required=False
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Required when she is placed away from the facility nearest her home or "
            "against her preference (Rule 4)."
        ),
        max_length=5000,
    )

    def __init__(self, *args, **kwargs):
        from facilities.models import Facility

        super().__init__(*args, **kwargs)
        self.fields["facility"].queryset = Facility.objects.all()
        self.fields["preference"].queryset = Facility.objects.all()
        govuk_styled(self)


class FamilyMemberForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    relationship = forms.CharField(label=_("Relationship to her"), max_length=100)
    contact = forms.CharField(label=_("Telephone or address"), max_length=300, required=False)
    emergency_contact = forms.BooleanField(label=_("Emergency contact"), required=False)
    next_of_kin = forms.BooleanField(label=_("Next of kin"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        govuk_styled(self)


class PropertyForm(forms.Form):
    description = forms.CharField(label=_("Item"), max_length=300)
    quantity = forms.IntegerField(label=_("Quantity"), min_value=1, max_value=10000, initial=1)
    kept = forms.ChoiceField(
        label=_("Kept"), choices=Kept.choices, initial=Kept.STORED, widget=forms.RadioSelect
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        govuk_styled(self)


class SuspensionRequestForm(forms.Form):
    authority = forms.CharField(label=_("Sent to (competent authority)"), max_length=200)
    period = forms.CharField(label=_("Period asked for"), max_length=100, required=False)
    grounds = forms.CharField(
        label=_("What she asks for and why"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Don't write the children's names here: the register keeps them."),
        max_length=5000,
    )
    requested_at = moment(_("Requested on (date and hour)"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        govuk_styled(self)


class SuspensionDecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[(value, label) for value, label in Decision.choices if value != Decision.PENDING],
        widget=forms.RadioSelect,
    )
    decided_at = moment(_("Decided on (date and hour)"))
    note = forms.CharField(label=_("Decision note"), max_length=500, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        govuk_styled(self)


class TransferForm(AllocationForm):
    """A transfer proposed is an allocation decision (Rule 4); she moves, on that date and
    hour, when a governor confirms it."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "transfer-%s")  # beside the release, with a reason too
        super().__init__(*args, **kwargs)
        self.fields["facility"].label = _("Transfer her to")
        self.fields["reason"].required = True
        self.fields["reason"].help_text = _(
            "Say why, above all when it takes her further from home (Rule 4)."
        )


class ReleaseForm(forms.Form):
    reason = forms.CharField(
        label=_("Why she is released"),
        max_length=300,
        help_text=_("For example: end of sentence, bail, court order, with the reference."),
    )
    released_at = moment(_("Released on (date and hour)"))
    property_returned = forms.BooleanField(
        label=_("Her property in store was returned to her and she signed for it"),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "release-%s")  # beside the transfer, with a reason too
        super().__init__(*args, **kwargs)
        govuk_styled(self)
