"""The oversight routes in the permission matrix: the governor and the inspector only (their
own facility's records; the outsider, reception at B, doesn't oversee)."""

from tests.matrix_support import rows

READ = {
    "GET": rows(404, anonymous=302, governor=200, inspector=200),
    "POST": rows(405, anonymous=302),
}
API_READ = {
    "GET": rows(404, anonymous=401, governor=200, inspector=200),
    **dict.fromkeys(["POST", "PUT", "PATCH", "DELETE"], rows(405, anonymous=401)),
}
MATRIX = {
    # The reads of confidential records: those who read the audit trail and oversee.
    "oversight:reads": READ,
    "api-oversight-reads": API_READ,
    "oversight:overview": READ,
    "oversight:records": READ,
    "oversight:cases": READ,
    "oversight:first-cases": READ,
    "oversight:attempts": READ,
    "api-oversight": API_READ,
    "api-oversight-records": API_READ,
    "api-oversight-cases": API_READ,
    "api-oversight-attempts": API_READ,
    # Each table as a file: exactly as its page (Rules 67-70).
    "oversight:export": READ,
    "oversight:export-key": READ,
    "api-oversight-export": API_READ,
    "api-oversight-export-key": API_READ,
    # The indicators (RULES-SPEC 3): read only, like the rest of oversight.
    "oversight:indicators": READ,
    "oversight:indicator-facilities": READ,
    "oversight:indicator": READ,
    "api-oversight-indicators": API_READ,
    "api-oversight-indicator-facilities": API_READ,
    "api-oversight-indicator": API_READ,
}


def world(cast, admission) -> dict:
    """A list and a count that the areas register, both readable by the two roles."""
    records = {"key": "admissions"}
    cases = {"key": "segregation-over-15-days"}
    indicator = {"key": "family-contact-offered"}
    return {
        "oversight:reads": {},
        "api-oversight-reads": {},
        "oversight:records": records,
        "oversight:cases": cases,
        "oversight:attempts": cases,
        "api-oversight-records": records,
        "api-oversight-cases": cases,
        "api-oversight-attempts": cases,
        "oversight:export": {"name": "must-be-zero"},
        "oversight:export-key": {"name": "list", **records},
        "api-oversight-export": {"name": "timeliness"},
        "api-oversight-export-key": {"name": "cases", **cases},
        "oversight:indicators": {},
        "oversight:indicator-facilities": {},
        "oversight:indicator": indicator,
        "api-oversight-indicators": {},
        "api-oversight-indicator-facilities": {},
        "api-oversight-indicator": indicator,
    }
