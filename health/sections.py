"""Parts of the clinical file page, one per part of the health app (screening, maternity,
preventive care, encounters and mental health), each declared in `health/hooks.py`. Its
`context(request, prisoner, failed)` returns the template context (with its forms; `failed`
maps a form's key to the bound form that was refused) and the ids of the clinical records it
shows, for the audit of the read; or None to show nothing."""

from collections.abc import Callable
from dataclasses import dataclass

from bangkok.hooks import takes


@dataclass(frozen=True)
class FilePart:
    key: str
    template: str
    context: Callable  # (request, prisoner, failed) -> tuple[dict, list[uuid]] | None
    order: int = 100


_PARTS: dict[str, FilePart] = {}


def register(part: FilePart) -> None:
    _PARTS[part.key] = part


takes(FilePart, register)


def parts() -> list[FilePart]:
    return sorted(_PARTS.values(), key=lambda part: (part.order, part.key))
