"""Every page form, submitted empty, says what is wrong all at once and names each field:
the error summary above the form and the message beside each field carry the field's label,
never a bare "This field is required." (QUALITY S9). The permission matrix checks this on its
own empty POST of every page route it declares answering one with the form's errors (400),
as the first role it declares 400 (`tests/test_permission_matrix.py`, `check_route`)."""

from html import escape

from django import forms
from django.forms.utils import pretty_name
from django.utils.translation import override

from bangkok.versions import FIELD as VERSION


def empty_refused(matrix: dict, routes) -> dict[str, str]:
    """Page routes refusing an empty POST with the form's errors, and one role that may post
    it: route name -> role."""
    return {
        key: next(role for role, status in matrix[key]["POST"].items() if status == 400)
        for key, _path in routes
        if key
        and ":" in key
        and not key.startswith("admin:")
        and key in matrix
        and 400 in matrix[key].get("POST", {}).values()
    }


def forms_in(response) -> list[forms.BaseForm]:
    found = []
    for layer in response.context or []:
        for value in layer.dicts if hasattr(layer, "dicts") else [layer]:
            for item in value.values() if isinstance(value, dict) else []:
                if isinstance(item, forms.BaseForm) and item.is_bound and item not in found:
                    found.append(item)
    return found


def unnamed_errors(key: str, url: str, response) -> tuple[list[str], list[str], int]:
    """The errors of an empty form's answer that don't name their field, those the page
    doesn't show, and how many were checked."""
    unnamed, unshown, checked = [], [], 0
    html = response.content.decode()
    if "This field is required." in html:
        unnamed.append(f"{key}: a bare 'This field is required.'")
    with override("en"):
        for form in forms_in(response):
            # Said on the page wherever the page offers the form: its own page, or a form
            # posting to it on another (one posted where the page doesn't offer it now, as a
            # rights item that isn't one, is named and refused, not shown).
            offered = response.context.get("form") is form or f'action="{url}"' in html
            for name, errors in form.errors.items():
                if name == "__all__" or name == VERSION or name not in form.fields:
                    continue
                label = str(form.fields[name].label or pretty_name(name))
                for error in errors:
                    checked += 1
                    if label.casefold() not in error.casefold():
                        unnamed.append(f"{key} {name}: {error!r}")
                    if offered and escape(error) not in html:
                        unshown.append(f"{key} {name}: {error!r}")
    return unnamed, unshown, checked
