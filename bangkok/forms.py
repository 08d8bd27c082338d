from django import forms
from django.utils.translation import gettext_lazy as _

from .errors import RuleBroken

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
                field.widget.attrs["class"] = f"{classes} {css}".strip()
                break
    return form


def refusal_into(form: forms.Form, error) -> None:
    """Show a service's refusal beside the form: a RuleBroken (naming its rule) at its field,
    a ValidationError at the fields it names, else above the form."""
    if isinstance(error, RuleBroken):
        form.add_error(error.field if error.field in form.fields else None, str(error))
    elif hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


class StyledForm(forms.Form):
    """A form whose widgets carry the design system's classes."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        govuk_styled(self)


def moment(label) -> forms.DateTimeField:
    """An optional date and hour of when something happened; empty means now."""
    return forms.DateTimeField(
        label=label, required=False, widget=DATETIME, help_text=_("Leave empty for now.")
    )
