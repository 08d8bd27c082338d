# This app's history from 0001_initial to 0004_records_carry_a_version, as one
# migration: a new database runs it instead of the migrations it replaces, which
# stay for databases made before it (docs/ARCHITECTURE.md, "Migrations").
import bangkok.migration_operations
import bangkok.plausible
import bangkok.versions
import django.db.models.deletion
import django.utils.timezone
import pgtrigger.compiler
import uuid
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    replaces = [('register', '0001_initial'), ('register', '0002_separation_is_its_own_step'), ('register', '0003_text_limits_and_plausible_dates'), ('register', '0004_records_carry_a_version')]

    initial = True

    dependencies = [
        ('pghistory', '0007_auto_20250421_0444'),
        ('prisoners', '0008_squashed_0001_to_0005'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        bangkok.migration_operations.CreateModels(
            operations=[migrations.CreateModel(
                name='Child',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('version', bangkok.versions.VersionField(default=1, editable=False, help_text='Moved by the database on every change; a change names the one it read.', verbose_name='version')),
                    ('uuid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                    ('given_names', models.CharField(max_length=200, verbose_name="child's given names")),
                    ('family_name', models.CharField(blank=True, max_length=200, verbose_name="child's family name")),
                    ('date_of_birth', models.DateField(validators=[bangkok.plausible.validate_birth_date], verbose_name='date of birth')),
                    ('lives_with_mother', models.BooleanField(default=False, verbose_name='lives with her mother in prison')),
                    ('location', models.CharField(blank=True, max_length=300, verbose_name='where the child lives')),
                    ('location_unknown', models.BooleanField(default=False, verbose_name='where the child lives is not known')),
                    ('custody', models.CharField(blank=True, choices=[('other_parent', 'The other parent'), ('relative', 'A relative'), ('foster', 'Foster care'), ('institution', 'An institution'), ('state_care', 'State care'), ('self', 'Independent (adult child)'), ('unknown', 'Not known')], max_length=16, verbose_name='custody or guardianship')),
                    ('carer_contact', models.CharField(blank=True, max_length=300, verbose_name="carer's contact")),
                    ('dependent', models.BooleanField(default=True, help_text='She had caretaking responsibility for this child before admission.', verbose_name='depends on her for care')),
                    ('arrangements', models.TextField(blank=True, help_text="What she arranged for the child's care, prior to or on admission (Rule 2.2).", max_length=5000, verbose_name='arrangements made for the child')),
                    ('no_arrangements_reason', models.TextField(blank=True, help_text='Only when no arrangement could be made; it must say why (Rule 2.2).', max_length=5000, verbose_name='why no arrangement is recorded')),
                    ('recorded_at', models.DateTimeField(default=django.utils.timezone.now, editable=False)),
                    ('mother', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='children', to='prisoners.prisoner')),
                    ('recorded_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('separation', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='register.separation', verbose_name='latest separation from her mother')),
                ],
                options={
                    'verbose_name': 'child',
                    'verbose_name_plural': 'children',
                    'ordering': ['date_of_birth', 'id'],
                    'constraints': [models.CheckConstraint(condition=models.Q(('lives_with_mother', True), models.Q(models.Q(models.Q(('location', ''), _negated=True), ('location_unknown', True), _connector='OR'), models.Q(('custody', ''), _negated=True)), _connector='OR'), name='child_outside_has_location_and_custody', violation_error_message="Record where the child lives and who has custody (Rule 3.1); 'Not known' is allowed.")],
                    'triggers': [pgtrigger.compiler.Trigger(name='child_no_delete', sql=pgtrigger.compiler.UpsertTriggerSql(func="RAISE EXCEPTION 'pgtrigger: Cannot delete rows from % table', TG_TABLE_NAME;", hash='d0715c20c3a94c96aa08e94ebef36370422590cf', operation='DELETE', pgid='pgtrigger_child_no_delete_03c2c', table='register_child', when='BEFORE')), pgtrigger.compiler.Trigger(name='child_leaves_only_by_separation', sql=pgtrigger.compiler.UpsertTriggerSql(condition='WHEN (OLD.lives_with_mother AND NOT NEW.lives_with_mother AND (NEW.separation_id IS NULL OR NEW.separation_id IS NOT DISTINCT FROM OLD.separation_id))', func="RAISE EXCEPTION 'Rule 52: a child living with her mother leaves only by a recorded separation' USING ERRCODE = 'check_violation'; RETURN NULL;", hash='1d9496db7159061b13f00dd1491d61c1e42174f4', operation='UPDATE', pgid='pgtrigger_child_leaves_only_by_separation_5a471', table='register_child', when='BEFORE')), pgtrigger.compiler.Trigger(name='insert_insert', sql=pgtrigger.compiler.UpsertTriggerSql(func='INSERT INTO "register_childevent" ("arrangements", "carer_contact", "custody", "date_of_birth", "dependent", "family_name", "given_names", "id", "lives_with_mother", "location", "location_unknown", "mother_id", "no_arrangements_reason", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "recorded_at", "recorded_by_id", "separation_id", "uuid", "version") VALUES (NEW."arrangements", NEW."carer_contact", NEW."custody", NEW."date_of_birth", NEW."dependent", NEW."family_name", NEW."given_names", NEW."id", NEW."lives_with_mother", NEW."location", NEW."location_unknown", NEW."mother_id", NEW."no_arrangements_reason", _pgh_attach_context(), NOW(), \'insert\', NEW."id", NEW."recorded_at", NEW."recorded_by_id", NEW."separation_id", NEW."uuid", NEW."version"); RETURN NULL;', hash='7b263f672970468e8d9778c3c51df360e9b3ac6d', operation='INSERT', pgid='pgtrigger_insert_insert_3096d', table='register_child', when='AFTER')), pgtrigger.compiler.Trigger(name='update_update', sql=pgtrigger.compiler.UpsertTriggerSql(condition='WHEN (OLD.* IS DISTINCT FROM NEW.*)', func='INSERT INTO "register_childevent" ("arrangements", "carer_contact", "custody", "date_of_birth", "dependent", "family_name", "given_names", "id", "lives_with_mother", "location", "location_unknown", "mother_id", "no_arrangements_reason", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "recorded_at", "recorded_by_id", "separation_id", "uuid", "version") VALUES (NEW."arrangements", NEW."carer_contact", NEW."custody", NEW."date_of_birth", NEW."dependent", NEW."family_name", NEW."given_names", NEW."id", NEW."lives_with_mother", NEW."location", NEW."location_unknown", NEW."mother_id", NEW."no_arrangements_reason", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."recorded_at", NEW."recorded_by_id", NEW."separation_id", NEW."uuid", NEW."version"); RETURN NULL;', hash='6490dd5f638e9d13177b4286c11b202f1aca09ee', operation='UPDATE', pgid='pgtrigger_update_update_eca86', table='register_child', when='AFTER'))],
                },
            ), migrations.CreateModel(
                name='Separation',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('uuid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                    ('separated_on', models.DateField(verbose_name='day the child leaves')),
                    ('reason', models.TextField(max_length=2000, verbose_name="why, in the child's best interests")),
                    ('carer', models.CharField(max_length=200, verbose_name='who cares for the child')),
                    ('carer_contact', models.CharField(blank=True, max_length=300, verbose_name="carer's contact")),
                    ('location', models.CharField(max_length=300, verbose_name='where the child will live')),
                    ('custody', models.CharField(choices=[('other_parent', 'The other parent'), ('relative', 'A relative'), ('foster', 'Foster care'), ('institution', 'An institution'), ('state_care', 'State care'), ('self', 'Independent (adult child)'), ('unknown', 'Not known')], max_length=16, verbose_name='custody or guardianship')),
                    ('recorded_at', models.DateTimeField(default=django.utils.timezone.now, editable=False)),
                    ('child', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='separations', to='register.child')),
                    ('decided_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ],
                options={
                    'verbose_name': 'separation of a child from her mother',
                    'ordering': ['-separated_on', '-id'],
                    'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('carer', ''), _negated=True), models.Q(('reason', ''), _negated=True), models.Q(('custody', ''), _negated=True)), name='separation_has_reason_and_carer')],
                    'triggers': [pgtrigger.compiler.Trigger(name='separation_no_delete', sql=pgtrigger.compiler.UpsertTriggerSql(func="RAISE EXCEPTION 'pgtrigger: Cannot delete rows from % table', TG_TABLE_NAME;", hash='66a5b3a64bd4f45a13b722fd8a068fecf7b65791', operation='DELETE', pgid='pgtrigger_separation_no_delete_febf7', table='register_separation', when='BEFORE')), pgtrigger.compiler.Trigger(name='insert_insert', sql=pgtrigger.compiler.UpsertTriggerSql(func='INSERT INTO "register_separationevent" ("carer", "carer_contact", "child_id", "custody", "decided_by_id", "id", "location", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "reason", "recorded_at", "separated_on", "uuid") VALUES (NEW."carer", NEW."carer_contact", NEW."child_id", NEW."custody", NEW."decided_by_id", NEW."id", NEW."location", _pgh_attach_context(), NOW(), \'insert\', NEW."id", NEW."reason", NEW."recorded_at", NEW."separated_on", NEW."uuid"); RETURN NULL;', hash='72ad68add9eddf8ef5280c3e5cbf8028df7b2de6', operation='INSERT', pgid='pgtrigger_insert_insert_79d14', table='register_separation', when='AFTER')), pgtrigger.compiler.Trigger(name='update_update', sql=pgtrigger.compiler.UpsertTriggerSql(condition='WHEN (OLD.* IS DISTINCT FROM NEW.*)', func='INSERT INTO "register_separationevent" ("carer", "carer_contact", "child_id", "custody", "decided_by_id", "id", "location", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "reason", "recorded_at", "separated_on", "uuid") VALUES (NEW."carer", NEW."carer_contact", NEW."child_id", NEW."custody", NEW."decided_by_id", NEW."id", NEW."location", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."reason", NEW."recorded_at", NEW."separated_on", NEW."uuid"); RETURN NULL;', hash='6a20892f317ee42abb95650e7b1511c6fcfe3e57', operation='UPDATE', pgid='pgtrigger_update_update_a5758', table='register_separation', when='AFTER'))],
                },
            ), migrations.CreateModel(
                name='ChildEvent',
                fields=[
                    ('pgh_id', models.AutoField(primary_key=True, serialize=False)),
                    ('pgh_created_at', models.DateTimeField(auto_now_add=True)),
                    ('pgh_label', models.TextField(help_text='The event label.')),
                    ('id', models.BigIntegerField()),
                    ('version', bangkok.versions.VersionField(default=1, editable=False, help_text='Moved by the database on every change; a change names the one it read.', verbose_name='version')),
                    ('uuid', models.UUIDField(default=uuid.uuid4, editable=False)),
                    ('given_names', models.CharField(max_length=200, verbose_name="child's given names")),
                    ('family_name', models.CharField(blank=True, max_length=200, verbose_name="child's family name")),
                    ('date_of_birth', models.DateField(validators=[bangkok.plausible.validate_birth_date], verbose_name='date of birth')),
                    ('lives_with_mother', models.BooleanField(default=False, verbose_name='lives with her mother in prison')),
                    ('location', models.CharField(blank=True, max_length=300, verbose_name='where the child lives')),
                    ('location_unknown', models.BooleanField(default=False, verbose_name='where the child lives is not known')),
                    ('custody', models.CharField(blank=True, choices=[('other_parent', 'The other parent'), ('relative', 'A relative'), ('foster', 'Foster care'), ('institution', 'An institution'), ('state_care', 'State care'), ('self', 'Independent (adult child)'), ('unknown', 'Not known')], max_length=16, verbose_name='custody or guardianship')),
                    ('carer_contact', models.CharField(blank=True, max_length=300, verbose_name="carer's contact")),
                    ('dependent', models.BooleanField(default=True, help_text='She had caretaking responsibility for this child before admission.', verbose_name='depends on her for care')),
                    ('arrangements', models.TextField(blank=True, help_text="What she arranged for the child's care, prior to or on admission (Rule 2.2).", max_length=5000, verbose_name='arrangements made for the child')),
                    ('no_arrangements_reason', models.TextField(blank=True, help_text='Only when no arrangement could be made; it must say why (Rule 2.2).', max_length=5000, verbose_name='why no arrangement is recorded')),
                    ('recorded_at', models.DateTimeField(default=django.utils.timezone.now, editable=False)),
                    ('mother', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='prisoners.prisoner')),
                    ('pgh_context', models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='pghistory.context')),
                    ('pgh_obj', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='events', to='register.child')),
                    ('recorded_by', models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to=settings.AUTH_USER_MODEL)),
                    ('separation', models.ForeignKey(blank=True, db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='register.separation', verbose_name='latest separation from her mother')),
                ],
                options={
                    'abstract': False,
                },
            ), migrations.CreateModel(
                name='SeparationEvent',
                fields=[
                    ('pgh_id', models.AutoField(primary_key=True, serialize=False)),
                    ('pgh_created_at', models.DateTimeField(auto_now_add=True)),
                    ('pgh_label', models.TextField(help_text='The event label.')),
                    ('id', models.BigIntegerField()),
                    ('uuid', models.UUIDField(default=uuid.uuid4, editable=False)),
                    ('separated_on', models.DateField(verbose_name='day the child leaves')),
                    ('reason', models.TextField(max_length=2000, verbose_name="why, in the child's best interests")),
                    ('carer', models.CharField(max_length=200, verbose_name='who cares for the child')),
                    ('carer_contact', models.CharField(blank=True, max_length=300, verbose_name="carer's contact")),
                    ('location', models.CharField(max_length=300, verbose_name='where the child will live')),
                    ('custody', models.CharField(choices=[('other_parent', 'The other parent'), ('relative', 'A relative'), ('foster', 'Foster care'), ('institution', 'An institution'), ('state_care', 'State care'), ('self', 'Independent (adult child)'), ('unknown', 'Not known')], max_length=16, verbose_name='custody or guardianship')),
                    ('recorded_at', models.DateTimeField(default=django.utils.timezone.now, editable=False)),
                    ('child', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='register.child')),
                    ('decided_by', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to=settings.AUTH_USER_MODEL)),
                    ('pgh_context', models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='pghistory.context')),
                    ('pgh_obj', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='events', to='register.separation')),
                ],
                options={
                    'abstract': False,
                },
            )],
        ),
    ]
