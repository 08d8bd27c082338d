"""Health on oversight: its indicators (RULES-SPEC 3: 2-7, 30-35, 43), in aggregate only.

Preventive screening up to date (30, 31) is counted among the women in custody on the last
day of each period whom the community policy in force (`PREVENTIVE_POLICY`) makes eligible
that day, as `services.preventive.due_screenings` reads it: her age then within one of its
bands (the bands for women living with HIV, where the policy has them, if a positive result
was received by then) and a screening she did not decline within the band's interval of it.

Each counts records of the clinical file without reading one: no woman's or child's record is
loaded, no finding, answer or result leaves the query, and a rate of fewer than k women is
hidden (`oversight.registry.figure`). The governor and the inspector see them as they see the
other areas' figures (`facilities.oversee_facility`), never the file itself (Rule 8)."""

import operator
from datetime import date, timedelta
from functools import reduce

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from admissions.models import Admission
from bangkok.dates import after_day, until_day
from oversight.registry import MONITOR, OVERSEE, Indicator, once_past, present, share
from register.models import Child

from .models import (
    Answer,
    Birth,
    BirthPlace,
    ChildCheck,
    ChildScreening,
    Consent,
    ContactStage,
    HivResult,
    HivTest,
    Item,
    MaternityContact,
    PreventiveScreening,
    Screening,
    ScreeningItem,
)
from .services.preventive import BREAST, CERVICAL, PROGRAMME_OF, _bands_for, current_policy


def _hours(name: str) -> timedelta:
    return timedelta(hours=getattr(settings, name))


def _admissions():
    """Admissions whose time to be screened has passed, or that were screened already."""
    due = _hours("HEALTH_SCREENING_DUE_HOURS")
    screened = Screening.objects.filter(admission=OuterRef("pk"), completed_at__isnull=False)
    return Admission.objects.filter(Q(admitted_at__lte=timezone.now() - due) | Exists(screened))


def _screening_due() -> timedelta:
    """How long after her admission the figures of it settle: once her screening is due, the
    admission counts whether or not she was screened (`_admissions`)."""
    return _hours("HEALTH_SCREENING_DUE_HOURS")


def _screened_in_time():
    due = _hours("HEALTH_SCREENING_DUE_HOURS")
    return Exists(
        Screening.objects.filter(
            admission=OuterRef("pk"), completed_at__lte=OuterRef("admitted_at") + due
        )
    )


def _suicide_screened():
    return Exists(
        ScreeningItem.objects.filter(
            screening__admission=OuterRef("pk"), item=Item.SUICIDE_SELF_HARM
        )
    )


def _children_with_her():
    """Children who came to live with their mother (and may since have left her)."""
    return Child.objects.filter(Q(lives_with_mother=True) | Q(separation__isnull=False))


def _child_screened_in_time():
    due = _hours("CHILD_SCREENING_DUE_HOURS")
    return Exists(
        ChildScreening.objects.filter(
            child=OuterRef("pk"), screened_at__lte=OuterRef("recorded_at") + due
        )
    )


def _checks_up_to_date(day) -> Q:
    """No development check of hers due by the day and not done by then (Rule 51.1)."""
    behind = ChildCheck.objects.filter(
        child=OuterRef("pk"), due_on__lte=day, cancelled_at__isnull=True
    ).filter(Q(done_at__isnull=True) | Q(**after_day("done_at", day)))
    return ~Q(Exists(behind))


def _offered(programme: str):
    """Preventive screenings offered here (not reported from before) in a programme (a
    function giving the Q)."""
    kinds = [kind for kind, of in PROGRAMME_OF.items() if of == programme]
    return lambda: Q(kind__in=kinds, reported=False)


def _years_before(day: date, years: int) -> date:
    """The same day `years` years earlier (28 February for 29 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def _living_with_hiv(day) -> Q:
    """A positive HIV result received by the day (counted, never read: RULES-SPEC 2.8).

    Asked as her being among the women of those results, which PostgreSQL reads once and
    hashes: asked as a test of hers that exists, it looked up her tests again for every row
    and every period (a dozen lookups on each of 25,000-46,000 rows in the national year's base
    of women present: 0.77 s for that base's statement, 0.69 s this way)."""
    positive = HivTest.objects.filter(result=HivResult.POSITIVE, **until_day("result_at", day))
    return Q(prisoner__in=positive.values("prisoner"))


def _bands(programme: str) -> list[tuple[bool | None, list]]:
    """The policy's bands of a programme for the women living with HIV and for the others,
    or for every woman alike (None) where the policy doesn't tell them apart."""
    policy = current_policy()
    living, others = _bands_for(policy, programme, True), _bands_for(policy, programme, False)
    if living == others:
        return [(None, living)]
    return [(True, living), (False, others)]


def _aged(band, day) -> Q:
    """Her age on the day from the band's first to its last year of age."""
    return Q(
        prisoner__date_of_birth__lte=_years_before(day, band.min_age),
        prisoner__date_of_birth__gt=_years_before(day, band.max_age + 1),
    )


def _screened_within(band, day) -> Q:
    """A screening of the band's she took (not declined), by the day and within the
    interval of its kind."""
    recent = Q()
    for kind, years in band.intervals.items():
        recent |= Q(kind=kind, done_on__gte=_years_before(day, years))
    taken = PreventiveScreening.objects.filter(
        recent, prisoner=OuterRef("prisoner"), declined=False, done_on__lte=day
    )
    return Q(Exists(taken))


def _eligible(programme: str, *, up_to_date: bool = False):
    """(day) -> a Q of her admission: eligible that day for the programme (and, if
    `up_to_date`, screened within its interval)."""

    def on(day) -> Q:
        cases = []
        for living, bands in _bands(programme):
            group = Q() if living is None else _living_with_hiv(day)
            group = group if living in (None, True) else ~group
            for band in bands:
                case = _aged(band, day) & (_screened_within(band, day) if up_to_date else Q())
                cases.append(group & case)
        return reduce(operator.or_, cases) if cases else Q(pk__in=[])

    return on


def _up_to_date(programme: str):
    return present(
        Admission.objects.all,
        "admitted_at__date",
        "released_at__date",
        _eligible(programme, up_to_date=True),
        among=_eligible(programme),
    )


def _contacts():
    """Maternity contacts that are due by now or took place, not cancelled, each on the day
    it took place or, until then, the day it is due (`on`)."""
    return MaternityContact.objects.filter(
        Q(due_at__lte=timezone.now()) | Q(done_at__isnull=False), cancelled_at__isnull=True
    ).annotate(on=Coalesce("done_at", "due_at"))


INDICATORS = (
    Indicator(
        key="screening-in-time",
        number="2",
        title=_("Admissions screened by health staff within 24 hours"),
        rules="6, M30",
        perm=OVERSEE,
        counts=share(
            _admissions, "admitted_at__date", Q(_screened_in_time()), settles=_screening_due
        ),
        target=100,
    ),
    Indicator(
        key="screening-complete",
        number="3",
        title=_("Entry screenings with every item answered or declined"),
        rules="6, 8",
        perm=OVERSEE,
        counts=share(
            lambda: Screening.objects.all(),
            "started_at__date",
            Q(completed_at__isnull=False),
            facility="admission__facility",
            settles=once_past,
        ),
        target=100,
    ),
    Indicator(
        key="reproductive-declined",
        number="4",
        title=_("Reproductive health items she declined"),
        rules="8",
        perm=OVERSEE,
        counts=share(
            lambda: ScreeningItem.objects.filter(item=Item.REPRODUCTIVE),
            "answered_at__date",
            Q(answer=Answer.DECLINED),
            facility="screening__admission__facility",
            settles=once_past,
        ),
        direction=MONITOR,
    ),
    Indicator(
        key="hiv-consent-counselling",
        number="5",
        title=_("HIV tests she consented to, with pre-test counselling given"),
        rules="6(a)",
        perm=OVERSEE,
        counts=share(
            lambda: HivTest.objects.filter(consent=Consent.GIVEN),
            "offered_at__date",
            Q(pre_test_counselling_at__isnull=False),
            facility="prisoner__facility",
        ),
        target=100,
    ),
    Indicator(
        key="hiv-post-test-counselling",
        number="6",
        title=_("HIV results followed by post-test counselling"),
        rules="6(a)",
        perm=OVERSEE,
        counts=share(
            lambda: HivTest.objects.exclude(result=""),
            "result_at__date",
            Q(post_test_counselling_at__isnull=False),
            facility="prisoner__facility",
        ),
        target=100,
    ),
    Indicator(
        key="children-screened-in-time",
        number="7",
        title=_("Children coming to live with their mother screened within 24 hours"),
        rules="9, M29",
        perm="register.oversee_children",
        counts=share(
            _children_with_her,
            "recorded_at__date",
            Q(_child_screened_in_time()),
            facility="mother__facility",
        ),
        target=100,
    ),
    Indicator(
        key="child-checks-up-to-date",
        number="35",
        title=_("Children living in prison with their development checks up to date"),
        rules="51.1",
        perm="register.oversee_children",
        counts=present(
            _children_with_her,
            "recorded_at__date",
            "separation__separated_on",
            _checks_up_to_date,
            facility="mother__facility",
        ),
        target=100,
    ),
    Indicator(
        key="cervical-uptake",
        number="30",
        title=_("Cervical screenings offered that she took up"),
        rules="18",
        perm=OVERSEE,
        counts=share(
            PreventiveScreening.objects.all,
            "done_on",
            Q(declined=False),
            facility="prisoner__facility",
            among=_offered(CERVICAL),
        ),
    ),
    Indicator(
        key="breast-uptake",
        number="31",
        title=_("Breast screenings offered that she took up"),
        rules="18",
        perm=OVERSEE,
        counts=share(
            PreventiveScreening.objects.all,
            "done_on",
            Q(declined=False),
            facility="prisoner__facility",
            among=_offered(BREAST),
        ),
    ),
    Indicator(
        key="cervical-up-to-date",
        number="30",
        title=_(
            "Women in custody eligible for cervical screening under the community policy "
            "whose screening is up to date"
        ),
        rules="18",
        perm=OVERSEE,
        counts=_up_to_date(CERVICAL),
        order=99,
    ),
    Indicator(
        key="breast-up-to-date",
        number="31",
        title=_(
            "Women in custody eligible for breast screening under the community policy "
            "whose screening is up to date"
        ),
        rules="18",
        perm=OVERSEE,
        counts=_up_to_date(BREAST),
        order=99,
    ),
    Indicator(
        key="antenatal-contacts",
        number="32",
        title=_("Antenatal contacts due that took place"),
        rules="48.1",
        perm=OVERSEE,
        counts=share(
            _contacts,
            "on__date",
            Q(done_at__isnull=False),
            facility="pregnancy__prisoner__facility",
            among=lambda: Q(stage=ContactStage.ANTENATAL),
        ),
        target=100,
    ),
    Indicator(
        key="births-in-hospital",
        number="33",
        title=_("Births in a hospital outside the prison"),
        rules="M28",
        perm=OVERSEE,
        counts=share(
            lambda: Birth.objects.filter(born_at__isnull=False),
            "born_at__date",
            Q(place=BirthPlace.OUTSIDE_HOSPITAL),
            facility="pregnancy__prisoner__facility",
        ),
    ),
    Indicator(
        key="postnatal-contacts",
        number="34",
        title=_("Postnatal contacts due that took place, her baby with her or not"),
        rules="48.3",
        perm=OVERSEE,
        counts=share(
            _contacts,
            "on__date",
            Q(done_at__isnull=False),
            facility="pregnancy__prisoner__facility",
            among=lambda: Q(stage=ContactStage.POSTNATAL),
        ),
        target=100,
    ),
    Indicator(
        key="suicide-risk-screened",
        number="43",
        title=_("Admissions screened for the risk of suicide and self-harm"),
        rules="6(b), 16",
        perm=OVERSEE,
        counts=share(
            _admissions, "admitted_at__date", Q(_suicide_screened()), settles=_screening_due
        ),
        target=100,
    ),
)
