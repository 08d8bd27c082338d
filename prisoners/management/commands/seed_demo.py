"""Demo data: two facilities, one user per role per facility, about 60 women. Idempotent."""

import importlib
import importlib.util
import os
import random
import secrets
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from admissions.services import (
    admit_woman,
    allocate,
    complete_admission,
    confirm_transfer,
    decide_suspension,
    distances_from_home,
    propose_transfer,
    record_family_member,
    record_property,
    record_rights_offer,
    release,
    request_suspension,
    rights_due,
    sign_property_inventory,
)
from bangkok.errors import RuleBroken
from facilities.models import Facility
from health.models import Item
from health.services import care, maternity, preventive
from health.services import screening as screening_services
from prisoners.demo import DEMO_TASK_KINDS
from prisoners.models import CustodyStatus, LegalStatus, Prisoner, Unit
from prisoners.services import register_prisoner
from register.services import record_child
from reminders.models import Basis
from reminders.services import schedule_reminder, sweep_reminders
from staff.models import Course, Gender, TrainingRecord
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
            ("G1", "Wing 1", "general"),
            ("G2", "Wing 2", "general"),
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
            ("W1", "Women's wing", "general"),
            ("MBU", "Mother and baby unit", "mother_and_baby"),
        ],
    },
]
# Staff gender per role: the custody officer at B is a man (Rule 19 shows in later areas).
# Areas with demo records of their own, seeded in this order after the women are admitted.
AREA_DEMOS = ("searches", "discipline", "restraints", "visits", "complaints")
STAFF_GENDER = {"custody_b": Gender.MAN, "governor_b": Gender.MAN, "sysadmin": Gender.MAN}

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
CHILD_NAMES = ["Ploy", "Nam", "Fah", "Mali", "Ton", "Beam", "Yada", "Sara", "Leo", "Ines", "Omar"]
LEGAL = (
    [LegalStatus.PRETRIAL] * 4
    + [LegalStatus.SENTENCED] * 5
    + [LegalStatus.CONVICTED_UNSENTENCED, LegalStatus.IMMIGRATION]
)


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
        made = False
        for facility, suffix in zip(facilities, ["", "_b"], strict=True):
            for code in ROLES:
                username = f"{code}{suffix}"
                if user_model.objects.filter(username=username).exists():
                    continue
                if password is None:
                    password = secrets.token_urlsafe(12)
                user = user_model(
                    username=username,
                    first_name=code.capitalize(),
                    last_name=f"({facility.code})",
                    gender=STAFF_GENDER.get(username, Gender.WOMAN),
                )
                user.set_password(password)
                user.save()
                # The demo's accounts are set up by this command, not from the web: the
                # trusted path, without a second person to confirm each grant.
                grant_confirmed(
                    user=user,
                    role=code,
                    facilities=[facility] if ROLES[code].case_data else [],
                    reason="demo",
                )
                if code == "custody":
                    self.training(user)
                made = True
        if made and not os.environ.get("DEMO_PASSWORD"):
            path = Path(settings.DEMO_PASSWORD_FILE)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(password + "\n")
            path.chmod(0o600)
        return password if made else None

    def training(self, user) -> None:
        today = timezone.localdate()
        for course in (Course.SEARCH_METHODS, Course.WOMENS_NEEDS, Course.GENDER_SENSITIVITY):
            TrainingRecord.objects.get_or_create(
                user=user,
                course=course,
                defaults={
                    "completed": today - timedelta(days=200),
                    "expires": today + timedelta(days=530),
                    "in_effect_from": timezone.now() - timedelta(days=200),
                },
            )

    def women(self, facilities, count: int) -> int:
        rng = random.Random(20101221)  # the date the General Assembly adopted the Rules
        created = 0
        self.requests = 0  # requests for suspension of detention made so far
        admitted: dict = {facility: [] for facility in facilities}
        for i in range(count):
            facility = facilities[0] if i % 5 < 3 else facilities[1]
            fields = self.woman_fields(rng, i, facility)
            number = fields.pop("prison_number")
            if Prisoner.objects.filter(prison_number=number).exists():
                continue
            if fields["custody_status"] == CustodyStatus.RELEASED:
                woman = register_prisoner(
                    by=None, facility=facility, prison_number=number, **fields
                )
                admission = None
            else:
                admission = self.admit(rng, i, facility, {"prison_number": number, **fields})
                woman = admission.prisoner
            self.flags_and_reminders(rng, i, woman)
            self.children(rng, i, woman)
            if admission is not None:
                self.admission_progress(i, admission)
                self.health(i, admission)
                admitted[facility].append(admission.prisoner)
            created += 1
        for facility, new in admitted.items():
            self.areas(facility, new)
        return created

    def areas(self, facility, women) -> None:
        """Each later rule area adds its own records for the women just admitted, through
        its own services (`<app>/demo.py`: `seed(facility=, staff=, women=)`)."""
        if not women:
            return
        suffix = "" if facility.code == "A" else "_b"
        users = get_user_model().objects.filter(username__in=[f"{c}{suffix}" for c in ROLES])
        staff = {
            user.username.removesuffix(suffix) if suffix else user.username: user for user in users
        }
        for app in AREA_DEMOS:
            if importlib.util.find_spec(f"{app}.demo") is not None:
                importlib.import_module(f"{app}.demo").seed(
                    facility=facility, staff=staff, women=women
                )

    def admit(self, rng, i, facility, identity):
        """Through the admission service, as reception would, a few days to months ago."""
        reception = self.reception_of(facility)
        admitted_at = timezone.now() - timedelta(hours=rng.choice([2, 20, 30, 24 * 9, 24 * 80]))
        identity.pop("custody_status")
        unit = identity.pop("unit")
        admission = admit_woman(
            by=reception,
            facility=facility,
            identity=identity,
            admitted_at=admitted_at,
            received_from=rng.choice(
                [
                    "Lumphini police station",
                    "Provincial court cells",
                    "Immigration detention centre",
                ]
            ),
            interpreter_needed=identity["languages"] != ["th"],
            commitment={
                "order_authority": rng.choice(
                    [
                        "Bangkok Criminal Court",
                        "Provincial Court",
                        "Central Juvenile and Family Court",
                    ]
                ),
                "order_legal_basis": "Remand pending trial"
                if identity["legal_status"] == LegalStatus.PRETRIAL
                else "Sentence of the court",
                "order_number": f"CO-{2026 - i % 3}-{1000 + i}",
                "order_date": (admitted_at - timedelta(days=1)).date(),
                "arrested_at": admitted_at - timedelta(days=2),
                "arrest_place": rng.choice(["Bangkok", "Chiang Mai", "Mae Sot", "Nong Khai"]),
            },
        )
        Prisoner.objects.filter(pk=admission.prisoner.pk).update(unit=unit)
        return admission

    def reception_of(self, facility):
        username = "reception" if facility.code == "A" else "reception_b"
        return get_user_model().objects.get(username=username)

    def admission_progress(self, i, admission) -> None:
        """Most admissions are complete; some are still in reception, one part-way through
        the rights checklist, and any whose child has no arrangement stays there (Rule 2.2)."""
        if i % 4 == 1:
            return
        reception = self.reception_of(admission.facility)
        record_family_member(
            by=reception,
            prisoner=admission.prisoner,
            name=f"Somsri {admission.prisoner.family_name}",
            relationship=["Mother", "Sister", "Husband", "Aunt"][i % 4],
            contact=f"+66 8{i % 10} 555 {1000 + i}",
            next_of_kin=True,
            emergency_contact=True,
        )
        self.property_and_requests(i, admission, reception)
        language = (admission.prisoner.languages or ["th"])[0]
        items = rights_due(admission)
        for item in items[:2] if i % 4 == 2 else items:
            record_rights_offer(
                by=reception,
                admission=admission,
                item=item,
                outcome="declined" if i % 7 == 3 else "accepted",
                language=language,
            )
        if i % 4 == 2:
            return
        try:
            complete_admission(by=reception, admission=admission)
        except RuleBroken:
            return  # a child still without an arrangement: she stays in reception
        woman = admission.prisoner
        if woman.home_latitude is not None:
            nearest = distances_from_home(woman)[0][0]
            allocate(
                by=reception,
                admission=admission,
                facility=admission.facility,
                reason=""
                if nearest == admission.facility
                else "Her court case is heard near this facility; review after sentence.",
            )
        self.moves(i, admission, reception)

    def health(self, i, admission) -> None:
        """Health records through health's own services, as health staff would keep them; her
        protection flags follow from them (Rules 6-18, 22, 24, 48)."""
        woman = admission.prisoner
        woman.refresh_from_db()  # a transfer or release may have moved her
        if woman.custody_status != CustodyStatus.IN_CUSTODY:
            return
        nurse = get_user_model().objects.get(
            username="health" if woman.facility.code == "A" else "health_b"
        )
        now = timezone.now()
        if now - admission.admitted_at > timedelta(hours=12) or i % 3 == 0:
            screening = screening_services.start_screening(
                by=nurse, admission=admission, language=(woman.languages or ["th"])[0]
            )
            items = Item.values if i % 4 != 3 else Item.values[:5]
            for n, item in enumerate(items):
                screening_services.answer_item(
                    by=nurse,
                    screening=screening,
                    item=item,
                    answer="declined" if (i + n) % 7 == 0 else "answered",
                    finding="" if (i + n) % 7 == 0 else "Nothing of note.",
                    needs_follow_up=(i + n) % 11 == 0 and (i + n) % 7 != 0,
                )
            if i % 5 == 0:
                test = screening_services.offer_hiv_test(
                    by=nurse,
                    prisoner=woman,
                    screening=screening,
                    consent="given" if i % 10 == 0 else "declined",
                    language=screening.language,
                )
                if test.consent == "given":
                    screening_services.record_pre_test_counselling(by=nurse, test=test)
                    test = screening_services.take_hiv_sample(by=nurse, test=test)
                    screening_services.record_hiv_result(by=nurse, test=test, result="negative")
            if i % 13 == 4:
                screening_services.record_disclosure(
                    by=nurse,
                    prisoner=woman,
                    screening=screening,
                    kind="other_violence",
                    informed_of_recourse=True,
                    support_offered=True,
                    support_accepted=True,
                    legal_action="wants" if i % 2 else "undecided",
                )
        if i % 9 == 1:
            pregnancy = maternity.declare_pregnancy(by=nurse, prisoner=woman)
            if i % 2:
                maternity.confirm_pregnancy(
                    by=nurse,
                    pregnancy=pregnancy,
                    edd=timezone.localdate() + timedelta(weeks=10 + i % 20),
                )
        elif i % 23 == 5:
            pregnancy = maternity.declare_pregnancy(by=nurse, prisoner=woman)
            maternity.confirm_pregnancy(
                by=nurse, pregnancy=pregnancy, edd=timezone.localdate() + timedelta(days=3)
            )
            maternity.record_labour(
                by=nurse, pregnancy=pregnancy, started_at=now - timedelta(days=6)
            )
            maternity.record_birth(
                by=nurse,
                pregnancy=pregnancy,
                place="outside_hospital",
                born_at=now - timedelta(days=5),
                baby_with_her=True,
                certificate_checked=True,
            )
            maternity.record_breastfeeding(by=nurse, prisoner=woman, status="breastfeeding")
            # Her baby lives with her: on the register, never a prisoner (Rule 49).
            record_child(
                by=self.reception_of(woman.facility),
                mother=woman,
                given_names="Dao",
                family_name=woman.family_name,
                date_of_birth=(now - timedelta(days=5)).date(),
                lives_with_mother=True,
                arrangements="Lives with her mother in the mother and baby unit",
            )
        if i % 6 == 0:
            care.request_woman_clinician(by=nurse, prisoner=woman)
        if i % 11 == 2:
            care.set_observation_level(
                by=nurse, prisoner=woman, level="intermittent", reason="After her court hearing"
            )
        if i % 8 == 5:
            preventive.schedule_preventive_care(by=nurse, prisoner=woman)

    def property_and_requests(self, i, admission, reception) -> None:
        """Her property inventory (signed, mostly), and for some mothers a request for
        suspension of detention (Rule 2.2), decided or awaiting a decision."""
        for description, quantity, kept in (
            ("Mobile phone", 1, "stored"),
            ("Cash (THB)", 200 + 10 * i, "stored"),
            ("Family photographs", 3, "with_her"),
        )[: 1 + i % 3]:
            record_property(
                by=reception,
                admission=admission,
                description=description,
                quantity=quantity,
                kept=kept,
            )
        if i % 5 != 4:
            sign_property_inventory(by=reception, admission=admission)
        if admission.prisoner.children.filter(dependent=True, lives_with_mother=False).exists():
            self.requests += 1
            if self.requests % 2 == 1:
                request = request_suspension(
                    by=reception,
                    admission=admission,
                    authority=admission.order_authority,
                    period="7 days",
                    grounds="To arrange care for her children with relatives.",
                    requested_at=admission.admitted_at,
                )
                if self.requests % 3 != 0:
                    decide_suspension(
                        by=reception,
                        request=request,
                        outcome="refused" if self.requests % 3 == 1 else "granted",
                        decided_at=admission.admitted_at + timedelta(minutes=90),
                        note="Decision of the court",
                    )

    def moves(self, i, admission, reception) -> None:
        """A few women transferred between the facilities (proposed by reception, confirmed by
        the governor; some still await her confirmation), and one episode closed."""
        if i % 11 == 7:
            other = Facility.objects.exclude(pk=admission.facility_id).first()
            proposal = propose_transfer(
                by=reception,
                admission=admission,
                to_facility=other,
                reason="Nearer her family; a place in the programme she needs.",
            )
            if i % 22 == 7:
                governor = get_user_model().objects.get(
                    username="governor" if admission.facility.code == "A" else "governor_b"
                )
                confirm_transfer(by=governor, record=proposal)
        elif i % 17 == 9:
            release(
                by=reception,
                admission=admission,
                reason="Bail granted by the court",
                property_returned=True,
            )

    def woman_fields(self, rng, i, facility) -> dict:
        today = timezone.localdate()
        juvenile = i % 13 == 4
        age_days = (
            rng.randint(15 * 365 + 30, 17 * 365) if juvenile else rng.randint(19 * 365, 62 * 365)
        )
        foreign = FOREIGN[i % len(FOREIGN)] if i % 5 == 2 else None
        units = [u for u in facility.units.all() if u.designation in ("general", "reception")]
        if juvenile and facility.code == "A":
            unit = facility.units.get(code="JUV")
        else:
            unit = units[i % len(units)]
        home = HOMES[rng.randrange(len(HOMES))]
        return {
            "prison_number": f"{facility.code}{24000 + i:05d}",
            "given_names": rng.choice(GIVEN),
            "family_name": rng.choice(FAMILY),
            "aliases": [f"{rng.choice(GIVEN)}"] if i % 7 == 0 else [],
            "date_of_birth": today - timedelta(days=age_days),
            "nationalities": [foreign[0]] if foreign else ["TH"],
            "languages": [foreign[1]] if foreign else ["th"],
            "legal_status": LegalStatus.PRETRIAL if juvenile else LEGAL[i % len(LEGAL)],
            "custody_status": CustodyStatus.RELEASED if i % 8 == 7 else CustodyStatus.IN_CUSTODY,
            "unit": unit,
            "home_place": "" if foreign else home[0],
            "home_latitude": None if foreign else home[1],
            "home_longitude": None if foreign else home[2],
        }

    def children(self, rng, i, woman) -> None:
        """About a third of the women have children: outside with family, in care, not known,
        or living with her in the mother and baby unit."""
        if i % 3 != 0 or woman.is_juvenile:
            return
        reception = self.reception_of(woman.facility)
        today = timezone.localdate()
        for n in range(1 + i % 2):
            kind = (i // 3 + n) % 4
            fields = {
                "given_names": rng.choice(CHILD_NAMES),
                "family_name": woman.family_name,
                "date_of_birth": today - timedelta(days=rng.randint(200, 16 * 365)),
            }
            if kind == 0:
                fields |= {
                    "lives_with_mother": True,
                    "date_of_birth": today - timedelta(days=rng.randint(60, 700)),
                }
            elif kind == 1:
                fields |= {
                    "location": woman.home_place or "Bangkok",
                    "custody": "relative",
                    "arrangements": "Her sister cares for the child.",
                }
            elif kind == 2:
                fields |= {
                    "location": "Children's home",
                    "custody": "institution",
                    "no_arrangements_reason": "Arrested away from home; no family reached.",
                }
            else:
                fields |= {"location_unknown": True, "custody": "unknown"}
            record_child(by=reception, mother=woman, **fields)

    def flags_and_reminders(self, rng, i, woman) -> None:
        if woman.custody_status != CustodyStatus.IN_CUSTODY:
            return
        now = timezone.now()
        demo_tasks = [
            ("reception", "M7", "Check her emergency contact and next of kin"),
            ("health", "6", "Health review due"),
            ("social", "26", "Review her family contact"),
            ("custody", "41", "Review her unit allocation"),
        ]
        role, rule, title = demo_tasks[i % len(demo_tasks)]
        offset = timedelta(hours=rng.choice([-60, -30, -3, 2, 6, 30, 72]))
        schedule_reminder(
            key=f"demo:{role}:{woman.uuid}",
            kind=DEMO_TASK_KINDS[role],
            rule=rule,
            title=title,
            facility=woman.facility,
            assignee_role=role,
            prisoner=woman,
            due_at=now + offset,
            escalate_at=now + offset + timedelta(hours=24),
            basis=Basis.CONFIG,
        )
