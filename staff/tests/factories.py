import factory

from staff.models import Gender, User
from staff.services import grant_confirmed


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
    user = UserFactory(**fields)
    user.save()
    grant_confirmed(user=user, role=role, facilities=facilities, reason="test")
    return user
