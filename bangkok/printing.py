"""Printed documents (the information sheet of Rule 2.1, her copy of her records at release,
Mandela 9): the language a document is given in for a reader whose own it is not written in,
and the PDF, made with WeasyPrint from the app's own CSS and fonts, never from the network."""

from __future__ import annotations

import mimetypes
from urllib.parse import urlsplit

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage

FALLBACK = "en"
# A code she may be recorded with (ISO 639-1, -2 or -3, up to three letters) whose readers are
# best served by a document in another language.
NEAREST = {
    "ara": "ar", "arb": "ar", "ary": "ar", "arz": "ar", "apc": "ar", "acm": "ar", "aeb": "ar",
    "bur": "my", "mya": "my", "int": "my", "rki": "my", "tvn": "my",
    "tha": "th", "sou": "th", "nod": "th", "tts": "th", "lo": "th", "lao": "th",
    "spa": "es", "fra": "fr", "fre": "fr", "eng": "en",
}  # fmt: skip


def is_language(code: str) -> bool:
    return code in LANG_INFO or code in NEAREST


def nearest(code: str, written_in: list[str]) -> str:
    """The language a document written in `written_in` is given in for a reader of `code`:
    hers, else the nearest one her readers read, else English."""
    if code in written_in:
        return code
    near = NEAREST.get(code, FALLBACK)
    return near if near in written_in else FALLBACK


def language_name(code: str) -> str:
    from django.utils.translation import gettext

    info = LANG_INFO.get(code)
    return gettext(info["name"]) if info else code


def _static_file(url: str) -> str | None:
    """The file on disk behind a URL of the app's static files, or None for any other URL."""
    path = urlsplit(url).path
    prefix = urlsplit(settings.STATIC_URL).path
    prefix = prefix if prefix.startswith("/") else "/" + prefix
    if not path.startswith(prefix) or ".." in path:
        return None
    name = path.removeprefix(prefix)
    found = finders.find(name)
    if found:
        return str(found)
    if staticfiles_storage.exists(name):
        return staticfiles_storage.path(name)
    return None


def pdf(html: str, *, base_url: str) -> bytes:
    """A page as a PDF, with the app's CSS (print media) and embedded fonts."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher, URLFetcherResponse, URLFetchingError

    class StaticOnly(URLFetcher):
        def fetch(self, url, headers=None):
            path = _static_file(url)
            if path is None:
                raise URLFetchingError(f"not one of the app's static files: {url}")
            with open(path, "rb") as found:
                kind = mimetypes.guess_type(path)[0] or "application/octet-stream"
                return URLFetcherResponse(url, found.read(), {"Content-Type": kind})

    return HTML(string=html, base_url=base_url, url_fetcher=StaticOnly()).write_pdf()


def language_asked(request) -> str | None:
    """The language `?language=` asks a document in, or None; Http404 for one that isn't."""
    from django.http import Http404

    wanted = request.GET.get("language") or None
    if wanted is not None and not is_language(wanted):
        raise Http404("No such language.")
    return wanted


def wants_pdf(request) -> bool:
    return request.GET.get("format") == "pdf"


def answer(request, html: str, *, filename: str):
    """The document as a page, or with `?format=pdf` as a PDF named `filename`."""
    from django.http import HttpResponse

    if not wants_pdf(request):
        return HttpResponse(html)
    response = HttpResponse(
        pdf(html, base_url=request.build_absolute_uri("/")), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
