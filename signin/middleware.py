from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from .authentication import NOT_VERIFIED
from .twofactor import enrolled, is_verified


class TwoFactorMiddleware:
    """A signed-in session that must pass two-factor sign-in and hasn't reaches only the
    verify, enrol and sign-out pages (and static files); pages send her to verify (or to
    enrol, if she has no authenticator yet), the API answers 403.

    Goes after django_otp's OTPMiddleware, which says which device verified the session.
    """

    OPEN = ("signin:verify", "signin:enrol", "logout", "set_language", "healthz", "favicon")

    def __init__(self, get_response):
        self.get_response = get_response
        self._open_paths = None

    def open_paths(self) -> set[str]:
        if self._open_paths is None:
            self._open_paths = {reverse(name) for name in self.OPEN}
        return self._open_paths

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or is_verified(user):
            return self.get_response(request)
        path = request.path_info
        if path in self.open_paths() or path.startswith("/static/"):
            return self.get_response(request)
        if path.startswith("/api/") and path != reverse("api-docs"):
            if request.META.get("HTTP_AUTHORIZATION"):
                return self.get_response(request)  # the API authenticates the header alone
            return JsonResponse({"detail": str(NOT_VERIFIED)}, status=403)
        target = "signin:verify" if enrolled(user) else "signin:enrol"
        return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")


# When her session was last renewed, in whole seconds since the epoch, kept in the session.
RENEWED = "_renewed"


def mark_renewed(session) -> None:
    session[RENEWED] = int(timezone.now().timestamp())


class SessionRenewalMiddleware:
    """A signed-in session ends after a quiet SESSION_COOKIE_AGE; a request renews it, but
    writes the renewal only when the last one is SESSION_RENEW_SECONDS old or more, not on
    every request (a write each request was a third of the statements of a simple page). So
    the quiet time that ends her session is between SESSION_COOKIE_AGE less
    SESSION_RENEW_SECONDS and SESSION_COOKIE_AGE.

    Goes just after Django's SessionMiddleware, so that its answer is read before Django's
    saves a session marked changed. A session ended (signed out) is left alone: marking it
    would start a new one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and session.session_key:
            quiet = timezone.now().timestamp() - session.get(RENEWED, 0)
            if quiet >= settings.SESSION_RENEW_SECONDS:
                mark_renewed(session)
        return response


def renewed_at_sign_in(sender, request, user, **kwargs):
    """A session signed into is new: it counts as renewed at that moment."""
    if request is not None and hasattr(request, "session"):
        mark_renewed(request.session)
