"""A charge she was told of hours ago is recorded with the reason it is late (Mandela 41)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from discipline.models import Charge
from discipline.services.charges import lay_charge

pytestmark = pytest.mark.django_db


@pytest.mark.rule("M41")
def test_a_charge_told_hours_ago_is_refused_without_a_reason_then_kept_with_it(cast, woman_a):
    told = timezone.now() - timedelta(hours=8)
    fields = {"prisoner": woman_a, "offence": "Damaged a door", "language": "Thai"}
    with pytest.raises(ValidationError) as caught:
        lay_charge(by=cast["custody"], informed_at=told, occurred_at=told, **fields)
    assert "late_reason" in caught.value.message_dict and not Charge.objects.exists()

    charge = lay_charge(
        by=cast["custody"],
        informed_at=told,
        occurred_at=told,
        late_reason="The officer was called to an emergency before writing it up",
        **fields,
    )
    assert charge.late_reason.startswith("The officer was called")
