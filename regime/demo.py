"""Demo regime records (Rule 42; Mandela 23, 44), made through the services as staff would:
each facility's activities (education, work, a parenting group suited to mothers and
pregnant women, exercise in the open air), places for the women in custody, a week of
attendance with a session the prison cancelled, three days of time out of cell for each, one
of them a day locked up with no segregation on record, which the daily check puts to the
governor; and the days left unrecorded before them, kept for oversight."""

from datetime import timedelta

from django.utils import timezone

from bangkok.plausible import not_before_arrest
from prisoners.models import CustodyStatus

from . import services
from .models import Kind

ACTIVITIES = (
    ("Literacy class", Kind.EDUCATION, 25, True, False),
    ("Kitchen work", Kind.WORK, 25, False, False),
    ("Mothers' parenting group", Kind.FAMILY, 10, True, True),
    ("Exercise yard", Kind.EXERCISE, 50, True, True),
)
DAYS = (300, 240, 360)


def seed(*, facility, staff, women) -> None:
    governor, officer = staff.get("governor"), staff.get("custody")
    if governor is None or officer is None:
        return
    today = timezone.localdate()
    now = timezone.now()
    for woman in women:
        woman.refresh_from_db()  # a transfer since moved some to another facility
    women = [
        w
        for w in women
        if w.custody_status == CustodyStatus.IN_CUSTODY and w.facility_id == facility.pk
    ]
    activities = [
        services.add_activity(
            by=governor,
            facility=facility,
            name=name,
            kind=kind,
            # Places enough for every woman the demo allocates, however many it seeds.
            capacity=max(places, len(women)),
            for_pregnant=pregnant,
            for_mothers=mothers,
        )
        for name, kind, places, pregnant, mothers in ACTIVITIES
    ]
    for n, woman in enumerate(women[:-1]):  # the last has no place: she shows on oversight
        since = timezone.localdate(not_before_arrest(woman, now - timedelta(days=7)))
        for activity in (activities[n % 2], activities[3]):
            place = services.allocate(
                by=officer, prisoner=woman, activity=activity, started_on=since
            )
            if since < today:
                services.record_attendance(
                    by=officer, allocation=place, day=today - timedelta(days=1), attended=True
                )
            if n == 0 and activity.kind != Kind.EXERCISE and since <= today - timedelta(days=2):
                services.record_attendance(
                    by=officer,
                    allocation=place,
                    day=today - timedelta(days=2),
                    attended=False,
                    absence="cancelled",
                    note="No staff to escort the women.",
                )
        for back, minutes in enumerate(DAYS, start=1):
            day = today - timedelta(days=back)
            if day < since:
                continue
            reason = "" if minutes >= 240 else "Staff shortage on the unit."
            if n == 0 and back == 2:
                minutes, reason = 90, "Lock-down after a fight on the landing."
            services.record_time_out(
                by=officer, prisoner=woman, day=day, minutes=minutes, reason=reason
            )
    services.check_de_facto_solitary(today=today)
