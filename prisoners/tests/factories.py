from datetime import date

import factory

from facilities.models import Facility
from prisoners.models import LegalStatus, Prisoner, Unit
from prisoners.services import register_prisoner


class FacilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Facility
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"F{n}")
    name = factory.LazyAttribute(lambda o: f"Facility {o.code}")
    latitude = "13.75630"
    longitude = "100.50180"
    capacity = 300


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    facility = factory.SubFactory(FacilityFactory)
    code = factory.Sequence(lambda n: f"U{n}")
    name = factory.LazyAttribute(lambda o: f"Unit {o.code}")


class PrisonerFactory(factory.django.DjangoModelFactory):
    """Women are put on record through the service, as everywhere else."""

    class Meta:
        model = Prisoner

    prison_number = factory.Sequence(lambda n: f"T{n:06d}")
    given_names = factory.Faker("first_name_female")
    family_name = factory.Faker("last_name")
    date_of_birth = date(1990, 5, 17)
    nationalities = factory.LazyFunction(lambda: ["TH"])
    languages = factory.LazyFunction(lambda: ["th"])
    legal_status = LegalStatus.PRETRIAL
    facility = factory.SubFactory(FacilityFactory)

    @classmethod
    def _create(cls, model_class, *args, facility, **kwargs):
        return register_prisoner(by=None, facility=facility, **kwargs)
