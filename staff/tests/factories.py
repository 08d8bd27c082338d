from functools import cache

import factory
from django.conf import settings
from django.contrib.auth.hashers import make_password

from staff.models import Gender, User
from staff.services import grant_confirmed_to_new

PASSWORD = "correct horse battery staple"


@cache
def _password_hash(hashers: tuple[str, ...]) -> str:
    """The test password hashed once for each set of hashers (every account may share it)."""
    return make_password(PASSWORD)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"staff{n}")
    first_name = factory.Faker("first_name_female")
    last_name = factory.Faker("last_name")
    gender = Gender.WOMAN
    password = factory.LazyFunction(lambda: _password_hash(tuple(settings.PASSWORD_HASHERS)))


def make_staff(role: str, *facilities, **fields) -> User:
    """A member of staff with one role, assigned to the given facilities (granted through
    the trusted path for tests and management commands: no second person)."""
    return make_staff_many([(role, facilities, fields)])[0]


def make_staff_many(specs) -> list[User]:
    """Several members of staff at once, each spec (role, facilities, fields): the same
    accounts, grants and audit rows as `make_staff`, in a few statements."""
    users = User.objects.bulk_create([UserFactory.build(**fields) for _r, _f, fields in specs])
    roles = [(role, facilities) for role, facilities, _fields in specs]
    grants = [(user, *role) for user, role in zip(users, roles, strict=True)]
    grant_confirmed_to_new(grants=grants, reason="test")
    return users
