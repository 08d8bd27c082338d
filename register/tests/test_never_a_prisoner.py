"""A child living with her mother is never a prisoner (Rule 49; Mandela 29.2), by
construction: the child is a record of the register, with no prison number, and no record of
discipline or restraint can name a child; the only search that names one is the search of a
child (Rule 21), where the woman it is recorded against is her mother."""

import pytest
from django.apps import apps

from prisoners.models import Prisoner
from register.models import Child

# The records that may name a child, and why: the register itself; health's care of a child
# living with her (Rules 9, 51.1); her contact with her child (Rule 26); the search of a child
# with sensitivity (Rule 21), never as a prisoner.
MAY_NAME_A_CHILD = {
    "register": None,
    "health": None,
    "visits": None,
    "searches": {("search", "child")},
}


def relations_to(model):
    for candidate in apps.get_models():
        for field in candidate._meta.get_fields():
            if field.is_relation and field.concrete and field.related_model is model:
                yield candidate, field


@pytest.mark.rule("49")
def test_a_child_is_not_a_prisoner_and_has_no_prison_number():
    assert not issubclass(Child, Prisoner)
    names = {field.name for field in Child._meta.get_fields()}
    assert "prison_number" not in names and "custody_status" not in names
    # The child's one tie to a prisoner is her mother.
    to_prisoner = [f.name for f in Child._meta.concrete_fields if f.related_model is Prisoner]
    assert to_prisoner == ["mother"]


@pytest.mark.rule("49")
def test_no_discipline_or_restraint_record_can_name_a_child():
    for model, field in relations_to(Child):
        label = model._meta.app_label
        if label.endswith("event") or model.__name__.endswith("Event"):
            continue  # the history rows pghistory keeps of the records below
        assert label not in {"discipline", "restraints"}, f"{model.__name__}.{field.name}"
        assert label in MAY_NAME_A_CHILD, f"{label}.{model.__name__}.{field.name} names a child"
        allowed = MAY_NAME_A_CHILD[label]
        if allowed is not None:
            assert (model._meta.model_name, field.name) in allowed


@pytest.mark.rule("49")
def test_every_discipline_search_and_restraint_record_is_against_a_prisoner():
    for label in ("discipline", "restraints", "searches"):
        for model in apps.get_app_config(label).get_models():
            if model.__name__.endswith("Event"):
                continue
            targets = {f.related_model for f in model._meta.concrete_fields if f.is_relation}
            assert Child not in targets or (label, model.__name__) == ("searches", "Search")


@pytest.mark.rule("49")
def test_a_search_of_a_child_is_recorded_against_her_mother_only_as_a_child_search():
    from searches.models import Search, Subject

    constraint = next(
        c for c in Search._meta.constraints if c.name == "search_child_in_prison_named"
    )
    named = constraint.condition.children[0].children
    assert ("subject", Subject.CHILD_IN_PRISON) in named and ("child__isnull", False) in named
    assert Search._meta.get_field("prisoner").related_model is Prisoner
