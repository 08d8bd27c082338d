"""Entry health screening with consent and decline (Rules 6-9), HIV testing only with her
consent and counselling (Rule 6(a)), disclosures of abuse (Rule 7), and her time-limited
consent to let an inspector read the file.

Everything here is the clinical file (T3; reproductive history, HIV and abuse are T4): health
staff in her facility read and write it; no other role sees any of it.
"""

import uuid

import pghistory
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bangkok.versions import Versioned


class Item(models.TextChoices):
    """What Rule 6 says the entry screening covers."""

    PRIMARY_CARE = "primary_care", _("Primary health-care needs")
    STI_BBV = "sti_bbv", _("Sexually transmitted and blood-borne diseases")
    HIV = "hiv", _("HIV testing, offered depending on risk factors")
    MENTAL_HEALTH = "mental_health", _("Mental health care needs, including PTSD")
    SUICIDE_SELF_HARM = "suicide_self_harm", _("Risk of suicide and self-harm")
    REPRODUCTIVE = "reproductive", _("Reproductive health history")
    DRUG_DEPENDENCY = "drug_dependency", _("Drug dependency")
    ABUSE = "abuse", _("Sexual abuse and other violence before admission")


ITEM_RULES = {
    Item.PRIMARY_CARE: "6",
    Item.STI_BBV: "6",
    Item.HIV: "6",
    Item.MENTAL_HEALTH: "6",
    Item.SUICIDE_SELF_HARM: "6",
    Item.REPRODUCTIVE: "6",
    Item.DRUG_DEPENDENCY: "6",
    Item.ABUSE: "6",
}


class Answer(models.TextChoices):
    ANSWERED = "answered", _("Answered")
    DECLINED = "declined", _("She declined")


@pghistory.track()
class Screening(Versioned):
    """The entry screening of one admission: complete when every item is answered or
    declined (Rule 8). Declining never blocks her admission nor counts against her."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    admission = models.OneToOneField(
        "admissions.Admission", on_delete=models.PROTECT, related_name="health_screening"
    )
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="screenings"
    )
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    language = models.CharField(_("language used"), max_length=8)
    interpreter_used = models.BooleanField(_("an interpreter was used"), default=False)
    completed_at = models.DateTimeField(_("complete"), null=True, blank=True)

    class Meta:
        verbose_name = _("entry health screening")
        ordering = ["-started_at", "-id"]
        permissions = [
            ("read_clinical", "Reads the clinical file of women in her facilities (T3)"),
            ("record_clinical", "Records in the clinical file (T3)"),
        ]

    def __str__(self) -> str:
        return f"Screening {self.uuid}"


@pghistory.track()
class ScreeningItem(models.Model):
    screening = models.ForeignKey(Screening, on_delete=models.PROTECT, related_name="items")
    item = models.CharField(_("item"), max_length=20, choices=Item)
    answer = models.CharField(_("her answer"), max_length=10, choices=Answer)
    finding = models.TextField(_("finding"), blank=True, max_length=5000)
    needs_follow_up = models.BooleanField(_("needs a follow-up"), default=False)
    answered_at = models.DateTimeField(default=timezone.now)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("screening item")
        ordering = ["screening", "id"]
        constraints = [
            models.UniqueConstraint(fields=["screening", "item"], name="one_answer_per_item"),
            # A declined item carries no finding: declining is the whole answer (Rule 8).
            models.CheckConstraint(
                condition=~models.Q(answer="declined")
                | (models.Q(finding="") & models.Q(needs_follow_up=False)),
                name="declined_item_has_no_finding",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item}: {self.answer}"


class Consent(models.TextChoices):
    GIVEN = "given", _("She consents")
    DECLINED = "declined", _("She declines")


class HivResult(models.TextChoices):
    NEGATIVE = "negative", _("Negative")
    POSITIVE = "positive", _("Positive")
    INDETERMINATE = "indeterminate", _("Indeterminate")


@pghistory.track()
class HivTest(Versioned):
    """An HIV test offered to her (Rule 6(a)): voluntary, never compulsory. No sample without
    her recorded consent and pre-test counselling; a result schedules post-test counselling.
    The database refuses a sample taken without them, whatever the code path."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="hiv_tests"
    )
    screening = models.ForeignKey(
        Screening, on_delete=models.PROTECT, null=True, blank=True, related_name="hiv_tests"
    )
    offered_at = models.DateTimeField(_("offered"), default=timezone.now)
    consent = models.CharField(_("her decision"), max_length=10, choices=Consent)
    language = models.CharField(_("language"), max_length=8)
    pre_test_counselling_at = models.DateTimeField(_("pre-test counselling"), null=True, blank=True)
    sample_taken_at = models.DateTimeField(_("sample taken"), null=True, blank=True)
    result = models.CharField(_("result"), max_length=14, choices=HivResult, blank=True)
    result_at = models.DateTimeField(_("result received"), null=True, blank=True)
    post_test_counselling_at = models.DateTimeField(
        _("post-test counselling"), null=True, blank=True
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("HIV test")
        ordering = ["-offered_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(sample_taken_at__isnull=True)
                | (
                    models.Q(consent="given", pre_test_counselling_at__isnull=False)
                    & models.Q(pre_test_counselling_at__lte=models.F("sample_taken_at"))
                ),
                name="hiv_sample_only_with_consent_and_counselling",
            ),
            models.CheckConstraint(
                condition=models.Q(result="") | models.Q(sample_taken_at__isnull=False),
                name="hiv_result_only_after_a_sample",
            ),
        ]
        indexes = [
            # The women living with HIV by a day, for oversight's preventive-care bands
            # (`health.oversight`): the positive results are few, read from the index alone.
            models.Index(
                fields=["result_at", "prisoner"],
                condition=models.Q(result="positive"),
                name="hiv_positive_by_date",
            ),
        ]

    def __str__(self) -> str:
        return f"HIV test {self.uuid}"


class LegalAction(models.TextChoices):
    UNDECIDED = "undecided", _("She has not decided")
    WANTS = "wants", _("She wants legal action")
    DOES_NOT_WANT = "does_not_want", _("She does not want legal action")


@pghistory.track()
class Disclosure(Versioned):
    """Sexual abuse or other violence before admission, disclosed to health staff (Rule 7).

    She is informed of her right to seek recourse; a referral to the competent authority is
    made only if she wants legal action, and is then due at once; psychological support is
    offered whether or not she does. The disclosure opens a safeguarding record (without its
    content) and protects her against retaliation (Rule 7.3)."""

    class Kind(models.TextChoices):
        SEXUAL_ABUSE = "sexual_abuse", _("Sexual abuse")
        OTHER_VIOLENCE = "other_violence", _("Other violence")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="disclosures"
    )
    screening = models.ForeignKey(
        Screening, on_delete=models.PROTECT, null=True, blank=True, related_name="disclosures"
    )
    kind = models.CharField(_("what she disclosed"), max_length=16, choices=Kind)
    disclosed_at = models.DateTimeField(_("disclosed"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    informed_of_recourse_at = models.DateTimeField(
        _("informed of her right to seek recourse"), null=True, blank=True
    )
    legal_action = models.CharField(
        _("legal action"), max_length=14, choices=LegalAction, default=LegalAction.UNDECIDED
    )
    referral_authority = models.CharField(_("referred to"), max_length=200, blank=True)
    referred_at = models.DateTimeField(_("referred"), null=True, blank=True)
    support_offered_at = models.DateTimeField(
        _("psychological support offered"), null=True, blank=True
    )
    support_accepted = models.BooleanField(_("she accepted support"), null=True, blank=True)
    safeguarding_record = models.OneToOneField(
        "complaints.SafeguardingRecord",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="disclosure",
    )

    class Meta:
        verbose_name = _("disclosure of abuse")
        ordering = ["-disclosed_at", "-id"]
        constraints = [
            # No referral without her wish for legal action (Rule 7.1).
            models.CheckConstraint(
                condition=models.Q(referred_at__isnull=True) | models.Q(legal_action="wants"),
                name="referral_only_when_she_wants_legal_action",
            )
        ]

    def __str__(self) -> str:
        return f"Disclosure {self.uuid}"


class ChildScreening(models.Model):
    """The health screening of a child living with her mother, preferably by a child health
    specialist (Rule 9)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    child = models.ForeignKey(
        "register.Child", on_delete=models.PROTECT, related_name="health_screenings"
    )
    screened_at = models.DateTimeField(_("screened"), default=timezone.now)
    screened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    by_child_specialist = models.BooleanField(_("by a child health specialist"), default=True)
    no_specialist_reason = models.CharField(
        _("why not by a child health specialist"), max_length=300, blank=True
    )
    findings = models.TextField(_("findings and treatment needs"), blank=True, max_length=5000)
    needs_follow_up = models.BooleanField(_("needs a follow-up"), default=False)

    class Meta:
        verbose_name = _("child health screening")
        ordering = ["-screened_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(by_child_specialist=True) | ~models.Q(no_specialist_reason=""),
                name="child_screening_specialist_or_reason",
            )
        ]

    def __str__(self) -> str:
        return f"Child screening {self.uuid}"


class ClinicalConsent(Versioned):
    """Her recorded, time-limited consent to let inspectors read her clinical file."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="clinical_consents"
    )
    granted_at = models.DateTimeField(_("given"), default=timezone.now)
    expires_at = models.DateTimeField(_("until"))
    purpose = models.CharField(_("purpose"), max_length=200)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("consent to inspection of the clinical file")
        ordering = ["-granted_at", "-id"]
        permissions = [
            ("read_with_consent", "Reads a clinical file while she consents (inspectors)")
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_at__gt=models.F("granted_at")),
                name="consent_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return f"Clinical consent {self.uuid}"
