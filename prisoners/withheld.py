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

from django.db.models import Q

from bangkok.hooks import takes


@dataclass(frozen=True)
class Withheld:
    """`where()`: a filter over women (a `Q` on `Prisoner`) matching those withheld."""

    key: str
    where: Callable[[], Q]


_WITHHELD: dict[str, Withheld] = {}


def _register(declared: Withheld) -> None:
    _WITHHELD[declared.key] = declared


takes(Withheld, _register)


def withheld() -> Q | None:
    """Every woman withheld, as one filter (None when no area withholds any)."""
    found = None
    for declared in _WITHHELD.values():
        found = declared.where() if found is None else found | declared.where()
    return found


def shown(queryset):
    """`queryset` of women without those withheld."""
    where = withheld()
    return queryset if where is None else queryset.exclude(where)


def withheld_flag(field: str = "prisoner_id"):
    """Whether the woman a record names (by `field`) is withheld, as an expression to annotate
    a record with (her name left out of what is shown of it, the record still counted)."""
    from django.db.models import Exists, OuterRef, Value

    from .models import Prisoner

    where = withheld()
    if where is None:
        return Value(False)
    return Exists(Prisoner.objects.filter(where, pk=OuterRef(field)))


def without_withheld(queryset, field: str = "prisoner"):
    """`queryset` of an area's records without those of a woman withheld, the woman each
    names reached by `field` (a lookup path to a `Prisoner`: "prisoner", "admission__prisoner",
    "mother"). For the lists, searches and exports an area builds from its own records by
    facility rather than through the funnel; a record of hers is then the 404 of a record that
    doesn't exist. One subquery, whatever the number of rows."""
    from .models import Prisoner

    where = withheld()
    if where is None:
        return queryset
    return queryset.exclude(**{f"{field}__in": Prisoner.objects.filter(where).values("pk")})
