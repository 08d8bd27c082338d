# This app's history from 0001_initial to 0008_titles_of_existing_tasks, as one
# migration: a new database runs it instead of the migrations it replaces, which
# stay for databases made before it (docs/ARCHITECTURE.md, "Migrations").
import bangkok.migration_operations
import bangkok.versions
import django.db.models.deletion
import django.utils.timezone
import pgtrigger.compiler
import uuid
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    replaces = [('reminders', '0001_initial'), ('reminders', '0002_initial'), ('reminders', '0003_confidential_tasks'), ('reminders', '0004_reminder_hidden_from'), ('reminders', '0005_records_carry_a_version'), ('reminders', '0006_facility_lives_in_facilities'), ('reminders', '0007_title_as_message_id'), ('reminders', '0008_titles_of_existing_tasks')]

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
                name='Reminder',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('version', bangkok.versions.VersionField(default=1, editable=False, help_text='Moved by the database on every change; a change names the one it read.', verbose_name='version')),
                    ('uuid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                    ('key', models.CharField(max_length=200, unique=True)),
                    ('kind', models.CharField(max_length=64, verbose_name='kind')),
                    ('rule', models.CharField(max_length=16, verbose_name='rule')),
                    ('basis', models.CharField(choices=[('must', 'Deadline a Rule sets'), ('guidance', 'Interval from guidance'), ('config', 'Interval set by this prison service')], default='must', max_length=10)),
                    ('title', models.CharField(max_length=200, verbose_name='what needs doing')),
                    ('title_key', models.CharField(blank=True, default='', max_length=200)),
                    ('title_params', models.JSONField(blank=True, default=dict)),
                    ('assignee_role', models.CharField(choices=[('reception', 'Reception officer'), ('custody', 'Custody officer'), ('health', 'Health staff'), ('social', 'Social worker'), ('safeguarding', 'Safeguarding officer'), ('governor', 'Governor'), ('inspector', 'Independent inspector'), ('sysadmin', 'System administrator')], max_length=20, verbose_name='assigned to')),
                    ('due_at', models.DateTimeField(verbose_name='due at')),
                    ('escalate_at', models.DateTimeField(verbose_name='escalates at')),
                    ('status', models.CharField(choices=[('pending', 'Not yet due'), ('due', 'Due'), ('escalated', 'Overdue, escalated to the governor'), ('done', 'Done'), ('cancelled', 'No longer needed')], default='pending', max_length=10, verbose_name='status')),
                    ('created_at', models.DateTimeField(default=django.utils.timezone.now, editable=False)),
                    ('escalated_at', models.DateTimeField(blank=True, null=True)),
                    ('closed_at', models.DateTimeField(blank=True, null=True)),
                    ('outcome', models.CharField(blank=True, max_length=500, verbose_name='outcome')),
                    ('confidential', models.BooleanField(default=False)),
                    ('closed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('facility', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='reminders', to='facilities.facility')),
                    ('hidden_from', models.ManyToManyField(blank=True, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('prisoner', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='reminders', to='prisoners.prisoner', verbose_name='woman')),
                ],
                options={
                    'verbose_name': 'reminder',
                    'ordering': ['due_at', 'id'],
                    'indexes': [models.Index(fields=['facility', 'assignee_role', 'status', 'due_at'], name='reminders_r_facilit_6b7d67_idx'), models.Index(condition=models.Q(('status', 'pending')), fields=['due_at'], name='reminder_pending_due'), models.Index(condition=models.Q(('status__in', ['pending', 'due'])), fields=['escalate_at'], name='reminder_open_escalate')],
                    'constraints': [models.CheckConstraint(condition=models.Q(('escalate_at__gte', models.F('due_at'))), name='reminder_escalates_after_due'), models.CheckConstraint(condition=models.Q(models.Q(('closed_at__isnull', False), ('status__in', ['done', 'cancelled'])), models.Q(models.Q(('status__in', ['done', 'cancelled']), _negated=True), ('closed_at__isnull', True)), _connector='OR'), name='reminder_closed_iff_done')],
                    'triggers': [pgtrigger.compiler.Trigger(name='insert_insert', sql=pgtrigger.compiler.UpsertTriggerSql(func='INSERT INTO "reminders_reminderevent" ("assignee_role", "basis", "closed_at", "closed_by_id", "confidential", "created_at", "due_at", "escalate_at", "escalated_at", "facility_id", "id", "key", "kind", "outcome", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "prisoner_id", "rule", "status", "title", "title_key", "title_params", "uuid", "version") VALUES (NEW."assignee_role", NEW."basis", NEW."closed_at", NEW."closed_by_id", NEW."confidential", NEW."created_at", NEW."due_at", NEW."escalate_at", NEW."escalated_at", NEW."facility_id", NEW."id", NEW."key", NEW."kind", NEW."outcome", _pgh_attach_context(), NOW(), \'insert\', NEW."id", NEW."prisoner_id", NEW."rule", NEW."status", NEW."title", NEW."title_key", NEW."title_params", NEW."uuid", NEW."version"); RETURN NULL;', hash='c61cd0096c5c2fccbe1d33f74bef34f85edadbf6', operation='INSERT', pgid='pgtrigger_insert_insert_3d2e2', table='reminders_reminder', when='AFTER')), pgtrigger.compiler.Trigger(name='update_update', sql=pgtrigger.compiler.UpsertTriggerSql(condition='WHEN (OLD.* IS DISTINCT FROM NEW.*)', func='INSERT INTO "reminders_reminderevent" ("assignee_role", "basis", "closed_at", "closed_by_id", "confidential", "created_at", "due_at", "escalate_at", "escalated_at", "facility_id", "id", "key", "kind", "outcome", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "prisoner_id", "rule", "status", "title", "title_key", "title_params", "uuid", "version") VALUES (NEW."assignee_role", NEW."basis", NEW."closed_at", NEW."closed_by_id", NEW."confidential", NEW."created_at", NEW."due_at", NEW."escalate_at", NEW."escalated_at", NEW."facility_id", NEW."id", NEW."key", NEW."kind", NEW."outcome", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."prisoner_id", NEW."rule", NEW."status", NEW."title", NEW."title_key", NEW."title_params", NEW."uuid", NEW."version"); RETURN NULL;', hash='f1cfbe1a3291b04bdb3dadb564066fff1a156921', operation='UPDATE', pgid='pgtrigger_update_update_c3ab0', table='reminders_reminder', when='AFTER'))],
                },
            ), migrations.CreateModel(
                name='ReminderEvent',
                fields=[
                    ('pgh_id', models.AutoField(primary_key=True, serialize=False)),
                    ('pgh_created_at', models.DateTimeField(auto_now_add=True)),
                    ('pgh_label', models.TextField(help_text='The event label.')),
                    ('id', models.BigIntegerField()),
                    ('version', bangkok.versions.VersionField(default=1, editable=False, help_text='Moved by the database on every change; a change names the one it read.', verbose_name='version')),
                    ('uuid', models.UUIDField(default=uuid.uuid4, editable=False)),
                    ('key', models.CharField(max_length=200)),
                    ('kind', models.CharField(max_length=64, verbose_name='kind')),
                    ('rule', models.CharField(max_length=16, verbose_name='rule')),
                    ('basis', models.CharField(choices=[('must', 'Deadline a Rule sets'), ('guidance', 'Interval from guidance'), ('config', 'Interval set by this prison service')], default='must', max_length=10)),
                    ('title', models.CharField(max_length=200, verbose_name='what needs doing')),
                    ('title_key', models.CharField(blank=True, default='', max_length=200)),
                    ('title_params', models.JSONField(blank=True, default=dict)),
                    ('assignee_role', models.CharField(choices=[('reception', 'Reception officer'), ('custody', 'Custody officer'), ('health', 'Health staff'), ('social', 'Social worker'), ('safeguarding', 'Safeguarding officer'), ('governor', 'Governor'), ('inspector', 'Independent inspector'), ('sysadmin', 'System administrator')], max_length=20, verbose_name='assigned to')),
                    ('due_at', models.DateTimeField(verbose_name='due at')),
                    ('escalate_at', models.DateTimeField(verbose_name='escalates at')),
                    ('status', models.CharField(choices=[('pending', 'Not yet due'), ('due', 'Due'), ('escalated', 'Overdue, escalated to the governor'), ('done', 'Done'), ('cancelled', 'No longer needed')], default='pending', max_length=10, verbose_name='status')),
                    ('created_at', models.DateTimeField(default=django.utils.timezone.now, editable=False)),
                    ('escalated_at', models.DateTimeField(blank=True, null=True)),
                    ('closed_at', models.DateTimeField(blank=True, null=True)),
                    ('outcome', models.CharField(blank=True, max_length=500, verbose_name='outcome')),
                    ('confidential', models.BooleanField(default=False)),
                    ('closed_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to=settings.AUTH_USER_MODEL)),
                    ('facility', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='facilities.facility')),
                    ('pgh_context', models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='pghistory.context')),
                    ('pgh_obj', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='events', to='reminders.reminder')),
                    ('prisoner', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='prisoners.prisoner', verbose_name='woman')),
                ],
                options={
                    'abstract': False,
                },
            )],
        ),
    ]
