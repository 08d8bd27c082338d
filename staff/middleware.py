from django.contrib.auth import logout
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .services import in_web_request

MUST_CHANGE = gettext_lazy("Set a new password before anything else: your password was reset.")


class AccountGuardMiddleware:
    """What every web request passes, after authentication:

    - a superuser never works on the web (management commands only): her session ends and
      the API refuses her token;
    - a member of staff whose password an administrator reset sets a new one before anything
      else: pages send her to the password page, the API answers 403 saying so (for a
      token, `signin.authentication.ApiTokenAuthentication` answers the same);
    - the trusted grant path (`services.grant_confirmed`) is closed for the request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = in_web_request.set(True)
        try:
            return self.guard(request) or self.get_response(request)
        finally:
            in_web_request.reset(token)

    def guard(self, request):
        user = getattr(request, "user", None)  # a session; API tokens: signin.authentication
        if user is None or not user.is_authenticated:
            return None
        if user.is_superuser:
            logout(request)
            return self.refuse(request, _("This account can't sign in on the web."))
        if user.must_change_password:
            allowed = {reverse("accounts:password"), reverse("logout")}
            if request.path not in allowed and not request.path.startswith("/static/"):
                if request.path.startswith("/api/"):
                    return JsonResponse({"detail": str(MUST_CHANGE)}, status=403)
                return redirect("accounts:password")
        return None

    def refuse(self, request, message):
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": message}, status=403)
        return redirect("login")
