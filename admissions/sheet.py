"""The information sheet of Rule 2.1: which languages it is written in, the nearest one for a
language it is not written in, and its PDF (`bangkok.printing`).

The sheet is written in every language of the interface and in a few more that women in the
facilities speak (`SHEET_ONLY`): their catalogues in locale/ hold the sheet's strings only, so
they are offered for the sheet and not as an interface language. For a language it is not
written in, the sheet says so and gives the nearest: the macro-language of a dialect or an
ISO 639-2/3 code, a language its readers read (Lao readers read Thai), else English.
"""

from __future__ import annotations

from django.conf import settings

from bangkok.printing import _static_file, is_language, language_name, pdf
from bangkok.printing import nearest as nearest_of

SHEET_ONLY = ("my",)

__all__ = ["_static_file", "is_language", "language_name", "nearest", "pdf", "sheet_languages"]


def sheet_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES] + list(SHEET_ONLY)


def nearest(code: str) -> str:
    """The language the sheet is given in for a reader of `code`."""
    return nearest_of(code, sheet_languages())
