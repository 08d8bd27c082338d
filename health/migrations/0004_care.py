# The care part of the clinical file: encounters (Rules 10-11) and mental health (Rules 12-16).
import uuid

import django.db.models.deletion
import django.utils.timezone
import pgtrigger.compiler
import pgtrigger.migrations
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("health", "0003_preventive"),
        ("pghistory", "0007_auto_20250421_0444"),
        ("prisoners", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="DistressEvent",
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
                            ("court", "Court hearing or sentence"),
                            ("child_separation", "Separation from a child"),
                            ("bad_news", "Bad news"),
                            ("anniversary", "Anniversary"),
                            ("transfer", "Transfer"),
                            ("other", "Other"),
                        ],
                        max_length=20,
                        verbose_name="what",
                    ),
                ),
                (
                    "occurred_at",
                    models.DateTimeField(default=django.utils.timezone.now, verbose_name="when"),
                ),
                ("note", models.CharField(blank=True, max_length=300, verbose_name="note")),
                ("recorded_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "prisoner",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="distress_events",
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
                "verbose_name": "time of distress",
                "ordering": ["-occurred_at", "-id"],
            },
        ),
        migrations.CreateModel(
            name="Encounter",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                (
                    "at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="date and hour"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("general", "General"),
                            ("mental_health", "Mental health"),
                            ("substance_use", "Substance use"),
                            ("hiv_care", "HIV care"),
                            ("health_education", "Health education"),
                            ("other", "Other"),
                        ],
                        max_length=20,
                        verbose_name="kind",
                    ),
                ),
                (
                    "clinician_gender",
                    models.CharField(
                        choices=[
                            ("woman", "Woman"),
                            ("man", "Man"),
                            ("other", "Another gender"),
                            ("undisclosed", "Not disclosed"),
                        ],
                        max_length=16,
                        verbose_name="clinician's gender",
                    ),
                ),
                (
                    "urgent",
                    models.BooleanField(default=False, verbose_name="urgent medical intervention"),
                ),
                ("notes", models.TextField(blank=True, verbose_name="notes")),
                (
                    "woman_clinician_requested",
                    models.BooleanField(
                        default=False, verbose_name="she had asked for a woman clinician"
                    ),
                ),
                (
                    "woman_unavailable_reason",
                    models.CharField(
                        blank=True,
                        max_length=300,
                        verbose_name="why no woman clinician was available",
                    ),
                ),
                (
                    "non_medical_reason",
                    models.CharField(
                        blank=True,
                        choices=[
                            (
                                "doctor_exceptional",
                                "The doctor judged the circumstances exceptional",
                            ),
                            ("doctor_security", "The doctor asked for staff for security reasons"),
                            ("her_request", "She asked for a member of staff to be present"),
                        ],
                        max_length=20,
                        verbose_name="why non-medical staff were present",
                    ),
                ),
                (
                    "man_present_warning",
                    models.BooleanField(
                        default=False,
                        verbose_name="warned that non-medical staff present should be women",
                    ),
                ),
                ("recorded_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "clinician",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "prisoner",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="encounters",
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
                (
                    "woman_present",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="woman staff member present",
                    ),
                ),
            ],
            options={
                "verbose_name": "clinical encounter",
                "ordering": ["-at", "-id"],
            },
        ),
        migrations.CreateModel(
            name="EncounterEvent",
            fields=[
                ("pgh_id", models.AutoField(primary_key=True, serialize=False)),
                ("pgh_created_at", models.DateTimeField(auto_now_add=True)),
                ("pgh_label", models.TextField(help_text="The event label.")),
                ("id", models.BigIntegerField()),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False)),
                (
                    "at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="date and hour"
                    ),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("general", "General"),
                            ("mental_health", "Mental health"),
                            ("substance_use", "Substance use"),
                            ("hiv_care", "HIV care"),
                            ("health_education", "Health education"),
                            ("other", "Other"),
                        ],
                        max_length=20,
                        verbose_name="kind",
                    ),
                ),
                (
                    "clinician_gender",
                    models.CharField(
                        choices=[
                            ("woman", "Woman"),
                            ("man", "Man"),
                            ("other", "Another gender"),
                            ("undisclosed", "Not disclosed"),
                        ],
                        max_length=16,
                        verbose_name="clinician's gender",
                    ),
                ),
                (
                    "urgent",
                    models.BooleanField(default=False, verbose_name="urgent medical intervention"),
                ),
                ("notes", models.TextField(blank=True, verbose_name="notes")),
                (
                    "woman_clinician_requested",
                    models.BooleanField(
                        default=False, verbose_name="she had asked for a woman clinician"
                    ),
                ),
                (
                    "woman_unavailable_reason",
                    models.CharField(
                        blank=True,
                        max_length=300,
                        verbose_name="why no woman clinician was available",
                    ),
                ),
                (
                    "non_medical_reason",
                    models.CharField(
                        blank=True,
                        choices=[
                            (
                                "doctor_exceptional",
                                "The doctor judged the circumstances exceptional",
                            ),
                            ("doctor_security", "The doctor asked for staff for security reasons"),
                            ("her_request", "She asked for a member of staff to be present"),
                        ],
                        max_length=20,
                        verbose_name="why non-medical staff were present",
                    ),
                ),
                (
                    "man_present_warning",
                    models.BooleanField(
                        default=False,
                        verbose_name="warned that non-medical staff present should be women",
                    ),
                ),
                ("recorded_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "clinician",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
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
                        to="health.encounter",
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
                (
                    "woman_present",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="woman staff member present",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="EncounterPresence",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "gender",
                    models.CharField(
                        choices=[
                            ("woman", "Woman"),
                            ("man", "Man"),
                            ("other", "Another gender"),
                            ("undisclosed", "Not disclosed"),
                        ],
                        max_length=16,
                        verbose_name="gender",
                    ),
                ),
                ("role", models.CharField(blank=True, max_length=32, verbose_name="role")),
                (
                    "encounter",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="presences",
                        to="health.encounter",
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "non-medical staff present",
                "ordering": ["encounter", "id"],
            },
        ),
        migrations.CreateModel(
            name="EncounterPresenceEvent",
            fields=[
                ("pgh_id", models.AutoField(primary_key=True, serialize=False)),
                ("pgh_created_at", models.DateTimeField(auto_now_add=True)),
                ("pgh_label", models.TextField(help_text="The event label.")),
                ("id", models.BigIntegerField()),
                (
                    "gender",
                    models.CharField(
                        choices=[
                            ("woman", "Woman"),
                            ("man", "Man"),
                            ("other", "Another gender"),
                            ("undisclosed", "Not disclosed"),
                        ],
                        max_length=16,
                        verbose_name="gender",
                    ),
                ),
                ("role", models.CharField(blank=True, max_length=32, verbose_name="role")),
                (
                    "encounter",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to="health.encounter",
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
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
                        to="health.encounterpresence",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="MentalHealthAssessment",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                (
                    "assessed_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="assessed"
                    ),
                ),
                ("tool", models.CharField(max_length=100, verbose_name="tool used")),
                (
                    "risk_level",
                    models.CharField(
                        choices=[
                            ("none", "None"),
                            ("low", "Low"),
                            ("medium", "Medium"),
                            ("high", "High"),
                        ],
                        max_length=8,
                        verbose_name="risk of suicide or self-harm",
                    ),
                ),
                ("care_plan", models.TextField(blank=True, verbose_name="care plan")),
                (
                    "assessor",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "prisoner",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="mental_health_assessments",
                        to="prisoners.prisoner",
                    ),
                ),
            ],
            options={
                "verbose_name": "mental-health assessment",
                "ordering": ["-assessed_at", "-id"],
            },
        ),
        migrations.CreateModel(
            name="DistressEventEvent",
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
                            ("court", "Court hearing or sentence"),
                            ("child_separation", "Separation from a child"),
                            ("bad_news", "Bad news"),
                            ("anniversary", "Anniversary"),
                            ("transfer", "Transfer"),
                            ("other", "Other"),
                        ],
                        max_length=20,
                        verbose_name="what",
                    ),
                ),
                (
                    "occurred_at",
                    models.DateTimeField(default=django.utils.timezone.now, verbose_name="when"),
                ),
                ("note", models.CharField(blank=True, max_length=300, verbose_name="note")),
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
                        to="health.distressevent",
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
                (
                    "rechecked_by_assessment",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to="health.mentalhealthassessment",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.AddField(
            model_name="distressevent",
            name="rechecked_by_assessment",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="distress_events",
                to="health.mentalhealthassessment",
            ),
        ),
        migrations.CreateModel(
            name="MentalHealthAssessmentEvent",
            fields=[
                ("pgh_id", models.AutoField(primary_key=True, serialize=False)),
                ("pgh_created_at", models.DateTimeField(auto_now_add=True)),
                ("pgh_label", models.TextField(help_text="The event label.")),
                ("id", models.BigIntegerField()),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False)),
                (
                    "assessed_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="assessed"
                    ),
                ),
                ("tool", models.CharField(max_length=100, verbose_name="tool used")),
                (
                    "risk_level",
                    models.CharField(
                        choices=[
                            ("none", "None"),
                            ("low", "Low"),
                            ("medium", "Medium"),
                            ("high", "High"),
                        ],
                        max_length=8,
                        verbose_name="risk of suicide or self-harm",
                    ),
                ),
                ("care_plan", models.TextField(blank=True, verbose_name="care plan")),
                (
                    "assessor",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
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
                        to="health.mentalhealthassessment",
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
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="ObservationDecision",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                (
                    "level",
                    models.CharField(
                        choices=[
                            ("none", "None"),
                            ("intermittent", "Intermittent"),
                            ("constant", "Constant"),
                        ],
                        max_length=12,
                        verbose_name="observation level",
                    ),
                ),
                (
                    "decided_at",
                    models.DateTimeField(default=django.utils.timezone.now, verbose_name="decided"),
                ),
                ("reason", models.CharField(blank=True, max_length=300, verbose_name="reason")),
                (
                    "assessment",
                    models.OneToOneField(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="observation_decision",
                        to="health.mentalhealthassessment",
                    ),
                ),
                (
                    "decided_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "prisoner",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="observation_decisions",
                        to="prisoners.prisoner",
                    ),
                ),
            ],
            options={
                "verbose_name": "observation decision",
                "ordering": ["-decided_at", "-id"],
            },
        ),
        migrations.CreateModel(
            name="ObservationDecisionEvent",
            fields=[
                ("pgh_id", models.AutoField(primary_key=True, serialize=False)),
                ("pgh_created_at", models.DateTimeField(auto_now_add=True)),
                ("pgh_label", models.TextField(help_text="The event label.")),
                ("id", models.BigIntegerField()),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False)),
                (
                    "level",
                    models.CharField(
                        choices=[
                            ("none", "None"),
                            ("intermittent", "Intermittent"),
                            ("constant", "Constant"),
                        ],
                        max_length=12,
                        verbose_name="observation level",
                    ),
                ),
                (
                    "decided_at",
                    models.DateTimeField(default=django.utils.timezone.now, verbose_name="decided"),
                ),
                ("reason", models.CharField(blank=True, max_length=300, verbose_name="reason")),
                (
                    "assessment",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to="health.mentalhealthassessment",
                    ),
                ),
                (
                    "decided_by",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        related_query_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
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
                        to="health.observationdecision",
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
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="WomanClinicianRequest",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                (
                    "requested_at",
                    models.DateTimeField(default=django.utils.timezone.now, verbose_name="asked"),
                ),
                (
                    "withdrawn_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="withdrawn"),
                ),
                (
                    "prisoner",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="woman_clinician_requests",
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
                (
                    "withdrawn_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "request for a woman clinician",
                "ordering": ["-requested_at", "-id"],
            },
        ),
        migrations.CreateModel(
            name="WomanClinicianRequestEvent",
            fields=[
                ("pgh_id", models.AutoField(primary_key=True, serialize=False)),
                ("pgh_created_at", models.DateTimeField(auto_now_add=True)),
                ("pgh_label", models.TextField(help_text="The event label.")),
                ("id", models.BigIntegerField()),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False)),
                (
                    "requested_at",
                    models.DateTimeField(default=django.utils.timezone.now, verbose_name="asked"),
                ),
                (
                    "withdrawn_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="withdrawn"),
                ),
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
                        to="health.womanclinicianrequest",
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
                (
                    "withdrawn_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
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
            model_name="encounter",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("woman_clinician_requested", False),
                    ("clinician_gender", "woman"),
                    ("urgent", True),
                    models.Q(
                        models.Q(("woman_unavailable_reason", ""), _negated=True),
                        ("woman_present__isnull", False),
                    ),
                    _connector="OR",
                ),
                name="encounter_woman_clinician_or_reason_and_woman_present",
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="encounter",
            trigger=pgtrigger.compiler.Trigger(
                name="insert_insert",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func='INSERT INTO "health_encounterevent" ("at", "clinician_gender", "clinician_id", "id", "kind", "man_present_warning", "non_medical_reason", "notes", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "prisoner_id", "recorded_at", "recorded_by_id", "urgent", "uuid", "woman_clinician_requested", "woman_present_id", "woman_unavailable_reason") VALUES (NEW."at", NEW."clinician_gender", NEW."clinician_id", NEW."id", NEW."kind", NEW."man_present_warning", NEW."non_medical_reason", NEW."notes", _pgh_attach_context(), NOW(), \'insert\', NEW."id", NEW."prisoner_id", NEW."recorded_at", NEW."recorded_by_id", NEW."urgent", NEW."uuid", NEW."woman_clinician_requested", NEW."woman_present_id", NEW."woman_unavailable_reason"); RETURN NULL;',
                    hash="00e7c64a5739508bdd93dfd24a2d84ef50f18f55",
                    operation="INSERT",
                    pgid="pgtrigger_insert_insert_fbd48",
                    table="health_encounter",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="encounter",
            trigger=pgtrigger.compiler.Trigger(
                name="update_update",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    condition="WHEN (OLD.* IS DISTINCT FROM NEW.*)",
                    func='INSERT INTO "health_encounterevent" ("at", "clinician_gender", "clinician_id", "id", "kind", "man_present_warning", "non_medical_reason", "notes", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "prisoner_id", "recorded_at", "recorded_by_id", "urgent", "uuid", "woman_clinician_requested", "woman_present_id", "woman_unavailable_reason") VALUES (NEW."at", NEW."clinician_gender", NEW."clinician_id", NEW."id", NEW."kind", NEW."man_present_warning", NEW."non_medical_reason", NEW."notes", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."prisoner_id", NEW."recorded_at", NEW."recorded_by_id", NEW."urgent", NEW."uuid", NEW."woman_clinician_requested", NEW."woman_present_id", NEW."woman_unavailable_reason"); RETURN NULL;',
                    hash="068b32d8a2daa3050456d658ea24fe637222802b",
                    operation="UPDATE",
                    pgid="pgtrigger_update_update_97aae",
                    table="health_encounter",
                    when="AFTER",
                ),
            ),
        ),
        migrations.AddConstraint(
            model_name="encounterpresence",
            constraint=models.UniqueConstraint(
                fields=("encounter", "person"), name="present_once_each"
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="encounterpresence",
            trigger=pgtrigger.compiler.Trigger(
                name="insert_insert",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func='INSERT INTO "health_encounterpresenceevent" ("encounter_id", "gender", "id", "person_id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "role") VALUES (NEW."encounter_id", NEW."gender", NEW."id", NEW."person_id", _pgh_attach_context(), NOW(), \'insert\', NEW."id", NEW."role"); RETURN NULL;',
                    hash="6e17d539ef23ce4eeca528cbe6f29b2e63bb2497",
                    operation="INSERT",
                    pgid="pgtrigger_insert_insert_bcae4",
                    table="health_encounterpresence",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="encounterpresence",
            trigger=pgtrigger.compiler.Trigger(
                name="update_update",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    condition="WHEN (OLD.* IS DISTINCT FROM NEW.*)",
                    func='INSERT INTO "health_encounterpresenceevent" ("encounter_id", "gender", "id", "person_id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "role") VALUES (NEW."encounter_id", NEW."gender", NEW."id", NEW."person_id", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."role"); RETURN NULL;',
                    hash="6a814b176e4b77023628c9e69663699c3be19a0b",
                    operation="UPDATE",
                    pgid="pgtrigger_update_update_3d58a",
                    table="health_encounterpresence",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="mentalhealthassessment",
            trigger=pgtrigger.compiler.Trigger(
                name="insert_insert",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func='INSERT INTO "health_mentalhealthassessmentevent" ("assessed_at", "assessor_id", "care_plan", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "prisoner_id", "risk_level", "tool", "uuid") VALUES (NEW."assessed_at", NEW."assessor_id", NEW."care_plan", NEW."id", _pgh_attach_context(), NOW(), \'insert\', NEW."id", NEW."prisoner_id", NEW."risk_level", NEW."tool", NEW."uuid"); RETURN NULL;',
                    hash="de480b21e0d69ab50575091f3376e9fc61464456",
                    operation="INSERT",
                    pgid="pgtrigger_insert_insert_42b42",
                    table="health_mentalhealthassessment",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="mentalhealthassessment",
            trigger=pgtrigger.compiler.Trigger(
                name="update_update",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    condition="WHEN (OLD.* IS DISTINCT FROM NEW.*)",
                    func='INSERT INTO "health_mentalhealthassessmentevent" ("assessed_at", "assessor_id", "care_plan", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "prisoner_id", "risk_level", "tool", "uuid") VALUES (NEW."assessed_at", NEW."assessor_id", NEW."care_plan", NEW."id", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."prisoner_id", NEW."risk_level", NEW."tool", NEW."uuid"); RETURN NULL;',
                    hash="1d85f40b3c642217eb925e7fabe11ea059d88556",
                    operation="UPDATE",
                    pgid="pgtrigger_update_update_5c50e",
                    table="health_mentalhealthassessment",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="distressevent",
            trigger=pgtrigger.compiler.Trigger(
                name="insert_insert",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func='INSERT INTO "health_distresseventevent" ("id", "kind", "note", "occurred_at", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "prisoner_id", "rechecked_by_assessment_id", "recorded_at", "recorded_by_id", "uuid") VALUES (NEW."id", NEW."kind", NEW."note", NEW."occurred_at", _pgh_attach_context(), NOW(), \'insert\', NEW."id", NEW."prisoner_id", NEW."rechecked_by_assessment_id", NEW."recorded_at", NEW."recorded_by_id", NEW."uuid"); RETURN NULL;',
                    hash="347275891b363735b1fbf160c02419c3da5d5068",
                    operation="INSERT",
                    pgid="pgtrigger_insert_insert_30548",
                    table="health_distressevent",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="distressevent",
            trigger=pgtrigger.compiler.Trigger(
                name="update_update",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    condition="WHEN (OLD.* IS DISTINCT FROM NEW.*)",
                    func='INSERT INTO "health_distresseventevent" ("id", "kind", "note", "occurred_at", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "prisoner_id", "rechecked_by_assessment_id", "recorded_at", "recorded_by_id", "uuid") VALUES (NEW."id", NEW."kind", NEW."note", NEW."occurred_at", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."prisoner_id", NEW."rechecked_by_assessment_id", NEW."recorded_at", NEW."recorded_by_id", NEW."uuid"); RETURN NULL;',
                    hash="43621fc7b2d31c23b2d11b88a4393572f29fd111",
                    operation="UPDATE",
                    pgid="pgtrigger_update_update_1a043",
                    table="health_distressevent",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="observationdecision",
            trigger=pgtrigger.compiler.Trigger(
                name="insert_insert",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func='INSERT INTO "health_observationdecisionevent" ("assessment_id", "decided_at", "decided_by_id", "id", "level", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "prisoner_id", "reason", "uuid") VALUES (NEW."assessment_id", NEW."decided_at", NEW."decided_by_id", NEW."id", NEW."level", _pgh_attach_context(), NOW(), \'insert\', NEW."id", NEW."prisoner_id", NEW."reason", NEW."uuid"); RETURN NULL;',
                    hash="46845fa5515be7996320c780fe1809b5e9f50167",
                    operation="INSERT",
                    pgid="pgtrigger_insert_insert_04002",
                    table="health_observationdecision",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="observationdecision",
            trigger=pgtrigger.compiler.Trigger(
                name="update_update",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    condition="WHEN (OLD.* IS DISTINCT FROM NEW.*)",
                    func='INSERT INTO "health_observationdecisionevent" ("assessment_id", "decided_at", "decided_by_id", "id", "level", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "prisoner_id", "reason", "uuid") VALUES (NEW."assessment_id", NEW."decided_at", NEW."decided_by_id", NEW."id", NEW."level", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."prisoner_id", NEW."reason", NEW."uuid"); RETURN NULL;',
                    hash="7b141a48d9d796d66e86eddccda4ff0cf7b7c521",
                    operation="UPDATE",
                    pgid="pgtrigger_update_update_0799f",
                    table="health_observationdecision",
                    when="AFTER",
                ),
            ),
        ),
        migrations.AddConstraint(
            model_name="womanclinicianrequest",
            constraint=models.UniqueConstraint(
                condition=models.Q(("withdrawn_at__isnull", True)),
                fields=("prisoner",),
                name="one_woman_clinician_request_in_force",
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="womanclinicianrequest",
            trigger=pgtrigger.compiler.Trigger(
                name="insert_insert",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func='INSERT INTO "health_womanclinicianrequestevent" ("id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "prisoner_id", "recorded_by_id", "requested_at", "uuid", "withdrawn_at", "withdrawn_by_id") VALUES (NEW."id", _pgh_attach_context(), NOW(), \'insert\', NEW."id", NEW."prisoner_id", NEW."recorded_by_id", NEW."requested_at", NEW."uuid", NEW."withdrawn_at", NEW."withdrawn_by_id"); RETURN NULL;',
                    hash="62a39f0b8d6ac38f66977e2e79c0458b3fed7924",
                    operation="INSERT",
                    pgid="pgtrigger_insert_insert_6b291",
                    table="health_womanclinicianrequest",
                    when="AFTER",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="womanclinicianrequest",
            trigger=pgtrigger.compiler.Trigger(
                name="update_update",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    condition="WHEN (OLD.* IS DISTINCT FROM NEW.*)",
                    func='INSERT INTO "health_womanclinicianrequestevent" ("id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "prisoner_id", "recorded_by_id", "requested_at", "uuid", "withdrawn_at", "withdrawn_by_id") VALUES (NEW."id", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."prisoner_id", NEW."recorded_by_id", NEW."requested_at", NEW."uuid", NEW."withdrawn_at", NEW."withdrawn_by_id"); RETURN NULL;',
                    hash="49e1167b214d70f0648dc6e710eb4bc37011ce74",
                    operation="UPDATE",
                    pgid="pgtrigger_update_update_3666f",
                    table="health_womanclinicianrequest",
                    when="AFTER",
                ),
            ),
        ),
    ]
