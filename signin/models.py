"""API tokens of our own: only a hash of the key is kept, and every token expires.

A token works while it is not revoked, its absolute limit (`expires_at`) has not passed, it
has been used within the idle limit (`API_TOKEN_IDLE_DAYS`), its owner is active and not
locked out, and her password is the one she had when it was issued (`credentials_hash`).
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from staff.models import User


class ApiTokenQuerySet(models.QuerySet):
    def active(self, now=None):
        """Not revoked, within both limits. (Owner and password are checked on use.)"""
        now = now or timezone.now()
        idle_since = now - settings_idle()
        return self.filter(revoked_at__isnull=True, expires_at__gt=now).filter(
            Q(last_used_at__gt=idle_since) | Q(last_used_at__isnull=True, created_at__gt=idle_since)
        )


def settings_idle() -> timedelta:
    return timedelta(days=settings.API_TOKEN_IDLE_DAYS)


class ApiToken(models.Model):
    class Revoked(models.TextChoices):
        OWNER = "owner", _("Revoked by its owner")
        ADMINISTRATOR = "administrator", _("Revoked by the account manager")
        PASSWORD = "password", _("Her password changed")
        RESET = "reset", _("Her password was reset")
        DEACTIVATED = "deactivated", _("Her account was deactivated")
        LOCKED = "locked", _("Her account was locked")
        WITHDRAWN = "withdrawn", _("Her access was withdrawn")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(_("begins with"), max_length=12, editable=False)
    credentials_hash = models.CharField(max_length=128, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)
    expires_at = models.DateTimeField(_("expires"), editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True, editable=False)
    revoked_reason = models.CharField(
        _("why revoked"), max_length=16, choices=Revoked, blank=True, editable=False
    )
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                name="api_token_revoked_with_reason",
                condition=Q(revoked_at__isnull=True, revoked_reason="")
                | Q(revoked_at__isnull=False) & ~Q(revoked_reason=""),
            ),
            models.CheckConstraint(
                name="api_token_expires_after_creation",
                condition=Q(expires_at__gt=models.F("created_at")),
            ),
        ]
        indexes = [models.Index(fields=["owner", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    @property
    def idle_expires_at(self):
        return (self.last_used_at or self.created_at) + settings_idle()

    def status(self, now=None) -> str:
        now = now or timezone.now()
        if self.revoked_at is not None:
            return "revoked"
        if self.expires_at <= now:
            return "expired"
        if self.idle_expires_at <= now:
            return "idle"
        return "active"

    def status_label(self) -> str:
        return {
            "revoked": _("Revoked"),
            "expired": _("Expired"),
            "idle": _("Expired (unused too long)"),
            "active": _("Active"),
        }[self.status()]


class TwoFactorAccount(User):
    """A staff account as the account manager sees its two-factor sign-in (admin only)."""

    class Meta:
        proxy = True
        verbose_name = _("two-factor sign-in")
        verbose_name_plural = _("two-factor sign-in")
