"""The records of the rule areas beyond the main ones: strip searches on the governor's
authority, health's clinical records, self-harm, safeguarding, regime, parole, release,
pretrial, inspections, classification, equality, girls, hygiene, discipline, force and the
admission's own records. A mixin of `scale.dataset.Dataset`: it reads the women's plan made
there (`w_custody`, `w_kind`, `w_legal`, `w_observation`...) and gives its tables in load order.

Every record is one a service could have written: the states the check constraints allow,
one open record where a unique index allows one, the authorities named and never the person
who asked, a time after the one it follows and never after the dataset's day."""

import random
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from admissions.models import Admission, FamilyMember, PropertyItem, RightsOffer
from breakglass.models import Access as BreakGlass
from breakglass.models import Review as BreakGlassReview
from classification.models import Classification
from complaints.models import Complaint, ProtectionPlan
from discipline.models import Charge, Hearing, Sanction, SanctionReview
from equality.models import Characteristics, Consent, FaithNeed, FaithVisit, Representative
from force.models import ForceHealthCheck, ForceReview, UseOfForce
from girls.models import GuardianNotice
from health.models import (
    Birth,
    BreastfeedingRecord,
    ChildScreening,
    DistressEvent,
    Encounter,
    HivTest,
    MentalHealthAssessment,
    ObservationDecision,
    Pregnancy,
    PreventiveScreening,
    Screening,
    ScreeningItem,
    WomanClinicianRequest,
)
from hygiene.models import Entitlement, Issue, Item, StockCheck, WaterInterruption
from inspections.models import (
    ActionPlan,
    Finding,
    FollowUp,
    Member,
    Recommendation,
    Sample,
    SampledWoman,
)
from inspections.models import Visit as InspectionVisit
from parole.models import (
    EligibilityReview,
    HomeTransfer,
    LeaveRequest,
    NonCustodialReview,
    ParoleReview,
)
from pretrial.models import Hearing as CourtHearing
from pretrial.models import LegalAdviser, SafetyScreen
from regime.models import Activity, Allocation, Attendance, TimeOutOfCell
from register.models import BestInterestsDecision, UnitApplication
from release.models import PlanPart, RecordsCopy, ReleasePlan
from restraints.models import RestraintReview
from safeguarding.models import (
    CareNeed,
    CareReview,
    Incident,
    Injuries,
    Involvement,
    Plan,
    PlanReview,
)
from searches.models import SearchAuthorisation, SearchStaff
from selfharm.models import (
    Assessment,
    Case,
    ClosureCheck,
    IncidentClinical,
    PlanAction,
    Review,
    SelfHarmIncident,
)
from staff.models import AccessChange
from visits.models import Contact, Visitor

AREA_MODELS = (
    SearchAuthorisation,
    SearchStaff,
    RightsOffer,
    FamilyMember,
    PropertyItem,
    Classification,
    ScreeningItem,
    HivTest,
    PreventiveScreening,
    WomanClinicianRequest,
    Encounter,
    MentalHealthAssessment,
    ObservationDecision,
    Pregnancy,
    Birth,
    Case,
    Assessment,
    Review,
    PlanAction,
    SelfHarmIncident,
    Incident,
    Involvement,
    Plan,
    CareNeed,
    Activity,
    Allocation,
    Attendance,
    TimeOutOfCell,
    EligibilityReview,
    ParoleReview,
    LeaveRequest,
    ReleasePlan,
    PlanPart,
    RecordsCopy,
    LegalAdviser,
    SafetyScreen,
    CourtHearing,
    InspectionVisit,
    Member,
    Finding,
    Recommendation,
    FollowUp,
    Consent,
    Characteristics,
    Representative,
    FaithNeed,
    GuardianNotice,
    Item,
    Issue,
    StockCheck,
    Entitlement,
    WaterInterruption,
    BreakGlass,
    BreakGlassReview,
    Charge,
    Hearing,
    Sanction,
    ForceHealthCheck,
    ForceReview,
    UseOfForce.staff_involved.through,
    ProtectionPlan,
    BestInterestsDecision,
    Visitor,
    Contact,
    AccessChange,
    ClosureCheck,
    IncidentClinical,
    Review.participants.through,
    Injuries,
    PlanReview,
    CareReview,
    SanctionReview,
    RestraintReview,
    ActionPlan,
    Sample,
    SampledWoman,
    BreastfeedingRecord,
    ChildScreening,
    UnitApplication,
    NonCustodialReview,
    HomeTransfer,
    FaithVisit,
    DistressEvent,
    Complaint.named_staff.through,
)

DAY = 86400
HOUR = 3600

Rows = Callable[[], Iterator[tuple]]
Planned = tuple[str, type, list[str], Rows, int]


def moment(seconds: float) -> datetime:
    return datetime.fromtimestamp(int(seconds), UTC)


class AreaRecords:
    """The rule areas' records (a mixin of `Dataset`, which gives the attributes used here)."""

    # ---------------------------------------------------------------- helpers

    def during(self, rng: random.Random, i: int, lo: float = 0.05, hi: float = 0.95) -> datetime:
        """A moment of her latest stay (to today while she is held)."""
        start = self.w_admitted[i]
        end = self.w_released[i] or self.now.timestamp()
        return moment(start + rng.uniform(lo, hi) * max(end - start, HOUR))

    def women_where(self, rng: random.Random, share: float, keep: Callable[[int], bool]) -> list:
        """About `share` of the women for whom `keep` holds, in id order."""
        return [i for i in range(self.scale.women) if keep(i) and rng.random() < share]

    def settled(self, i: int) -> bool:
        """Held and past reception."""
        return bool(self.w_custody[i]) and not self.w_reception[i]

    def current_admission(self, i: int) -> int:
        return self.base(Admission) + self.w_admission[i]

    def current_screening(self, i: int) -> int:
        return self.base(Screening) + self.w_admission[i]

    def _areas(self) -> None:
        """The plans the areas share (which women, which records), made once from the seed."""
        rng = self.rng("areas-plan")
        now = self.now.timestamp()
        held = [i for i in range(self.scale.women) if self.settled(i)]
        self.held = held
        self.held_in: dict[int, list[int]] = {}
        for i in held:
            self.held_in.setdefault(self.w_facility[i], []).append(i)
        self.strips = []  # (n, i, at, state)
        for n, i in enumerate(self.women_where(rng, self.scale.searches * 0.004, lambda i: True)):
            r = rng.random()
            if self.w_custody[i] and r > 0.97:
                self.strips.append((n, i, now - rng.uniform(1, 6) * HOUR, "pending"))
            else:
                at = self.during(rng, i).timestamp()
                self.strips.append((n, i, at, "refused" if r > 0.88 else "confirmed"))
        self.observed = [i for i in held if self.w_observation[i]]
        self.observed_set = set(self.observed)
        others = [i for i in range(self.scale.women) if not self.w_observation[i]]
        self.selfharm_women = self.observed + rng.sample(
            others, min(len(others), max(0, self.count(0.02) - len(self.observed)))
        )
        self.selfharm_women.sort()
        self.sentenced = [i for i in held if self.w_legal[i] == "sentenced"]
        self.pretrial = [i for i in held if self.w_legal[i] == "pretrial"]
        self.charges = []  # (n, i, at, status)
        for n in range(self.count(0.03)):
            i = rng.randrange(self.scale.women)
            r = rng.random()
            status = "proved" if r < 0.6 else "dismissed" if r < 0.85 else "laid"
            at = self.during(rng, i, 0.05, 0.8)
            if status == "laid":
                at = max(at, self.now - timedelta(days=2))
                if not self.w_custody[i]:
                    status = "dismissed"
            self.charges.append((n, i, at, status))
        self.incidents = []  # (n, f, victim, perpetrator, at)
        facilities = [f for f, women in self.held_in.items() if len(women) >= 2]
        for n in range(self.count(0.02) if facilities else 0):
            f = rng.choice(facilities)
            victim, perpetrator = rng.sample(self.held_in[f], 2)
            start = max(self.w_admitted[victim], self.w_admitted[perpetrator])
            self.incidents.append((n, f, victim, perpetrator, start + rng.random() * (now - start)))

    def area_plan(self) -> tuple[list[Planned], list[Planned]]:
        """The areas' tables: those loaded before the searches (which name the authorities),
        and those after the main tables."""
        self._areas()
        held = len(self.held)
        facilities = self.scale.facilities
        visits = facilities * 2
        return [
            (
                "search authorities",
                SearchAuthorisation,
                self.authorisation_cols,
                self.authorisation_rows,
                len(self.strips),
            ),
        ], [
            (
                "search staff",
                SearchStaff,
                ["id", "search_id", "person_id", "part", "gender", "role"],
                self.search_staff_rows,
                2 * len(self.strips),
            ),
            ("rights offered", RightsOffer, self.rights_cols, self.rights_rows, 3 * held),
            ("family members", FamilyMember, self.family_cols, self.family_rows, held),
            ("property", PropertyItem, self.property_cols, self.property_rows, held),
            (
                "classifications",
                Classification,
                self.classification_cols,
                self.classification_rows,
                held,
            ),
            ("screening answers", ScreeningItem, self.item_cols, self.item_rows, 8 * held),
            ("HIV tests", HivTest, self.hiv_cols, self.hiv_rows, self.count(0.3)),
            (
                "preventive screenings",
                PreventiveScreening,
                self.preventive_cols,
                self.preventive_rows,
                held // 5,
            ),
            (
                "woman clinician asked",
                WomanClinicianRequest,
                self.clinician_cols,
                self.clinician_rows,
                held // 10,
            ),
            ("encounters", Encounter, self.encounter_cols, self.encounter_rows, self.count(0.4)),
            (
                "mental health",
                MentalHealthAssessment,
                self.assessment_cols,
                self.assessment_rows,
                len(self.selfharm_women),
            ),
            (
                "observation",
                ObservationDecision,
                self.observation_cols,
                self.observation_rows,
                len(self.observed),
            ),
            ("pregnancies", Pregnancy, self.pregnancy_cols, self.pregnancy_rows, held // 20),
            ("births", Birth, self.birth_cols, self.birth_rows, held // 30),
            ("self-harm cases", Case, self.case_cols, self.case_rows, len(self.selfharm_women)),
            (
                "self-harm assessments",
                Assessment,
                self.sh_assessment_cols,
                self.sh_assessment_rows,
                len(self.selfharm_women),
            ),
            (
                "self-harm reviews",
                Review,
                self.sh_review_cols,
                self.sh_review_rows,
                len(self.selfharm_women),
            ),
            (
                "self-harm plans",
                PlanAction,
                self.sh_action_cols,
                self.sh_action_rows,
                2 * len(self.selfharm_women),
            ),
            (
                "self-harm incidents",
                SelfHarmIncident,
                self.sh_incident_cols,
                self.sh_incident_rows,
                len(self.selfharm_women) // 3,
            ),
            ("incidents", Incident, self.incident_cols, self.incident_rows, len(self.incidents)),
            (
                "involvements",
                Involvement,
                ["id", "incident_id", "prisoner_id", "part"],
                self.involvement_rows,
                2 * len(self.incidents),
            ),
            ("safety plans", Plan, self.plan_cols, self.plan_rows, len(self.incidents)),
            ("care needs", CareNeed, self.need_cols, self.need_rows, held // 100),
            ("activities", Activity, self.activity_cols, self.activity_rows, 6 * facilities),
            (
                "activity places",
                Allocation,
                self.allocation_cols,
                self.allocation_rows,
                held * 6 // 10,
            ),
            ("attendance", Attendance, self.attendance_cols, self.attendance_rows, held * 6 // 10),
            ("time out of cell", TimeOutOfCell, self.timeout_cols, self.timeout_rows, 2 * held),
            (
                "parole eligibility",
                EligibilityReview,
                self.eligibility_cols,
                self.eligibility_rows,
                len(self.sentenced) // 2,
            ),
            (
                "parole reviews",
                ParoleReview,
                self.parole_cols,
                self.parole_rows,
                len(self.sentenced) // 8,
            ),
            ("leave", LeaveRequest, self.leave_cols, self.leave_rows, len(self.sentenced) // 20),
            (
                "release plans",
                ReleasePlan,
                self.release_cols,
                self.release_rows,
                len(self.sentenced),
            ),
            (
                "release plan parts",
                PlanPart,
                self.part_cols,
                self.part_rows,
                7 * len(self.sentenced),
            ),
            (
                "records copies",
                RecordsCopy,
                self.copy_cols,
                self.copy_rows,
                (self.scale.women - self.scale.in_custody) * 3 // 10,
            ),
            (
                "legal advisers",
                LegalAdviser,
                self.adviser_cols,
                self.adviser_rows,
                len(self.pretrial) * 7 // 10,
            ),
            (
                "safety screens",
                SafetyScreen,
                self.screen_cols,
                self.screen_rows,
                len(self.pretrial),
            ),
            (
                "court hearings",
                CourtHearing,
                self.court_cols,
                self.court_rows,
                len(self.pretrial) * 3 // 2,
            ),
            ("inspection visits", InspectionVisit, self.ivisit_cols, self.ivisit_rows, visits),
            ("inspection members", Member, self.member_cols, self.member_rows, visits * 3 // 2),
            ("findings", Finding, self.finding_cols, self.finding_rows, visits * 3 // 2),
            (
                "recommendations",
                Recommendation,
                self.recommendation_cols,
                self.recommendation_rows,
                visits * 3 // 2,
            ),
            ("follow-ups", FollowUp, self.followup_cols, self.followup_rows, visits),
            ("equality consents", Consent, self.consent_cols, self.consent_rows, held // 2),
            (
                "characteristics",
                Characteristics,
                self.characteristics_cols,
                self.characteristics_rows,
                held // 2,
            ),
            (
                "faith representatives",
                Representative,
                self.representative_cols,
                self.representative_rows,
                2 * facilities,
            ),
            ("faith needs", FaithNeed, self.faith_cols, self.faith_rows, held // 50),
            ("guardians told", GuardianNotice, self.guardian_cols, self.guardian_rows, held // 60),
            ("hygiene items", Item, self.hygiene_item_cols, self.hygiene_item_rows, 5 * facilities),
            ("hygiene issues", Issue, self.issue_cols, self.issue_rows, 2 * held),
            ("stock checks", StockCheck, self.stock_cols, self.stock_rows, 20 * facilities),
            ("entitlements", Entitlement, self.entitlement_cols, self.entitlement_rows, held // 20),
            ("water cuts", WaterInterruption, self.water_cols, self.water_rows, facilities),
            ("break-glass reads", BreakGlass, self.glass_cols, self.glass_rows, len(self.glass)),
            (
                "break-glass reviews",
                BreakGlassReview,
                self.glass_review_cols,
                self.glass_review_rows,
                len(self.glass),
            ),
            ("charges", Charge, self.charge_cols, self.charge_rows, len(self.charges)),
            (
                "disciplinary hearings",
                Hearing,
                self.dhearing_cols,
                self.dhearing_rows,
                len(self.charges),
            ),
            ("sanctions", Sanction, self.sanction_cols, self.sanction_rows, len(self.charges) // 2),
            (
                "force health checks",
                ForceHealthCheck,
                self.force_check_cols,
                self.force_check_rows,
                self.count(self.scale.force),
            ),
            (
                "force reviews",
                ForceReview,
                self.force_review_cols,
                self.force_review_rows,
                self.count(self.scale.force),
            ),
            (
                "force staff",
                UseOfForce.staff_involved.through,
                ["id", "useofforce_id", "user_id"],
                self.force_staff_rows,
                2 * self.count(self.scale.force),
            ),
            (
                "protection plans",
                ProtectionPlan,
                self.protection_cols,
                self.protection_rows,
                self.count(self.scale.complaints) // 7,
            ),
            (
                "best interests",
                BestInterestsDecision,
                self.interests_cols,
                self.interests_rows,
                held // 30,
            ),
            ("visitors", Visitor, self.visitor_cols, self.visitor_rows, held),
            ("contacts", Contact, self.contact_cols, self.contact_rows, held // 2),
            ("training confirmed", AccessChange, self.access_cols, self.access_rows, facilities),
        ]

    # ---------------------------------------------------------------- strip searches

    authorisation_cols = [
        "id",
        "facility_id",
        "prisoner_id",
        "subject",
        "kind",
        "trigger",
        "reason",
        "recorded_at",
        "authority",
        "authority_requested_at",
        "authority_requested_by_id",
        "authority_sought_from_id",
        "authority_due_at",
        "authorised_by_id",
        "authority_refused_by_id",
        "authority_decided_at",
        "authority_refusal",
    ]

    def authorisation_rows(self) -> Iterator[tuple]:
        """The governor's authority for each strip search (Rule 20): most given, some
        refused, a few asked for in the last hours and not yet decided."""
        rng = self.rng("search-authorities")
        first = self.base(SearchAuthorisation)
        for n, i, at, state in self.strips:
            f = self.w_facility[i]
            asked = moment(at)
            governor = self.staff(f, "governor", rng)
            decided = asked + timedelta(minutes=rng.randint(5, 50))
            yield (
                first + n,
                self.facility_ids[f],
                self.woman_id(i),
                "woman",
                "strip",
                "intelligence",
                "Information that she is hiding drugs brought in on a visit",
                asked,
                state,
                asked,
                self.staff(f, "reception", rng),
                governor,
                asked + timedelta(hours=1),
                governor if state == "confirmed" else None,
                governor if state == "refused" else None,
                None if state == "pending" else decided,
                "A scan will do: the scanner is working" if state == "refused" else "",
            )

    def strip_search_rows(self, first: int) -> Iterator[tuple]:
        """A strip search for each authority given: by women, in private, with the reason."""
        rng = self.rng("strip-searches")
        authority = self.base(SearchAuthorisation)
        self.strip_ids: list[tuple[int, int]] = []  # (search id, facility index)
        k = 0
        for n, i, at, state in self.strips:
            if state != "confirmed":
                continue
            f = self.w_facility[i]
            when = moment(at) + timedelta(minutes=rng.randint(60, 90))
            scanner = rng.random() < 0.3
            self.strip_ids.append((first + k, f))
            yield (
                first + k,
                self.facility_ids[f],
                "woman",
                "strip",
                "intelligence",
                self.woman_id(i),
                "",
                None,
                None,
                "",
                when,
                "Information that she is hiding drugs brought in on a visit",
                "Reception search room",
                "A private room; two women officers; she kept half her clothes on at a time",
                "Nothing found",
                scanner,
                self.staff(f, "reception", rng),
                when + timedelta(minutes=20),
                authority + n,
                self.staff(f, "governor", rng),
                "The scanner cannot find what was reported" if scanner else "",
            )
            k += 1

    def search_staff_rows(self) -> Iterator[tuple]:
        """Who searched and who witnessed each strip search: two women."""
        rng = self.rng("search-staff")
        n = self.base(SearchStaff)
        for search, f in self.strip_ids:
            yield (n, search, self.staff(f, "reception", rng), "searcher", "woman", "reception")
            yield (
                n + 1,
                search,
                self.staff(f, "safeguarding", rng),
                "witness",
                "woman",
                "safeguarding",
            )
            n += 2

    # ---------------------------------------------------------------- admission records

    rights_cols = [
        "id",
        "admission_id",
        "item",
        "offered_at",
        "language",
        "outcome",
        "offered_by_id",
    ]

    def rights_rows(self) -> Iterator[tuple]:
        """Her rights offered at admission (Rule 2.1): family, legal advice, information, and
        the consulate for a foreign national."""
        rng = self.rng("rights")
        n = self.base(RightsOffer)
        for i in self.held:
            at = moment(self.w_admitted[i] + HOUR)
            officer = self.staff(self.w_facility[i], "reception", rng)
            items = ("family_contact", "legal_advice", "information") + (
                ("consular",) if self.w_foreign[i] else ()
            )
            for item in items:
                r = rng.random()
                outcome = "done" if r < 0.6 else "accepted" if r < 0.85 else "declined"
                yield (n, self.current_admission(i), item, at, "th", outcome, officer)
                n += 1

    family_cols = [
        "id",
        "prisoner_id",
        "name",
        "relationship",
        "contact",
        "emergency_contact",
        "next_of_kin",
        "recorded_at",
        "recorded_by_id",
    ]

    def family_rows(self) -> Iterator[tuple]:
        rng = self.rng("family")
        first = self.base(FamilyMember)
        given = self.pools[0][0].given
        for n, i in enumerate(self.held):
            relation = rng.choice(("Mother", "Sister", "Partner", "Daughter", "Aunt"))
            yield (
                first + n,
                self.woman_id(i),
                f"{rng.choice(given)} {self.w_family[i]}",
                relation,
                f"+66 8{rng.randint(10000000, 99999999)}",
                True,
                rng.random() < 0.8,
                moment(self.w_admitted[i] + HOUR),
                self.staff(self.w_facility[i], "reception", rng),
            )

    property_cols = [
        "id",
        "admission_id",
        "description",
        "quantity",
        "kept",
        "recorded_at",
        "recorded_by_id",
    ]

    def property_rows(self) -> Iterator[tuple]:
        rng = self.rng("property")
        first = self.base(PropertyItem)
        for n, i in enumerate(self.held):
            yield (
                first + n,
                self.current_admission(i),
                rng.choice(("Mobile phone", "Handbag with purse", "Clothes", "Wedding ring")),
                1,
                "stored",
                moment(self.w_admitted[i] + HOUR),
                self.staff(self.w_facility[i], "reception", rng),
            )

    # ---------------------------------------------------------------- classification

    classification_cols = [
        "id",
        "prisoner_id",
        "facility_id",
        "kind",
        "instrument",
        "offence_violence",
        "escape_history",
        "conduct_in_custody",
        "risk_to_others",
        "score",
        "default_level",
        "level",
        "reasons_for_her",
        "needs_plan",
        "classified_at",
        "next_review_on",
        "classified_by_id",
    ]

    def classification_rows(self) -> Iterator[tuple]:
        """Every woman held past reception is classified (Rules 40, 41), most at low risk."""
        rng = self.rng("classification")
        first = self.base(Classification)
        weights = (0, 0, 0, 0, 1, 1, 2)
        for n, i in enumerate(self.held):
            scores = [rng.choice(weights) for _ in range(4)]
            score = sum(scores)
            level = "low" if score <= 2 else "medium" if score <= 5 else "high"
            at = min(self.w_admitted[i] + 3 * DAY, self.now.timestamp() - HOUR)
            yield (
                first + n,
                self.woman_id(i),
                self.facility_ids[self.w_facility[i]],
                "initial",
                "Gender-informed risk and needs assessment",
                *scores,
                score,
                level,
                level,
                "Explained to her in her language; she may ask for a review",
                "Education and a parenting programme",
                moment(at),
                moment(at).date() + timedelta(days=180),
                self.staff(self.w_facility[i], "custody", rng),
            )

    # ---------------------------------------------------------------- health

    item_cols = [
        "id",
        "screening_id",
        "item",
        "answer",
        "finding",
        "needs_follow_up",
        "answered_at",
        "answered_by_id",
    ]

    def item_rows(self) -> Iterator[tuple]:
        """The answers of her screening on entry (Rule 6), for the women held past reception:
        each item answered or declined."""
        rng = self.rng("screening-items")
        n = self.base(ScreeningItem)
        items = (
            "primary_care",
            "sti_bbv",
            "hiv",
            "mental_health",
            "suicide_self_harm",
            "reproductive",
            "drug_dependency",
            "abuse",
        )
        for i in self.held:
            at = moment(self.w_admitted[i] + 2 * HOUR + 600)
            nurse = self.staff(self.w_facility[i], "health", rng)
            screening = self.current_screening(i)
            for item in items:
                declined = rng.random() < 0.05
                follow = not declined and rng.random() < 0.15
                yield (
                    n,
                    screening,
                    item,
                    "declined" if declined else "answered",
                    "" if declined else "Needs a follow-up appointment" if follow else "Nothing",
                    follow,
                    at,
                    nurse,
                )
                n += 1

    hiv_cols = [
        "id",
        "prisoner_id",
        "screening_id",
        "offered_at",
        "consent",
        "language",
        "pre_test_counselling_at",
        "sample_taken_at",
        "result",
        "result_at",
        "post_test_counselling_at",
        "recorded_by_id",
    ]

    def hiv_rows(self) -> Iterator[tuple]:
        """HIV tests offered at admission (Rule 14), with her consent and counselling."""
        rng = self.rng("hiv")
        first = self.base(HivTest)
        chosen = self.women_where(rng, 0.3, lambda i: not self.w_reception[i])
        for n, i in enumerate(chosen):
            at = moment(self.w_admitted[i] + 2 * HOUR)
            given = rng.random() < 0.8
            result = "positive" if rng.random() < 0.02 else "negative"
            yield (
                first + n,
                self.woman_id(i),
                self.current_screening(i),
                at,
                "given" if given else "declined",
                "th",
                at + timedelta(minutes=10) if given else None,
                at + timedelta(minutes=30) if given else None,
                result if given else "",
                at + timedelta(days=3) if given else None,
                at + timedelta(days=3, minutes=30) if given else None,
                self.staff(self.w_facility[i], "health", rng),
            )

    preventive_cols = [
        "id",
        "prisoner_id",
        "kind",
        "done_on",
        "declined",
        "result",
        "next_due",
        "policy",
        "follow_up_outcome",
        "follow_up_at",
        "recorded_at",
        "recorded_by_id",
    ]

    def preventive_rows(self) -> Iterator[tuple]:
        """Cervical and breast screening offered as in the community (Rule 18)."""
        rng = self.rng("preventive")
        first = self.base(PreventiveScreening)
        n = 0
        for i in self.held:
            if rng.random() >= 0.2:
                continue
            at = self.during(rng, i)
            declined = rng.random() < 0.1
            abnormal = not declined and rng.random() < 0.05
            yield (
                first + n,
                self.woman_id(i),
                rng.choice(("cervical_cytology", "hpv", "mammography", "cbe")),
                at.date(),
                declined,
                "" if declined else "abnormal" if abnormal else "normal",
                at.date() + timedelta(days=3 * 365),
                "national-2024",
                "Referred to the hospital's colposcopy clinic; seen" if abnormal else "",
                at + timedelta(days=20) if abnormal else None,
                at,
                self.staff(self.w_facility[i], "health", rng),
            )
            n += 1

    clinician_cols = ["id", "prisoner_id", "requested_at", "recorded_by_id"]

    def clinician_rows(self) -> Iterator[tuple]:
        """Her request for a woman doctor or nurse (Rule 10.2), for each woman flagged so."""
        rng = self.rng("clinician")
        n = self.base(WomanClinicianRequest)
        for i in range(self.scale.women):
            if self.w_clinician[i]:
                at = moment(self.w_admitted[i] + 3 * HOUR)
                yield (n, self.woman_id(i), at, self.staff(self.w_facility[i], "health", rng))
                n += 1

    encounter_cols = [
        "id",
        "prisoner_id",
        "at",
        "kind",
        "clinician_gender",
        "urgent",
        "notes",
        "woman_clinician_requested",
        "recorded_at",
        "clinician_id",
        "recorded_by_id",
    ]

    def encounter_rows(self) -> Iterator[tuple]:
        """Her appointments with the health staff (Rules 10-18), all with a woman clinician."""
        rng = self.rng("encounters")
        first = self.base(Encounter)
        kinds = (
            "general",
            "general",
            "general",
            "mental_health",
            "gynaecology",
            "substance_use",
            "hiv_care",
            "health_education",
        )
        for n in range(self.count(0.4)):
            i = rng.randrange(self.scale.women)
            at = self.during(rng, i)
            nurse = self.staff(self.w_facility[i], "health", rng)
            yield (
                first + n,
                self.woman_id(i),
                at,
                rng.choice(kinds),
                "woman",
                rng.random() < 0.05,
                "Seen; advice given",
                bool(self.w_clinician[i]),
                at + timedelta(minutes=30),
                nurse,
                nurse,
            )

    assessment_cols = [
        "id",
        "prisoner_id",
        "assessed_at",
        "tool",
        "risk_level",
        "care_plan",
        "assessor_id",
    ]

    def assessment_rows(self) -> Iterator[tuple]:
        """A mental health assessment of each woman with a self-harm case (Rules 12, 16)."""
        rng = self.rng("mental-health")
        first = self.base(MentalHealthAssessment)
        levels = ("low", "medium", "high")
        for n, i in enumerate(self.selfharm_women):
            yield (
                first + n,
                self.woman_id(i),
                self.during(rng, i, 0.3, 0.4),
                "Clinical interview and PHQ-9",
                levels[self.w_observation[i]],
                "Weekly sessions with the mental health nurse",
                self.staff(self.w_facility[i], "health", rng),
            )

    observation_cols = [
        "id",
        "prisoner_id",
        "level",
        "decided_at",
        "reason",
        "assessment_id",
        "decided_by_id",
    ]

    def observation_rows(self) -> Iterator[tuple]:
        """The health staff's decision behind each observation level on her flags."""
        rng = self.rng("observation")
        first = self.base(ObservationDecision)
        assessment = {
            i: self.base(MentalHealthAssessment) + k for k, i in enumerate(self.selfharm_women)
        }
        levels = ("none", "intermittent", "constant")
        for n, i in enumerate(self.observed):
            yield (
                first + n,
                self.woman_id(i),
                levels[self.w_observation[i]],
                self.during(rng, i, 0.41, 0.45),
                "After her assessment",
                assessment[i],
                self.staff(self.w_facility[i], "health", rng),
            )

    pregnancy_cols = [
        "id",
        "prisoner_id",
        "status",
        "declared_on",
        "confirmed_at",
        "edd",
        "ended_on",
        "outcome",
        "advice_programme",
        "supplementary_food",
        "planned_birth_place",
        "confirmed_by_id",
        "recorded_by_id",
    ]

    def pregnancy_rows(self) -> Iterator[tuple]:
        """The pregnancy of each pregnant woman (confirmed, due within months) and of each
        mother with her baby (ended by the birth) (Rule 48)."""
        rng = self.rng("pregnancies")
        first = self.base(Pregnancy)
        self.births: list[tuple[int, int, datetime]] = []  # (pregnancy id, woman, born)
        n = 0
        for i in self.held:
            kind = self.w_kind[i]
            if kind not in (2, 3):
                continue
            nurse = self.staff(self.w_facility[i], "health", rng)
            admitted = moment(self.w_admitted[i])
            if kind == 3:
                declared = admitted + timedelta(hours=3)
                edd = self.today + timedelta(days=rng.randint(10, 250))
                status, ended, outcome = "confirmed", None, ""
            else:
                born = admitted - timedelta(days=rng.randint(20, 300))
                declared = born - timedelta(days=rng.randint(150, 250))
                edd = born.date() + timedelta(days=rng.randint(-10, 10))
                status, ended, outcome = "ended", born.date(), "birth"
                self.births.append((first + n, i, born))
            yield (
                first + n,
                self.woman_id(i),
                status,
                declared.date(),
                declared + timedelta(days=2),
                edd,
                ended,
                outcome,
                "Antenatal classes; advice on diet and exercise",
                "Milk and fruit daily",
                "outside_hospital",
                nurse,
                nurse,
            )
            n += 1

    birth_cols = [
        "id",
        "pregnancy_id",
        "born_at",
        "place",
        "place_detail",
        "baby_with_her",
        "certificate_checked",
        "postpartum_ends_at",
        "recorded_by_id",
    ]

    def birth_rows(self) -> Iterator[tuple]:
        rng = self.rng("births")
        first = self.base(Birth)
        for n, (pregnancy, i, born) in enumerate(self.births):
            yield (
                first + n,
                pregnancy,
                born,
                "outside_hospital",
                "Provincial hospital",
                True,
                True,
                born + timedelta(days=42),
                self.staff(self.w_facility[i], "health", rng),
            )

    # ---------------------------------------------------------------- self-harm

    def selfharm_case(self, k: int) -> tuple[int, datetime, bool]:
        """(woman, opened, still open) of the k-th case: open for the women under
        observation, closed for the others."""
        i = self.selfharm_women[k]
        rng = random.Random(f"{self.seed}:selfharm:{k}")  # noqa: S311
        return i, self.during(rng, i, 0.3, 0.4), i in self.observed_set

    case_cols = [
        "id",
        "prisoner_id",
        "facility_id",
        "concern",
        "prompt",
        "immediate_action",
        "opened_at",
        "noticed_at",
        "assessment_due_at",
        "risk",
        "next_review_at",
        "closed_at",
        "check_due_at",
        "opened_by_id",
    ]

    def case_rows(self) -> Iterator[tuple]:
        """A case for each woman at risk of harming herself (Rule 16): open while she is
        under observation, otherwise closed at low risk with its check after closure."""
        rng = self.rng("selfharm-cases")
        first = self.base(Case)
        self.case_closed: list[datetime | None] = []
        risks = ("low", "raised", "high")
        for k, _ in enumerate(self.selfharm_women):
            i, opened, open_ = self.selfharm_case(k)
            closed = None if open_ else opened + timedelta(days=rng.randint(10, 40))
            self.case_closed.append(closed)
            yield (
                first + k,
                self.woman_id(i),
                self.facility_ids[self.w_facility[i]],
                "She said she did not want to go on",
                rng.choice(("said", "found", "distress", "told")),
                "Officer stayed with her; health staff called",
                opened,
                opened - timedelta(minutes=rng.randint(5, 60)),
                opened + timedelta(hours=24),
                risks[self.w_observation[i]] if open_ else "low",
                self.now + timedelta(days=rng.randint(1, 7)) if open_ else None,
                closed,
                closed + timedelta(days=7) if closed else None,
                self.staff(self.w_facility[i], "custody", rng),
            )

    sh_assessment_cols = [
        "id",
        "case_id",
        "took_part",
        "her_account",
        "assessed_at",
        "risk",
        "triggers",
        "protective",
        "recorded_at",
        "assessed_by_id",
    ]

    def sh_assessment_rows(self) -> Iterator[tuple]:
        rng = self.rng("selfharm-assessments")
        first, case = self.base(Assessment), self.base(Case)
        risks = ("low", "raised", "high")
        for k, _ in enumerate(self.selfharm_women):
            i, opened, _open = self.selfharm_case(k)
            at = opened + timedelta(hours=20)
            yield (
                first + k,
                case + k,
                True,
                "In her words: missing her children",
                at,
                risks[self.w_observation[i]],
                "Court dates; news from home",
                "Her children's calls; her friend on the wing",
                at,
                self.staff(self.w_facility[i], "health", rng),
            )

    sh_review_cols = [
        "id",
        "case_id",
        "took_part",
        "her_account",
        "held_at",
        "others_present",
        "risk",
        "plan_changes",
        "next_review_at",
        "closes",
        "recorded_at",
        "chaired_by_id",
    ]

    def sh_review_rows(self) -> Iterator[tuple]:
        rng = self.rng("selfharm-reviews")
        first, case = self.base(Review), self.base(Case)
        risks = ("low", "raised", "high")
        for k, _ in enumerate(self.selfharm_women):
            i, opened, open_ = self.selfharm_case(k)
            at = opened + timedelta(days=3)
            yield (
                first + k,
                case + k,
                True,
                "She feels safer",
                at,
                "Her key worker; the chaplain",
                risks[self.w_observation[i]] if open_ else "low",
                "Calls to her family twice a week",
                self.now + timedelta(days=rng.randint(1, 7)) if open_ else None,
                not open_,
                at,
                self.staff(self.w_facility[i], "custody", rng),
            )

    sh_action_cols = ["id", "case_id", "review_id", "what", "team", "when", "added_at"]

    def sh_action_rows(self) -> Iterator[tuple]:
        n = self.base(PlanAction)
        case, review = self.base(Case), self.base(Review)
        for k, _ in enumerate(self.selfharm_women):
            _i, opened, _open = self.selfharm_case(k)
            at = opened + timedelta(days=3)
            yield (
                n,
                case + k,
                review + k,
                "Check on her every hour at night",
                "custody",
                "Every night",
                at,
            )
            yield (n + 1, case + k, review + k, "Weekly session", "health", "Mondays", at)
            n += 2

    sh_incident_cols = [
        "id",
        "case_id",
        "prisoner_id",
        "facility_id",
        "occurred_at",
        "place",
        "response",
        "first_aid_called",
        "recorded_at",
        "clinical_due_at",
        "recorded_by_id",
    ]

    def sh_incident_rows(self) -> Iterator[tuple]:
        rng = self.rng("selfharm-incidents")
        first, case = self.base(SelfHarmIncident), self.base(Case)
        n = 0
        for k, _ in enumerate(self.selfharm_women):
            if k % 3:
                continue
            i, opened, _open = self.selfharm_case(k)
            at = opened - timedelta(minutes=rng.randint(30, 120))
            yield (
                first + n,
                case + k,
                self.woman_id(i),
                self.facility_ids[self.w_facility[i]],
                at,
                "Her cell",
                "First aid given; nurse called",
                True,
                at + timedelta(minutes=20),
                at + timedelta(hours=24),
                self.staff(self.w_facility[i], "custody", rng),
            )
            n += 1

    # ---------------------------------------------------------------- safeguarding

    incident_cols = [
        "id",
        "facility_id",
        "kind",
        "occurred_at",
        "place",
        "account",
        "injured",
        "reported_by",
        "recorded_at",
        "recorded_by_id",
    ]

    def incident_rows(self) -> Iterator[tuple]:
        """Violence and harassment between women (Rule 31), with who took part."""
        rng = self.rng("incidents")
        first = self.base(Incident)
        self.injured: list[int] = []
        for n, f, _victim, _perpetrator, at in self.incidents:
            when = moment(at)
            injured = rng.random() < 0.2
            if injured:
                self.injured.append(n)
            yield (
                first + n,
                self.facility_ids[f],
                rng.choice(("violence", "bullying", "threats", "theft", "sexual_harassment")),
                when,
                rng.choice(("Wing landing", "Dining hall", "Exercise yard")),
                "An argument over the telephone queue",
                injured,
                rng.choice(("staff", "herself", "another_woman")),
                when + timedelta(hours=1),
                self.staff(f, "custody", rng),
            )

    def involvement_rows(self) -> Iterator[tuple]:
        n = self.base(Involvement)
        incident = self.base(Incident)
        for k, _f, victim, perpetrator, _at in self.incidents:
            yield (n, incident + k, self.woman_id(victim), "victim")
            yield (n + 1, incident + k, self.woman_id(perpetrator), "perpetrator")
            n += 2

    plan_cols = [
        "id",
        "involvement_id",
        "prisoner_id",
        "facility_id",
        "part",
        "opened_at",
        "due_at",
        "made_at",
        "measures",
        "her_views",
        "support_offered",
        "notes",
        "next_review_at",
        "made_by_id",
    ]

    def plan_rows(self) -> Iterator[tuple]:
        """A safety plan for each victim, made with her; never separating her against her
        wishes."""
        rng = self.rng("safety-plans")
        first, involvement = self.base(Plan), self.base(Involvement)
        for k, f, victim, _perpetrator, at in self.incidents:
            opened = moment(at) + timedelta(hours=1)
            yield (
                first + k,
                involvement + 2 * k,
                self.woman_id(victim),
                self.facility_ids[f],
                "victim",
                opened,
                opened + timedelta(days=3),
                opened + timedelta(days=1),
                ["no_contact", "key_worker"],
                "She wants to stay on her wing",
                True,
                "",
                opened + timedelta(days=29),
                self.staff(f, "safeguarding", rng),
            )

    need_cols = [
        "id",
        "prisoner_id",
        "facility_id",
        "kind",
        "description",
        "adjustments",
        "her_views",
        "recorded_at",
        "next_review_at",
        "recorded_by_id",
    ]

    def need_rows(self) -> Iterator[tuple]:
        """Care needs of older and disabled women (Rule 42.2)."""
        rng = self.rng("care-needs")
        first = self.base(CareNeed)
        self.needs = [i for i in self.held if rng.random() < 0.01]
        for n, i in enumerate(self.needs):
            yield (
                first + n,
                self.woman_id(i),
                self.facility_ids[self.w_facility[i]],
                rng.choice(("mobility", "older_age", "sensory", "disability")),
                "Walks with a stick; cannot climb stairs",
                "A cell on the ground floor",
                "She is content with it",
                self.during(rng, i, 0.05, 0.2),
                self.now + timedelta(days=rng.randint(1, 90)),
                self.staff(self.w_facility[i], "social", rng),
            )

    # ---------------------------------------------------------------- regime

    ACTIVITIES = (
        ("Literacy class", "education"),
        ("Vocational sewing", "work"),
        ("Kitchen work", "work"),
        ("Parenting programme", "programme"),
        ("Yoga", "exercise"),
        ("Family day", "family"),
    )

    activity_cols = [
        "id",
        "facility_id",
        "name",
        "kind",
        "description",
        "for_pregnant",
        "for_mothers",
        "capacity",
        "active",
        "created_at",
        "created_by_id",
    ]

    def activity_rows(self) -> Iterator[tuple]:
        """Each facility's activities (Rule 42): education, work, programmes, exercise."""
        rng = self.rng("activities")
        n = self.base(Activity)
        for f, fid in enumerate(self.facility_ids):
            for name, kind in self.ACTIVITIES:
                yield (
                    n,
                    fid,
                    name,
                    kind,
                    "Weekdays, morning and afternoon",
                    kind == "exercise",
                    kind in ("programme", "family"),
                    rng.randint(20, 60),
                    True,
                    self.now - timedelta(days=rng.randint(400, 2000)),
                    self.staff(f, "governor", rng),
                )
                n += 1

    def allocations(self) -> Iterator[tuple[int, int, int]]:
        """(allocation index, woman, activity) for six in ten women held."""
        rng = self.rng("allocation-plan")
        k = 0
        per = len(self.ACTIVITIES)
        for i in self.held:
            if rng.random() < 0.6:
                yield k, i, self.base(Activity) + self.w_facility[i] * per + rng.randrange(per)
                k += 1

    allocation_cols = [
        "id",
        "prisoner_id",
        "facility_id",
        "activity_id",
        "started_on",
        "allocated_at",
        "allocated_by_id",
    ]

    def allocation_rows(self) -> Iterator[tuple]:
        rng = self.rng("allocations")
        first = self.base(Allocation)
        for k, i, activity in self.allocations():
            at = moment(min(self.w_admitted[i] + 7 * DAY, self.now.timestamp() - DAY))
            yield (
                first + k,
                self.woman_id(i),
                self.facility_ids[self.w_facility[i]],
                activity,
                at.date(),
                at,
                self.staff(self.w_facility[i], "custody", rng),
            )

    attendance_cols = [
        "id",
        "allocation_id",
        "facility_id",
        "day",
        "attended",
        "absence",
        "recorded_at",
        "recorded_by_id",
    ]

    def attendance_rows(self) -> Iterator[tuple]:
        """Yesterday's register of each activity place begun before it."""
        rng = self.rng("attendance")
        first = self.base(Allocation)
        n = self.base(Attendance)
        yesterday = self.today - timedelta(days=1)
        for k, i, _activity in self.allocations():
            if self.w_admitted[i] + 7 * DAY > self.now.timestamp() - DAY:
                continue
            attended = rng.random() < 0.85
            yield (
                n,
                first + k,
                self.facility_ids[self.w_facility[i]],
                yesterday,
                attended,
                "" if attended else rng.choice(("her_choice", "sick", "other")),
                self.now - timedelta(hours=rng.randint(14, 20)),
                self.staff(self.w_facility[i], "custody", rng),
            )
            n += 1

    timeout_cols = [
        "id",
        "prisoner_id",
        "facility_id",
        "day",
        "minutes",
        "recorded_at",
        "recorded_by_id",
    ]

    def timeout_rows(self) -> Iterator[tuple]:
        """Her hours out of her cell on each of the last two days (Rule 42)."""
        rng = self.rng("time-out")
        n = self.base(TimeOutOfCell)
        days = [self.today - timedelta(days=d) for d in (2, 1)]
        for i in self.held:
            admitted = moment(self.w_admitted[i]).date()
            officer = self.staff(self.w_facility[i], "custody", rng)
            for day in days:
                if day <= admitted:
                    continue
                yield (
                    n,
                    self.woman_id(i),
                    self.facility_ids[self.w_facility[i]],
                    day,
                    rng.randint(240, 660),
                    self.now - timedelta(hours=rng.randint(10, 30)),
                    officer,
                )
                n += 1

    # ---------------------------------------------------------------- parole and release

    eligibility_cols = [
        "id",
        "prisoner_id",
        "facility_id",
        "eligible",
        "reasons",
        "next_review_on",
        "reviewed_at",
        "reviewed_by_id",
    ]

    def eligibility_rows(self) -> Iterator[tuple]:
        """Early release considered for sentenced women (Rule 63)."""
        rng = self.rng("eligibility")
        first = self.base(EligibilityReview)
        self.eligible: list[int] = []
        n = 0
        for i in self.sentenced:
            if rng.random() >= 0.5:
                continue
            eligible = rng.random() < 0.5
            if eligible:
                self.eligible.append(i)
            yield (
                first + n,
                self.woman_id(i),
                self.facility_ids[self.w_facility[i]],
                eligible,
                "Half her sentence served; a home to go to" if eligible else "Too early",
                self.today + timedelta(days=rng.randint(30, 180)),
                self.during(rng, i, 0.5, 0.9),
                self.staff(self.w_facility[i], "social", rng),
            )
            n += 1

    parole_cols = [
        "id",
        "prisoner_id",
        "facility_id",
        "eligibility_date",
        "caretaking",
        "reintegration",
        "recommendation",
        "status",
        "prepared_at",
        "submitted_at",
        "prepared_by_id",
        "submitted_by_id",
    ]

    def parole_rows(self) -> Iterator[tuple]:
        rng = self.rng("parole")
        first = self.base(ParoleReview)
        for n, i in enumerate(self.eligible[::2]):
            at = self.during(rng, i, 0.9, 0.95)
            submitted = rng.random() < 0.7
            social = self.staff(self.w_facility[i], "social", rng)
            yield (
                first + n,
                self.woman_id(i),
                self.facility_ids[self.w_facility[i]],
                self.today + timedelta(days=rng.randint(10, 120)),
                "She cares for two children with her mother",
                "Work promised at her sister's shop",
                "release_with_conditions",
                "submitted" if submitted else "draft",
                at,
                at + timedelta(days=2) if submitted else None,
                social,
                social if submitted else None,
            )

    leave_cols = [
        "id",
        "prisoner_id",
        "facility_id",
        "kind",
        "reason",
        "details",
        "destination",
        "starts_at",
        "returns_by",
        "her_request",
        "requested_at",
        "status",
        "decided_at",
        "decided_by_id",
        "refusal_ground",
        "decision_reasons",
        "conditions",
        "outcome",
        "returned_at",
        "outcome_at",
        "outcome_by_id",
        "requested_by_id",
    ]

    def leave_rows(self) -> Iterator[tuple]:
        """Home leave asked for her children or family (Rule 45): most granted and back on
        time, some refused with the ground, a few awaiting the decision."""
        rng = self.rng("leave")
        first = self.base(LeaveRequest)
        n = 0
        for i in self.sentenced:
            if rng.random() >= 0.05:
                continue
            f = self.w_facility[i]
            asked = self.during(rng, i, 0.5, 0.9)
            starts = asked + timedelta(days=10)
            r = rng.random()
            status = "granted" if r < 0.7 else "refused" if r < 0.9 else "requested"
            if status == "requested":
                asked = self.now - timedelta(days=2)
                starts = self.now + timedelta(days=8)
            returns = starts + timedelta(days=3)
            governor = self.staff(f, "governor", rng)
            back = status == "granted" and returns < self.now
            yield (
                first + n,
                self.woman_id(i),
                self.facility_ids[f],
                "home_leave",
                rng.choice(("children", "family", "sick_relative")),
                "To see her children",
                "Her mother's home",
                starts,
                returns,
                True,
                asked,
                status,
                None if status == "requested" else asked + timedelta(days=3),
                None if status == "requested" else governor,
                "not_verified" if status == "refused" else "",
                "The address could not be checked" if status == "refused" else "",
                "Report to the police station daily" if status == "granted" else "",
                "on_time" if back else "",
                returns - timedelta(hours=2) if back else None,
                returns if back else None,
                governor if back else None,
                self.staff(f, "social", rng),
            )
            n += 1

    release_cols = [
        "id",
        "prisoner_id",
        "facility_id",
        "admission_id",
        "earliest_release_on",
        "date_source",
        "date_recorded_at",
        "date_recorded_by_id",
        "started_at",
        "started_by_id",
        "created_at",
    ]

    def release_rows(self) -> Iterator[tuple]:
        """A release plan for each sentenced woman held (Rules 45-47)."""
        rng = self.rng("release")
        first = self.base(ReleasePlan)
        for n, i in enumerate(self.sentenced):
            f = self.w_facility[i]
            at = self.during(rng, i, 0.1, 0.3)
            social = self.staff(f, "social", rng)
            yield (
                first + n,
                self.woman_id(i),
                self.facility_ids[f],
                self.current_admission(i),
                self.today + timedelta(days=rng.randint(20, 900)),
                "The court's sentence calculation",
                at,
                social,
                at,
                social,
                at,
            )

    PARTS = ("accommodation", "income", "children", "safety", "referrals", "transition", "support")

    part_cols = [
        "id",
        "plan_id",
        "part",
        "status",
        "notes",
        "services",
        "updated_at",
        "updated_by_id",
    ]

    def part_rows(self) -> Iterator[tuple]:
        rng = self.rng("release-parts")
        n = self.base(PlanPart)
        plan = self.base(ReleasePlan)
        for k, i in enumerate(self.sentenced):
            social = self.staff(self.w_facility[i], "social", rng)
            for part in self.PARTS:
                r = rng.random()
                status = "to_do" if r < 0.4 else "in_progress" if r < 0.75 else "complete"
                if part in ("children", "safety") and r > 0.9:
                    status = "not_needed"
                yield (
                    n,
                    plan + k,
                    part,
                    status,
                    "" if status == "to_do" else "Arranged with the local office",
                    "" if status == "to_do" else "Women's shelter; job centre",
                    None if status == "to_do" else self.during(rng, i, 0.3, 0.95),
                    None if status == "to_do" else social,
                )
                n += 1

    copy_cols = [
        "id",
        "prisoner_id",
        "facility_id",
        "admission_id",
        "kind",
        "language",
        "outcome",
        "handed_at",
        "handed_by_id",
    ]

    def copy_rows(self) -> Iterator[tuple]:
        """The copy of her records handed to her on release (Rule 47)."""
        rng = self.rng("records-copies")
        n = self.base(RecordsCopy)
        for i in range(self.scale.women):
            released = self.w_released[i]
            if released is None or rng.random() >= 0.3:
                continue
            f = self.w_facility[i]
            yield (
                n,
                self.woman_id(i),
                self.facility_ids[f],
                self.current_admission(i),
                "general",
                "th",
                "signed",
                moment(released - HOUR),
                self.staff(f, "reception", rng),
            )
            n += 1

    # ---------------------------------------------------------------- pretrial

    adviser_cols = [
        "id",
        "prisoner_id",
        "facility_id",
        "name",
        "firm",
        "phone",
        "acting",
        "recorded_at",
        "recorded_by_id",
    ]

    def adviser_rows(self) -> Iterator[tuple]:
        """Her lawyer, for the women awaiting trial (Rule 56)."""
        rng = self.rng("advisers")
        first = self.base(LegalAdviser)
        family = self.pools[0][0].family
        n = 0
        for i in self.pretrial:
            if rng.random() >= 0.7:
                continue
            yield (
                first + n,
                self.woman_id(i),
                self.facility_ids[self.w_facility[i]],
                f"Advocate {rng.choice(family[:40])}",
                "Legal Aid Office",
                f"+66 2{rng.randint(1000000, 9999999)}",
                True,
                moment(self.w_admitted[i] + 5 * HOUR),
                self.staff(self.w_facility[i], "reception", rng),
            )
            n += 1

    screen_cols = [
        "id",
        "prisoner_id",
        "facility_id",
        "screened_at",
        "risks_found",
        "risks",
        "measures",
        "recorded_at",
        "recorded_by_id",
    ]

    def screen_rows(self) -> Iterator[tuple]:
        """The safety screen of each woman remanded (Rule 56): a few risks, with measures."""
        rng = self.rng("safety-screens")
        first = self.base(SafetyScreen)
        for n, i in enumerate(self.pretrial):
            at = moment(self.w_admitted[i] + 4 * HOUR)
            risks = rng.random() < 0.05
            yield (
                first + n,
                self.woman_id(i),
                self.facility_ids[self.w_facility[i]],
                at,
                risks,
                "Threatened by a co-accused" if risks else "",
                "Kept on a different wing from her" if risks else "",
                at,
                self.staff(self.w_facility[i], "custody", rng),
            )

    court_cols = [
        "id",
        "prisoner_id",
        "facility_id",
        "admission_id",
        "at",
        "court",
        "kind",
        "attendance",
        "reference",
        "escort_arranged",
        "escort",
        "entered_at",
        "entered_by_id",
        "result",
        "result_at",
        "result_by_id",
    ]

    def court_rows(self) -> Iterator[tuple]:
        """Her hearings: the past ones with their result, the next one booked."""
        rng = self.rng("court-hearings")
        n = self.base(CourtHearing)
        for i in self.pretrial:
            f = self.w_facility[i]
            officer = self.staff(f, "reception", rng)
            past = self.during(rng, i, 0.3, 0.7)
            future = self.now + timedelta(days=rng.randint(3, 60))
            for at in (past, future) if rng.random() < 0.5 else (future,):
                done = at < self.now
                yield (
                    n,
                    self.woman_id(i),
                    self.facility_ids[f],
                    self.current_admission(i),
                    at.replace(hour=2, minute=0, second=0),
                    "Provincial court",
                    "remand",
                    rng.choice(("in_person", "in_person", "video")),
                    f"CR-{n}",
                    True,
                    "Two women officers",
                    at - timedelta(days=14),
                    officer,
                    rng.choice(("remanded", "adjourned")) if done else "",
                    at.replace(hour=9, minute=0, second=0) if done else None,
                    officer if done else None,
                )
                n += 1

    # ---------------------------------------------------------------- inspections

    def inspection_visits(self) -> Iterator[tuple[int, int, bool]]:
        """(visit index, facility, done): each facility's last inspection, and the next one
        planned."""
        k = 0
        for f in range(self.scale.facilities):
            yield k, f, True
            yield k + 1, f, False
            k += 2

    ivisit_cols = [
        "id",
        "facility_id",
        "body",
        "body_kind",
        "announced",
        "planned_start",
        "planned_end",
        "purpose",
        "started_at",
        "ended_at",
        "figures",
        "figures_from",
        "figures_to",
        "recorded_at",
        "recorded_by_id",
    ]

    def ivisit_rows(self) -> Iterator[tuple]:
        """Visits of the inspectorate (Rule 25.3, 46): one held last year, one planned."""
        rng = self.rng("inspection-visits")
        first = self.base(InspectionVisit)
        for k, f, done in self.inspection_visits():
            start = self.today + timedelta(
                days=-rng.randint(60, 360) if done else rng.randint(20, 200)
            )
            began = datetime.combine(start, datetime.min.time(), UTC) + timedelta(hours=9)
            yield (
                first + k,
                self.facility_ids[f],
                "National Preventive Mechanism",
                "npm",
                rng.random() < 0.7,
                start,
                start + timedelta(days=2),
                "A full inspection against the Bangkok Rules",
                began if done else None,
                began + timedelta(days=2) if done else None,
                {"women": len(self.held_in.get(f, ()))} if done else None,
                start - timedelta(days=365) if done else None,
                start if done else None,
                began - timedelta(days=30),
                self.inspector,
            )

    member_cols = ["id", "visit_id", "name", "role", "woman", "added_at", "added_by_id"]

    def member_rows(self) -> Iterator[tuple]:
        rng = self.rng("inspection-members")
        n = self.base(Member)
        first = self.base(InspectionVisit)
        pool = self.pools[0][0]
        for k, _f, done in self.inspection_visits():
            if not done:
                continue
            for role in ("Lead inspector", "Health inspector", "Doctor"):
                yield (
                    n,
                    first + k,
                    f"{rng.choice(pool.given)} {pool.surname(rng)}",
                    role,
                    role != "Doctor" or rng.random() < 0.7,
                    self.now - timedelta(days=400),
                    self.inspector,
                )
                n += 1

    FINDINGS = (
        ("health", "10", "Women waited weeks for a gynaecology appointment"),
        ("children", "51", "The mother and baby unit has no outdoor play area"),
        ("contact", "26", "Visits are cut short when the hall is full"),
    )

    finding_cols = [
        "id",
        "visit_id",
        "area",
        "rule",
        "found",
        "evidence",
        "recorded_at",
        "recorded_by_id",
    ]

    def finding_rows(self) -> Iterator[tuple]:
        n = self.base(Finding)
        first = self.base(InspectionVisit)
        self.findings: list[tuple[int, int, int]] = []  # (finding id, visit id, facility)
        for k, f, done in self.inspection_visits():
            if not done:
                continue
            for area, rule, found in self.FINDINGS:
                self.findings.append((n, first + k, f))
                yield (
                    n,
                    first + k,
                    area,
                    rule,
                    found,
                    "Interviews and records",
                    self.now - timedelta(days=50),
                    self.inspector,
                )
                n += 1

    recommendation_cols = [
        "id",
        "visit_id",
        "finding_id",
        "facility_id",
        "text",
        "rule",
        "priority",
        "owner_role",
        "owner_id",
        "deadline",
        "status",
        "closed_at",
        "recorded_at",
        "recorded_by_id",
    ]

    def recommendation_rows(self) -> Iterator[tuple]:
        """A recommendation for each finding, owned by the governor: most accepted and under
        way or done, a few not accepted."""
        rng = self.rng("recommendations")
        first = self.base(Recommendation)
        self.recommendations: list[tuple[int, str]] = []
        for n, (finding, visit, f) in enumerate(self.findings):
            r = rng.random()
            status = (
                "open"
                if r < 0.2
                else "accepted"
                if r < 0.4
                else "in_progress"
                if r < 0.7
                else "done"
                if r < 0.95
                else "not_accepted"
            )
            self.recommendations.append((first + n, status))
            yield (
                first + n,
                visit,
                finding,
                self.facility_ids[f],
                "Set a standard and report against it monthly",
                self.FINDINGS[n % 3][1],
                rng.choice(("high", "medium", "low")),
                "governor",
                self.staff(f, "governor", rng),
                self.today + timedelta(days=rng.randint(-30, 180)),
                status,
                self.now - timedelta(days=10) if status == "done" else None,
                self.now - timedelta(days=50),
                self.inspector,
            )

    followup_cols = [
        "id",
        "recommendation_id",
        "status",
        "reason",
        "evidence",
        "recorded_at",
        "recorded_by_id",
    ]

    def followup_rows(self) -> Iterator[tuple]:
        n = self.base(FollowUp)
        for recommendation, status in self.recommendations:
            if status == "open":
                continue
            yield (
                n,
                recommendation,
                status,
                "No money for it this year" if status == "not_accepted" else "",
                "The governor's monthly report",
                self.now - timedelta(days=10),
                self.inspector,
            )
            n += 1

    # ---------------------------------------------------------------- equality

    consent_cols = ["id", "prisoner_id", "facility_id", "given_at", "given_to_id"]

    def consents(self) -> Iterator[tuple[int, int]]:
        rng = self.rng("consent-plan")
        k = 0
        for i in self.held:
            if rng.random() < 0.5:
                yield k, i
                k += 1

    def consent_rows(self) -> Iterator[tuple]:
        """Her consent to record her characteristics (Rule 2, 54): half the women held."""
        rng = self.rng("consents")
        first = self.base(Consent)
        for k, i in self.consents():
            yield (
                first + k,
                self.woman_id(i),
                self.facility_ids[self.w_facility[i]],
                moment(self.w_admitted[i] + 5 * HOUR),
                self.staff(self.w_facility[i], "social", rng),
            )

    characteristics_cols = [
        "id",
        "prisoner_id",
        "facility_id",
        "consent_id",
        "ethnicity",
        "ethnicity_key",
        "religion",
        "disability",
        "sexual_orientation",
        "gender_identity",
        "recorded_at",
        "recorded_by_id",
    ]

    def characteristics_rows(self) -> Iterator[tuple]:
        rng = self.rng("characteristics")
        first, consent = self.base(Characteristics), self.base(Consent)
        for k, i in self.consents():
            ethnicity = "Thai" if not self.w_foreign[i] else "Other"
            yield (
                first + k,
                self.woman_id(i),
                self.facility_ids[self.w_facility[i]],
                consent + k,
                ethnicity,
                ethnicity.lower(),
                rng.choice(("buddhist", "buddhist", "buddhist", "muslim", "christian", "none")),
                rng.choice(("no", "no", "no", "yes", "prefer_not")),
                "",
                "",
                moment(self.w_admitted[i] + 5 * HOUR),
                self.staff(self.w_facility[i], "social", rng),
            )

    representative_cols = [
        "id",
        "facility_id",
        "name",
        "faith",
        "services",
        "in_post",
        "added_at",
        "added_by_id",
    ]

    def representative_rows(self) -> Iterator[tuple]:
        rng = self.rng("representatives")
        n = self.base(Representative)
        for f, fid in enumerate(self.facility_ids):
            for name, faith in (("Phra Somsak", "buddhist"), ("Imam Ahmad", "muslim")):
                yield (
                    n,
                    fid,
                    name,
                    faith,
                    "Weekly visits and counselling",
                    True,
                    self.now - timedelta(days=rng.randint(100, 2000)),
                    self.staff(f, "governor", rng),
                )
                n += 1

    faith_cols = [
        "id",
        "prisoner_id",
        "facility_id",
        "kind",
        "detail",
        "provision",
        "recorded_at",
        "recorded_by_id",
    ]

    def faith_rows(self) -> Iterator[tuple]:
        rng = self.rng("faith-needs")
        first = self.base(FaithNeed)
        chosen = [i for i in self.held if rng.random() < 0.02]
        for n, i in enumerate(chosen):
            yield (
                first + n,
                self.woman_id(i),
                self.facility_ids[self.w_facility[i]],
                rng.choice(("diet", "worship", "observance")),
                "Halal meals; prayer times",
                "Arranged with the kitchen",
                self.during(rng, i, 0.05, 0.2),
                self.staff(self.w_facility[i], "social", rng),
            )

    # ---------------------------------------------------------------- girls

    guardian_cols = [
        "id",
        "prisoner_id",
        "facility_id",
        "event",
        "reached",
        "guardian",
        "relationship",
        "how",
        "told_at",
        "note",
        "recorded_at",
        "recorded_by_id",
    ]

    def guardian_rows(self) -> Iterator[tuple]:
        """Her parent or guardian told of a girl's admission (Rule 36)."""
        rng = self.rng("guardians")
        n = self.base(GuardianNotice)
        given = self.pools[0][0].given
        for i in self.held:
            if self.w_kind[i] != 1:
                continue
            at = moment(self.w_admitted[i] + 2 * HOUR)
            yield (
                n,
                self.woman_id(i),
                self.facility_ids[self.w_facility[i]],
                "admission",
                True,
                f"{rng.choice(given)} {self.w_family[i]}",
                "Mother",
                "phone",
                at,
                "",
                at,
                self.staff(self.w_facility[i], "social", rng),
            )
            n += 1

    # ---------------------------------------------------------------- hygiene

    HYGIENE = (
        ("Sanitary pads", "sanitary", "0"),
        ("Tampons", "sanitary", "0"),
        ("Soap", "personal_care", "10.00"),
        ("Shampoo", "personal_care", "25.00"),
        ("Nappies", "baby", "0"),
    )

    hygiene_item_cols = [
        "id",
        "facility_id",
        "name",
        "category",
        "price",
        "low_stock",
        "in_use",
        "created_at",
    ]

    def hygiene_item_rows(self) -> Iterator[tuple]:
        """Each facility's items for women's hygiene (Rule 5), sanitary items free."""
        n = self.base(Item)
        for fid in self.facility_ids:
            for name, category, price in self.HYGIENE:
                yield (
                    n,
                    fid,
                    name,
                    category,
                    Decimal(price),
                    50,
                    True,
                    self.now - timedelta(days=900),
                )
                n += 1

    issue_cols = [
        "id",
        "prisoner_id",
        "facility_id",
        "item_id",
        "quantity",
        "price",
        "issued_at",
        "issued_by_id",
    ]

    def issue_rows(self) -> Iterator[tuple]:
        rng = self.rng("hygiene-issues")
        n = self.base(Issue)
        per = len(self.HYGIENE)
        for i in self.held:
            f = self.w_facility[i]
            for item in (0, 2):
                yield (
                    n,
                    self.woman_id(i),
                    self.facility_ids[f],
                    self.base(Item) + f * per + item,
                    rng.randint(1, 3) if item else rng.randint(10, 20),
                    Decimal(self.HYGIENE[item][2]),
                    self.during(rng, i, 0.5, 1.0),
                    self.staff(f, "custody", rng),
                )
                n += 1

    stock_cols = ["id", "facility_id", "item_id", "counted", "checked_at", "note", "checked_by_id"]

    def stock_rows(self) -> Iterator[tuple]:
        rng = self.rng("stock")
        n = self.base(StockCheck)
        for f, fid in enumerate(self.facility_ids):
            for item in range(len(self.HYGIENE)):
                for week in range(4):
                    yield (
                        n,
                        fid,
                        self.base(Item) + f * len(self.HYGIENE) + item,
                        rng.randint(40, 400),
                        self.now - timedelta(days=7 * week + 1),
                        "",
                        self.staff(f, "custody", rng),
                    )
                    n += 1

    entitlement_cols = ["id", "prisoner_id", "basis", "extra", "granted_at", "granted_by_id"]

    def entitlement_rows(self) -> Iterator[tuple]:
        """More water and items for pregnant and breastfeeding women (Rule 5)."""
        rng = self.rng("entitlements")
        n = self.base(Entitlement)
        for i in self.held:
            if self.w_kind[i] not in (2, 3):
                continue
            yield (
                n,
                self.woman_id(i),
                "pregnant" if self.w_kind[i] == 3 else "breastfeeding",
                "Extra water and pads",
                moment(self.w_admitted[i] + 4 * HOUR),
                self.staff(self.w_facility[i], "health", rng),
            )
            n += 1

    # Break-glass (Rule 8): a few emergency reads of a woman's clinical file by custody or the
    # governor, most reviewed by health staff within days, some not yet, a few not justified.
    GLASS_REASONS = ("unwell", "self_harm", "hospital", "other")

    @property
    def glass(self) -> list[tuple[int, datetime]]:
        """(woman, when) of each break-glass read, made once from the seed."""
        if not hasattr(self, "_glass"):
            rng = self.rng("break-glass-plan")
            self._glass = [(i, self.during(rng, i)) for i in self.held if rng.random() < 0.003]
        return self._glass

    glass_cols = [
        "id",
        "prisoner_id",
        "facility_id",
        "reason",
        "detail",
        "opened_by_id",
        "opened_at",
        "until",
    ]

    def glass_rows(self) -> Iterator[tuple]:
        rng = self.rng("break-glass")
        n = self.base(BreakGlass)
        for i, at in self.glass:
            f = self.w_facility[i]
            yield (
                n,
                self.woman_id(i),
                self.facility_ids[f],
                rng.choice(self.GLASS_REASONS),
                "Found unresponsive in her cell; no health staff on the wing",
                self.staff(f, rng.choice(("custody", "governor")), rng),
                at,
                at + timedelta(hours=1),
            )
            n += 1

    glass_review_cols = ["id", "access_id", "finding", "note", "reviewed_by_id", "reviewed_at"]

    def glass_review_rows(self) -> Iterator[tuple]:
        rng = self.rng("break-glass-reviews")
        n = self.base(BreakGlassReview)
        for k, (i, opened) in enumerate(self.glass):
            at = opened + timedelta(hours=rng.randint(2, 72))
            if rng.random() < 0.1 or at > self.now:
                continue  # not reviewed yet
            justified = rng.random() < 0.9
            yield (
                n,
                self.base(BreakGlass) + k,
                "justified" if justified else "not_justified",
                "" if justified else "Health staff were on the wing and could have been asked",
                self.staff(self.w_facility[i], "health", rng),
                at,
            )
            n += 1

    water_cols = [
        "id",
        "facility_id",
        "started_at",
        "ended_at",
        "cause",
        "provision",
        "recorded_at",
        "recorded_by_id",
        "ended_by_id",
    ]

    def water_rows(self) -> Iterator[tuple]:
        rng = self.rng("water")
        n = self.base(WaterInterruption)
        for f, fid in enumerate(self.facility_ids):
            at = self.now - timedelta(days=rng.randint(5, 300))
            officer = self.staff(f, "custody", rng)
            yield (
                n,
                fid,
                at,
                at + timedelta(hours=rng.randint(2, 10)),
                "A burst main",
                "Bottled water to every cell",
                at,
                officer,
                officer,
            )
            n += 1

    # ---------------------------------------------------------------- discipline

    charge_cols = [
        "id",
        "prisoner_id",
        "facility_id",
        "offence",
        "occurred_at",
        "informed_at",
        "language",
        "interpreter",
        "laid_at",
        "status",
        "laid_by_id",
    ]

    def charge_rows(self) -> Iterator[tuple]:
        """Disciplinary charges (Rule 23): most proved at a hearing, some dismissed, a few
        laid in the last days and not yet heard."""
        rng = self.rng("charges")
        first = self.base(Charge)
        for n, i, at, status in self.charges:
            f = self.w_facility[i]
            yield (
                first + n,
                self.woman_id(i),
                self.facility_ids[f],
                rng.choice(("Fighting", "Disobeying an order", "Possessing a phone")),
                at,
                at + timedelta(hours=3),
                "Thai",
                bool(self.w_foreign[i]) and rng.random() < 0.5,
                at + timedelta(hours=2),
                status,
                self.staff(f, "custody", rng),
            )

    dhearing_cols = [
        "id",
        "charge_id",
        "held_at",
        "informed_promptly",
        "interpreter",
        "legal_assistance",
        "time_to_prepare",
        "safeguards_note",
        "evidence",
        "mental_health",
        "proved",
        "reasons",
        "held_by_id",
    ]

    def dhearing_rows(self) -> Iterator[tuple]:
        rng = self.rng("discipline-hearings")
        n = self.base(Hearing)
        charge = self.base(Charge)
        for k, i, at, status in self.charges:
            if status == "laid":
                continue
            yield (
                n,
                charge + k,
                at + timedelta(days=2),
                True,
                bool(self.w_foreign[i]),
                rng.random() < 0.3,
                True,
                "",
                "The officer's report and her account",
                "none_known",
                status == "proved",
                "Proved on the officer's evidence" if status == "proved" else "Not proved",
                self.staff(self.w_facility[i], "governor", rng),
            )
            n += 1

    sanction_cols = [
        "id",
        "charge_id",
        "prisoner_id",
        "facility_id",
        "type",
        "privilege",
        "starts_on",
        "ends_on",
        "imposed_at",
        "imposed_by_id",
        "authority",
        "authorised_by_id",
        "authority_decided_at",
    ]

    def sanction_rows(self) -> Iterator[tuple]:
        """The sanction of each charge proved: never a ban on family contact (Rule 23)."""
        rng = self.rng("sanctions")
        n = self.base(Sanction)
        charge = self.base(Charge)
        for k, i, at, status in self.charges:
            if status != "proved":
                continue
            f = self.w_facility[i]
            kind = rng.choice(("caution", "loss_of_privileges", "extra_duties", "loss_of_earnings"))
            imposed = at + timedelta(days=2, hours=1)
            governor = self.staff(f, "governor", rng)
            yield (
                n,
                charge + k,
                self.woman_id(i),
                self.facility_ids[f],
                kind,
                rng.choice(("recreation", "purchases")) if kind == "loss_of_privileges" else "",
                imposed.date(),
                imposed.date() + timedelta(days=0 if kind == "caution" else 14),
                imposed,
                governor,
                "confirmed",
                governor,
                imposed,
            )
            n += 1

    # ---------------------------------------------------------------- force

    def forces(self) -> Iterator[tuple[int, int, datetime]]:
        """(force index, woman, started) as `force_rows` made them."""
        for row in self.force_rows():
            yield row[0] - self.base(UseOfForce), row[1] - self.woman_first, row[8]

    force_check_cols = [
        "id",
        "force_id",
        "seen_at",
        "examined",
        "findings",
        "treatment",
        "recorded_at",
        "seen_by_id",
    ]

    def force_check_rows(self) -> Iterator[tuple]:
        """Her health check after each use of force (Rule 24)."""
        rng = self.rng("force-checks")
        first = self.base(ForceHealthCheck)
        for k, i, at in self.forces():
            yield (
                first + k,
                self.base(UseOfForce) + k,
                at + timedelta(hours=1),
                True,
                "Redness on her wrists",
                "",
                at + timedelta(hours=1, minutes=20),
                self.staff(self.w_facility[i], "health", rng),
            )

    force_review_cols = [
        "id",
        "force_id",
        "reviewed_at",
        "outcome",
        "findings",
        "lessons",
        "referred_to",
        "reviewed_by_id",
    ]

    def force_review_rows(self) -> Iterator[tuple]:
        rng = self.rng("force-reviews")
        n = self.base(ForceReview)
        for k, i, at in self.forces():
            if at + timedelta(days=3) > self.now:
                continue
            r = rng.random()
            outcome = "justified" if r < 0.9 else "not_justified" if r < 0.97 else "referred"
            yield (
                n,
                self.base(UseOfForce) + k,
                at + timedelta(days=2),
                outcome,
                "The footage and the accounts agree",
                "Talk longer before holding her",
                "The police" if outcome == "referred" else "",
                self.staff(self.w_facility[i], "governor", rng),
            )
            n += 1

    def force_staff_rows(self) -> Iterator[tuple]:
        n = self.base(UseOfForce.staff_involved.through)
        for k, i, _at in self.forces():
            for officer in self.staff_of[(self.w_facility[i], "custody")]:
                yield (n, self.base(UseOfForce) + k, officer)
                n += 1

    # ---------------------------------------------------------------- complaints

    protection_cols = ["id", "complaint_id", "measures", "support_offered", "made_at", "made_by_id"]

    def protection_rows(self) -> Iterator[tuple]:
        """Her protection from retaliation after each report of abuse (Rule 25)."""
        rng = self.rng("protection-plans")
        n = self.base(ProtectionPlan)
        first = self.base(Complaint)
        for k, i, at, abuse, _state in self.complaint_plan():
            if not abuse:
                continue
            yield (
                n,
                first + k,
                ["no_contact", "supervision"],
                True,
                at + timedelta(hours=20),
                self.staff(self.w_facility[i], "safeguarding", rng),
            )
            n += 1

    # ---------------------------------------------------------------- register

    interests_cols = [
        "id",
        "child_id",
        "mother_id",
        "kind",
        "decided_on",
        "participants",
        "her_views",
        "child_needs",
        "outcome",
        "reasons",
        "next_review_on",
        "recorded_at",
        "decided_by_id",
    ]

    def interests_rows(self) -> Iterator[tuple]:
        """The decision, in the child's best interests, that her child stays with her
        (Rules 49, 52)."""
        rng = self.rng("best-interests")
        n = self.base(BestInterestsDecision)
        for child, i in self.children_with_her:
            at = moment(self.w_admitted[i] + DAY)
            yield (
                n,
                child,
                self.woman_id(i),
                "admission",
                at.date(),
                "Her, the social worker, the paediatric nurse",
                "She wants her baby with her",
                "Breastfed; well",
                "with_her",
                "Too young to be apart from her",
                self.today + timedelta(days=rng.randint(1, 180)),
                at,
                self.staff(self.w_facility[i], "social", rng),
            )
            n += 1

    # ---------------------------------------------------------------- visits

    visitor_cols = [
        "id",
        "prisoner_id",
        "name",
        "relationship",
        "adult",
        "contact_details",
        "status",
        "added_at",
        "consulted_at",
        "consultation_language",
        "answer",
        "added_by_id",
        "consulted_by_id",
    ]

    def visitor_rows(self) -> Iterator[tuple]:
        """The visitor each woman held agreed to see (Rule 26)."""
        rng = self.rng("visitors")
        first = self.base(Visitor)
        given = self.pools[0][0].given
        for n, i in enumerate(self.held):
            at = moment(self.w_admitted[i] + 6 * HOUR)
            f = self.w_facility[i]
            yield (
                first + n,
                self.woman_id(i),
                f"{rng.choice(given)} {self.w_family[i]}",
                rng.choice(("parent", "sibling", "partner", "relative")),
                True,
                f"+66 8{rng.randint(10000000, 99999999)}",
                "approved",
                at,
                at,
                "Thai",
                "agrees",
                self.staff(f, "custody", rng),
                self.staff(f, "social", rng),
            )

    contact_cols = [
        "id",
        "prisoner_id",
        "visitor_id",
        "kind",
        "at",
        "support",
        "recorded_at",
        "recorded_by_id",
    ]

    def contact_rows(self) -> Iterator[tuple]:
        """Calls and letters with her visitor, and help with a family's travel."""
        rng = self.rng("contacts")
        n = self.base(Contact)
        first = self.base(Visitor)
        for k, i in enumerate(self.held):
            if rng.random() >= 0.5:
                continue
            kind = rng.choice(("phone_call", "video_call", "letter", "travel_support"))
            at = self.during(rng, i, 0.2, 1.0)
            yield (
                n,
                self.woman_id(i),
                first + k,
                kind,
                at,
                "Bus fare for her mother" if kind == "travel_support" else "",
                at,
                self.staff(self.w_facility[i], "social", rng),
            )
            n += 1

    # ---------------------------------------------------------------- staff

    access_cols = [
        "id",
        "subject_id",
        "kind",
        "course",
        "completed",
        "expires",
        "provider",
        "requested_at",
        "requested_by_id",
        "status",
        "decided_at",
        "decided_by_id",
    ]

    def access_rows(self) -> Iterator[tuple]:
        """A training course each facility's governor asked to be recorded for an officer,
        confirmed by the inspector (Rule 33)."""
        n = self.base(AccessChange)
        for f in range(self.scale.facilities):
            asked = self.now - timedelta(days=20)
            yield (
                n,
                self.staff_of[(f, "custody")][0],
                "training",
                "search_methods",
                (asked - timedelta(days=5)).date(),
                (asked + timedelta(days=725)).date(),
                "Staff college",
                asked,
                self.staff_of[(f, "governor")][0],
                "confirmed",
                asked + timedelta(days=1),
                self.inspector,
            )
            n += 1

    # ---------------------------------------------------------------- what follows a record

    def closure_rows(self) -> Iterator[tuple]:
        """The check a week after a case closed (Rule 16), once the week has passed."""
        rng = self.rng("selfharm-checks")
        n = self.base(ClosureCheck)
        case = self.base(Case)
        for k, closed in enumerate(self.case_closed):
            if closed is None or closed + timedelta(days=7) > self.now:
                continue
            i = self.selfharm_women[k]
            yield (
                n,
                case + k,
                closed + timedelta(days=7),
                "well",
                "She is settled",
                self.staff(self.w_facility[i], "health", rng),
            )
            n += 1

    def clinical_rows(self) -> Iterator[tuple]:
        """The health staff's account of each self-harm incident."""
        rng = self.rng("selfharm-clinical")
        n = self.base(IncidentClinical)
        incident = self.base(SelfHarmIncident)
        for k in range(0, len(self.selfharm_women), 3):
            i, opened, _open = self.selfharm_case(k)
            yield (
                n,
                incident + k // 3,
                "Cut to the forearm",
                "Superficial",
                "Cleaned and dressed",
                opened,
                self.staff(self.w_facility[i], "health", rng),
            )
            n += 1

    def participant_rows(self) -> Iterator[tuple]:
        """Who took part in each case review: the health staff and the social worker."""
        n = self.base(Review.participants.through)
        review = self.base(Review)
        for k, i in enumerate(self.selfharm_women):
            f = self.w_facility[i]
            for user in (self.staff_of[(f, "health")][0], self.staff_of[(f, "social")][0]):
                yield (n, review + k, user)
                n += 1

    def injuries_rows(self) -> Iterator[tuple]:
        """The injuries of the incidents in which someone was hurt."""
        rng = self.rng("injuries")
        n = self.base(Injuries)
        first = self.base(Incident)
        for k in self.injured:
            _k, f, _victim, _perpetrator, at = self.incidents[k]
            yield (
                n,
                first + k,
                "Bruised arm",
                "Seen by the nurse",
                moment(at) + timedelta(hours=2),
                self.staff(f, "health", rng),
            )
            n += 1

    def plan_review_rows(self) -> Iterator[tuple]:
        """The first review of each safety plan, once it has come: half close it."""
        n = self.base(PlanReview)
        plan = self.base(Plan)
        for k, f, _victim, _perpetrator, at in self.incidents:
            held = moment(at) + timedelta(days=29, hours=1)
            if held > self.now:
                continue
            closes = k % 2 == 0
            yield (
                n,
                plan + k,
                held,
                "She feels safe now",
                "",
                None if closes else held + timedelta(days=28),
                closes,
                self.staff_of[(f, "safeguarding")][0],
            )
            n += 1

    def care_review_rows(self) -> Iterator[tuple]:
        rng = self.rng("care-reviews")
        n = self.base(CareReview)
        need = self.base(CareNeed)
        for k, i in enumerate(self.needs):
            at = self.during(rng, i, 0.3, 0.9)
            yield (
                n,
                need + k,
                at,
                True,
                "The adjustments help",
                "",
                "",
                at + timedelta(days=90),
                self.staff(self.w_facility[i], "social", rng),
            )
            n += 1

    def sanction_review_rows(self) -> Iterator[tuple]:
        """Reviews of one sanction in ten, on her appeal (Rule 23): most upheld."""
        rng = self.rng("sanction-reviews")
        n = self.base(SanctionReview)
        sanction = self.base(Sanction)
        k = 0
        for _c, _i, at, status in self.charges:
            if status != "proved":
                continue
            if rng.random() < 0.1:
                yield (
                    n,
                    sanction + k,
                    at + timedelta(days=9),
                    "upheld",
                    "The sanction was in proportion",
                    self.inspector,
                )
                n += 1
            k += 1

    def restraint_review_rows(self) -> Iterator[tuple]:
        """The check, while she was restrained, that it was still needed."""
        n = self.base(RestraintReview)
        for row in self.restraint_rows():
            applied, removed = row[11], row[12]
            if removed - applied >= timedelta(minutes=60):
                yield (
                    n,
                    row[0],
                    applied + timedelta(minutes=30),
                    True,
                    "Still on the road",
                    row[13],
                )
                n += 1

    def action_plan_rows(self) -> Iterator[tuple]:
        """The governor's action plan for each recommendation accepted."""
        n = self.base(ActionPlan)
        for recommendation, status in self.recommendations:
            if status in ("open", "not_accepted"):
                continue
            yield (
                n,
                recommendation,
                "A monthly report on the waiting times",
                "The governor",
                self.today + timedelta(days=90),
                self.now - timedelta(days=40),
                self.inspector,
            )
            n += 1

    def sample_rows(self) -> Iterator[tuple]:
        """The women the inspectors drew at random to follow through their records."""
        n = self.base(Sample)
        first = self.base(InspectionVisit)
        for k, _f, done in self.inspection_visits():
            if done:
                yield (
                    n,
                    first + k,
                    self.seed + k,
                    {"rest": 5},
                    self.now - timedelta(days=60),
                    self.inspector,
                )
                n += 1

    def sampled_rows(self) -> Iterator[tuple]:
        rng = self.rng("sampled-women")
        n = self.base(SampledWoman)
        sample = self.base(Sample)
        for s, (_k, f, _done) in enumerate(v for v in self.inspection_visits() if v[2]):
            women = self.held_in.get(f, [])
            for i in rng.sample(women, min(5, len(women))):
                yield (n, sample + s, self.woman_id(i), "rest", "")
                n += 1

    def breastfeeding_rows(self) -> Iterator[tuple]:
        """Support to breastfeed for the mothers with their babies (Rule 48)."""
        rng = self.rng("breastfeeding")
        n = self.base(BreastfeedingRecord)
        for _pregnancy, i, _born in self.births:
            yield (
                n,
                self.woman_id(i),
                "breastfeeding",
                "A private room and extra meals",
                moment(self.w_admitted[i] + 4 * HOUR),
                self.staff(self.w_facility[i], "health", rng),
            )
            n += 1

    def child_screening_rows(self) -> Iterator[tuple]:
        """The health screening of each child living with her mother (Rule 9)."""
        rng = self.rng("child-screenings")
        n = self.base(ChildScreening)
        for child, i in self.children_with_her:
            yield (
                n,
                child,
                moment(self.w_admitted[i] + 5 * HOUR),
                True,
                "",
                "Healthy; vaccinations up to date",
                False,
                self.staff(self.w_facility[i], "health", rng),
            )
            n += 1

    def unit_application_rows(self) -> Iterator[tuple]:
        """Her application for a place with her baby in the mother and baby unit (Rule 49)."""
        n = self.base(UnitApplication)
        for child, i in self.children_with_her:
            asked = moment(self.w_admitted[i]).date()
            yield (
                n,
                child,
                self.woman_id(i),
                "her",
                asked,
                asked + timedelta(days=7),
                "granted",
                asked + timedelta(days=2),
                "In the child's best interests",
                moment(self.w_admitted[i] + 6 * HOUR),
                self.staff_of[(self.w_facility[i], "social")][0],
            )
            n += 1

    def noncustodial_rows(self) -> Iterator[tuple]:
        """Alternatives to her custody considered before trial (Rules 57, 58)."""
        rng = self.rng("non-custodial")
        n = self.base(NonCustodialReview)
        for i in self.pretrial:
            if rng.random() >= 0.3:
                continue
            yield (
                n,
                self.woman_id(i),
                self.facility_ids[self.w_facility[i]],
                "Bail with reporting; electronic monitoring",
                rng.choice(("put_forward", "already_before", "not_appropriate")),
                "She is the only carer of her children",
                "Her children live with her aunt",
                self.during(rng, i, 0.1, 0.3),
                self.staff(self.w_facility[i], "social", rng),
            )
            n += 1

    def home_transfer_rows(self) -> Iterator[tuple]:
        """Transfer home considered for sentenced foreign nationals (Rule 53): most not
        pursued, for want of an agreement or because she declines."""
        rng = self.rng("home-transfers")
        n = self.base(HomeTransfer)
        for i in self.sentenced:
            if not self.w_foreign[i]:
                continue
            yield (
                n,
                self.woman_id(i),
                self.facility_ids[self.w_facility[i]],
                "MM",
                "not_pursued",
                rng.choice(("no_agreement", "she_declines")),
                self.during(rng, i, 0.1, 0.5),
                self.staff(self.w_facility[i], "social", rng),
            )
            n += 1

    def faith_visit_rows(self) -> Iterator[tuple]:
        """Visits of a faith's representative she asked for (Rule 2.1)."""
        rng = self.rng("faith-visits")
        n = self.base(FaithVisit)
        for i in self.held:
            if rng.random() >= 0.03:
                continue
            f = self.w_facility[i]
            at = self.during(rng, i, 0.1, 0.9)
            yield (
                n,
                self.woman_id(i),
                self.facility_ids[f],
                "her",
                "buddhist",
                at,
                "arranged",
                self.base(Representative) + 2 * f,
                at + timedelta(days=3),
                self.staff(f, "social", rng),
                self.staff(f, "social", rng),
            )
            n += 1

    def distress_rows(self) -> Iterator[tuple]:
        """Moments of distress the staff noticed (Rule 41): bad news, court, her children."""
        rng = self.rng("distress")
        n = self.base(DistressEvent)
        for i in self.held:
            if rng.random() >= 0.05:
                continue
            at = self.during(rng, i, 0.1, 0.95)
            yield (
                n,
                self.woman_id(i),
                rng.choice(("court", "child_separation", "bad_news")),
                at,
                "Tearful after the call",
                at + timedelta(hours=1),
                self.staff(self.w_facility[i], "custody", rng),
            )
            n += 1

    def named_staff_rows(self) -> Iterator[tuple]:
        """The officers a complaint about treatment by staff names."""
        n = self.base(Complaint.named_staff.through)
        first = self.base(Complaint)
        for k, i, _at, _abuse, state in self.complaint_plan():
            if state < 0.1:
                yield (n, first + k, self.staff_of[(self.w_facility[i], "custody")][0])
                n += 1

    def follow_plan(self) -> list[Planned]:
        """The tables of what follows a record (checks, reviews, answers), after their own."""
        sh = len(self.selfharm_women)
        incidents = len(self.incidents)
        visits = self.scale.facilities
        return [
            (
                "self-harm checks",
                ClosureCheck,
                ["id", "case_id", "checked_at", "outcome", "notes", "checked_by_id"],
                self.closure_rows,
                sh,
            ),
            (
                "self-harm clinical",
                IncidentClinical,
                [
                    "id",
                    "incident_id",
                    "method",
                    "injuries",
                    "treatment",
                    "recorded_at",
                    "recorded_by_id",
                ],
                self.clinical_rows,
                sh // 3,
            ),
            (
                "self-harm reviewers",
                Review.participants.through,
                ["id", "review_id", "user_id"],
                self.participant_rows,
                2 * sh,
            ),
            (
                "injuries",
                Injuries,
                ["id", "incident_id", "injuries", "treatment", "recorded_at", "recorded_by_id"],
                self.injuries_rows,
                incidents // 5,
            ),
            (
                "safety plan reviews",
                PlanReview,
                [
                    "id",
                    "plan_id",
                    "held_at",
                    "her_views",
                    "notes",
                    "next_review_at",
                    "closes",
                    "held_by_id",
                ],
                self.plan_review_rows,
                incidents,
            ),
            (
                "care reviews",
                CareReview,
                [
                    "id",
                    "need_id",
                    "held_at",
                    "in_place",
                    "her_views",
                    "notes",
                    "adjustments",
                    "next_review_at",
                    "held_by_id",
                ],
                self.care_review_rows,
                len(self.held) // 100,
            ),
            (
                "sanction reviews",
                SanctionReview,
                ["id", "sanction_id", "reviewed_at", "outcome", "reasons", "reviewed_by_id"],
                self.sanction_review_rows,
                len(self.charges) // 20,
            ),
            (
                "restraint reviews",
                RestraintReview,
                ["id", "restraint_id", "reviewed_at", "still_needed", "note", "reviewed_by_id"],
                self.restraint_review_rows,
                self.count(self.scale.restraints) // 2,
            ),
            (
                "action plans",
                ActionPlan,
                [
                    "id",
                    "recommendation_id",
                    "action",
                    "owner",
                    "target_date",
                    "recorded_at",
                    "recorded_by_id",
                ],
                self.action_plan_rows,
                visits * 2,
            ),
            (
                "inspection samples",
                Sample,
                ["id", "visit_id", "seed", "strata", "drawn_at", "drawn_by_id"],
                self.sample_rows,
                visits,
            ),
            (
                "sampled women",
                SampledWoman,
                ["id", "sample_id", "prisoner_id", "stratum", "note"],
                self.sampled_rows,
                5 * visits,
            ),
            (
                "breastfeeding",
                BreastfeedingRecord,
                ["id", "prisoner_id", "status", "support", "recorded_at", "recorded_by_id"],
                self.breastfeeding_rows,
                len(self.held) // 30,
            ),
            (
                "child screenings",
                ChildScreening,
                [
                    "id",
                    "child_id",
                    "screened_at",
                    "by_child_specialist",
                    "no_specialist_reason",
                    "findings",
                    "needs_follow_up",
                    "screened_by_id",
                ],
                self.child_screening_rows,
                len(self.held) // 30,
            ),
            (
                "unit applications",
                UnitApplication,
                [
                    "id",
                    "child_id",
                    "mother_id",
                    "applicant",
                    "applied_on",
                    "decision_due_on",
                    "decision",
                    "decided_on",
                    "reasons",
                    "recorded_at",
                    "recorded_by_id",
                ],
                self.unit_application_rows,
                len(self.held) // 30,
            ),
            (
                "non-custodial reviews",
                NonCustodialReview,
                [
                    "id",
                    "prisoner_id",
                    "facility_id",
                    "options",
                    "outcome",
                    "reasons",
                    "care_of_children",
                    "reviewed_at",
                    "reviewed_by_id",
                ],
                self.noncustodial_rows,
                len(self.pretrial) * 3 // 10,
            ),
            (
                "home transfers",
                HomeTransfer,
                [
                    "id",
                    "prisoner_id",
                    "facility_id",
                    "country",
                    "status",
                    "not_pursued",
                    "recorded_at",
                    "recorded_by_id",
                ],
                self.home_transfer_rows,
                len(self.sentenced) // 3,
            ),
            (
                "faith visits",
                FaithVisit,
                [
                    "id",
                    "prisoner_id",
                    "facility_id",
                    "asked_by",
                    "faith",
                    "asked_at",
                    "status",
                    "representative_id",
                    "arranged_for",
                    "arranged_by_id",
                    "recorded_by_id",
                ],
                self.faith_visit_rows,
                len(self.held) * 3 // 100,
            ),
            (
                "distress",
                DistressEvent,
                [
                    "id",
                    "prisoner_id",
                    "kind",
                    "occurred_at",
                    "note",
                    "recorded_at",
                    "recorded_by_id",
                ],
                self.distress_rows,
                len(self.held) // 20,
            ),
            (
                "staff named",
                Complaint.named_staff.through,
                ["id", "complaint_id", "user_id"],
                self.named_staff_rows,
                self.count(self.scale.complaints) // 10,
            ),
        ]
