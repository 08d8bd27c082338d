"""Actions declared as data: one declaration per service verb yields its API operation and,
where staff act on a page, its form view. This module is the one place that builds either,
for every write in the project (admitting a woman included: an `arg=None` verb whose page's
form and context come from `Page.form_kwargs` and `Page.context`).

An area lists its `Action`s once (in `<app>/actions.py`) with the `Area` that says how they
reach the woman, and its URL modules mount them:

    # <app>/api_urls.py                          # <app>/urls.py
    *api_urls(actions.ACTIONS, actions.AREA)     *page_urls(actions.ACTIONS, actions.AREA)

Each request of either door goes the same way:

1. **Access** (`reach`): a role without the action's `perm` and a woman or record outside
   the caller's reach (`Area.access`, then `Area.sees` for a record; or `Area.find`, for an
   area whose records are found otherwise) are one 404, the same as a missing one, before
   the body is read.
2. **Input**: the API validates `body` (a serializer, given `request` and `woman` in its
   context); the page validates `Page.form` (a Django form, built with `Page.form_kwargs`).
3. **The service**: `verb(by=user, <arg>=record or woman, **data)` (`arg=None`: the verb acts
   on nothing named in the address, `verb(by=user, **data)`). It checks the role and the
   Rules; a refusal is a `RuleBroken` naming its rule and nothing is written.
4. **Answers**. API: 201 (`created`) or 200 with `out(shown(result))`; 400 naming the field;
   404; 409 naming the rule (documented for `rules`); on an existing record (`model`), the
   version named in If-Match, under the record's lock: 428 without one, 412 when stale, and
   the answer carries the new ETag (`bangkok.versions`). Page: a redirect to
   `Page.then(result, target)` with `Page.done` as the success message; else the form again
   with the refusal beside it (400): its own `template` with `woman`, `form` and
   `Page.context`, or, for a form that lives on another page (a record's page), what
   `Page.again(request, target, form)` renders (or, for a button on a list, a redirect back
   with the refusal as a message: `refusal_back`). A page form on an existing record carries its
   version (a hidden field; `bangkok.forms.attempt`). A page that offers its form only to some
   callers on some records (`Page.offered`) shows without it to the others and refuses their
   POST like a missing record. Answers the API documents otherwise are `Action.answers`.

An example (`restraints/actions.py`):

    Action(
        "review",                             # names: api-restraints-review, restraints:review
        "restraints/<uuid:uuid>/review/",     # the API's path ("" for a page-only action)
        "Review a restraint that is on: is it still needed? (Mandela 48.1)",
        services.review_restraint,            # review_restraint(by=, restraint=, **data)
        io.RestraintReviewSerializer,         # the API's answer (`out`)
        io.RestraintReviewInput,              # the API's input (`body`)
        model=Restraint,                      # the record the address names (versioned)
        arg="restraint",                      # the verb's name for it
        created=True,                         # 201
        perm=services.CHANGE,                 # else 404, before the body is read
        page=Page(
            "<uuid:uuid>/review/",            # the page's path, in the app's namespace
            ReviewForm,
            again=on_its_page("review_form"), # refused: the restraint's page, form beside it
            done=_("Review recorded."),
            then=to("restraints:detail", of="target"),
        ),
    )

Converting an area: move its API table (`Operation`s, the old name of `Action`) into
`<app>/actions.py` with its `Area`; give each action its pages offer a `Page` (a page-only
action has path ""); mount `api_urls`/`page_urls`; delete the area's submit helpers and form
views. A form shown on another page (a record's page with several forms) is built blank with
`page_form` there, and `Page.again` renders that page. Where today's answers differ between the
doors (the API reading the body before the verb refuses the role), keep them: `Page.perm`
asks a permission of the page only. Check that `manage.py spectacular` gives the same schema
and that the area's permission matrix (`<app>/tests/matrix.py`) still holds.

`make routes` (`python -m bangkok.routes`) prints every route with the action and rules
behind it.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.views.decorators.http import require_http_methods
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from .errors import RuleBroken
from .forms import attempt, carrying
from .schema import ERROR, FIELD_ERRORS
from .security import of_this_site
from .signals import rule_refused
from .versions import VERSION_ANSWERS, VERSION_HEADERS, VersionedView

INVALID = OpenApiResponse(FIELD_ERRORS, description="Invalid input, naming the field.")
MISSING = "No such record in your facilities."


def refused(rules: tuple[str, ...]) -> OpenApiResponse:
    return OpenApiResponse(
        ERROR,
        description=f"Refused under Rule {' or '.join(rules)} (named in `rule`); nothing written.",
    )


def nothing(request, target) -> dict:
    return {}


def to(view: str, *, of: str = "result", section: str = "") -> Callable[[Any, Any], str]:
    """Where a page goes after the action: `view` of the result's uuid (`of="result"`), or of
    the record or woman acted on (`of="target"`); on her page, `section` is the section of
    hers the action belongs to, opened again where she comes back (`#section-<key>`)."""

    def url(result, target) -> str:
        address = reverse(view, kwargs={"uuid": (result if of == "result" else target).uuid})
        return f"{address}#section-{section}" if section else address

    return url


def titled(heading, intro="", button="") -> Callable[[Any, Any], dict]:
    """A form page's context (`Page.context`): its heading, what it says first, its button."""

    def context(request, target) -> dict:
        return {"heading": heading, "intro": intro, "button": button}

    return context


@dataclass(frozen=True)
class Area:
    """How an area's actions find the woman: `access(user, uuid, write=True)` returns her or
    raises Http404 (missing and forbidden alike); `not_found` documents that answer in the API
    (None: the project's one 404, documented for every route)."""

    tag: str
    access: Callable | None
    not_found: OpenApiResponse | None
    prefix: str
    sees: Callable | None = None
    """(user, record) -> bool: whether she may act on this record at all, checked before the
    body is read (a record she may not see is a 404 like a missing one)."""
    find: Callable | None = None
    """(user, address) -> (record, woman or None): for an area whose records aren't found by
    `model` and uuid (her own tasks, a record of one of several areas named by the address),
    the record acted on, or Http404 when missing or out of her reach."""


@dataclass(frozen=True)
class Page:
    """The form view of an action, at `path` in the area's page URLs (named as the action, or
    `name`)."""

    path: str
    form: type[forms.Form]
    done: Any
    """The success message: a string, or a function of the result giving one, or giving
    `(level, message)` for another level than success (a warning); "" says nothing."""
    then: Callable[[Any, Any], str]
    """(result, target) -> the URL to go to after (see `to`)."""
    template: str = ""
    """The form's own page (GET shows it, POST submits); "" for a form shown on another page
    (POST only, `again` renders that page with the refused form)."""
    context: Callable[[Any, Any], dict] = nothing
    """(request, target) -> what the template shows besides `woman` and `form`."""
    form_kwargs: Callable[[Any, Any], dict] = nothing
    """(request, target) -> the form's keyword arguments (the choices it offers)."""
    again: Callable[[Any, Any, forms.Form], HttpResponse] | None = None
    name: str = ""
    perm: str = ""
    """A permission the page asks before it shows the form, where the API leaves the role to
    the verb (which refuses it after reading the body)."""
    offered: Callable[[Any, Any], bool] | None = None
    """(request, target) -> whether the page offers the form to this caller on this record: if
    not, it shows without the form (`form` None) and refuses a POST like a missing record."""
    key: str = "uuid"
    """The part of the page's address naming the record acted on."""
    within: str = ""
    """Where `key` isn't "uuid": the relation of that record to the record the address's `uuid`
    names (it must belong to it, else 404)."""
    instead: Callable[[Any, Any], HttpResponse | None] = lambda request, target: None
    """(request, target) -> what GET shows instead of the form when there is nothing left to
    do (the record already decided), or None."""
    back: bool = False
    """After the action, go back to the address posted as `next` when there is one (a button
    on a list), else to `then`."""
    methods_first: bool = False
    """Refuse a method the page doesn't take before asking who is signed in (405 to anyone)."""
    reshape: str = ""
    """The name of a submit that only changes what the form asks (the search's "Change the
    search"): posted with it, the form comes back in its new shape with what was typed,
    nothing saved and no error shown, so a change made without JavaScript loses nothing."""


@dataclass(frozen=True)
class Action:
    """One service verb, offered by the API (POST `path`) and/or a page (`page`).

    `model`: the record acted on, found by the address's uuid (its woman by `woman`, a path of
    relations); None: the address names the woman herself, or (`arg=None`) nothing."""

    name: str
    path: str
    summary: str
    verb: Callable
    out: type[serializers.Serializer] | None = None
    body: type[serializers.Serializer] | None = None
    model: type[Model] | None = None
    woman: str = "prisoner"
    arg: str | None = "prisoner"
    created: bool = False
    rules: tuple[str, ...] = ()
    description: str = ""
    many: bool = False
    shown: Callable = field(default=lambda result: result)
    perm: str = ""
    """The permission the verb needs, checked before anything is read (404 without it)."""
    reads: type[APIView] | None = None
    """The API view that answers GET at the same path (a list the action adds to)."""
    answers: dict = field(default_factory=dict)
    """Answers the API documents besides (or instead of) the ones above, by status code."""
    page: Page | None = None
    method: str = "post"
    """"patch": a change to the record's own fields, `body` bound to it and partial (only the
    fields given change)."""
    changes: bool = True
    """False: the action adds a record to the one the address names (`model`), leaving that
    record's version alone (no If-Match)."""
    her: bool = False
    """True: the action changes the woman's own record (her home), which the address names
    (`model` None): it names her version like a change of any other record."""
    answer: Callable | None = None
    """(request, result) -> the API's answer body, where it depends on who asks (else `out` of
    `shown(result)`; `out` still documents it)."""


# The API's name for an action, from before pages were declared with it.
Operation = Action


def reach(action: Action, area: Area, user, uuid, address: dict | None = None) -> tuple[Any, Any]:
    """(target, woman): what the action acts on and the woman it concerns, or Http404 /
    PermissionDenied (answered alike) when either is missing or out of the caller's reach."""
    if action.perm and not user.has_perm(action.perm):
        raise PermissionDenied
    if area.find is not None:
        return area.find(user, address if address is not None else {"uuid": uuid})
    if action.arg is None:
        return None, None
    assert area.access is not None, "an area finds its woman by `access` or its records by `find`"
    if action.model is None:
        woman = area.access(user, uuid, write=True)
        return woman, woman
    record = action.model.objects.filter(uuid=uuid).select_related(action.woman).first()
    if record is None:
        raise Http404(MISSING)
    woman = record
    for step in action.woman.split("__"):
        woman = getattr(woman, step)
    woman = area.access(user, woman.uuid, write=True)
    if area.sees is not None and not area.sees(user, record):
        raise Http404(MISSING)
    return record, woman


def changed(action: Action, target):
    """The record whose version a change names (the record acted on, or the woman herself for
    an action that changes her own record), or None: the action makes something new."""
    if action.her or (action.model is not None and action.changes):
        return target
    return None


def call(action: Action, user, target, data: dict):
    named = {} if action.arg is None else {action.arg: target}
    return action.verb(by=user, **named, **data)


def tell_refused(action: Action, user, target, woman, error: RuleBroken) -> None:
    """Tell `rule_refused`'s receivers that `user`'s act was refused under a Rule (sent after
    the act is rolled back, so what they write is kept)."""
    facility = getattr(woman, "facility", None) or getattr(target, "facility", None)
    rule_refused.send(
        sender=None, action=action, by=user, rule=error.rule, woman=woman, facility=facility
    )


# The API -----------------------------------------------------------------------------------


class OperationView(VersionedView, APIView):
    operation: Action
    area: Area

    @property
    def versioned(self):
        """The model of the record whose version a request names (None: a new record)."""
        return self.operation.model if self.operation.changes else None

    def act(self, request, uuid=None):
        op = self.operation
        record, woman = reach(op, self.area, request.user, uuid)
        data = {}
        if op.body is not None:
            context = {"request": request, "woman": woman}
            if op.method == "patch":
                body = op.body(record, data=request.data, partial=True, context=context)
            else:
                body = op.body(data=request.data, context=context)
            body.is_valid(raise_exception=True)
            data = body.validated_data

        def make():
            return call(op, request.user, record, data)

        changing = changed(op, record)
        try:
            result = make() if changing is None else self.change(request, changing, make)
        except RuleBroken as refusal:
            tell_refused(op, request.user, record, woman, refusal)
            raise
        return Response(
            op.out(op.shown(result), many=op.many).data
            if op.answer is None
            else op.answer(request, result),
            status=status.HTTP_201_CREATED if op.created else status.HTTP_200_OK,
        )


def view_for(op: Action, area: Area):
    responses = {(201 if op.created else 200): op.out(many=op.many), 400: INVALID}
    if area.not_found is not None:
        responses[404] = area.not_found
    if op.rules:
        responses[409] = refused(op.rules)
    parameters = []
    if op.her or (op.model is not None and op.changes):
        responses.update(VERSION_ANSWERS)
        parameters.extend(VERSION_HEADERS)
    if op.answers:
        responses = dict(sorted({**responses, **op.answers}.items()))
    name = "".join(part.title() for part in op.name.split("-"))
    bases = (OperationView,) if op.reads is None else (OperationView, op.reads)

    def handler(self, request, uuid=None):  # its own function: the schema is set on it
        return self.act(request, uuid)

    doc = op.summary if op.reads is None else op.reads.__doc__  # the GET's, if it reads
    attrs = {"operation": op, "area": area, "__doc__": doc, op.method: handler}
    view = type(name, bases, attrs)
    schema = extend_schema(
        tags=[area.tag],
        summary=op.summary,
        description=op.description,
        request=op.body,
        responses=responses,
        parameters=parameters,
    )
    view = schema(view) if op.reads is None else extend_schema_view(**{op.method: schema})(view)
    return _declared(view.as_view(), op, (["GET"] if op.reads else []) + [op.method.upper()])


def api_urls(actions: list[Action], area: Area) -> list:
    """One URL per action the API offers, named `<area.prefix>-<action.name>`."""
    return [
        path(op.path, view_for(op, area), name=f"{area.prefix}-{op.name}")
        for op in actions
        if op.path
    ]


operation_urls = api_urls


# Pages -------------------------------------------------------------------------------------


def page_form(action: Action, request, target, data=None, **kwargs) -> forms.Form:
    """The action's form as its page offers it (carrying the version of the record it changes),
    bound to `data` when posted: for a page that shows it beside others (`kwargs`, e.g. its
    `initial`, over `Page.form_kwargs`)."""
    form = action.page.form(data, **{**action.page.form_kwargs(request, target), **kwargs})
    return carrying(form, changed(action, target))


def page_view(action: Action, area: Area):
    page = action.page
    methods = ["GET", "POST"] if page.template else ["POST"]

    def view(request, **address):
        if page.perm and not request.user.has_perm(page.perm):
            raise PermissionDenied
        target, woman = reach(action, area, request.user, address.get(page.key), address)
        if page.within and getattr(target, page.within).uuid != address["uuid"]:
            raise Http404(MISSING)
        if page.offered is not None and not page.offered(request, target):
            if request.method == "POST":
                raise PermissionDenied
            context = {"woman": woman, "form": None, **page.context(request, target)}
            return render(request, page.template, context)
        posted = request.POST if request.method == "POST" else None
        if posted is not None and page.reshape and page.reshape in posted:
            posted, form = None, reshaped(action, request, target)
        else:
            form = page_form(action, request, target, posted)
        if posted is None and (shown := page.instead(request, target)) is not None:
            return shown
        if posted is not None:
            record = changed(action, target)
            saved, result = attempt(
                form,
                lambda **data: call(action, request.user, target, data),
                record,
                refused=lambda error: tell_refused(action, request.user, target, woman, error),
            )
            if saved:
                said(request, page, result)
                back = posted_next(request) if page.back else None
                return redirect(back or page.then(result, target))
        if not page.template:
            response = page.again(request, target, form)
            if response.status_code == 200:  # else `again` answers as it must (a redirect)
                response.status_code = 400
            return response
        context = {"woman": woman, "form": form, **page.context(request, target)}
        return render(request, page.template, context, status=400 if form.errors else 200)

    view.__name__ = view.__qualname__ = action.name.replace("-", "_")
    allowed, signed_in = require_http_methods(methods), login_required
    view = signed_in(allowed(view)) if not page.methods_first else allowed(signed_in(view))
    return _declared(view, action, methods)


def reshaped(action: Action, request, target) -> forms.Form:
    """The action's form as its page now offers it (`Page.form_kwargs` read what was posted),
    not bound: it starts from what was typed, each field that is still asked."""
    form = page_form(action, request, target)
    form.initial = {
        name: field.widget.value_from_datadict(request.POST, request.FILES, form.add_prefix(name))
        for name, field in form.fields.items()
    }
    return form


def refusal_back(view: str) -> Callable[[Any, Any, forms.Form], HttpResponse]:
    """`Page.again` for a button on a list: back to the address posted as `next` (else `view`)
    with the refusal as an error message."""

    def again(request, target, form) -> HttpResponse:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect(posted_next(request) or view)

    return again


def posted_next(request) -> str | None:
    """The address posted as `next`, if it is one of this site's."""
    return of_this_site(request, request.POST.get("next"))


def said(request, page: Page, result) -> None:
    done = page.done(result) if callable(page.done) else page.done
    level, message = done if isinstance(done, tuple) else (messages.SUCCESS, done)
    if message:
        messages.add_message(request, level, message)


def page_urls(actions: list[Action], area: Area) -> list:
    """One URL per action a page offers, named as the action (in the app's namespace)."""
    return [
        path(a.page.path, page_view(a, area), name=a.page.name or a.name)
        for a in actions
        if a.page is not None
    ]


def _declared(view, action: Action, methods: list[str]):
    """Mark a view as built from `action` (for `manage.py routes`)."""
    view.action = action
    view.methods = methods
    return view
