"""Demo admissions, made through the services as reception and the governor would: a woman
in custody arrives through reception a few hours to months ago; most admissions are then
completed, with her family, property, rights offered and allocation; some stay in reception,
a few mothers ask for suspension of detention (Rule 2.2), a few women are transferred and one
is released."""

from datetime import timedelta

from django.utils import timezone

from bangkok.errors import RuleBroken
from prisoners.models import LegalStatus
from prisoners.services import place_on_unit

from .services import (
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


def admit(demo) -> None:
    """Through the admission service, as reception would, a few days to months ago."""
    if demo.woman is not None:
        return  # released before the demo: never admitted here
    rng, i, facility = demo.rng, demo.i, demo.facility
    identity = dict(demo.fields)
    reception = demo.user("reception", facility)
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
    try:
        # Mandela 11: a girl at a facility without a unit for girls is placed on none.
        place_on_unit(by=reception, prisoner=admission.prisoner, unit=unit)
    except RuleBroken:
        pass
    demo.woman, demo.admission = admission.prisoner, admission
    demo.admitted.setdefault(facility, []).append(admission.prisoner)


def progress(demo) -> None:
    """Most admissions are complete; some are still in reception, one part-way through
    the rights checklist, and any whose child has no arrangement stays there (Rule 2.2)."""
    i, admission = demo.i, demo.admission
    if admission is None or i % 4 == 1:
        return
    reception = demo.user("reception", admission.facility)
    record_family_member(
        by=reception,
        prisoner=admission.prisoner,
        name=f"Somsri {admission.prisoner.family_name}",
        relationship=["Mother", "Sister", "Husband", "Aunt"][i % 4],
        contact=f"+66 8{i % 10} 555 {1000 + i}",
        next_of_kin=True,
        emergency_contact=True,
    )
    _property_and_requests(demo, admission, reception)
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
    _moves(demo, admission, reception)


def _property_and_requests(demo, admission, reception) -> None:
    """Her property inventory (signed, mostly), and for some mothers a request for
    suspension of detention (Rule 2.2), decided or awaiting a decision."""
    i = demo.i
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
    if not admission.prisoner.children.filter(dependent=True, lives_with_mother=False).exists():
        return
    requests = demo.counts["suspension requests"] = demo.counts.get("suspension requests", 0) + 1
    if requests % 2 == 1:
        request = request_suspension(
            by=reception,
            admission=admission,
            authority=admission.order_authority,
            period="7 days",
            grounds="To arrange care for her children with relatives.",
            requested_at=admission.admitted_at,
        )
        if requests % 3 != 0:
            decide_suspension(
                by=reception,
                request=request,
                outcome="refused" if requests % 3 == 1 else "granted",
                decided_at=admission.admitted_at + timedelta(minutes=90),
                note="Decision of the court",
            )


def _moves(demo, admission, reception) -> None:
    """A few women transferred between the facilities (proposed by reception, confirmed by
    the governor; some still await her confirmation), and one episode closed."""
    i = demo.i
    if i % 11 == 7:
        other = next(f for f in demo.facilities if f.pk != admission.facility_id)
        proposal = propose_transfer(
            by=reception,
            admission=admission,
            to_facility=other,
            reason="Nearer her family; a place in the programme she needs.",
        )
        if i % 22 == 7:
            confirm_transfer(by=demo.user("governor", admission.facility), record=proposal)
    elif i % 17 == 9:
        release(
            by=reception,
            admission=admission,
            reason="Bail granted by the court",
            property_returned=True,
        )
