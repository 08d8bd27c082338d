from datetime import timedelta

import pytest
from django.utils import timezone

from admissions.services import admit_woman, complete_admission, record_rights_offer
from admissions.tests.factories import commitment, identity


@pytest.fixture
def admitted(cast, facility_a, facility_b):
    admission = admit_woman(
        by=cast["reception"],
        facility=facility_a,
        commitment=commitment(),
        admitted_at=timezone.now() - timedelta(hours=6),
        identity=identity(),
    )
    for item in ("family_contact", "legal_advice", "information", "consular"):
        record_rights_offer(
            by=cast["reception"], admission=admission, item=item, outcome="done", language="my"
        )
    return complete_admission(by=cast["reception"], admission=admission)
