"""The suite's workers copy one migrated template; it is made again when a migration changes."""

from bangkok import test_template


def test_the_template_is_made_again_when_a_migration_changes(tmp_path, monkeypatch):
    migrations = tmp_path / "prisoners" / "migrations"
    migrations.mkdir(parents=True)
    (migrations / "0001_initial.py").write_text("operations = []\n")
    monkeypatch.setattr(test_template, "ROOT", tmp_path)
    before = test_template.fingerprint()
    assert test_template.fingerprint() == before
    (migrations / "0002_more.py").write_text("operations = []\n")
    added = test_template.fingerprint()
    assert added != before
    (migrations / "0002_more.py").write_text("operations = ['changed']\n")
    assert test_template.fingerprint() not in (before, added)


def test_the_template_is_named_after_the_test_database():
    assert (
        test_template._with_name("postgres://u@h:5432/bangkok", "test_bangkok_template")
        == "postgres://u@h:5432/test_bangkok_template"
    )


def test_a_test_process_waits_for_the_template_made_as_it_starts(tmp_path, monkeypatch):
    import threading

    import pytest

    ready = tmp_path / "template.ready"
    monkeypatch.delenv(test_template.READY, raising=False)
    test_template.wait_until_ready(seconds=0)  # not under `make test`: nothing to wait for
    monkeypatch.setenv(test_template.READY, str(ready))
    with pytest.raises(RuntimeError, match="not made within"):
        test_template.wait_until_ready(seconds=0.3)
    later = threading.Timer(0.3, ready.write_text, ["ready"])
    later.start()
    test_template.wait_until_ready(seconds=5)
    later.join()
    ready.write_text("failed: migrate failed: no such table")
    with pytest.raises(RuntimeError, match="could not be made: failed: migrate failed"):
        test_template.wait_until_ready(seconds=5)
