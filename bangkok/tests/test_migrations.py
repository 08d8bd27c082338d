"""Every model change, history triggers included, is in a migration of this project: a
deployment that runs `migrate` gets exactly the schema the code expects. A new database
runs the squashed history, whose models are created a migration at a time."""

from io import StringIO

import pgtrigger
import pgtrigger.migrations
import pytest
from django.apps import apps as registry
from django.conf import settings
from django.core.management import call_command
from django.db import connection, migrations, models
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.state import ProjectState

from bangkok.migration_operations import CreateModels, Together

# A fresh migrate renders the state once per operation: the squashed history creates its
# models in `CreateModels`, and every later migration's run of additions (a new area's first
# migration has forty) is one `Together`. With the regime and classification areas this
# project's part of a fresh migrate was 72 operations and the migrate of an empty database
# 17.8 s on the 2-core machine; with the equality, girls and safeguarding areas, the staff's
# posts and the courts' outcomes it was 83 operations and 15.6-16.6 s (the machine of that day
# was faster), 87 with the attendance's correction (a model made versioned removes and adds
# its triggers: three operations that `Together` can't hold), 88 with the pretrial area, 89
# with a girl's sealed records, 90 with the inspections (one `Together` each), 93 with the
# indexes of the governor's escalations and of the women in custody by facility (a `Together`
# each) and the reminders' history kept a statement at a time (its trigger removed, then added
# again in the `Together`), 94 with break-glass, 95 with the index of the prison numbers'
# starts that the name search asks, 98 with oversight's daily counts and the admissions' and
# the women's indexes for oversight (one `Together` each), 100 with the days changed since they
# were counted (a model and the triggers that write it, which `Together` can't hold), 106 with
# the indexes oversight's counts of the present ask in six areas (one `Together` each); still
# 106 with the releases' days marked changed and the index of the visitors approved without her
# agreement, oversight's three migrations squashed into two operations for them; still 106 with
# the days its indicators count marked changed by the entry screenings and records copies
# (oversight's four migrations squashed into the same two operations); 75 once `Together`
# held the fields a migration alters and the triggers it removes as well, so that each
# migration but those with SQL or Python in the middle is one operation (and django-otp's
# six made before the areas' models: a fresh migrate 31.7 s of CPU to 22.0 s); 77 with
# oversight's figures counted ahead (one model) and the index of the positive HIV results by
# date; 79 with the index of the complaints by when they were received and that of the women
# on a unit whatever their facility; 80 with the periods oversight's pages were asked for (one
# model). Past this, wrap a new migration's run of operations in `Together`, or squash again
# (docs/ARCHITECTURE.md, "Migrations").
MOST_OPERATIONS_OF_A_FRESH_MIGRATE = 80


@pytest.mark.django_db
def test_no_model_change_is_missing_a_migration():
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit as exit_:
        pytest.fail(f"makemigrations --check found changes ({exit_.code}):\n{out.getvalue()}")


def project_apps() -> set[str]:
    loader = MigrationLoader(None, ignore_no_migrations=True, load=False)
    loader.load_disk()
    root = str(settings.BASE_DIR)
    labels = {label for label, _ in loader.disk_migrations}
    return {
        label
        for label in labels
        if registry.get_app_config(label).path.startswith(root)
        and "site-packages" not in registry.get_app_config(label).path  # a venv in the project
    }


def fresh_plan() -> list[migrations.Migration]:
    """What `migrate` runs on an empty database (one with no migration applied)."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    plan: list[migrations.Migration] = []
    for leaf in loader.graph.leaf_nodes():
        for key in loader.graph.forwards_plan(leaf):
            if loader.graph.nodes[key] not in plan:
                plan.append(loader.graph.nodes[key])
    return plan


def test_a_new_database_runs_the_squashed_migrations_not_the_ones_they_replace():
    apps = project_apps()
    plan = [m for m in fresh_plan() if m.app_label in apps]
    replaced = {key for m in plan for key in m.replaces}
    assert replaced, "the history is squashed"
    assert {m.app_label for m in plan if m.replaces} <= apps
    assert not replaced & {(m.app_label, m.name) for m in plan}
    operations = sum(len(m.operations) for m in plan)
    assert operations <= MOST_OPERATIONS_OF_A_FRESH_MIGRATE, (
        f"a fresh migrate runs {operations} operations of this project: squash again"
    )


def test_the_replaced_migrations_stay_for_databases_made_before_the_squash():
    loader = MigrationLoader(None, ignore_no_migrations=True, replace_migrations=False)
    for app in project_apps():
        squashes = [m for (label, _), m in loader.disk_migrations.items() if label == app]
        for squash in (m for m in squashes if m.replaces):
            assert all(key in loader.graph.nodes for key in squash.replaces)


@pytest.mark.django_db
def test_models_created_as_one_operation_may_name_each_other_in_any_order():
    create = CreateModels(
        [
            migrations.CreateModel(
                "Leaf",
                [
                    ("id", models.BigAutoField(primary_key=True)),
                    ("root", models.ForeignKey("probe.root", on_delete=models.PROTECT)),
                ],
            ),
            migrations.CreateModel("Root", [("id", models.BigAutoField(primary_key=True))]),
        ]
    )
    before = ProjectState()
    before.apps  # noqa: B018 (rendered, as the executor has it)
    after = before.clone()
    create.state_forwards("probe", after)
    assert {"leaf", "root"} <= {m._meta.model_name for m in after.apps.get_models()}

    with connection.schema_editor() as editor:
        create.database_forwards("probe", editor, before, after)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT ccu.table_name FROM information_schema.table_constraints tc "
            "JOIN information_schema.constraint_column_usage ccu USING (constraint_name) "
            "WHERE tc.table_name = 'probe_leaf' AND tc.constraint_type = 'FOREIGN KEY'"
        )
        assert cursor.fetchall() == [("probe_root",)]

    with connection.schema_editor() as editor:
        create.database_backwards("probe", editor, after, before)
    assert not {"probe_leaf", "probe_root"} & set(connection.introspection.table_names())


def test_create_models_holds_create_model_operations_each_model_once():
    root = migrations.CreateModel("Root", [("id", models.BigAutoField(primary_key=True))])
    with pytest.raises(ValueError, match="each model once"):
        CreateModels([root, root])
    with pytest.raises(TypeError, match="CreateModel operations only"):
        CreateModels([migrations.RunSQL("SELECT 1")])  # type: ignore[list-item]


def _made_before() -> migrations.CreateModel:
    """The model the probe's run finds made: a field and a trigger."""
    return migrations.CreateModel(
        "Before",
        [
            ("id", models.BigAutoField(primary_key=True)),
            ("label", models.CharField(max_length=10)),
        ],
        options={"triggers": [pgtrigger.Protect(name="probe_kept", operation=pgtrigger.Delete)]},
    )


def _probe_operations():
    """The run of a migration as `makemigrations` writes it one operation after another: two
    models, a field, a constraint, an index and a trigger on one of them; on the model made
    before, a field added, a field altered, and its trigger removed and added again changed
    (as pghistory's are when a model's columns change)."""
    leaf = "leaf"
    return [
        pgtrigger.migrations.RemoveTrigger("before", "probe_kept"),
        migrations.CreateModel("Root", [("id", models.BigAutoField(primary_key=True))]),
        migrations.CreateModel(
            "Leaf",
            [
                ("id", models.BigAutoField(primary_key=True)),
                ("root", models.ForeignKey("probe.root", on_delete=models.PROTECT)),
            ],
        ),
        migrations.AddField(leaf, "note", models.CharField(max_length=20, default="x")),
        migrations.AddConstraint(
            leaf, models.CheckConstraint(condition=~models.Q(note=""), name="probe_leaf_noted")
        ),
        migrations.AddIndex(leaf, models.Index(fields=["note"], name="probe_leaf_note")),
        pgtrigger.migrations.AddTrigger(
            leaf, pgtrigger.Protect(name="probe_leaf_kept", operation=pgtrigger.Delete)
        ),
        migrations.AddField("before", "size", models.IntegerField(null=True)),
        migrations.AlterField("before", "label", models.CharField(max_length=40, null=True)),
        pgtrigger.migrations.AddTrigger(
            "before", pgtrigger.Protect(name="probe_kept", operation=pgtrigger.Update)
        ),
    ]


def _described() -> list:
    """The probe's tables as PostgreSQL has them: columns, constraints, indexes, triggers."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name, column_name, data_type, is_nullable FROM "
            "information_schema.columns WHERE table_name LIKE 'probe_%' ORDER BY 1, 2"
        )
        columns = cursor.fetchall()
        cursor.execute(
            "SELECT conrelid::regclass::text, contype, pg_get_constraintdef(oid) FROM "
            "pg_constraint WHERE conrelid::regclass::text LIKE 'probe_%' ORDER BY 1, 2, 3"
        )
        constraints = cursor.fetchall()
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename LIKE 'probe_%' ORDER BY 1")
        indexes = cursor.fetchall()
        cursor.execute(
            "SELECT tgrelid::regclass::text, tgname, pg_get_triggerdef(oid) FROM pg_trigger "
            "WHERE tgrelid::regclass::text LIKE 'probe_%' AND NOT tgisinternal ORDER BY 1, 2"
        )
        triggers = cursor.fetchall()
    return [columns, constraints, indexes, triggers]


def _apply(operations, state):
    for operation in operations:
        after = state.clone()
        operation.state_forwards("probe", after)
        with connection.schema_editor() as editor:
            operation.database_forwards("probe", editor, state, after)
        state = after
    return state


@pytest.mark.django_db
def test_a_run_together_leaves_the_schema_and_state_that_one_by_one_leave():
    made_before = _made_before()
    start = ProjectState()
    start.apps  # noqa: B018 (rendered, as the executor has it)
    _apply([made_before], start)
    made = _described()
    with connection.schema_editor() as editor:
        editor.execute("DROP TABLE probe_before")
    one_by_one = _apply([made_before, *_probe_operations()], start)
    expected, state_expected = _described(), one_by_one.models
    assert expected[3] and expected[1] and expected[2]  # the trigger, constraints, indexes
    with connection.schema_editor() as editor:
        for model in ("leaf", "root", "before"):
            editor.delete_model(one_by_one.apps.get_model("probe", model))
    assert _described() == [[], [], [], []]

    together = Together(_probe_operations())
    after = _apply([made_before, together], start)
    assert _described() == expected
    assert after.models.keys() == state_expected.keys()
    for key, model in after.models.items():
        assert dict(model.fields).keys() == dict(state_expected[key].fields).keys()
        assert [t.name for t in model.options.get("triggers", [])] == [
            t.name for t in state_expected[key].options.get("triggers", [])
        ]
        assert model.options.get("constraints") == state_expected[key].options.get("constraints")

    with connection.schema_editor() as editor:
        before_together = start.clone()
        made_before.state_forwards("probe", before_together)
        together.database_backwards("probe", editor, after, before_together)
    assert _described() == made


@pytest.mark.django_db
def test_together_alters_and_removes_only_what_was_there_before_it():
    start = ProjectState()
    start.apps  # noqa: B018
    state = _apply([_made_before()], start)
    for run in (
        [
            migrations.AddField("before", "size", models.IntegerField(null=True)),
            migrations.AlterField("before", "size", models.IntegerField(null=True, default=1)),
        ],
        [
            pgtrigger.migrations.AddTrigger(
                "before", pgtrigger.Protect(name="probe_new", operation=pgtrigger.Update)
            ),
            pgtrigger.migrations.RemoveTrigger("before", "probe_new"),
        ],
        [
            migrations.AlterField("leaf", "note", models.CharField(max_length=5)),
            *_probe_operations(),
        ],
    ):
        with pytest.raises(ValueError, match="there before the run"):
            Together(run).state_forwards("probe", state.clone())


def test_together_holds_each_new_model_field_altered_and_trigger_removed_once():
    root = migrations.CreateModel("Root", [("id", models.BigAutoField(primary_key=True))])
    with pytest.raises(ValueError, match="each model created once"):
        Together([root, root])
    altered = migrations.AlterField("before", "label", models.CharField(max_length=40))
    with pytest.raises(ValueError, match="each field altered once"):
        Together([altered, altered])
    removed = pgtrigger.migrations.RemoveTrigger("before", "probe_kept")
    with pytest.raises(ValueError, match="each trigger removed once"):
        Together([removed, removed])
    with pytest.raises(TypeError, match="altered fields and removed triggers only, not"):
        Together([migrations.RunSQL("SELECT 1")])
