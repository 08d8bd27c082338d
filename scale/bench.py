"""`make bench`: every performance target of QUALITY.md (P1-P8) measured side by side in one
run against the national dataset, printed as one Markdown table.

Each measured thing is a request through Django's test client (our page, our API, the default
admin changelist of the same table) or a call (the sweep), or the SELECTs our API ran, run
again as they were through psycopg (the raw SQL). Rounds are interleaved (every item once a
round, round after round) so a burst of load elsewhere on the machine falls on all of them
alike; the table gives the median and the 95th percentile of the wall time and of the CPU
time of this process (the server's work, without the database's). What a measurement writes
(sessions, the sweep's updates, audit rows of a read) is rolled back, and the dead rows that
leaves in the reminders' tables vacuumed: the dataset stays as loaded. The sweep of a backlog
(every open reminder put back to not yet swept) is timed in a few rounds after the others,
its making of the backlog left out. Then a bounded load test: gunicorn with two workers on
loopback, mixed traffic from a few client threads for a set time.
"""

import html
import http.client
import os
import random
import re
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils import timezone


@dataclass
class Item:
    key: str
    what: str
    run: Callable[[], object]
    name: str = ""
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    queries: int | None = None
    most_rounds: int | None = None  # a slow item: so many rounds, after the others


@dataclass
class Took:
    """What an item measured itself, when its run prepares more than it measures."""

    wall: float
    cpu: float


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}" if seconds < 10 else f"{seconds * 1000:,.0f}"


class Failed(Exception):
    pass


def _get(client: Client, url: str, status: int = 200) -> Callable[[], object]:
    def run():
        response = client.get(url)
        if response.status_code != status:
            raise Failed(f"{url} answered {response.status_code}")
        return response

    return run


def _first_cases(client: Client, url: str) -> Callable[[], object] | None:
    """The request of the first cases the overview at `url` loads once it is shown
    (`oversight.views.first_cases`); None where it loads none (every count is zero)."""
    found = re.search(r'hx-get="([^"]*/oversight/first-cases/[^"]*)"', client.get(url).text)
    return None if found is None else _get(client, html.unescape(found.group(1)))


def _raw(statements: list[str]) -> Callable[[], object]:
    """The SELECTs a request ran, run again through psycopg itself on the same connection."""

    def run():
        raw = connection.connection
        for statement in statements:
            raw.execute(statement).fetchall()

    return run


def selects_of(run: Callable[[], object]) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        run()
    return [
        q["sql"]
        for q in captured.captured_queries
        if q["sql"].lstrip().upper().startswith("SELECT")
    ]


def measure(items: list[Item], rounds: int, say: Callable[[str], None]) -> None:
    """Every item once to warm the caches and count its queries, then `rounds` interleaved
    rounds; an item of a few rounds (`most_rounds`: the sweep of a backlog, whose rolled-back
    writes leave dead rows in the tables the others read until a vacuum) after the others."""
    interleaved = [item for item in items if item.most_rounds is None]
    for item in interleaved:
        _warm(item)
    for number in range(rounds):
        for item in interleaved:
            _time(item)
        if number % 5 == 4:
            say(f"  round {number + 1} of {rounds}")
    for item in items:
        if item.most_rounds is not None:
            _warm(item)
            for _number in range(min(rounds, item.most_rounds)):
                _time(item)


def _warm(item: Item) -> None:
    with CaptureQueriesContext(connection) as captured:
        item.run()
    if item.queries is None:
        item.queries = len(captured.captured_queries)


def _time(item: Item) -> None:
    cpu, wall = time.process_time(), time.perf_counter()
    took = item.run()
    if not isinstance(took, Took):
        took = Took(time.perf_counter() - wall, time.process_time() - cpu)
    item.wall.append(took.wall)
    item.cpu.append(took.cpu)


@dataclass
class Cast:
    governor: object
    national: object
    inspector: object
    woman: object
    facility: object


def cast() -> Cast:
    """Who is measured: the governor of the largest facility, the inspector (every facility),
    a custody officer working in every facility (made for the run and rolled back), and a
    woman in custody there with many records."""
    from django.contrib.auth.models import Group, Permission
    from django.db.models import Count
    from guardian.models import UserObjectPermission

    from facilities.models import Facility
    from facilities.scope import WORK_IN_FACILITY
    from prisoners.models import Prisoner
    from staff.models import User
    from visits.models import Visit

    facility = Facility.objects.order_by("id").first()
    if facility is None:
        raise Failed("The database holds no dataset.")
    governor = User.objects.get(username=f"governor.{facility.code.lower()}.0")
    inspector = User.objects.get(username__startswith="inspector.")
    national = User.objects.create(username="measured.national", gender="woman")
    national.groups.add(Group.objects.get(name="custody"))
    app_label, codename = WORK_IN_FACILITY.split(".")
    permission = Permission.objects.get(codename=codename, content_type__app_label=app_label)
    kind = permission.content_type
    UserObjectPermission.objects.bulk_create(
        UserObjectPermission(
            user=national, permission=permission, content_type=kind, object_pk=str(pk)
        )
        for pk in Facility.objects.values_list("pk", flat=True)
    )
    busiest = (
        Visit.objects.filter(facility=facility, prisoner__custody_status="in_custody")
        .values("prisoner")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()
    )
    woman = Prisoner.objects.get(pk=busiest["prisoner"])
    return Cast(governor, national, inspector, woman, facility)


def keyset_cursor(page: int, size: int = 50) -> tuple[int, str]:
    """The cursor of page `page` (or the last but one, in a smaller set) of the whole register
    in the list's order: what a link followed page after page would carry."""
    from bangkok.pagination import _encode
    from prisoners.models import Prisoner
    from prisoners.views import LIST_ORDER

    page = max(2, min(page, Prisoner.objects.count() // size))
    ordered = Prisoner.objects.order_by(*LIST_ORDER).values_list(*LIST_ORDER)
    return page, _encode("n", list(ordered[(page - 1) * size - 1]))


def common_surname() -> tuple[str, str]:
    """The commonest Latin-lettered surname, and a misspelling of it (a letter doubled)."""
    from django.db.models import Count

    from prisoners.models import Prisoner

    name = (
        Prisoner.objects.filter(family_name__regex=r"^[A-Za-z]+$")
        .values("family_name")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()["family_name"]
    )
    return name, name[:3] + name[2] + name[3:]


def chosen(text: str, only: list[str] | tuple[str, ...]) -> bool:
    """Whether `text` (a row's target, name and description) is among those asked for with
    `--only`: every row when none is."""
    return not only or any(each.lower() in text.lower() for each in only)


def in_process(
    rounds: int,
    say: Callable[[str], None],
    sweep_only: bool = False,
    only: list[str] | tuple[str, ...] = (),
) -> list[Item]:
    from oversight import counted, figures
    from oversight.models import AskedPeriod
    from reminders.services import sweep_reminders

    items: list[Item] = []
    with (
        # The figures oversight counts ahead (`oversight.figures`), counted before the run,
        # are read throughout it however long it takes (the beat would count them again
        # every OVERSIGHT_FIGURES_SECONDS); what counting them costs is measured apart.
        override_settings(
            ROOT_URLCONF="scale.bench_urls",
            ALLOWED_HOSTS=["testserver"],
            OTP_REQUIRED=False,
            OVERSIGHT_FIGURES_SECONDS=24 * 60 * 60,
        ),
        transaction.atomic(),
    ):
        people = cast()
        clients = {}
        for name in ("governor", "national", "inspector"):
            clients[name] = Client()
            clients[name].force_login(getattr(people, name))
        gov, nat, insp = clients["governor"], clients["national"], clients["inspector"]
        woman = people.woman
        api_list = reverse("api-prisoner-list")
        page_url = reverse("prisoners:detail", args=[woman.uuid])
        api_detail = reverse("api-prisoner-detail", args=[woman.uuid])
        surname, misspelt = common_surname()
        page, deep = keyset_cursor(2000)
        today = timezone.localdate()
        year_ago = (today - timedelta(days=364)).isoformat()
        year_ago_but_one = (today - timedelta(days=363)).isoformat()
        yesterday = (today - timedelta(days=1)).isoformat()
        two_hundred_days = (today - timedelta(days=199)).isoformat()
        last_month = figures.slots(today)["month-1"]
        # A period a page asked for before (the days since a visit), counted by the beat since.
        asked = (today - timedelta(days=299), today)

        def count_figures():
            with transaction.atomic():
                # As the beat counts with one period asked lately (whatever else the rows
                # measured before asked for): its 16 and that one, with the one before it.
                AskedPeriod.objects.exclude(start=asked[0], end=asked[1]).update(
                    asked_at=timezone.now() - timedelta(days=365)
                )
                figures.asked(*asked)
                counted.refresh()
                transaction.set_rollback(True)

        def sweep():
            with transaction.atomic():
                sweep_reminders()
                transaction.set_rollback(True)

        def sweep_backlog() -> Took:
            """The sweep of every open reminder put back to not yet swept (the backlog made
            without its history, which isn't measured; all of it rolled back)."""
            with transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL session_replication_role = replica")
                    cursor.execute(
                        "UPDATE reminders_reminder SET status = 'pending', escalated_at = NULL "
                        "WHERE status IN ('due', 'escalated')"
                    )
                    cursor.execute("SET LOCAL session_replication_role = origin")
                cpu, wall = time.process_time(), time.perf_counter()
                sweep_reminders()
                took = Took(time.perf_counter() - wall, time.process_time() - cpu)
                transaction.set_rollback(True)
            return took

        if not sweep_only:
            whole = "whole register"
            items += [
                Item("P3 her page", "her page (HTML), governor", _get(gov, page_url), "page"),
                Item(
                    "P3 floor",
                    "the layout alone, signed in: a page not found (HTML), governor",
                    _get(gov, "/women/no-such-page/", status=404),
                    "floor",
                ),
                Item("P3 her page", "her record (API)", _get(gov, api_detail), "detail-api"),
                Item(
                    "P3 list",
                    "women list of 50 (HTML), her facility",
                    _get(gov, "/women/?page_size=50"),
                    "list-html",
                ),
                Item(
                    "P3 list",
                    "women list of 50 (API), her facility",
                    _get(gov, f"{api_list}?page_size=50"),
                    "list-api",
                ),
                Item(
                    "P5 admin",
                    "default Django admin changelist of the women (100 a page, all facilities)",
                    _get(gov, "/measured-admin/prisoners/prisoner/"),
                    "admin",
                ),
                Item(
                    "P3 search",
                    f"name search, common surname '{surname}' (API), all facilities",
                    _get(nat, f"{api_list}?q={surname}&page_size=50"),
                    "search-api",
                ),
                Item(
                    "P3 search",
                    f"name search, misspelling '{misspelt}' (API), all facilities",
                    _get(nat, f"{api_list}?q={misspelt}&page_size=50"),
                    "misspelt-api",
                ),
                Item(
                    "P3 search",
                    "name search, common surname (HTML), all facilities",
                    _get(nat, f"/women/?q={surname}&custody_status="),
                    "search-html",
                ),
                Item(
                    "P4 keyset",
                    f"keyset page 1 (API), {whole}",
                    _get(nat, f"{api_list}?page_size=50&custody_status="),
                    "first-api",
                ),
                Item(
                    "P4 keyset",
                    f"keyset page {page:,} (API), {whole}",
                    _get(nat, f"{api_list}?page_size=50&custody_status=&cursor={deep}"),
                    "deep-api",
                ),
                Item(
                    "P4 keyset",
                    f"keyset page 1 (HTML), {whole}",
                    _get(nat, "/women/?page_size=50&custody_status="),
                    "first-html",
                ),
                Item(
                    "P4 keyset",
                    f"keyset page {page:,} (HTML), {whole}",
                    _get(nat, f"/women/?page_size=50&custody_status=&cursor={deep}"),
                    "deep-html",
                ),
                Item(
                    "P8 oversight",
                    "oversight, one facility, 30 days (HTML), governor",
                    _get(gov, f"/oversight/?facility={people.facility.code}"),
                    "oversight",
                ),
                Item(
                    "P8 oversight",
                    f"oversight, all {_count_facilities()} facilities, a year (HTML), inspector",
                    _get(insp, f"/oversight/?start={year_ago}"),
                    "oversight-all",
                ),
                Item(
                    "P8 oversight",
                    f"oversight, all {_count_facilities()} facilities, a year, with the first "
                    "cases of its counts in the same answer (API), inspector",
                    _get(insp, f"{reverse('api-oversight')}?start={year_ago}"),
                    "oversight-all-api",
                ),
                Item(
                    "P8 oversight",
                    f"oversight, all {_count_facilities()} facilities, a year, the counts alone "
                    "(API, cases=none), inspector",
                    _get(insp, f"{reverse('api-oversight')}?start={year_ago}&cases=none"),
                    "oversight-all-api-counts",
                ),
                Item(
                    "P8 oversight",
                    f"oversight's indicators, all {_count_facilities()} facilities, a year and "
                    "the year before (HTML), inspector",
                    _get(insp, f"/oversight/indicators/?start={year_ago}"),
                    "oversight-indicators",
                ),
                Item(
                    "P8 oversight",
                    f"oversight, all {_count_facilities()} facilities, 364 days to yesterday: a "
                    "period not counted ahead, none counted ending that day, counted live but "
                    "for what holds now (HTML), inspector, 5 rounds after the others",
                    _get(insp, f"/oversight/?start={year_ago}&end={yesterday}"),
                    "oversight-all-live",
                    most_rounds=5,
                ),
                Item(
                    "P8 oversight",
                    f"oversight, all {_count_facilities()} facilities, 364 days: a period not "
                    "counted ahead, reading the last year's count, the day between counted now "
                    "(HTML), inspector, 5 rounds after the others",
                    _get(insp, f"/oversight/?start={year_ago_but_one}"),
                    "oversight-all-near",
                    most_rounds=5,
                ),
                Item(
                    "P8 oversight",
                    f"oversight, all {_count_facilities()} facilities, 200 days: a period not "
                    "counted ahead, reading the 300 days asked before, the 100 days between "
                    "counted now (HTML), inspector, 5 rounds after the others",
                    _get(insp, f"/oversight/?start={two_hundred_days}"),
                    "oversight-all-near-far",
                    most_rounds=5,
                ),
                Item(
                    "P8 oversight",
                    f"oversight's indicators, all {_count_facilities()} facilities, 364 days "
                    "and the 364 before, counted live but for what holds on the last day of "
                    "the 364, read from the last year's count (HTML), inspector, 5 rounds after "
                    "the others",
                    _get(insp, f"/oversight/indicators/?start={year_ago_but_one}"),
                    "oversight-indicators-live",
                    most_rounds=5,
                ),
                Item(
                    "P8 oversight",
                    f"oversight's indicators, all {_count_facilities()} facilities, last month "
                    "and the days before it: the month read, the days before it counted live "
                    "but for what holds on their last day (HTML), inspector, 5 rounds after "
                    "the others",
                    _get(
                        insp,
                        f"/oversight/indicators/?start={last_month[0]}&end={last_month[1]}",
                    ),
                    "oversight-indicators-month",
                    most_rounds=5,
                ),
                Item(
                    "P8 oversight",
                    f"oversight, all {_count_facilities()} facilities, 300 days: a period asked "
                    "before, counted ahead since (HTML), inspector",
                    _get(insp, f"/oversight/?start={asked[0]}"),
                    "oversight-asked",
                ),
                Item(
                    "P8 oversight",
                    f"oversight's indicators, all {_count_facilities()} facilities, 300 days "
                    "asked before and the 300 before, counted ahead since (HTML), inspector",
                    _get(insp, f"/oversight/indicators/?start={asked[0]}"),
                    "oversight-asked-indicators",
                ),
                Item(
                    "P8 counted ahead",
                    f"oversight's figures counted ahead by the beat: {len(figures.slots(today))} "
                    "periods and a period asked (with the one before it), every facility "
                    "(rolled back, 3 rounds after the others)",
                    count_figures,
                    "oversight-figures",
                    most_rounds=3,
                ),
                Item("P8 dashboard", "governor's dashboard (HTML)", _get(gov, "/"), "dashboard"),
                Item("P8 tasks", "governor's tasks (HTML)", _get(gov, "/tasks/"), "tasks"),
            ]
            # The first cases each overview loads once shown, after it in the table; none
            # where it loads none (every count zero).
            loaded = [
                (
                    "oversight, one facility, 30 days: the first cases of its counts that "
                    "aren't zero, loaded once it is shown (HTML), governor",
                    _first_cases(gov, f"/oversight/?facility={people.facility.code}"),
                    "oversight-cases",
                ),
                (
                    f"oversight, all {_count_facilities()} facilities, a year: the first cases "
                    "of its counts that aren't zero, loaded once it is shown (HTML), inspector",
                    _first_cases(insp, f"/oversight/?start={year_ago}"),
                    "oversight-all-cases",
                ),
            ]
            at = next(n for n, item in enumerate(items) if item.name == "oversight-all") + 1
            items[at:at] = [
                Item("P8 oversight", what, run, name)
                for what, run, name in loaded
                if run is not None
            ]
        items.append(Item("P7 sweep", "reminder sweep, as loaded (rolled back)", sweep, "sweep"))
        items.append(
            Item(
                "P7 sweep",
                "reminder sweep, backlog: every open reminder not yet swept (rolled back, "
                "5 rounds after the others)",
                sweep_backlog,
                "sweep-backlog",
                most_rounds=5,
            )
        )
        items = [i for i in items if chosen(f"{i.key} {i.name} {i.what}", only)]
        raw = []
        for item in items:
            if item.name in ("detail-api", "list-api", "search-api", "deep-api"):
                statements = selects_of(item.run)
                what = "its SELECTs through psycopg: " + item.what
                raw.append(Item("P5 raw", what, _raw(statements), "raw-" + item.name))
                raw[-1].queries = len(statements)
        items += [i for i in raw if chosen(f"{i.key} {i.name} {i.what}", only)]
        if any(item.name.startswith("oversight-asked") for item in items):
            say("Counting a period asked, as the beat would after a page asked for it...")
            figures.asked(*asked)
            counted.refresh()
        say(f"Measuring {len(items)} items, {rounds} interleaved rounds...")
        measure(items, rounds, say)
        transaction.set_rollback(True)
    return items


def vacuum(database_url: str, say: Callable[[str], None]) -> None:
    """The rows the rolled-back sweeps wrote are dead but still in the reminders' indexes,
    the small partial ones most (a backlog's escalations are many times the escalated tasks):
    vacuumed now, the next run reads the tables as this one did."""
    import psycopg

    say("Vacuuming what the rolled-back sweeps left...")
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute("VACUUM (ANALYZE) reminders_reminder, reminders_reminderevent")


def _count_facilities() -> int:
    from facilities.models import Facility

    return Facility.objects.count()


# --------------------------------------------------------------------------- the load test


@dataclass
class LoadResult:
    seconds: float
    requests: int
    errors: int
    latencies: list[float]
    threads: int
    # CPU seconds spent during the run: by gunicorn's processes, by the PostgreSQL backends
    # serving them, by this process (the clients), and by the machine in all.
    cpu: dict[str, float] = field(default_factory=dict)


_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _machine_cpu() -> float:
    """CPU seconds the whole machine has spent busy since boot (every core; Linux)."""
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    idle = fields[3] + fields[4]  # idle, iowait
    return (sum(fields[:8]) - idle) / _TICK


def _stats() -> dict[int, tuple[int, float]]:
    """{pid: (its parent, CPU seconds)} of every process now (Linux)."""
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        found[int(entry)] = (int(stat[1]), (int(stat[11]) + int(stat[12])) / _TICK)
    return found


def _tree_cpu(root: int) -> float:
    """CPU seconds of a process and its children alive now (gunicorn's master and workers)."""
    return sum(cpu for pid, (parent, cpu) in _stats().items() if root in (pid, parent))


def _backends_cpu() -> float:
    """CPU seconds of the PostgreSQL backends connected to this database but this one (the
    server's, when it runs on this machine; 0 elsewhere)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
        )
        pids = {row[0] for row in cursor.fetchall()}
    return sum(cpu for pid, (_parent, cpu) in _stats().items() if pid in pids)


def _own_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def cpu_split(load: LoadResult) -> list[str]:
    """The load test's CPU a request, by whom, and the rate two cores could serve if the
    clients ran elsewhere: what limits P6 on this machine."""
    if not load.cpu or not load.requests:
        return []
    each = {k: v * 1000 / load.requests for k, v in load.cpu.items()}
    other = each["machine"] - each["gunicorn"] - each["postgres"] - each["clients"]
    served = each["gunicorn"] + each["postgres"]
    cores = os.cpu_count() or 1
    return [
        "| CPU a request: gunicorn / PostgreSQL / the clients / anything else, ms | "
        f"{each['gunicorn']:.1f} / {each['postgres']:.1f} / {each['clients']:.1f} / "
        f"{max(other, 0):.1f} | |",
        f"| requests a second {cores} cores could serve at that CPU, clients elsewhere | "
        f"{cores * 1000 / served:,.0f} | >= 300 |",
    ]


def load_test(
    database_url: str, seconds: float, threads: int, say: Callable[[str], None]
) -> LoadResult:
    """gunicorn, two workers, on loopback; `threads` clients send mixed traffic (her page,
    the list, a search, the API, the dashboard, the tasks) for `seconds`, then stop."""
    from django.contrib.sessions.backends.db import SessionStore

    from prisoners.models import Prisoner
    from staff.models import User

    facility_code = (
        Prisoner.objects.order_by("facility_id").values_list("facility__code", flat=True).first()
    )
    governor = User.objects.get(username=f"governor.{facility_code.lower()}.0")
    women = list(
        Prisoner.objects.filter(
            facility__code=facility_code, custody_status="in_custody"
        ).values_list("uuid", flat=True)[:200]
    )
    client = Client()
    client.force_login(governor)  # a session row, committed, deleted at the end
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "OTP_REQUIRED": "0",
        "HTTPS": "0",
        "DEBUG": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_CONN_MAX_AGE": "3600",  # each worker keeps one backend for the whole run
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "bangkok.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--no-control-socket",
            "--log-level",
            "warning",
        ],
        cwd=settings.BASE_DIR,
        env=env,
    )
    try:
        _wait(port, server)
        api = reverse("api-prisoner-list")
        # Mixed traffic, by share: her page, the list (page and API), her record in the API,
        # a name search, the dashboard and the tasks.
        detail = reverse("api-prisoner-detail", args=[women[0]]).replace(str(women[0]), "{}")
        mix = (
            (25, [f"/women/{u}/" for u in women[:50]]),
            (20, ["/women/?page_size=50"]),
            (15, [f"{api}?page_size=50"]),
            (10, [detail.format(u) for u in women[:50]]),
            (10, [f"/women/?q={q}" for q in ("srisuk", "garcia", "nguyen", "sok", "okafor")]),
            (10, ["/"]),
            (10, ["/tasks/"]),
        )
        paths = [
            path for share, some in mix for path in some for _ in range(share * 50 // len(some))
        ]
        headers = {"Cookie": f"{settings.SESSION_COOKIE_NAME}={cookie}", "Host": "127.0.0.1"}
        for path in sorted(set(paths)):  # every route answers before the clock starts
            status = _fetch(port, path, headers)[0]
            if status != 200:
                raise Failed(f"{path} answered {status} under gunicorn")
        latencies: list[float] = []
        errors = [0]
        lock = threading.Lock()
        stop = time.monotonic() + seconds

        def worker(n: int):
            rng = random.Random(n)  # noqa: S311 (which page a client asks for next)
            mine: list[float] = []
            bad = 0
            while time.monotonic() < stop:
                started = time.perf_counter()
                status, _ = _fetch(port, rng.choice(paths), headers)
                mine.append(time.perf_counter() - started)
                bad += status != 200
            with lock:
                latencies.extend(mine)
                errors[0] += bad

        say(f"Load test: gunicorn with 2 workers, {threads} client threads, {seconds:.0f} s...")
        before = {
            "gunicorn": _tree_cpu(server.pid),
            "postgres": _backends_cpu(),
            "clients": _own_cpu(),
            "machine": _machine_cpu(),
        }
        started = time.monotonic()
        pool = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
        for thread in pool:
            thread.start()
        for thread in pool:
            thread.join()
        elapsed = time.monotonic() - started
        spent = {
            "gunicorn": _tree_cpu(server.pid) - before["gunicorn"],
            "postgres": _backends_cpu() - before["postgres"],
            "clients": _own_cpu() - before["clients"],
            "machine": _machine_cpu() - before["machine"],
        }
    finally:
        server.terminate()
        server.wait(timeout=30)
        SessionStore(session_key=cookie).delete()
    return LoadResult(elapsed, len(latencies), errors[0], latencies, threads, spent)


def _fetch(port: int, path: str, headers: dict) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        return response.status, response.read()
    except OSError:
        return 599, b""
    finally:
        conn.close()


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(port: int, server: subprocess.Popen, seconds: float = 60) -> None:
    import socket

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise Failed("gunicorn stopped")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.3)
    raise Failed("gunicorn did not start")


# --------------------------------------------------------------------------- the table


TARGETS = {
    "P3 her page": "P3: <= 4 ms CPU (p50)",
    "P3 list": "P3: <= 8 ms CPU (p50)",
    "P3 search": "P3: p95 <= 30 ms",
    "P3 floor": "P3's floor: what every page pays",
    "P4 keyset": "P4: page 2,000 <= 1.5x page 1",
    "P5 admin": "P5: admin >= 10x our list",
    "P5 raw": "P5: our API <= 10x this",
    "P7 sweep": "P7: <= 1 s (national)",
    "P7 world sweep": "P7: <= 10 s (world)",
    "P8 oversight": "P8: <= 100 ms",
    "P8 counted ahead": "P8's price: the beat's, every 5 minutes",
    "P8 dashboard": "P8: <= 100 ms",
    "P8 tasks": "P8: <= 100 ms",
}


def table(items: list[Item], load: LoadResult | None, header: dict[str, str]) -> str:
    lines = [
        "| target | what | wall p50 ms | wall p95 ms | CPU p50 ms | CPU p95 ms | queries |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for item in items:
        target = TARGETS.get(item.key, item.key)
        wall, cpu = item.wall, item.cpu
        figures = [statistics.median(wall), p95(wall), statistics.median(cpu), p95(cpu)]
        queries = "" if item.queries is None else item.queries
        lines.append(
            f"| {target} | {item.what} | {' | '.join(ms(x) for x in figures)} | {queries} |"
        )
    by = {item.name: item for item in items if item.name}

    def ratio(a: str, b: str) -> str:
        if a not in by or b not in by:
            return "n/a"
        x, y = statistics.median(by[a].wall), statistics.median(by[b].wall)
        return f"{x / y:.2f}x" if y else "n/a"

    lines += ["", "| ratio (medians of the same rounds, wall) | measured | target |"]
    lines.append("|---|---:|---|")
    rows = [
        ("keyset deep page / page 1, API", "deep-api", "first-api", "P4: <= 1.5x"),
        ("keyset deep page / page 1, HTML", "deep-html", "first-html", "P4: <= 1.5x"),
        ("default admin changelist / our list (HTML)", "admin", "list-html", "P5: >= 10x"),
        ("default admin changelist / our list (API)", "admin", "list-api", "P5: >= 10x"),
    ]
    for name in ("detail-api", "list-api", "search-api", "deep-api"):
        if name in by:
            rows.append(
                (
                    f"our API / its SQL through psycopg: {by[name].what}",
                    name,
                    "raw-" + name,
                    "P5: <= 10x",
                )
            )
    for what, a, b, target in rows:
        if a in by and b in by:
            lines.append(f"| {what} | {ratio(a, b)} | {target} |")
    if lines[-1].startswith("|---"):  # no ratio to give (the world run measures the sweep)
        del lines[-3:]
    if load is not None and load.requests:
        rate = load.requests / load.seconds
        median, slow = ms(statistics.median(load.latencies)), ms(p95(load.latencies))
        lines += [
            "",
            "| P6 mixed traffic, gunicorn 2 workers, loopback | measured | target |",
            "|---|---:|---|",
            f"| requests a second ({load.threads} client threads, {load.seconds:.0f} s, "
            f"{load.requests:,} requests, {load.errors} errors) | {rate:,.1f} | >= 300 |",
            f"| p50 / p95 latency, ms | {median} / {slow} | p95 <= 50 |",
            *cpu_split(load),
        ]
    preface = [f"- {k}: {v}" for k, v in header.items()]
    return "\n".join(preface + [""] + lines)
