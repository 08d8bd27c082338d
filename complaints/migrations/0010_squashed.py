# This app's history from 0001_initial to 0009_held_action_may_lapse, as one
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

    replaces = [('complaints', '0001_initial'), ('complaints', '0002_complaints_and_held_actions'), ('complaints', '0003_held_action_record'), ('complaints', '0004_adverse_kinds'), ('complaints', '0005_text_limits_and_plausible_dates'), ('complaints', '0006_prison_contact_acts_and_extensions_held'), ('complaints', '0007_records_carry_a_version'), ('complaints', '0008_facility_lives_in_facilities'), ('complaints', '0009_held_action_may_lapse')]

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
                name='Complaint',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('version', bangkok.versions.VersionField(default=1, editable=False, help_text='Moved by the database on every change; a change names the one it read.', verbose_name='version')),
                    ('uuid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                    ('kind', models.CharField(choices=[('complaint', 'Complaint'), ('abuse_report', 'Report of abuse')], max_length=16, verbose_name='kind')),
                    ('lodged_by_her', models.BooleanField(default=True, verbose_name='lodged by her')),
                    ('lodged_for_her_by', models.CharField(blank=True, help_text="Who lodged it for her, if she didn't herself (a relative, her lawyer).", max_length=200, verbose_name='lodged for her by')),
                    ('channel', models.CharField(choices=[('in_person', 'To a member of staff'), ('confidential_box', 'Confidential complaints box'), ('letter', 'Letter'), ('inspector', 'Through an inspector or monitoring body'), ('lawyer', 'Through her lawyer'), ('family', 'Through her family')], max_length=20, verbose_name='how it came')),
                    ('subject', models.CharField(choices=[('treatment_by_staff', 'Treatment by staff'), ('other_prisoners', 'Other prisoners'), ('conditions', 'Living conditions'), ('health_care', 'Health care'), ('contact', 'Visits and family contact'), ('discipline', 'Discipline or searches'), ('property', 'Property'), ('other', 'Something else')], max_length=24, verbose_name='what it is about')),
                    ('narrative', models.TextField(max_length=10000, verbose_name='her account')),
                    ('received_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='received')),
                    ('acknowledge_by', models.DateTimeField(verbose_name='to acknowledge by')),
                    ('reply_by', models.DateTimeField(verbose_name='to answer by')),
                    ('acknowledged_at', models.DateTimeField(blank=True, null=True, verbose_name='acknowledged')),
                    ('reply', models.TextField(blank=True, max_length=5000, verbose_name='answer')),
                    ('replied_at', models.DateTimeField(blank=True, null=True, verbose_name='answered')),
                    ('closed_at', models.DateTimeField(blank=True, null=True, verbose_name='closed')),
                    ('status', models.CharField(choices=[('received', 'Received'), ('acknowledged', 'Acknowledged'), ('answered', 'Answered'), ('closed', 'Closed')], default='received', max_length=16, verbose_name='status')),
                    ('timing', models.CharField(blank=True, choices=[('before', 'Before her detention'), ('during', 'During her detention')], max_length=8, verbose_name='when it happened')),
                    ('perpetrator', models.CharField(blank=True, choices=[('staff', 'A member of staff'), ('prisoner', 'Another prisoner'), ('other', 'Someone else'), ('unknown', 'Not known')], max_length=10, verbose_name='alleged perpetrator')),
                    ('sexual', models.BooleanField(default=False, verbose_name='sexual abuse')),
                    ('wishes_legal_action', models.BooleanField(default=False, verbose_name='she wishes to take legal action')),
                    ('referred_at', models.DateTimeField(blank=True, null=True, verbose_name='referred to an independent authority')),
                    ('referred_to', models.CharField(blank=True, max_length=200, verbose_name='authority referred to')),
                    ('psychological_support_offered_at', models.DateTimeField(blank=True, null=True, verbose_name='psychological support offered')),
                    ('assigned_to', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='dealt with by')),
                    ('facility', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='facilities.facility')),
                    ('named_staff', models.ManyToManyField(blank=True, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='staff it names')),
                    ('prisoner', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='complaints', to='prisoners.prisoner')),
                    ('received_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('safeguarding_record', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='complaint', to='complaints.safeguardingrecord')),
                ],
                options={
                    'verbose_name': 'complaint or report of abuse',
                    'ordering': ['-received_at', '-id'],
                    'permissions': [('view_complaint_status', 'Can see that a complaint exists and its status')],
                    'constraints': [models.CheckConstraint(condition=models.Q(('kind', 'complaint'), models.Q(models.Q(('timing', ''), _negated=True), models.Q(('perpetrator', ''), _negated=True)), _connector='OR'), name='abuse_report_says_when_and_who', violation_error_message='A report of abuse says when it happened and by whom.'), models.CheckConstraint(condition=models.Q(('lodged_by_her', True), models.Q(('lodged_for_her_by', ''), _negated=True), _connector='OR'), name='complaint_lodged_for_her_names_who', violation_error_message='Say who lodged it for her.')],
                    'triggers': [pgtrigger.compiler.Trigger(name='complaint_no_delete', sql=pgtrigger.compiler.UpsertTriggerSql(func="RAISE EXCEPTION 'pgtrigger: Cannot delete rows from % table', TG_TABLE_NAME;", hash='4f427b9d3d3350e9f0ae64de782f130355afd555', operation='DELETE', pgid='pgtrigger_complaint_no_delete_7115f', table='complaints_complaint', when='BEFORE')), pgtrigger.compiler.Trigger(name='insert_insert', sql=pgtrigger.compiler.UpsertTriggerSql(func='INSERT INTO "complaints_complaintevent" ("acknowledge_by", "acknowledged_at", "assigned_to_id", "channel", "closed_at", "facility_id", "id", "kind", "lodged_by_her", "lodged_for_her_by", "perpetrator", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "prisoner_id", "psychological_support_offered_at", "received_at", "received_by_id", "referred_at", "referred_to", "replied_at", "reply", "reply_by", "safeguarding_record_id", "sexual", "status", "subject", "timing", "uuid", "version", "wishes_legal_action") VALUES (NEW."acknowledge_by", NEW."acknowledged_at", NEW."assigned_to_id", NEW."channel", NEW."closed_at", NEW."facility_id", NEW."id", NEW."kind", NEW."lodged_by_her", NEW."lodged_for_her_by", NEW."perpetrator", _pgh_attach_context(), NOW(), \'insert\', NEW."id", NEW."prisoner_id", NEW."psychological_support_offered_at", NEW."received_at", NEW."received_by_id", NEW."referred_at", NEW."referred_to", NEW."replied_at", NEW."reply", NEW."reply_by", NEW."safeguarding_record_id", NEW."sexual", NEW."status", NEW."subject", NEW."timing", NEW."uuid", NEW."version", NEW."wishes_legal_action"); RETURN NULL;', hash='dd121704c7461fa189cb7050134139fc29b95161', operation='INSERT', pgid='pgtrigger_insert_insert_85fac', table='complaints_complaint', when='AFTER')), pgtrigger.compiler.Trigger(name='update_update', sql=pgtrigger.compiler.UpsertTriggerSql(condition='WHEN (OLD."acknowledge_by" IS DISTINCT FROM (NEW."acknowledge_by") OR OLD."acknowledged_at" IS DISTINCT FROM (NEW."acknowledged_at") OR OLD."assigned_to_id" IS DISTINCT FROM (NEW."assigned_to_id") OR OLD."channel" IS DISTINCT FROM (NEW."channel") OR OLD."closed_at" IS DISTINCT FROM (NEW."closed_at") OR OLD."facility_id" IS DISTINCT FROM (NEW."facility_id") OR OLD."id" IS DISTINCT FROM (NEW."id") OR OLD."kind" IS DISTINCT FROM (NEW."kind") OR OLD."lodged_by_her" IS DISTINCT FROM (NEW."lodged_by_her") OR OLD."lodged_for_her_by" IS DISTINCT FROM (NEW."lodged_for_her_by") OR OLD."perpetrator" IS DISTINCT FROM (NEW."perpetrator") OR OLD."prisoner_id" IS DISTINCT FROM (NEW."prisoner_id") OR OLD."psychological_support_offered_at" IS DISTINCT FROM (NEW."psychological_support_offered_at") OR OLD."received_at" IS DISTINCT FROM (NEW."received_at") OR OLD."received_by_id" IS DISTINCT FROM (NEW."received_by_id") OR OLD."referred_at" IS DISTINCT FROM (NEW."referred_at") OR OLD."referred_to" IS DISTINCT FROM (NEW."referred_to") OR OLD."replied_at" IS DISTINCT FROM (NEW."replied_at") OR OLD."reply" IS DISTINCT FROM (NEW."reply") OR OLD."reply_by" IS DISTINCT FROM (NEW."reply_by") OR OLD."safeguarding_record_id" IS DISTINCT FROM (NEW."safeguarding_record_id") OR OLD."sexual" IS DISTINCT FROM (NEW."sexual") OR OLD."status" IS DISTINCT FROM (NEW."status") OR OLD."subject" IS DISTINCT FROM (NEW."subject") OR OLD."timing" IS DISTINCT FROM (NEW."timing") OR OLD."uuid" IS DISTINCT FROM (NEW."uuid") OR OLD."version" IS DISTINCT FROM (NEW."version") OR OLD."wishes_legal_action" IS DISTINCT FROM (NEW."wishes_legal_action"))', func='INSERT INTO "complaints_complaintevent" ("acknowledge_by", "acknowledged_at", "assigned_to_id", "channel", "closed_at", "facility_id", "id", "kind", "lodged_by_her", "lodged_for_her_by", "perpetrator", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "prisoner_id", "psychological_support_offered_at", "received_at", "received_by_id", "referred_at", "referred_to", "replied_at", "reply", "reply_by", "safeguarding_record_id", "sexual", "status", "subject", "timing", "uuid", "version", "wishes_legal_action") VALUES (NEW."acknowledge_by", NEW."acknowledged_at", NEW."assigned_to_id", NEW."channel", NEW."closed_at", NEW."facility_id", NEW."id", NEW."kind", NEW."lodged_by_her", NEW."lodged_for_her_by", NEW."perpetrator", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."prisoner_id", NEW."psychological_support_offered_at", NEW."received_at", NEW."received_by_id", NEW."referred_at", NEW."referred_to", NEW."replied_at", NEW."reply", NEW."reply_by", NEW."safeguarding_record_id", NEW."sexual", NEW."status", NEW."subject", NEW."timing", NEW."uuid", NEW."version", NEW."wishes_legal_action"); RETURN NULL;', hash='f4d2926bd90c8f2592c6b7c3dd1162989d6c4d64', operation='UPDATE', pgid='pgtrigger_update_update_36c30', table='complaints_complaint', when='AFTER'))],
                },
            ), migrations.CreateModel(
                name='HeldAction',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('version', bangkok.versions.VersionField(default=1, editable=False, help_text='Moved by the database on every change; a change names the one it read.', verbose_name='version')),
                    ('uuid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                    ('kind', models.CharField(choices=[('charge', 'A disciplinary charge'), ('sanction', 'A sanction'), ('segregation', 'Segregation'), ('segregation_extension', 'An extension of her segregation'), ('transfer', 'A transfer'), ('contact_restriction', 'A restriction of her contact'), ('loss_of_work', 'Loss of her work or activities'), ('strip', 'A strip search'), ('body_cavity', 'A body cavity search'), ('restraint', 'A planned restraint'), ('visit_cancellation', 'A visit cancelled by the prison'), ('visitor_withdrawal', 'A visitor withdrawn by the prison')], max_length=24, verbose_name='action')),
                    ('summary', models.CharField(max_length=300, verbose_name='what was asked')),
                    ('params', models.JSONField(default=dict, editable=False)),
                    ('requested_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='asked')),
                    ('status', models.CharField(choices=[('held', 'Held for review'), ('released', 'Reviewed: it goes ahead'), ('stopped', 'Reviewed: it does not go ahead'), ('lapsed', 'Ended before review: nothing left to review')], default='held', max_length=10, verbose_name='status')),
                    ('safeguarding_at', models.DateTimeField(blank=True, null=True)),
                    ('safeguarding_finds_retaliation', models.BooleanField(blank=True, null=True)),
                    ('governor_at', models.DateTimeField(blank=True, null=True)),
                    ('governor_finds_retaliation', models.BooleanField(blank=True, null=True)),
                    ('review_note', models.TextField(blank=True, max_length=5000, verbose_name='review notes')),
                    ('decided_at', models.DateTimeField(blank=True, null=True)),
                    ('record_model', models.CharField(blank=True, default='', editable=False, max_length=60)),
                    ('record_uuid', models.UUIDField(blank=True, editable=False, null=True)),
                    ('facility', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='facilities.facility')),
                    ('governor_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('prisoner', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='held_actions', to='prisoners.prisoner')),
                    ('requested_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('safeguarding_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ],
                options={
                    'verbose_name': 'action held for review',
                    'ordering': ['-requested_at', '-id'],
                    'permissions': [('review_held_action', 'Can review an action held after a report')],
                    'indexes': [models.Index(fields=['record_uuid'], name='held_action_record')],
                    'triggers': [pgtrigger.compiler.Trigger(name='held_action_no_delete', sql=pgtrigger.compiler.UpsertTriggerSql(func="RAISE EXCEPTION 'pgtrigger: Cannot delete rows from % table', TG_TABLE_NAME;", hash='1d0e855c7e5e6a76a05878562b8d50e449d1930e', operation='DELETE', pgid='pgtrigger_held_action_no_delete_382b9', table='complaints_heldaction', when='BEFORE')), pgtrigger.compiler.Trigger(name='insert_insert', sql=pgtrigger.compiler.UpsertTriggerSql(func='INSERT INTO "complaints_heldactionevent" ("decided_at", "facility_id", "governor_at", "governor_by_id", "governor_finds_retaliation", "id", "kind", "params", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "prisoner_id", "record_model", "record_uuid", "requested_at", "requested_by_id", "review_note", "safeguarding_at", "safeguarding_by_id", "safeguarding_finds_retaliation", "status", "summary", "uuid", "version") VALUES (NEW."decided_at", NEW."facility_id", NEW."governor_at", NEW."governor_by_id", NEW."governor_finds_retaliation", NEW."id", NEW."kind", NEW."params", _pgh_attach_context(), NOW(), \'insert\', NEW."id", NEW."prisoner_id", NEW."record_model", NEW."record_uuid", NEW."requested_at", NEW."requested_by_id", NEW."review_note", NEW."safeguarding_at", NEW."safeguarding_by_id", NEW."safeguarding_finds_retaliation", NEW."status", NEW."summary", NEW."uuid", NEW."version"); RETURN NULL;', hash='c0e29587fbffe8f9580b4b97c5c4a59aa2a07751', operation='INSERT', pgid='pgtrigger_insert_insert_fd6ca', table='complaints_heldaction', when='AFTER')), pgtrigger.compiler.Trigger(name='update_update', sql=pgtrigger.compiler.UpsertTriggerSql(condition='WHEN (OLD.* IS DISTINCT FROM NEW.*)', func='INSERT INTO "complaints_heldactionevent" ("decided_at", "facility_id", "governor_at", "governor_by_id", "governor_finds_retaliation", "id", "kind", "params", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "prisoner_id", "record_model", "record_uuid", "requested_at", "requested_by_id", "review_note", "safeguarding_at", "safeguarding_by_id", "safeguarding_finds_retaliation", "status", "summary", "uuid", "version") VALUES (NEW."decided_at", NEW."facility_id", NEW."governor_at", NEW."governor_by_id", NEW."governor_finds_retaliation", NEW."id", NEW."kind", NEW."params", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."prisoner_id", NEW."record_model", NEW."record_uuid", NEW."requested_at", NEW."requested_by_id", NEW."review_note", NEW."safeguarding_at", NEW."safeguarding_by_id", NEW."safeguarding_finds_retaliation", NEW."status", NEW."summary", NEW."uuid", NEW."version"); RETURN NULL;', hash='87c44464d514ccdb98acdd205bfa8db00f2a0736', operation='UPDATE', pgid='pgtrigger_update_update_4d1b7', table='complaints_heldaction', when='AFTER'))],
                },
            ), migrations.CreateModel(
                name='HeldActionEvent',
                fields=[
                    ('pgh_id', models.AutoField(primary_key=True, serialize=False)),
                    ('pgh_created_at', models.DateTimeField(auto_now_add=True)),
                    ('pgh_label', models.TextField(help_text='The event label.')),
                    ('id', models.BigIntegerField()),
                    ('version', bangkok.versions.VersionField(default=1, editable=False, help_text='Moved by the database on every change; a change names the one it read.', verbose_name='version')),
                    ('uuid', models.UUIDField(default=uuid.uuid4, editable=False)),
                    ('kind', models.CharField(choices=[('charge', 'A disciplinary charge'), ('sanction', 'A sanction'), ('segregation', 'Segregation'), ('segregation_extension', 'An extension of her segregation'), ('transfer', 'A transfer'), ('contact_restriction', 'A restriction of her contact'), ('loss_of_work', 'Loss of her work or activities'), ('strip', 'A strip search'), ('body_cavity', 'A body cavity search'), ('restraint', 'A planned restraint'), ('visit_cancellation', 'A visit cancelled by the prison'), ('visitor_withdrawal', 'A visitor withdrawn by the prison')], max_length=24, verbose_name='action')),
                    ('summary', models.CharField(max_length=300, verbose_name='what was asked')),
                    ('params', models.JSONField(default=dict, editable=False)),
                    ('requested_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='asked')),
                    ('status', models.CharField(choices=[('held', 'Held for review'), ('released', 'Reviewed: it goes ahead'), ('stopped', 'Reviewed: it does not go ahead'), ('lapsed', 'Ended before review: nothing left to review')], default='held', max_length=10, verbose_name='status')),
                    ('safeguarding_at', models.DateTimeField(blank=True, null=True)),
                    ('safeguarding_finds_retaliation', models.BooleanField(blank=True, null=True)),
                    ('governor_at', models.DateTimeField(blank=True, null=True)),
                    ('governor_finds_retaliation', models.BooleanField(blank=True, null=True)),
                    ('review_note', models.TextField(blank=True, max_length=5000, verbose_name='review notes')),
                    ('decided_at', models.DateTimeField(blank=True, null=True)),
                    ('record_model', models.CharField(blank=True, default='', editable=False, max_length=60)),
                    ('record_uuid', models.UUIDField(blank=True, editable=False, null=True)),
                    ('facility', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='facilities.facility')),
                    ('governor_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to=settings.AUTH_USER_MODEL)),
                    ('pgh_context', models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='pghistory.context')),
                    ('pgh_obj', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='events', to='complaints.heldaction')),
                    ('prisoner', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='prisoners.prisoner')),
                    ('requested_by', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to=settings.AUTH_USER_MODEL)),
                    ('safeguarding_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to=settings.AUTH_USER_MODEL)),
                ],
                options={
                    'abstract': False,
                },
            ), migrations.CreateModel(
                name='ProtectionPlan',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('uuid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                    ('measures', django.contrib.postgres.fields.ArrayField(base_field=models.CharField(choices=[('perpetrator_moved', 'The alleged perpetrator is moved or reassigned'), ('no_contact', 'No contact between them'), ('supervision', 'Closer supervision where she is'), ('she_is_moved', 'She is moved (her wish or no other way)'), ('other', 'Another measure')], max_length=20), verbose_name='measures')),
                    ('moving_her_reason', models.TextField(blank=True, max_length=5000, verbose_name='why she is the one moved')),
                    ('support_offered', models.BooleanField(default=False, verbose_name='support and counselling offered')),
                    ('made_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='made')),
                    ('complaint', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='protection_plan', to='complaints.complaint')),
                    ('made_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ],
                options={
                    'verbose_name': 'protection plan',
                    'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('measures__contains', ['she_is_moved']), _negated=True), models.Q(('moving_her_reason', ''), _negated=True), _connector='OR'), name='plan_moving_her_has_a_reason', violation_error_message='Say why she, not the alleged perpetrator, is moved.')],
                    'triggers': [pgtrigger.compiler.Trigger(name='protection_plan_no_delete', sql=pgtrigger.compiler.UpsertTriggerSql(func="RAISE EXCEPTION 'pgtrigger: Cannot delete rows from % table', TG_TABLE_NAME;", hash='7ad47154469fb788e401f4791f6fd7cfd039be81', operation='DELETE', pgid='pgtrigger_protection_plan_no_delete_fa4dd', table='complaints_protectionplan', when='BEFORE')), pgtrigger.compiler.Trigger(name='insert_insert', sql=pgtrigger.compiler.UpsertTriggerSql(func='INSERT INTO "complaints_protectionplanevent" ("complaint_id", "id", "made_at", "made_by_id", "measures", "moving_her_reason", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "support_offered", "uuid") VALUES (NEW."complaint_id", NEW."id", NEW."made_at", NEW."made_by_id", NEW."measures", NEW."moving_her_reason", _pgh_attach_context(), NOW(), \'insert\', NEW."id", NEW."support_offered", NEW."uuid"); RETURN NULL;', hash='f41d928bb9504ae415f86162420d229b6b47a39a', operation='INSERT', pgid='pgtrigger_insert_insert_54549', table='complaints_protectionplan', when='AFTER')), pgtrigger.compiler.Trigger(name='update_update', sql=pgtrigger.compiler.UpsertTriggerSql(condition='WHEN (OLD.* IS DISTINCT FROM NEW.*)', func='INSERT INTO "complaints_protectionplanevent" ("complaint_id", "id", "made_at", "made_by_id", "measures", "moving_her_reason", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "support_offered", "uuid") VALUES (NEW."complaint_id", NEW."id", NEW."made_at", NEW."made_by_id", NEW."measures", NEW."moving_her_reason", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."support_offered", NEW."uuid"); RETURN NULL;', hash='f6474566174802d039d1b21e882e917bde7d4907', operation='UPDATE', pgid='pgtrigger_update_update_bdfea', table='complaints_protectionplan', when='AFTER'))],
                },
            ), migrations.CreateModel(
                name='ProtectionPlanEvent',
                fields=[
                    ('pgh_id', models.AutoField(primary_key=True, serialize=False)),
                    ('pgh_created_at', models.DateTimeField(auto_now_add=True)),
                    ('pgh_label', models.TextField(help_text='The event label.')),
                    ('id', models.BigIntegerField()),
                    ('uuid', models.UUIDField(default=uuid.uuid4, editable=False)),
                    ('measures', django.contrib.postgres.fields.ArrayField(base_field=models.CharField(choices=[('perpetrator_moved', 'The alleged perpetrator is moved or reassigned'), ('no_contact', 'No contact between them'), ('supervision', 'Closer supervision where she is'), ('she_is_moved', 'She is moved (her wish or no other way)'), ('other', 'Another measure')], max_length=20), verbose_name='measures')),
                    ('moving_her_reason', models.TextField(blank=True, max_length=5000, verbose_name='why she is the one moved')),
                    ('support_offered', models.BooleanField(default=False, verbose_name='support and counselling offered')),
                    ('made_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='made')),
                    ('complaint', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='complaints.complaint')),
                    ('made_by', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to=settings.AUTH_USER_MODEL)),
                    ('pgh_context', models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='pghistory.context')),
                    ('pgh_obj', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='events', to='complaints.protectionplan')),
                ],
                options={
                    'abstract': False,
                },
            ), migrations.CreateModel(
                name='SafeguardingRecord',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('uuid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                    ('source', models.CharField(choices=[('health_disclosure', 'Disclosure to health staff'), ('abuse_report', 'Report of abuse'), ('complaint', 'Complaint')], max_length=20, verbose_name='opened by')),
                    ('opened_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='opened')),
                    ('protected_until', models.DateTimeField(verbose_name='protected against retaliation until')),
                    ('status', models.CharField(choices=[('open', 'Open'), ('closed', 'Closed')], default='open', max_length=8, verbose_name='status')),
                    ('facility', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='facilities.facility')),
                    ('opened_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('prisoner', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='safeguarding_records', to='prisoners.prisoner')),
                ],
                options={
                    'verbose_name': 'safeguarding record',
                    'ordering': ['-opened_at', '-id'],
                    'triggers': [pgtrigger.compiler.Trigger(name='safeguarding_no_delete', sql=pgtrigger.compiler.UpsertTriggerSql(func="RAISE EXCEPTION 'pgtrigger: Cannot delete rows from % table', TG_TABLE_NAME;", hash='efc4f5814cc6121a10e4f7e33affcf2a99146c41', operation='DELETE', pgid='pgtrigger_safeguarding_no_delete_73eac', table='complaints_safeguardingrecord', when='BEFORE')), pgtrigger.compiler.Trigger(name='insert_insert', sql=pgtrigger.compiler.UpsertTriggerSql(func='INSERT INTO "complaints_safeguardingrecordevent" ("facility_id", "id", "opened_at", "opened_by_id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "prisoner_id", "protected_until", "source", "status", "uuid") VALUES (NEW."facility_id", NEW."id", NEW."opened_at", NEW."opened_by_id", _pgh_attach_context(), NOW(), \'insert\', NEW."id", NEW."prisoner_id", NEW."protected_until", NEW."source", NEW."status", NEW."uuid"); RETURN NULL;', hash='5657c0ac36140d50f9673c3056dd2b40f5be0231', operation='INSERT', pgid='pgtrigger_insert_insert_f608a', table='complaints_safeguardingrecord', when='AFTER')), pgtrigger.compiler.Trigger(name='update_update', sql=pgtrigger.compiler.UpsertTriggerSql(condition='WHEN (OLD.* IS DISTINCT FROM NEW.*)', func='INSERT INTO "complaints_safeguardingrecordevent" ("facility_id", "id", "opened_at", "opened_by_id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "prisoner_id", "protected_until", "source", "status", "uuid") VALUES (NEW."facility_id", NEW."id", NEW."opened_at", NEW."opened_by_id", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."prisoner_id", NEW."protected_until", NEW."source", NEW."status", NEW."uuid"); RETURN NULL;', hash='125e27ec209c7d560053b8aa5f2ea55cae3dc2fa', operation='UPDATE', pgid='pgtrigger_update_update_f6e9a', table='complaints_safeguardingrecord', when='AFTER'))],
                },
            ), migrations.CreateModel(
                name='ComplaintEvent',
                fields=[
                    ('pgh_id', models.AutoField(primary_key=True, serialize=False)),
                    ('pgh_created_at', models.DateTimeField(auto_now_add=True)),
                    ('pgh_label', models.TextField(help_text='The event label.')),
                    ('id', models.BigIntegerField()),
                    ('version', bangkok.versions.VersionField(default=1, editable=False, help_text='Moved by the database on every change; a change names the one it read.', verbose_name='version')),
                    ('uuid', models.UUIDField(default=uuid.uuid4, editable=False)),
                    ('kind', models.CharField(choices=[('complaint', 'Complaint'), ('abuse_report', 'Report of abuse')], max_length=16, verbose_name='kind')),
                    ('lodged_by_her', models.BooleanField(default=True, verbose_name='lodged by her')),
                    ('lodged_for_her_by', models.CharField(blank=True, help_text="Who lodged it for her, if she didn't herself (a relative, her lawyer).", max_length=200, verbose_name='lodged for her by')),
                    ('channel', models.CharField(choices=[('in_person', 'To a member of staff'), ('confidential_box', 'Confidential complaints box'), ('letter', 'Letter'), ('inspector', 'Through an inspector or monitoring body'), ('lawyer', 'Through her lawyer'), ('family', 'Through her family')], max_length=20, verbose_name='how it came')),
                    ('subject', models.CharField(choices=[('treatment_by_staff', 'Treatment by staff'), ('other_prisoners', 'Other prisoners'), ('conditions', 'Living conditions'), ('health_care', 'Health care'), ('contact', 'Visits and family contact'), ('discipline', 'Discipline or searches'), ('property', 'Property'), ('other', 'Something else')], max_length=24, verbose_name='what it is about')),
                    ('received_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='received')),
                    ('acknowledge_by', models.DateTimeField(verbose_name='to acknowledge by')),
                    ('reply_by', models.DateTimeField(verbose_name='to answer by')),
                    ('acknowledged_at', models.DateTimeField(blank=True, null=True, verbose_name='acknowledged')),
                    ('reply', models.TextField(blank=True, max_length=5000, verbose_name='answer')),
                    ('replied_at', models.DateTimeField(blank=True, null=True, verbose_name='answered')),
                    ('closed_at', models.DateTimeField(blank=True, null=True, verbose_name='closed')),
                    ('status', models.CharField(choices=[('received', 'Received'), ('acknowledged', 'Acknowledged'), ('answered', 'Answered'), ('closed', 'Closed')], default='received', max_length=16, verbose_name='status')),
                    ('timing', models.CharField(blank=True, choices=[('before', 'Before her detention'), ('during', 'During her detention')], max_length=8, verbose_name='when it happened')),
                    ('perpetrator', models.CharField(blank=True, choices=[('staff', 'A member of staff'), ('prisoner', 'Another prisoner'), ('other', 'Someone else'), ('unknown', 'Not known')], max_length=10, verbose_name='alleged perpetrator')),
                    ('sexual', models.BooleanField(default=False, verbose_name='sexual abuse')),
                    ('wishes_legal_action', models.BooleanField(default=False, verbose_name='she wishes to take legal action')),
                    ('referred_at', models.DateTimeField(blank=True, null=True, verbose_name='referred to an independent authority')),
                    ('referred_to', models.CharField(blank=True, max_length=200, verbose_name='authority referred to')),
                    ('psychological_support_offered_at', models.DateTimeField(blank=True, null=True, verbose_name='psychological support offered')),
                    ('assigned_to', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to=settings.AUTH_USER_MODEL, verbose_name='dealt with by')),
                    ('facility', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='facilities.facility')),
                    ('pgh_context', models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='pghistory.context')),
                    ('pgh_obj', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='events', to='complaints.complaint')),
                    ('prisoner', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='prisoners.prisoner')),
                    ('received_by', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to=settings.AUTH_USER_MODEL)),
                    ('safeguarding_record', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='complaints.safeguardingrecord')),
                ],
                options={
                    'abstract': False,
                },
            ), migrations.CreateModel(
                name='SafeguardingRecordEvent',
                fields=[
                    ('pgh_id', models.AutoField(primary_key=True, serialize=False)),
                    ('pgh_created_at', models.DateTimeField(auto_now_add=True)),
                    ('pgh_label', models.TextField(help_text='The event label.')),
                    ('id', models.BigIntegerField()),
                    ('uuid', models.UUIDField(default=uuid.uuid4, editable=False)),
                    ('source', models.CharField(choices=[('health_disclosure', 'Disclosure to health staff'), ('abuse_report', 'Report of abuse'), ('complaint', 'Complaint')], max_length=20, verbose_name='opened by')),
                    ('opened_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='opened')),
                    ('protected_until', models.DateTimeField(verbose_name='protected against retaliation until')),
                    ('status', models.CharField(choices=[('open', 'Open'), ('closed', 'Closed')], default='open', max_length=8, verbose_name='status')),
                    ('facility', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='facilities.facility')),
                    ('opened_by', models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to=settings.AUTH_USER_MODEL)),
                    ('pgh_context', models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='pghistory.context')),
                    ('pgh_obj', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='events', to='complaints.safeguardingrecord')),
                    ('prisoner', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='prisoners.prisoner')),
                ],
                options={
                    'abstract': False,
                },
            )],
        ),
    ]
