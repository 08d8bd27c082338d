"""API operations declared as data: one POST per service verb.

A rule area lists its `Operation`s once and `operation_urls` turns each into a view with its
own request serializer and documented answers. The view finds the record (or the woman
herself) through the area's access funnel, validates the body's shape and calls the service,
which checks the role and the Rules: a refusal under a Rule is a 409 naming it (see
`bangkok.errors`), and nothing is written.

An operation on an existing record changes it: the request names the version it read in
`If-Match` (the record's `ETag`), compared under the record's lock (`bangkok.versions`): 428
without it, 412 when the record changed since, and the answer carries the new `ETag`.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Model
from django.http import Http404
from django.urls import path
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from .schema import ERROR, FIELD_ERRORS
from .versions import VERSION_ANSWERS, VERSION_HEADERS, VersionedView

INVALID = OpenApiResponse(FIELD_ERRORS, description="Invalid input, naming the field.")


def refused(rules: tuple[str, ...]) -> OpenApiResponse:
    return OpenApiResponse(
        ERROR,
        description=f"Refused under Rule {' or '.join(rules)} (named in `rule`); nothing written.",
    )


@dataclass(frozen=True)
class Operation:
    """POST `path`: find the record (`model` by uuid, or the woman herself when None), check
    that the caller may act on her, validate `body`, call `verb(by=, <arg>=record, **body)`
    and answer with `out` (201 when `created`, else 200)."""

    name: str
    path: str
    summary: str
    verb: Callable
    out: type[serializers.Serializer]
    body: type[serializers.Serializer] | None = None
    model: type[Model] | None = None
    woman: str = "prisoner"
    arg: str = "prisoner"
    created: bool = False
    rules: tuple[str, ...] = ()
    description: str = ""
    many: bool = False
    shown: Callable = field(default=lambda result: result)


@dataclass(frozen=True)
class Area:
    """How an area's operations find the woman: `access(user, uuid, write=True)` returns her
    or raises Http404 (missing and forbidden alike); `not_found` documents that answer."""

    tag: str
    access: Callable
    not_found: OpenApiResponse
    prefix: str
    sees: Callable | None = None
    """(user, record) -> bool: whether she may act on this record at all, checked before the
    body is read (a record she may not see is a 404 like a missing one)."""


class OperationView(VersionedView, APIView):
    operation: Operation
    area: Area

    @property
    def versioned(self):
        """The model of the record whose version a request names (None: a new record)."""
        return self.operation.model

    def post(self, request, uuid):
        op, area = self.operation, self.area
        if op.model is None:
            record = woman = area.access(request.user, uuid, write=True)
        else:
            record = op.model.objects.filter(uuid=uuid).select_related(op.woman).first()
            if record is None:
                raise Http404("No such record in your facilities.")
            woman = record
            for step in op.woman.split("__"):
                woman = getattr(woman, step)
            woman = area.access(request.user, woman.uuid, write=True)
            if area.sees is not None and not area.sees(request.user, record):
                raise Http404("No such record in your facilities.")
        data = {}
        if op.body is not None:
            body = op.body(data=request.data, context={"request": request, "woman": woman})
            body.is_valid(raise_exception=True)
            data = body.validated_data

        def make():
            return op.verb(by=request.user, **{op.arg: record}, **data)

        result = make() if op.model is None else self.change(request, record, make)
        result = op.shown(result)
        return Response(
            op.out(result, many=op.many).data,
            status=status.HTTP_201_CREATED if op.created else status.HTTP_200_OK,
        )


def view_for(op: Operation, area: Area):
    responses = {
        (201 if op.created else 200): op.out(many=op.many),
        400: INVALID,
        404: area.not_found,
    }
    if op.rules:
        responses[409] = refused(op.rules)
    parameters = []
    if op.model is not None:
        responses.update(VERSION_ANSWERS)
        parameters.extend(VERSION_HEADERS)
    name = "".join(part.title() for part in op.name.split("-"))
    view = type(name, (OperationView,), {"operation": op, "area": area, "__doc__": op.summary})
    schema = extend_schema(
        tags=[area.tag],
        summary=op.summary,
        description=op.description,
        request=op.body,
        responses=responses,
        parameters=parameters,
    )
    return schema(view).as_view()


def operation_urls(operations: list[Operation], area: Area) -> list:
    """One URL per operation, named `<area.prefix>-<operation.name>`."""
    return [path(op.path, view_for(op, area), name=f"{area.prefix}-{op.name}") for op in operations]
