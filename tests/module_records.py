"""Records made once for all the tests of a module, in a transaction rolled back after the
last of them. Each test runs in a savepoint inside it (pytest-django's `db`), so whatever one
test writes is gone before the next, as with records made per test, without making them
again for each test.

    @pytest.fixture(scope="module")
    def sample(django_db_setup, django_db_blocker):
        with records_for_the_module(django_db_blocker, make_sample) as records:
            yield records

A test's fixtures that stand for these records (`cast`, `world`...) take them from the
module's fixture, in the module that uses it; and a test changes them in the database only,
never the Python objects the module's tests share.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager

# As the suite's autouse fixture does per test (conftest.py): argon2 only costs time here.
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@contextmanager
def records_for_the_module(django_db_blocker, make: Callable[[], dict]) -> Iterator[dict]:
    from django.db import connection, transaction
    from django.test import override_settings

    # pytest-django points the connection at the test database only for a test marked
    # `django_db`: a module's first test without it would write into the real one.
    if not connection.settings_dict["NAME"].startswith("test"):
        raise RuntimeError(
            "The module's records are made in a test database only: mark the test that first "
            "asks for them `django_db`."
        )
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            with override_settings(PASSWORD_HASHERS=FAST_HASHERS):
                records = make()
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    try:
        yield records
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
