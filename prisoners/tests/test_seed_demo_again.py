"""Seeding the demonstration again adds nothing, and its generated password is printed once
(a module of its own: `test_seed_demo`'s demo is there for all of that module's tests)."""

import pytest
from django.core.management import call_command

from prisoners.models import Prisoner
from reminders.models import Reminder
from staff.models import User

pytestmark = pytest.mark.django_db


def test_running_it_again_adds_nothing_and_prints_no_password(
    monkeypatch, capsys, settings, tmp_path
):
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    settings.DEMO_PASSWORD_FILE = tmp_path / "demo_password"
    call_command("seed_demo", women=4)
    first = capsys.readouterr().out
    generated = settings.DEMO_PASSWORD_FILE.read_text().strip()
    assert f"Demo password for every user: {generated}" in first
    assert User.objects.get(username="governor_b").check_password(generated)
    counts = (User.objects.count(), Prisoner.objects.count(), Reminder.objects.count())
    assert counts[1] == 4
    call_command("seed_demo", women=4)
    assert "Demo password" not in capsys.readouterr().out
    assert (User.objects.count(), Prisoner.objects.count(), Reminder.objects.count()) == counts
