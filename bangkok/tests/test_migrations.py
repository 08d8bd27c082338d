"""Every model change, history triggers included, is in a migration of this project: a
deployment that runs `migrate` gets exactly the schema the code expects."""

from io import StringIO

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_no_model_change_is_missing_a_migration():
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit as exit_:
        pytest.fail(f"makemigrations --check found changes ({exit_.code}):\n{out.getvalue()}")
