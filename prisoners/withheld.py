"""Women withheld from every list, search and page: an area above declares which
(`Withheld`), and the access funnel (`prisoners.permissions`) leaves them out for every role,
so a withheld woman is the 404 of a woman who doesn't exist. A girl's records sealed after
her release (the UN Rules for the Protection of Juveniles Deprived of their Liberty, r. 19;
`girls`) are withheld this way; what opens a sealed record is the area's own, audited read.

A lower app that lists women without the funnel (a count, a picker, oversight's rows) asks
`withheld()` too."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from django.db.models import Q

from bangkok.hooks import takes


@dataclass(frozen=True)
class Withheld:
    """`where(of)`: a filter (a `Q`) over any model's records, matching those that name a
    withheld woman by the lookup path `of` ("pk" on `Prisoner` itself; "prisoner",
    "admission__prisoner" on an area's records: forward relations only)."""

    key: str
    where: Callable[[str], Q]


_WITHHELD: dict[str, Withheld] = {}


@cache
def _withheld_by(of: str) -> Q | None:
    found = None
    for declared in _WITHHELD.values():
        found = declared.where(of) if found is None else found | declared.where(of)
    return found


def _register(declared: Withheld) -> None:
    _WITHHELD[declared.key] = declared
    _withheld_by.cache_clear()


takes(Withheld, _register)


def withheld(of: str = "pk") -> Q | None:
    """The records naming a woman withheld (by `of`; women themselves by default), as one
    filter (None when no area withholds any). Made once a process for each path `of`: a
    filter is never changed by a query that uses it (the ORM resolves a copy of its
    subqueries), and the governor's dashboard asked for it some twenty times a request,
    each building its subqueries anew."""
    return _withheld_by(of)


def shown(queryset):
    """`queryset` of women without those withheld."""
    where = withheld()
    return queryset if where is None else queryset.exclude(where)


def withheld_flag(field: str = "prisoner_id"):
    """Whether the woman a record names (by `field`) is withheld, as an expression to annotate
    a record with (her name left out of what is shown of it, the record still counted)."""
    from django.db.models import BooleanField, ExpressionWrapper, Value

    where = withheld(field)
    if where is None:
        return Value(False)
    return ExpressionWrapper(where, output_field=BooleanField())


def without_withheld(queryset, field: str = "prisoner"):
    """`queryset` of an area's records without those of a woman withheld, the woman each
    names reached by `field` (a lookup path of forward relations to a `Prisoner`: "prisoner",
    "admission__prisoner", "mother"; a record naming no woman stays). For the lists, searches
    and exports an area builds from its own records by facility rather than through the
    funnel; a record of hers is then the 404 of a record that doesn't exist. A record's woman
    is asked of the withheld records by her id (an anti-join), whatever the number of rows."""
    _forward(queryset.model, field)
    where = withheld(field)
    return queryset if where is None else queryset.exclude(where)


@cache
def _forward(model, field: str) -> None:
    """Refuse a path through a reverse or many-to-many relation: it would list a record once a
    related row, where the lists count each record once."""
    for name in field.split("__"):
        related = model._meta.get_field(name)
        if not (related.many_to_one or related.one_to_one) or related.auto_created:
            raise ValueError(f"{field!r} is not a path of forward relations from {model}.")
        model = related.related_model
