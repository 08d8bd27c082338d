"""Nothing is lost: every case table, history table and health table refuses DELETE at the
database, whatever the write path; a correction is a new record or a status."""

import pytest
from django.apps import apps
from django.db import DatabaseError, connection, transaction

from audit.kept import guarded_tables, kept_models, not_a_case_record
from health.models import Pregnancy
from health.services.maternity import declare_pregnancy
from prisoners.models import Prisoner

pytestmark = pytest.mark.django_db

CASE_APPS = [
    "audit",
    "facilities",
    "prisoners",
    "reminders",
    "admissions",
    "register",
    "complaints",
    "health",
    "searches",
    "discipline",
    "restraints",
    "force",
    "classification",
    "selfharm",
    "visits",
    "oversight",
    "research",
    "authority",
    "staff",
    "breaches",
    "hygiene",
    "girls",
    "pretrial",
    "equality",
    "regime",
    "parole",
    "release",
    "safeguarding",
    "inspections",
    "breakglass",
]


def test_every_table_of_the_case_and_its_history_carries_the_trigger():
    guarded = guarded_tables(connection)
    tables = {model._meta.db_table for model in kept_models()}
    assert tables <= guarded
    for label in CASE_APPS:
        for model in apps.get_app_config(label).get_models():
            if not model._meta.proxy and model._meta.managed and not not_a_case_record(model):
                assert model._meta.db_table in guarded, model
    assert Pregnancy.pgh_event_model._meta.db_table in guarded
    assert Prisoner.pgh_event_model._meta.db_table in guarded


def test_the_link_tables_of_case_records_carry_the_trigger_and_staff_roles_dont():
    """Who a complaint names, whom a task is hidden from, who was booked on a visit: links
    are kept like the records they join. Django's own links of staff to their groups and
    permissions are sign-in configuration, synced from the roles."""
    from complaints.models import Complaint
    from reminders.models import Reminder
    from staff.models import User
    from visits.models import Visit

    guarded = guarded_tables(connection)
    for field in (Complaint.named_staff, Reminder.hidden_from, Visit.visitors):
        assert field.through._meta.db_table in guarded, field
    assert User.groups.through._meta.db_table not in guarded
    assert User.user_permissions.through._meta.db_table not in guarded


def test_every_app_of_the_project_is_a_case_app_or_said_not_to_be():
    """A new app is either listed above or named in NOT_CASE_APPS: none is forgotten."""
    from audit.kept import NOT_CASE_APPS
    from bangkok.project import of_the_project

    ours = {config.label for config in apps.get_app_configs() if of_the_project(config)}
    assert ours - NOT_CASE_APPS - {"bangkok"} == set(CASE_APPS)


def test_the_only_queue_of_the_case_apps_is_oversights_changed_days():
    """Its rows say which days to count again and are deleted once counted: no record of
    anyone. Any other model that says it is not a case record must be named here."""
    from oversight.models import StaleDay

    queues = {model for model in apps.get_models() if not_a_case_record(model)}
    assert queues == {StaleDay}
    assert StaleDay._meta.db_table not in guarded_tables(connection)


def test_sign_in_devices_and_sessions_are_not_case_records():
    guarded = guarded_tables(connection)
    assert not {"django_session", "otp_totp_totpdevice", "axes_accessattempt"} & guarded


def _refused(queryset):
    # Straight to the database, past the foreign keys Django protects in Python.
    with pytest.raises(DatabaseError, match="Cannot delete rows"), transaction.atomic():
        queryset._raw_delete(queryset.db)


def test_a_delete_is_refused_on_the_case_its_history_and_the_health_file(cast, woman_a):
    pregnancy = declare_pregnancy(by=cast["health"], prisoner=woman_a)
    _refused(Prisoner.objects.filter(pk=woman_a.pk))
    _refused(Prisoner.pgh_event_model.objects.filter(pgh_obj=woman_a))
    _refused(Pregnancy.objects.filter(pk=pregnancy.pk))
    _refused(Pregnancy.pgh_event_model.objects.filter(pgh_obj=pregnancy))
    with pytest.raises(DatabaseError, match="Cannot delete rows"), transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {Prisoner._meta.db_table}")
    assert Prisoner.objects.filter(pk=woman_a.pk).exists()
    assert Prisoner.pgh_event_model.objects.filter(pgh_obj=woman_a).exists()
    assert Pregnancy.objects.filter(pk=pregnancy.pk).exists()


@pytest.mark.django_db(transaction=True)
def test_the_test_database_is_still_emptied_between_tests(facility_a):
    # A transactional test's database is emptied with TRUNCATE, which no DELETE trigger
    # stops: this test's rows are gone before the next one starts.
    from prisoners.tests.factories import PrisonerFactory

    PrisonerFactory(facility=facility_a, prison_number="T1")
    assert Prisoner.objects.count() == 1
