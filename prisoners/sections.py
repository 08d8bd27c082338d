"""Sections of a woman's page, one per rule area, registered by the area's app.

An area declares its section in its `hooks.py`; its `context` function returns the
template context for a viewer, or None when that viewer may not see the section at all (a
section a role may not see is absent, not empty). No area, no section: no placeholders.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string

from bangkok.hooks import takes


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    template: str
    context: Callable  # (request, prisoner) -> dict | None
    order: int = 100


_SECTIONS: dict[str, Section] = {}


def register(section: Section) -> None:
    _SECTIONS[section.key] = section


takes(Section, register)


def sections_for(request, prisoner) -> list[dict]:
    shown = []
    for section in sorted(_SECTIONS.values(), key=lambda s: (s.order, s.key)):
        context = section.context(request, prisoner)
        if context is not None:
            html = render_to_string(section.template, context, request=request)
            shown.append({"section": section, "html": html})
    return shown
