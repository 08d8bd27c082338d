from django import forms

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
