"""The separation page (Rule 52): a social worker records that a child living with her mother
leaves prison; a refusal comes back beside the form, naming its rule."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from bangkok.forms import attempt, carrying

from .forms import SeparationForm
from .permissions import CHANGE_CHILD, access_child
from .services import separate_child


@login_required
@require_http_methods(["GET", "POST"])
def separate(request, uuid):
    child = access_child(request.user, uuid, perm=CHANGE_CHILD)
    if request.method == "GET" and not child.lives_with_mother:
        # Nothing to record: she sees what is recorded, not a form the service would refuse.
        context = {"child": child, "woman": child.mother, "separation": child.separation}
        return render(request, "register/separated.html", context)
    form = carrying(SeparationForm(request.POST if request.method == "POST" else None), child)
    if request.method == "POST":

        def save(**data):
            given = {name: value for name, value in data.items() if value is not None}
            return separate_child(by=request.user, child=child, **given)

        if attempt(form, save, child)[0]:
            messages.success(request, _("The separation is recorded."))
            return redirect("prisoners:detail", child.mother.uuid)
    response = render(
        request, "register/separate.html", {"child": child, "woman": child.mother, "form": form}
    )
    if request.method == "POST":
        response.status_code = 400
    return response
