from datetime import date

CHILD = {
    "given_names": "Ploy",
    "family_name": "Srisuk",
    "date_of_birth": date(2019, 3, 14),
    "location": "With her grandmother in Lampang",
    "custody": "relative",
    "arrangements": "Grandmother cares for her; school informed.",
}


def child_fields(**overrides) -> dict:
    return {**CHILD, **overrides}
