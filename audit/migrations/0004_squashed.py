# This app's history from 0001_initial to 0003_facility_lives_in_facilities, as one
# migration: a new database runs it instead of the migrations it replaces, which
# stay for databases made before it (docs/ARCHITECTURE.md, "Migrations").
import bangkok.migration_operations
import django.db.models.deletion
import django.utils.timezone
import pgtrigger.compiler
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    replaces = [('audit', '0001_initial'), ('audit', '0002_initial'), ('audit', '0003_facility_lives_in_facilities')]

    initial = True

    dependencies = [
        ('facilities', '0002_squashed'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        bangkok.migration_operations.CreateModels(
            operations=[migrations.CreateModel(
                name='AuditEvent',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('at', models.DateTimeField(db_index=True, default=django.utils.timezone.now)),
                    ('actor_role', models.CharField(blank=True, max_length=20)),
                    ('action', models.CharField(max_length=64)),
                    ('subject_type', models.CharField(blank=True, max_length=64)),
                    ('subject_id', models.CharField(blank=True, max_length=64)),
                    ('disclosed', models.JSONField(blank=True, default=list)),
                    ('detail', models.JSONField(blank=True, default=dict)),
                    ('actor', models.ForeignKey(blank=True, help_text='Empty for the system itself (scheduled tasks).', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('facility', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='facilities.facility')),
                ],
                options={
                    'verbose_name': 'audit event',
                    'ordering': ['-at', '-id'],
                    'indexes': [models.Index(fields=['subject_type', 'subject_id', '-at'], name='audit_audit_subject_9b2cc8_idx'), models.Index(fields=['facility', '-at'], name='audit_audit_facilit_26a45e_idx'), models.Index(fields=['actor', '-at'], name='audit_audit_actor_i_75e47c_idx')],
                    'triggers': [pgtrigger.compiler.Trigger(name='audit_append_only', sql=pgtrigger.compiler.UpsertTriggerSql(func="RAISE EXCEPTION 'pgtrigger: Cannot update or delete rows from % table', TG_TABLE_NAME;", hash='04f8f2f6fab2cf336bff74f00537adf876acce3f', operation='UPDATE OR DELETE', pgid='pgtrigger_audit_append_only_f6eda', table='audit_auditevent', when='BEFORE'))],
                },
            )],
        ),
    ]
