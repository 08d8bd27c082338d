"""The statistics routes in the permission matrix: the governor and the inspector only (the
facilities they oversee; the outsider, reception at B, oversees nothing)."""

from tests.matrix_support import rows

READ = {
    "GET": rows(404, anonymous=302, governor=200, inspector=200),
    "POST": rows(405, anonymous=302),
}
MATRIX = {
    "research:annual": READ,
    "research:annual-pdf": READ,
}


def world(cast, admission) -> dict:
    return {"research:annual": {}, "research:annual-pdf": {}}
