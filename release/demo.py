"""Demo records of her way home, made through the services as staff would, one woman in each
state: a release date far off (the task to start her plan not yet due), one whose plan is due
to start, a plan part-way through, a plan complete and her health care handed over, a woman
released with her plan complete and her copy of her records in hand, and one released at
short notice without a plan, her health continuity incomplete with the reason, who refused
her copy."""

from datetime import timedelta

from django.utils import timezone

from admissions.models import Stage
from admissions.services import release

from .models import CopyKind, Handed, PartStatus
from .reading import copy_language
from .services import (
    hand_over_copy,
    record_health_continuity,
    record_health_reason,
    record_release_date,
    start_plan,
    update_part,
)

ARRANGED = {
    "accommodation": "Her sister's flat in Nonthaburi on the day; a women's hostel place after.",
    "income": "Job-seeker registration booked; a month's allowance from the welfare office.",
    "children": "Reunification with her children planned with the family court social worker.",
    "safety": "Not needed: she reports no domestic violence.",
    "referrals": "Probation office, a women's NGO and a community group of her own language.",
    "transition": "Two home leaves to her sister's flat before release.",
    "support": "She wants help with housing papers and a counsellor after release.",
}
NOT_NEEDED = {"safety"}


def before_release(demo) -> None:
    """The woman admissions releases in its demo (`admissions.demo._moves`) leaves at short
    notice: the release officer records why her health continuity is incomplete, and she takes
    her copy of her records."""
    admission = demo.admission
    if admission is None or demo.i % 17 != 9:
        return
    reception = demo.user("reception", admission.facility)
    record_health_reason(
        by=reception, admission=admission, reason="Bail granted by the court at short notice."
    )
    hand_over_copy(
        by=reception,
        admission=admission,
        outcome=Handed.SIGNED,
        language=copy_language(admission.prisoner, None)[1],
    )


def _complete(plan, social, *, parts=None) -> None:
    for part in plan.parts.order_by("id"):
        if parts is not None and part.part not in parts:
            continue
        status = PartStatus.NOT_NEEDED if part.part in NOT_NEEDED else PartStatus.COMPLETE
        update_part(
            by=social,
            part=part,
            status=status,
            notes=ARRANGED[part.part],
            services="Probation; Women's Aid Bangkok" if part.part == "referrals" else "",
        )


def _health(admission, nurse, *, complete: bool) -> None:
    record_health_continuity(
        by=nurse,
        admission=admission,
        medication="Metformin 500 mg twice daily, one month's supply given.",
        screening_recalls="Cervical screening recall in six months.",
        community_provider="Nonthaburi district health centre" if complete else "",
        handed_over_on=timezone.localdate() - timedelta(days=1) if complete else None,
        complete=complete,
    )


def ways_home(*, facility, staff, women) -> None:
    social, nurse, reception = staff.get("social"), staff.get("health"), staff.get("reception")
    if social is None or nurse is None or reception is None:
        return
    admissions = [
        admission
        for woman in reversed(women)  # the other areas' demos begin with the first
        if (admission := woman.admissions.filter(stage=Stage.ADMITTED).first()) is not None
        and admission.prisoner.facility_id == facility.pk  # not transferred away since
        and not hasattr(admission, "release_plan")
    ]
    today = timezone.localdate()
    states = [200, 60, 45, 20, 10, None]
    for admission, days in zip(admissions, states, strict=False):
        if days is None:
            _without_a_plan(admission, reception)
            continue
        plan = record_release_date(
            by=social,
            admission=admission,
            earliest_release_on=today + timedelta(days=days),
            source="Sentence calculation by the records office",
        )
        if days >= 60:
            continue  # the task to start her plan: not yet due, or due now
        start_plan(by=social, admission=admission)
        if days == 45:
            _complete(plan, social, parts={"accommodation", "safety"})
            _health(admission, nurse, complete=False)
            continue
        if days in (20, 10):
            _complete(plan, social)
            _health(admission, nurse, complete=True)
        if days == 10:
            language = copy_language(admission.prisoner, None)[1]
            hand_over_copy(
                by=reception, admission=admission, outcome=Handed.SIGNED, language=language
            )
            hand_over_copy(
                by=nurse,
                admission=admission,
                kind=CopyKind.CLINICAL,
                outcome=Handed.SIGNED,
                language=language,
            )
            release(
                by=reception,
                admission=admission,
                reason="End of sentence",
                property_returned=True,
            )


def _without_a_plan(admission, reception) -> None:
    """Released by the court at short notice, with no plan: the reason her health continuity
    is incomplete is recorded, and she refuses her copy."""
    record_health_reason(
        by=reception,
        admission=admission,
        reason="Released by the court at short notice; the referral is to follow.",
    )
    hand_over_copy(
        by=reception,
        admission=admission,
        outcome=Handed.REFUSED,
        language=copy_language(admission.prisoner, None)[1],
        note="She said she did not want papers from the prison.",
    )
    release(
        by=reception,
        admission=admission,
        reason="Sentence reduced on appeal",
        property_returned=True,
    )
