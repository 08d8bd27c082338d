"""The clinical file page and the way its forms post: every part's form posts to its own
URL, which calls the service and comes back to the file (with the refusal beside the form)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_POST

from bangkok.forms import attempt, carrying

from .. import reading
from ..permissions import access_clinical_file
from ..sections import parts


def file_page(request, prisoner, *, failed: dict | None = None):
    """Her clinical file, part by part; the read is audited with every record id shown."""
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


def act(request, prisoner, form, save, *, key: str, done: str = "", record=None):
    """Validate `form`, call `save(**cleaned_data)`; back to her file, or the file again with
    the refusal beside the form (its rule named). A form that changes an existing `record`
    carries its version (`bangkok.forms.attempt`)."""
    saved, _result = attempt(form, save, record)
    if saved:
        if done:
            messages.success(request, done)
        return redirect("health:file", uuid=prisoner.uuid)
    if not form.visible_fields():
        # A button alone (end, withdraw) has no form to show its refusal beside.
        for error in form.non_field_errors():
            messages.error(request, error)
    return file_page(request, prisoner, failed={key: form})


def form_for(failed: dict, key: str, form_class, record=None, **kwargs):
    """The refused, bound form for `key` if that is the one that failed, else a fresh one
    (carrying the version of the `record` it changes, if any)."""
    return failed.get(key) or carrying(form_class(**kwargs), record)


def writable(request, model, uuid, woman_path: str):
    """One of her clinical records (`model` by uuid) and the woman it belongs to (through
    `woman_path`, e.g. "prisoner" or "pregnancy__prisoner"), if the user may record in her
    file; else 404."""
    record = model.objects.filter(uuid=uuid).select_related(woman_path).first()
    if record is None:
        raise Http404("No such record.")
    woman = record
    for step in woman_path.split("__"):
        woman = getattr(woman, step)
    return record, access_clinical_file(request.user, woman.uuid, write=True)


def her_form(form_class, verb, *, key: str, prefix: str | None = None, done=""):
    """A POST view for a form about her (her uuid in the URL): `verb(by=, prisoner=, **data)`."""

    @login_required
    @require_POST
    def view(request, uuid):
        woman = access_clinical_file(request.user, uuid, write=True)
        return act(
            request,
            woman,
            form_class(request.POST, prefix=prefix),
            lambda **data: verb(by=request.user, prisoner=woman, **data),
            key=key,
            done=str(done),
        )

    return view


def record_form(model, woman_path: str, form_class, verb, *, name: str, arg: str, done=""):
    """A POST view for a form on one of her records (its uuid in the URL):
    `verb(by=, <arg>=record, **data)`; the form's prefix and key are `<name>-<record uuid>`."""

    @login_required
    @require_POST
    def view(request, uuid):
        record, woman = writable(request, model, uuid, woman_path)
        prefix = f"{name}-{record.uuid}"
        return act(
            request,
            woman,
            form_class(request.POST, prefix=prefix),
            lambda **data: verb(by=request.user, **{arg: record}, **data),
            record=record,
            key=prefix,
            done=str(done),
        )

    return view
