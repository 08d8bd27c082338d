"""The named cast every test can use: one member of staff per role at facility A, plus an
outsider (reception at facility B) and an unassigned custody officer."""

import os

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CASE_ROLES = ["reception", "custody", "health", "social", "safeguarding", "governor", "inspector"]
ALL_ROLES = [*CASE_ROLES, "sysadmin"]


def pytest_addoption(parser):
    parser.addoption(
        "--rules-report",
        action="store_true",
        help="Print, for each Bangkok Rule, the functions that enforce it and how many tests "
        "prove it, then stop.",
    )


def pytest_configure(config):
    """A test that commits leaves the database emptied by deleting what it wrote rather than
    truncating every table (tests/emptying.py). The run's processes check each page state
    once between them (tests/pagechecks.py)."""
    from tests.emptying import install
    from tests.pagechecks import share_checks

    install()
    share_checks(config)


def pytest_collection_finish(session):
    """What collection built (the API schema and its operations, a large heap) lives to the
    end: the garbage collector need not walk it again and again."""
    import gc

    gc.collect()
    gc.freeze()


def pytest_collection_modifyitems(config, items):
    if not config.getoption("--rules-report"):
        _early_first(items)
        return
    counts: dict[str, int] = {}
    for item in items:
        for marker in item.iter_markers(name="rule"):
            for rule in marker.args:
                counts[str(rule)] = counts.get(str(rule), 0) + 1

    def order(rule: str):
        head = rule.lstrip("MH")
        parts = [int(p) if p.isdigit() else 0 for p in head.split(".")]
        return (rule[:1] if rule[:1] in "MH" else "", parts, rule)

    from bangkok.rulebook import enforcers

    enforcing = enforcers()
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    for rule in sorted(counts.keys() | enforcing.keys(), key=order):
        reporter.write_line(f"Rule {rule}: {counts.get(rule, 0)} tests")
        for where in enforcing.get(rule, []):
            reporter.write_line(f"    enforced by {where}")
    reporter.write_line(
        f"{len(counts)} rules, {sum(counts.values())} rule-marked tests; "
        f"{sum(map(len, enforcing.values()))} functions refuse under {len(enforcing)} rules"
    )
    config.hook.pytest_deselected(items=list(items))
    items[:] = []


def _early_first(items) -> None:
    """The tests marked `early` come first, in their order: they read no test database and are
    long (`make run`'s test, whose embedded database is its own). `make test` migrates the
    test template while the test processes start, and each waits for it before its first
    database test: one of the two cores stood idle for that while (13 s, sampled each second).
    The test processes take the run's tests in turns of consecutive ones, so the first one's
    turn starts with these. The other tests keep pytest-django's order, those that read no
    database last: with all of them first, a process's last test was a browser journey, and
    dropping its test database found the journey's live server still connected (a warning)."""
    items.sort(key=lambda item: item.get_closest_marker("early") is None)


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    # Argon2 is the production hasher; in tests it only costs time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _interface_language_reset():
    """Each test starts in the interface's default language: a page asked in Thai leaves Thai
    active in the thread (the locale middleware activates, nothing deactivates), and a later
    test of a text would read it translated."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _two_factor_off(settings):
    """Tests sign in with `client.force_login`, which no second factor follows. Two-factor
    sign-in is on in every deployment (OTP_REQUIRED); its own tests (signin/tests) turn it
    back on."""
    settings.OTP_REQUIRED = False


@pytest.fixture(autouse=True)
def _private_cache(settings):
    """Each test counts its throttles under its own key prefix in the shared cache (Redis, or
    the database), so concurrent runs never meet and nothing needs clearing (clearing Redis
    would empty the broker's queues too)."""
    import copy
    import uuid

    caches = copy.deepcopy(settings.CACHES)
    caches["default"]["KEY_PREFIX"] = f"test-{uuid.uuid4().hex}"
    settings.CACHES = caches


def make_facility_a():
    from prisoners.tests.factories import FacilityFactory

    return FacilityFactory(code="A", name="Riverside Women's Prison")


def make_facility_b():
    from prisoners.tests.factories import FacilityFactory

    return FacilityFactory(
        code="B", name="Hillcrest Women's Unit", latitude="18.78830", longitude="98.98530"
    )


def make_cast(facility_a, facility_b) -> dict:
    """One member of staff per role at facility A, `outsider` (reception at B) and
    `unassigned` (custody nowhere), by role name."""
    from staff.models import Gender
    from staff.tests.factories import make_staff_many

    specs = {
        role: (role, [facility_a] if role != "sysadmin" else [], {"username": role})
        for role in ALL_ROLES
    }
    specs["outsider"] = ("reception", [facility_b], {"username": "outsider"})
    specs["unassigned"] = ("custody", [], {"username": "unassigned", "gender": Gender.WOMAN})
    return dict(zip(specs, make_staff_many(list(specs.values())), strict=True))


@pytest.fixture
def facility_a(db):
    return make_facility_a()


@pytest.fixture
def facility_b(db):
    return make_facility_b()


@pytest.fixture
def cast(facility_a, facility_b):
    return make_cast(facility_a, facility_b)


def make_woman_a(facility_a):
    from prisoners.tests.factories import PrisonerFactory

    return PrisonerFactory(
        facility=facility_a, given_names="Malee", family_name="Srisuk", prison_number="A00001"
    )


@pytest.fixture
def woman_a(facility_a):
    return make_woman_a(facility_a)


@pytest.fixture
def woman_b(facility_b):
    from prisoners.tests.factories import PrisonerFactory

    return PrisonerFactory(
        facility=facility_b, given_names="Aye", family_name="Thandar", prison_number="B00001"
    )


def client_for(user):
    """A page client signed in as her, whose forms carry the version of the record they
    change (`tests.versions`)."""
    from tests.versions import VersionedClient

    client = VersionedClient()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def client():
    """pytest-django's page client, whose forms carry the version of the record they change."""
    from tests.versions import VersionedClient

    return VersionedClient()


HEADLESS_SHELL = "/usr/bin/chromium-headless-shell"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium, never a downloaded browser; flags for a closed network. Its headless
    shell where it is installed (`chromium-headless-shell`, Playwright's own choice to run
    headless: the same engine, of the same version, without the desktop browser around it,
    for two fifths less of the processor), the whole browser to watch (`--headed`); CHROMIUM
    names another."""
    headless = browser_type_launch_args.get("headless", True)
    shell = headless and os.access(HEADLESS_SHELL, os.X_OK)
    return {
        **browser_type_launch_args,
        "executable_path": os.environ.get("CHROMIUM")
        or (HEADLESS_SHELL if shell else "/usr/bin/chromium"),
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture(scope="session")
def artifacts_dir():
    from pathlib import Path

    # Screenshots and traces; TEST_ARTIFACTS puts them elsewhere (to look at them).
    path = Path(os.environ.get("TEST_ARTIFACTS") or Path(__file__).parent / "test-artifacts")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server, whose handler of static files serves axe too
    (`tests.pagechecks.serving_axe`): the pages the browser tests check load it from there."""
    from pytest_django.live_server_helper import LiveServer

    from tests.pagechecks import serving_axe

    addr = (
        request.config.getvalue("liveserver")
        or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    server = LiveServer(addr, start=False)
    server.thread.static_handler = serving_axe(server.thread.static_handler)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def page_checks(live_server):
    """axe-core and a phone's width, on every page a browser test opens in a state no earlier
    test of this run checked, in this process or another (tests.pagechecks)."""
    from tests.pagechecks import CHECKED, PageChecks

    return PageChecks(origin=live_server.url, known=CHECKED)


@pytest.fixture
def page(page, page_checks, browser, artifacts_dir):
    """pytest-playwright's page, every page of whose context is checked as the test ends:
    0 axe violations, and none scrolls sideways at 390 px."""
    page_checks.watch(page.context)
    yield page
    page_checks.settle()
    failures = page_checks.axe_failures() + page_checks.phone_failures(browser, artifacts_dir)
    assert not failures, "\n".join(["Pages that fail their checks:", *failures])


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """pytest-django's, waiting first for the template `make test` makes while the test
    processes start (`bangkok.test_template.wait_until_ready`)."""
    from bangkok import test_template

    test_template.wait_until_ready()
