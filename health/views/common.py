"""The clinical file page. Every part's forms post to their own address (`health/actions.py`)
and come back here, a refused form in place of its blank twin (`failed`)."""

from django.shortcuts import render
from django.template.loader import render_to_string

from bangkok.actions import page_form

from .. import reading
from ..sections import parts


def file_page(request, prisoner, *, failed: dict | None = None):
    """Her clinical file, part by part; the read is audited with every record id shown.
    `failed`: refused forms by `twin`, shown instead of the blank ones (400)."""
    failed = failed or {}
    shown, disclosed = [], []
    for part in parts():
        result = part.context(request, prisoner, failed)
        if result is None:
            continue
        context, ids = result
        html = render_to_string(part.template, context, request=request)
        shown.append({"part": part, "html": html})
        disclosed.extend(ids)
    reading.audited(viewer=request.user, woman=prisoner, disclosed=disclosed)
    return render(
        request,
        "health/file.html",
        {"woman": prisoner, "parts": shown},
        status=400 if failed else 200,
    )


def twin(form) -> tuple:
    """What tells one form of the file from the others: its prefix (one per record) or its
    kind, and the record it changes."""
    return form.prefix or type(form).__name__, getattr(form, "changes", None)


def form_for(failed: dict, action, request, target, **kwargs):
    """The form of `action` on `target` (her, or one of her records) as the file shows it:
    the refused one if that is the one that failed, else a blank one (`kwargs`: its
    `initial`)."""
    blank = page_form(action, request, target, **kwargs)
    return failed.get(twin(blank), blank)
