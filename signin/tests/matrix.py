"""Sign-in's routes in the permission matrix. The matrix signs in with `force_login` and runs
with two-factor sign-in off (as the suite does), so the verify page lets everyone through;
signin/tests/test_twofactor.py covers the pages with it on. Each member of staff sees and
revokes her own tokens only (the sample token is reception's); the account manager sees
everyone's in the admin, and resets two-factor sign-in there."""

from tests.matrix_support import NOT_ALLOWED, rows

API_NOT_ALLOWED = rows(405, anonymous=401)
ADMIN_ONLY_SYSADMIN = rows(302, sysadmin=200)


def _admin(model: str) -> dict:
    """A view-only admin with one action, for the account manager alone."""
    return {
        f"admin:signin_{model}_changelist": {
            "GET": ADMIN_ONLY_SYSADMIN,
            "POST": ADMIN_ONLY_SYSADMIN,
        },
        f"admin:signin_{model}_history": {"GET": ADMIN_ONLY_SYSADMIN, "POST": ADMIN_ONLY_SYSADMIN},
        f"admin:signin_{model}_change": {
            "GET": ADMIN_ONLY_SYSADMIN,
            "POST": rows(302, sysadmin=404),
        },
        f"admin:signin_{model}_add": {
            "GET": rows(302, sysadmin=404),
            "POST": rows(302, sysadmin=404),
        },
        f"admin:signin_{model}_delete": {
            "GET": rows(302, sysadmin=404),
            "POST": rows(302, sysadmin=404),
        },
    }


MATRIX = {
    # With two-factor sign-in off every session is verified: on to the dashboard.
    "signin:verify": {"GET": rows(302), "POST": rows(302)},
    # Anyone signed in may set up an authenticator; an empty code is refused (400).
    "signin:enrol": {"GET": rows(200, anonymous=302), "POST": rows(400, anonymous=302)},
    # New recovery codes: only for someone enrolled (nobody in the matrix is).
    "signin:recovery-codes": {"GET": NOT_ALLOWED, "POST": rows(404, anonymous=302)},
    "signin:account": {"GET": rows(200, anonymous=302), "POST": rows(405, anonymous=302)},
    "signin:revoke-token": {"GET": NOT_ALLOWED, "POST": rows(404, anonymous=302, reception=302)},
    "api-auth-tokens": {
        "GET": rows(200, anonymous=401),
        **dict.fromkeys(["POST", "PUT", "PATCH", "DELETE"], API_NOT_ALLOWED),
    },
    "api-auth-token-revoke": {
        "POST": rows(404, anonymous=401, reception=200),
        **dict.fromkeys(["GET", "PUT", "PATCH", "DELETE"], API_NOT_ALLOWED),
    },
    **_admin("apitoken"),
    **_admin("twofactoraccount"),
}


def world(cast, admission) -> dict:
    from signin.tokens import issue_token

    token = issue_token(user=cast["reception"], name="matrix").token
    return {
        "signin:revoke-token": {"uuid": token.uuid},
        "api-auth-token-revoke": {"uuid": token.uuid},
        "admin:signin_apitoken_change": {"object_id": token.pk},
        "admin:signin_apitoken_history": {"object_id": token.pk},
        "admin:signin_apitoken_delete": {"object_id": token.pk},
        "admin:signin_twofactoraccount_change": {"object_id": cast["reception"].pk},
        "admin:signin_twofactoraccount_history": {"object_id": cast["reception"].pk},
        "admin:signin_twofactoraccount_delete": {"object_id": cast["reception"].pk},
    }
