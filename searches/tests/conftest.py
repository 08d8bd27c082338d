import pytest

from staff.models import Course, Gender
from staff.tests.factories import make_staff

from .factories import trained


@pytest.fixture
def officer(cast):
    """The custody officer at A: a woman trained in searching methods."""
    trained(cast["custody"])
    return cast["custody"]


@pytest.fixture
def man(facility_a):
    """A custody officer at A who is a man, trained in searching methods."""
    user = make_staff("custody", facility_a, username="officer_man", gender=Gender.MAN)
    trained(user)
    return user


@pytest.fixture
def nurse(cast):
    """Health staff at A: a woman trained in searching methods."""
    trained(cast["health"])
    return cast["health"]


@pytest.fixture
def child_officer(officer):
    trained(officer, Course.CHILD_SEARCHES)
    return officer
