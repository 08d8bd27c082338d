"""The contact restriction page (Rule 23; Mandela 43.3): the governor restricts one means of
contact with one person, for security and for a limited time; never her children."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from prisoners.permissions import access_woman

from ..forms import RestrictionForm
from ..services.common import RESTRICT
from ..services.contact import people_to_choose, restrict_contact
from .common import submit


@login_required
@require_http_methods(["GET", "POST"])
def restrict(request, uuid):
    woman = access_woman(request.user, uuid, RESTRICT)
    people = people_to_choose(request.user, woman)

    def page(form):
        return render(request, "discipline/restrict.html", {"woman": woman, "form": form})

    if request.method == "GET":
        return page(RestrictionForm(people=people))
    return submit(
        request,
        RestrictionForm(request.POST, people=people),
        lambda **data: restrict_contact(by=request.user, prisoner=woman, **data),
        done=_("Contact restriction recorded. It is in force once a governor confirms it."),
        then=lambda _r: reverse("prisoners:detail", kwargs={"uuid": woman.uuid}),
        again=page,
    )
