"""Every page form, submitted empty, says what is wrong all at once and names each field:
the error summary above the form and the message beside each field carry the field's label,
never a bare "This field is required." (QUALITY S9). A sweep over every page route that the
permission matrix declares as answering an empty POST with the form's errors (400)."""

from html import escape

import pytest
from django import forms
from django.forms.utils import pretty_name
from django.utils.translation import override

from bangkok.versions import FIELD as VERSION
from tests.test_permission_matrix import (  # noqa: F401 (world is a fixture)
    MATRIX,
    ROUTES,
    cast,
    request_as,
    sample,
    url_for,
    world,
)

pytestmark = pytest.mark.django_db

# Page routes refusing an empty POST with the form's errors, and one role that may post it.
EMPTY_REFUSED = [
    (key, path, next(role for role, status in MATRIX[key]["POST"].items() if status == 400))
    for key, path in ROUTES
    if key
    and ":" in key
    and not key.startswith("admin:")
    and key in MATRIX
    and 400 in MATRIX[key].get("POST", {}).values()
]


def forms_in(response) -> list[forms.BaseForm]:
    found = []
    for layer in response.context or []:
        for value in layer.dicts if hasattr(layer, "dicts") else [layer]:
            for item in value.values() if isinstance(value, dict) else []:
                if isinstance(item, forms.BaseForm) and item.is_bound and item not in found:
                    found.append(item)
    return found


def test_the_sweep_covers_the_page_forms():
    assert len(EMPTY_REFUSED) >= 30
    keys = {key for key, _path, _role in EMPTY_REFUSED}
    assert {"searches:record", "discipline:segregate", "restraints:apply"} <= keys


def test_every_page_form_submitted_empty_names_each_failing_field(cast, world):  # noqa: F811
    unnamed, unshown, checked = [], [], 0
    with override("en"):
        for key, path, role in EMPTY_REFUSED:
            response = request_as(role, cast, "POST", url_for(key, path, world), key)
            if response.status_code != 400:
                continue  # a refusal the page says as a message (a button on a list)
            html = response.content.decode()
            assert "This field is required." not in html, key
            url = url_for(key, path, world)
            for form in forms_in(response):
                # Said on the page wherever the page offers the form: its own page, or a form
                # posting to it on another (one posted where the page doesn't offer it now,
                # as a rights item that isn't one, is named and refused, not shown).
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
    assert unnamed == []
    assert unshown == [], "\n".join(unshown)
    assert checked >= 50
