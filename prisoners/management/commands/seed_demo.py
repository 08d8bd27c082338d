"""Demo data: two facilities, one user per role per facility, about 60 women. Idempotent."""

import os
import random
import secrets
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from facilities.models import Facility
from prisoners.demo import Demo, steps
from prisoners.models import LEGAL_GROUPS, CustodyStatus, LegalStatus, Prisoner, Unit
from reminders.services import sweep_reminders
from staff.backends import accounts
from staff.models import Course, Employment, Gender, Grade
from staff.roles import ROLES
from staff.services import grant_confirmed, sync_roles

FACILITIES = [
    {
        "code": "A",
        "name": "Riverside Women's Prison",
        "kind": Facility.Kind.WOMENS_PRISON,
        "latitude": "13.75630",
        "longitude": "100.50180",
        "capacity": 420,
        "units": [
            ("RCP", "Reception", "reception"),
            ("G1", "Wing 1 (remand)", "general"),
            ("G2", "Wing 2 (convicted)", "general"),
            ("G3", "Wing 3 (civil and immigration)", "general"),
            ("MBU", "Mother and baby unit", "mother_and_baby"),
            ("JUV", "Girls' unit", "juvenile"),
        ],
    },
    {
        "code": "B",
        "name": "Hillcrest Women's Unit",
        "kind": Facility.Kind.WOMENS_UNIT,
        "latitude": "18.78830",
        "longitude": "98.98530",
        "capacity": 160,
        "units": [
            ("RCP", "Reception", "reception"),
            ("W1", "Women's wing (convicted)", "general"),
            ("W2", "Remand wing", "general"),
            ("W3", "Civil and immigration wing", "general"),
            ("MBU", "Mother and baby unit", "mother_and_baby"),
        ],
    },
]
# Staff gender per role: the custody officer at B is a man (Rule 19 shows in later areas).
STAFF_GENDER = {"custody_b": Gender.MAN, "governor_b": Gender.MAN, "sysadmin": Gender.MAN}
# What every member of staff working with women has (Rules 32, 33.1); custody staff search
# and use force; health staff assess self-harm risk (Rule 35).
EVERYONE_COURSES = (Course.WOMENS_NEEDS, Course.GENDER_SENSITIVITY)
DEMO_COURSES = (Course.SEARCH_METHODS, *EVERYONE_COURSES)
ROLE_COURSES = {
    "custody": DEMO_COURSES,
    "health": (*EVERYONE_COURSES, Course.MENTAL_HEALTH, Course.WOMENS_HEALTH, Course.HIV),
    "social": (*EVERYONE_COURSES, Course.CHILD_DEVELOPMENT),
    "safeguarding": (*EVERYONE_COURSES, Course.MENTAL_HEALTH),
}
# Posts and grades (Rule 29: the governor of A is a woman in a senior post).
POSTS = {
    "governor": ("Governor", Grade.SENIOR),
    "health": ("Head of healthcare", Grade.MANAGER),
    "social": ("Senior social worker", Grade.MANAGER),
    "safeguarding": ("Safeguarding lead", Grade.MANAGER),
}
# Reception at B started 70 days ago and is still to do her Rule 33.1 training (where this
# service allows posting her before it: POSTING_WITHOUT_WOMENS_TRAINING).
NEW_STARTER = "reception_b"

GIVEN = [
    "Somchai",
    "Malee",
    "Pranee",
    "Kanya",
    "Nittaya",
    "Siriporn",
    "Wanida",
    "Ratana",
    "Aye",
    "Thandar",
    "Sokha",
    "Chanthy",
    "Noy",
    "Amina",
    "Fatima",
    "Khadija",
    "Maria",
    "Lucía",
    "Carmen",
    "Sophie",
    "Camille",
    "Grace",
    "Chiamaka",
    "Emily",
    "Hannah",
    "Arunee",
    "Duangjai",
    "Pimchanok",
    "Lamai",
    "Buppha",
]
FAMILY = [
    "Srisuk",
    "Wongsawat",
    "Chaiyaporn",
    "Thongdee",
    "Kaewmanee",
    "Boonmee",
    "Rattanakorn",
    "Saetang",
    "Win",
    "Htet",
    "Chea",
    "Phommachanh",
    "El Idrissi",
    "Benali",
    "García",
    "Fernández",
    "Martin",
    "Dubois",
    "Okafor",
    "Adeyemi",
    "Taylor",
    "Jones",
    "Suwan",
    "Inthasorn",
    "Panyawong",
    "Sukjai",
    "Meesuk",
    "Rungruang",
]
FOREIGN = [
    ("MM", "my"),
    ("LA", "lo"),
    ("KH", "km"),
    ("MA", "ar"),
    ("ES", "es"),
    ("FR", "fr"),
    ("NG", "en"),
    ("GB", "en"),
]
HOMES = [
    ("Bangkok", "13.75630", "100.50180"),
    ("Nonthaburi", "13.86210", "100.51440"),
    ("Ayutthaya", "14.35320", "100.56890"),
    ("Chiang Mai", "18.78830", "98.98530"),
    ("Chiang Rai", "19.91050", "99.84060"),
    ("Khon Kaen", "16.43220", "102.82360"),
    ("Udon Thani", "17.41380", "102.78720"),
    ("Hat Yai", "7.00860", "100.47470"),
    ("Lampang", "18.28880", "99.49090"),
    ("Nakhon Ratchasima", "14.97990", "102.09780"),
]
LEGAL = (
    [LegalStatus.PRETRIAL] * 4
    + [LegalStatus.SENTENCED] * 5
    + [LegalStatus.CONVICTED_UNSENTENCED, LegalStatus.IMMIGRATION]
)

WINGS = {
    "A": {"untried": "G1", "convicted": "G2", "civil": "G3"},
    "B": {"untried": "W2", "convicted": "W1", "civil": "W3"},
}


class Command(BaseCommand):
    help = "Load demo facilities, staff and women. Running it again adds nothing twice."

    def add_arguments(self, parser):
        parser.add_argument("--women", type=int, default=60)

    @transaction.atomic
    def handle(self, *args, women, **options):
        sync_roles()
        facilities = [self.facility(spec) for spec in FACILITIES]
        password = self.staff(facilities)
        created = self.women(facilities, women)
        swept = sweep_reminders()
        self.stdout.write(
            f"Demo data: {len(facilities)} facilities, {Prisoner.objects.count()} women "
            f"({created} new), reminders swept {swept}."
        )
        if password:
            self.stdout.write(self.style.WARNING(f"Demo password for every user: {password}"))

    def facility(self, spec) -> Facility:
        spec = dict(spec)
        units = spec.pop("units")
        facility, _ = Facility.objects.get_or_create(code=spec.pop("code"), defaults=spec)
        for code, name, designation in units:
            Unit.objects.get_or_create(
                facility=facility, code=code, defaults={"name": name, "designation": designation}
            )
        return facility

    def staff(self, facilities) -> str | None:
        """One user per role per facility; returns the password if it made any user."""
        user_model = get_user_model()
        password = os.environ.get("DEMO_PASSWORD") or None
        # Every demo user has the same password: hashed once (Argon2, a fifth of a second of
        # the processor each), the same hash given to each.
        hashed = None
        made = False
        for facility, suffix in zip(facilities, ["", "_b"], strict=True):
            for code in ROLES:
                username = f"{code}{suffix}"
                if user_model.objects.filter(username=username).exists():
                    continue
                if password is None:
                    password = secrets.token_urlsafe(12)
                if hashed is None:
                    hashed = make_password(password)
                user = user_model(
                    username=username,
                    first_name=code.capitalize(),
                    last_name=f"({facility.code})",
                    gender=STAFF_GENDER.get(username, Gender.WOMAN),
                )
                user.password = hashed
                user.save()
                # The demo's accounts are set up by this command, not from the web: the
                # trusted path, without a second person to confirm each grant.
                grant_confirmed(
                    user=user,
                    role=code,
                    facilities=[facility] if ROLES[code].case_data else [],
                    trainings=self.trainings(username, code),
                    reason="demo",
                )
                self.employment(user, username, code)
                made = True
        if made and not os.environ.get("DEMO_PASSWORD"):
            path = Path(settings.DEMO_PASSWORD_FILE)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(password + "\n")
            path.chmod(0o600)
        return password if made else None

    def trainings(self, username: str, code: str) -> list[dict]:
        if not ROLES[code].works_with_women or self.new_starter(username):
            return []
        today = timezone.localdate()
        return [
            {
                "course": course,
                "completed": today - timedelta(days=200),
                "expires": today + timedelta(days=530),
            }
            for course in ROLE_COURSES.get(code, EVERYONE_COURSES)
        ]

    def new_starter(self, username: str) -> bool:
        return username == NEW_STARTER and settings.POSTING_WITHOUT_WOMENS_TRAINING == "warn"

    def employment(self, user, username: str, code: str) -> None:
        post, grade = POSTS.get(code, (str(ROLES[code].label), Grade.OFFICER))
        years = 1 + sum(map(ord, username)) % 9
        started = timedelta(days=70 if self.new_starter(username) else 365 * years)
        Employment.objects.create(
            user=user, post=post, grade=grade, started_on=timezone.localdate() - started
        )

    def women(self, facilities, count: int) -> int:
        """Each area's demo steps (`prisoners.demo`), for each new woman in turn, then for
        the women admitted at each facility."""
        demo = Demo(
            rng=random.Random(20101221),  # the date the General Assembly adopted the Rules
            facilities=facilities,
            admitted={facility: [] for facility in facilities},
        )
        declared = steps()
        created = 0
        for i in range(count):
            facility = facilities[0] if i % 5 < 3 else facilities[1]
            fields = self.woman_fields(demo.rng, i, facility)
            if Prisoner.objects.filter(prison_number=fields["prison_number"]).exists():
                continue
            demo.i, demo.facility, demo.fields = i, facility, fields
            demo.woman = demo.admission = None
            for step in declared:
                if step.each_woman is not None:
                    step.each_woman(demo)
            created += 1
        for facility, women in demo.admitted.items():
            if women:
                self.areas(declared, facility, women)
        return created

    def areas(self, declared, facility, women) -> None:
        """Each later rule area adds its own records for the women just admitted, through
        its own services (`<app>/demo.py`, declared with `run(facility=, staff=, women=)`)."""
        suffix = "" if facility.code == "A" else "_b"
        users = accounts([f"{code}{suffix}" for code in ROLES])
        staff = {
            name.removesuffix(suffix) if suffix else name: user for name, user in users.items()
        }
        for step in declared:
            if step.run is not None:
                step.run(facility=facility, staff=staff, women=women)

    def woman_fields(self, rng, i, facility) -> dict:
        today = timezone.localdate()
        juvenile = i % 13 == 4
        age_days = (
            rng.randint(15 * 365 + 30, 17 * 365) if juvenile else rng.randint(19 * 365, 62 * 365)
        )
        foreign = FOREIGN[i % len(FOREIGN)] if i % 5 == 2 else None
        legal_status = LegalStatus.PRETRIAL if juvenile else LEGAL[i % len(LEGAL)]
        if juvenile and facility.code == "A":
            unit = facility.units.get(code="JUV")
        else:
            # Mandela 11: untried, convicted and civil women each live on a wing of their own.
            unit = facility.units.get(code=WINGS[facility.code][LEGAL_GROUPS[legal_status]])
        home = HOMES[rng.randrange(len(HOMES))]
        return {
            "prison_number": f"{facility.code}{24000 + i:05d}",
            "given_names": rng.choice(GIVEN),
            "family_name": rng.choice(FAMILY),
            "aliases": [f"{rng.choice(GIVEN)}"] if i % 7 == 0 else [],
            "date_of_birth": today - timedelta(days=age_days),
            "nationalities": [foreign[0]] if foreign else ["TH"],
            "languages": [foreign[1]] if foreign else ["th"],
            "legal_status": legal_status,
            "custody_status": CustodyStatus.RELEASED if i % 8 == 7 else CustodyStatus.IN_CUSTODY,
            "unit": unit,
            "home_place": "" if foreign else home[0],
            "home_latitude": None if foreign else home[1],
            "home_longitude": None if foreign else home[2],
        }
