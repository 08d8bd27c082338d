from django import forms
from django.utils.translation import gettext_lazy as _

from bangkok.forms import DATE, DATETIME, NamedErrors, StyledForm, govuk_styled, moment
from bangkok.names import country_choices, language_choices
from bangkok.plausible import validate_birth_date, validate_past_date
from prisoners.models import GenderIdentity, LegalStatus
from register.models import CHILD_FIELDS, Child

from .models import Decision, Kept, Outcome, RightsItem


def countries() -> list[tuple[str, str]]:
    """Every country by its name in the interface's language; the record keeps its code."""
    return [("", _("Choose a country")), *country_choices()]


def languages() -> list[tuple[str, str]]:
    return [("", _("Choose a language")), *language_choices()]


def languages_only() -> list[tuple[str, str]]:
    return language_choices()


class FindForm(StyledForm):
    given_names = forms.CharField(label=_("Given names"), max_length=200, required=False)
    family_name = forms.CharField(label=_("Family name"), max_length=200, required=False)
    date_of_birth = forms.DateField(
        label=_("Date of birth"),
        required=False,
        widget=DATE,
        help_text=_("Leave empty to search by name or number alone."),
    )
    prison_number = forms.CharField(label=_("Prison number"), max_length=20, required=False)


class CommitmentForm(StyledForm):
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
    nationality = forms.ChoiceField(label=_("Nationality"), choices=countries)
    other_nationality = forms.ChoiceField(
        label=_("Other nationality"), choices=countries, required=False
    )
    language = forms.ChoiceField(
        label=_("The language she prefers"),
        choices=languages,
        help_text=_("The rights and the information sheet are offered in it."),
    )
    other_languages = forms.MultipleChoiceField(
        label=_("Other languages she understands"),
        choices=languages_only,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 5}),
        help_text=_("Hold Ctrl (or Cmd) to choose more than one."),
    )
    legal_status = forms.ChoiceField(label=_("Legal status"), choices=LegalStatus.choices)

    field_order = [
        "given_names",
        "family_name",
        "aliases",
        "date_of_birth",
        "gender_identity",
        "gender_self_description",
        "nationality",
        "other_nationality",
        "language",
        "other_languages",
        "legal_status",
    ]

    def clean_aliases(self):
        return [a.strip() for a in self.cleaned_data["aliases"].split(",") if a.strip()]

    def identity(self) -> dict:
        """Her identity as the record keeps it: nationalities and languages as ISO codes, the
        one she prefers first."""
        data = self.cleaned_data
        named = [data.get("nationality"), data.get("other_nationality")]
        spoken = [data.get("language"), *data.get("other_languages", [])]
        return {
            **{name: data[name] for name in IDENTITY_FIELDS},
            "nationalities": list(dict.fromkeys(code for code in named if code)),
            "languages": list(dict.fromkeys(code for code in spoken if code)),
        }


# What she is on record as, besides her nationalities and languages (`IdentityForm.identity`).
IDENTITY_FIELDS = [
    "given_names",
    "family_name",
    "aliases",
    "date_of_birth",
    "gender_identity",
    "gender_self_description",
    "legal_status",
]
IDENTITY_FORM_FIELDS = IdentityForm.field_order


class AdmitForm(IdentityForm):
    """Admitting her (Mandela Rule 7): who she is (unless she returns, `returning`), the
    facility she is received into (asked only of those who work in several) and the
    commitment order."""

    facility = forms.ModelChoiceField(
        label=_("Facility she is received into"),
        queryset=None,
        to_field_name="code",
        error_messages={"required": _("Choose the facility she is received into.")},
    )

    def __init__(self, *args, returning=None, facilities=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.returning = returning
        if returning is not None:
            for name in IDENTITY_FORM_FIELDS:
                del self.fields[name]
        field = self.fields["facility"]
        field.queryset = facilities
        only = list(facilities[:2]) if facilities is not None else []
        self.only = only[0] if len(only) == 1 else None
        if self.only is not None:  # she works in one facility: nothing to ask
            field.widget, field.required, field.initial = forms.HiddenInput(), False, self.only.code

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        if data.get("facility") is None:
            data["facility"] = self.only
        identity = None if self.returning is not None else self.identity()
        kept = {name: value for name, value in data.items() if name not in IDENTITY_FORM_FIELDS}
        return {**kept, "identity": identity, "returning": self.returning}


class RightsOfferForm(StyledForm):
    item = forms.ChoiceField(choices=RightsItem.choices, widget=forms.HiddenInput)
    outcome = forms.ChoiceField(
        label=_("Her answer"), choices=Outcome.choices, widget=forms.RadioSelect
    )
    language = forms.ChoiceField(label=_("Language it was offered in"), choices=languages)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class ChildForm(NamedErrors, forms.ModelForm):
    class Meta:
        model = Child
        fields = list(CHILD_FIELDS)
        widgets = {"date_of_birth": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        govuk_styled(self)


class AllocationForm(StyledForm):
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


class FamilyMemberForm(StyledForm):
    name = forms.CharField(label=_("Name"), max_length=200)
    relationship = forms.CharField(label=_("Relationship to her"), max_length=100)
    contact = forms.CharField(label=_("Telephone or address"), max_length=300, required=False)
    emergency_contact = forms.BooleanField(label=_("Emergency contact"), required=False)
    next_of_kin = forms.BooleanField(label=_("Next of kin"), required=False)


class PropertyForm(StyledForm):
    description = forms.CharField(label=_("Item"), max_length=300)
    quantity = forms.IntegerField(label=_("Quantity"), min_value=1, max_value=10000, initial=1)
    kept = forms.ChoiceField(
        label=_("Kept"), choices=Kept.choices, initial=Kept.STORED, widget=forms.RadioSelect
    )


class SuspensionRequestForm(StyledForm):
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


class SuspensionDecisionForm(StyledForm):
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[(value, label) for value, label in Decision.choices if value != Decision.PENDING],
        widget=forms.RadioSelect,
    )
    decided_at = moment(_("Decided on (date and hour)"))
    note = forms.CharField(label=_("Decision note"), max_length=500, required=False)


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


class ReleaseForm(StyledForm):
    ids = "release"  # beside the transfer, with a reason too
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


class CourtOutcomeForm(StyledForm):
    ids = "court"
    legal_status = forms.ChoiceField(label=_("Her legal status now"), choices=LegalStatus.choices)
    decided_on = forms.DateField(label=_("Decided on"), widget=DATE)
    court = forms.CharField(label=_("Court"), max_length=200)
    reference = forms.CharField(label=_("Case reference"), max_length=100, required=False)
    sentence = forms.CharField(
        label=_("Sentence"),
        max_length=300,
        required=False,
        help_text=_(
            "When she is sentenced: as the court gave it, its length and any part suspended."
        ),
    )


class HomeForm(StyledForm):
    """Her home, as the picker names it (Rule 4)."""

    place = forms.CharField(
        label=_("Her home"),
        max_length=60,
        error_messages={"required": _("Choose her home from the places found.")},
    )


def coordinate(label, limit: int, help_text) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        max_digits=8,
        decimal_places=5,
        min_value=-limit,
        max_value=limit,
        help_text=help_text,
    )


class PlaceForm(StyledForm):
    """A place the gazetteer doesn't know, with its coordinates (Rule 4)."""

    ids = "place"  # beside the family form, with a name too

    name = forms.CharField(label=_("Name of the town, village or place"), max_length=200)
    country = forms.ChoiceField(label=_("Country"), choices=countries)
    latitude = coordinate(
        _("Latitude"), 90, _("In decimal degrees, north positive, e.g. 16.71667.")
    )
    longitude = coordinate(
        _("Longitude"), 180, _("In decimal degrees, east positive, e.g. 98.56667.")
    )
