# The preventive part of the clinical file (Rules 17, 18).
import uuid

import django.db.models.deletion
import django.utils.timezone
import pgtrigger.compiler
import pgtrigger.migrations
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("health", "0002_maternity"),
        ("pghistory", "0007_auto_20250421_0444"),
        ("prisoners", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="PreventiveScreening",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("cervical_cytology", "Cervical cytology"),
                            ("hpv", "HPV test (hrHPV / HPV-DNA)"),
                            ("cotest", "Co-test (cytology and HPV)"),
                            ("via", "Visual inspection with acetic acid (VIA)"),
                            ("mammography", "Mammography"),
                            ("cbe", "Clinical breast examination"),
                            ("other", "Other gynaecological screening"),
                        ],
                        max_length=20,
                        verbose_name="screening",
                    ),
                ),
                ("done_on", models.DateField(verbose_name="date")),
                (
                    "reported",
                    models.BooleanField(
                        default=False, verbose_name="reported by her, from before admission"
                    ),
                ),
                ("declined", models.BooleanField(default=False, verbose_name="she declined")),
                (
                    "result",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("normal", "Normal"),
                            ("abnormal", "Abnormal"),
                            ("inconclusive", "Inconclusive"),
                        ],
                        max_length=14,
                        verbose_name="result",
                    ),
                ),
                ("next_due", models.DateField(blank=True, null=True, verbose_name="next due")),
                (
                    "policy",
                    models.CharField(max_length=16, verbose_name="community screening policy"),
                ),
                (
                    "follow_up_outcome",
                    models.TextField(blank=True, verbose_name="follow-up outcome"),
                ),
                (
                    "follow_up_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="follow-up recorded"),
                ),
                ("recorded_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "prisoner",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="preventive_screenings",
                        to="prisoners.prisoner",
                    ),
                ),
                (
                    "recorded_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "preventive screening",
                "ordering": ["-done_on", "-id"],
            },
        ),
        migrations.CreateModel(
            name="PreventiveScreeningEvent",
            fields=[
                ("pgh_id", models.AutoField(primary_key=True, serialize=False)),
                ("pgh_created_at", models.DateTimeField(auto_now_add=True)),
                ("pgh_label", models.TextField(help_text="The event label.")),
                ("id", models.BigIntegerField()),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False)),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("cervical_cytology", "Cervical cytology"),
                            ("hpv", "HPV test (hrHPV / HPV-DNA)"),
                            ("cotest", "Co-test (cytology and HPV)"),
                            ("via", "Visual inspection with acetic acid (VIA)"),
                            ("mammography", "Mammography"),
                            ("cbe", "Clinical breast examination"),
                            ("other", "Other gynaecological screening"),
                        ],
                        max_length=20,
                        verbose_name="screening",
                    ),
                ),
                ("done_on", models.DateField(verbose_name="date")),
                (
                    "reported",
                    models.BooleanField(
                        default=False, verbose_name="reported by her, from before admission"
                    ),
                ),
                ("declined", models.BooleanField(default=False, verbose_name="she declined")),
                (
                    "result",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("normal", "Normal"),
                            ("abnormal", "Abnormal"),
                            ("inconclusive", "Inconclusive"),
                        ],
                        max_length=14,
                        verbose_name="result",
                    ),
                ),
                ("next_due", models.DateField(blank=True, null=True, verbose_name="next due")),
                (
                    "policy",
                    models.CharField(max_length=16, verbose_name="community screening policy"),
                ),
                (
                    "follow_up_outcome",
                    models.TextField(blank=True, verbose_name="follow-up outcome"),
                ),
                (
                    "follow_up_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="follow-up recorded"),
                ),
                ("recorded_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "pgh_context",
                    models.ForeignKey(
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="pghistory.context",
                    ),
                ),
                (
                    "pgh_obj",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="events",
                        to="health.preventivescreening",
                    ),
                ),
                (
                    "prisoner",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to="prisoners.prisoner",
                    ),
                ),
                (
                    "recorded_by",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.AddConstraint(
            model_name="preventivescreening",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("declined", False),
                    models.Q(("result", ""), ("reported", False)),
                    _connector="OR",
                ),
                name="declined_screening_has_no_result",
            ),
        ),
        migrations.AddConstraint(
            model_name="preventivescreening",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("follow_up_at__isnull", True), ("follow_up_outcome", "")),
                    models.Q(
                        ("follow_up_at__isnull", False),
                        ("result", "abnormal"),
                        models.Q(("follow_up_outcome", ""), _negated=True),
                    ),
                    _connector="OR",
                ),
                name="follow_up_outcome_only_for_abnormal",
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="preventivescreening",
            trigger=pgtrigger.compiler.Trigger(
                name="insert_insert",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func='INSERT INTO "health_preventivescreeningevent" ("declined", "done_on", "follow_up_at", "follow_up_outcome", "id", "kind", "next_due", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "policy", "prisoner_id", "recorded_at", "recorded_by_id", "reported", "result", "uuid") VALUES (NEW."declined", NEW."done_on", NEW."follow_up_at", NEW."follow_up_outcome", NEW."id", NEW."kind", NEW."next_due", _pgh_attach_context(), NOW(), \'insert\', NEW."id", NEW."policy", NEW."prisoner_id", NEW."recorded_at", NEW."recorded_by_id", NEW."reported", NEW."result", NEW."uuid"); RETURN NULL;',
                    hash="009029b12efea7fef3b1552ed88e4850f7fad531",
                    operation="INSERT",
                    pgid="pgtrigger_insert_insert_1f5ff",
                    table="health_preventivescreening",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="preventivescreening",
            trigger=pgtrigger.compiler.Trigger(
                name="update_update",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    condition="WHEN (OLD.* IS DISTINCT FROM NEW.*)",
                    func='INSERT INTO "health_preventivescreeningevent" ("declined", "done_on", "follow_up_at", "follow_up_outcome", "id", "kind", "next_due", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "policy", "prisoner_id", "recorded_at", "recorded_by_id", "reported", "result", "uuid") VALUES (NEW."declined", NEW."done_on", NEW."follow_up_at", NEW."follow_up_outcome", NEW."id", NEW."kind", NEW."next_due", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."policy", NEW."prisoner_id", NEW."recorded_at", NEW."recorded_by_id", NEW."reported", NEW."result", NEW."uuid"); RETURN NULL;',
                    hash="b52cd721ce0389526116d74f8b092d5a0f1f08ab",
                    operation="UPDATE",
                    pgid="pgtrigger_update_update_1cfb6",
                    table="health_preventivescreening",
                    when="AFTER",
                ),
            ),
        ),
    ]
