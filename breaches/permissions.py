"""Who records and who reads a breach. Any role that writes her case records may record one
(the inspector never writes); the governor, the inspector and health staff read them. The
account of a breach whose kind may carry clinical detail is for health staff alone."""

from prisoners.permissions import access_prisoner

RECORD = "breaches.add_breach"
VIEW = "breaches.view_breach"
HEALTH_ROLE = "health"


def access_to_record(user, uuid):
    """The woman, if the user may record a breach and she is in the user's facilities; else
    the 404 of a woman who doesn't exist."""
    return access_prisoner(user, uuid, perm=RECORD)


def access_to_read(user, uuid, write: bool = False):
    """The woman whose breaches the user reads (`write`: records), else 404."""
    return access_prisoner(user, uuid, perm=RECORD if write else VIEW)


def reads_account(user, breach) -> bool:
    """Whether `user` may read the account itself (not only its kind, rule and time)."""
    return not breach.is_clinical or user.role_code == HEALTH_ROLE
