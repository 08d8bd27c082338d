"""`CreateModels`: the models of a squashed migration created as one operation.

Django renders the migration state's model classes again after every operation, and each
`CreateModel` re-renders every model related to the new one, which here is nearly all of
them (every record points at a member of staff and a woman). A fresh `migrate` of the
history one operation at a time spent most of its time there. `CreateModels` adds all its
models to the state first and renders once, then creates their tables exactly as the same
`CreateModel` operations one after another would: each table is created from its model as
it stands at the end of the operation, which is the model its own `CreateModel` gives,
since nothing else in the operation alters it; foreign keys are added when the migration
ends, so the order of the tables does not matter.
"""

from typing import Any

from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations import Migration
from django.db.migrations.operations.base import Operation
from django.db.migrations.operations.fields import AlterField
from django.db.migrations.operations.models import CreateModel
from django.db.migrations.state import ProjectState


class CreateModels(Operation):
    reduces_to_sql = True
    reversible = True

    def __init__(self, operations: list[CreateModel]) -> None:
        if not all(isinstance(op, CreateModel) for op in operations):
            raise TypeError("CreateModels holds CreateModel operations only")
        names = [op.name_lower for op in operations]
        if len(set(names)) != len(names):
            raise ValueError("CreateModels: each model once")
        self.operations = operations

    def deconstruct(self) -> tuple[str, list[Any], dict[str, Any]]:
        return (self.__class__.__qualname__, [], {"operations": self.operations})

    def state_forwards(self, app_label: str, state: ProjectState) -> None:
        rendered = state.__dict__.pop("apps", None)
        for operation in self.operations:
            operation.state_forwards(app_label, state)
        if rendered is not None:
            state.__dict__["apps"] = rendered
            state.reload_models([(app_label, op.name_lower) for op in self.operations], delay=False)

    def database_forwards(
        self,
        app_label: str,
        schema_editor: BaseDatabaseSchemaEditor,
        from_state: ProjectState,
        to_state: ProjectState,
    ) -> None:
        for operation in self.operations:
            operation.database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(
        self,
        app_label: str,
        schema_editor: BaseDatabaseSchemaEditor,
        from_state: ProjectState,
        to_state: ProjectState,
    ) -> None:
        for operation in reversed(self.operations):
            operation.database_backwards(app_label, schema_editor, from_state, to_state)

    def references_model(self, name: str, app_label: str) -> bool:
        return any(op.references_model(name, app_label) for op in self.operations)

    def describe(self) -> str:
        return f"Create {len(self.operations)} models"

    @property
    def migration_name_fragment(self) -> str:
        return "models"


# What `Together` may hold: operations that add (a model, a field, an index, a constraint,
# a trigger), and those that change what was there before it (a field altered, a trigger
# removed), none of whose SQL depends on the state between them.
ADDITIVE = (
    "CreateModel",
    "AddField",
    "AddIndex",
    "AddConstraint",
    "AddTrigger",
)
BEFORE_IT = ("AlterField", "RemoveTrigger")


class Together(Operation):
    """A migration's run of operations as one: its new models, the fields, indexes,
    constraints and triggers added to them and to others, the fields it alters and the
    triggers it removes, as `makemigrations` writes them one after another.

    Each of those operations renders the state again (the models related to the one it
    changes, which is nearly all of them), and a new area's first migration has forty: most
    of a fresh `migrate` went there. `Together` changes the state as they would, renders
    once, then creates each new model's table as it stands at the end, with its indexes,
    constraints and triggers (`create_model`, pgtrigger's included), which is what the
    operations one after another leave; an operation on a model made before is run as
    itself, in its order, between the state before the run and the state after it. So a
    field it alters was there before the run and is altered once, and a trigger it removes
    was there before the run (a trigger removed and added again under its name is the
    pghistory triggers of a model whose columns change): what those operations read of the
    state before them and after them is then the same as one by one.
    """

    reduces_to_sql = True
    reversible = True

    def __init__(self, operations: list[Operation]) -> None:
        kinds = {type(op).__name__ for op in operations}
        if not kinds <= set(ADDITIVE + BEFORE_IT):
            raise TypeError(
                f"Together holds additions, altered fields and removed triggers only, "
                f"not {kinds - set(ADDITIVE + BEFORE_IT)}"
            )
        created = [op.name_lower for op in operations if isinstance(op, CreateModel)]
        if len(set(created)) != len(created):
            raise ValueError("Together: each model created once")
        altered = [_target(op) for op in operations if isinstance(op, AlterField)]
        if len(set(altered)) != len(altered):
            raise ValueError("Together: each field altered once")
        removed = [_target(op) for op in operations if type(op).__name__ == "RemoveTrigger"]
        if len(set(removed)) != len(removed):
            raise ValueError("Together: each trigger removed once")
        self.operations = operations

    def _check_before(self, app_label: str, state: ProjectState) -> None:
        """What it alters or removes was there before it, on a model it doesn't create."""
        for op in self.operations:
            kind = type(op).__name__
            if kind not in BEFORE_IT:
                continue
            model = state.models.get((app_label, op.model_name_lower))
            there = model is not None and (
                op.name in model.fields
                if kind == "AlterField"
                else op.name in {t.name for t in model.options.get("triggers", [])}
            )
            if not there:
                raise ValueError(
                    f"Together: {op.describe()} needs it there before the run, not made in it"
                )

    def _created(self) -> set[str]:
        return {op.name_lower for op in self.operations if isinstance(op, CreateModel)}

    def _added_to_others(self) -> list[Operation]:
        created = self._created()
        return [
            op
            for op in self.operations
            if not isinstance(op, CreateModel) and op.model_name_lower not in created
        ]

    def deconstruct(self) -> tuple[str, list[Any], dict[str, Any]]:
        return (self.__class__.__qualname__, [], {"operations": self.operations})

    def state_forwards(self, app_label: str, state: ProjectState) -> None:
        self._check_before(app_label, state)
        rendered = state.__dict__.pop("apps", None)
        for operation in self.operations:
            operation.state_forwards(app_label, state)
        if rendered is not None:
            state.__dict__["apps"] = rendered
            touched = {
                op.name_lower if isinstance(op, CreateModel) else op.model_name_lower
                for op in self.operations
            }
            state.reload_models([(app_label, name) for name in sorted(touched)], delay=False)

    def database_forwards(
        self,
        app_label: str,
        schema_editor: BaseDatabaseSchemaEditor,
        from_state: ProjectState,
        to_state: ProjectState,
    ) -> None:
        for operation in self.operations:
            if isinstance(operation, CreateModel):
                model = to_state.apps.get_model(app_label, operation.name)
                if operation.allow_migrate_model(schema_editor.connection.alias, model):
                    schema_editor.create_model(model)
        for operation in self._added_to_others():
            operation.database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(
        self,
        app_label: str,
        schema_editor: BaseDatabaseSchemaEditor,
        from_state: ProjectState,
        to_state: ProjectState,
    ) -> None:
        for operation in reversed(self._added_to_others()):
            operation.database_backwards(app_label, schema_editor, from_state, to_state)
        for operation in reversed(self.operations):
            if isinstance(operation, CreateModel):
                model = from_state.apps.get_model(app_label, operation.name)
                if operation.allow_migrate_model(schema_editor.connection.alias, model):
                    schema_editor.delete_model(model)

    def references_model(self, name: str, app_label: str) -> bool:
        return any(op.references_model(name, app_label) for op in self.operations)

    def describe(self) -> str:
        return f"{len(self.operations)} additions, altered fields and removed triggers together"

    @property
    def migration_name_fragment(self) -> str:
        return "together"


def _target(operation: Operation) -> tuple[str, str]:
    """The model and the field or trigger an operation on a model made before names."""
    return (operation.model_name_lower, operation.name)


def operations_of(module) -> list:
    """A migration module's operations as a squash that replaces it runs them: those of a
    `Together` one by one (a squash wraps the operations of every migration it replaces in
    one `Together`)."""
    found = []
    for operation in module.Migration.operations:
        if isinstance(operation, Together):
            found += operation.operations
        else:
            found.append(operation)
    return found


def squashed(app_label: str, *replaced) -> type[Migration]:
    """The migration a new database runs for `replaced` (an app's migration modules, one after
    another): their very operations in one `Together`, after what the first depends on and
    what the others depend on in other apps."""
    dependencies = [*replaced[0].Migration.dependencies]
    for module in replaced[1:]:
        dependencies += [d for d in module.Migration.dependencies if d[0] != app_label]

    class Squashed(Migration):
        pass

    Squashed.replaces = [(app_label, m.__name__.rsplit(".", 1)[1]) for m in replaced]
    Squashed.dependencies = list(dict.fromkeys(dependencies))
    Squashed.operations = [Together([op for m in replaced for op in operations_of(m)])]
    return Squashed
