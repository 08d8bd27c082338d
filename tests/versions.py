"""Clients that change a record as someone who has just read it: each change names the record's
current version (the API's If-Match, a page form's `version` field), so a test about
something else needn't read the record first. A test about versions sends its own."""

import uuid

from django.test import Client
from django.urls import Resolver404, resolve
from rest_framework.test import APIClient

from bangkok.actions import OperationView
from bangkok.versions import versioned_models

CHANGES = {"post", "put", "patch"}


def versioned_model(path: str):
    """The model of the record a change at `path` names, or None (a new record, or no route)."""
    try:
        match = resolve(path.split("?")[0])
    except Resolver404:
        return None
    view = getattr(match.func, "cls", None) or getattr(match.func, "view_class", None)
    if view is not None and issubclass(view, OperationView):
        return view.operation.model
    return getattr(view or match.func, "versioned", None)


def current_version(path: str) -> int | None:
    """The version of the record `path` names: the one its view declares, else (a page) the
    versioned record with one of the address's ids (the last first), if any."""
    try:
        match = resolve(path.split("?")[0])
    except Resolver404:
        return None
    ids = [value for value in match.kwargs.values() if isinstance(value, uuid.UUID)]
    model = versioned_model(path)
    candidates = [model] if model is not None else versioned_models()
    for id_ in reversed(ids[-1:] if model is not None else ids):
        for candidate in candidates:
            found = candidate._base_manager.filter(uuid=id_).values_list("version", flat=True)
            if found:
                return found[0]
    return None


class VersionedAPIClient(APIClient):
    """An API client whose changes send the record's current ETag in If-Match, unless the
    test sends one (or `HTTP_IF_MATCH=None` to send none)."""

    def generic(self, method, path, *args, **extra):
        if method.lower() in CHANGES and "HTTP_IF_MATCH" not in extra:
            version = current_version(path)
            if version is not None:
                extra["HTTP_IF_MATCH"] = f'"{version}"'
        if extra.get("HTTP_IF_MATCH", "") is None:
            del extra["HTTP_IF_MATCH"]
        return super().generic(method, path, *args, **extra)


class VersionedClient(Client):
    """A page client whose form posts carry the record's current `version`, and whose API
    changes (a signed-in browser's) send it in If-Match, unless the test sends one."""

    def generic(self, method, path, *args, **extra):
        if method.lower() in CHANGES and path.startswith("/api/"):
            if "HTTP_IF_MATCH" not in extra and (version := current_version(path)) is not None:
                extra["HTTP_IF_MATCH"] = f'"{version}"'
        return super().generic(method, path, *args, **extra)

    def post(self, path, data=None, *args, **extra):
        if not path.startswith("/api/") and isinstance(data, dict | None):
            version = current_version(path)
            if version is not None and "version" not in (data or {}):
                data = {**(data or {}), "version": version}
        return super().post(path, data, *args, **extra)
