"""The work queues in the permission matrix: each is its role's alone; for every other role
it doesn't exist (404). The outsider is reception at another facility: her own queue, empty."""

from tests.matrix_support import rows

QUEUES = {
    "complaints": ("safeguarding",),
    "held-actions": ("governor",),
    "escalations": ("governor",),
    "reception": ("reception", "outsider"),
    "children": ("social",),
    "children-in-prison": ("social",),
    "contact": ("social",),
    "health": ("health",),
}

MATRIX = {
    f"queue-{key}": {
        "GET": rows(404, anonymous=302, **dict.fromkeys(roles, 200)),
        # A page that takes no write: 405 for every signed-in role, before her right to it.
        "POST": rows(405, anonymous=302),
    }
    for key, roles in QUEUES.items()
}


def world(cast, admission) -> dict:
    return {}
