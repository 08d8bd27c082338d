# This app's history from 0001_initial to 0003_facility_lives_in_facilities, as one
# migration: a new database runs it instead of the migrations it replaces, which
# stay for databases made before it (docs/ARCHITECTURE.md, "Migrations").
import bangkok.migration_operations
import django.db.models.deletion
import django.utils.timezone
import pgtrigger.compiler
import uuid
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    replaces = [('breaches', '0001_initial'), ('breaches', '0002_restraint_as_punishment'), ('breaches', '0003_facility_lives_in_facilities')]

    initial = True

    dependencies = [
        ('facilities', '0002_squashed'),
        ('pghistory', '0007_auto_20250421_0444'),
        ('prisoners', '0008_squashed_0001_to_0005'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        bangkok.migration_operations.CreateModels(
            operations=[migrations.CreateModel(
                name='Breach',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('uuid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                    ('kind', models.CharField(choices=[('searches-by-a-man', 'A personal search of a woman by staff not women'), ('searches-untrained', 'A search of a woman by staff without valid search training'), ('searches-of-children-untrained', 'A search of a child by staff without valid training to search children'), ('body-cavity-not-health', 'A body cavity search not by a health professional'), ('segregation-of-protected-women', "A segregation of a woman under the 'No segregation' protection"), ('segregation-of-girls', 'A segregation of a girl under 18'), ('restraints-obstetric', 'A restraint during a protected period'), ('restraints-punishment', 'A restraint used as a punishment')], max_length=40, verbose_name='what happened')),
                    ('rule', models.CharField(max_length=8, verbose_name='rule')),
                    ('occurred_at', models.DateTimeField(verbose_name='when it happened')),
                    ('account', models.TextField(help_text='What happened, who did it and where, as far as you know.', max_length=4000, verbose_name='account')),
                    ('recorded_at', models.DateTimeField(default=django.utils.timezone.now, editable=False)),
                    ('facility', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='facilities.facility')),
                    ('prisoner', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='breaches', to='prisoners.prisoner')),
                    ('recorded_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ],
                options={
                    'verbose_name': 'breach recorded',
                    'verbose_name_plural': 'breaches recorded',
                    'ordering': ['-occurred_at', '-id'],
                    'indexes': [models.Index(fields=['facility', 'kind', 'occurred_at'], name='breaches_br_facilit_48d6e4_idx')],
                    'constraints': [models.CheckConstraint(condition=models.Q(('occurred_at__lte', models.F('recorded_at'))), name='breach_recorded_after_it_happened')],
                    'triggers': [pgtrigger.compiler.Trigger(name='breach_unchanged', sql=pgtrigger.compiler.UpsertTriggerSql(func="RAISE EXCEPTION 'pgtrigger: Cannot update or delete rows from % table', TG_TABLE_NAME;", hash='0708636474ffc380d51a3297437abb79a5d0287d', operation='UPDATE OR DELETE', pgid='pgtrigger_breach_unchanged_4f947', table='breaches_breach', when='BEFORE')), pgtrigger.compiler.Trigger(name='insert_insert', sql=pgtrigger.compiler.UpsertTriggerSql(func='INSERT INTO "breaches_breachevent" ("account", "facility_id", "id", "kind", "occurred_at", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "prisoner_id", "recorded_at", "recorded_by_id", "rule", "uuid") VALUES (NEW."account", NEW."facility_id", NEW."id", NEW."kind", NEW."occurred_at", _pgh_attach_context(), NOW(), \'insert\', NEW."id", NEW."prisoner_id", NEW."recorded_at", NEW."recorded_by_id", NEW."rule", NEW."uuid"); RETURN NULL;', hash='ae7261b04f1995e8000424a21f6361a4dc0411b6', operation='INSERT', pgid='pgtrigger_insert_insert_0a000', table='breaches_breach', when='AFTER')), pgtrigger.compiler.Trigger(name='update_update', sql=pgtrigger.compiler.UpsertTriggerSql(condition='WHEN (OLD.* IS DISTINCT FROM NEW.*)', func='INSERT INTO "breaches_breachevent" ("account", "facility_id", "id", "kind", "occurred_at", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "prisoner_id", "recorded_at", "recorded_by_id", "rule", "uuid") VALUES (NEW."account", NEW."facility_id", NEW."id", NEW."kind", NEW."occurred_at", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."prisoner_id", NEW."recorded_at", NEW."recorded_by_id", NEW."rule", NEW."uuid"); RETURN NULL;', hash='f3581febc5a241aab5267279c8306be5cc29c09d', operation='UPDATE', pgid='pgtrigger_update_update_7b2aa', table='breaches_breach', when='AFTER'))],
                },
            ), migrations.CreateModel(
                name='BreachEvent',
                fields=[
                    ('pgh_id', models.AutoField(primary_key=True, serialize=False)),
                    ('pgh_created_at', models.DateTimeField(auto_now_add=True)),
                    ('pgh_label', models.TextField(help_text='The event label.')),
                    ('id', models.BigIntegerField()),
                    ('uuid', models.UUIDField(default=uuid.uuid4, editable=False)),
                    ('kind', models.CharField(choices=[('searches-by-a-man', 'A personal search of a woman by staff not women'), ('searches-untrained', 'A search of a woman by staff without valid search training'), ('searches-of-children-untrained', 'A search of a child by staff without valid training to search children'), ('body-cavity-not-health', 'A body cavity search not by a health professional'), ('segregation-of-protected-women', "A segregation of a woman under the 'No segregation' protection"), ('segregation-of-girls', 'A segregation of a girl under 18'), ('restraints-obstetric', 'A restraint during a protected period'), ('restraints-punishment', 'A restraint used as a punishment')], max_length=40, verbose_name='what happened')),
                    ('rule', models.CharField(max_length=8, verbose_name='rule')),
                    ('occurred_at', models.DateTimeField(verbose_name='when it happened')),
                    ('account', models.TextField(help_text='What happened, who did it and where, as far as you know.', max_length=4000, verbose_name='account')),
                    ('recorded_at', models.DateTimeField(default=django.utils.timezone.now, editable=False)),
                    ('facility', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='facilities.facility')),
                    ('pgh_context', models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='pghistory.context')),
                    ('pgh_obj', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='events', to='breaches.breach')),
                    ('prisoner', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='prisoners.prisoner')),
                    ('recorded_by', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to=settings.AUTH_USER_MODEL)),
                ],
                options={
                    'abstract': False,
                    'triggers': [pgtrigger.compiler.Trigger(name='append_only', sql=pgtrigger.compiler.UpsertTriggerSql(func="RAISE EXCEPTION 'pgtrigger: Cannot update or delete rows from % table', TG_TABLE_NAME;", hash='434013910bb0451155ae9100b7a7ae1564118bbe', operation='UPDATE OR DELETE', pgid='pgtrigger_append_only_64077', table='breaches_breachevent', when='BEFORE'))],
                },
            )],
        ),
    ]
