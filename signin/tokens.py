"""API tokens: issue, check, revoke. Only the SHA-256 of a key is stored; the key itself is
shown once, to the person it is issued to."""

import functools
import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from axes.models import AccessAttempt
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _

import audit
from bangkok.planned import planned_cursor
from staff.backends import account_columns, account_from
from staff.models import User
from staff.roles import ROLES

from .lockout import counting_from, locks_out
from .models import ApiToken

KEY_PREFIX = "bk_"
# A token's use is written down at most this often (the idle limit is counted in days).
LAST_USED_RESOLUTION = timedelta(minutes=1)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@dataclass(frozen=True)
class Issued:
    token: ApiToken
    key: str


@transaction.atomic
def issue_token(*, user, name: str = "", by=None) -> Issued:
    """A new token for her, valid for API_TOKEN_MAX_DAYS (and while in use)."""
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    now = timezone.now()
    token = ApiToken.objects.create(
        owner=user,
        name=(name or "").strip()[:100] or _("API token"),
        key_hash=hash_key(key),
        prefix=key[: len(KEY_PREFIX) + 5],
        credentials_hash=user.get_session_auth_hash(),
        created_at=now,
        expires_at=now + timedelta(days=settings.API_TOKEN_MAX_DAYS),
    )
    audit.record(
        by=by or user,
        action="signin.token_issued",
        subject=user,
        detail={
            "token": str(token.uuid),
            "name": token.name,
            "expires": token.expires_at.isoformat(),
        },
    )
    return Issued(token=token, key=key)


def usable_token(key: str) -> ApiToken | None:
    """The token with this key if it may be used now, with its owner and her access; else
    None.

    Refused: unknown, revoked, past its absolute or idle limit, an inactive owner, an owner
    whose password changed since it was issued, an owner who is locked out.
    """
    if not key or len(key) > 200:
        return None
    found = _read_token(key)
    if found is None:
        return None
    token, failures = found
    now = timezone.now()
    owner = token.owner
    if (
        token.status(now) != "active"
        or not owner.is_active
        or owner.is_superuser  # superusers never sign in on the web or the API
        or not constant_time_compare(token.credentials_hash, owner.get_session_auth_hash())
        or locks_out(failures)
    ):
        return None
    # Its use is noted to the minute (a token just issued counts as just used).
    if now - (token.last_used_at or token.created_at) >= LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


def _read_token(key: str) -> tuple[ApiToken, int] | None:
    """The token, her account with her role and permissions, and her failed sign-ins since the
    lockout counts them: one statement, on every call the API answers by token (the ORM asked
    three, and took longer building them than PostgreSQL took answering)."""
    since = counting_from() or datetime(1970, 1, 1, tzinfo=UTC)
    with planned_cursor() as cursor:
        cursor.execute(_token_sql(), [list(ROLES), since, hash_key(key)])
        row = cursor.fetchone()
    if row is None:
        return None
    names = [field.attname for field in ApiToken._meta.concrete_fields]
    token = ApiToken.from_db(connection.alias, names, row[: len(names)])
    owner, (failures,) = account_from(row[len(names) :])
    ApiToken._meta.get_field("owner").set_cached_value(token, owner)
    return token, failures


@functools.cache
def _token_sql() -> str:
    quote = connection.ops.quote_name

    def table(model) -> str:
        return quote(model._meta.db_table)

    def column(model, name: str) -> str:
        return quote(model._meta.get_field(name).column)

    tokens = ", ".join(f"t.{quote(f.column)}" for f in ApiToken._meta.concrete_fields)
    # Table and column names from the models, quoted; every value is a parameter.
    return f"""
        SELECT {tokens}, {account_columns("u")},
          (SELECT COALESCE(SUM(a.{column(AccessAttempt, "failures_since_start")}), 0)
             FROM {table(AccessAttempt)} a
            WHERE a.{column(AccessAttempt, "username")} = u.{column(User, User.USERNAME_FIELD)}
              AND a.{column(AccessAttempt, "attempt_time")} >= %s)
        FROM {table(ApiToken)} t JOIN {table(User)} u ON u.id = t.{column(ApiToken, "owner")}
        WHERE t.{column(ApiToken, "key_hash")} = %s
        ORDER BY t.id
        LIMIT 1
    """  # noqa: S608


@transaction.atomic
def revoke_token(*, token: ApiToken, by, reason: str) -> bool:
    """Revoke one token; False if it was already revoked (nothing written)."""
    changed = ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), revoked_reason=reason, revoked_by=by
    )
    token.refresh_from_db()
    if changed:
        audit.record(
            by=by,
            action="signin.token_revoked",
            subject=token.owner,
            detail={"token": str(token.uuid), "reason": reason},
        )
    return bool(changed)


@transaction.atomic
def revoke_tokens_of(*, user, reason: str, by=None) -> int:
    """Revoke every token of hers not yet revoked; one audit row per token."""
    tokens = list(ApiToken.objects.select_for_update().filter(owner=user, revoked_at__isnull=True))
    for token in tokens:
        revoke_token(token=token, by=by, reason=reason)
    return len(tokens)
