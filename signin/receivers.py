"""When her credentials change, whatever proved who she was stops working: her API tokens are
revoked (her sessions are ended by the staff area). Connected to
`staff.signals.credentials_changed` in `signin/hooks.py`."""

from .models import ApiToken
from .tokens import revoke_tokens_of


def revoke_tokens_on_credentials_change(sender, user, reason="", **kwargs):
    known = {choice.value for choice in ApiToken.Revoked}
    revoke_tokens_of(
        user=user,
        reason=reason if reason in known else ApiToken.Revoked.WITHDRAWN,
        by=kwargs.get("by"),
    )
