"""Entry screening (Rules 6-9), HIV testing (Rule 6(a)), disclosures of abuse (Rule 7) and
her consent to inspection of the file.

Every verb takes `by=` health staff of her facility; every read of the file is audited with
the ids of the records shown (ARCHITECTURE.md 3). Reminder titles never carry clinical detail.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import audit
from bangkok.dates import add_months
from bangkok.errors import RuleBroken
from complaints.models import Source
from complaints.services import open_safeguarding_record
from reminders.models import Basis
from reminders.services import cancel_reminder, resolve_reminder, schedule_reminder

from ..models import (
    ITEM_RULES,
    Answer,
    ChildCheck,
    ChildScreening,
    ClinicalConsent,
    Consent,
    Disclosure,
    HivResult,
    HivTest,
    Item,
    LegalAction,
    Screening,
    ScreeningItem,
)
from ..permissions import RECORD, access_clinical_file
from . import programmes

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

    from admissions.models import Admission
    from prisoners.models import Prisoner
    from register.models import Child
    from staff.models import User


def _recorder(by: User, prisoner: Prisoner) -> Prisoner:
    """Health staff of her facility, or PermissionDenied; returns her record in scope."""
    if not by.has_perm(RECORD):
        raise PermissionDenied(_("Only health staff record in the clinical file (Rule 8)."))
    return access_clinical_file(by, prisoner.uuid, write=True)


def _now_or(moment: datetime | None, field: str) -> datetime:
    moment = moment or timezone.now()
    if moment > timezone.now():
        raise ValidationError({field: _("That date and hour is in the future.")})
    return moment


def screening_key(admission: Admission) -> str:
    return f"health.screening:{admission.uuid}"


# The entry screening (Rules 6 and 8)


@transaction.atomic
def start_screening(
    *, by: User, admission: Admission, language: str, interpreter_used: bool = False
) -> Screening:
    """Begin the entry screening of one admission (Rule 6), in a language she understands."""
    prisoner = _recorder(by, admission.prisoner)
    if hasattr(admission, "health_screening"):
        raise ValidationError(_("Her entry screening has already begun."))
    if not language.strip():
        raise ValidationError({"language": _("Say in which language the screening is done.")})
    screening = Screening.objects.create(
        admission=admission,
        prisoner=prisoner,
        started_by=by,
        language=language.strip(),
        interpreter_used=interpreter_used,
    )
    audit.record(
        by=by, action="health.screening_started", subject=screening, facility=prisoner.facility
    )
    return screening


@transaction.atomic
def answer_item(
    *,
    by: User,
    screening: Screening,
    item: str,
    answer: str,
    finding: str = "",
    needs_follow_up: bool = False,
) -> ScreeningItem:
    """Record her answer to one screening item, or that she declined it (Rule 8).

    Declining is a complete answer: it carries no finding, never blocks anything and never
    counts against her. A finding that needs a follow-up asks health staff to see her again
    within SCREENING_FOLLOW_UP_HOURS. The screening is complete when every item is answered
    or declined; the screening reminder is then done."""
    prisoner = _recorder(by, screening.prisoner)
    if item not in Item.values:
        raise ValidationError({"item": _("Not an item of the entry screening.")})
    if answer not in Answer.values:
        raise ValidationError({"answer": _("Record her answer, or that she declined.")})
    if answer == Answer.DECLINED:
        finding, needs_follow_up = "", False
    row, _created = ScreeningItem.objects.update_or_create(
        screening=screening,
        item=item,
        defaults={
            "answer": answer,
            "finding": finding.strip(),
            "needs_follow_up": needs_follow_up,
            "answered_by": by,
            "answered_at": timezone.now(),
        },
    )
    key = f"health.screening_follow_up:{screening.uuid}:{item}"
    if needs_follow_up:
        schedule_reminder(
            key=key,
            kind="health.screening_follow_up",
            confidential=True,
            rule=ITEM_RULES[Item(item)],
            basis=Basis.CONFIG,
            title=gettext_lazy("See her again after her entry screening"),
            facility=prisoner.facility,
            assignee_role="health",
            prisoner=prisoner,
            due_at=timezone.now() + timedelta(hours=settings.SCREENING_FOLLOW_UP_HOURS),
        )
        if item == Item.DRUG_DEPENDENCY:
            programmes.refer_for_substance_use(prisoner)
    else:
        cancel_reminder(key=key, by=by, reason="no follow-up needed")
    answered = set(screening.items.values_list("item", flat=True))
    if screening.completed_at is None and answered >= set(Item.values):
        screening.completed_at = timezone.now()
        screening.save(update_fields=["completed_at"])
        _close_screening_reminder(screening, by)
        programmes.offer_health_education(prisoner)
    audit.record(
        by=by,
        action="health.screening_item",
        subject=screening,
        facility=prisoner.facility,
        detail={"item": item},  # her answer stays in the file (Rule 8)
    )
    return row


@transaction.atomic
def record_screening_answers(*, by: User, screening: Screening, answers: dict) -> int:
    """Her answers to several items at once, from the one-screen form (Rule 6): only the
    items whose answer changed are written. Returns how many were."""
    if not answers:
        raise ValidationError(_("Record at least one answer, or that she declined."))
    current = {row.item: row for row in screening.items.all()}
    written = 0
    for item, given in answers.items():
        row = current.get(item)
        declined = given["answer"] == Answer.DECLINED
        wanted = (
            given["answer"],
            "" if declined else given.get("finding", "").strip(),
            False if declined else bool(given.get("needs_follow_up")),
        )
        if row is None or (row.answer, row.finding, row.needs_follow_up) != wanted:
            answer_item(
                by=by,
                screening=screening,
                item=item,
                **dict(zip(("answer", "finding", "needs_follow_up"), wanted, strict=True)),
            )
            written += 1
    return written


def _close_screening_reminder(screening: Screening, by: User) -> None:
    resolve_reminder(key=screening_key(screening.admission), by=by, outcome="screened")


def screening_progress(
    screening: Screening,
) -> list[tuple[str, StrPromise, ScreeningItem | None]]:
    """(item, label, her answer or None) for every item of the screening."""
    answered = {row.item: row for row in screening.items.all()}
    return [(item, label, answered.get(item)) for item, label in Item.choices]


# HIV testing (Rule 6(a)): voluntary, with pre- and post-test counselling; never compulsory.


@transaction.atomic
def offer_hiv_test(
    *, by: User, prisoner: Prisoner, consent: str, language: str, screening: Screening | None = None
) -> HivTest:
    """Record that an HIV test was offered and her decision. Declining is final for this
    offer and counts against nothing (Rule 8)."""
    prisoner = _recorder(by, prisoner)
    if consent not in Consent.values:
        raise ValidationError({"consent": _("Record whether she consents or declines.")})
    if not language.strip():
        raise ValidationError({"language": _("Say in which language it was offered.")})
    test = HivTest.objects.create(
        prisoner=prisoner,
        screening=screening,
        consent=consent,
        language=language.strip(),
        recorded_by=by,
    )
    audit.record(by=by, action="health.hiv_offered", subject=test, facility=prisoner.facility)
    return test


def _hiv_step(by: User, test: HivTest) -> HivTest:
    _recorder(by, test.prisoner)
    return HivTest.objects.select_for_update().select_related("prisoner").get(pk=test.pk)


@transaction.atomic
def record_pre_test_counselling(*, by: User, test: HivTest, at: datetime | None = None) -> HivTest:
    test = _hiv_step(by, test)
    if test.consent != Consent.GIVEN:
        raise RuleBroken(_("She declined the test: there is nothing to counsel for."), rule="6")
    test.pre_test_counselling_at = _now_or(at, "at")
    test.save(update_fields=["pre_test_counselling_at"])
    audit.record(
        by=by, action="health.hiv_pre_counselling", subject=test, facility=test.prisoner.facility
    )
    return test


@transaction.atomic
def take_hiv_sample(*, by: User, test: HivTest, at: datetime | None = None) -> HivTest:
    """Refused without her consent and pre-test counselling: there is no compulsory HIV test
    (Rule 6(a); UNODC/WHO/UNAIDS 2009). The database refuses it too."""
    test = _hiv_step(by, test)
    at = _now_or(at, "at")
    if test.consent != Consent.GIVEN:
        raise RuleBroken(
            _("No HIV test without her consent: she declined it."), rule="6", field="consent"
        )
    if test.pre_test_counselling_at is None or test.pre_test_counselling_at > at:
        raise RuleBroken(_("No HIV test before pre-test counselling: counsel her first."), rule="6")
    test.sample_taken_at = at
    test.save(update_fields=["sample_taken_at"])
    audit.record(by=by, action="health.hiv_sample", subject=test, facility=test.prisoner.facility)
    return test


def _post_counselling_key(test: HivTest) -> str:
    return f"health.hiv_post_counselling:{test.uuid}"


@transaction.atomic
def record_hiv_result(
    *, by: User, test: HivTest, result: str, at: datetime | None = None
) -> HivTest:
    """Record the result and book her post-test counselling within
    HIV_POST_TEST_COUNSELLING_DAYS, whatever the result (Rule 6(a))."""
    test = _hiv_step(by, test)
    if test.sample_taken_at is None:
        raise ValidationError(_("No sample was taken for this test."))
    if result not in HivResult.values:
        raise ValidationError({"result": _("Choose negative, positive or indeterminate.")})
    test.result, test.result_at = result, _now_or(at, "at")
    test.save(update_fields=["result", "result_at"])
    schedule_reminder(
        key=_post_counselling_key(test),
        kind="health.hiv_post_counselling",
        confidential=True,
        rule="6",
        basis=Basis.CONFIG,
        title=gettext_lazy("Post-test counselling due"),
        facility=test.prisoner.facility,
        assignee_role="health",
        prisoner=test.prisoner,
        due_at=test.result_at + timedelta(days=settings.HIV_POST_TEST_COUNSELLING_DAYS),
    )
    programmes.review_pmtct(test.prisoner, by=by)
    audit.record(by=by, action="health.hiv_result", subject=test, facility=test.prisoner.facility)
    return test


@transaction.atomic
def record_post_test_counselling(*, by: User, test: HivTest, at: datetime | None = None) -> HivTest:
    test = _hiv_step(by, test)
    if not test.result:
        raise ValidationError(_("There is no result yet to counsel her on."))
    test.post_test_counselling_at = _now_or(at, "at")
    test.save(update_fields=["post_test_counselling_at"])
    cancel_reminder(key=_post_counselling_key(test), by=by, reason="counselled")
    audit.record(
        by=by, action="health.hiv_post_counselling", subject=test, facility=test.prisoner.facility
    )
    return test


# Disclosures of abuse (Rule 7)


def _referral_key(disclosure: Disclosure) -> str:
    return f"health.abuse_referral:{disclosure.uuid}"


@transaction.atomic
def record_disclosure(
    *,
    by: User,
    prisoner: Prisoner,
    kind: str,
    informed_of_recourse: bool,
    support_offered: bool,
    support_accepted: bool | None = None,
    legal_action: str = LegalAction.UNDECIDED,
    screening: Screening | None = None,
) -> Disclosure:
    """She disclosed sexual abuse or other violence before admission (Rules 6(e), 7).

    She must be told of her right to seek recourse from the judicial authorities (Rule 7.1)
    and offered psychological support whether or not she takes legal action (Rule 7.2). If she
    wants legal action, the referral is due at once. The disclosure opens a safeguarding record,
    with none of its content, which protects her against retaliation (Rule 7.3)."""
    prisoner = _recorder(by, prisoner)
    if kind not in Disclosure.Kind.values:
        raise ValidationError({"kind": _("Say what she disclosed.")})
    if legal_action not in LegalAction.values:
        raise ValidationError({"legal_action": _("Record what she wants done.")})
    if not informed_of_recourse:
        raise RuleBroken(
            _("Tell her of her right to seek recourse from the judicial authorities."),
            rule="7.1",
            field="informed_of_recourse",
        )
    if not support_offered:
        raise RuleBroken(
            _("Offer her psychological support, whether or not she takes legal action."),
            rule="7.2",
            field="support_offered",
        )
    now = timezone.now()
    record = open_safeguarding_record(by=by, prisoner=prisoner, source=Source.HEALTH_DISCLOSURE)
    disclosure = Disclosure.objects.create(
        prisoner=prisoner,
        screening=screening,
        kind=kind,
        recorded_by=by,
        informed_of_recourse_at=now,
        legal_action=legal_action,
        support_offered_at=now,
        support_accepted=support_accepted,
        safeguarding_record=record,
    )
    _after_legal_action(disclosure, by)
    audit.record(by=by, action="health.disclosure", subject=disclosure, facility=prisoner.facility)
    return disclosure


def _after_legal_action(disclosure: Disclosure, by: User) -> None:
    if disclosure.legal_action == LegalAction.WANTS and disclosure.referred_at is None:
        schedule_reminder(
            key=_referral_key(disclosure),
            kind="health.abuse_referral",
            confidential=True,
            rule="7.1",
            title=gettext_lazy("Referral to the competent authority due now"),
            facility=disclosure.prisoner.facility,
            assignee_role="health",
            prisoner=disclosure.prisoner,
            due_at=timezone.now(),
        )
    else:
        cancel_reminder(key=_referral_key(disclosure), by=by, reason=disclosure.legal_action)


@transaction.atomic
def set_legal_action(*, by: User, disclosure: Disclosure, legal_action: str) -> Disclosure:
    """She decided, or changed her mind, about legal action (Rule 7.1: her choice)."""
    _recorder(by, disclosure.prisoner)
    if legal_action not in LegalAction.values:
        raise ValidationError({"legal_action": _("Record what she wants done.")})
    if disclosure.referred_at is not None:
        raise ValidationError(_("The referral has been made already."))
    disclosure.legal_action = legal_action
    disclosure.save(update_fields=["legal_action"])
    _after_legal_action(disclosure, by)
    audit.record(
        by=by,
        action="health.disclosure_legal_action",
        subject=disclosure,
        facility=disclosure.prisoner.facility,
    )
    return disclosure


@transaction.atomic
def record_referral(
    *, by: User, disclosure: Disclosure, authority: str, at: datetime | None = None
) -> Disclosure:
    """The referral to the competent authority: only when she wants legal action (Rule 7.1)."""
    _recorder(by, disclosure.prisoner)
    if disclosure.legal_action != LegalAction.WANTS:
        raise RuleBroken(
            _("No referral without her agreement: she has not asked for legal action."),
            rule="7.1",
        )
    if not authority.strip():
        raise ValidationError({"authority": _("Name the authority she was referred to.")})
    disclosure.referral_authority = authority.strip()
    disclosure.referred_at = _now_or(at, "at")
    disclosure.save(update_fields=["referral_authority", "referred_at"])
    cancel_reminder(key=_referral_key(disclosure), by=by, reason="referred")
    audit.record(
        by=by,
        action="health.abuse_referred",
        subject=disclosure,
        facility=disclosure.prisoner.facility,
    )
    return disclosure


# Children living with their mothers (Rule 9)


def child_screening_key(child: Child) -> str:
    return f"health.child_screening:{child.uuid}"


def child_living_with_her(*, child: Child, by: User | None = None) -> None:
    """The register says where a child lives: a child living with her mother is screened
    within CHILD_SCREENING_DUE_HOURS (Rule 9) and has her development checks on the national
    schedule (Rule 51.1); a child who no longer lives there has none pending."""
    if not child.lives_with_mother:
        cancel_reminder(key=child_screening_key(child), by=by, reason="no longer with her mother")
        for check in child.health_checks.filter(done_at__isnull=True, cancelled_at__isnull=True):
            check.cancelled_at = timezone.now()
            check.save(update_fields=["cancelled_at"])
            cancel_reminder(key=_check_key(check), by=by, reason="no longer with her mother")
        return
    if not child.health_screenings.exists():
        schedule_reminder(
            key=child_screening_key(child),
            kind="health.child_screening",
            confidential=True,
            rule="9",
            basis=Basis.CONFIG,
            title=gettext_lazy("Health screening of a child living with her mother"),
            facility=child.mother.facility,
            assignee_role="health",
            prisoner=child.mother,
            due_at=timezone.now() + timedelta(hours=settings.CHILD_SCREENING_DUE_HOURS),
        )
    _schedule_child_checks(child)


def _check_key(check: ChildCheck) -> str:
    return f"health.child_check:{check.uuid}"


def _schedule_child_checks(child: Child) -> None:
    today = timezone.localdate()
    known = set(child.health_checks.values_list("age_months", flat=True))
    for months in settings.CHILD_CHECK_MONTHS:
        due_on = add_months(child.date_of_birth, months)
        if months in known or due_on < today:
            continue
        check = ChildCheck.objects.create(child=child, age_months=months, due_on=due_on)
        due_at = timezone.make_aware(datetime.combine(due_on, time(9)))
        schedule_reminder(
            key=_check_key(check),
            kind="health.child_check",
            confidential=True,
            rule="51",
            basis=Basis.CONFIG,
            title=gettext_lazy("Child health check due"),
            facility=child.mother.facility,
            assignee_role="health",
            prisoner=child.mother,
            due_at=due_at,
        )


@transaction.atomic
def record_child_check(*, by: User, check: ChildCheck, notes: str = "") -> ChildCheck:
    """A child's development check done, with what was found and given (Rule 51.1)."""
    _recorder(by, check.child.mother)
    if check.done_at is not None or check.cancelled_at is not None:
        raise ValidationError(_("This check is not pending."))
    check.done_at, check.done_by, check.notes = timezone.now(), by, notes.strip()
    check.save(update_fields=["done_at", "done_by", "notes"])
    cancel_reminder(key=_check_key(check), by=by, reason="done")
    audit.record(
        by=by, action="health.child_check", subject=check, facility=check.child.mother.facility
    )
    return check


@transaction.atomic
def screen_child(
    *,
    by: User,
    child: Child,
    by_child_specialist: bool = True,
    no_specialist_reason: str = "",
    findings: str = "",
    needs_follow_up: bool = False,
) -> ChildScreening:
    """Screen a child living with her mother, preferably by a child health specialist: if
    not, say why (Rule 9)."""
    _recorder(by, child.mother)
    if not child.lives_with_mother:
        raise ValidationError(_("This child does not live with her mother in prison."))
    if not by_child_specialist and not no_specialist_reason.strip():
        raise RuleBroken(
            _("Say why no child health specialist screened the child."),
            rule="9",
            field="no_specialist_reason",
        )
    screening = ChildScreening.objects.create(
        child=child,
        screened_by=by,
        by_child_specialist=by_child_specialist,
        no_specialist_reason=no_specialist_reason.strip(),
        findings=findings.strip(),
        needs_follow_up=needs_follow_up,
    )
    cancel_reminder(key=child_screening_key(child), by=by, reason="screened")
    audit.record(
        by=by, action="health.child_screened", subject=screening, facility=child.mother.facility
    )
    return screening


def children_in_her_care(prisoner: Prisoner) -> list:
    """The children living with her: health staff screen and care for them (Rule 9)."""
    return list(
        prisoner.children.filter(lives_with_mother=True).prefetch_related(
            "health_screenings", "health_checks"
        )
    )


# Her consent to inspection of the file


@transaction.atomic
def record_clinical_consent(
    *, by: User, prisoner: Prisoner, days: int, purpose: str
) -> ClinicalConsent:
    """She lets inspectors read her clinical file for `days` (at most
    CLINICAL_CONSENT_MAX_DAYS), for a stated purpose (Rule 8)."""
    prisoner = _recorder(by, prisoner)
    if not 1 <= days <= settings.CLINICAL_CONSENT_MAX_DAYS:
        raise ValidationError(
            {"days": _("Between 1 and %(max)s days.") % {"max": settings.CLINICAL_CONSENT_MAX_DAYS}}
        )
    if not purpose.strip():
        raise ValidationError({"purpose": _("Say what she agreed to.")})
    now = timezone.now()
    consent = ClinicalConsent.objects.create(
        prisoner=prisoner,
        granted_at=now,
        expires_at=now + timedelta(days=days),
        purpose=purpose.strip(),
        recorded_by=by,
    )
    audit.record(by=by, action="health.consent_given", subject=consent, facility=prisoner.facility)
    return consent


@transaction.atomic
def withdraw_clinical_consent(*, by: User, consent: ClinicalConsent) -> ClinicalConsent:
    _recorder(by, consent.prisoner)
    if consent.withdrawn_at is None:
        consent.withdrawn_at = timezone.now()
        consent.save(update_fields=["withdrawn_at"])
        audit.record(
            by=by,
            action="health.consent_withdrawn",
            subject=consent,
            facility=consent.prisoner.facility,
        )
    return consent


def screening_of(prisoner: Prisoner) -> tuple[Admission | None, Screening | None]:
    """Her latest admission and its entry screening (or None)."""
    admission = prisoner.admissions.select_related("health_screening").first()
    return admission, getattr(admission, "health_screening", None) if admission else None
