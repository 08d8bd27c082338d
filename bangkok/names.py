"""Countries and languages by their names in the interface's language (CLDR, through Babel),
while the records keep their ISO codes: ISO 3166 two-letter countries, ISO 639 languages."""

import re
import unicodedata
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from django.utils import translation


def _locale() -> str:
    """The CLDR locale of the interface's language, as babel names it ("en", "th", "my")."""
    return _locale_of(translation.get_language() or "en")


@lru_cache(maxsize=32)
def _locale_of(language: str) -> str:
    try:
        return str(Locale.parse(language.replace("-", "_")))
    except (UnknownLocaleError, ValueError):
        return "en"


@lru_cache(maxsize=32)
def _countries(locale: str) -> tuple[tuple[str, str], ...]:
    names = Locale.parse(locale).territories
    # Two letters are countries and territories; regions ("001", "150") and the
    # pseudo-territories of CLDR ("ZZ" unknown, "XA"/"XB" test locales, "EU"/"EZ"/"UN") aren't.
    skip = {"ZZ", "XA", "XB", "EU", "EZ", "UN", "QO"}
    pairs = ((code, name) for code, name in names.items() if len(code) == 2 and code.isalpha())
    return tuple(sorted((pair for pair in pairs if pair[0] not in skip), key=_by_name))


@lru_cache(maxsize=32)
def _languages(locale: str) -> tuple[tuple[str, str], ...]:
    names = Locale.parse(locale).languages
    # A language on her record is its ISO 639 code alone (two or three letters), no region.
    pairs = ((code, name) for code, name in names.items() if code.isalpha() and len(code) <= 3)
    return tuple(sorted((pair for pair in pairs if code_ok(pair[0])), key=_by_name))


def code_ok(code: str) -> bool:
    return code not in {"und", "zxx", "mul", "mis"}


# The combining accents of Latin letters (é as e); other scripts' marks are letters of theirs.
_ACCENTS = re.compile("[\u0300-\u036f]")


def folded(text: str) -> str:
    """Text as a search compares it: case and accents set aside ("Åland" as "aland")."""
    if text.isascii():
        return text.lower()
    return _ACCENTS.sub("", unicodedata.normalize("NFKD", text.casefold()))


def _by_name(pair: tuple[str, str]) -> str:
    return folded(pair[1])


def country_choices() -> list[tuple[str, str]]:
    """(code, name) of every country, by name in the interface's language."""
    return list(_countries(_locale()))


def language_choices() -> list[tuple[str, str]]:
    """(code, name) of every language, by name in the interface's language."""
    return list(_languages(_locale()))


def country_name(code: str) -> str:
    """The country's name in the interface's language; the code itself if unknown."""
    return _country_names(_locale()).get((code or "").upper(), code)


def language_name(code: str) -> str:
    """The language's name in the interface's language; the code itself if unknown."""
    return _language_names(_locale()).get((code or "").lower(), code)


# A name looked up by its code, each name on her page or in a list (the dict made once a
# process for each language, not once a name: 15-28 us a name before, 0.7 us).
@lru_cache(maxsize=32)
def _country_names(locale: str) -> dict[str, str]:
    return dict(_countries(locale))


@lru_cache(maxsize=32)
def _language_names(locale: str) -> dict[str, str]:
    return dict(_languages(locale))
