"""Keyset pages in either direction: every row once, in order, forwards and back."""

import pytest
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext

from bangkok.pagination import keyset_page
from facilities.models import Facility
from prisoners.tests.factories import FacilityFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("fields", [("code", "id"), ("-code", "-id"), ("-capacity", "id")])
def test_pages_walk_every_row_once_in_order_and_back(fields):
    for i in range(7):
        FacilityFactory(code=f"F{i}", capacity=100 + i % 3)
    expected = list(Facility.objects.order_by(*fields))
    seen, cursor, pages = [], None, []
    while True:
        page = keyset_page(Facility.objects.all(), fields=fields, cursor=cursor, size=3)
        seen.extend(page.items)
        pages.append(page)
        cursor = page.next_cursor
        if cursor is None:
            break
    assert seen == expected
    back = keyset_page(
        Facility.objects.all(), fields=fields, cursor=pages[-1].previous_cursor, size=3
    )
    assert back.items == pages[-2].items


@pytest.mark.parametrize(
    ("fields", "seeks"),
    [(("code", "id"), True), (("-code", "-id"), True), (("-capacity", "id"), False)],
)
def test_a_page_after_the_first_seeks_by_one_row_value_when_the_order_allows(fields, seeks):
    """`(code, id) > ('F2', 3)` is answered from an index by seeking; the same condition spelled
    as ORs is filtered row by row (mixed directions can't be one row value)."""
    for i in range(4):
        FacilityFactory(code=f"F{i}", capacity=100 + i % 3)
    first = keyset_page(Facility.objects.all(), fields=fields, cursor=None, size=2)
    with CaptureQueriesContext(connection) as queries:
        keyset_page(Facility.objects.all(), fields=fields, cursor=first.next_cursor, size=2)
    (sql,) = [q["sql"] for q in queries.captured_queries]
    table = Facility._meta.db_table
    row = f'("{table}"."code", "{table}"."id")'
    assert (row in sql) is seeks
    assert (" OR " in sql) is not seeks


# Mixed directions by code and id: the capacity's column is too small to hold a number's
# stand-in (`bangkok.prepared`).
@pytest.mark.parametrize("fields", [("code", "id"), ("-code", "-id"), ("-code", "id")])
def test_named_rows_and_a_shape_walk_the_same_pages_as_the_records(fields):
    """Given `columns`, a page is rows named by their columns; given a `Shape` too, its SQL is
    written once a connection and run with each call's values and cursor: the same rows, in
    the same order, both ways, as the records of the query built each time, and a shape run
    with other values answers for those values."""
    from bangkok.pagination import Shape
    from bangkok.prepared import _SHAPES

    made = [FacilityFactory(code=f"F{i}", capacity=100 + i % 3) for i in range(7)]
    columns = ("id", "code", "capacity", "name")

    def among(*ids):
        return Facility.objects.filter(pk__in=ids)

    def walk(ids, built=True, **given):
        pages, cursor, qs = [], None, among(*ids) if built else None
        while True:
            pages.append(keyset_page(qs, fields=fields, cursor=cursor, size=3, **given))
            cursor = pages[-1].next_cursor
            if cursor is None:
                return pages

    def codes(pages):
        return [[row.code for row in page.items] for page in pages]

    for ids in ([f.pk for f in made], [f.pk for f in made[1:6]]):
        shape = Shape(Facility, ("facilities", len(ids)), among, tuple(ids))
        records = walk(ids)
        for given in (
            {"columns": columns},
            {"columns": columns, "shape": shape},
            {"columns": columns, "shape": shape, "built": False},  # the shape's query alone
        ):
            pages = walk(ids, **given)
            assert codes(pages) == codes(records)
            assert [page.next_cursor for page in pages] == [page.next_cursor for page in records]
            row = pages[0].items[0]
            assert (row.id, row.name) == (records[0].items[0].id, records[0].items[0].name)
            back = keyset_page(
                among(*ids) if given.pop("built", True) else None,
                fields=fields,
                cursor=pages[-1].previous_cursor,
                size=3,
                **given,
            )
            assert [row.code for row in back.items] == codes(records)[-2]
    shapes = connections["default"].__dict__[_SHAPES]
    kept = [key for key in shapes if key[0][0] == "facilities" and key[1] == fields]
    # The first pages, the pages after a cursor and the page back, for each number of ids.
    assert len(kept) == 6


def test_a_position_its_sql_cant_take_reads_the_query_the_shape_builds():
    """A position holding what no stand-in stands for (a null: a keyset over a column that may
    be empty) is read by the query the shape builds, when the list gave none, with the list's
    own values: the same page as from the query given."""
    from bangkok.pagination import Shape, _encode

    made = [FacilityFactory(code=f"F{i}") for i in range(4)]
    ids = tuple(f.pk for f in made)
    asked = []

    def among(*ids):
        asked.append(ids)
        return Facility.objects.filter(pk__in=ids)

    shape = Shape(Facility, ("facilities null", len(ids)), among, ids)
    fields = ("name", "id")
    cursor = _encode("n", [None, made[1].pk])
    given = keyset_page(among(*ids), fields=fields, cursor=cursor, size=2)
    asked.clear()
    built = keyset_page(None, fields=fields, cursor=cursor, size=2, shape=shape)
    assert asked == [ids]  # the shape's query, built with the list's own values
    assert [f.pk for f in built.items] == [f.pk for f in given.items]
