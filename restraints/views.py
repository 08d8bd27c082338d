"""Restraint pages (Rule 24; Mandela 43.2, 47-49): the section on her page, her restraints and
a restraint's page with its review and removal forms. The forms are declared with their
actions (`restraints.actions`)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from authority.services import may_decide
from bangkok.forms import carrying
from bangkok.pagination import paginate

from . import services
from .forms import RemoveForm, ReviewForm
from .permissions import access_her_restraints, access_restraint

SECTION_PAST = 5


def approval_shown(user, approval) -> dict | None:
    """The approval in force: its devices and term for everyone who reads restraints; its
    conditions for health staff only."""
    if approval is None:
        return None
    shown = {"devices": approval.device_labels(), "valid_until": approval.valid_until}
    if user.has_perm(services.APPROVE_METHOD):
        shown.update(conditions=approval.conditions, approved_by=approval.approved_by)
    return shown


def section_context(request, prisoner) -> dict | None:
    """Her restraints on her page, for roles that read restraints (absent for the others)."""
    user = request.user
    if not user.has_perm(services.VIEW):
        return None
    restraints = list(services.her_restraints(prisoner)[: SECTION_PAST + 1])
    applied = [r for r in restraints if r.is_applied]
    for restraint in applied:
        restraint.review_due = services.next_review_due(restraint)
    past = [r for r in restraints if not r.is_applied][:SECTION_PAST]
    return {
        "woman": prisoner,
        "applied": applied,
        "past": past,
        "more": len(restraints) > SECTION_PAST,
        "approval": approval_shown(user, services.approval_in_force(prisoner)),
        "flags": prisoner.flags,
        "can_apply": user.has_perm(services.APPLY),
        "can_approve": user.has_perm(services.APPROVE_METHOD),
    }


@login_required
@require_GET
def her_restraints(request, uuid):
    woman = access_her_restraints(request.user, uuid)
    page = paginate(request, services.her_restraints(woman), fields=("applied_at", "id"))
    return render(request, "restraints/list.html", {"woman": woman, **page})


def detail_page(request, restraint, *, review_form=None, remove_form=None):
    """A restraint's page, with its review and removal forms (one of them refused, if given)."""
    can_change = request.user.has_perm(services.CHANGE) and restraint.is_applied
    context = {
        "restraint": restraint,
        "woman": restraint.prisoner,
        "reviews": restraint.reviews.select_related("reviewed_by"),
        "review_due": services.next_review_due(restraint) if restraint.is_applied else None,
        "can_change": can_change,
        "can_decide": restraint.awaits_authority
        and may_decide(services.AREA, request.user, restraint),
        "review_form": review_form or carrying(ReviewForm(), restraint),
        "remove_form": remove_form or carrying(RemoveForm(), restraint),
    }
    return render(request, "restraints/detail.html", context)


@login_required
@require_GET
def detail(request, uuid):
    return detail_page(request, access_restraint(request.user, uuid))
