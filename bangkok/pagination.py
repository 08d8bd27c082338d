"""Keyset (cursor) pagination for pages and the API: page 2,000 costs what page 1 costs.

The order is a tuple of fields ending in a unique one (usually `id`); a field named with a
leading "-" sorts descending, as in `order_by`. A cursor is
the opaque, signed position of the row before (or after) the page.
"""

import base64
import json
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlencode
from uuid import UUID

from django.core import signing
from django.db.models import F, Model, OrderBy, Q, QuerySet, Value
from django.db.models.fields.tuple_lookups import Tuple, TupleGreaterThan, TupleLessThan
from django.db.models.lookups import Lookup
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.response import Response

from bangkok.prepared import prepared

MAX_PAGE_SIZE = 100
_signer = signing.Signer(salt="bangkok.cursor")


class BadCursor(ValueError):
    pass


@dataclass
class Page:
    items: list
    next_cursor: str | None
    previous_cursor: str | None


def _encode(direction: str, values: list) -> str:
    raw = json.dumps(
        [direction, [v.isoformat() if isinstance(v, date | datetime) else v for v in values]]
    )
    return base64.urlsafe_b64encode(_signer.sign(raw).encode()).decode().rstrip("=")


def _decode(cursor: str) -> tuple[str, list]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        raw = _signer.unsign(base64.urlsafe_b64decode(padded.encode()).decode())
        direction, values = json.loads(raw)
    except (ValueError, signing.BadSignature, UnicodeDecodeError) as exc:
        raise BadCursor("This page link is no longer valid.") from exc
    if direction not in ("n", "p"):
        raise BadCursor("This page link is no longer valid.")
    return direction, values


def _beyond(fields: tuple[str, ...], values: list, after: bool) -> Q | Lookup:
    """Rows strictly after (or before) `values` in the order of `fields`.

    Fields that all sort one way are compared as one row value, `(a, b) > (x, y)`, which an
    index on (a, b) answers by seeking to the position (page 2,000 costs what page 1 costs);
    mixed directions are spelled out as `a > x OR (a = x AND b > y)`."""
    descending = {field.startswith("-") for field in fields}
    if len(descending) == 1:
        row = Tuple(*(F(field.lstrip("-")) for field in fields))
        later = after != descending.pop()
        return (TupleGreaterThan if later else TupleLessThan)(row, list(values))
    condition = Q()
    for i, field in enumerate(fields):
        name = field.lstrip("-")
        op = "gt" if after != field.startswith("-") else "lt"
        step = Q(**{f"{name}__{op}": values[i]})
        for prior, value in zip(fields[:i], values[:i], strict=False):
            step &= Q(**{prior.lstrip("-"): value})
        condition |= step
    return condition


# The alias that marks a queryset whose pages are sorted from the rows it finds (below).
_SORTED = "keyset_sorted_not_walked"


def sorted_not_walked(qs: QuerySet) -> QuerySet:
    """`qs`, its pages sorted from the rows its filter finds rather than walked in the order.

    For a filter an index of its own answers (a name search by trigrams) whose rows may lie
    anywhere in the order: left to choose, the planner walks the order's index and tests each
    row until a page is full, which is every row when the matches come late in the order or
    there are none. Marked so, a page is the rows the filter finds, sorted and cut to the
    page's size before anything is joined to them; then those rows alone are read in full, by
    their keys, with the related records `qs` selects (its filters are not asked again)."""
    return qs.alias(**{_SORTED: Value(True)})


def _sorted(order: list[str]) -> list[OrderBy]:
    """The same order, spelled so that no index can give it: nulls first where they would come
    last, and the other way (the fields of a keyset are never null, so the rows come in the
    same order), which leaves the planner one way: find the rows, then sort them."""
    return [
        OrderBy(F(name[1:]), descending=True, nulls_last=True)
        if name.startswith("-")
        else OrderBy(F(name), nulls_first=True)
        for name in order
    ]


def _position(item, fields) -> list:
    return [getattr(item, name.lstrip("-")) for name in fields]


def _reversed(fields: tuple[str, ...]) -> list[str]:
    return [name[1:] if name.startswith("-") else f"-{name}" for name in fields]


@dataclass(frozen=True)
class Shape:
    """A list's query as a shape and its values (`bangkok.prepared`): `build(*values)` makes
    the queryset given to `keyset_page` again, for any values of the same kinds; `key` names
    all else its SQL turns on. Its page is then read by SQL written once a connection, the
    cursor's position among the values."""

    model: type[Model]
    key: Hashable
    build: Callable[..., QuerySet]
    values: tuple


def _preparable(values) -> bool:
    return all(isinstance(value, str | int | UUID) for value in values or ())


def keyset_page(
    qs: QuerySet | None,
    *,
    fields: tuple[str, ...],
    cursor: str | None,
    size: int,
    columns: tuple[str, ...] | None = None,
    shape: Shape | None = None,
) -> Page:
    """A page of `qs` in the order of `fields`: its records, or, given `columns` (which hold
    `fields`), rows of those columns named as they are (`values_list(named=True)`), without a
    record made for each. Given a `shape` of `qs`, its SQL is written once a connection; `qs`
    may then be None, built by the shape only when a position can't be a value of its SQL."""
    size = max(1, min(size, MAX_PAGE_SIZE))
    direction, values = _decode(cursor) if cursor else ("n", None)
    if len(values or fields) != len(fields):
        raise BadCursor("This page link is no longer valid.")
    forward = direction == "n"
    order = list(fields) if forward else _reversed(fields)

    def page_of(qs: QuerySet, position) -> QuerySet:
        if position is not None:
            qs = qs.filter(_beyond(fields, position, after=forward))
        qs = qs.order_by(*order)
        return (qs.values_list(*columns, named=True) if columns else qs)[: size + 1]

    written_once = shape is not None and _preparable(values)
    if qs is None and not written_once:
        qs = shape.build(*shape.values)  # a position its SQL can't take as values
    if qs is not None and _SORTED in qs.query.annotations:
        if values is not None:
            qs = qs.filter(_beyond(fields, values, after=forward))
        found = qs.order_by(*_sorted(order)).values("pk")[: size + 1]
        by_key = qs.model._base_manager.filter(pk__in=found)
        by_key.query.select_related = qs.query.select_related
        by_key.query.deferred_loading = qs.query.deferred_loading
        by_key = by_key.order_by(*order)
        rows = list(by_key.values_list(*columns, named=True) if columns else by_key)
    elif written_once:
        given = len(shape.values)

        def build(*both) -> QuerySet:
            return page_of(shape.build(*both[:given]), both[given:] or None)

        key = (shape.key, fields, direction, values is None, size, columns)
        rows = prepared(shape.model, key, build, *shape.values, *(values or ()))
    else:
        rows = list(page_of(qs, values))
    more = len(rows) > size
    rows = rows[:size]
    if not forward:
        rows.reverse()
    if not rows:
        return Page([], None, None)
    first, last = _position(rows[0], fields), _position(rows[-1], fields)
    has_next = more if forward else True
    has_previous = (values is not None) if forward else more
    return Page(
        rows,
        _encode("n", last) if has_next else None,
        _encode("p", first) if has_previous else None,
    )


def page_size_from(params, default: int = 50) -> int:
    try:
        return max(1, min(int(params.get("page_size", default)), MAX_PAGE_SIZE))
    except (TypeError, ValueError):
        return default


def url_with(params, **changes) -> str:
    query = params.copy()
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = value
    return "?" + urlencode(query, doseq=True)


class KeysetPagination(BasePagination):
    """DRF pagination over `view.keyset_fields`: {"next", "previous", "results"}."""

    cursor_query_param = "cursor"

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        try:
            page = keyset_page(
                queryset,
                fields=view.keyset_fields,
                cursor=request.query_params.get(self.cursor_query_param),
                size=self.page_size(request.query_params),
                # A view may read its rows as columns, by SQL written once (`keyset_page`).
                columns=getattr(view, "keyset_columns", None),
                shape=getattr(view, "keyset_shape", None),
            )
        except BadCursor as exc:
            raise ValidationError({self.cursor_query_param: [str(exc)]}) from exc
        self.page = page
        return page.items

    @staticmethod
    def page_size(params) -> int:
        """The API says what is wrong instead of guessing (the pages clamp instead)."""
        raw = params.get("page_size")
        if raw is None:
            return 50
        if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= MAX_PAGE_SIZE:
            raise ValidationError({"page_size": [f"A whole number from 1 to {MAX_PAGE_SIZE}."]})
        return int(raw)

    def _link(self, cursor):
        if cursor is None:
            return None
        params = self.request.query_params.copy()
        params[self.cursor_query_param] = cursor
        return self.request.build_absolute_uri(self.request.path) + url_with(params)

    def get_paginated_response(self, data):
        return Response(
            {
                "next": self._link(self.page.next_cursor),
                "previous": self._link(self.page.previous_cursor),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        link = {"type": "string", "nullable": True, "format": "uri"}
        return {
            "type": "object",
            "required": ["next", "previous", "results"],
            "properties": {"next": link, "previous": link, "results": schema},
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "The page's position, from a `next` or `previous` link.",
                "schema": {"type": "string"},
            },
            {
                "name": "page_size",
                "required": False,
                "in": "query",
                "description": f"Rows per page, 1 to {MAX_PAGE_SIZE} (default 50).",
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
            },
        ]


def paginate(
    request,
    qs: QuerySet | None,
    *,
    fields: tuple[str, ...],
    param: str = "cursor",
    columns: tuple[str, ...] | None = None,
    shape: Shape | None = None,
) -> dict:
    """A page of `qs` for an HTML view: {"page", "next_url", "previous_url"}; a bad cursor is
    a 404 (a tampered or stale link shows nothing). `param` names the cursor in the query, so
    that several lists on one page are paged each on its own; `columns` and `shape` are
    `keyset_page`'s."""
    from django.http import Http404

    try:
        page = keyset_page(
            qs,
            fields=fields,
            cursor=request.GET.get(param),
            size=page_size_from(request.GET),
            columns=columns,
            shape=shape,
        )
    except BadCursor as exc:
        raise Http404(str(exc)) from exc
    params = request.GET
    return {
        "page": page,
        "next_url": page.next_cursor and url_with(params, **{param: page.next_cursor}),
        "previous_url": page.previous_cursor and url_with(params, **{param: page.previous_cursor}),
    }
