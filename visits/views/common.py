"""What the visits pages share: a form on its own page, posted to the service, with the
refusal beside the form (its rule named) and nothing written."""

from django.contrib import messages
from django.shortcuts import redirect, render

from bangkok.forms import attempt
from register.reading import children_of

from ..permissions import sees_child_identity
from ..reading import labelled, visitors_for


def form_page(request, *, woman, form, title, intro="", button, testid="", status=200):
    context = {
        "woman": woman,
        "form": form,
        "title": title,
        "intro": intro,
        "button": button,
        "testid": testid,
        "action": request.path,
    }
    return render(request, "visits/form.html", context, status=status)


def submit(request, form, save, *, done, then, again, record=None):
    """Validate `form`, call `save(**cleaned_data)`: redirect to `then(result)` with `done`
    (or `done(result)`), or `again(form, status=400)` with the refusal beside the form. A form
    that changes an existing `record` carries its version (`bangkok.forms.attempt`)."""
    saved, result = attempt(form, save, record)
    if saved:
        messages.success(request, done(result) if callable(done) else done)
        return redirect(then(result))
    return again(form, status=400)


def approved_visitors(viewer, woman) -> list:
    return labelled(viewer, visitors_for(viewer, woman).filter(status="approved"))


def her_children(viewer, woman) -> list:
    """Her children to choose from: named for a role that may know them (the read is
    audited, Rule 3.2), else "Her child (1)", "Her child (2)"..."""
    from django.utils.translation import gettext as _

    if sees_child_identity(viewer):
        children = children_of(viewer=viewer, mother=woman)
        for child in children:
            child.shown_name = f"{child.given_names} {child.family_name}".strip()
        return children
    children = list(woman.children.order_by("date_of_birth", "id"))
    for n, child in enumerate(children, start=1):
        child.shown_name = _("Her child (%(n)s)") % {"n": n}
    return children
