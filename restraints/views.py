"""Restraint pages (Rule 24; Mandela 43.2, 47-49): the section on her page, her restraints and
a restraint's page with its review and removal forms. The forms are declared with their
actions (`restraints.actions`)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from authority.services import may_decide
from bangkok.forms import carrying
from bangkok.pagination import paginate

from . import reading, services
from .forms import RemoveForm, ReviewForm
from .permissions import access_her_restraints, access_restraint


@login_required
@require_GET
def her_restraints(request, uuid):
    woman = access_her_restraints(request.user, uuid)
    page = paginate(request, reading.her_restraints(woman), fields=("applied_at", "id"))
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
