"""Sentences the system writes for later readers (a task's title): kept as the message id and
its parameters, and written in the reader's language each time they are read, so a task made
while its author's page was in English reads in Thai to a Thai-speaking officer.

`keep(gettext_lazy("... %(day)s ..."), {"day": date})` gives what is stored; `written(...)`
what a reader sees. A parameter that is itself a lazy text is kept by its message id and
translated when read; a date is kept as ISO 8601 and written as the reader's pages write a
day. A plain string (not lazy) has no message id: it is kept as written, as are texts stored
before message ids were."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import translation
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext

SOURCE = "en"
Params = dict[str, Any]


def source(text: str | Promise) -> str:
    """The text in the source language: for a lazy text, its message id."""
    with translation.override(SOURCE):
        return str(text)


def _kept(value: Any) -> Any:
    if isinstance(value, date):  # a datetime is kept as its day
        return {"day": value.isoformat()[:10]}
    if isinstance(value, Promise):
        return {"text": source(value)}
    return value


def _shown(value: Any) -> Any:
    if isinstance(value, dict) and "day" in value:
        return date_format(date.fromisoformat(value["day"]), "DATE_FORMAT")
    if isinstance(value, dict) and "text" in value:
        return gettext(value["text"])
    return value


def keep(text: str | Promise, params: Params | None = None) -> tuple[str, Params]:
    """(message id, parameters as stored) of a lazy text; ("", {}) of a plain string."""
    if not isinstance(text, Promise):
        return "", {}
    return source(text), {name: _kept(value) for name, value in (params or {}).items()}


def written(key: str, params: Params, kept_as: str = "") -> str:
    """The text in the active language: its message id translated now, or, without one, the
    text as it was kept."""
    if not key:
        return kept_as
    text = gettext(key)
    return text % {name: _shown(value) for name, value in params.items()} if params else text


def in_source(text: str | Promise, params: Params | None = None) -> str:
    """The text with its parameters, in the source language (what a log or a search reads)."""
    key, kept = keep(text, params)
    if not key:
        return str(text)
    with translation.override(SOURCE):
        return written(key, kept)
