# This app's history from 0006_facility_lives_in_facilities to 0007_home_country, as one
# migration: a new database runs it instead of the migrations it replaces, which
# stay for databases made before it (docs/ARCHITECTURE.md, "Migrations").
import django.db.models.deletion
import pgtrigger.compiler
import pgtrigger.migrations
import bangkok.migration_operations
from django.db import migrations, models


class Migration(migrations.Migration):

    replaces = [('prisoners', '0006_facility_lives_in_facilities'), ('prisoners', '0007_home_country')]

    initial = True

    dependencies = [
        ('facilities', '0002_squashed'),
        ('prisoners', '0008_squashed_0001_to_0005'),
    ]

    operations = [
        bangkok.migration_operations.Together(
            [
                migrations.AddField(
                    model_name='prisoner',
                    name='facility',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='prisoners', to='facilities.facility', verbose_name='facility'),
                ),
                migrations.AddField(
                    model_name='unit',
                    name='facility',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='units', to='facilities.facility', verbose_name='facility'),
                ),
                migrations.AddField(
                    model_name='prisonerevent',
                    name='facility',
                    field=models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='facilities.facility', verbose_name='facility'),
                ),
                migrations.AddConstraint(
                    model_name='unit',
                    constraint=models.UniqueConstraint(fields=('facility', 'code'), name='unit_code_unique_in_facility'),
                ),
                migrations.AddIndex(
                    model_name='prisoner',
                    index=models.Index(fields=['facility', 'family_name', 'given_names', 'id'], name='prisoners_p_facilit_262e40_idx'),
                ),
                pgtrigger.migrations.AddTrigger(
                    model_name='prisoner',
                    trigger=pgtrigger.compiler.Trigger(name='insert_insert', sql=pgtrigger.compiler.UpsertTriggerSql(func='INSERT INTO "prisoners_prisonerevent" ("aliases", "created_at", "custody_status", "date_of_birth", "facility_id", "family_name", "gender_identity", "gender_self_description", "given_names", "home_country", "home_latitude", "home_longitude", "home_place", "id", "languages", "legal_status", "nationalities", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "prison_number", "search_name", "unit_id", "updated_at", "uuid") VALUES (NEW."aliases", NEW."created_at", NEW."custody_status", NEW."date_of_birth", NEW."facility_id", NEW."family_name", NEW."gender_identity", NEW."gender_self_description", NEW."given_names", NEW."home_country", NEW."home_latitude", NEW."home_longitude", NEW."home_place", NEW."id", NEW."languages", NEW."legal_status", NEW."nationalities", _pgh_attach_context(), NOW(), \'insert\', NEW."id", NEW."prison_number", NEW."search_name", NEW."unit_id", NEW."updated_at", NEW."uuid"); RETURN NULL;', hash='4c7eb10332edc650e27792dc449d2b1f3ec1a46f', operation='INSERT', pgid='pgtrigger_insert_insert_078a5', table='prisoners_prisoner', when='AFTER')),
                ),
                pgtrigger.migrations.AddTrigger(
                    model_name='prisoner',
                    trigger=pgtrigger.compiler.Trigger(name='update_update', sql=pgtrigger.compiler.UpsertTriggerSql(condition='WHEN (OLD.* IS DISTINCT FROM NEW.*)', func='INSERT INTO "prisoners_prisonerevent" ("aliases", "created_at", "custody_status", "date_of_birth", "facility_id", "family_name", "gender_identity", "gender_self_description", "given_names", "home_country", "home_latitude", "home_longitude", "home_place", "id", "languages", "legal_status", "nationalities", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "prison_number", "search_name", "unit_id", "updated_at", "uuid") VALUES (NEW."aliases", NEW."created_at", NEW."custody_status", NEW."date_of_birth", NEW."facility_id", NEW."family_name", NEW."gender_identity", NEW."gender_self_description", NEW."given_names", NEW."home_country", NEW."home_latitude", NEW."home_longitude", NEW."home_place", NEW."id", NEW."languages", NEW."legal_status", NEW."nationalities", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."prison_number", NEW."search_name", NEW."unit_id", NEW."updated_at", NEW."uuid"); RETURN NULL;', hash='77380481cf0da8b57777e26dc722f888d0dfe767', operation='UPDATE', pgid='pgtrigger_update_update_d8c17', table='prisoners_prisoner', when='AFTER')),
                ),
            ]
        ),
    ]
