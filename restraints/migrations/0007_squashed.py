# This app's history from 0001_initial to 0006_facility_lives_in_facilities, as one
# migration: a new database runs it instead of the migrations it replaces, which
# stay for databases made before it (docs/ARCHITECTURE.md, "Migrations").
import bangkok.migration_operations
import bangkok.versions
import django.contrib.postgres.fields
import django.db.models.deletion
import django.utils.timezone
import pgtrigger.compiler
import uuid
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    replaces = [('restraints', '0001_initial'), ('restraints', '0002_authority_given_by_the_governor'), ('restraints', '0003_late_reason'), ('restraints', '0004_text_limits_and_plausible_dates'), ('restraints', '0005_records_carry_a_version'), ('restraints', '0006_facility_lives_in_facilities')]

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
                name='MethodApproval',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('uuid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                    ('devices', django.contrib.postgres.fields.ArrayField(base_field=models.CharField(choices=[('soft_cuffs', 'Soft restraint cuffs'), ('handcuffs', 'Handcuffs, hands in front'), ('escort_cuff', "Escort cuff (her wrist to an officer's)")], max_length=20), verbose_name='devices approved')),
                    ('conditions', models.TextField(blank=True, max_length=5000, verbose_name='conditions')),
                    ('approved_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='approved')),
                    ('valid_until', models.DateTimeField(verbose_name='valid until')),
                    ('approved_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('facility', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='facilities.facility')),
                    ('prisoner', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='restraint_approvals', to='prisoners.prisoner')),
                ],
                options={
                    'verbose_name': 'approved method of restraint',
                    'ordering': ['-approved_at', '-id'],
                    'constraints': [models.CheckConstraint(condition=models.Q(('devices__contained_by', ['soft_cuffs', 'handcuffs', 'escort_cuff']), ('devices__len__gte', 1)), name='approval_devices_on_the_list'), models.CheckConstraint(condition=models.Q(('valid_until__gt', models.F('approved_at'))), name='approval_valid_after_approval')],
                    'triggers': [pgtrigger.compiler.Trigger(name='approval_no_delete', sql=pgtrigger.compiler.UpsertTriggerSql(func="RAISE EXCEPTION 'pgtrigger: Cannot delete rows from % table', TG_TABLE_NAME;", hash='68db6bae21e7aaadd4cf2da7b2e34692f2d8c4d6', operation='DELETE', pgid='pgtrigger_approval_no_delete_3f652', table='restraints_methodapproval', when='BEFORE')), pgtrigger.compiler.Trigger(name='insert_insert', sql=pgtrigger.compiler.UpsertTriggerSql(func='INSERT INTO "restraints_methodapprovalevent" ("approved_at", "approved_by_id", "conditions", "devices", "facility_id", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "prisoner_id", "uuid", "valid_until") VALUES (NEW."approved_at", NEW."approved_by_id", NEW."conditions", NEW."devices", NEW."facility_id", NEW."id", _pgh_attach_context(), NOW(), \'insert\', NEW."id", NEW."prisoner_id", NEW."uuid", NEW."valid_until"); RETURN NULL;', hash='16ebcce296932d1c7d2c7c1671bca801fb7f8840', operation='INSERT', pgid='pgtrigger_insert_insert_8336f', table='restraints_methodapproval', when='AFTER')), pgtrigger.compiler.Trigger(name='update_update', sql=pgtrigger.compiler.UpsertTriggerSql(condition='WHEN (OLD.* IS DISTINCT FROM NEW.*)', func='INSERT INTO "restraints_methodapprovalevent" ("approved_at", "approved_by_id", "conditions", "devices", "facility_id", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "prisoner_id", "uuid", "valid_until") VALUES (NEW."approved_at", NEW."approved_by_id", NEW."conditions", NEW."devices", NEW."facility_id", NEW."id", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."prisoner_id", NEW."uuid", NEW."valid_until"); RETURN NULL;', hash='8f1ecf9d750319bbbd0c98294cdbd7bafd50f26d', operation='UPDATE', pgid='pgtrigger_update_update_5c117', table='restraints_methodapproval', when='AFTER'))],
                },
            ), migrations.CreateModel(
                name='MethodApprovalEvent',
                fields=[
                    ('pgh_id', models.AutoField(primary_key=True, serialize=False)),
                    ('pgh_created_at', models.DateTimeField(auto_now_add=True)),
                    ('pgh_label', models.TextField(help_text='The event label.')),
                    ('id', models.BigIntegerField()),
                    ('uuid', models.UUIDField(default=uuid.uuid4, editable=False)),
                    ('devices', django.contrib.postgres.fields.ArrayField(base_field=models.CharField(choices=[('soft_cuffs', 'Soft restraint cuffs'), ('handcuffs', 'Handcuffs, hands in front'), ('escort_cuff', "Escort cuff (her wrist to an officer's)")], max_length=20), verbose_name='devices approved')),
                    ('conditions', models.TextField(blank=True, max_length=5000, verbose_name='conditions')),
                    ('approved_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='approved')),
                    ('valid_until', models.DateTimeField(verbose_name='valid until')),
                    ('approved_by', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to=settings.AUTH_USER_MODEL)),
                    ('facility', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='facilities.facility')),
                    ('pgh_context', models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='pghistory.context')),
                    ('pgh_obj', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='events', to='restraints.methodapproval')),
                    ('prisoner', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='prisoners.prisoner')),
                ],
                options={
                    'abstract': False,
                },
            ), migrations.CreateModel(
                name='Restraint',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('version', bangkok.versions.VersionField(default=1, editable=False, help_text='Moved by the database on every change; a change names the one it read.', verbose_name='version')),
                    ('authority', models.CharField(choices=[('pending', 'Awaiting authority'), ('confirmed', 'Authorised'), ('refused', 'Authority refused')], default='confirmed', max_length=10, verbose_name='authority')),
                    ('authority_requested_at', models.DateTimeField(blank=True, null=True, verbose_name='authority asked')),
                    ('authority_due_at', models.DateTimeField(blank=True, help_text='For an action taken at once in an emergency: confirmed or ended by then.', null=True, verbose_name='to be confirmed by')),
                    ('authority_decided_at', models.DateTimeField(blank=True, null=True, verbose_name='authority decided')),
                    ('authority_refusal', models.TextField(blank=True, max_length=5000, verbose_name='why authority was refused')),
                    ('authority_escalated_at', models.DateTimeField(blank=True, null=True)),
                    ('uuid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                    ('device', models.CharField(choices=[('soft_cuffs', 'Soft restraint cuffs'), ('handcuffs', 'Handcuffs, hands in front'), ('escort_cuff', "Escort cuff (her wrist to an officer's)")], max_length=20, verbose_name='device')),
                    ('purpose', models.CharField(choices=[('escort_transfer', 'Escort or transfer'), ('prevent_self_harm', 'To prevent her harming herself'), ('prevent_injury_to_others', 'To prevent injury to others'), ('prevent_serious_damage', 'To prevent serious damage to property'), ('medical_direction', 'On medical direction')], max_length=30, verbose_name='purpose')),
                    ('necessity', models.TextField(help_text='Only when no lesser form of control would be effective (Mandela 48.1).', max_length=5000, verbose_name='why nothing less would do')),
                    ('place', models.CharField(choices=[('prison', 'In the prison'), ('escort', 'On escort or in a vehicle'), ('hospital', 'In hospital'), ('court', 'At court'), ('other', 'Elsewhere')], max_length=10, verbose_name='where')),
                    ('place_detail', models.CharField(blank=True, max_length=200, verbose_name='place')),
                    ('emergency', models.BooleanField(default=False, help_text='Applied before the governor could confirm it, to prevent injury or serious damage (Mandela 47.2): she confirms it or it is removed within the set time.', verbose_name='applied at once in an emergency')),
                    ('applied_at', models.DateTimeField(blank=True, null=True, verbose_name='applied')),
                    ('removed_at', models.DateTimeField(blank=True, null=True, verbose_name='removed')),
                    ('obstetric_protection_when_applied', models.BooleanField(default=False)),
                    ('under_health_approval', models.BooleanField(default=False, help_text='She was under the health-approval protection while restrained.')),
                    ('obstetric_alert_at', models.DateTimeField(blank=True, null=True)),
                    ('recorded_at', models.DateTimeField(default=django.utils.timezone.now, editable=False)),
                    ('late_reason', models.CharField(blank=True, help_text='Required when it happened more than a few hours before it is recorded.', max_length=500, verbose_name='Why it is recorded late')),
                    ('applied_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('approval', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='restraints', to='restraints.methodapproval')),
                    ('authorised_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='authorised by')),
                    ('authority_refused_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='authority refused by')),
                    ('authority_requested_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='authority asked by')),
                    ('authority_sought_from', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='authority sought from')),
                    ('facility', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='facilities.facility')),
                    ('prisoner', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='restraints', to='prisoners.prisoner')),
                    ('removed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ],
                options={
                    'verbose_name': 'restraint',
                    'ordering': ['-applied_at', '-id'],
                    'permissions': [('authorise_restraint', 'Can authorise a restraint'), ('approve_method', 'Can approve the least restrictive method')],
                    'indexes': [models.Index(fields=['facility', 'applied_at'], name='restraints__facilit_6e698e_idx')],
                    'constraints': [models.CheckConstraint(condition=models.Q(('device__in', ['soft_cuffs', 'handcuffs', 'escort_cuff'])), name='restraint_device_on_the_list'), models.CheckConstraint(condition=models.Q(('purpose__in', ['escort_transfer', 'prevent_self_harm', 'prevent_injury_to_others', 'prevent_serious_damage', 'medical_direction'])), name='restraint_purpose_never_punishment'), models.CheckConstraint(condition=models.Q(('place__in', ['prison', 'escort', 'hospital', 'court', 'other'])), name='restraint_place_known'), models.CheckConstraint(condition=models.Q(models.Q(('removed_at__isnull', True), ('removed_by__isnull', True)), models.Q(('removed_at__gte', models.F('applied_at')), ('removed_by__isnull', False)), _connector='OR'), name='restraint_removed_after_applied'), models.UniqueConstraint(condition=models.Q(('removed_at__isnull', True), models.Q(('applied_at__isnull', True), ('authority', 'refused'), _negated=True)), fields=('prisoner',), name='one_restraint_applied_per_woman'), models.CheckConstraint(condition=models.Q(('applied_at__isnull', False), models.Q(('authority__in', ['pending', 'refused']), ('emergency', False)), _connector='OR'), name='restraint_on_or_awaiting_authority'), models.CheckConstraint(condition=models.Q(('emergency', False), ('authority_due_at__isnull', False), _connector='OR'), name='restraint_emergency_has_a_limit'), models.CheckConstraint(condition=models.Q(models.Q(('authority', 'pending'), ('authorised_by__isnull', True), ('authority_refused_by__isnull', True), ('authority_decided_at__isnull', True)), models.Q(('authority', 'confirmed'), ('authorised_by__isnull', False), ('authority_refused_by__isnull', True), ('authority_decided_at__isnull', False)), models.Q(('authority', 'refused'), ('authorised_by__isnull', True), ('authority_refused_by__isnull', False), ('authority_decided_at__isnull', False), models.Q(('authority_refusal', ''), _negated=True)), _connector='OR'), name='restraints_restraint_authority_state', violation_error_message='Authority is awaited, given by someone, or refused by someone with a reason.'), models.CheckConstraint(condition=models.Q(('authority_requested_by__isnull', True), models.Q(models.Q(('authorised_by', models.F('authority_requested_by')), _negated=True), models.Q(('authority_refused_by', models.F('authority_requested_by')), _negated=True)), _connector='OR'), name='restraints_restraint_authority_not_self', violation_error_message="Whoever asked for authority can't give or refuse it."), models.CheckConstraint(condition=models.Q(('authority_requested_by__isnull', True), models.Q(('authority_requested_at__isnull', False), ('authority_sought_from__isnull', True)), models.Q(('authority_requested_at__isnull', False), models.Q(models.Q(('authorised_by__isnull', True), ('authority_refused_by__isnull', True)), ('authorised_by', models.F('authority_sought_from')), ('authority_refused_by', models.F('authority_sought_from')), _connector='OR')), _connector='OR'), name='restraints_restraint_authority_from_named', violation_error_message='Only the person whose authority was sought decides.')],
                    'triggers': [pgtrigger.compiler.Trigger(name='restraint_no_delete', sql=pgtrigger.compiler.UpsertTriggerSql(func="RAISE EXCEPTION 'pgtrigger: Cannot delete rows from % table', TG_TABLE_NAME;", hash='cf1590e2f9ff377eca7845b1b9b21e019bc06c7f', operation='DELETE', pgid='pgtrigger_restraint_no_delete_ca2f0', table='restraints_restraint', when='BEFORE')), pgtrigger.compiler.Trigger(name='insert_insert', sql=pgtrigger.compiler.UpsertTriggerSql(func='INSERT INTO "restraints_restraintevent" ("applied_at", "applied_by_id", "approval_id", "authorised_by_id", "authority", "authority_decided_at", "authority_due_at", "authority_escalated_at", "authority_refusal", "authority_refused_by_id", "authority_requested_at", "authority_requested_by_id", "authority_sought_from_id", "device", "emergency", "facility_id", "id", "late_reason", "necessity", "obstetric_alert_at", "obstetric_protection_when_applied", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "place", "place_detail", "prisoner_id", "purpose", "recorded_at", "removed_at", "removed_by_id", "under_health_approval", "uuid", "version") VALUES (NEW."applied_at", NEW."applied_by_id", NEW."approval_id", NEW."authorised_by_id", NEW."authority", NEW."authority_decided_at", NEW."authority_due_at", NEW."authority_escalated_at", NEW."authority_refusal", NEW."authority_refused_by_id", NEW."authority_requested_at", NEW."authority_requested_by_id", NEW."authority_sought_from_id", NEW."device", NEW."emergency", NEW."facility_id", NEW."id", NEW."late_reason", NEW."necessity", NEW."obstetric_alert_at", NEW."obstetric_protection_when_applied", _pgh_attach_context(), NOW(), \'insert\', NEW."id", NEW."place", NEW."place_detail", NEW."prisoner_id", NEW."purpose", NEW."recorded_at", NEW."removed_at", NEW."removed_by_id", NEW."under_health_approval", NEW."uuid", NEW."version"); RETURN NULL;', hash='9dca009bcbcc90b53a5a353878feac2b2ab0f61b', operation='INSERT', pgid='pgtrigger_insert_insert_5ca98', table='restraints_restraint', when='AFTER')), pgtrigger.compiler.Trigger(name='update_update', sql=pgtrigger.compiler.UpsertTriggerSql(condition='WHEN (OLD.* IS DISTINCT FROM NEW.*)', func='INSERT INTO "restraints_restraintevent" ("applied_at", "applied_by_id", "approval_id", "authorised_by_id", "authority", "authority_decided_at", "authority_due_at", "authority_escalated_at", "authority_refusal", "authority_refused_by_id", "authority_requested_at", "authority_requested_by_id", "authority_sought_from_id", "device", "emergency", "facility_id", "id", "late_reason", "necessity", "obstetric_alert_at", "obstetric_protection_when_applied", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "place", "place_detail", "prisoner_id", "purpose", "recorded_at", "removed_at", "removed_by_id", "under_health_approval", "uuid", "version") VALUES (NEW."applied_at", NEW."applied_by_id", NEW."approval_id", NEW."authorised_by_id", NEW."authority", NEW."authority_decided_at", NEW."authority_due_at", NEW."authority_escalated_at", NEW."authority_refusal", NEW."authority_refused_by_id", NEW."authority_requested_at", NEW."authority_requested_by_id", NEW."authority_sought_from_id", NEW."device", NEW."emergency", NEW."facility_id", NEW."id", NEW."late_reason", NEW."necessity", NEW."obstetric_alert_at", NEW."obstetric_protection_when_applied", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."place", NEW."place_detail", NEW."prisoner_id", NEW."purpose", NEW."recorded_at", NEW."removed_at", NEW."removed_by_id", NEW."under_health_approval", NEW."uuid", NEW."version"); RETURN NULL;', hash='94e9dfb51daf3b1f87f7bf9ca798cff4c506ee1f', operation='UPDATE', pgid='pgtrigger_update_update_04703', table='restraints_restraint', when='AFTER'))],
                },
            ), migrations.CreateModel(
                name='RestraintEvent',
                fields=[
                    ('pgh_id', models.AutoField(primary_key=True, serialize=False)),
                    ('pgh_created_at', models.DateTimeField(auto_now_add=True)),
                    ('pgh_label', models.TextField(help_text='The event label.')),
                    ('id', models.BigIntegerField()),
                    ('version', bangkok.versions.VersionField(default=1, editable=False, help_text='Moved by the database on every change; a change names the one it read.', verbose_name='version')),
                    ('authority', models.CharField(choices=[('pending', 'Awaiting authority'), ('confirmed', 'Authorised'), ('refused', 'Authority refused')], default='confirmed', max_length=10, verbose_name='authority')),
                    ('authority_requested_at', models.DateTimeField(blank=True, null=True, verbose_name='authority asked')),
                    ('authority_due_at', models.DateTimeField(blank=True, help_text='For an action taken at once in an emergency: confirmed or ended by then.', null=True, verbose_name='to be confirmed by')),
                    ('authority_decided_at', models.DateTimeField(blank=True, null=True, verbose_name='authority decided')),
                    ('authority_refusal', models.TextField(blank=True, max_length=5000, verbose_name='why authority was refused')),
                    ('authority_escalated_at', models.DateTimeField(blank=True, null=True)),
                    ('uuid', models.UUIDField(default=uuid.uuid4, editable=False)),
                    ('device', models.CharField(choices=[('soft_cuffs', 'Soft restraint cuffs'), ('handcuffs', 'Handcuffs, hands in front'), ('escort_cuff', "Escort cuff (her wrist to an officer's)")], max_length=20, verbose_name='device')),
                    ('purpose', models.CharField(choices=[('escort_transfer', 'Escort or transfer'), ('prevent_self_harm', 'To prevent her harming herself'), ('prevent_injury_to_others', 'To prevent injury to others'), ('prevent_serious_damage', 'To prevent serious damage to property'), ('medical_direction', 'On medical direction')], max_length=30, verbose_name='purpose')),
                    ('necessity', models.TextField(help_text='Only when no lesser form of control would be effective (Mandela 48.1).', max_length=5000, verbose_name='why nothing less would do')),
                    ('place', models.CharField(choices=[('prison', 'In the prison'), ('escort', 'On escort or in a vehicle'), ('hospital', 'In hospital'), ('court', 'At court'), ('other', 'Elsewhere')], max_length=10, verbose_name='where')),
                    ('place_detail', models.CharField(blank=True, max_length=200, verbose_name='place')),
                    ('emergency', models.BooleanField(default=False, help_text='Applied before the governor could confirm it, to prevent injury or serious damage (Mandela 47.2): she confirms it or it is removed within the set time.', verbose_name='applied at once in an emergency')),
                    ('applied_at', models.DateTimeField(blank=True, null=True, verbose_name='applied')),
                    ('removed_at', models.DateTimeField(blank=True, null=True, verbose_name='removed')),
                    ('obstetric_protection_when_applied', models.BooleanField(default=False)),
                    ('under_health_approval', models.BooleanField(default=False, help_text='She was under the health-approval protection while restrained.')),
                    ('obstetric_alert_at', models.DateTimeField(blank=True, null=True)),
                    ('recorded_at', models.DateTimeField(default=django.utils.timezone.now, editable=False)),
                    ('late_reason', models.CharField(blank=True, help_text='Required when it happened more than a few hours before it is recorded.', max_length=500, verbose_name='Why it is recorded late')),
                    ('applied_by', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to=settings.AUTH_USER_MODEL)),
                    ('approval', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='restraints.methodapproval')),
                    ('authorised_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to=settings.AUTH_USER_MODEL, verbose_name='authorised by')),
                    ('authority_refused_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to=settings.AUTH_USER_MODEL, verbose_name='authority refused by')),
                    ('authority_requested_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to=settings.AUTH_USER_MODEL, verbose_name='authority asked by')),
                    ('authority_sought_from', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to=settings.AUTH_USER_MODEL, verbose_name='authority sought from')),
                    ('facility', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='facilities.facility')),
                    ('pgh_context', models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='pghistory.context')),
                    ('pgh_obj', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='events', to='restraints.restraint')),
                    ('prisoner', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='prisoners.prisoner')),
                    ('removed_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to=settings.AUTH_USER_MODEL)),
                ],
                options={
                    'abstract': False,
                },
            ), migrations.CreateModel(
                name='RestraintReview',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('uuid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                    ('reviewed_at', models.DateTimeField(verbose_name='reviewed')),
                    ('still_needed', models.BooleanField(verbose_name='still needed')),
                    ('note', models.TextField(blank=True, max_length=5000, verbose_name='note')),
                    ('restraint', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='reviews', to='restraints.restraint')),
                    ('reviewed_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ],
                options={
                    'verbose_name': 'restraint review',
                    'ordering': ['reviewed_at', 'id'],
                    'triggers': [pgtrigger.compiler.Trigger(name='restraint_review_no_delete', sql=pgtrigger.compiler.UpsertTriggerSql(func="RAISE EXCEPTION 'pgtrigger: Cannot delete rows from % table', TG_TABLE_NAME;", hash='16679423381583aeb8e92053b52cd153084eb91c', operation='DELETE', pgid='pgtrigger_restraint_review_no_delete_22437', table='restraints_restraintreview', when='BEFORE')), pgtrigger.compiler.Trigger(name='insert_insert', sql=pgtrigger.compiler.UpsertTriggerSql(func='INSERT INTO "restraints_restraintreviewevent" ("id", "note", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "restraint_id", "reviewed_at", "reviewed_by_id", "still_needed", "uuid") VALUES (NEW."id", NEW."note", _pgh_attach_context(), NOW(), \'insert\', NEW."id", NEW."restraint_id", NEW."reviewed_at", NEW."reviewed_by_id", NEW."still_needed", NEW."uuid"); RETURN NULL;', hash='163756f55f263ddc6899b751fa81b0ec68df673e', operation='INSERT', pgid='pgtrigger_insert_insert_6d25a', table='restraints_restraintreview', when='AFTER')), pgtrigger.compiler.Trigger(name='update_update', sql=pgtrigger.compiler.UpsertTriggerSql(condition='WHEN (OLD.* IS DISTINCT FROM NEW.*)', func='INSERT INTO "restraints_restraintreviewevent" ("id", "note", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "restraint_id", "reviewed_at", "reviewed_by_id", "still_needed", "uuid") VALUES (NEW."id", NEW."note", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."restraint_id", NEW."reviewed_at", NEW."reviewed_by_id", NEW."still_needed", NEW."uuid"); RETURN NULL;', hash='930d1ca4f78315bc800fa84ad5af806e87a3dab7', operation='UPDATE', pgid='pgtrigger_update_update_a668a', table='restraints_restraintreview', when='AFTER'))],
                },
            ), migrations.CreateModel(
                name='RestraintReviewEvent',
                fields=[
                    ('pgh_id', models.AutoField(primary_key=True, serialize=False)),
                    ('pgh_created_at', models.DateTimeField(auto_now_add=True)),
                    ('pgh_label', models.TextField(help_text='The event label.')),
                    ('id', models.BigIntegerField()),
                    ('uuid', models.UUIDField(default=uuid.uuid4, editable=False)),
                    ('reviewed_at', models.DateTimeField(verbose_name='reviewed')),
                    ('still_needed', models.BooleanField(verbose_name='still needed')),
                    ('note', models.TextField(blank=True, max_length=5000, verbose_name='note')),
                    ('pgh_context', models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='pghistory.context')),
                    ('pgh_obj', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='events', to='restraints.restraintreview')),
                    ('restraint', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='restraints.restraint')),
                    ('reviewed_by', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to=settings.AUTH_USER_MODEL)),
                ],
                options={
                    'abstract': False,
                },
            )],
        ),
    ]
