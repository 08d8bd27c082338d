"""Two-factor sign-in: a TOTP authenticator app, with ten one-time recovery codes.

Who must use it: every role that reads confidential records (health, social workers,
reception, safeguarding, the governor, the inspector), whoever reaches the admin site (the
account manager), and anyone who chose to enrol. `OTP_REQUIRED` off (only the `make run`
demo) turns it off for everyone.
"""

from base64 import b32encode
from dataclasses import dataclass

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.db import transaction
from django.utils.crypto import salted_hmac
from django.utils.html import escape
from django.utils.translation import gettext as _
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

import audit

from .lockout import username_locked

# Roles whose work reads confidential records (QUALITY S10, issue "Trust I").
TWO_FACTOR_ROLES = frozenset(
    {"health", "social", "reception", "safeguarding", "governor", "inspector"}
)
RECOVERY_CODES = 10
AUTHENTICATOR = "Authenticator app"
RECOVERY = "Recovery codes"


def required_for(user) -> bool:
    """Whether her role (or her reach into the admin site) requires a second factor."""
    return bool(
        settings.OTP_REQUIRED
        and user.is_authenticated
        and (user.role_code in TWO_FACTOR_ROLES or user.is_staff or user.is_superuser)
    )


def must_verify(user) -> bool:
    """Whether her sign-in needs a code: required for her, or she enrolled a device."""
    if not settings.OTP_REQUIRED or not user.is_authenticated:
        return False
    return required_for(user) or user_has_device(user, confirmed=True)


def is_verified(user) -> bool:
    """Her session (or request) passed the second factor, or needs none."""
    if not must_verify(user):
        return True
    check = getattr(user, "is_verified", None)
    return bool(check and check())


def enrolled(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def pending_device(user) -> TOTPDevice:
    """Her unconfirmed authenticator (the same one until she confirms, so a reload shows
    the same secret)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=AUTHENTICATOR, confirmed=False)


def secret_text(device: TOTPDevice) -> str:
    """The base32 secret in groups of four, for typing into an app by hand."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_svg(device: TOTPDevice) -> str:
    """The device's otpauth:// URL as an inline SVG QR code, made on the server."""
    image = qrcode.make(
        device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=12, border=4
    )
    svg = image.to_string(encoding="unicode")
    label = escape(_("QR code for your authenticator app"))
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" class="bk-qr" ', 1)


def stored_recovery_code(user_pk, code: str) -> str:
    """What is kept of a recovery code: a keyed hash, never the code. She is shown her codes
    once; whoever reads the database or a backup can't sign in with what it holds."""
    return salted_hmac(f"signin.recovery:{user_pk}", code, algorithm="sha256").hexdigest()[:16]


def _new_recovery_codes(user) -> list[str]:
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(
        [StaticToken(device=device, token=stored_recovery_code(user.pk, c)) for c in codes]
    )
    device.throttle_reset()
    return codes


@transaction.atomic
def confirm_enrolment(*, request, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm her authenticator with a code from it: the session is verified, and her ten
    recovery codes are returned (to be shown once). None if the code is wrong."""
    user = request.user
    device = TOTPDevice.objects.select_for_update().get(pk=device.pk, user=user, confirmed=False)
    if not device.verify_token(_digits(code)):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    codes = _new_recovery_codes(user)
    request.session.cycle_key()
    otp_login(request, device)
    audit.record(by=user, action="signin.two_factor_enrolled", subject=user)
    return codes


@transaction.atomic
def regenerate_recovery_codes(*, user) -> list[str]:
    """Ten new recovery codes; the old ones stop working."""
    codes = _new_recovery_codes(user)
    audit.record(by=user, action="signin.recovery_codes_issued", subject=user)
    return codes


@dataclass(frozen=True)
class Checked:
    device: object | None
    locked: bool = False

    @property
    def ok(self) -> bool:
        return self.device is not None


def check_code(*, request, user, code: str) -> Checked:
    """Check a code from her authenticator, or one of her recovery codes (used up by this).

    Each device throttles wrong codes (django-otp); a wrong code also counts as a failed
    sign-in towards her lockout, and a locked-out username is refused whatever the code.
    """
    credentials = {"username": user.get_username()}
    if username_locked(user.get_username()):
        return Checked(device=None, locked=True)
    code = (code or "").replace(" ", "").replace("-", "").strip().lower()
    # Six digits are from the app; anything else is tried as a recovery code.
    from_app = code.isdigit() and len(code) == 6
    device = None
    if code:
        with transaction.atomic():
            for candidate in devices_for_user(user, confirmed=True, for_verify=True):
                if isinstance(candidate, TOTPDevice) != from_app:
                    continue
                given = code if from_app else stored_recovery_code(user.pk, code)
                if candidate.verify_token(given):
                    device = candidate
                    break
            if isinstance(device, StaticDevice):
                audit.record(
                    by=user,
                    action="signin.recovery_code_used",
                    subject=user,
                    detail={"left": device.token_set.count()},
                )
    if device is None:
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
        return Checked(device=None, locked=username_locked(user.get_username()))
    return Checked(device=device)


def verify_session(*, request, code: str) -> Checked:
    """The second step of signing in on a page: on the right code the session is verified."""
    checked = check_code(request=request, user=request.user, code=code)
    if checked.ok:
        request.session.cycle_key()
        otp_login(request, checked.device)
    return checked


@transaction.atomic
def reset_two_factor(*, user, by) -> int:
    """The account manager resets her two-factor sign-in: her devices and recovery codes go,
    any session verified with them is no longer verified, and she enrols again."""
    removed = 0
    for device in devices_for_user(user, confirmed=None):
        device.delete()
        removed += 1
    audit.record(
        by=by,
        action="signin.two_factor_reset",
        subject=("staff.user", user.pk),
        detail={"devices": removed},
    )
    return removed


def _digits(code: str) -> str:
    return "".join(ch for ch in (code or "") if ch.isdigit())
