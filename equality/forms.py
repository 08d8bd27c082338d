from django import forms
from django.utils.translation import gettext_lazy as _

from bangkok.forms import DATETIME, StyledForm, moment

from .models import Closing, Disability, NeedKind, Religion, Representative
from .services import FAITHS

FAITH_CHOICES = [(value, label) for value, label in Religion.choices if value in FAITHS]


class ConsentForm(StyledForm):
    given_at = moment(_("When she gave her consent"))


class WithdrawForm(StyledForm):
    pass


class CharacteristicsForm(StyledForm):
    in_her_words = forms.BooleanField(
        label=_("This is what she said of herself, in her words"),
        help_text=_("Never record what you think: leave a question empty if she didn't answer."),
    )
    ethnicity = forms.CharField(label=_("Ethnicity, in her words"), max_length=200, required=False)
    ethnicity_withheld = forms.BooleanField(
        label=_("She prefers not to say her ethnicity"), required=False
    )
    religion = forms.ChoiceField(
        label=_("Religion or belief"),
        choices=[("", _("Not asked"))] + list(Religion.choices),
        required=False,
    )
    religion_words = forms.CharField(
        label=_("Religion or belief, in her words"), max_length=200, required=False
    )
    disability = forms.ChoiceField(
        label=_("Does she consider herself disabled?"),
        choices=[("", _("Not asked"))] + list(Disability.choices),
        required=False,
    )
    adjustments = forms.CharField(
        label=_("Adjustments she asks for"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    sexual_orientation = forms.CharField(
        label=_("Sexual orientation, in her words"), max_length=200, required=False
    )
    orientation_withheld = forms.BooleanField(
        label=_("She prefers not to say her sexual orientation"), required=False
    )
    gender_identity = forms.CharField(
        label=_("Gender identity, in her words"), max_length=200, required=False
    )
    identity_withheld = forms.BooleanField(
        label=_("She prefers not to say her gender identity"), required=False
    )


class NeedForm(StyledForm):
    kind = forms.ChoiceField(label=_("Kind of need"), choices=NeedKind.choices)
    detail = forms.CharField(
        label=_("What she asks for, in her words"),
        max_length=500,
        help_text=_("For example: halal food; no food from dawn to dusk during Ramadan."),
    )
    starts_on = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    ends_on = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class ProvisionForm(StyledForm):
    provision = forms.CharField(label=_("What is provided"), max_length=500)


class EndNeedForm(StyledForm):
    pass


class AskForm(StyledForm):
    faith = forms.ChoiceField(label=_("Her faith"), choices=FAITH_CHOICES)
    faith_words = forms.CharField(
        label=_("Her faith, in her words"), max_length=200, required=False
    )
    note = forms.CharField(label=_("What she asks for"), max_length=500, required=False)


class RepresentativeForm(StyledForm):
    name = forms.CharField(label=_("Name"), max_length=200)
    faith = forms.ChoiceField(label=_("Faith"), choices=FAITH_CHOICES)
    faith_words = forms.CharField(
        label=_("Faith, as the community names it"), max_length=200, required=False
    )
    services = forms.CharField(
        label=_("Services held"),
        max_length=500,
        required=False,
        help_text=_("For example: Friday prayers in the chapel, weekly."),
    )


class OfferForm(StyledForm):
    representative = forms.ModelChoiceField(
        label=_("Representative"), queryset=Representative.objects.none()
    )

    def __init__(self, *args, facility, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["representative"].queryset = facility.faith_representatives.filter(
            in_post=True
        ).order_by("faith", "name")


class ArrangeForm(OfferForm):
    arranged_for = forms.DateTimeField(label=_("When"), widget=DATETIME)


class AnswerForm(StyledForm):
    accepts = forms.TypedChoiceField(
        label=_("Her answer"),
        choices=[("yes", _("She accepts the visit")), ("no", _("She refuses the visit"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )


class CloseForm(StyledForm):
    outcome = forms.ChoiceField(
        label=_("How it ends"), choices=Closing.choices, widget=forms.RadioSelect
    )
