from datetime import timedelta

import pytest
from django.utils import timezone

from admissions.services import admit_woman, complete_admission, record_rights_offer
from admissions.tests.factories import commitment, identity


@pytest.fixture
def thai_admission(cast, facility_a, facility_b):
    """A Thai woman received at A, her home in Chiang Mai: facility B is the nearest, A about
    590 km away."""
    return admit_woman(
        by=cast["reception"],
        facility=facility_a,
        commitment=commitment(),
        admitted_at=timezone.now() - timedelta(hours=6),
        identity=identity(
            nationalities=["TH"],
            languages=["th"],
            home_place="Chiang Mai",
            home_latitude="18.78830",
            home_longitude="98.98530",
        ),
    )


@pytest.fixture
def thai_admitted(cast, thai_admission):
    """Her admission completed: the rights a Thai national is offered, all given."""
    for item in ("family_contact", "legal_advice", "information"):
        record_rights_offer(
            by=cast["reception"], admission=thai_admission, item=item, outcome="done", language="th"
        )
    return complete_admission(by=cast["reception"], admission=thai_admission)
