from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.forms.utils import pretty_name
from django.utils.translation import gettext_lazy as _

from .errors import RuleBroken
from .versions import FIELD as VERSION
from .versions import STALE, NotCurrent, holding

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")

WIDGET_CLASSES = {
    forms.Select: "govuk-select",
    forms.Textarea: "govuk-textarea",
    forms.TextInput: "govuk-input",
    forms.NumberInput: "govuk-input",
    forms.EmailInput: "govuk-input",
    forms.DateInput: "govuk-input",
    forms.PasswordInput: "govuk-input",
}


def govuk_styled(form: forms.Form) -> forms.Form:
    """Give every widget of the form the design system's class for its kind."""
    for field in form.fields.values():
        for widget_type, css in WIDGET_CLASSES.items():
            if isinstance(field.widget, widget_type):
                classes = field.widget.attrs.get("class", "")
                if css not in classes.split():
                    field.widget.attrs["class"] = f"{classes} {css}".strip()
                break
    return form


# What a page's submit catches from `save_carried`: a refusal, or a record changed since.
REFUSALS = (RuleBroken, ValidationError, NotCurrent)


def refusal_into(form: forms.Form, error) -> None:
    """Show a service's refusal beside the form: a RuleBroken (naming its rule) at its field,
    a ValidationError at the fields it names, else above the form. A record changed since the
    form was opened is said above it, and the form now carries the version it has now: she
    sees the record as it is and decides again, nothing of hers is written over it."""
    if isinstance(error, NotCurrent):
        record = form.changes
        # As it is now: what the refused change set on it in memory is gone with the change.
        record.refresh_from_db(
            fields=[f.attname for f in record._meta.concrete_fields if not f.is_relation]
        )
        form.data = form.data.copy()
        form.data[VERSION] = str(record.version)
        form.add_error(None, str(STALE))
    elif isinstance(error, RuleBroken):
        form.add_error(error.field if error.field in form.fields else None, str(error))
    elif hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


CHOSEN = (
    forms.ChoiceField,
    forms.ModelChoiceField,
    forms.MultipleChoiceField,
    forms.BooleanField,
)


def named(field: forms.Field, name: str, error: ValidationError) -> ValidationError:
    """`error` as it is said of `field`: a missing answer asks for the field by its label, and
    any other message that doesn't name the field is said after its label, so an error read
    alone (in the summary above the form, to a screen reader) says where it is."""
    label = str(field.label or pretty_name(name))
    message = next(iter(error))
    if error.code == "required":
        ask = _("Choose “%(label)s”.") if isinstance(field, CHOSEN) else _("Enter “%(label)s”.")
        return ValidationError(ask % {"label": label}, code="required")
    if label.casefold() in message.casefold():
        return error
    return ValidationError(
        _("%(label)s: %(error)s") % {"label": label, "error": message}, code=error.code
    )


class NamedErrors:
    """A form whose every field error names its field (`named`), beside the field and in the
    error summary; the version a form carries says its own (`refusal_into`). Every form of
    the project takes it, through `StyledForm` or directly."""

    def add_error(self, field, error):
        super().add_error(field, error)  # type: ignore[misc]
        for name, errors in self._errors.items():  # type: ignore[attr-defined]
            bound = self.fields.get(name)  # type: ignore[attr-defined]
            if name in (NON_FIELD_ERRORS, VERSION) or bound is None:
                continue
            errors.data = [
                named(bound, name, e) if isinstance(e, ValidationError) else e for e in errors.data
            ]


class StyledForm(NamedErrors, forms.Form):
    """A form whose widgets carry the design system's classes and whose errors name their
    fields.

    `ids`, for a form shown on a page beside another with a field of the same name: its
    fields' ids begin with it (`hiv-language`, not `id_language`), so each id is the page's
    only one and each label and error summary link finds its own field."""

    ids: str | None = None

    def __init__(self, *args, **kwargs):
        if self.ids:
            kwargs.setdefault("auto_id", f"{self.ids}-%s")
        super().__init__(*args, **kwargs)
        govuk_styled(self)


def offer_only(field: forms.ChoiceField | forms.ModelChoiceField, offered) -> None:
    """Offer only `offered` (values of a choice field, records of a model choice field) while
    the field still takes any of its choices: one posted anyway reaches the service, which
    refuses it naming its rule. The form says the rule before she starts; the service stays
    its authority."""
    if isinstance(field, forms.ModelChoiceField):
        field.widget.choices = [(obj.pk, field.label_from_instance(obj)) for obj in offered]
    else:
        values = {str(value) for value in offered}
        field.widget.choices = [(v, label) for v, label in field.choices if str(v) in values]


def moment(label) -> forms.DateTimeField:
    """An optional date and hour of when something happened; empty means now."""
    return forms.DateTimeField(
        label=label, required=False, widget=DATETIME, help_text=_("Leave empty for now.")
    )


class _VersionBoundField(forms.BoundField):
    """Posted as `version` whatever the form's prefix (one page may hold several forms), and
    with no id: nothing points at a hidden field, and the forms of one page would give it the
    same id."""

    def __init__(self, form, field, name):
        super().__init__(form, field, name)
        self.html_name = VERSION

    @property
    def auto_id(self):
        return ""


class VersionField(forms.IntegerField):
    widget = forms.HiddenInput

    def get_bound_field(self, form, field_name):
        return _VersionBoundField(form, self, field_name)


def carrying(form: forms.Form, record) -> forms.Form:
    """The form changes `record`: it carries the version it was opened on (a hidden field)."""
    if record is not None:
        form.fields[VERSION] = VersionField(required=False, initial=record.version)
        form.changes = record
    return form


def save_carried(form: forms.Form, save):
    """`save(**cleaned_data)`; for a form that changes a record (`carrying`), only if the record
    is still at the version the form was opened on (`bangkok.versions.holding`), else nothing
    is written and `NotCurrent` is raised, for `refusal_into` to show the form again."""
    data = dict(form.cleaned_data)
    claimed = data.pop(VERSION, None)
    record = getattr(form, "changes", None)
    if record is None:
        return save(**data)
    with holding(record, claimed):
        return save(**data)


def attempt(form: forms.Form, save, record=None, refused=None) -> tuple[bool, object]:
    """What every page's submit does: validate `form` and `save(**cleaned_data)`, for a form
    that changes `record` only at the version it was opened on. (True, result), or (False,
    None) with the refusal, or the news that the record changed since, beside the form.
    `refused(error)` is told of a refusal under a Rule, once what the save wrote is rolled
    back."""
    carrying(form, record)
    if not form.is_valid():
        return False, None
    try:
        return True, save_carried(form, save)
    except REFUSALS as error:
        if refused is not None and isinstance(error, RuleBroken):
            refused(error)
        refusal_into(form, error)
        return False, None
