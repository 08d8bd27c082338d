"""Confidential values never reach a role without the right to them, in any body, nor any
log (QUALITY S3, S12; Rules 3.2 and 8).

Canary strings are written into a child's identity, a clinical finding, the grounds of a
request for suspension of detention and a family member's name; then every role opens every
page and API read in the URL map (with the matrix's sample records) and a name search for
them, and the bodies and captured logs are scanned.
"""

import logging

import pytest
from django.urls import reverse

from admissions.services import record_family_member, request_suspension
from health.services import care, maternity
from health.services.screening import answer_item
from register.services import record_child
from tests.matrix_support import area_modules
from tests.test_permission_matrix import (  # noqa: F401 (world is a fixture)
    ROUTES,
    cast,
    request_as,
    sample,
    url_for,
    world,
)

CHILD_NAME, CHILD_PLACE = "Canarychildname", "Canaryvillage"
FINDING, GROUNDS, FAMILY = "Canaryfinding", "Canarygrounds", "Canaryrelative"
PLAN, NOTES = "Canarydietplan", "Canaryencounternote"
RESTRICTION = "Canaryrestraintnote"
# Which roles may read each canary (their own facility only: the outsider never).
ALLOWED = {
    CHILD_NAME: {"reception", "social"},
    CHILD_PLACE: {"reception", "social"},
    FINDING: {"health"},
    PLAN: {"health"},
    NOTES: {"health"},
    RESTRICTION: {"health"},
    GROUNDS: {"reception", "social"},
    FAMILY: {"reception", "social", "governor", "inspector"},
}
ROLES = ["reception", "custody", "health", "social", "safeguarding", "governor", "inspector"]
SKIP = ("admin:", "logout", "login", "set_language", "api-schema", "api-docs", "favicon")


def readable_urls(world) -> list[str]:  # noqa: F811
    urls = []
    for key, path in ROUTES:
        if key is None or key.startswith(SKIP):
            continue
        try:
            url = url_for(key, path, world)
        except Exception:  # a route that needs kwargs the sample world doesn't give
            continue
        if key == "oversight:first-cases":  # what the overview loads: every count's at once
            from oversight import registry

            url += "?" + "&".join(f"key={zero}" for zero in registry._ZEROS)
        urls.append(url)
    return urls


@pytest.fixture(scope="module")
def _planted(sample, django_db_blocker):
    """The canaries, written once into the module's sample records (`tests.module_records`)."""
    with django_db_blocker.unblock():
        plant(sample["cast"], sample["world"])


@pytest.fixture
def canaries(_planted, world):
    return world


def plant(cast, world) -> None:
    admission = world["admission"]
    woman = admission.prisoner
    record_child(
        by=cast["reception"],
        mother=woman,
        given_names=CHILD_NAME,
        date_of_birth="2015-03-01",
        location=CHILD_PLACE,
        custody="relative",
        arrangements="With her grandmother",
    )
    screening = admission.health_screening
    answer_item(
        by=cast["health"],
        screening=screening,
        item="primary_care",
        answer="answered",
        finding=FINDING,
    )
    request_suspension(
        by=cast["reception"], admission=admission, authority="Court", grounds=GROUNDS
    )
    record_family_member(by=cast["reception"], prisoner=woman, name=FAMILY, relationship="Sister")
    nurse = cast["health"]
    maternity.set_care_plan(
        by=nurse,
        pregnancy=woman.pregnancies.get(),
        advice_programme=PLAN,
        supplementary_food="Milk",
    )
    care.record_encounter(by=nurse, prisoner=woman, kind="general", clinician=nurse, notes=NOTES)
    care.restrict_restraints(
        by=nurse, prisoner=woman, limit="no_restraints", reason="injury", note=RESTRICTION
    )
    for area in area_modules():
        if hasattr(area, "canaries"):
            ALLOWED.update(area.canaries(cast, world))


@pytest.mark.django_db
@pytest.mark.rule("3.2")
@pytest.mark.rule("8")
@pytest.mark.parametrize("role", [*ROLES, "outsider"])
def test_no_confidential_value_reaches_a_role_without_the_right(role, cast, canaries, caplog):
    caplog.set_level(logging.DEBUG)
    hidden = [canary for canary, allowed in ALLOWED.items() if role not in allowed]
    # Every canary but a few names this word: a body without it is searched for those few.
    word = "Canary"
    without = [canary for canary in hidden if word not in canary]
    leaks = []
    for url in readable_urls(canaries):
        response = request_as(role, cast, "GET", url, key=None)
        body = response.content.decode(errors="replace")
        for canary in hidden if word in body else without:
            if canary in body:
                leaks.append(f"{canary} in {url}")
    assert leaks == []
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert not [canary for canary in ALLOWED if canary in logged]
    # Her children's names are no way to find her (Rule 3.2): search matches her names only.
    found = request_as(role, cast, "GET", f"/api/v1/prisoners/?q={CHILD_NAME}", key=None)
    assert found.status_code != 200 or found.json()["results"] == []


@pytest.mark.django_db
def test_the_canaries_are_where_they_belong(cast, canaries):
    """The scan above proves something only if the allowed roles do see the values."""
    woman = canaries["admission"].prisoner
    seen = {}
    for role, url in [
        ("reception", f"/admissions/{canaries['admission'].uuid}/"),
        ("social", f"/women/{woman.uuid}/sections/children/"),
        ("health", f"/health/women/{woman.uuid}/"),
        ("inspector", f"/women/{woman.uuid}/sections/family/"),
    ]:
        seen[role] = request_as(role, cast, "GET", url, key=None).content.decode()
    assert CHILD_NAME in seen["reception"] and GROUNDS in seen["reception"]
    assert CHILD_NAME in seen["social"] and CHILD_PLACE in seen["social"]
    assert FINDING in seen["health"] and PLAN in seen["health"] and NOTES in seen["health"]
    assert RESTRICTION in seen["health"]
    assert FAMILY in seen["inspector"]
    # A transfer awaiting confirmation: its reason on her page (her admission's section) and
    # on the governor's queue.
    from admissions.tests.matrix import TRANSFER_REASON
    from prisoners.models import Prisoner

    moving = Prisoner.objects.get(prison_number="A-MOVE-1")
    her = request_as(
        "inspector", cast, "GET", f"/women/{moving.uuid}/sections/admission/", key=None
    )
    queue = request_as("governor", cast, "GET", "/authority/", key=None)
    assert TRANSFER_REASON in her.content.decode() and TRANSFER_REASON in queue.content.decode()
    # Safeguarding: what happened for staff of her facility, a plan's views for those who make
    # plans, the injuries for health staff alone (`safeguarding.tests.matrix`).
    from safeguarding.tests import matrix as safeguarding

    incident = canaries["kwargs"]["safeguarding:incident-detail"]["uuid"]
    plan = canaries["kwargs"]["safeguarding:plan"]["uuid"]
    custody = request_as("custody", cast, "GET", f"/safeguarding/incidents/{incident}/", key=None)
    health = request_as("health", cast, "GET", f"/safeguarding/incidents/{incident}/", key=None)
    officer = request_as("safeguarding", cast, "GET", f"/safeguarding/plans/{plan}/", key=None)
    assert safeguarding.ACCOUNT in custody.content.decode()
    assert safeguarding.INJURIES in health.content.decode()
    assert safeguarding.HER_VIEWS in officer.content.decode()
    assert safeguarding.REVIEW_NOTES in officer.content.decode()


# -- A girl's records sealed after her release (Havana r. 19) ---------------------------------
# She had a record in every area before her release (`girls.tests.sealed_world`); sealed, she
# is in no list, search, export or page for any role, and each of her records is the 404 of a
# record that doesn't exist, byte for byte. Only the governor's audited opening reads her.


def _sealed_girl():
    from girls.tests.matrix import SEALED_NUMBER
    from prisoners.models import Prisoner

    return Prisoner.objects.get(prison_number=SEALED_NUMBER)


def _her_records(girl) -> dict:
    """Her records by model: every model that names a woman and has a uuid."""
    import pghistory.models
    from django.apps import apps

    from girls.models import SealedRecord
    from prisoners.models import Prisoner

    found = {Prisoner: [girl.uuid]}
    for model in apps.get_models():
        # The governor's audited opening is her door, not a leak; a version in the history
        # copies a record's uuid.
        if model is SealedRecord or issubclass(model, pghistory.models.Event):
            continue
        names = [
            field.name
            for field in model._meta.get_fields()
            if field.many_to_one and field.related_model is Prisoner
        ]
        if not names or not any(f.name == "uuid" for f in model._meta.get_fields()):
            continue
        for name in names:
            uuids = list(model.objects.filter(**{name: girl}).values_list("uuid", flat=True))
            if uuids:
                found.setdefault(model, []).extend(uuids)
    return found


def _models_of(values, models) -> dict:
    """The model of each of `values` (uuids) among `models`: one query a model, not one a
    value and model."""
    found: dict = {}
    for model in models:
        for value in model.objects.filter(uuid__in=values).values_list("uuid", flat=True):
            found.setdefault(value, model)
    return found


def _doors(world, records) -> list[tuple[str, str, str]]:
    """(route, her URL, a missing record's URL) for every route the matrix samples with one
    record's uuid whose kind she has a record of. Her records on one route are compared with
    one missing record of that route: what a missing record answers depends on the route and
    who asks, not on which uuid is missing."""
    import uuid

    from django.urls import reverse

    sampled = {}
    for key, path in ROUTES:
        if key is None or key.startswith(SKIP) or path.count("<") != 1:
            continue
        kwargs = world["kwargs"].get(key)
        if kwargs and set(kwargs) == {"uuid"}:
            sampled[key] = kwargs["uuid"]
    models = _models_of(set(sampled.values()), records)
    doors = []
    for key, value in sampled.items():
        model = models.get(value)
        if model is None:
            continue
        missing = reverse(key, kwargs={"uuid": uuid.uuid4()})
        for hers in records[model]:
            doors.append((key, reverse(key, kwargs={"uuid": hers}), missing))
    return doors


@pytest.mark.django_db
@pytest.mark.rule("H19")
@pytest.mark.parametrize("role", [*ROLES, "outsider"])
def test_each_record_of_a_sealed_girl_is_the_404_of_one_that_does_not_exist(role, cast, canaries):
    girl = _sealed_girl()
    records = _her_records(girl)
    # The areas' records of her are there to be found (the test proves something).
    assert len(records) >= 20
    doors = _doors(canaries, records)
    assert len({key for key, _hers, _missing in doors}) >= 20
    from tests.test_not_found_sweep import Asker, unlike

    asker = Asker(cast[role])
    different, answers = [], {}
    for key, hers, missing in doors:
        seen = asker.answer("GET", hers)
        if missing not in answers:
            answers[missing] = asker.answer("GET", missing)
        none = answers[missing]
        seen = (seen[0], seen[1].replace(hers.encode(), missing.encode()), seen[2])
        if seen[:2] != none[:2] or none[0] not in (404, 405):
            different.append(f"{key} {hers}: {unlike(seen, none)}")
    assert different == []


@pytest.mark.django_db
@pytest.mark.rule("H19")
@pytest.mark.parametrize("role", [*ROLES, "outsider"])
def test_no_search_finds_a_sealed_girl(role, cast, canaries):
    """Every list searched by her name, her prison number and her uuid: what the list answers
    names none of them (the words searched for aside)."""
    from girls.tests.matrix import SEALED_NAME, SEALED_NUMBER

    girl = _sealed_girl()
    her = {SEALED_NAME, SEALED_NUMBER, str(girl.uuid)}
    lists = [
        url
        for url in readable_urls(canaries)
        if url.endswith("/") and url.count("-") < 4  # no record's uuid in it
    ]
    found = []
    for url in lists:
        for words in her:
            # The lists search by `q`; the sealed records' list by `number`. No list reads both,
            # so one request asks each list by the parameter it reads.
            body = request_as(role, cast, "GET", f"{url}?q={words}&number={words}", key=None)
            text = body.content.decode(errors="replace")
            found += [f"{other} in {url}" for other in her - {words} if other in text]
    assert found == []


@pytest.mark.django_db
@pytest.mark.rule("H19")
def test_oversight_exports_leave_a_sealed_girl_unnamed_as_the_pages_do(cast, canaries):
    """Every list and count that must be zero, as a file for the governor and the inspector:
    her rows still counted, her name and number gone, as on oversight's pages."""
    from girls.tests.matrix import SEALED_NAME, SEALED_NUMBER
    from oversight import registry

    her = (SEALED_NAME, SEALED_NUMBER)
    keys = [("list", key) for key in registry._LISTS] + [("cases", key) for key in registry._ZEROS]
    leaks, exported = [], 0
    for role in ("governor", "inspector"):
        for kind, key in keys:
            url = f"/oversight/export/{kind}/{key}/?format=csv"
            response = request_as(role, cast, "GET", url, key=None)
            if response.status_code != 200:  # not a list this role reads
                continue
            exported += 1
            body = b"".join(getattr(response, "streaming_content", [response.content]))
            leaks += [f"{words} in {url}" for words in her if words.encode() in body]
    assert leaks == [] and exported > 20


@pytest.mark.django_db
@pytest.mark.rule("H19")
@pytest.mark.parametrize("role", [*ROLES, "outsider"])
def test_the_list_of_women_as_a_file_leaves_a_sealed_girl_out(role, cast, canaries):
    """Released women included, searched by her name or number: not in the file (page or API)."""
    from girls.tests.matrix import SEALED_NAME, SEALED_NUMBER

    girl = _sealed_girl()
    her = (SEALED_NAME, SEALED_NUMBER, str(girl.uuid))
    leaks = []
    for base in (reverse("prisoners:export"), "/api/v1/prisoners/export/"):
        for query in ("custody_status=released", "custody_status=", f"q={SEALED_NUMBER}"):
            url = f"{base}?format=csv&{query}"
            response = request_as(role, cast, "GET", url, key=None)
            body = b"".join(getattr(response, "streaming_content", [response.content]))
            # The words searched for are named in the file's filters; nothing else of her.
            leaks += [
                f"{words} in {url}"
                for words in her
                if words not in query and words.encode() in body
            ]
    assert leaks == []
