"""How the API knows who is calling: one of our API tokens, or a session that has passed
two-factor sign-in where it is needed."""

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.authentication import SessionAuthentication, TokenAuthentication

from staff.middleware import MUST_CHANGE

from .tokens import usable_token
from .twofactor import is_verified

NOT_USABLE = _(
    "This token can't be used: it is unknown, expired or revoked, or its account can't sign "
    "in now. Ask for a new one."
)
NOT_VERIFIED = _("Finish signing in first: enter the code from your authenticator app.")


class SecondFactorNeeded(exceptions.APIException):
    """403: signed in, not yet through the second factor. Not a PermissionDenied: it says
    nothing about any record, and must not be answered as one (bangkok.errors)."""

    status_code = 403
    default_detail = NOT_VERIFIED
    default_code = "second_factor_needed"


class PasswordChangeNeeded(exceptions.APIException):
    """403: an administrator reset her password; she sets a new one before anything else.
    Like `SecondFactorNeeded`, it says nothing about any record."""

    status_code = 403
    default_detail = MUST_CHANGE
    default_code = "password_change_needed"


class ApiTokenAuthentication(TokenAuthentication):
    """`Authorization: Token <key>`, refused when the token or its owner may not be used.
    The token is looked up once per request, here; a session caller passes the same checks
    in `staff.middleware.AccountGuardMiddleware`."""

    keyword = "Token"

    def authenticate_credentials(self, key):
        token = usable_token(key)
        if token is None:
            raise exceptions.AuthenticationFailed(NOT_USABLE)
        if token.owner.must_change_password:
            raise PasswordChangeNeeded()
        return (token.owner, token)


class VerifiedSessionAuthentication(SessionAuthentication):
    """The signed-in session, refused (403) until it passes two-factor sign-in."""

    def authenticate(self, request):
        result = super().authenticate(request)
        if result is not None and not is_verified(result[0]):
            raise SecondFactorNeeded()
        return result
