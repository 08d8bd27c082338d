from datetime import date, timedelta

CHILD = {
    "given_names": "Ploy",
    "family_name": "Srisuk",
    "date_of_birth": date(2019, 3, 14),
    "location": "With her grandmother in Lampang",
    "custody": "relative",
    "arrangements": "Grandmother cares for her; school informed.",
}


def child_fields(**overrides) -> dict:
    """A child's fields; a child living with her mother is a baby, under the national maximum
    age of stay (Rule 52.1), unless told otherwise."""
    if overrides.get("lives_with_mother") and "date_of_birth" not in overrides:
        overrides["date_of_birth"] = date.today() - timedelta(days=300)
    return {**CHILD, **overrides}


DECISION = {
    "participants": "Her, the social worker, the unit's nurse, the child's health visitor",
    "her_views": "She wants to keep her baby with her and is breastfeeding.",
    "child_needs": "A baby, breastfed, thriving; needs her mother's care.",
    "reasons": "The child is best cared for by her mother in the mother and baby unit.",
}

PLAN = {
    "carer": "Her grandmother, Mrs Boonmee",
    "location": "Lampang",
    "carer_contact": "+66 81 234 5678",
    "custody": "relative",
    "transition": "Two weeks of day visits to her grandmother, then overnight stays.",
    "her_views": "She agrees that her mother cares for the child.",
    "contact_plan": "Her grandmother brings the child every other Saturday; video calls weekly.",
    "contact_every_days": 14,
}


def decide(by, mother, *, child=None, outcome="with_her", **overrides):
    """A best-interests decision (Rules 49, 52.1), recorded by a social worker `by`."""
    from register.services import decide_best_interests

    fields = {**DECISION, **overrides}
    return decide_best_interests(by=by, mother=mother, child=child, outcome=outcome, **fields)


def with_her(by, mother, *, social, **fields):
    """A child recorded by `by` as living with her mother, on a social worker's decision."""
    from register.services import record_child

    decide(social, mother)
    return record_child(by=by, mother=mother, **{**fields, "lives_with_mother": True})


def leaves(child, *, by, separated_on=None, **plan):
    """The child leaves her mother, as the Rules ask it: a decision that the child lives apart
    (52.1), a complete plan (52.2, 52.3), then the separation."""
    from django.utils import timezone

    from register.services import plan_separation, separate_child

    today = timezone.localdate()
    decide(by, child.mother, child=child, outcome="apart", reasons="Her grandmother can care.")
    fields = {**PLAN, "care_confirmed_on": today, "her_consulted_on": today, **plan}
    if child.mother.is_foreign_national and "consular_consulted_on" not in plan:
        fields |= {"consular_consulted_on": today, "consular_official": "The consul, Ms Tan"}
    if child.mother.is_foreign_national and "home_country_considered" not in plan:
        fields["home_country_considered"] = "She wants the child to stay near her here."
    plan_separation(by=by, child=child, **fields)
    return separate_child(by=by, child=child, separated_on=separated_on)
