"""Her visitor list, page by page (Rule 44). Adding a person, her consultation and answer, a
court order and a withdrawal are actions (`visits.actions`)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_safe

from bangkok.pagination import paginate
from prisoners.permissions import access_woman

from ..permissions import ADD_VISITOR, ANY_VISITOR_VIEW, CHANGE_VISITOR
from ..reading import labelled, visitors_for


@login_required
@require_safe
def visitor_list(request, uuid):
    woman = access_woman(request.user, uuid, *ANY_VISITOR_VIEW)
    paged = paginate(request, visitors_for(request.user, woman), fields=("added_at", "id"))
    paged["page"].items = labelled(request.user, paged["page"].items)
    return render(
        request,
        "visits/visitors.html",
        {
            "woman": woman,
            **paged,
            "full": request.user.has_perm("visits.view_visitor"),
            "can_change": request.user.has_perm(CHANGE_VISITOR),
            "can_add": request.user.has_perm(ADD_VISITOR),
        },
    )
