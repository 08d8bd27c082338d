import factory

from staff.models import Gender, User
from staff.services import grant_confirmed_to_new


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"staff{n}")
    first_name = factory.Faker("first_name_female")
    last_name = factory.Faker("last_name")
    gender = Gender.WOMAN
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery staple")


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
