"""Facts about her that an area above her record keeps and every case role may read with her
record (her children's count, Rule 3.2): the area declares each in its `hooks.py` as
`Fact(key, value)`, and her record's API asks for it by key without importing the area."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bangkok.hooks import takes

if TYPE_CHECKING:
    from .models import Prisoner


@dataclass(frozen=True)
class Fact:
    key: str
    value: Callable[[Prisoner], Any]


_FACTS: dict[str, Fact] = {}


def register(declared: Fact) -> None:
    _FACTS[declared.key] = declared


takes(Fact, register)


def fact(key: str, prisoner: Prisoner) -> Any:
    """The fact `key` about her, from the area that declared it."""
    return _FACTS[key].value(prisoner)
