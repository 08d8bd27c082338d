"""Keyset pages in either direction: every row once, in order, forwards and back."""

import pytest

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
