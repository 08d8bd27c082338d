import pytest

from audit.models import AuditEvent
from prisoners.services import set_protection_flags

pytestmark = pytest.mark.django_db


@pytest.mark.rule("8")
def test_a_flag_set_by_an_area_is_recorded_without_its_reason(cast, woman_a):
    flags = set_protection_flags(
        prisoner=woman_a, by=cast["health"], source="health", no_segregation=True
    )
    assert flags.no_segregation
    event = AuditEvent.objects.get(action="prisoner.flags_changed")
    assert event.detail == {"source": "health", "flags": {"no_segregation": True}}


def test_setting_a_flag_to_what_it_already_is_writes_nothing(cast, woman_a):
    set_protection_flags(prisoner=woman_a, by=None, source="health", no_segregation=False)
    assert not AuditEvent.objects.filter(action="prisoner.flags_changed").exists()


def test_an_unknown_flag_is_refused(woman_a):
    with pytest.raises(ValueError, match="Unknown protection flags"):
        set_protection_flags(prisoner=woman_a, by=None, source="x", pregnant=True)


def test_flag_changes_leave_history(woman_a):
    set_protection_flags(prisoner=woman_a, by=None, source="health", no_restraint_obstetric=True)
    set_protection_flags(prisoner=woman_a, by=None, source="health", no_restraint_obstetric=False)
    history = woman_a.flags.events.order_by("pgh_id").values_list(
        "no_restraint_obstetric", flat=True
    )
    assert list(history) == [False, True, False]
