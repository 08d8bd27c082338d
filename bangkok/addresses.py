"""A page's address for each of many records: reversed once, then written for each record's
key (a list of fifty women spent a tenth of its time reversing the same address a row)."""

from collections.abc import Callable
from uuid import UUID

from django.urls import reverse

_ANY = UUID(int=0)


def for_each(name: str) -> Callable[[object], str]:
    """`reverse(name, args=[key])` as a function of `key`, for a URL name taking one uuid:
    reversed once (in the request's script prefix), the key put in its place."""
    before, after = reverse(name, args=[_ANY]).split(str(_ANY))
    return lambda key: f"{before}{key}{after}"
