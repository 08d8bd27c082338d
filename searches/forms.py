from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from bangkok import late
from bangkok.forms import StyledForm, moment
from prisoners.models import Unit

from .models import INVASIVE_KINDS, PERSON_SUBJECTS, PERSONAL_KINDS, Subject, Trigger


class StaffChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.username


class StaffMultipleChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.username


class ChildChoice(forms.ModelChoiceField):
    """Her children living with her, by age only: custody staff don't see their identities
    (Rule 3.2)."""

    def label_from_instance(self, obj):
        return _("Her child aged %(age)s") % {"age": obj.age}


class AuthorityChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return _("%(kind)s, authorised by %(name)s on %(when)s") % {
            "kind": obj.get_kind_display(),
            "name": obj.authorised_by.get_full_name() or obj.authorised_by.username,
            "when": formats.date_format(
                timezone.localtime(obj.authority_decided_at), "DATETIME_FORMAT"
            ),
        }


class UnitChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.facility.code} – {obj.name}"


def text(label, *, help_text="", required=False):
    """A free text of the search record (at most the model's 5000 characters)."""
    return forms.CharField(
        label=label,
        required=required,
        max_length=5000,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class SearchForm(StyledForm):
    """A personal search of her, of her child living with her, or of a child visiting her."""

    subject = forms.ChoiceField(label=_("Who was searched"), widget=forms.RadioSelect)
    child = ChildChoice(label=_("Which child"), queryset=None, required=False)
    visiting_child_name = forms.CharField(
        label=_("Visiting child's given name"), max_length=100, required=False
    )
    visiting_child_age = forms.IntegerField(
        label=_("Visiting child's age"), min_value=0, max_value=17, required=False
    )
    kind = forms.ChoiceField(
        label=_("Type of search"),
        choices=[(k.value, k.label) for k in PERSONAL_KINDS],
        widget=forms.RadioSelect,
    )
    trigger = forms.ChoiceField(
        label=_("Legal basis or occasion"), choices=Trigger.choices, widget=forms.RadioSelect
    )
    searched_at = moment(_("Date and hour of the search"))
    searchers = StaffMultipleChoice(
        label=_("Who searched"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "A woman is searched only by women staff trained in searching methods (Rule 19); a "
            "child only by staff trained to search children (Rule 21); a body cavity search "
            "only by a health professional (Mandela Rule 52)."
        ),
    )
    witnesses = StaffMultipleChoice(
        label=_("Witnesses"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    place = forms.CharField(label=_("Place"), max_length=200)
    privacy = forms.CharField(
        label=_("Privacy conditions"),
        max_length=300,
        required=False,
        help_text=_("Required for a strip or body cavity search: how her dignity was kept."),
    )
    reason = text(
        _("Individual reason"),
        help_text=_(
            "Required for a strip or body cavity search, a random one included (Mandela Rule 51)."
        ),
    )
    authorisation = AuthorityChoice(
        label=_("The governor's authority it was done on"),
        queryset=None,
        required=False,
        help_text=_(
            "Required for a strip or body cavity search: the authority the governor gave "
            "before it (Mandela Rule 51). Ask for it first if there is none."
        ),
    )
    scanner_available = forms.BooleanField(label=_("A scanner was available"), required=False)
    why_not_scanner = text(
        _("Why the scan would not do"),
        help_text=_(
            "Required when a scanner was available and a strip or body cavity search was "
            "chosen (Rule 20)."
        ),
    )
    found = text(_("What was found"), help_text=_("Leave empty if nothing was found."))
    late_reason = late.form_field()

    def __init__(self, *args, woman, staff, authorities, **kwargs):
        super().__init__(*args, **kwargs)
        children = woman.children.filter(lives_with_mother=True)
        subjects = [Subject.WOMAN, Subject.CHILD_IN_PRISON, Subject.CHILD_VISITOR]
        if not children.exists():
            subjects.remove(Subject.CHILD_IN_PRISON)
            del self.fields["child"]
        else:
            self.fields["child"].queryset = children
        self.fields["subject"].choices = [(s.value, s.label) for s in subjects]
        self.fields["subject"].initial = Subject.WOMAN
        self.fields["searchers"].queryset = staff
        self.fields["witnesses"].queryset = staff
        self.fields["authorisation"].queryset = authorities

    def clean(self):
        data = super().clean()
        subject = data.get("subject")
        if subject == Subject.CHILD_VISITOR:
            for name in ("visiting_child_name", "visiting_child_age"):
                if data.get(name) in (None, ""):
                    self.add_error(name, _("Give the visiting child's given name and age."))
        else:
            data["visiting_child_name"], data["visiting_child_age"] = "", None
        if subject != Subject.CHILD_IN_PRISON:
            data["child"] = None
        elif not data.get("child"):
            self.add_error("child", _("Choose which of her children was searched."))
        return data


class CellSearchForm(StyledForm):
    unit = UnitChoice(label=_("Unit"), queryset=None)
    cell = forms.CharField(label=_("Cell"), max_length=50)
    trigger = forms.ChoiceField(
        label=_("Legal basis or occasion"), choices=Trigger.choices, widget=forms.RadioSelect
    )
    searched_at = moment(_("Date and hour of the search"))
    searchers = StaffMultipleChoice(
        label=_("Who searched"), queryset=None, widget=forms.CheckboxSelectMultiple
    )
    witnesses = StaffMultipleChoice(
        label=_("Witnesses"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )
    reason = text(_("Reason"))
    found = text(_("What was found"), help_text=_("Leave empty if nothing was found."))
    late_reason = late.form_field()

    def __init__(self, *args, facilities, staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(facility__in=facilities).select_related(
            "facility"
        )
        self.fields["searchers"].queryset = staff
        self.fields["witnesses"].queryset = staff


class SearchAuthorityForm(StyledForm):
    """Ask the governor for her authority for a strip or body cavity search (Mandela 51)."""

    subject = forms.ChoiceField(
        label=_("Who is to be searched"),
        choices=[(s.value, s.label) for s in PERSON_SUBJECTS],
        initial=Subject.WOMAN,
        widget=forms.RadioSelect,
    )
    kind = forms.ChoiceField(
        label=_("Type of search"),
        choices=[(k.value, k.label) for k in INVASIVE_KINDS],
        widget=forms.RadioSelect,
    )
    trigger = forms.ChoiceField(
        label=_("Legal basis or occasion"), choices=Trigger.choices, widget=forms.RadioSelect
    )
    reason = text(
        _("Individual reason"),
        required=True,
        help_text=_("Why this search of her, now: never a blanket search (Mandela Rule 51)."),
    )
    sought_from = StaffChoice(
        label=_("Governor whose authority you ask"),
        queryset=None,
        required=False,
        empty_label=_("Any governor of her facility"),
    )

    def __init__(self, *args, governors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sought_from"].queryset = governors
