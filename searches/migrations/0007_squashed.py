# This app's history from 0001_initial to 0006_facility_lives_in_facilities, as one
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

    replaces = [('searches', '0001_initial'), ('searches', '0002_authority_given_by_the_governor'), ('searches', '0003_late_reason'), ('searches', '0004_text_limits_and_plausible_dates'), ('searches', '0005_records_carry_a_version'), ('searches', '0006_facility_lives_in_facilities')]

    initial = True

    dependencies = [
        ('facilities', '0002_squashed'),
        ('pghistory', '0007_auto_20250421_0444'),
        ('prisoners', '0008_squashed_0001_to_0005'),
        ('register', '0005_squashed'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        bangkok.migration_operations.CreateModels(
            operations=[migrations.CreateModel(
                name='SearchAuthorisation',
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
                    ('subject', models.CharField(choices=[('woman', 'The woman herself'), ('child_in_prison', 'Her child living with her in prison'), ('child_visitor', 'A child visiting her'), ('cell', 'A cell')], default='woman', max_length=16, verbose_name='who is to be searched')),
                    ('kind', models.CharField(choices=[('pat_down', 'Pat-down'), ('scanner', 'Scanner'), ('strip', 'Strip search'), ('body_cavity', 'Body cavity search'), ('cell', 'Cell search')], max_length=12, verbose_name='type of search')),
                    ('trigger', models.CharField(choices=[('admission', 'Admission'), ('after_visit', 'After a visit'), ('intelligence', 'Intelligence about her'), ('random', 'Random or routine')], max_length=12, verbose_name='legal basis or occasion')),
                    ('reason', models.TextField(max_length=5000, verbose_name='individual reason')),
                    ('recorded_at', models.DateTimeField(default=django.utils.timezone.now, editable=False)),
                    ('authorised_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='authorised by')),
                    ('authority_refused_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='authority refused by')),
                    ('authority_requested_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='authority asked by')),
                    ('authority_sought_from', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='authority sought from')),
                    ('facility', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='facilities.facility', verbose_name='facility')),
                    ('prisoner', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='search_authorisations', to='prisoners.prisoner', verbose_name='woman')),
                ],
                options={
                    'verbose_name': 'authority for a strip or body cavity search',
                    'verbose_name_plural': 'authorities for strip or body cavity searches',
                    'ordering': ['-recorded_at', '-id'],
                    'constraints': [models.CheckConstraint(condition=models.Q(('kind__in', ('strip', 'body_cavity')), models.Q(('reason', ''), _negated=True), models.Q(('subject', 'cell'), _negated=True)), name='search_authorisation_invasive_reasoned', violation_error_message='Authority is asked for a strip or body cavity search of a person, for an individual reason (Mandela Rule 51).'), models.CheckConstraint(condition=models.Q(models.Q(('authority', 'pending'), ('authorised_by__isnull', True), ('authority_refused_by__isnull', True), ('authority_decided_at__isnull', True)), models.Q(('authority', 'confirmed'), ('authorised_by__isnull', False), ('authority_refused_by__isnull', True), ('authority_decided_at__isnull', False)), models.Q(('authority', 'refused'), ('authorised_by__isnull', True), ('authority_refused_by__isnull', False), ('authority_decided_at__isnull', False), models.Q(('authority_refusal', ''), _negated=True)), _connector='OR'), name='searches_searchauthorisation_authority_state', violation_error_message='Authority is awaited, given by someone, or refused by someone with a reason.'), models.CheckConstraint(condition=models.Q(('authority_requested_by__isnull', True), models.Q(models.Q(('authorised_by', models.F('authority_requested_by')), _negated=True), models.Q(('authority_refused_by', models.F('authority_requested_by')), _negated=True)), _connector='OR'), name='searches_searchauthorisation_authority_not_self', violation_error_message="Whoever asked for authority can't give or refuse it."), models.CheckConstraint(condition=models.Q(('authority_requested_by__isnull', True), models.Q(('authority_requested_at__isnull', False), ('authority_sought_from__isnull', True)), models.Q(('authority_requested_at__isnull', False), models.Q(models.Q(('authorised_by__isnull', True), ('authority_refused_by__isnull', True)), ('authorised_by', models.F('authority_sought_from')), ('authority_refused_by', models.F('authority_sought_from')), _connector='OR')), _connector='OR'), name='searches_searchauthorisation_authority_from_named', violation_error_message='Only the person whose authority was sought decides.')],
                    'triggers': [pgtrigger.compiler.Trigger(name='search_authorisation_no_delete', sql=pgtrigger.compiler.UpsertTriggerSql(func="RAISE EXCEPTION 'pgtrigger: Cannot delete rows from % table', TG_TABLE_NAME;", hash='50a5a9c48e6a070310e559eb96a9a6d13c13a808', operation='DELETE', pgid='pgtrigger_search_authorisation_no_delete_f7cb3', table='searches_searchauthorisation', when='BEFORE')), pgtrigger.compiler.Trigger(name='insert_insert', sql=pgtrigger.compiler.UpsertTriggerSql(func='INSERT INTO "searches_searchauthorisationevent" ("authorised_by_id", "authority", "authority_decided_at", "authority_due_at", "authority_escalated_at", "authority_refusal", "authority_refused_by_id", "authority_requested_at", "authority_requested_by_id", "authority_sought_from_id", "facility_id", "id", "kind", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "prisoner_id", "reason", "recorded_at", "subject", "trigger", "uuid", "version") VALUES (NEW."authorised_by_id", NEW."authority", NEW."authority_decided_at", NEW."authority_due_at", NEW."authority_escalated_at", NEW."authority_refusal", NEW."authority_refused_by_id", NEW."authority_requested_at", NEW."authority_requested_by_id", NEW."authority_sought_from_id", NEW."facility_id", NEW."id", NEW."kind", _pgh_attach_context(), NOW(), \'insert\', NEW."id", NEW."prisoner_id", NEW."reason", NEW."recorded_at", NEW."subject", NEW."trigger", NEW."uuid", NEW."version"); RETURN NULL;', hash='34f9d5a186061fb113125ded495ab2dbdb67fc4d', operation='INSERT', pgid='pgtrigger_insert_insert_5b60b', table='searches_searchauthorisation', when='AFTER')), pgtrigger.compiler.Trigger(name='update_update', sql=pgtrigger.compiler.UpsertTriggerSql(condition='WHEN (OLD.* IS DISTINCT FROM NEW.*)', func='INSERT INTO "searches_searchauthorisationevent" ("authorised_by_id", "authority", "authority_decided_at", "authority_due_at", "authority_escalated_at", "authority_refusal", "authority_refused_by_id", "authority_requested_at", "authority_requested_by_id", "authority_sought_from_id", "facility_id", "id", "kind", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "prisoner_id", "reason", "recorded_at", "subject", "trigger", "uuid", "version") VALUES (NEW."authorised_by_id", NEW."authority", NEW."authority_decided_at", NEW."authority_due_at", NEW."authority_escalated_at", NEW."authority_refusal", NEW."authority_refused_by_id", NEW."authority_requested_at", NEW."authority_requested_by_id", NEW."authority_sought_from_id", NEW."facility_id", NEW."id", NEW."kind", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."prisoner_id", NEW."reason", NEW."recorded_at", NEW."subject", NEW."trigger", NEW."uuid", NEW."version"); RETURN NULL;', hash='c447960cd8afff3b2ba0ee24aa772f96c3ed6bbf', operation='UPDATE', pgid='pgtrigger_update_update_8a1f6', table='searches_searchauthorisation', when='AFTER'))],
                },
            ), migrations.CreateModel(
                name='Search',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('uuid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                    ('subject', models.CharField(choices=[('woman', 'The woman herself'), ('child_in_prison', 'Her child living with her in prison'), ('child_visitor', 'A child visiting her'), ('cell', 'A cell')], max_length=16, verbose_name='who or what was searched')),
                    ('kind', models.CharField(choices=[('pat_down', 'Pat-down'), ('scanner', 'Scanner'), ('strip', 'Strip search'), ('body_cavity', 'Body cavity search'), ('cell', 'Cell search')], max_length=12, verbose_name='type of search')),
                    ('trigger', models.CharField(choices=[('admission', 'Admission'), ('after_visit', 'After a visit'), ('intelligence', 'Intelligence about her'), ('random', 'Random or routine')], max_length=12, verbose_name='legal basis or occasion')),
                    ('visiting_child_name', models.CharField(blank=True, max_length=100, verbose_name="visiting child's given name")),
                    ('visiting_child_age', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="visiting child's age")),
                    ('cell', models.CharField(blank=True, max_length=50, verbose_name='cell')),
                    ('searched_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='date and hour')),
                    ('reason', models.TextField(blank=True, max_length=5000, verbose_name='individual reason')),
                    ('place', models.CharField(blank=True, max_length=200, verbose_name='place')),
                    ('privacy', models.CharField(blank=True, max_length=300, verbose_name='privacy conditions')),
                    ('found', models.TextField(blank=True, max_length=5000, verbose_name='what was found')),
                    ('scanner_available', models.BooleanField(default=False, verbose_name='a scanner was available')),
                    ('why_not_scanner', models.TextField(blank=True, max_length=5000, verbose_name='why the scan would not do')),
                    ('late_reason', models.CharField(blank=True, help_text='Required when it happened more than a few hours before it is recorded.', max_length=500, verbose_name='Why it is recorded late')),
                    ('recorded_at', models.DateTimeField(default=django.utils.timezone.now, editable=False)),
                    ('authorised_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='authorised by')),
                    ('child', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='register.child', verbose_name='child living with her')),
                    ('facility', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='facilities.facility', verbose_name='facility')),
                    ('prisoner', models.ForeignKey(blank=True, help_text='The woman searched, the mother of the child searched, or the woman visited.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='searches', to='prisoners.prisoner', verbose_name='woman')),
                    ('recorded_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('unit', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='prisoners.unit')),
                    ('authorisation', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='search', to='searches.searchauthorisation', verbose_name='authority')),
                ],
                options={
                    'verbose_name': 'search',
                    'verbose_name_plural': 'searches',
                    'ordering': ['-searched_at', '-id'],
                    'permissions': [('authorise_search', 'Can authorise a strip or invasive search')],
                    'indexes': [models.Index(fields=['facility', 'searched_at'], name='searches_se_facilit_e8980d_idx')],
                    'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('kind', 'cell'), ('prisoner__isnull', True), ('subject', 'cell'), ('unit__isnull', False), models.Q(('cell', ''), _negated=True)), models.Q(models.Q(('subject', 'cell'), _negated=True), ('kind__in', ('pat_down', 'scanner', 'strip', 'body_cavity')), ('prisoner__isnull', False), models.Q(('place', ''), _negated=True)), _connector='OR'), name='search_person_or_cell', violation_error_message='A cell search names the unit and cell; a personal search names the woman and the place.'), models.CheckConstraint(condition=models.Q(models.Q(('child__isnull', False), ('subject', 'child_in_prison')), models.Q(models.Q(('subject', 'child_in_prison'), _negated=True), ('child__isnull', True)), _connector='OR'), name='search_child_in_prison_named', violation_error_message='Say which of her children living with her.'), models.CheckConstraint(condition=models.Q(models.Q(('subject', 'child_visitor'), ('visiting_child_age__lte', 17), models.Q(('visiting_child_name', ''), _negated=True)), models.Q(models.Q(('subject', 'child_visitor'), _negated=True), ('visiting_child_age__isnull', True), ('visiting_child_name', '')), _connector='OR'), name='search_visiting_child_named', violation_error_message="Give the visiting child's given name and age (0-17)."), models.CheckConstraint(condition=models.Q(models.Q(('kind__in', ('strip', 'body_cavity')), _negated=True), models.Q(models.Q(('reason', ''), _negated=True), ('authorised_by__isnull', False), models.Q(('privacy', ''), _negated=True)), _connector='OR'), name='search_invasive_reasoned_and_authorised', violation_error_message='A strip or body cavity search needs an individual reason, an authoriser and the privacy conditions (Mandela Rule 51).'), models.CheckConstraint(condition=models.Q(models.Q(('kind__in', ('strip', 'body_cavity')), _negated=True), ('authorisation__isnull', False), _connector='OR'), name='search_invasive_on_an_authority_given', violation_error_message='A strip or body cavity search is carried out only on the authority the governor gave for it (Mandela Rule 51).'), models.CheckConstraint(condition=models.Q(models.Q(('kind__in', ('strip', 'body_cavity')), ('scanner_available', True), _negated=True), models.Q(('why_not_scanner', ''), _negated=True), _connector='OR'), name='search_scanner_alternative_justified', violation_error_message='A scanner was available: say why the scan would not do (Bangkok Rule 20).')],
                    'triggers': [pgtrigger.compiler.Trigger(name='search_no_delete', sql=pgtrigger.compiler.UpsertTriggerSql(func="RAISE EXCEPTION 'pgtrigger: Cannot delete rows from % table', TG_TABLE_NAME;", hash='c0b25060ba6765784d137670bc159ce51f338ef2', operation='DELETE', pgid='pgtrigger_search_no_delete_b67d7', table='searches_search', when='BEFORE')), pgtrigger.compiler.Trigger(name='insert_insert', sql=pgtrigger.compiler.UpsertTriggerSql(func='INSERT INTO "searches_searchevent" ("authorisation_id", "authorised_by_id", "cell", "child_id", "facility_id", "found", "id", "kind", "late_reason", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "place", "prisoner_id", "privacy", "reason", "recorded_at", "recorded_by_id", "scanner_available", "searched_at", "subject", "trigger", "unit_id", "uuid", "visiting_child_age", "visiting_child_name", "why_not_scanner") VALUES (NEW."authorisation_id", NEW."authorised_by_id", NEW."cell", NEW."child_id", NEW."facility_id", NEW."found", NEW."id", NEW."kind", NEW."late_reason", _pgh_attach_context(), NOW(), \'insert\', NEW."id", NEW."place", NEW."prisoner_id", NEW."privacy", NEW."reason", NEW."recorded_at", NEW."recorded_by_id", NEW."scanner_available", NEW."searched_at", NEW."subject", NEW."trigger", NEW."unit_id", NEW."uuid", NEW."visiting_child_age", NEW."visiting_child_name", NEW."why_not_scanner"); RETURN NULL;', hash='c00cd1d00d7812e619a08935a63a6fdfc6554121', operation='INSERT', pgid='pgtrigger_insert_insert_2b637', table='searches_search', when='AFTER')), pgtrigger.compiler.Trigger(name='update_update', sql=pgtrigger.compiler.UpsertTriggerSql(condition='WHEN (OLD.* IS DISTINCT FROM NEW.*)', func='INSERT INTO "searches_searchevent" ("authorisation_id", "authorised_by_id", "cell", "child_id", "facility_id", "found", "id", "kind", "late_reason", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "place", "prisoner_id", "privacy", "reason", "recorded_at", "recorded_by_id", "scanner_available", "searched_at", "subject", "trigger", "unit_id", "uuid", "visiting_child_age", "visiting_child_name", "why_not_scanner") VALUES (NEW."authorisation_id", NEW."authorised_by_id", NEW."cell", NEW."child_id", NEW."facility_id", NEW."found", NEW."id", NEW."kind", NEW."late_reason", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."place", NEW."prisoner_id", NEW."privacy", NEW."reason", NEW."recorded_at", NEW."recorded_by_id", NEW."scanner_available", NEW."searched_at", NEW."subject", NEW."trigger", NEW."unit_id", NEW."uuid", NEW."visiting_child_age", NEW."visiting_child_name", NEW."why_not_scanner"); RETURN NULL;', hash='223b577509b7a6936a40dfde2750c4552d915005', operation='UPDATE', pgid='pgtrigger_update_update_f9ea9', table='searches_search', when='AFTER'))],
                },
            ), migrations.CreateModel(
                name='SearchAuthorisationEvent',
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
                    ('subject', models.CharField(choices=[('woman', 'The woman herself'), ('child_in_prison', 'Her child living with her in prison'), ('child_visitor', 'A child visiting her'), ('cell', 'A cell')], default='woman', max_length=16, verbose_name='who is to be searched')),
                    ('kind', models.CharField(choices=[('pat_down', 'Pat-down'), ('scanner', 'Scanner'), ('strip', 'Strip search'), ('body_cavity', 'Body cavity search'), ('cell', 'Cell search')], max_length=12, verbose_name='type of search')),
                    ('trigger', models.CharField(choices=[('admission', 'Admission'), ('after_visit', 'After a visit'), ('intelligence', 'Intelligence about her'), ('random', 'Random or routine')], max_length=12, verbose_name='legal basis or occasion')),
                    ('reason', models.TextField(max_length=5000, verbose_name='individual reason')),
                    ('recorded_at', models.DateTimeField(default=django.utils.timezone.now, editable=False)),
                    ('authorised_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to=settings.AUTH_USER_MODEL, verbose_name='authorised by')),
                    ('authority_refused_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to=settings.AUTH_USER_MODEL, verbose_name='authority refused by')),
                    ('authority_requested_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to=settings.AUTH_USER_MODEL, verbose_name='authority asked by')),
                    ('authority_sought_from', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to=settings.AUTH_USER_MODEL, verbose_name='authority sought from')),
                    ('facility', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='facilities.facility', verbose_name='facility')),
                    ('pgh_context', models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='pghistory.context')),
                    ('pgh_obj', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='events', to='searches.searchauthorisation')),
                    ('prisoner', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='prisoners.prisoner', verbose_name='woman')),
                ],
                options={
                    'abstract': False,
                },
            ), migrations.CreateModel(
                name='SearchEvent',
                fields=[
                    ('pgh_id', models.AutoField(primary_key=True, serialize=False)),
                    ('pgh_created_at', models.DateTimeField(auto_now_add=True)),
                    ('pgh_label', models.TextField(help_text='The event label.')),
                    ('id', models.BigIntegerField()),
                    ('uuid', models.UUIDField(default=uuid.uuid4, editable=False)),
                    ('subject', models.CharField(choices=[('woman', 'The woman herself'), ('child_in_prison', 'Her child living with her in prison'), ('child_visitor', 'A child visiting her'), ('cell', 'A cell')], max_length=16, verbose_name='who or what was searched')),
                    ('kind', models.CharField(choices=[('pat_down', 'Pat-down'), ('scanner', 'Scanner'), ('strip', 'Strip search'), ('body_cavity', 'Body cavity search'), ('cell', 'Cell search')], max_length=12, verbose_name='type of search')),
                    ('trigger', models.CharField(choices=[('admission', 'Admission'), ('after_visit', 'After a visit'), ('intelligence', 'Intelligence about her'), ('random', 'Random or routine')], max_length=12, verbose_name='legal basis or occasion')),
                    ('visiting_child_name', models.CharField(blank=True, max_length=100, verbose_name="visiting child's given name")),
                    ('visiting_child_age', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="visiting child's age")),
                    ('cell', models.CharField(blank=True, max_length=50, verbose_name='cell')),
                    ('searched_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='date and hour')),
                    ('reason', models.TextField(blank=True, max_length=5000, verbose_name='individual reason')),
                    ('place', models.CharField(blank=True, max_length=200, verbose_name='place')),
                    ('privacy', models.CharField(blank=True, max_length=300, verbose_name='privacy conditions')),
                    ('found', models.TextField(blank=True, max_length=5000, verbose_name='what was found')),
                    ('scanner_available', models.BooleanField(default=False, verbose_name='a scanner was available')),
                    ('why_not_scanner', models.TextField(blank=True, max_length=5000, verbose_name='why the scan would not do')),
                    ('late_reason', models.CharField(blank=True, help_text='Required when it happened more than a few hours before it is recorded.', max_length=500, verbose_name='Why it is recorded late')),
                    ('recorded_at', models.DateTimeField(default=django.utils.timezone.now, editable=False)),
                    ('authorisation', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='searches.searchauthorisation', verbose_name='authority')),
                    ('authorised_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to=settings.AUTH_USER_MODEL, verbose_name='authorised by')),
                    ('child', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='register.child', verbose_name='child living with her')),
                    ('facility', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='facilities.facility', verbose_name='facility')),
                    ('pgh_context', models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='pghistory.context')),
                    ('pgh_obj', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='events', to='searches.search')),
                    ('prisoner', models.ForeignKey(blank=True, db_constraint=False, help_text='The woman searched, the mother of the child searched, or the woman visited.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='prisoners.prisoner', verbose_name='woman')),
                    ('recorded_by', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to=settings.AUTH_USER_MODEL)),
                    ('unit', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='prisoners.unit')),
                ],
                options={
                    'abstract': False,
                },
            ), migrations.CreateModel(
                name='SearchStaff',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('part', models.CharField(choices=[('searcher', 'Searched'), ('witness', 'Witnessed')], max_length=8, verbose_name='part')),
                    ('gender', models.CharField(choices=[('woman', 'Woman'), ('man', 'Man'), ('other', 'Another gender'), ('undisclosed', 'Not disclosed')], max_length=16, verbose_name='gender')),
                    ('role', models.CharField(blank=True, max_length=32, verbose_name='role')),
                    ('person', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('search', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='staff', to='searches.search')),
                ],
                options={
                    'verbose_name': 'searching or witnessing staff',
                    'ordering': ['search', 'part', 'id'],
                    'constraints': [models.UniqueConstraint(fields=('search', 'person'), name='search_staff_once_each')],
                    'triggers': [pgtrigger.compiler.Trigger(name='search_staff_no_delete', sql=pgtrigger.compiler.UpsertTriggerSql(func="RAISE EXCEPTION 'pgtrigger: Cannot delete rows from % table', TG_TABLE_NAME;", hash='5eb704a205ce5e16bbca7ae9d09961d1edca49d0', operation='DELETE', pgid='pgtrigger_search_staff_no_delete_de3b6', table='searches_searchstaff', when='BEFORE')), pgtrigger.compiler.Trigger(name='insert_insert', sql=pgtrigger.compiler.UpsertTriggerSql(func='INSERT INTO "searches_searchstaffevent" ("gender", "id", "part", "person_id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "role", "search_id") VALUES (NEW."gender", NEW."id", NEW."part", NEW."person_id", _pgh_attach_context(), NOW(), \'insert\', NEW."id", NEW."role", NEW."search_id"); RETURN NULL;', hash='83b266e190dc70dfd338c1cb11649d8aba758cfc', operation='INSERT', pgid='pgtrigger_insert_insert_2a1f8', table='searches_searchstaff', when='AFTER')), pgtrigger.compiler.Trigger(name='update_update', sql=pgtrigger.compiler.UpsertTriggerSql(condition='WHEN (OLD.* IS DISTINCT FROM NEW.*)', func='INSERT INTO "searches_searchstaffevent" ("gender", "id", "part", "person_id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "role", "search_id") VALUES (NEW."gender", NEW."id", NEW."part", NEW."person_id", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."role", NEW."search_id"); RETURN NULL;', hash='5f5d6a67ef75d8fc239c13653dc0c1b64b319ec3', operation='UPDATE', pgid='pgtrigger_update_update_f05b4', table='searches_searchstaff', when='AFTER'))],
                },
            ), migrations.CreateModel(
                name='SearchStaffEvent',
                fields=[
                    ('pgh_id', models.AutoField(primary_key=True, serialize=False)),
                    ('pgh_created_at', models.DateTimeField(auto_now_add=True)),
                    ('pgh_label', models.TextField(help_text='The event label.')),
                    ('id', models.BigIntegerField()),
                    ('part', models.CharField(choices=[('searcher', 'Searched'), ('witness', 'Witnessed')], max_length=8, verbose_name='part')),
                    ('gender', models.CharField(choices=[('woman', 'Woman'), ('man', 'Man'), ('other', 'Another gender'), ('undisclosed', 'Not disclosed')], max_length=16, verbose_name='gender')),
                    ('role', models.CharField(blank=True, max_length=32, verbose_name='role')),
                    ('person', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to=settings.AUTH_USER_MODEL)),
                    ('pgh_context', models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='pghistory.context')),
                    ('pgh_obj', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='events', to='searches.searchstaff')),
                    ('search', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='searches.search')),
                ],
                options={
                    'abstract': False,
                },
            )],
        ),
    ]
