"""What the discipline pages share: her section on the woman's page, and the way a form
posts (the service decides; a refusal comes back beside the form, naming its rule)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect

from bangkok.errors import RuleBroken
from bangkok.forms import refusal_into

from ..permissions import ANY_VIEW
from ..reading import record_of
from ..services.common import ADJUDICATE, LAY_CHARGE, RESTRICT, SEGREGATE


def section_context(request, prisoner):
    """Her discipline section, for a role that reads any of it; absent for the others."""
    user = request.user
    if not any(user.has_perm(perm) for perm in ANY_VIEW):
        return None
    return {
        "woman": prisoner,
        **record_of(user, prisoner),
        "can_lay_charge": user.has_perm(LAY_CHARGE),
        "can_segregate": user.has_perm(SEGREGATE) or user.has_perm(ADJUDICATE),
        "can_restrict": user.has_perm(RESTRICT),
    }


def submit(request, form, save, *, done: str, then, again):
    """Validate `form` and call `save(**cleaned_data)`: on success, redirect to `then(result)`
    with `done`; else `again(form)` renders the page with the form and its refusal (400)."""
    if form.is_valid():
        try:
            result = save(**form.cleaned_data)
        except (RuleBroken, ValidationError) as error:
            refusal_into(form, error)
        else:
            messages.success(request, done)
            return redirect(then(result))
    response = again(form)
    response.status_code = 400
    return response
