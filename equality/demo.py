"""Demo equality and faith records (Rules 54, 55; Mandela 65, 66), made through the services as
staff would: most women consent and say what they will of themselves (some prefer not to say,
one withdraws her consent), the facility's representatives of two faiths, a diet need and a
fast, a visit she asked for arranged and one still waiting, and an offered visit she refused."""

from datetime import timedelta

from django.utils import timezone

from .models import Disability, NeedKind, Religion
from .services import (
    add_representative,
    answer_offer,
    arrange_visit,
    ask_for_visit,
    give_consent,
    offer_visit,
    record_characteristics,
    record_faith_need,
    withdraw_consent,
)

SAID = (
    ("Thai", Religion.BUDDHIST, Disability.NO, ""),
    ("Thai", Religion.BUDDHIST, Disability.YES, "A ground-floor cell; a chair in the shower"),
    ("Karen", Religion.CHRISTIAN, Disability.NO, ""),
    ("Malay", Religion.MUSLIM, Disability.PREFER_NOT, ""),
    ("", Religion.PREFER_NOT, "", ""),
    ("Thai", Religion.NONE, Disability.NO, ""),
)


def seed(*, facility, staff, women) -> None:
    social, governor = staff.get("social"), staff.get("governor")
    if social is None or governor is None or not women:
        return
    imam = add_representative(
        by=governor,
        facility=facility,
        name="Imam Abdullah Hassan",
        faith=Religion.MUSLIM,
        services="Friday prayers in the multi-faith room",
    )
    add_representative(
        by=governor,
        facility=facility,
        name="Phra Somchai",
        faith=Religion.BUDDHIST,
        services="Meditation and chanting on holy days",
    )
    for woman, (ethnicity, religion, disability, adjustments) in zip(women, SAID, strict=False):
        give_consent(by=social, prisoner=woman)
        record_characteristics(
            by=social,
            prisoner=woman,
            in_her_words=True,
            ethnicity=ethnicity,
            ethnicity_withheld=not ethnicity,
            religion=religion,
            disability=disability,
            adjustments=adjustments,
        )
    if len(women) > len(SAID):
        withdrawn = women[len(SAID)]
        give_consent(by=social, prisoner=withdrawn)
        record_characteristics(by=social, prisoner=withdrawn, in_her_words=True, ethnicity="Lao")
        withdraw_consent(by=social, prisoner=withdrawn)
    muslim = women[3] if len(women) > 3 else women[0]
    record_faith_need(by=social, prisoner=muslim, kind=NeedKind.DIET, detail="Halal food")
    today = timezone.localdate()
    record_faith_need(
        by=social,
        prisoner=muslim,
        kind=NeedKind.OBSERVANCE,
        detail="Fasting from dawn to dusk during Ramadan; a meal kept for after sunset",
        starts_on=today + timedelta(days=30),
        ends_on=today + timedelta(days=59),
    )
    asked = ask_for_visit(by=social, prisoner=muslim, faith=Religion.MUSLIM, note="Before Friday")
    arrange_visit(
        by=governor,
        visit=asked,
        representative=imam,
        arranged_for=timezone.now() + timedelta(days=2),
    )
    ask_for_visit(
        by=social,
        prisoner=women[0],
        faith=Religion.BUDDHIST,
        asked_at=timezone.now() - timedelta(days=9),
    )
    if len(women) > 2:
        offered = offer_visit(by=social, prisoner=women[2], representative=imam)
        answer_offer(by=social, visit=offered, accepts=False)
