"""The information sheet of Rule 2.1 in the languages women in the facilities speak, a page
that says so when the sheet is not written in hers, a Print button and a PDF whose Thai and
Burmese are the app's own fonts."""

import re
import zlib

import pytest
from django.conf import settings
from django.urls import reverse

from admissions import sheet
from admissions.services import admit_woman
from admissions.tests.factories import commitment, identity
from conftest import client_for

pytestmark = [pytest.mark.django_db, pytest.mark.rule("2.1")]
BURMESE_TITLE = "အကျဉ်းထောင်သို့ ရောက်ရှိလာသော အမျိုးသမီးများအတွက် သတင်းအချက်အလက်"


def admitted(cast, facility, languages):
    return admit_woman(
        by=cast["reception"],
        facility=facility,
        commitment=commitment(),
        identity=identity(languages=languages),
    )


def inflated(pdf: bytes) -> bytes:
    """The PDF with its compressed streams (object streams with the font names) inflated."""
    parts = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S):
        try:
            parts.append(zlib.decompress(stream))
        except zlib.error:
            continue
    return pdf + b"".join(parts)


def sheet_of(cast, admission, **query):
    url = reverse("admissions:information-sheet", args=[admission.uuid])
    return client_for(cast["reception"]).get(url, query)


def test_the_sheet_is_written_in_burmese_though_the_interface_is_not(cast, facility_a):
    admission = admitted(cast, facility_a, ["my"])
    body = sheet_of(cast, admission).content.decode()
    assert 'lang="my" dir="ltr"' in body
    assert BURMESE_TITLE in body
    assert "Your rights on arrival" not in body
    assert "my" not in dict(settings.LANGUAGES), "Burmese is a sheet language only"


def test_the_admission_page_offers_the_sheet_in_burmese(cast, facility_a):
    admission = admitted(cast, facility_a, ["my"])
    page = client_for(cast["reception"]).get(reverse("admissions:detail", args=[admission.uuid]))
    assert "?language=my" in page.content.decode()
    assert "မြန်မာဘာသာ" in page.content.decode()


@pytest.mark.parametrize(
    ("hers", "given", "named"),
    [(["km"], "en", "Khmer"), (["lo"], "th", "Lao"), (["ary"], "ar", "ary")],
)
def test_a_language_without_a_sheet_says_so_and_gives_the_nearest(
    cast, facility_a, hers, given, named
):
    admission = admitted(cast, facility_a, hers)
    body = sheet_of(cast, admission).content.decode()
    assert f'<html lang="{given}"' in body
    notice = re.search(r'data-testid="sheet-missing">([^<]*)<', body).group(1)
    assert named in notice or hers[0] in notice
    assert "This is the nearest" in notice, "told in the officer's language, not in hers"


def test_a_language_the_sheet_is_written_in_has_no_notice(cast, facility_a):
    admission = admitted(cast, facility_a, ["km", "my"])
    body = sheet_of(cast, admission).content.decode()
    assert 'lang="my"' in body and "sheet-missing" not in body


def test_the_print_button_and_the_tools_are_not_printed(cast, facility_a):
    admission = admitted(cast, facility_a, ["th"])
    body = sheet_of(cast, admission).content.decode()
    tools = re.search(r'<nav class="([^"]*)" data-testid="sheet-tools">(.*?)<main', body, re.S)
    assert "govuk-!-display-none-print" in tools.group(1)
    assert "data-bk-print" in tools.group(2) and "format=pdf" in tools.group(2)
    assert "Print" in tools.group(2), "the officer's tools are in the officer's language"


@pytest.mark.parametrize(
    ("code", "font"), [("my", b"Noto-Sans-Myanmar"), ("th", b"Noto-Sans-Thai")]
)
def test_the_pdf_embeds_the_apps_font_for_her_script(cast, facility_a, code, font, artifacts_dir):
    admission = admitted(cast, facility_a, [code])
    response = sheet_of(cast, admission, format="pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f"-{code}.pdf" in response["Content-Disposition"]
    content = response.content
    (artifacts_dir / f"information-sheet-{code}.pdf").write_bytes(content)
    assert content.startswith(b"%PDF")
    assert font in inflated(content), "her script is drawn with the font the app serves"
    assert b"sheet-tools" not in content


def test_the_pdf_reads_only_the_apps_static_files():
    assert sheet._static_file("http://testserver/static/bangkok/bangkok.css")
    assert sheet._static_file("http://testserver/static/bangkok/../../settings.py") is None
    assert sheet._static_file("http://elsewhere.example/evil.css") is None
    assert sheet._static_file("file:///etc/passwd") is None


def test_nearest():
    assert sheet.nearest("my") == "my"
    assert sheet.nearest("mya") == "my"
    assert sheet.nearest("km") == "en"
