"""Classifications made through the services, as social workers would record them."""

from classification.services import classify

# The tool's risk factors all at none: its default is low security.
LOW = {
    "offence_violence": 0,
    "escape_history": 0,
    "conduct_in_custody": 0,
    "risk_to_others": 0,
    "level": "low",
    "reasons_for_her": "No violence, no escape, no trouble here.",
}
# A score of 3 (serious violence in the offence, some risk to others): medium by default.
MEDIUM = {**LOW, "offence_violence": 2, "risk_to_others": 1, "level": "medium"}
# Raised from medium to high for reasons the Rules allow.
RAISED = {
    **MEDIUM,
    "level": "high",
    "raise_reasons": ["escape_risk", "mental_health"],
    "rationale": "A planned escape was found in her letters last week.",
}


def classify_her(cast, woman, **fields):
    by = fields.pop("by", cast["social"])
    return classify(by=by, prisoner=woman, **{**LOW, **fields})
