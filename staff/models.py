from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from .roles import ROLES, Role


class Gender(models.TextChoices):
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    OTHER = "other", _("Another gender")
    UNDISCLOSED = "undisclosed", _("Not disclosed")


class User(AbstractUser):
    """A member of staff (or an inspector). Accounts are deactivated, never deleted.

    Her gender matters to Rule 19 (personal searches by women staff only). The facilities
    she works in are object permissions on `prisoners.Facility` (see `staff.services`).
    """

    gender = models.CharField(
        _("gender"), max_length=16, choices=Gender, default=Gender.UNDISCLOSED
    )

    class Meta:
        verbose_name = _("staff member")
        verbose_name_plural = _("staff members")

    @cached_property
    def role(self) -> Role | None:
        """Her role: the first of her groups that names a role (one query, then cached)."""
        names = self.groups.filter(name__in=ROLES).values_list("name", flat=True)
        for name in names:
            return ROLES[name]
        return None

    @property
    def role_code(self) -> str:
        return self.role.code if self.role else ""


class Course(models.TextChoices):
    """The trainings Rules 19 and 29-35 name (RULES-SPEC 2.16)."""

    SEARCH_METHODS = "search_methods", _("Search methods (Rule 19)")
    CHILD_SEARCHES = "child_searches", _("Searching children (Rule 21)")
    GENDER_SENSITIVITY = (
        "gender_sensitivity",
        _("Gender sensitivity and prevention of sexual harassment (Rule 32)"),
    )
    WOMENS_NEEDS = "womens_needs", _("Women's rights and gender-specific needs (Rule 33.1)")
    WOMENS_HEALTH = "womens_health", _("Women's health and first aid (Rule 33.2)")
    CHILD_DEVELOPMENT = "child_development", _("Child development and child health (Rule 33.3)")
    HIV = "hiv", _("HIV prevention, treatment, care and support (Rule 34)")
    MENTAL_HEALTH = "mental_health", _("Mental health, suicide and self-harm (Rule 35)")
    BANGKOK_RULES = "bangkok_rules", _("The Bangkok Rules (Rule 70.4)")


class TrainingRecordQuerySet(models.QuerySet):
    def valid_on(self, day=None):
        day = day or timezone.localdate()
        return self.filter(completed__lte=day).filter(
            models.Q(expires__isnull=True) | models.Q(expires__gte=day)
        )


class TrainingRecord(models.Model):
    user = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="training_records", verbose_name=_("staff")
    )
    course = models.CharField(_("course"), max_length=32, choices=Course)
    completed = models.DateField(_("completed on"))
    expires = models.DateField(_("expires on"), null=True, blank=True)
    provider = models.CharField(_("provider"), max_length=200, blank=True)

    objects = TrainingRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("training record")
        ordering = ["user", "course", "-completed"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires__isnull=True)
                | models.Q(expires__gt=models.F("completed")),
                name="training_expires_after_completion",
                violation_error_message=_("A training can't expire before it was completed."),
            ),
        ]
        indexes = [models.Index(fields=["course", "expires"])]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_course_display()}"

    def is_valid_on(self, day) -> bool:
        return self.completed <= day and (self.expires is None or self.expires >= day)
