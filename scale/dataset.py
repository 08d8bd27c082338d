"""The national and world datasets: facilities, staff and women with the records of every
main area, made from a seed and a day, and written by COPY.

The same seed, scale and day give the same rows. Shares and states are those of a women's
prison service (RULES-SPEC; the World Female Imprisonment List for the world scale): a fifth
of the women on record are in custody, most tasks are done, some are due or escalated, a few
wait for the sweep; every record obeys the constraints of its table, and the foreign keys,
which COPY skips with the triggers, are checked after the load (`scale.load.validate`).
"""

import bisect
import itertools
import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from guardian.models import UserObjectPermission

from admissions.models import Admission
from audit.models import AuditEvent
from complaints.models import Complaint, SafeguardingRecord
from discipline.models import Segregation
from facilities.models import Facility
from force.models import UseOfForce
from health.models import Screening
from prisoners.models import Prisoner, ProtectionFlags, Unit, UnitPlacement
from prisoners.services import search_name_for
from register.models import Child
from reminders.kinds import declared_kinds
from reminders.models import Reminder
from restraints.models import Restraint
from searches.models import Search
from staff.models import Employment, TrainingRecord, User
from visits.models import Visit

from .areas import AREA_MODELS, AreaRecords
from .copying import At, Table
from .names import Pool, pools

MODELS = (
    Facility,
    Unit,
    User,
    User.groups.through,
    UserObjectPermission,
    Employment,
    TrainingRecord,
    Prisoner,
    ProtectionFlags,
    Admission,
    Screening,
    UnitPlacement,
    Child,
    Reminder,
    Visit,
    Search,
    Segregation,
    Restraint,
    UseOfForce,
    SafeguardingRecord,
    Complaint,
    AuditEvent,
) + AREA_MODELS


@dataclass(frozen=True)
class Known:
    """What the target database already holds that the rows name: the roles' groups, the
    permission that assigns a facility, the facility's content type."""

    groups: dict[str, int]
    work_in: int
    facility_type: int


# Bump when the rows change: a benchmark reuses a loaded set only of the same version.
VERSION = 3


@dataclass(frozen=True)
class Scale:
    name: str
    facilities: int
    women: int
    in_custody: int
    # records per woman on record
    admissions: float = 1.5
    reminders: float = 7.0
    visits: float = 10.0
    searches: float = 2.5
    children: float = 0.75
    audit: float = 2.0
    complaints: float = 0.15
    restraints: float = 0.1
    force: float = 0.05
    segregations: float = 0.02


SCALES = {
    "tiny": Scale("tiny", facilities=3, women=300, in_custody=90),
    "demo": Scale("demo", facilities=6, women=3_000, in_custody=600),
    # QUALITY.md: 200,000 women on record, 40,000 in custody, 150,000 children, 2 M visits,
    # 500,000 searches; the reminders as issue 18 measured them (about 1.4 M).
    "national": Scale("national", facilities=120, women=200_000, in_custody=40_000),
    # The World Female Imprisonment List: about 740,000 women in custody.
    "world": Scale("world", facilities=2_500, women=925_000, in_custody=740_000),
}

STAFF_ROLES = ("governor", "reception", "custody", "custody", "health", "social", "safeguarding")

# The tasks the areas schedule (kind, rule, the role that owns it, confidential, title).
TASKS = (
    ("health.entry_screening", "6", "health", True, "Health screening on entry"),
    ("admission.consular", "2.1", "reception", False, "Tell her consulate if she wishes"),
    ("classification.initial", "40", "custody", False, "Initial classification"),
    ("classification.review", "41", "custody", False, "Review her classification"),
    ("visits.family_contact", "26", "social", False, "Family contact arrangements"),
    ("health.preventive", "18", "health", True, "Health task (confidential)"),
    ("release.plan_start", "46", "social", False, "Start her release plan"),
    ("complaints.acknowledge", "25", "safeguarding", False, "Acknowledge a complaint"),
    ("parole.review_due", "63", "social", False, "Parole review due"),
    ("selfharm.review", "16", "health", False, "Self-harm case review"),
    ("register.best_interests_review", "52.1", "social", False, "Best-interests review"),
    ("girls.education", "37", "social", False, "Education for a girl under 18"),
)
FACILITY_TASKS = (
    ("hygiene.stock_check", "5", "custody", False, "Check the stock of sanitary items"),
    ("staff.training_expiry", "33.1", "governor", False, "Training due to expire"),
)

UNITS = (
    ("R", "Reception and induction", "reception"),
    ("A", "A wing", "general"),
    ("B", "B wing", "general"),
    ("C", "C wing", "general"),
    ("MB", "Mother and baby unit", "mother_and_baby"),
    ("J", "Girls' unit", "juvenile"),
    ("H", "Health care unit", "health"),
    ("PR", "Pre-release unit", "pre_release"),
)
GENERAL_UNITS = (1, 2, 3)


def _mix(x: int) -> int:
    """splitmix64: spreads consecutive numbers over 64 bits."""
    x = (x + 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
    return x ^ (x >> 31)


def day_start(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=UTC)


class Dataset(AreaRecords):
    """Makes the rows, table by table. Ids start after the ones a database already holds
    (`first`), so a test database with its own rows takes the set beside them."""

    def __init__(
        self, scale: Scale, *, seed: int, today: date, first: dict[str, int], known: "Known"
    ):
        self.groups = known.groups
        self.work_in = known.work_in
        self.facility_type = known.facility_type
        self.scale = scale
        self.seed = seed
        self.today = today
        self.now = day_start(today) + timedelta(hours=12)
        self.first = first
        self.pools = pools()
        self.pool_weights = list(itertools.accumulate(w for _, w in self.pools))
        missing = {k for k, *_ in TASKS + FACILITY_TASKS} - declared_kinds()
        if missing:
            raise LookupError(f"Task kinds no area declares: {', '.join(sorted(missing))}")

    def rng(self, table: str) -> random.Random:
        # Made-up records, not secrets: a seeded generator, so a seed gives the same rows.
        return random.Random(f"{self.seed}:{self.scale.name}:{table}")  # noqa: S311

    def base(self, model) -> int:
        return self.first.get(model._meta.db_table, 1)

    def ago(self, rng: random.Random, mean_days: float, cap_days: float = 3650) -> datetime:
        return self.now - timedelta(
            seconds=int(min(rng.expovariate(1 / mean_days), cap_days) * 86400)
        )

    def count(self, per_woman: float) -> int:
        return int(self.scale.women * per_woman)

    # ------------------------------------------------------------------ the plan, in order

    def plan(self) -> list[tuple[str, type, list[str], Callable[[], Iterator[tuple]], int]]:
        """(label, model, the columns given, the rows, how many) for every table, in the order
        they load (the referenced first)."""
        self._facilities()
        self._staff()
        self._women()
        s = self.scale
        women = s.women
        before_searches, after = self.area_plan()
        return [
            ("facilities", Facility, self.facility_cols, self.facility_rows, s.facilities),
            ("units", Unit, self.unit_cols, self.unit_rows, s.facilities * len(UNITS)),
            ("staff", User, self.user_cols, self.user_rows, len(self.users)),
            (
                "staff roles",
                User.groups.through,
                ["id", "user_id", "group_id"],
                self.role_rows,
                len(self.users),
            ),
            (
                "facility grants",
                self.grant_model,
                self.grant_cols,
                self.grant_rows,
                self.grant_count,
            ),
            (
                "employment",
                Employment,
                ["id", "user_id", "post", "grade", "started_on"],
                self.employment_rows,
                len(self.users),
            ),
            (
                "training",
                TrainingRecord,
                self.training_cols,
                self.training_rows,
                len(self.users) * 3,
            ),
            ("women", Prisoner, self.woman_cols, self.woman_rows, women),
            ("protection flags", ProtectionFlags, self.flag_cols, self.flag_rows, women),
            (
                "admissions",
                Admission,
                self.admission_cols,
                self.admission_rows,
                self.admission_count,
            ),
            (
                "health screenings",
                Screening,
                self.screening_cols,
                self.screening_rows,
                self.admission_count,
            ),
            (
                "unit placements",
                UnitPlacement,
                self.placement_cols,
                self.placement_rows,
                s.in_custody,
            ),
            ("children", Child, self.child_cols, self.child_rows, self.count(s.children)),
            (
                "reminders",
                Reminder,
                self.reminder_cols,
                self.reminder_rows,
                self.count(s.reminders),
            ),
            ("visits", Visit, self.visit_cols, self.visit_rows, self.count(s.visits)),
            *before_searches,
            (
                "searches",
                Search,
                self.search_cols,
                self.search_rows,
                self.count(s.searches) + len(self.strips),
            ),
            (
                "segregations",
                Segregation,
                self.segregation_cols,
                self.segregation_rows,
                self.count(s.segregations),
            ),
            (
                "restraints",
                Restraint,
                self.restraint_cols,
                self.restraint_rows,
                self.count(s.restraints),
            ),
            ("uses of force", UseOfForce, self.force_cols, self.force_rows, self.count(s.force)),
            (
                "safeguarding records",
                SafeguardingRecord,
                self.record_cols,
                self.record_rows,
                self.count(s.complaints),
            ),
            (
                "complaints",
                Complaint,
                self.complaint_cols,
                self.complaint_rows,
                self.count(s.complaints),
            ),
            ("audit trail", AuditEvent, self.audit_cols, self.audit_rows, self.count(s.audit)),
            *after,
            *self.follow_plan(),
        ]

    # ------------------------------------------------------------------ facilities and units

    def _facilities(self) -> None:
        rng = self.rng("facilities")
        places = [place for pool, _ in self.pools for place in pool.places]
        if self.scale.name in ("national", "tiny", "demo"):
            places = self.pools[0][0].places  # one country's service
        self.facility_ids = [self.base(Facility) + i for i in range(self.scale.facilities)]
        self.facility_places = [places[i % len(places)] for i in range(self.scale.facilities)]
        # A few large central prisons and many small units (sizes by Zipf's law).
        self.facility_weights = list(
            itertools.accumulate(1 / (rank + 1) ** 0.7 for rank in range(self.scale.facilities))
        )
        self.facility_codes = [
            f"{self.scale.name[0].upper()}{i + 1:04d}" for i in range(self.scale.facilities)
        ]
        self.unit_first = self.base(Unit)
        self.facility_rng_state = rng.getstate()

    facility_cols = ["id", "code", "name", "kind", "latitude", "longitude", "capacity"]

    def facility_rows(self) -> Iterator[tuple]:
        rng = self.rng("facilities")
        share = self.scale.in_custody / self.facility_weights[-1]
        previous = 0.0
        for i, fid in enumerate(self.facility_ids):
            place, lat, lon = self.facility_places[i]
            weight = self.facility_weights[i] - previous
            previous = self.facility_weights[i]
            big = i < self.scale.facilities // 3
            name = f"{place} Women's {'Correctional Institution' if big else 'Unit'} {i + 1}"
            yield (
                fid,
                self.facility_codes[i],
                name,
                "womens_prison" if big else "womens_unit",
                round(lat + rng.uniform(-0.5, 0.5), 5),
                round(lon + rng.uniform(-0.5, 0.5), 5),
                int(weight * share * 1.1) + 20,
            )

    unit_cols = ["id", "facility_id", "code", "name", "designation"]

    def unit_id(self, facility_index: int, unit_index: int) -> int:
        return self.unit_first + facility_index * len(UNITS) + unit_index

    def unit_rows(self) -> Iterator[tuple]:
        for f, fid in enumerate(self.facility_ids):
            for u, (code, name, designation) in enumerate(UNITS):
                yield (self.unit_id(f, u), fid, code, name, designation)

    # ------------------------------------------------------------------ staff

    grant_model = UserObjectPermission

    def _staff(self) -> None:
        first = self.base(User)
        self.users: list[tuple[int, str, str, int | None]] = []  # id, username, role, facility
        self.staff_of: dict[tuple[int, str], list[int]] = {}
        for f, code in enumerate(self.facility_codes):
            for n, role in enumerate(STAFF_ROLES):
                uid = first + len(self.users)
                self.users.append((uid, f"{role}.{code.lower()}.{n}", role, f))
                self.staff_of.setdefault((f, role), []).append(uid)
        for role in ("inspector", "sysadmin"):
            uid = first + len(self.users)
            self.users.append((uid, f"{role}.{self.scale.name}", role, None))
        self.inspector = self.users[-2][0]
        self.sysadmin = self.users[-1][0]
        self.grant_count = sum(1 for u in self.users if u[3] is not None) + self.scale.facilities

    def staff(self, f: int, role: str, rng: random.Random) -> int:
        ids = self.staff_of[(f, role)]
        return ids[0] if len(ids) == 1 else rng.choice(ids)

    user_cols = [
        "id",
        "password",
        "username",
        "first_name",
        "last_name",
        "email",
        "gender",
        "date_joined",
    ]

    def user_rows(self) -> Iterator[tuple]:
        rng = self.rng("staff")
        for uid, username, role, _f in self.users:
            pool = self.pool(rng)
            man = role == "custody" and uid % 2 == 1
            yield (
                uid,
                "!",  # no password: the benchmark signs in by session
                username,
                rng.choice(pool.given) if not man else rng.choice(("Somchai", "Arthit", "Niran")),
                pool.surname(rng),
                f"{username}@example.org",
                "man" if man else "woman",
                self.now - timedelta(days=rng.randint(30, 3000)),
            )

    def role_rows(self) -> Iterator[tuple]:
        first = self.base(User.groups.through)
        for i, (uid, _name, role, _f) in enumerate(self.users):
            yield (first + i, uid, self.groups[role])

    grant_cols = ["id", "user_id", "permission_id", "content_type_id", "object_pk"]

    def grant_rows(self) -> Iterator[tuple]:
        n = self.base(self.grant_model)
        for uid, _name, _role, f in self.users:
            if f is not None:
                yield (n, uid, self.work_in, self.facility_type, str(self.facility_ids[f]))
                n += 1
        for fid in self.facility_ids:
            yield (n, self.inspector, self.work_in, self.facility_type, str(fid))
            n += 1

    def employment_rows(self) -> Iterator[tuple]:
        rng = self.rng("employment")
        first = self.base(Employment)
        for i, (uid, _name, role, _f) in enumerate(self.users):
            grade = (
                "senior" if role == "governor" else "manager" if role == "inspector" else "officer"
            )
            post = {"custody": "Prison officer", "health": "Nurse"}.get(role, role.title())
            yield (first + i, uid, post, grade, self.today - timedelta(days=rng.randint(60, 4000)))

    training_cols = [
        "id",
        "user_id",
        "course",
        "completed",
        "expires",
        "provider",
        "in_effect_from",
        "recorded_by_id",
        "confirmed_by_id",
    ]

    def training_rows(self) -> Iterator[tuple]:
        rng = self.rng("training")
        n = self.base(TrainingRecord)
        courses = (
            "search_methods",
            "gender_sensitivity",
            "womens_needs",
            "mental_health",
            "bangkok_rules",
        )
        for uid, _name, role, f in self.users:
            if role == "sysadmin":
                continue
            confirmer = (
                self.inspector
                if role == "governor" or f is None
                else self.staff(f, "governor", rng)
            )
            if confirmer == uid:
                confirmer = self.inspector
            for course in rng.sample(courses, 3):
                completed = self.today - timedelta(days=rng.randint(10, 1500))
                expires = completed + timedelta(days=730) if rng.random() < 0.8 else None
                at = day_start(completed) + timedelta(hours=10)
                yield (
                    n,
                    uid,
                    course,
                    completed,
                    expires,
                    "Staff college",
                    at,
                    self.sysadmin,
                    confirmer if confirmer != uid else None,
                )
                n += 1
        self.training_made = n - self.base(TrainingRecord)

    # ------------------------------------------------------------------ women

    def pool(self, rng: random.Random) -> Pool:
        return self.pools[bisect.bisect(self.pool_weights, rng.random() * self.pool_weights[-1])][0]

    def _women(self) -> None:
        """Who each woman is in the other tables: facility, custody, unit, admission dates,
        flags. Kept in lists (about 100 bytes a woman)."""
        rng = self.rng("women-plan")
        s = self.scale
        n = s.women
        self.woman_first = self.base(Prisoner)
        weights, total = self.facility_weights, self.facility_weights[-1]
        self.w_facility = [bisect.bisect(weights, rng.random() * total) for _ in range(n)]
        custody = bytearray(n)
        for i in rng.sample(range(n), s.in_custody):
            custody[i] = 1
        self.w_custody = custody
        # Her latest admission: in custody, on average 14 months ago; released, up to 10 years.
        now_s = self.now.timestamp()
        self.w_admitted = [
            now_s - min(rng.expovariate(1 / 420), 4000) * 86400 - 3600
            if custody[i]
            else now_s - rng.uniform(60, 3650) * 86400
            for i in range(n)
        ]
        self.w_released = [
            None
            if custody[i]
            else min(self.w_admitted[i] + rng.uniform(20, 900) * 86400, now_s - 86400)
            for i in range(n)
        ]
        # Girls (Rules 36-39) are under 2 % of those in custody; mothers with a baby 3 %.
        self.w_kind = bytearray(n)  # 0 woman, 1 girl, 2 mother with her baby, 3 pregnant
        for i in range(n):
            if custody[i]:
                r = rng.random()
                self.w_kind[i] = 1 if r < 0.015 else 2 if r < 0.045 else 3 if r < 0.07 else 0
        self.w_reception = bytearray(n)  # still in reception (admitted in the last day or two)
        for i in range(n):
            if custody[i] and rng.random() < 0.01:
                self.w_reception[i] = 1
                self.w_admitted[i] = now_s - rng.uniform(1, 40) * 3600
        # Earlier admissions, all released: 1.5 admissions a woman on average.
        extra = max(0.0, s.admissions - 1)
        self.w_earlier = bytearray(1 if rng.random() < extra else 0 for _ in range(n))
        self.admission_count = n + sum(self.w_earlier)
        # Her current admission's index among the admissions (their ids follow it).
        self.w_admission = list(itertools.accumulate(1 + e for e in self.w_earlier))
        self.w_admission = [k - 1 for k in self.w_admission]
        self.w_uuid_seed = self.seed
        # Most are of the country; a third are foreign nationals (Rule 53). Her legal status.
        rng = self.rng("women-status")
        self.w_foreign = bytearray(1 if rng.random() >= 0.65 else 0 for _ in range(n))
        self.w_legal = [self._legal(rng.random(), self.w_foreign[i]) for i in range(n)]
        # Her protection flags: observation (0 none, 1 intermittent, 2 constant) and a
        # woman clinician asked for, both while she is held.
        rng = self.rng("flags-plan")
        self.w_observation = bytearray(n)
        self.w_clinician = bytearray(n)
        for i in range(n):
            if custody[i]:
                r = rng.random()
                self.w_observation[i] = 2 if r < 0.005 else 1 if r < 0.03 else 0
                self.w_clinician[i] = 1 if rng.random() < 0.1 else 0

    @staticmethod
    def _legal(r: float, foreign: int) -> str:
        if r < 0.3:
            return "pretrial"
        if r < 0.37:
            return "convicted_unsentenced"
        if r < 0.42 and foreign:
            return "immigration"
        return "civil" if r < 0.44 else "sentenced"

    def woman_unit(self, i: int) -> int | None:
        if not self.w_custody[i]:
            return None
        f = self.w_facility[i]
        if self.w_reception[i]:
            return self.unit_id(f, 0)
        kind = self.w_kind[i]
        if kind == 1:
            return self.unit_id(f, 5)
        if kind == 2:
            return self.unit_id(f, 4)
        return self.unit_id(f, GENERAL_UNITS[i % 3])

    def woman_id(self, i: int) -> int:
        return self.woman_first + i

    def woman_uuid(self, i: int) -> str:
        """Her uuid, the same for a seed whatever else changes (the audit rows name it)."""
        return f"{_mix(self.seed * 1_000_003 + i):016x}{_mix(i):016x}"

    woman_cols = [
        "id",
        "uuid",
        "prison_number",
        "given_names",
        "family_name",
        "aliases",
        "search_name",
        "date_of_birth",
        "gender_identity",
        "gender_self_description",
        "nationalities",
        "languages",
        "legal_status",
        "custody_status",
        "facility_id",
        "unit_id",
        "home_place",
        "home_country",
        "home_latitude",
        "home_longitude",
        "created_at",
        "updated_at",
    ]

    def woman_rows(self) -> Iterator[tuple]:
        rng = self.rng("women")
        self.w_family: list[str] = []
        local = self.pools[0][0]
        today = self.today
        for i in range(self.scale.women):
            f = self.w_facility[i]
            pool = self.pool(rng) if self.w_foreign[i] else local
            native = pool.given_native and rng.random() < 0.5
            given = rng.choice(pool.given_native if native else pool.given)
            if rng.random() < 0.2:
                given += " " + rng.choice(pool.given)
            family = pool.surname(rng, native=bool(native))
            self.w_family.append(family)
            aliases = [f"{rng.choice(pool.given)} {family}"] if rng.random() < 0.05 else []
            if self.w_kind[i] == 1:
                age_days = rng.randint(15 * 365 + 4, 17 * 365 + 300)
            else:
                age_days = int(max(18.2, min(75, rng.gauss(34, 10))) * 365.25)
            born = today - timedelta(days=age_days)
            r = rng.random()
            gender = (
                "woman"
                if r < 0.96
                else "trans_woman"
                if r < 0.985
                else "non_binary"
                if r < 0.995
                else "self_described"
            )
            place, lat, lon = rng.choice(pool.places)
            known_home = rng.random() < 0.85
            created = datetime.fromtimestamp(
                self.w_admitted[i] if not self.w_earlier[i] else self.w_admitted[i] - 400 * 86400,
                UTC,
            )
            yield (
                self.woman_id(i),
                self.woman_uuid(i),
                f"{self.facility_codes[f]}/{i + 1:07d}",
                given,
                family,
                aliases,
                search_name_for(given, family, aliases),
                born,
                gender,
                "in my own words" if gender == "self_described" else "",
                [pool.nationality],
                pool.languages,
                self.w_legal[i],
                "in_custody" if self.w_custody[i] else "released",
                self.facility_ids[f],
                self.woman_unit(i),
                place if known_home else "",
                pool.nationality if known_home else "",
                round(lat + rng.uniform(-0.2, 0.2), 5) if known_home else None,
                round(lon + rng.uniform(-0.2, 0.2), 5) if known_home else None,
                created,
                created,
            )

    flag_cols = [
        "prisoner_id",
        "no_segregation",
        "no_restraint_obstetric",
        "restraint_health_approval",
        "woman_clinician_requested",
        "observation_level",
        "child_in_prison",
        "updated_at",
    ]

    def flag_rows(self) -> Iterator[tuple]:
        levels = ("none", "intermittent", "constant")
        for i in range(self.scale.women):
            kind = self.w_kind[i]
            held = bool(self.w_custody[i])
            yield (
                self.woman_id(i),
                held and kind in (1, 2, 3),  # a girl, a mother with her baby, pregnant (Rule 22)
                held and kind in (2, 3),  # pregnant, or just given birth (Rule 24)
                False,
                bool(self.w_clinician[i]),
                levels[self.w_observation[i]],
                held and kind == 2,
                datetime.fromtimestamp(self.w_admitted[i], UTC),
            )

    # ------------------------------------------------------------------ admissions

    admission_cols = [
        "id",
        "prisoner_id",
        "facility_id",
        "stage",
        "admitted_at",
        "received_from",
        "order_authority",
        "order_legal_basis",
        "order_number",
        "order_date",
        "arrested_at",
        "arrest_place",
        "interpreter_needed",
        "injuries_noted",
        "completed_at",
        "completed_by_id",
        "released_at",
        "release_reason",
        "property_signed_at",
        "created_by_id",
    ]

    def admissions(self) -> Iterator[tuple[int, int, float, float | None, bool]]:
        """(admission index, woman, admitted, released, current) in id order."""
        k = 0
        for i in range(self.scale.women):
            if self.w_earlier[i]:
                admitted = self.w_admitted[i] - 400 * 86400
                yield k, i, admitted, admitted + 200 * 86400, False
                k += 1
            yield k, i, self.w_admitted[i], self.w_released[i], True
            k += 1

    def admission_rows(self) -> Iterator[tuple]:
        rng = self.rng("admissions")
        first = self.base(Admission)
        for k, i, admitted, released, current in self.admissions():
            f = self.w_facility[i]
            at = datetime.fromtimestamp(admitted, UTC)
            reception = current and self.w_reception[i]
            stage = "released" if released is not None else "reception" if reception else "admitted"
            reception_officer = self.staff(f, "reception", rng)
            yield (
                first + k,
                self.woman_id(i),
                self.facility_ids[f],
                stage,
                at,
                "Police station",
                "Provincial court",
                "Criminal Procedure Code, s. 71",
                f"ORD-{first + k}",
                (at - timedelta(days=1)).date(),
                at - timedelta(hours=rng.randint(4, 40)),
                "Police station",
                rng.random() < 0.25,
                rng.random() < 0.03,
                None if reception else at + timedelta(hours=3),
                None if reception else reception_officer,
                datetime.fromtimestamp(released, UTC) if released is not None else None,
                "End of sentence" if released is not None else "",
                None if reception else at + timedelta(hours=1),
                reception_officer,
            )

    screening_cols = [
        "id",
        "admission_id",
        "prisoner_id",
        "started_at",
        "started_by_id",
        "language",
        "interpreter_used",
        "completed_at",
    ]

    def screening_rows(self) -> Iterator[tuple]:
        rng = self.rng("screenings")
        first, admission = self.base(Screening), self.base(Admission)
        for k, i, admitted, _released, current in self.admissions():
            at = datetime.fromtimestamp(admitted, UTC) + timedelta(hours=2)
            done = not (current and self.w_reception[i] and rng.random() < 0.5)
            yield (
                first + k,
                admission + k,
                self.woman_id(i),
                at,
                self.staff(self.w_facility[i], "health", rng),
                "th" if rng.random() < 0.7 else "en",
                rng.random() < 0.2,
                at + timedelta(minutes=40) if done else None,
            )

    placement_cols = [
        "id",
        "prisoner_id",
        "unit_id",
        "from_unit_id",
        "placed_at",
        "placed_by_id",
        "reason",
    ]

    def placement_rows(self) -> Iterator[tuple]:
        rng = self.rng("placements")
        n = self.base(UnitPlacement)
        for i in range(self.scale.women):
            unit = self.woman_unit(i)
            if unit is None:
                continue
            f = self.w_facility[i]
            reception = self.unit_id(f, 0)
            yield (
                n,
                self.woman_id(i),
                unit,
                None if unit == reception else reception,
                datetime.fromtimestamp(self.w_admitted[i], UTC) + timedelta(hours=6),
                self.staff(f, "custody", rng),
                "Admission" if unit == reception else "Allocated after induction",
            )
            n += 1

    # ------------------------------------------------------------------ children

    child_cols = [
        "id",
        "mother_id",
        "given_names",
        "family_name",
        "date_of_birth",
        "lives_with_mother",
        "location",
        "location_unknown",
        "custody",
        "carer_contact",
        "dependent",
        "arrangements",
        "recorded_at",
        "recorded_by_id",
        "review_due_on",
    ]

    def child_rows(self) -> Iterator[tuple]:
        rng = self.rng("children")
        n = self.base(Child)
        self.children_with_her: list[tuple[int, int]] = []  # (child id, her index)
        wanted = self.count(self.scale.children)
        made = 0
        i = 0
        women = self.scale.women
        while made < wanted:
            i = (i + 1 + int(rng.expovariate(0.9))) % women
            if self.w_kind[i] == 1:
                continue
            f = self.w_facility[i]
            with_her = self.w_kind[i] == 2
            pool = self.pools[0][0]
            born = self.today - timedelta(
                days=rng.randint(30, 600) if with_her else rng.randint(200, 6000)
            )
            if with_her:
                self.children_with_her.append((n, i))
            yield (
                n,
                self.woman_id(i),
                rng.choice(pool.given),
                self.w_family[i] if hasattr(self, "w_family") else pool.surname(rng),
                born,
                with_her,
                ""
                if with_her
                else rng.choice(("With her grandmother", "With her father", "Children's home")),
                False,
                ""
                if with_her
                else rng.choice(("relative", "other_parent", "institution", "foster")),
                "" if with_her else "By telephone through the social worker",
                True,
                "Arranged at admission",
                datetime.fromtimestamp(self.w_admitted[i], UTC) + timedelta(hours=2),
                self.staff(f, "reception", rng),
                self.today + timedelta(days=rng.randint(1, 180)) if with_her else None,
            )
            n += 1
            made += 1

    # ------------------------------------------------------------------ reminders

    reminder_cols = [
        "id",
        "key",
        "kind",
        "rule",
        "title",
        "prisoner_id",
        "facility_id",
        "assignee_role",
        "due_at",
        "escalate_at",
        "status",
        "created_at",
        "escalated_at",
        "closed_at",
        "closed_by_id",
        "outcome",
        "confidential",
    ]

    def reminder_rows(self) -> Iterator[tuple]:
        """Most are done; of her open tasks some are pending, some due, some escalated, and a
        few past their time wait for the sweep (the backlog a stopped beat leaves). Times are
        whole seconds (`At`)."""
        rng = self.rng("reminders")
        first = self.base(Reminder)
        wanted = self.count(self.scale.reminders)
        facility_total = min(wanted // 10, 40 * self.scale.facilities)
        n = 0
        now = int(self.now.timestamp())
        day = 86400
        for f in range(self.scale.facilities):
            for _ in range(facility_total // self.scale.facilities):
                task = rng.choice(FACILITY_TASKS)
                due = now + int(rng.uniform(-60, 30) * day)
                yield self._reminder(rng, first + n, task, None, f, due, rng.random() < 0.3)
                n += 1
        women = self.scale.women
        per_woman = (wanted - n) / women
        whole, part = int(per_woman), per_woman % 1
        last = len(TASKS) - 1
        random_, expovariate, uniform = rng.random, rng.expovariate, rng.uniform
        for i in range(women):
            admitted = int(self.w_admitted[i])
            f = self.w_facility[i]
            held = self.w_custody[i]
            span = (now - admitted) / day + 60
            recent = now - 30 * day
            for _ in range(whole + (1 if random_() < part else 0)):
                task = TASKS[min(int(expovariate(0.35)), last)]
                if held:
                    due = admitted + int(uniform(0.5, span) * day)
                    open_ = random_() < (0.35 if due > recent else 0.04)
                else:
                    due = admitted + int(uniform(0.5, 20) * day)
                    open_ = False
                yield self._reminder(rng, first + n, task, i, f, due, open_)
                n += 1

    def _reminder(self, rng, rid, task, i, f, due, open_) -> tuple:
        kind, rule, role, confidential, title = task
        now = int(self.now.timestamp())
        hour = 3600
        escalate = due + 24 * hour
        created = due - int(rng.uniform(0.5, 14) * 86400)
        escalated_at = closed_at = closed_by = None
        outcome = ""
        if open_:
            r = rng.random()
            if due > now:
                status = "pending"
            elif r < 0.04:
                status = "pending"  # past its time, not yet swept
            elif r < 0.3 or escalate > now:
                status = "due"  # some kinds give days before the governor hears of it
                escalate = max(escalate, now + int(rng.uniform(1, 72) * hour))
            else:
                status = "escalated"
                escalated_at = At(escalate + rng.randint(60, 900))
        else:
            if due > now:
                due = now - int(rng.uniform(1, 100) * hour)
                escalate = due + 24 * hour
                created = due - 2 * 86400
            status = "done" if rng.random() < 0.88 else "cancelled"
            closed = max(min(due + int(rng.uniform(-48, 40) * hour), now), created + 300)
            closed_at = At(closed)
            if closed > escalate:
                escalated_at = At(escalate + 300)
            if status == "done":
                closed_by = self.staff(f, role if role != "inspector" else "custody", rng)
                outcome = "Done"
            else:
                outcome = "No longer needed: she was released"
        return (
            rid,
            f"{kind}:{self.scale.name}:{rid}",
            kind,
            rule,
            title,
            None if i is None else self.woman_first + i,
            self.facility_ids[f],
            role,
            At(due),
            At(escalate),
            status,
            At(created),
            escalated_at,
            closed_at,
            closed_by,
            outcome,
            confidential,
        )

    # ------------------------------------------------------------------ visits

    visit_cols = [
        "id",
        "prisoner_id",
        "facility_id",
        "kind",
        "starts_at",
        "involves_child",
        "open_contact",
        "child_friendly",
        "lawyer_name",
        "lawyer_registration",
        "status",
        "booked_at",
        "booked_by_id",
        "closed_at",
        "closed_by_id",
        "cancelled_by",
        "cancel_reason",
    ]

    def visit_rows(self) -> Iterator[tuple]:
        rng = self.rng("visits")
        first = self.base(Visit)
        wanted = self.count(self.scale.visits)
        women = self.scale.women
        now = int(self.now.timestamp())
        hour, day = 3600, 86400
        lawyers = [f"Advocate {name}" for name in self.pools[0][0].family[:40]]
        randrange, random_, uniform, randint = rng.randrange, rng.random, rng.uniform, rng.randint
        for n in range(wanted):
            i = randrange(women)
            f = self.w_facility[i]
            start = int(self.w_admitted[i])
            end = int(self.w_released[i] or now + 14 * day)
            at = int(uniform(start + day, max(end, start + 2 * day))) // hour * hour
            r = random_()
            kind = (
                "family" if r < 0.6 else "child" if r < 0.8 else "legal" if r < 0.95 else "extended"
            )
            r = random_()
            if at < now:
                status = "cancelled" if r < 0.06 else "held"
            else:
                status = "cancelled" if r < 0.03 else "booked"
            by = self.staff(f, "custody", rng)
            cancelled_by = (
                ("her", "visitor", "prison")[randint(0, 2)] if status == "cancelled" else ""
            )
            legal = kind == "legal"
            yield (
                first + n,
                self.woman_first + i,
                self.facility_ids[f],
                kind,
                At(at),
                kind == "child",
                True,
                True,
                lawyers[n % len(lawyers)] if legal else "",
                f"LAW-{randint(1000, 99999)}" if legal else "",
                status,
                At(at - randint(1, 20) * day),
                by,
                None
                if status == "booked"
                else At(at + hour if status == "held" else at - 5 * hour),
                None if status == "booked" else by,
                cancelled_by,
                "Lockdown of the visits hall" if cancelled_by == "prison" else "",
            )

    # ------------------------------------------------------------------ searches

    search_cols = [
        "id",
        "facility_id",
        "subject",
        "kind",
        "trigger",
        "prisoner_id",
        "visiting_child_name",
        "visiting_child_age",
        "unit_id",
        "cell",
        "searched_at",
        "reason",
        "place",
        "privacy",
        "found",
        "scanner_available",
        "recorded_by_id",
        "recorded_at",
        "authorisation_id",
        "authorised_by_id",
        "why_not_scanner",
    ]

    def search_rows(self) -> Iterator[tuple]:
        """Pat-downs and scans of women, cells, and children visiting; then the strip searches,
        each on the governor's authorisation (`strip_search_rows`)."""
        plain = (None, None, "")
        for row in self.plain_search_rows():
            yield row + plain
        yield from self.strip_search_rows(self.base(Search) + self.count(self.scale.searches))

    def plain_search_rows(self) -> Iterator[tuple]:
        rng = self.rng("searches")
        first = self.base(Search)
        women = self.scale.women
        now_s = self.now.timestamp()
        for n in range(self.count(self.scale.searches)):
            i = rng.randrange(women)
            f = self.w_facility[i]
            start = self.w_admitted[i]
            end = self.w_released[i] or now_s
            at = datetime.fromtimestamp(rng.uniform(start, max(end, start + 60)), UTC)
            r = rng.random()
            officer = self.staff(f, "custody", rng)
            common = (first + n, self.facility_ids[f])
            if r < 0.1:
                unit = self.unit_id(f, GENERAL_UNITS[n % 3])
                yield common + (
                    "cell",
                    "cell",
                    "random",
                    None,
                    "",
                    None,
                    unit,
                    f"Cell {rng.randint(1, 60)}",
                    at,
                    "",
                    "",
                    "",
                    "",
                    False,
                    officer,
                    at + timedelta(minutes=20),
                )
            elif r < 0.12:
                yield common + (
                    "child_visitor",
                    "pat_down",
                    "after_visit",
                    self.woman_id(i),
                    rng.choice(self.pools[0][0].given),
                    rng.randint(3, 17),
                    None,
                    "",
                    at,
                    "",
                    "Visits hall",
                    "A screened room",
                    "",
                    True,
                    officer,
                    at + timedelta(minutes=10),
                )
            else:
                kind = "scanner" if rng.random() < 0.25 else "pat_down"
                trigger = rng.choice(("admission", "after_visit", "intelligence", "random"))
                found = "Nothing found" if rng.random() < 0.95 else "Unauthorised medication"
                yield common + (
                    "woman",
                    kind,
                    trigger,
                    self.woman_id(i),
                    "",
                    None,
                    None,
                    "",
                    at,
                    "",
                    "Reception" if trigger == "admission" else "Wing office",
                    "",
                    found,
                    kind == "scanner",
                    officer,
                    at + timedelta(minutes=15),
                )

    # -------------------------------------------------------- segregation, restraint, force

    def acts_of(self, rng: random.Random, wanted: int, avoid_flag: bool) -> Iterator[int]:
        """Women in custody for the acts the Rules limit, never one whose flag forbids it,
        each at most once (so none has two at a time)."""
        held = [
            i
            for i in range(self.scale.women)
            if self.w_custody[i] and not (avoid_flag and self.w_kind[i])
        ]
        rng.shuffle(held)
        yield from held[:wanted]
        # Then released women, for the older records.
        rest = [i for i in range(self.scale.women) if not self.w_custody[i]]
        rng.shuffle(rest)
        yield from rest[: max(0, wanted - len(held))]

    segregation_cols = [
        "id",
        "prisoner_id",
        "facility_id",
        "authority",
        "authorised_by_id",
        "authority_decided_at",
        "kind",
        "reason",
        "recorded_by_id",
        "began_at",
        "started_at",
        "start_date",
        "run_start",
        "planned_end",
        "ended_at",
        "ended_by_id",
        "end_reason",
    ]

    def segregation_rows(self) -> Iterator[tuple]:
        rng = self.rng("segregations")
        first = self.base(Segregation)
        for n, i in enumerate(self.acts_of(rng, self.count(self.scale.segregations), True)):
            f = self.w_facility[i]
            held = self.w_custody[i]
            span = (self.w_released[i] or self.now.timestamp()) - self.w_admitted[i]
            start = datetime.fromtimestamp(self.w_admitted[i] + rng.uniform(0.1, 0.9) * span, UTC)
            days = rng.randint(1, 14)
            ongoing = held and rng.random() < 0.05 and start > self.now - timedelta(days=days)
            governor = self.staff(f, "governor", rng)
            yield (
                first + n,
                self.woman_id(i),
                self.facility_ids[f],
                "confirmed",
                governor,
                start,
                rng.choice(("disciplinary_segregation", "close_confinement", "separation")),
                "Assault on another woman; a danger to others while the hearing is held",
                self.staff(f, "custody", rng),
                start,
                start,
                start.date(),
                start.date(),
                start.date() + timedelta(days=days),
                None if ongoing else start + timedelta(days=rng.uniform(0.2, days)),
                None if ongoing else governor,
                "" if ongoing else "The reason for it ended",
            )

    restraint_cols = [
        "id",
        "prisoner_id",
        "facility_id",
        "authority",
        "authorised_by_id",
        "authority_decided_at",
        "device",
        "purpose",
        "necessity",
        "place",
        "place_detail",
        "applied_at",
        "removed_at",
        "removed_by_id",
        "recorded_at",
        "applied_by_id",
    ]

    def restraint_rows(self) -> Iterator[tuple]:
        rng = self.rng("restraints")
        first = self.base(Restraint)
        for n, i in enumerate(self.acts_of(rng, self.count(self.scale.restraints), True)):
            f = self.w_facility[i]
            span = (self.w_released[i] or self.now.timestamp()) - self.w_admitted[i]
            at = datetime.fromtimestamp(self.w_admitted[i] + rng.uniform(0.1, 0.95) * span, UTC)
            escort = rng.random() < 0.7
            officer = self.staff(f, "custody", rng)
            yield (
                first + n,
                self.woman_id(i),
                self.facility_ids[f],
                "confirmed",
                self.staff(f, "governor", rng),
                at,
                "escort_cuff" if escort else rng.choice(("soft_cuffs", "handcuffs")),
                "escort_transfer"
                if escort
                else rng.choice(("prevent_self_harm", "prevent_injury_to_others")),
                "Escort to court through a public area" if escort else "She was hurting herself",
                "escort" if escort else "prison",
                "Provincial court" if escort else "Her cell",
                at,
                at + timedelta(minutes=rng.randint(10, 240)),
                officer,
                at + timedelta(minutes=30),
                officer,
            )

    force_cols = [
        "id",
        "prisoner_id",
        "facility_id",
        "techniques",
        "reason",
        "account",
        "deescalation",
        "planned",
        "started_at",
        "duration_minutes",
        "injury_to_her",
        "injury_to_staff",
        "camera_reference",
        "no_footage_reason",
        "location",
        "recorded_by_id",
        "recorded_at",
        "men_involved",
        "untrained_involved",
        "health_check_due_at",
        "review_due_at",
    ]

    def force_rows(self) -> Iterator[tuple]:
        rng = self.rng("force")
        first = self.base(UseOfForce)
        techniques = ("guiding_hold", "escort_hold", "restraint_hold", "taken_to_ground", "carried")
        for n, i in enumerate(self.acts_of(rng, self.count(self.scale.force), False)):
            f = self.w_facility[i]
            span = (self.w_released[i] or self.now.timestamp()) - self.w_admitted[i]
            at = datetime.fromtimestamp(self.w_admitted[i] + rng.uniform(0.1, 0.95) * span, UTC)
            camera = rng.random() < 0.8
            yield (
                first + n,
                self.woman_id(i),
                self.facility_ids[f],
                rng.sample(techniques, rng.randint(1, 2)),
                rng.choice(
                    (
                        "self_defence",
                        "prevent_self_harm",
                        "prevent_injury_to_others",
                        "resistance_to_lawful_order",
                    )
                ),
                "She refused to return to her cell and struck an officer",
                "Talked with her for ten minutes; offered a call to her family",
                False,
                at,
                rng.randint(1, 20),
                rng.choice(("none_seen", "none_seen", "minor")),
                "none_seen",
                f"BWV-{first + n}" if camera else "",
                "" if camera else "No camera on that landing",
                "Wing landing",
                self.staff(f, "custody", rng),
                at + timedelta(hours=2),
                rng.choice((0, 0, 0, 1)),
                0,
                at + timedelta(hours=2),
                at + timedelta(days=3),
            )

    # ------------------------------------------------------------------ complaints

    record_cols = [
        "id",
        "prisoner_id",
        "facility_id",
        "source",
        "opened_at",
        "opened_by_id",
        "protected_until",
        "status",
    ]

    def complaint_plan(self):
        rng = self.rng("complaints-plan")
        women = self.scale.women
        now_s = self.now.timestamp()
        for n in range(self.count(self.scale.complaints)):
            i = rng.randrange(women)
            span = (self.w_released[i] or now_s) - self.w_admitted[i]
            at = datetime.fromtimestamp(self.w_admitted[i] + rng.uniform(0.05, 1) * span, UTC)
            abuse = rng.random() < 0.15
            yield n, i, at, abuse, rng.random()

    def record_rows(self) -> Iterator[tuple]:
        rng = self.rng("safeguarding")
        first = self.base(SafeguardingRecord)
        for n, i, at, abuse, state in self.complaint_plan():
            f = self.w_facility[i]
            closed = state > 0.2
            yield (
                first + n,
                self.woman_id(i),
                self.facility_ids[f],
                "abuse_report" if abuse else "complaint",
                at,
                self.staff(f, "safeguarding", rng),
                at + timedelta(days=90),
                "closed" if closed else "open",
            )

    complaint_cols = [
        "id",
        "prisoner_id",
        "facility_id",
        "kind",
        "channel",
        "subject",
        "narrative",
        "received_at",
        "received_by_id",
        "assigned_to_id",
        "acknowledge_by",
        "reply_by",
        "acknowledged_at",
        "reply",
        "replied_at",
        "closed_at",
        "status",
        "timing",
        "perpetrator",
        "safeguarding_record_id",
    ]

    def complaint_rows(self) -> Iterator[tuple]:
        rng = self.rng("complaint-rows")
        first = self.base(Complaint)
        records = self.base(SafeguardingRecord)
        for n, i, at, abuse, state in self.complaint_plan():
            f = self.w_facility[i]
            officer = self.staff(f, "safeguarding", rng)
            status = (
                "closed"
                if state > 0.2
                else "answered"
                if state > 0.1
                else "acknowledged"
                if state > 0.05
                else "received"
            )
            acknowledged = at + timedelta(days=2) if status != "received" else None
            replied = at + timedelta(days=20) if status in ("answered", "closed") else None
            yield (
                first + n,
                self.woman_id(i),
                self.facility_ids[f],
                "abuse_report" if abuse else "complaint",
                rng.choice(("in_person", "confidential_box", "letter", "lawyer", "family")),
                rng.choice(
                    ("treatment_by_staff", "conditions", "health_care", "contact", "property")
                ),
                "What she wrote, in her words",
                at,
                officer,
                officer,
                at + timedelta(days=3),
                at + timedelta(days=28),
                acknowledged,
                "The answer given to her" if replied else "",
                replied,
                at + timedelta(days=25) if status == "closed" else None,
                status,
                rng.choice(("before", "during")) if abuse else "",
                rng.choice(("staff", "prisoner", "unknown")) if abuse else "",
                records + n,
            )

    # ------------------------------------------------------------------ the audit trail

    audit_cols = [
        "id",
        "at",
        "actor_id",
        "actor_role",
        "action",
        "facility_id",
        "subject_type",
        "subject_id",
        "disclosed",
        "detail",
    ]

    def audit_rows(self) -> Iterator[tuple]:
        rng = self.rng("audit")
        first = self.base(AuditEvent)
        women = self.scale.women
        actions = (
            ("health.file_read", "health", "prisoners.prisoner"),
            ("child.identity_read", "social", "prisoners.prisoner"),
            ("complaints.read", "safeguarding", "prisoners.prisoner"),
            ("prisoner.registered", "reception", "prisoners.prisoner"),
            ("search.recorded", "custody", "prisoners.prisoner"),
        )
        empty_list, empty = json.dumps([]), json.dumps({})
        for n in range(self.count(self.scale.audit)):
            i = rng.randrange(women)
            f = self.w_facility[i]
            action, role, subject = actions[min(int(rng.expovariate(0.8)), len(actions) - 1)]
            at = datetime.fromtimestamp(self.w_admitted[i] + rng.uniform(0, 30) * 86400, UTC)
            if at > self.now:
                at = self.now - timedelta(minutes=rng.randint(1, 600))
            uuid = self.woman_uuid(i)
            disclosed = (
                json.dumps([uuid])
                if action.endswith("_read") or action == "complaints.read"
                else empty_list
            )
            yield (
                first + n,
                at,
                self.staff(f, role, rng),
                role,
                action,
                self.facility_ids[f],
                subject,
                uuid,
                disclosed,
                empty,
            )


def tables(dataset: Dataset) -> list[tuple[str, Table, Callable[[], Iterator[tuple]], int]]:
    return [
        (label, Table(model, cols, now=dataset.now), rows, count)
        for label, model, cols, rows, count in dataset.plan()
    ]


def estimated_rows(scale: Scale) -> int:
    s = scale
    return int(
        s.women
        * (
            2
            + s.admissions * 2
            + s.reminders
            + s.visits
            + s.searches
            + s.children
            + s.audit
            + 2 * s.complaints
            + s.restraints
            + s.force
            + s.segregations
        )
        + s.in_custody
    )
