import pytest

from prisoners.tests.factories import PrisonerFactory
from restraints import demo
from restraints.models import MethodApproval, Restraint

from .factories import protect

pytestmark = pytest.mark.django_db


@pytest.mark.rule("24")
def test_the_demo_records_varied_restraints_and_never_one_under_the_protection(cast, facility_a):
    women = [PrisonerFactory(facility=facility_a) for _ in range(4)]
    protect(women[0], no_restraint_obstetric=True)
    protect(women[1], restraint_health_approval=True)

    demo.seed(facility=facility_a, staff=cast, women=women)

    assert not Restraint.objects.filter(prisoner=women[0]).exists()
    late = Restraint.objects.get(removed_at__isnull=False, under_health_approval=False)
    assert late.emergency and late.authorised_by == cast["governor"] and late.authority_late
    on_now = Restraint.objects.get(removed_at__isnull=True, under_health_approval=False)
    assert on_now.reviews.filter(still_needed=True).exists()
    assert on_now.emergency and on_now.awaits_authority and on_now.is_applied
    approved = Restraint.objects.get(prisoner=women[1], removed_at__isnull=True)
    assert approved.approval == MethodApproval.objects.get(prisoner=women[1])
    assert not approved.emergency and approved.is_applied
    assert approved.authorised_by == cast["governor"]
    # By the method approved a week ago, three emergency restraints since, each removed: how
    # long they lasted is indicator 22's median.
    removed = Restraint.objects.filter(prisoner=women[1], removed_at__isnull=False)
    assert sorted((r.removed_at - r.applied_at).seconds // 60 for r in removed) == [25, 40, 95]
    assert all(r.under_health_approval and r.approval is not None for r in removed)
