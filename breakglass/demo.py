"""Demo records for break-glass (Rule 8; indicator 53), made through the services as staff
would: in each facility, five reads of the emergency part of a woman's clinical file by a
custody officer or the governor, at night or on an escort with no health staff to ask; four
reviewed by a second person (one found not justified, with why) and one awaiting its review
(health staff's task), so that indicator 53 shows 80 %."""

from prisoners.models import CustodyStatus

from .models import Finding, Reason
from .services import break_glass, review_access

READS = (
    ("custody", Reason.UNWELL, "Found collapsed in her cell at 02:10; the nurse is off site."),
    ("custody", Reason.HOSPITAL, "Emergency escort to hospital; the paramedics asked."),
    ("governor", Reason.SELF_HARM, "Ligature found at night; no health staff on duty."),
    ("custody", Reason.OTHER, "Wanted to know why she sees the nurse so often."),
    ("governor", Reason.UNWELL, "Fitting on the wing during the evening lock-up."),
)
# Who reviews each read, and what they find (None: not reviewed yet).
REVIEWS = (
    ("health", Finding.JUSTIFIED, ""),
    ("governor", Finding.JUSTIFIED, ""),
    ("health", Finding.JUSTIFIED, ""),
    (
        "health",
        Finding.NOT_JUSTIFIED,
        "No emergency: curiosity is no reason. Talked with the officer and the custody manager.",
    ),
    None,
)


def seed(*, facility, staff, women) -> None:
    if not all(staff.get(role) for role in ("custody", "governor", "health")):
        return
    in_custody = [w for w in women if w.custody_status == CustodyStatus.IN_CUSTODY]
    for woman, (opener, reason, detail), review in zip(in_custody, READS, REVIEWS, strict=False):
        access = break_glass(by=staff[opener], prisoner=woman, reason=reason, detail=detail)
        if review is not None:
            reviewer, finding, note = review
            review_access(by=staff[reviewer], access=access, finding=finding, note=note)
