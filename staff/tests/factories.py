import factory

from staff.models import Gender, User
from staff.services import assign_facility, set_role


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
    """A member of staff with one role, assigned to the given facilities."""
    user = UserFactory(**fields)
    user.save()
    set_role(user=user, role=role)
    for facility in facilities:
        assign_facility(user=user, facility=facility)
    return user
