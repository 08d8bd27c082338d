"""When her credentials change, whatever proved who she was stops working: her API tokens are
revoked (her sessions are ended by the staff area)."""

from django.dispatch import receiver

from staff.signals import credentials_changed

from .models import ApiToken
from .tokens import revoke_tokens_of


@receiver(credentials_changed, dispatch_uid="signin.revoke_tokens")
def revoke_tokens_on_credentials_change(sender, user, reason="", **kwargs):
    known = {choice.value for choice in ApiToken.Revoked}
    revoke_tokens_of(
        user=user,
        reason=reason if reason in known else ApiToken.Revoked.WITHDRAWN,
        by=kwargs.get("by"),
    )
