"""Every table of oversight as a file (Rules 25.3, 67-70): the rows and columns the page shows
the same viewer and no more, her facilities only, audited, from the page and the API."""

import io

import pytest
import tablib
from django.db import connection
from django.test.utils import CaptureQueriesContext

from audit.models import AuditEvent
from conftest import client_for
from staff.tests.factories import make_staff

from .test_indicators import admit as admit_offered
from .test_indicators import declared  # noqa: F401
from .test_oversight import admit, api_get, areas  # noqa: F401

pytestmark = pytest.mark.django_db

EXPORT = "/oversight/export/"
API = "/api/v1/oversight/export/"


def read(answer, fmt="csv"):
    if fmt == "csv":
        return tablib.Dataset().load(answer.content.decode("utf-8-sig"), format="csv")
    return tablib.Dataset().load(io.BytesIO(answer.content), format=fmt)


@pytest.mark.rule("67")
@pytest.mark.parametrize("fmt", ["csv", "ods", "xlsx"])
def test_a_list_downloads_as_the_page_shows_it(fmt, cast, areas, facility_a):  # noqa: F811
    admit(cast, facility_a, "A1")
    admit(cast, facility_a, "A2")
    answer = client_for(cast["governor"]).get(f"{EXPORT}list/admissions/?format={fmt}")
    assert answer.status_code == 200
    assert "admissions" in answer["Content-Disposition"]
    data = read(answer, fmt)
    assert data.headers == ["When", "Woman", "Number", "What"]
    assert sorted(data["Number"]) == ["A1", "A2"]
    event = AuditEvent.objects.get(action="table.exported")
    assert event.detail["table"] == "records-admissions" and event.detail["rows"] == 2
    assert event.detail["format"] == fmt and event.detail["filters"]["start"]


@pytest.mark.rule("67")
def test_a_name_a_spreadsheet_would_run_is_written_as_text(cast, areas, facility_a):  # noqa: F811
    admission = admit(cast, facility_a, "A1")
    admission.prisoner.given_names = '=HYPERLINK("http://x")'
    admission.prisoner.save(update_fields=["given_names"])
    data = read(client_for(cast["governor"]).get(f"{EXPORT}list/admissions/"))
    assert data["Woman"][0].startswith("'=")


def test_the_counts_that_must_be_zero_and_their_cases(cast, areas, facility_a):  # noqa: F811
    admit(cast, facility_a, "A1", girl=True)
    client = client_for(cast["inspector"])
    zeros = read(client.get(f"{EXPORT}must-be-zero/"))
    assert list(zeros["Cases"]) == ["1"]
    assert "Clinical count" not in zeros["What must never happen"]  # not hers to see
    cases = read(client.get(f"{EXPORT}cases/girls/"))
    assert list(cases["Number"]) == ["A1"]
    assert client.get(f"{EXPORT}cases/clinical/").status_code == 404
    records = read(client.get(f"{EXPORT}records/"))
    assert list(records["Number"]) == ["1"]


def test_timeliness_and_reads_download(cast, areas, facility_a):  # noqa: F811
    admit(cast, facility_a, "A1")
    client = client_for(cast["inspector"])
    timeliness = client.get(f"{EXPORT}timeliness/?format=xlsx")
    assert timeliness.status_code == 200
    assert "Due" in read(timeliness, "xlsx").headers
    reads = client.get(f"{EXPORT}reads/?area=health")
    assert reads.status_code == 200 and read(reads).headers[0] == "When"
    assert client.get(f"{EXPORT}reads/?area=nothing").status_code == 400


@pytest.mark.parametrize("role", ["reception", "custody", "health", "social", "safeguarding"])
def test_other_roles_are_refused_every_export(role, cast, areas):  # noqa: F811
    client = client_for(cast[role])
    for url in ("must-be-zero/", "list/admissions/", "timeliness/", "reads/"):
        assert client.get(EXPORT + url).status_code == 404
        assert api_get(cast[role], API + url).status_code in (403, 404)
    assert not AuditEvent.objects.filter(action="table.exported").exists()


def test_another_facility_and_a_bad_format_are_refused(cast, areas, facility_a, facility_b):  # noqa: F811
    admit(cast, facility_a, "A1")
    governor_b = make_staff("governor", facility_b, username="governor_b")
    client = client_for(governor_b)
    assert client.get(f"{EXPORT}list/admissions/?facility=A").status_code == 400
    data = read(client.get(f"{EXPORT}list/admissions/"))
    assert data.height == 0  # her facility only
    assert client_for(cast["governor"]).get(f"{EXPORT}timeliness/?format=exe").status_code == 400
    assert client.get(f"{EXPORT}nothing/").status_code == 404
    assert client.get(f"{EXPORT}list/").status_code == 404  # a list needs its key


@pytest.mark.rule("67")
def test_the_api_answers_the_same_file(cast, areas, facility_a):  # noqa: F811
    admit(cast, facility_a, "A1")
    answer = api_get(cast["governor"], f"{API}list/admissions/?format=xlsx")
    assert answer.status_code == 200
    assert list(read(answer, "xlsx")["Number"]) == ["A1"]
    bad = api_get(cast["governor"], f"{API}list/admissions/?format=exe")
    assert bad.status_code == 400 and "format" in bad.content.decode()
    assert api_get(cast["governor"], f"{API}list/nothing/").status_code == 404


def test_an_export_asks_as_many_queries_for_many_rows(cast, areas, facility_a):  # noqa: F811
    admit(cast, facility_a, "A1")
    client = client_for(cast["governor"])
    client.get(f"{EXPORT}list/admissions/")
    with CaptureQueriesContext(connection) as one:
        client.get(f"{EXPORT}list/admissions/")
    for n in range(2, 7):
        admit(cast, facility_a, f"A{n}")
    with CaptureQueriesContext(connection) as many:
        client.get(f"{EXPORT}list/admissions/")
    assert len(many) == len(one)


def test_the_pages_offer_each_table_in_three_formats(cast, areas, facility_a):  # noqa: F811
    admit(cast, facility_a, "A1", girl=True)
    body = client_for(cast["governor"]).get("/oversight/").content.decode()
    for fmt in ("csv", "ods", "xlsx"):
        assert f'data-testid="export-must-be-zero-{fmt}"' in body
        assert f'data-testid="export-cases-girls-{fmt}"' in body
    rows = client_for(cast["governor"]).get("/oversight/records/admissions/").content.decode()
    assert "/oversight/export/list/admissions/?" in rows


# The indicators (RULES-SPEC 3)


@pytest.mark.rule("25.3")
@pytest.mark.rule("67")
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_indicators_download_as_the_page_shows_them(fmt, cast, declared, facility_a):  # noqa: F811
    for number in range(6):
        admit_offered(cast, facility_a, f"A-{number}", offered=number < 4)
    admit_offered(cast, facility_a, "A-old", days_ago=40)
    client = client_for(cast["inspector"])
    page = client.get("/oversight/indicators/").content.decode()
    assert f'data-testid="export-indicators-{fmt}"' in page
    answer = client.get(f"{EXPORT}indicators/?format={fmt}")
    assert answer.status_code == 200 and "indicators" in answer["Content-Disposition"]
    data = read(answer, fmt)
    assert data.headers[:4] == ["No.", "Indicator", "Rules", "Numerator"]
    rows = {row["Indicator"]: row for row in data.dict}
    offered = rows["Family contact offered"]
    assert [str(offered[h]) for h in ("Numerator", "Denominator", "Rate (per 100)")] == [
        "4",
        "6",
        "66.7",
    ]
    assert offered["This period"] == "66.7 % (4 of 6)"
    assert offered["The period before"] == "fewer than 5"  # the one admission 40 days ago
    assert offered["Numerator, the period before"] in ("", None)
    assert offered["Rate, the period before (per 100)"] in ("", None)
    assert str(rows["Admissions"]["Numerator"]) == "6"
    event = AuditEvent.objects.get(action="table.exported")
    assert event.detail["table"] == "indicators" and event.detail["rows"] == 2


@pytest.mark.rule("25.3")
def test_a_hidden_rate_carries_no_number_in_the_file(cast, declared, facility_a, settings):  # noqa: F811
    settings.SMALL_CELL = 5
    for number in range(3):
        admit_offered(cast, facility_a, f"A-{number}")
    data = read(client_for(cast["inspector"]).get(f"{EXPORT}indicators/"))
    offered = next(row for row in data.dict if row["Indicator"] == "Family contact offered")
    assert offered["This period"] == "fewer than 5"
    assert [offered[h] for h in ("Numerator", "Denominator", "Rate (per 100)")] == ["", "", ""]
    assert "3" not in "".join(str(value) for value in offered.values())


@pytest.mark.rule("25.3")
def test_the_facilities_side_by_side_download_as_the_page_shows_them(
    cast,
    declared,  # noqa: F811
    facility_a,
    facility_b,
):
    inspector = make_staff("inspector", facility_a, facility_b, username="inspector_ab")
    for number in range(6):
        admit_offered(cast, facility_a, f"A-{number}", offered=number < 4)
    for number in range(2):
        admit_offered(cast, facility_b, f"B-{number}")
    client = client_for(inspector)
    page = client.get("/oversight/indicators/facilities/").content.decode()
    assert 'data-testid="export-indicators-by-facility-csv"' in page
    data = read(client.get(f"{EXPORT}indicators-by-facility/"))
    assert data.headers == ["No.", "Indicator", "Rules", facility_a.name, facility_b.name, "Total"]
    offered = next(row for row in data.dict if row["Indicator"] == "Family contact offered")
    # B's 2 women are hidden, and A's beside it since the total is shown.
    assert offered[facility_b.name] == offered[facility_a.name] == "fewer than 5"
    assert offered["Total"] == "75.0 % (6 of 8)"
    event = AuditEvent.objects.get(action="table.exported")
    assert event.detail["table"] == "indicators-by-facility"


def test_the_indicators_export_asks_as_many_queries_for_many_facilities(
    cast,
    declared,  # noqa: F811
    facility_a,
    facility_b,
):
    client = client_for(make_staff("inspector", facility_a, username="inspector_a"))
    admit_offered(cast, facility_a, "A-1")
    client.get(f"{EXPORT}indicators-by-facility/")
    with CaptureQueriesContext(connection) as one:
        client.get(f"{EXPORT}indicators-by-facility/")
    client = client_for(make_staff("inspector", facility_a, facility_b, username="inspector_ab"))
    for number in range(2, 7):
        admit_offered(cast, facility_b, f"B-{number}")
    client.get(f"{EXPORT}indicators-by-facility/")
    with CaptureQueriesContext(connection) as many:
        client.get(f"{EXPORT}indicators-by-facility/")
    assert len(many) == len(one)


def every_export(user) -> list[str]:
    """Every table of oversight this viewer may download, by its address."""
    from oversight import registry

    names = ("must-be-zero", "records", "timeliness", "reads", "indicators")
    urls = [f"{EXPORT}{name}/" for name in (*names, "indicators-by-facility")]
    urls += [f"{EXPORT}list/{item.key}/" for item in registry.lists_for(user)]
    urls += [f"{EXPORT}cases/{item.key}/" for item in registry.zeros_for(user)]
    urls += [f"{EXPORT}refused/{item.key}/" for item in registry.zeros_for(user)]
    urls += [f"{EXPORT}breakdown/{item.key}/" for item in registry.breakdowns_for(user)]
    return urls


def text_of(answer, fmt) -> str:
    """What a file says, the spreadsheets' XML unzipped."""
    import zipfile

    if fmt == "csv":
        return answer.content.decode("utf-8-sig")
    with zipfile.ZipFile(io.BytesIO(answer.content)) as archive:
        return "".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())


@pytest.mark.rule("25")
@pytest.mark.rule("67")
@pytest.mark.parametrize("fmt", ["csv", "xlsx", "ods"])
def test_what_a_complaint_says_and_one_naming_her_are_absent_from_every_file(fmt, cast, woman_a):
    from complaints.tests.factories import report

    report(
        cast["reception"],
        woman_a,
        narrative="Canarycomplaintaccount",
        named_staff=[cast["inspector"]],
    )
    # A file holds its table's cells whatever its format (`bangkok.exports.download` writes the
    # one dataset in each; `test_a_list_downloads_as_the_page_shows_it` proves each format
    # carries them): every table is read once, as CSV; in the other formats, those that list
    # complaints.
    for role in ("governor", "inspector"):
        client = client_for(cast[role])
        urls = every_export(cast[role])
        for url in urls if fmt == "csv" else [url for url in urls if "complaint" in url]:
            answer = client.get(f"{url}?format={fmt}")
            assert answer.status_code == 200, url
            body = text_of(answer, fmt)
            assert "Canarycomplaintaccount" not in body, url
    # The inspector reads complaints, but not one that names her: not even that it exists.
    inspector = client_for(cast["inspector"])
    assert f"{EXPORT}list/complaints/" in every_export(cast["inspector"])
    body = text_of(inspector.get(f"{EXPORT}list/complaints/?format={fmt}"), fmt)
    assert woman_a.family_name not in body
    # Named by nobody, it reaches her list (what she said never does).
    report(cast["reception"], woman_a, narrative="Canaryother")
    body = text_of(inspector.get(f"{EXPORT}list/complaints/?format={fmt}"), fmt)
    assert woman_a.family_name in body and "Canaryother" not in body
