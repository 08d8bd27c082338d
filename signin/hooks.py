"""What sign-in plugs into the other areas: when her credentials change, her API tokens are
revoked; a session signed into counts as renewed (`SessionRenewalMiddleware`); and the OpenAPI
schema describes its authentication classes (`schema`, which registers them with the schema
generator as it is imported)."""

from django.contrib.auth.signals import user_logged_in

from bangkok.hooks import Receiver
from staff.signals import credentials_changed

from . import schema  # noqa: F401
from .middleware import renewed_at_sign_in
from .receivers import revoke_tokens_on_credentials_change

PLUGS = (
    Receiver(
        credentials_changed,
        revoke_tokens_on_credentials_change,
        dispatch_uid="signin.revoke_tokens",
    ),
    Receiver(user_logged_in, renewed_at_sign_in, dispatch_uid="signin.session_renewed"),
)
