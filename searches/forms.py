from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from bangkok import late
from bangkok.forms import StyledForm, moment, offer_only
from prisoners.models import Unit

from .models import INVASIVE_KINDS, PERSON_SUBJECTS, PERSONAL_KINDS, Kind, Subject, Trigger


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


def subjects_for(woman) -> list[Subject]:
    """Who may be searched with her: herself, a child visiting her, and her child living with
    her when she has one."""
    subjects = [Subject.WOMAN, Subject.CHILD_IN_PRISON, Subject.CHILD_VISITOR]
    if not woman.children.filter(lives_with_mother=True).exists():
        subjects.remove(Subject.CHILD_IN_PRISON)
    return subjects


def subject_field(subjects) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Who was searched"),
        choices=[(s.value, s.label) for s in subjects],
        initial=Subject.WOMAN,
        widget=forms.RadioSelect,
    )


def kind_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Type of search"),
        choices=[(k.value, k.label) for k in PERSONAL_KINDS],
        widget=forms.RadioSelect,
    )


class SearchWhatForm(StyledForm):
    """Who was searched and how: asked first (a GET, which works without JavaScript), so the
    search form that follows asks only what applies and offers only staff who may search."""

    def __init__(self, data, *, woman, **kwargs):
        super().__init__(data, auto_id="what_%s", **kwargs)
        self.fields["subject"] = subject_field(subjects_for(woman))
        self.fields["kind"] = kind_field()

    @classmethod
    def chosen(cls, data, *, woman) -> tuple[str, str | None]:
        """(subject, kind) from `data` where they are valid: her by default, no kind yet."""
        subjects = {s.value for s in subjects_for(woman)}
        subject = data.get("subject")
        kind = data.get("kind")
        return (
            subject if subject in subjects else Subject.WOMAN,
            kind if kind in {k.value for k in PERSONAL_KINDS} else None,
        )


class SearchForm(StyledForm):
    """A personal search of her, of her child living with her, or of a child visiting her,
    once who and how are chosen (`SearchWhatForm`): the child fields only for a child, the
    strip and body cavity fields only for those, and among her facility's staff only those
    who may carry out this search offered as searchers (the service judges whoever is
    posted)."""

    child = ChildChoice(label=_("Which child"), queryset=None, required=False)
    visiting_child_name = forms.CharField(
        label=_("Visiting child's given name"), max_length=100, required=False
    )
    visiting_child_age = forms.IntegerField(
        label=_("Visiting child's age"), min_value=0, max_value=17, required=False
    )
    trigger = forms.ChoiceField(
        label=_("Legal basis or occasion"), choices=Trigger.choices, widget=forms.RadioSelect
    )
    searched_at = moment(_("Date and hour of the search"))
    searchers = StaffMultipleChoice(
        label=_("Who searched"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
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

    CHILD_FIELDS = {
        Subject.CHILD_IN_PRISON: ("child",),
        Subject.CHILD_VISITOR: ("visiting_child_name", "visiting_child_age"),
    }
    INVASIVE_FIELDS = ("reason", "authorisation", "scanner_available", "why_not_scanner")
    SEARCHERS_HELP = {
        Subject.WOMAN: _(
            "Only women staff with valid training in searching methods are offered (Rule 19)."
        ),
        Subject.CHILD_IN_PRISON: _(
            "Only staff with valid training in searching children are offered (Rule 21)."
        ),
        Subject.CHILD_VISITOR: _(
            "Only staff with valid training in searching children are offered (Rule 21)."
        ),
    }

    def __init__(
        self,
        *args,
        woman,
        staff,
        authorities,
        subject=Subject.WOMAN,
        kind=None,
        offered=None,
        missing=(),
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        subjects = subjects_for(woman)
        self.subject, self.kind = subject, kind
        # Who and how travel with the form; posted otherwise, the service still judges them.
        self.fields = {
            "subject": subject_field(subjects),
            "kind": kind_field(),
            **self.fields,
        }
        for name in ("subject", "kind"):
            self.fields[name].widget = forms.HiddenInput()
        self.fields["subject"].initial, self.fields["kind"].initial = subject, kind
        for other, names in self.CHILD_FIELDS.items():
            if other != subject:
                for name in names:
                    del self.fields[name]
        if subject == Subject.CHILD_IN_PRISON:
            self.fields["child"].queryset = woman.children.filter(lives_with_mother=True)
        if kind not in INVASIVE_KINDS:
            for name in self.INVASIVE_FIELDS:
                del self.fields[name]
            self.fields["privacy"].help_text = _("Leave empty if nothing needs saying.")
        else:
            self.fields["authorisation"].queryset = authorities
            self.fields["privacy"].required = True
        self.fields["searchers"].queryset = staff
        self.fields["witnesses"].queryset = staff
        if offered is not None:
            offer_only(self.fields["searchers"], offered)
        help_text = str(self.SEARCHERS_HELP[Subject(subject)])
        if kind == Kind.BODY_CAVITY:
            help_text += " " + str(_("A body cavity search only by health staff (Mandela 52)."))
        self.fields["searchers"].help_text = help_text
        self.missing = list(missing)

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
