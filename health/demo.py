"""Demo health records, kept through health's own services as health staff would: entry
screenings (some part-way), HIV tests offered with consent and counselling, a disclosure of
violence, pregnancies and a birth with the baby living with her, a request for a woman
clinician, an observation level and preventive care booked (Rules 6-18, 22, 24, 48). Her
protection flags follow from these records."""

from datetime import timedelta

from django.utils import timezone

from prisoners.models import CustodyStatus
from register.services import decide_best_interests, record_child

from .models import Item
from .services import care, maternity, preventive
from .services import screening as screening_services


def health(demo) -> None:
    i, admission = demo.i, demo.admission
    if admission is None:
        return
    woman = admission.prisoner
    woman.refresh_from_db()  # a transfer or release may have moved her
    if woman.custody_status != CustodyStatus.IN_CUSTODY:
        return
    nurse = demo.user("health", woman.facility)
    now = timezone.now()
    if now - admission.admitted_at > timedelta(hours=12) or i % 3 == 0:
        _screening(i, woman, admission, nurse)
    if i % 9 == 1:
        pregnancy = maternity.declare_pregnancy(by=nurse, prisoner=woman)
        if i % 2:
            # Her expected date of delivery: for one woman 20 weeks ahead, so her 20-week
            # antenatal contact is due today (Rule 48.1).
            maternity.confirm_pregnancy(
                by=nurse,
                pregnancy=pregnancy,
                edd=timezone.localdate() + timedelta(weeks=1 + i % 20),
            )
            first = pregnancy.contacts.order_by("due_at").first()
            if i % 4 == 1 and first is not None:
                maternity.record_contact(by=nurse, contact=first, notes="Routine contact.")
    elif i % 23 == 5:
        _birth(demo, woman, nurse, now)
    if i % 6 == 0:
        care.request_woman_clinician(by=nurse, prisoner=woman)
    if i % 11 == 2:
        care.set_observation_level(
            by=nurse, prisoner=woman, level="intermittent", reason="After her court hearing"
        )
    if i % 8 == 5:
        preventive.schedule_preventive_care(by=nurse, prisoner=woman)
    if i % 4 == 2:
        # Screenings offered here, some taken up and some declined (Rule 18).
        for kind in ("hpv", "mammography"):
            preventive.record_preventive_screening(
                by=nurse,
                prisoner=woman,
                kind=kind,
                done_on=timezone.localdate(),
                declined=i % 8 == 6,
            )
    _children_screened(i, woman, nurse)


def _children_screened(i, woman, nurse) -> None:
    """Her children living with her: every other one screened on arrival (Rule 9), the
    others still awaiting it."""
    for child in woman.children.filter(lives_with_mother=True):
        if (i + child.pk) % 2 == 0 and not child.health_screenings.exists():
            screening_services.screen_child(
                by=nurse, child=child, findings="Well, growing as expected."
            )


def _screening(i, woman, admission, nurse) -> None:
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
        # Of the tests she consented to: one awaits its pre-test counselling, one its
        # post-test counselling, one is done (indicators 5 and 6 show each).
        if test.consent == "given" and i % 30 != 10:
            screening_services.record_pre_test_counselling(by=nurse, test=test)
            test = screening_services.take_hiv_sample(by=nurse, test=test)
            test = screening_services.record_hiv_result(by=nurse, test=test, result="negative")
            if i % 30 == 0:
                screening_services.record_post_test_counselling(by=nurse, test=test)
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


def _birth(demo, woman, nurse, now) -> None:
    pregnancy = maternity.declare_pregnancy(by=nurse, prisoner=woman)
    maternity.confirm_pregnancy(
        by=nurse, pregnancy=pregnancy, edd=timezone.localdate() + timedelta(days=3)
    )
    # One baby born 5 days ago, another 8 days ago, whose day 7-14 contact is now due.
    days = 5 if demo.i % 3 else 8
    maternity.record_labour(
        by=nurse, pregnancy=pregnancy, started_at=now - timedelta(days=days + 1)
    )
    maternity.record_birth(
        by=nurse,
        pregnancy=pregnancy,
        # Most in an outside hospital (Mandela 28); one in the prison's health unit.
        place="outside_hospital" if demo.i % 3 else "prison_health_unit",
        born_at=now - timedelta(days=days),
        baby_with_her=True,
        certificate_checked=True,
    )
    # Her first postnatal contact took place; for another mother it is still due (48.3).
    postnatal = pregnancy.contacts.filter(stage="postnatal").order_by("due_at").first()
    if postnatal is not None and demo.i % 3:
        maternity.record_contact(by=nurse, contact=postnatal, notes="Mother and baby well.")
    maternity.record_breastfeeding(by=nurse, prisoner=woman, status="breastfeeding")
    # Her baby lives with her: on a best-interests decision, on the register, never a
    # prisoner (Rule 49).
    decide_best_interests(
        by=demo.user("social", woman.facility),
        mother=woman,
        participants="She, the midwife and the unit's social worker, before the birth",
        her_views="She wants to breastfeed and keep her baby with her.",
        child_needs="A newborn who needs to be breastfed and cared for by her mother.",
        outcome="with_her",
        reasons="A newborn is best cared for by her mother; the unit has a place.",
    )
    record_child(
        by=demo.user("reception", woman.facility),
        mother=woman,
        given_names="Dao",
        family_name=woman.family_name,
        date_of_birth=(now - timedelta(days=5)).date(),
        lives_with_mother=True,
        arrangements="Lives with her mother in the mother and baby unit",
    )
