"""Every free-text field has a maximum length, declared where each door reads it: the model,
the page forms and the API schema (QUALITY S9). A text without one is a field where a
megabyte of text is stored as readily as a line."""

import json

import pytest
from django import forms
from django.apps import apps
from django.db import models
from django.urls import get_resolver

from bangkok.project import of_the_project
from conftest import client_for

TEXT_FIELDS = (models.CharField, models.TextField)


def project_models():
    """The project's own models, without pghistory's event tables (they copy the tracked
    model's fields and are written only by its triggers)."""
    for model in apps.get_models():
        if not of_the_project(apps.get_app_config(model._meta.app_label)):
            continue
        if hasattr(model, "pgh_obj") or model._meta.app_label == "pghistory":
            continue
        yield model


def free_text_fields():
    for model in project_models():
        for field in model._meta.get_fields():
            if field.name.startswith("pgh_"):
                continue
            if isinstance(field, TEXT_FIELDS) and field.editable and not field.choices:
                yield model, field


def test_every_free_text_field_of_every_model_has_a_maximum_length():
    unbounded = [
        f"{model._meta.label}.{field.name}"
        for model, field in free_text_fields()
        if not field.max_length
    ]

    assert list(free_text_fields())
    assert unbounded == []


def all_subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from all_subclasses(sub)


def project_forms():
    get_resolver().url_patterns  # noqa: B018 - importing every view imports every form
    labels = {config.name for config in apps.get_app_configs() if of_the_project(config)}
    for form in set(all_subclasses(forms.BaseForm)):
        if form.__module__.split(".")[0] in labels:
            yield form


def test_every_free_text_field_of_every_page_form_has_a_maximum_length():
    unbounded = [
        f"{form.__module__}.{form.__qualname__}.{name}"
        for form in project_forms()
        for name, field in form.base_fields.items()
        if type(field) is forms.CharField
        and not field.max_length
        # A password is never stored: the hasher reads it, and the validators bound it.
        and not isinstance(field.widget, forms.PasswordInput)
    ]

    assert unbounded == []


def test_a_model_form_keeps_its_models_maximum_length():
    wider = []
    for form in project_forms():
        model = getattr(getattr(form, "_meta", None), "model", None)
        if model is None:
            continue
        for name, field in form.base_fields.items():
            try:
                model_field = model._meta.get_field(name)
            except Exception:
                continue
            limit = getattr(model_field, "max_length", None)
            if limit and isinstance(field, forms.CharField) and not field.max_length <= limit:
                wider.append(f"{form.__qualname__}.{name}: {field.max_length} > {limit}")

    assert wider == []


@pytest.fixture(scope="module")
def openapi():
    from bangkok.served_schema import document_json

    return json.loads(document_json())


def request_components(openapi):
    """The components a request body names, and those they name in turn."""
    found, queue = set(), []
    for path in openapi["paths"].values():
        for operation in path.values():
            content = (operation.get("requestBody") or {}).get("content", {})
            queue += [json.dumps(media.get("schema", {})) for media in content.values()]
    components = openapi["components"]["schemas"]
    while queue:
        text = queue.pop()
        for name in components:
            if f'"#/components/schemas/{name}"' in text and name not in found:
                found.add(name)
                queue.append(json.dumps(components[name]))
    return found


def test_every_free_text_field_the_api_takes_declares_its_maximum_length(openapi):
    components = openapi["components"]["schemas"]
    unbounded = [
        f"{name}.{prop}"
        for name in request_components(openapi)
        for prop, spec in components[name].get("properties", {}).items()
        if spec.get("type") == "string"
        and not spec.get("readOnly")
        and not ({"enum", "format", "maxLength"} & spec.keys())
    ]

    assert request_components(openapi)
    assert unbounded == []


def test_the_schema_declares_the_models_maximum_length(openapi, narrative_limit):
    """The API's schema carries the same limit as the model: Complaint.narrative's."""
    limit = narrative_limit
    declared = {
        spec.get("maxLength")
        for component in openapi["components"]["schemas"].values()
        for prop, spec in component.get("properties", {}).items()
        if prop == "narrative" and not spec.get("readOnly")
    }

    assert declared == {limit}


COMPLAINT = {"kind": "complaint", "channel": "in_person", "subject": "conditions"}


@pytest.fixture
def narrative_limit():
    from complaints.models import Complaint

    limit = Complaint._meta.get_field("narrative").max_length
    assert limit
    return limit


@pytest.mark.django_db
def test_an_account_longer_than_its_limit_is_a_form_error_on_the_page(
    cast, woman_a, narrative_limit
):
    from django.urls import reverse

    from complaints.models import Complaint

    url = reverse("complaints:lodge", args=[woman_a.uuid])
    response = client_for(cast["custody"]).post(
        url, {**COMPLAINT, "narrative": "x" * (narrative_limit + 1)}
    )

    assert response.status_code == 400
    assert f"at most {narrative_limit} characters" in response.content.decode()
    assert not Complaint.objects.exists()


@pytest.mark.django_db
def test_an_account_longer_than_its_limit_is_a_400_naming_the_field_on_the_api(
    cast, woman_a, narrative_limit
):
    from complaints.models import Complaint

    response = client_for(cast["custody"]).post(
        f"/api/v1/prisoners/{woman_a.uuid}/complaints/",
        {**COMPLAINT, "narrative": "x" * (narrative_limit + 1)},
        content_type="application/json",
    )

    assert response.status_code == 400
    assert "narrative" in response.json()
    assert not Complaint.objects.exists()
