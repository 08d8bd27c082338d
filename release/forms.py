from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from bangkok.forms import DATE, StyledForm

from .models import CopyKind, Handed, PartStatus


class ReleaseDateForm(StyledForm):
    ids = "date"
    earliest_release_on = forms.DateField(label=_("Earliest release date"), widget=DATE)
    source = forms.CharField(
        label=_("Where the date comes from"),
        max_length=300,
        required=False,
        help_text=_("The sentence calculation, court order or decision it follows from."),
    )


class StartPlanForm(StyledForm):
    """Starting her plan takes nothing but the button."""


class PartForm(StyledForm):
    status = forms.ChoiceField(label=_("Status"), choices=PartStatus.choices)
    notes = forms.CharField(
        label=_("What is arranged"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    services = forms.CharField(
        label=_("Community services involved"),
        max_length=500,
        required=False,
        help_text=_("Probation, social welfare, NGOs, culturally appropriate services (Rule 55)."),
    )

    def __init__(self, *args, part=None, **kwargs):
        if part is not None:
            kwargs.setdefault("auto_id", f"{part.part}-%s")
            kwargs.setdefault(
                "initial", {"status": part.status, "notes": part.notes, "services": part.services}
            )
        super().__init__(*args, **kwargs)


class HealthForm(StyledForm):
    ids = "health"
    medication = forms.CharField(
        label=_("Medication to continue"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    hiv_treatment = forms.CharField(
        label=_("HIV treatment (ART)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    substitution_treatment = forms.CharField(
        label=_("Opioid substitution treatment"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    screening_recalls = forms.CharField(
        label=_("Screening recalls"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    community_provider = forms.CharField(
        label=_("Community health service taking her on"), max_length=300, required=False
    )
    handed_over_on = forms.DateField(label=_("Handed over to them on"), widget=DATE, required=False)
    complete = forms.BooleanField(
        label=_("Health continuity is complete: her care is handed over"), required=False
    )


class HealthReasonForm(StyledForm):
    ids = "reason"
    reason = forms.CharField(
        label=_("Why she leaves with health continuity incomplete"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "An administrative reason, nothing clinical: for example, released by the court at "
            "short notice."
        ),
    )


class HandOverForm(StyledForm):
    ids = "copy"
    kind = forms.ChoiceField(label=_("Copy"), choices=CopyKind.choices, widget=forms.HiddenInput)
    outcome = forms.ChoiceField(
        label=_("Her answer"), choices=Handed.choices, widget=forms.RadioSelect
    )
    language = forms.ChoiceField(label=_("Language of the copy"), choices=settings.LANGUAGES)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)
