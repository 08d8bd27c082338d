"""Demo records for pretrial detention (Rules 56-58, 65), made through the services as staff
would, in every state: a hearing gone by with its result and the alternatives considered, a
girl's hearing with the review Rule 65 requires, hearings to come (one whose caretaking
information is still to send, one sent, one too far ahead for its task), a lawyer, screens with
and without risks found, one still to do; and a woman moved here from a remand centre who has
been untried for longer than the threshold, raised to the governor by the clock."""

from datetime import timedelta

from django.utils import timezone

from prisoners.models import CustodyStatus, LegalStatus

from . import services

ALTERNATIVES = (
    "Bail with reporting to the district office put forward by her lawyer, with her caretaking "
    "information; the court kept her on remand for the seriousness of the charge."
)


def seed(*, facility, staff, women) -> None:
    social, custody, reception = (staff.get(role) for role in ("social", "custody", "reception"))
    if not (social and custody and reception):
        return
    untried = [
        w
        for w in women
        if w.custody_status == CustodyStatus.IN_CUSTODY and w.legal_status == LegalStatus.PRETRIAL
    ]
    now = timezone.now()
    for n, woman in enumerate(untried[:4]):
        admission = woman.admissions.filter(released_at__isnull=True).first()
        if admission is None:
            continue
        services.add_adviser(
            by=reception,
            prisoner=woman,
            name=["Khun Pranee Srisuk", "Khun Anan Wong", "Khun Mali Chai", "Khun Dao Kaew"][n],
            firm=["Lawyers Council legal aid", "Wong & Partners", "", "Public defender"][n],
            phone=f"+66 2 555 {3100 + n}",
        )
        if n != 3:  # the last still to be screened: her task open
            services.record_safety_screen(
                by=social,
                prisoner=woman,
                screened_at=max(
                    admission.admitted_at + timedelta(hours=1), now - timedelta(hours=1)
                ),
                risks_found=n == 1,
                risks="Her co-accused is held on the same wing." if n == 1 else "",
                measures="Moved to another wing; never escorted with her co-accused."
                if n == 1
                else "",
            )
        past = max(admission.arrested_at + timedelta(days=1), now - timedelta(days=1))
        if past < now - timedelta(hours=1):
            held = services.enter_hearing(
                by=custody,
                prisoner=woman,
                at=past,
                court="Bangkok Criminal Court",
                kind="first_appearance",
                attendance="video",
                escort_arranged=True,
                escort="Video room 2 booked",
            )
            services.record_hearing_result(
                by=custody,
                hearing=held,
                result="remanded",
                result_note="Next hearing set.",
                alternatives=ALTERNATIVES,
            )
        coming = services.enter_hearing(
            by=social if n == 2 else custody,
            prisoner=woman,
            at=now + timedelta(days=[3, 5, 20, 6][n], hours=9),
            court="Bangkok Criminal Court",
            kind=["bail", "remand", "trial", "bail"][n],
            attendance="in_person",
            escort_arranged=n == 1,
            escort="Two officers, the women's van" if n == 1 else "",
        )
        if n == 1:
            services.send_caretaking(
                by=social,
                hearing=coming,
                sent_to="lawyer",
                recipient="Khun Anan Wong",
                sent_at=now - timedelta(hours=2),
                summary="Two children, 4 and 9, with their grandmother, who is unwell; she is "
                "their only earning parent.",
            )
    services.schedule_notices()
    services.raise_long_pretrial_alerts()
