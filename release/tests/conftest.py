import pytest

from release.tests.factories import admitted


@pytest.fixture
def her(cast, facility_a):
    """Her admission, complete."""
    return admitted(cast, facility_a)
