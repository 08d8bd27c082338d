"""One way of writing a date and a time per language, 24-hour, on every page: every page in
the URL map, with the matrix's sample records, is read by the governor and by health staff
in each language of the interface, and no page writes AM or PM or a date like 04/12/2026
that one reader takes for 4 December and another for 12 April."""

import re

import pytest
from django.conf import settings
from django.utils import timezone, translation
from django.utils.formats import date_format

from tests.test_canaries import readable_urls
from tests.test_permission_matrix import (  # noqa: F401 (the sample records' fixtures)
    cast,
    fresh_client,
    sample,
    world,
)

LANGUAGES = [code for code, _name in settings.LANGUAGES]
# A time with AM or PM, in any of the interface's languages (Thai ก่อนเที่ยง, Arabic ص/م).
AM_PM = re.compile(
    r"(?<![\w+/=-])\d{1,2}(?::\d{2})?\s*[AaPp]\.?\s?[Mm]\.?(?![A-Za-z])"
    r"|ก่อนเที่ยง|หลังเที่ยง|\d\s*[صم](?!\w)"
)
# Day and month both as numbers, in either order: ambiguous to half the readers.
NUMERIC_DATE = re.compile(r"(?<![\d/.-])\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(?![\d/.-])")
# A key or code shown to be typed in, random letters and digits.
CODE = re.compile(r"<code\b[^>]*>.*?</code>", re.S)


def pages(world):  # noqa: F811
    return [url for url in readable_urls(world) if not url.startswith("/api/")]


@pytest.mark.django_db
@pytest.mark.parametrize("code", LANGUAGES)
def test_no_page_writes_am_pm_or_a_numeric_date(code, cast, world):  # noqa: F811
    """Each page is read by the governor, and by health staff where the governor's role doesn't
    reach it (the clinical pages and sections): the same filters write every date, whoever
    reads, so a page both read is read once."""
    found = []
    read = 0
    clients = {}
    for role in ("governor", "health"):
        clients[role] = fresh_client()
        clients[role].force_login(cast[role])
        clients[role].cookies[settings.LANGUAGE_COOKIE_NAME] = code
    for url in pages(world):
        for role, client in clients.items():
            response = client.get(url)
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            read += 1
            # What the page writes, not its markup: addresses (a cursor), values typed or
            # hidden and the random nonces of scripts are no dates; nor is a random key shown
            # to be typed in (`<code>`: a two-factor secret may read "5AM").
            html = CODE.sub(" ", response.content.decode())
            body = re.sub(r"<[^>]*>", " ", html)
            for pattern in (AM_PM, NUMERIC_DATE):
                found += [f"{role} {url}: {m.group(0)!r}" for m in pattern.finditer(body)]
            break  # read by the first role whose page it is
    assert read > 20
    assert found == []


@pytest.mark.django_db
@pytest.mark.parametrize("code", LANGUAGES)
def test_a_moment_is_written_day_month_year_and_24_hour(code, cast, world):  # noqa: F811
    admission = world["admission"]
    evening = timezone.localtime(admission.arrested_at).replace(hour=22, minute=30)
    with translation.override(code):
        written = date_format(evening, "DATETIME_FORMAT")
    assert written.endswith("22:30") and str(evening.year) in written
    client = fresh_client()
    client.force_login(cast["governor"])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = code
    # The sample admission is the module's: changed in the database only (rolled back).
    type(admission).objects.filter(pk=admission.pk).update(arrested_at=evening)
    body = client.get(f"/admissions/{admission.uuid}/").content.decode()
    assert written in body
