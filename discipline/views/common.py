"""What the discipline pages share: her section on the woman's page, and the way a form
posts (the service decides; a refusal comes back beside the form, naming its rule)."""

from django.contrib import messages
from django.shortcuts import redirect

from bangkok.forms import attempt

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


def submit(request, form, save, *, done: str, then, again, record=None):
    """Validate `form` and call `save(**cleaned_data)`: on success, redirect to `then(result)`
    with `done`; else `again(form)` renders the page with the form and its refusal (400).
    A form that changes an existing `record` carries its version (`bangkok.forms.carrying`)."""
    saved, result = attempt(form, save, record)
    if saved:
        messages.success(request, done)
        return redirect(then(result))
    response = again(form)
    response.status_code = 400
    return response
