"""Keyset pages in either direction: every row once, in order, forwards and back."""

import pytest
from django.db import connection
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
