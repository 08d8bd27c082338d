"""The visits forms. They shape the input; the services judge every Rule (a refusal comes
back beside the form)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from bangkok.forms import DATE, DATETIME, StyledForm, moment

from .models import Answer, CancelledBy, ContactKind, Relationship, VisitKind


class Labelled(forms.ModelChoiceField):
    """A choice of records shown by the label the page computed for the viewer."""

    def label_from_instance(self, obj):
        return getattr(obj, "shown_name", None) or str(obj)


class LabelledMany(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return getattr(obj, "shown_name", None) or str(obj)


def _choices(field, records):
    """Give a record field its queryset and the viewer's labels for it."""
    shown = {record.pk: record for record in records}
    field.queryset = field.queryset.model.objects.filter(pk__in=list(shown))
    field.label_from_instance = lambda obj: shown[obj.pk].shown_name


class VisitorForm(StyledForm):
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    relationship = forms.ChoiceField(label=_("Relationship to her"), choices=Relationship.choices)
    relationship_detail = forms.CharField(
        label=_("Relationship, in words (optional)"), max_length=100, required=False
    )
    adult = forms.BooleanField(label=_("An adult (18 or over)"), required=False, initial=True)
    date_of_birth = forms.DateField(
        label=_("A child's date of birth"),
        required=False,
        widget=DATE,
        help_text=_("Leave empty for an adult, or give the child's age below instead."),
    )
    age_given = forms.IntegerField(
        label=_("Or a child's age"), required=False, min_value=0, max_value=17
    )
    contact_details = forms.CharField(
        label=_("Contact details (optional)"), max_length=300, required=False
    )
    child = Labelled(
        queryset=None,
        required=False,
        label=_("Her child on the register (optional)"),
        help_text=_(
            "Choose one of her children, and the name and age are taken from the register."
        ),
    )

    def __init__(self, *args, children=(), **kwargs):
        from register.models import Child

        super().__init__(*args, **kwargs)
        self.fields["child"].queryset = Child.objects.none()
        if children:
            _choices(self.fields["child"], children)
        else:
            del self.fields["child"]

    def clean(self):
        data = super().clean()
        if not data.get("name", "").strip() and not data.get("child"):
            self.add_error("name", _("Give the visitor's name."))
        data.setdefault("child", None)
        return data


class ConsultationForm(StyledForm):
    answer = forms.ChoiceField(
        label=_("Her answer"), choices=Answer.choices, widget=forms.RadioSelect
    )
    language = forms.CharField(label=_("Language she was consulted in"), max_length=50)
    consulted_at = moment(_("When she was consulted"))


class CourtOrderForm(StyledForm):
    reference = forms.CharField(label=_("Court order reference"), max_length=100)
    court = forms.CharField(label=_("Court"), max_length=200)


class WithdrawForm(StyledForm):
    confirm = forms.BooleanField(label=_("She asked to withdraw this visitor"))

    def clean(self):
        data = super().clean()
        data.pop("confirm", None)
        return data


class PrisonWithdrawForm(StyledForm):
    reason = forms.CharField(
        label=_("Why the prison withdraws this person"),
        max_length=300,
        required=False,
        help_text=_("Only as strictly required for security and order (Mandela Rule 43.3)."),
    )


class BookingForm(StyledForm):
    kind = forms.ChoiceField(label=_("Kind of visit"), choices=VisitKind.choices)
    starts_at = forms.DateTimeField(label=_("Date and hour"), widget=DATETIME)
    visitors = LabelledMany(
        queryset=None,
        required=False,
        label=_("Visitors from her approved list"),
        widget=forms.CheckboxSelectMultiple,
    )
    names = forms.CharField(
        label=_("Or the name of someone asking to visit"),
        max_length=200,
        required=False,
        help_text=_("Only someone on her approved list can be booked (Rule 44)."),
    )
    open_contact = forms.BooleanField(
        label=_("Open contact (she can hold her child)"), required=False, initial=True
    )
    child_friendly = forms.BooleanField(
        label=_("In a child-friendly room"), required=False, initial=True
    )
    setting_reason = forms.CharField(
        label=_("If a child visits without open contact or a child-friendly room, the reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=5000,
    )
    lawyer_name = forms.CharField(
        label=_("Lawyer's name (legal visit)"), required=False, max_length=200
    )
    lawyer_registration = forms.CharField(
        label=_("Lawyer's bar or registration number (legal visit)"),
        required=False,
        max_length=100,
    )

    def __init__(self, *args, approved=(), **kwargs):
        from .models import Visitor

        super().__init__(*args, **kwargs)
        self.fields["visitors"].queryset = Visitor.objects.none()
        _choices(self.fields["visitors"], approved)
        if not approved:
            self.fields["visitors"].help_text = _("Nobody on her list is approved yet.")

    def clean(self):
        data = super().clean()
        name = data.get("names", "")
        data["names"] = [name] if name.strip() else []
        return data


class HeldForm(StyledForm):
    held_at = moment(_("When it was held"))


class CancelForm(StyledForm):
    cancelled_by = forms.ChoiceField(
        label=_("Who cancelled"), choices=CancelledBy.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=_("Why"),
        max_length=300,
        required=False,
        help_text=_("Required when the prison cancels (Rule 43)."),
    )


class ContactForm(StyledForm):
    kind = forms.ChoiceField(label=_("Kind of contact"), choices=ContactKind.choices)
    at = moment(_("When"))
    visitor = Labelled(queryset=None, required=False, label=_("With a visitor she approved"))
    child = Labelled(queryset=None, required=False, label=_("Or with her child"))
    support = forms.CharField(
        label=_("Support given to her family (for travel support)"),
        max_length=300,
        required=False,
        help_text=_("For example: travel costs paid for her mother's visit."),
    )

    def __init__(self, *args, approved=(), children=(), **kwargs):
        from register.models import Child

        from .models import Visitor

        super().__init__(*args, **kwargs)
        self.fields["visitor"].queryset = Visitor.objects.none()
        self.fields["child"].queryset = Child.objects.none()
        _choices(self.fields["visitor"], approved)
        _choices(self.fields["child"], children)
