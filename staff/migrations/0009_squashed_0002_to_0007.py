# This app's history from 0002_access_changes_and_history to 0007_facility_lives_in_facilities, as one
# migration: a new database runs it instead of the migrations it replaces, which
# stay for databases made before it (docs/ARCHITECTURE.md, "Migrations").
import bangkok.migration_operations
import django.db.models.deletion
import django.utils.timezone
import pgtrigger
import pgtrigger.compiler
import pgtrigger.migrations
import uuid
from django.conf import settings
from django.db import migrations, models

GRANT_TRIGGERS = (
    "staff.User_groups:role_granted_insert",
    "staff.User_groups:role_removed_delete",
)


def install_grant_triggers(apps, schema_editor):
    """History of role grants: the users' groups table has no migration of its own to carry
    the triggers (as 0002_access_changes_and_history installed them)."""
    pgtrigger.install(*GRANT_TRIGGERS, database=schema_editor.connection.alias)


def uninstall_grant_triggers(apps, schema_editor):
    pgtrigger.uninstall(*GRANT_TRIGGERS, database=schema_editor.connection.alias)


class Migration(migrations.Migration):

    replaces = [('staff', '0002_access_changes_and_history'), ('staff', '0003_access_change_final'), ('staff', '0004_facility_grant_history_migrated_here'), ('staff', '0005_training_in_effect_from'), ('staff', '0006_text_limits_and_plausible_dates'), ('staff', '0007_facility_lives_in_facilities')]

    initial = True

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('facilities', '0002_squashed'),
        ('guardian', '0003_remove_groupobjectpermission_guardian_gr_content_ae6aec_idx_and_more'),
        ('pghistory', '0007_auto_20250421_0444'),
        ('staff', '0008_squashed_0001'),
    ]

    operations = [
        bangkok.migration_operations.CreateModels(
            operations=[migrations.CreateModel(
                name='FacilityGrant',
                fields=[
                ],
                options={
                    'proxy': True,
                    'indexes': [],
                    'constraints': [],
                },
                bases=('guardian.userobjectpermission',),
            ), migrations.CreateModel(
                name='AccessChange',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('uuid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                    ('kind', models.CharField(choices=[('role', 'Role'), ('facility', 'Facility'), ('gender', 'Recorded gender'), ('training', 'Training')], max_length=16, verbose_name='change')),
                    ('old_value', models.CharField(blank=True, max_length=32, verbose_name='from')),
                    ('new_value', models.CharField(blank=True, max_length=32, verbose_name='to')),
                    ('course', models.CharField(blank=True, choices=[('search_methods', 'Search methods (Rule 19)'), ('child_searches', 'Searching children (Rule 21)'), ('gender_sensitivity', 'Gender sensitivity and prevention of sexual harassment (Rule 32)'), ('womens_needs', "Women's rights and gender-specific needs (Rule 33.1)"), ('womens_health', "Women's health and first aid (Rule 33.2)"), ('child_development', 'Child development and child health (Rule 33.3)'), ('hiv', 'HIV prevention, treatment, care and support (Rule 34)'), ('mental_health', 'Mental health, suicide and self-harm (Rule 35)'), ('bangkok_rules', 'The Bangkok Rules (Rule 70.4)')], max_length=32, verbose_name='course')),
                    ('completed', models.DateField(blank=True, null=True, verbose_name='completed on')),
                    ('expires', models.DateField(blank=True, null=True, verbose_name='expires on')),
                    ('provider', models.CharField(blank=True, max_length=200, verbose_name='provider')),
                    ('requested_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='requested at')),
                    ('status', models.CharField(choices=[('pending', 'Waiting for confirmation'), ('confirmed', 'Confirmed'), ('refused', 'Refused')], default='pending', max_length=16, verbose_name='status')),
                    ('decided_at', models.DateTimeField(blank=True, null=True, verbose_name='decided at')),
                    ('reason', models.TextField(blank=True, max_length=5000, verbose_name='reason for refusing')),
                    ('trusted', models.BooleanField(default=False, editable=False, help_text='Applied by a management command (set-up, demo data), not from the web.')),
                    ('decided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='decided by')),
                    ('facility', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='facilities.facility', verbose_name='facility')),
                    ('requested_by', models.ForeignKey(blank=True, help_text='Empty for the trusted set-up of a new installation (management commands).', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='requested by')),
                    ('subject', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='access_changes', to=settings.AUTH_USER_MODEL, verbose_name='staff member')),
                ],
                options={
                    'verbose_name': 'access change',
                    'ordering': ['-requested_at', '-id'],
                    'indexes': [models.Index(fields=['status', 'kind', 'facility'], name='staff_acces_status_66b078_idx')],
                    'constraints': [models.CheckConstraint(condition=models.Q(('requested_by', models.F('subject')), _negated=True), name='access_change_not_requested_by_herself', violation_error_message='Nobody requests a change of her own access.'), models.CheckConstraint(condition=models.Q(('decided_by', models.F('subject')), _negated=True), name='access_change_not_decided_by_herself', violation_error_message='Nobody confirms or refuses a change of her own access.'), models.CheckConstraint(condition=models.Q(('decided_by', models.F('requested_by')), _negated=True), name='access_change_decided_by_another', violation_error_message='A change is confirmed or refused by someone other than who requested it.'), models.CheckConstraint(condition=models.Q(models.Q(('decided_at__isnull', True), ('decided_by__isnull', True), ('status', 'pending')), models.Q(models.Q(('status', 'pending'), _negated=True), ('decided_at__isnull', False), models.Q(('decided_by__isnull', False), ('trusted', True), _connector='OR')), _connector='OR'), name='access_change_decided_by_someone'), models.CheckConstraint(condition=models.Q(('trusted', False), models.Q(('requested_by__isnull', True), ('status', 'confirmed')), _connector='OR'), name='access_change_trusted_is_set_up'), models.CheckConstraint(condition=models.Q(models.Q(('facility__isnull', False), ('kind', 'facility')), models.Q(('kind__in', ['role', 'gender']), ('new_value__gt', '')), models.Q(('completed__isnull', False), ('course__gt', ''), ('kind', 'training')), _connector='OR'), name='access_change_says_what'), models.CheckConstraint(condition=models.Q(('expires__isnull', True), ('expires__gt', models.F('completed')), _connector='OR'), name='access_change_training_expires_after_completion', violation_error_message="A training can't expire before it was completed."), models.UniqueConstraint(condition=models.Q(('kind__in', ['role', 'gender']), ('status', 'pending')), fields=('subject', 'kind'), name='one_pending_role_or_gender_change', violation_error_message='A change of this kind is already waiting for confirmation for her.'), models.UniqueConstraint(condition=models.Q(('kind', 'facility'), ('status', 'pending')), fields=('subject', 'facility'), name='one_pending_grant_per_facility', violation_error_message='This facility is already waiting for confirmation for her.')],
                    'triggers': [pgtrigger.compiler.Trigger(name='access_change_no_delete', sql=pgtrigger.compiler.UpsertTriggerSql(func="RAISE EXCEPTION 'pgtrigger: Cannot delete rows from % table', TG_TABLE_NAME;", hash='5a06759a05d75ed6c2b8291a58ff1464c0289e9b', operation='DELETE', pgid='pgtrigger_access_change_no_delete_4d558', table='staff_accesschange', when='BEFORE')), pgtrigger.compiler.Trigger(name='access_change_request_unchanged', sql=pgtrigger.compiler.UpsertTriggerSql(condition='WHEN (OLD."id" IS DISTINCT FROM (NEW."id") OR OLD."uuid" IS DISTINCT FROM (NEW."uuid") OR OLD."kind" IS DISTINCT FROM (NEW."kind") OR OLD."subject_id" IS DISTINCT FROM (NEW."subject_id") OR OLD."facility_id" IS DISTINCT FROM (NEW."facility_id") OR OLD."old_value" IS DISTINCT FROM (NEW."old_value") OR OLD."new_value" IS DISTINCT FROM (NEW."new_value") OR OLD."course" IS DISTINCT FROM (NEW."course") OR OLD."completed" IS DISTINCT FROM (NEW."completed") OR OLD."expires" IS DISTINCT FROM (NEW."expires") OR OLD."provider" IS DISTINCT FROM (NEW."provider") OR OLD."requested_by_id" IS DISTINCT FROM (NEW."requested_by_id") OR OLD."requested_at" IS DISTINCT FROM (NEW."requested_at") OR OLD."trusted" IS DISTINCT FROM (NEW."trusted"))', func="RAISE EXCEPTION 'pgtrigger: Cannot update rows from % table', TG_TABLE_NAME;", hash='6e6ec979e6d7a190c7c5e1938ba9a8129a8760b1', operation='UPDATE', pgid='pgtrigger_access_change_request_unchanged_19b21', table='staff_accesschange', when='BEFORE')), pgtrigger.compiler.Trigger(name='access_change_decision_final', sql=pgtrigger.compiler.UpsertTriggerSql(condition='WHEN (NOT (OLD."status" = \'pending\'))', func="RAISE EXCEPTION 'pgtrigger: Cannot update rows from % table', TG_TABLE_NAME;", hash='2e06fa125591d7f25d9ba04980f6758daf417549', operation='UPDATE', pgid='pgtrigger_access_change_decision_final_a50d8', table='staff_accesschange', when='BEFORE')), pgtrigger.compiler.Trigger(name='insert_insert', sql=pgtrigger.compiler.UpsertTriggerSql(func='INSERT INTO "staff_accesschangeevent" ("completed", "course", "decided_at", "decided_by_id", "expires", "facility_id", "id", "kind", "new_value", "old_value", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "provider", "reason", "requested_at", "requested_by_id", "status", "subject_id", "trusted", "uuid") VALUES (NEW."completed", NEW."course", NEW."decided_at", NEW."decided_by_id", NEW."expires", NEW."facility_id", NEW."id", NEW."kind", NEW."new_value", NEW."old_value", _pgh_attach_context(), NOW(), \'insert\', NEW."id", NEW."provider", NEW."reason", NEW."requested_at", NEW."requested_by_id", NEW."status", NEW."subject_id", NEW."trusted", NEW."uuid"); RETURN NULL;', hash='7ced48180889129ee057a9322a1792798bf426ba', operation='INSERT', pgid='pgtrigger_insert_insert_7fe93', table='staff_accesschange', when='AFTER')), pgtrigger.compiler.Trigger(name='update_update', sql=pgtrigger.compiler.UpsertTriggerSql(condition='WHEN (OLD.* IS DISTINCT FROM NEW.*)', func='INSERT INTO "staff_accesschangeevent" ("completed", "course", "decided_at", "decided_by_id", "expires", "facility_id", "id", "kind", "new_value", "old_value", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "provider", "reason", "requested_at", "requested_by_id", "status", "subject_id", "trusted", "uuid") VALUES (NEW."completed", NEW."course", NEW."decided_at", NEW."decided_by_id", NEW."expires", NEW."facility_id", NEW."id", NEW."kind", NEW."new_value", NEW."old_value", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."provider", NEW."reason", NEW."requested_at", NEW."requested_by_id", NEW."status", NEW."subject_id", NEW."trusted", NEW."uuid"); RETURN NULL;', hash='cc70990291c93b9d42f93c72f96cfdefcf1e411b', operation='UPDATE', pgid='pgtrigger_update_update_96486', table='staff_accesschange', when='AFTER'))],
                },
            ), migrations.CreateModel(
                name='AccessChangeEvent',
                fields=[
                    ('pgh_id', models.AutoField(primary_key=True, serialize=False)),
                    ('pgh_created_at', models.DateTimeField(auto_now_add=True)),
                    ('pgh_label', models.TextField(help_text='The event label.')),
                    ('id', models.BigIntegerField()),
                    ('uuid', models.UUIDField(default=uuid.uuid4, editable=False)),
                    ('kind', models.CharField(choices=[('role', 'Role'), ('facility', 'Facility'), ('gender', 'Recorded gender'), ('training', 'Training')], max_length=16, verbose_name='change')),
                    ('old_value', models.CharField(blank=True, max_length=32, verbose_name='from')),
                    ('new_value', models.CharField(blank=True, max_length=32, verbose_name='to')),
                    ('course', models.CharField(blank=True, choices=[('search_methods', 'Search methods (Rule 19)'), ('child_searches', 'Searching children (Rule 21)'), ('gender_sensitivity', 'Gender sensitivity and prevention of sexual harassment (Rule 32)'), ('womens_needs', "Women's rights and gender-specific needs (Rule 33.1)"), ('womens_health', "Women's health and first aid (Rule 33.2)"), ('child_development', 'Child development and child health (Rule 33.3)'), ('hiv', 'HIV prevention, treatment, care and support (Rule 34)'), ('mental_health', 'Mental health, suicide and self-harm (Rule 35)'), ('bangkok_rules', 'The Bangkok Rules (Rule 70.4)')], max_length=32, verbose_name='course')),
                    ('completed', models.DateField(blank=True, null=True, verbose_name='completed on')),
                    ('expires', models.DateField(blank=True, null=True, verbose_name='expires on')),
                    ('provider', models.CharField(blank=True, max_length=200, verbose_name='provider')),
                    ('requested_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='requested at')),
                    ('status', models.CharField(choices=[('pending', 'Waiting for confirmation'), ('confirmed', 'Confirmed'), ('refused', 'Refused')], default='pending', max_length=16, verbose_name='status')),
                    ('decided_at', models.DateTimeField(blank=True, null=True, verbose_name='decided at')),
                    ('reason', models.TextField(blank=True, max_length=5000, verbose_name='reason for refusing')),
                    ('trusted', models.BooleanField(default=False, editable=False, help_text='Applied by a management command (set-up, demo data), not from the web.')),
                    ('decided_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to=settings.AUTH_USER_MODEL, verbose_name='decided by')),
                    ('facility', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='facilities.facility', verbose_name='facility')),
                    ('pgh_context', models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='pghistory.context')),
                    ('pgh_obj', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='events', to='staff.accesschange')),
                    ('requested_by', models.ForeignKey(blank=True, db_constraint=False, help_text='Empty for the trusted set-up of a new installation (management commands).', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to=settings.AUTH_USER_MODEL, verbose_name='requested by')),
                    ('subject', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to=settings.AUTH_USER_MODEL, verbose_name='staff member')),
                ],
                options={
                    'abstract': False,
                    'triggers': [pgtrigger.compiler.Trigger(name='append_only', sql=pgtrigger.compiler.UpsertTriggerSql(func="RAISE EXCEPTION 'pgtrigger: Cannot update or delete rows from % table', TG_TABLE_NAME;", hash='ce6276debbf1002fe7a225416619e3db87520c81', operation='UPDATE OR DELETE', pgid='pgtrigger_append_only_46807', table='staff_accesschangeevent', when='BEFORE'))],
                },
            ), migrations.CreateModel(
                name='FacilityGrantEvent',
                fields=[
                    ('pgh_id', models.AutoField(primary_key=True, serialize=False)),
                    ('pgh_created_at', models.DateTimeField(auto_now_add=True)),
                    ('pgh_label', models.TextField(help_text='The event label.')),
                    ('id', models.IntegerField()),
                    ('object_pk', models.CharField(max_length=255, verbose_name='object ID')),
                    ('content_type', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='contenttypes.contenttype')),
                    ('permission', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='auth.permission')),
                    ('pgh_context', models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='pghistory.context')),
                    ('user', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to=settings.AUTH_USER_MODEL)),
                ],
                options={
                    'abstract': False,
                    'triggers': [pgtrigger.compiler.Trigger(name='append_only', sql=pgtrigger.compiler.UpsertTriggerSql(func="RAISE EXCEPTION 'pgtrigger: Cannot update or delete rows from % table', TG_TABLE_NAME;", hash='8bd5a0328e12233181def30d8071d46274a60c4a', operation='UPDATE OR DELETE', pgid='pgtrigger_append_only_fdc9b', table='staff_facilitygrantevent', when='BEFORE'))],
                },
            ), migrations.CreateModel(
                name='RoleGrantEvent',
                fields=[
                    ('pgh_id', models.AutoField(primary_key=True, serialize=False)),
                    ('pgh_created_at', models.DateTimeField(auto_now_add=True)),
                    ('pgh_label', models.TextField(help_text='The event label.')),
                    ('id', models.BigIntegerField()),
                    ('group', models.ForeignKey(db_constraint=False, db_tablespace='', on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='auth.group')),
                    ('pgh_context', models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='pghistory.context')),
                    ('user', models.ForeignKey(db_constraint=False, db_tablespace='', on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to=settings.AUTH_USER_MODEL)),
                ],
                options={
                    'abstract': False,
                    'triggers': [pgtrigger.compiler.Trigger(name='append_only', sql=pgtrigger.compiler.UpsertTriggerSql(func="RAISE EXCEPTION 'pgtrigger: Cannot update or delete rows from % table', TG_TABLE_NAME;", hash='91b617d2d38fa2471e2c8d378c65539a74f1f2b3', operation='UPDATE OR DELETE', pgid='pgtrigger_append_only_7fc48', table='staff_rolegrantevent', when='BEFORE'))],
                },
            ), migrations.CreateModel(
                name='TrainingRecord',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('course', models.CharField(choices=[('search_methods', 'Search methods (Rule 19)'), ('child_searches', 'Searching children (Rule 21)'), ('gender_sensitivity', 'Gender sensitivity and prevention of sexual harassment (Rule 32)'), ('womens_needs', "Women's rights and gender-specific needs (Rule 33.1)"), ('womens_health', "Women's health and first aid (Rule 33.2)"), ('child_development', 'Child development and child health (Rule 33.3)'), ('hiv', 'HIV prevention, treatment, care and support (Rule 34)'), ('mental_health', 'Mental health, suicide and self-harm (Rule 35)'), ('bangkok_rules', 'The Bangkok Rules (Rule 70.4)')], max_length=32, verbose_name='course')),
                    ('completed', models.DateField(verbose_name='completed on')),
                    ('expires', models.DateField(blank=True, null=True, verbose_name='expires on')),
                    ('provider', models.CharField(blank=True, max_length=200, verbose_name='provider')),
                    ('in_effect_from', models.DateTimeField(default=django.utils.timezone.now, help_text='When it was confirmed: it counts for acts done from then on.', verbose_name='in effect from')),
                    ('confirmed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='confirmed by')),
                    ('recorded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='recorded by')),
                    ('user', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='training_records', to=settings.AUTH_USER_MODEL, verbose_name='staff')),
                ],
                options={
                    'verbose_name': 'training record',
                    'ordering': ['user', 'course', '-completed'],
                    'indexes': [models.Index(fields=['course', 'expires'], name='staff_train_course_7c877f_idx')],
                    'constraints': [models.CheckConstraint(condition=models.Q(('expires__isnull', True), ('expires__gt', models.F('completed')), _connector='OR'), name='training_expires_after_completion', violation_error_message="A training can't expire before it was completed."), models.CheckConstraint(condition=models.Q(('recorded_by', models.F('user')), _negated=True), name='training_not_recorded_by_herself', violation_error_message='Nobody records or confirms her own training.'), models.CheckConstraint(condition=models.Q(('confirmed_by', models.F('user')), _negated=True), name='training_not_confirmed_by_herself', violation_error_message='Nobody records or confirms her own training.'), models.CheckConstraint(condition=models.Q(('confirmed_by', models.F('recorded_by')), _negated=True), name='training_confirmed_by_another', violation_error_message='A training is confirmed by someone other than who recorded it.')],
                    'triggers': [pgtrigger.compiler.Trigger(name='training_unchanged', sql=pgtrigger.compiler.UpsertTriggerSql(func="RAISE EXCEPTION 'pgtrigger: Cannot update or delete rows from % table', TG_TABLE_NAME;", hash='cd729ec89d7576820d3479d2312d66e44786820c', operation='UPDATE OR DELETE', pgid='pgtrigger_training_unchanged_0ccae', table='staff_trainingrecord', when='BEFORE')), pgtrigger.compiler.Trigger(name='insert_insert', sql=pgtrigger.compiler.UpsertTriggerSql(func='INSERT INTO "staff_trainingrecordevent" ("completed", "confirmed_by_id", "course", "expires", "id", "in_effect_from", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "provider", "recorded_by_id", "user_id") VALUES (NEW."completed", NEW."confirmed_by_id", NEW."course", NEW."expires", NEW."id", NEW."in_effect_from", _pgh_attach_context(), NOW(), \'insert\', NEW."id", NEW."provider", NEW."recorded_by_id", NEW."user_id"); RETURN NULL;', hash='b2d028e3d71927f62876ee576b6e34ad42858eaf', operation='INSERT', pgid='pgtrigger_insert_insert_8842e', table='staff_trainingrecord', when='AFTER')), pgtrigger.compiler.Trigger(name='update_update', sql=pgtrigger.compiler.UpsertTriggerSql(condition='WHEN (OLD.* IS DISTINCT FROM NEW.*)', func='INSERT INTO "staff_trainingrecordevent" ("completed", "confirmed_by_id", "course", "expires", "id", "in_effect_from", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "provider", "recorded_by_id", "user_id") VALUES (NEW."completed", NEW."confirmed_by_id", NEW."course", NEW."expires", NEW."id", NEW."in_effect_from", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."provider", NEW."recorded_by_id", NEW."user_id"); RETURN NULL;', hash='6f653d79a6bf7a20a75270997bc7b60abb8f38cf', operation='UPDATE', pgid='pgtrigger_update_update_8deb7', table='staff_trainingrecord', when='AFTER'))],
                },
            ), migrations.CreateModel(
                name='TrainingRecordEvent',
                fields=[
                    ('pgh_id', models.AutoField(primary_key=True, serialize=False)),
                    ('pgh_created_at', models.DateTimeField(auto_now_add=True)),
                    ('pgh_label', models.TextField(help_text='The event label.')),
                    ('id', models.BigIntegerField()),
                    ('course', models.CharField(choices=[('search_methods', 'Search methods (Rule 19)'), ('child_searches', 'Searching children (Rule 21)'), ('gender_sensitivity', 'Gender sensitivity and prevention of sexual harassment (Rule 32)'), ('womens_needs', "Women's rights and gender-specific needs (Rule 33.1)"), ('womens_health', "Women's health and first aid (Rule 33.2)"), ('child_development', 'Child development and child health (Rule 33.3)'), ('hiv', 'HIV prevention, treatment, care and support (Rule 34)'), ('mental_health', 'Mental health, suicide and self-harm (Rule 35)'), ('bangkok_rules', 'The Bangkok Rules (Rule 70.4)')], max_length=32, verbose_name='course')),
                    ('completed', models.DateField(verbose_name='completed on')),
                    ('expires', models.DateField(blank=True, null=True, verbose_name='expires on')),
                    ('provider', models.CharField(blank=True, max_length=200, verbose_name='provider')),
                    ('in_effect_from', models.DateTimeField(default=django.utils.timezone.now, help_text='When it was confirmed: it counts for acts done from then on.', verbose_name='in effect from')),
                    ('confirmed_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to=settings.AUTH_USER_MODEL, verbose_name='confirmed by')),
                    ('pgh_context', models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='pghistory.context')),
                    ('pgh_obj', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='events', to='staff.trainingrecord')),
                    ('recorded_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to=settings.AUTH_USER_MODEL, verbose_name='recorded by')),
                    ('user', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to=settings.AUTH_USER_MODEL, verbose_name='staff')),
                ],
                options={
                    'abstract': False,
                    'triggers': [pgtrigger.compiler.Trigger(name='append_only', sql=pgtrigger.compiler.UpsertTriggerSql(func="RAISE EXCEPTION 'pgtrigger: Cannot update or delete rows from % table', TG_TABLE_NAME;", hash='f72bddb76434ea3dbf002961ba637db60f60fd76', operation='UPDATE OR DELETE', pgid='pgtrigger_append_only_e6604', table='staff_trainingrecordevent', when='BEFORE'))],
                },
            )],
        ),
        bangkok.migration_operations.Together(
            [
                pgtrigger.migrations.AddTrigger(
                    model_name='facilitygrant',
                    trigger=pgtrigger.compiler.Trigger(name='facility_granted_insert', sql=pgtrigger.compiler.UpsertTriggerSql(func='INSERT INTO "staff_facilitygrantevent" ("content_type_id", "id", "object_pk", "permission_id", "pgh_context_id", "pgh_created_at", "pgh_label", "user_id") VALUES (NEW."content_type_id", NEW."id", NEW."object_pk", NEW."permission_id", _pgh_attach_context(), NOW(), \'facility.granted\', NEW."user_id"); RETURN NULL;', hash='6b0d081685ec48e3e5fa6a0208d619916bcd1edd', operation='INSERT', pgid='pgtrigger_facility_granted_insert_579f8', table='guardian_userobjectpermission', when='AFTER')),
                ),
                pgtrigger.migrations.AddTrigger(
                    model_name='facilitygrant',
                    trigger=pgtrigger.compiler.Trigger(name='facility_removed_delete', sql=pgtrigger.compiler.UpsertTriggerSql(func='INSERT INTO "staff_facilitygrantevent" ("content_type_id", "id", "object_pk", "permission_id", "pgh_context_id", "pgh_created_at", "pgh_label", "user_id") VALUES (OLD."content_type_id", OLD."id", OLD."object_pk", OLD."permission_id", _pgh_attach_context(), NOW(), \'facility.removed\', OLD."user_id"); RETURN NULL;', hash='3dfee2e25cd15a4f76407b2948e6d802ae860acd', operation='DELETE', pgid='pgtrigger_facility_removed_delete_54ab3', table='guardian_userobjectpermission', when='AFTER')),
                ),
            ]
        ),
        migrations.RunPython(install_grant_triggers, uninstall_grant_triggers),
    ]
