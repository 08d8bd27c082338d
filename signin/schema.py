"""How the OpenAPI schema describes sign-in's authentication classes."""

from drf_spectacular.authentication import SessionScheme


class VerifiedSessionScheme(SessionScheme):
    """The signed-in session cookie (once through two-factor sign-in where it is needed)."""

    target_class = "signin.authentication.VerifiedSessionAuthentication"
    priority = 0
