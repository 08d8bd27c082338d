"""Sections of a woman's page, one per rule area, registered by the area's app.

An area declares its section in its `hooks.py`; its `context` function returns the
template context for a viewer, or None when that viewer may not see the section at all (a
section a role may not see is absent, not empty). No area, no section: no placeholders.

Her page lists the sections a viewer may see, each closed, and a section is read when it is
opened, at its own address (`/women/<uuid>/sections/<key>/`, a page of its own, or its body
alone for htmx): a view of her page pays for none of them. `shown` says cheaply, without
reading the area's records (nor auditing a read), whether the viewer sees the section at all:
True or False from the viewer's permissions and her row, or, when it turns on whether records
of hers exist, a condition on her row (a `Q` of `Exists`), which her page asks of every
section in one query. It must be false exactly when `context` would be None; the section's
address answers a viewer it doesn't show with the 404 of a woman who doesn't exist.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import BooleanField, ExpressionWrapper, Q
from django.http import Http404
from django.template.loader import render_to_string

from bangkok.hooks import takes
from bangkok.prepared import Same, prepared


def always(request, prisoner) -> bool:
    """Every role that reads her page sees the section."""
    return True


def holds(*perms: str) -> Callable:
    """The section is shown to a viewer holding any of `perms`."""

    def shown(request, prisoner) -> bool:
        return any(request.user.has_perm(perm) for perm in perms)

    return shown


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    template: str
    context: Callable  # (request, prisoner) -> dict | None
    order: int = 100
    shown: Callable = always  # (request, prisoner) -> bool | Q on her row, nothing read


_SECTIONS: dict[str, Section] = {}


def register(section: Section) -> None:
    _SECTIONS[section.key] = section


takes(Section, register)


def keys() -> list[str]:
    return sorted(_SECTIONS)


def _shown(request, prisoner, sections) -> list[Section]:
    """Those of `sections` the viewer sees; the conditions on her row in one query, its SQL
    written once for the same conditions (`bangkok.prepared`: an area that keeps its
    condition, the same object each time, has it compiled once)."""
    answers = {section.key: section.shown(request, prisoner) for section in sections}
    asked = {key: answer for key, answer in answers.items() if isinstance(answer, Q)}
    if asked:
        from .models import Prisoner

        def her_row(pk):
            # Her one row, in no order (`first` would order it by name).
            return (
                Prisoner.objects.filter(pk=pk)
                .order_by()
                .annotate(
                    **{
                        f"shown_{key}": ExpressionWrapper(condition, output_field=BooleanField())
                        for key, condition in asked.items()
                    }
                )
                .values(*(f"shown_{key}" for key in asked))[:1]
            )

        shape = ("sections", *((key, Same(condition)) for key, condition in asked.items()))
        found = next(iter(prepared(Prisoner, shape, her_row, prisoner.pk)), {})
        answers.update({key: bool(found.get(f"shown_{key}")) for key in asked})
    return [section for section in sections if answers[section.key] is True]


def sections_for(request, prisoner) -> list[Section]:
    """The sections of her page this viewer sees, in order, none of them read."""
    ordered = sorted(_SECTIONS.values(), key=lambda s: (s.order, s.key))
    return _shown(request, prisoner, ordered)


def open_section(request, prisoner, key: str) -> tuple[Section, str]:
    """One section read and rendered for this viewer (its reads audited as they are made);
    404 for a section she doesn't see, as for a woman who doesn't exist."""
    section = _SECTIONS.get(key)
    if section is None or not _shown(request, prisoner, [section]):
        raise Http404("No such woman in your facilities.")
    context = section.context(request, prisoner)
    if context is None:
        raise Http404("No such woman in your facilities.")
    return section, render_to_string(section.template, context, request=request)
