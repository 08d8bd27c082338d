"""Demo records for girls (Rules 36-39), made through the services as staff would: the
parent or guardian of the girls admitted told of it, one after a first attempt that reached
nobody; the youngest girl's still to be told (her task open)."""

from datetime import timedelta

from django.utils import timezone

from .models import Event, How
from .services import record_guardian_notice

GUARDIANS = (("Daw Khin", "her mother"), ("Somsak", "her father"), ("Noi", "her grandmother"))


def seed(*, facility, staff, women) -> None:
    social = staff.get("social")
    if social is None:
        return
    girls = sorted((w for w in women if w.is_juvenile), key=lambda w: w.date_of_birth)
    for n, girl in enumerate(girls[:-1]):  # the youngest is still to be told
        admission = girl.admissions.order_by("-admitted_at").first()
        if admission is None:
            continue
        guardian, relationship = GUARDIANS[n % len(GUARDIANS)]
        now = timezone.now()
        at = min(admission.admitted_at + timedelta(hours=3), now)
        attempts = [(False, min(admission.admitted_at + timedelta(hours=1), now))] if n == 0 else []
        for reached, told_at in [*attempts, (True, at)]:
            record_guardian_notice(
                by=social,
                prisoner=girl,
                event=Event.ADMISSION,
                reached=reached,
                guardian=guardian,
                relationship=relationship,
                how=How.PHONE,
                told_at=told_at,
                note="Told where she is held and how to visit."
                if reached
                else "No answer on the number she gave; a message left.",
            )
