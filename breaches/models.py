"""A breach of a Rule that happened anyway, written down by staff (Rules 19, 21, 22, 24;
Mandela 45, 52): a man carried out a personal search, a restraint was used in labour in
hospital by escort staff. The hard stops keep the system from recording such an act as
lawful; this record keeps the act itself from going unwritten. It names the rule, goes to the
governor and the inspector, and counts in the oversight total that must be zero for that
rule (`breaches.oversight`). Never changed, never deleted."""

import uuid

import pghistory
import pgtrigger
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    """What happened, each named by the oversight count that must be zero it adds to. The
    labels say nothing clinical: a restraint "in a protected period", never "in labour"."""

    SEARCH_BY_A_MAN = "searches-by-a-man", _("A personal search of a woman by staff not women")
    SEARCH_UNTRAINED = (
        "searches-untrained",
        _("A search of a woman by staff without valid search training"),
    )
    CHILD_SEARCH_UNTRAINED = (
        "searches-of-children-untrained",
        _("A search of a child by staff without valid training to search children"),
    )
    BODY_CAVITY_NOT_HEALTH = (
        "body-cavity-not-health",
        _("A body cavity search not by a health professional"),
    )
    SEGREGATION_PROTECTED = (
        "segregation-of-protected-women",
        _("A segregation of a woman under the 'No segregation' protection"),
    )
    SEGREGATION_GIRL = "segregation-of-girls", _("A segregation of a girl under 18")
    RESTRAINT_PROTECTED_PERIOD = (
        "restraints-obstetric",
        _("A restraint during a protected period"),
    )
    RESTRAINT_AS_PUNISHMENT = "restraints-punishment", _("A restraint used as a punishment")
    SANITARY_CHARGED = "hygiene-sanitary-charged", _("A sanitary item she was charged for")
    PROTECTIVE_CUSTODY_IMPOSED = (
        "protective-custody-imposed",
        _("Protective custody without her express request, or kept on after she withdrew it"),
    )
    SELFHARM_UNTRAINED = (
        "selfharm-assessment-untrained",
        _("A self-harm risk assessment by staff without valid mental-health training"),
    )
    LEAVE_REFUSED_FOR_CONDUCT = (
        "leave-refused-for-conduct",
        _("Leave refused for her conduct or a disciplinary matter"),
    )
    HOME_TRANSFER_WITHOUT_CONSENT = (
        "home-transfer-without-consent",
        _("A transfer home without her application or informed consent, or after she withdrew"),
    )
    CLASSIFICATION_HIGH_ON_MENTAL_HEALTH = (
        "classification-high-on-mental-health",
        _("A woman held at high security for her mental-health needs alone"),
    )
    DE_FACTO_SOLITARY = (
        "de-facto-solitary",
        _("A day she was locked up 22 hours or more with no segregation on record"),
    )
    VICTIM_PLAN_LATE = (
        "safeguarding-victim-plan-late",
        _("A victim of an incident between women left without her support plan in time"),
    )
    VICTIM_SEPARATED = (
        "safeguarding-victim-separated",
        _("A victim moved, held apart or restricted against her wishes"),
    )


RULE_OF: dict[str, str] = {
    Kind.SEARCH_BY_A_MAN: "19",
    Kind.SEARCH_UNTRAINED: "19",
    Kind.CHILD_SEARCH_UNTRAINED: "21",
    Kind.BODY_CAVITY_NOT_HEALTH: "M52",
    Kind.SEGREGATION_PROTECTED: "22",
    Kind.SEGREGATION_GIRL: "M45",
    Kind.RESTRAINT_PROTECTED_PERIOD: "24",
    Kind.RESTRAINT_AS_PUNISHMENT: "M43",
    Kind.SANITARY_CHARGED: "5",
    Kind.PROTECTIVE_CUSTODY_IMPOSED: "59",
    Kind.SELFHARM_UNTRAINED: "35",
    Kind.LEAVE_REFUSED_FOR_CONDUCT: "23",
    Kind.HOME_TRANSFER_WITHOUT_CONSENT: "53.1",
    Kind.CLASSIFICATION_HIGH_ON_MENTAL_HEALTH: "41",
    Kind.DE_FACTO_SOLITARY: "M44",
    Kind.VICTIM_PLAN_LATE: "25.1",
    Kind.VICTIM_SEPARATED: "25.1",
}
# Kinds whose account may carry clinical detail (labour, birth): health staff alone read it.
CLINICAL_KINDS = {Kind.RESTRAINT_PROTECTED_PERIOD}


@pghistory.track(append_only=True)
class Breach(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    facility = models.ForeignKey("facilities.Facility", on_delete=models.PROTECT, related_name="+")
    prisoner = models.ForeignKey(
        "prisoners.Prisoner", on_delete=models.PROTECT, related_name="breaches"
    )
    kind = models.CharField(_("what happened"), max_length=40, choices=Kind)
    rule = models.CharField(_("rule"), max_length=8)
    occurred_at = models.DateTimeField(_("when it happened"))
    account = models.TextField(
        _("account"),
        max_length=4000,
        help_text=_("What happened, who did it and where, as far as you know."),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("breach recorded")
        verbose_name_plural = _("breaches recorded")
        ordering = ["-occurred_at", "-id"]
        indexes = [models.Index(fields=["facility", "kind", "occurred_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(occurred_at__lte=models.F("recorded_at")),
                name="breach_recorded_after_it_happened",
            )
        ]
        triggers = [
            pgtrigger.Protect(
                name="breach_unchanged", operation=pgtrigger.Update | pgtrigger.Delete
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} (Rule {self.rule})"

    @property
    def is_clinical(self) -> bool:
        return self.kind in CLINICAL_KINDS
