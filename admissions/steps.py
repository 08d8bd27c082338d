"""The guided admission: her admission in steps, each a page with its forms, the progress
through them shown on each, and the officer kept at the step she is on after each save."""

from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext_lazy as _

from bangkok.security import of_this_site

from .models import Stage

STEPS = [
    ("identity", _("Identity")),
    ("rights", _("Rights")),
    ("children", _("Children")),
    ("family", _("Family")),
    ("home", _("Home and allocation")),
    ("property", _("Property")),
    ("complete", _("Complete")),
]
NAMES = [name for name, _label in STEPS]


def url(admission, step: str) -> str:
    return reverse("admissions:step", args=[admission.uuid, step])


def posted_from(request) -> str | None:
    """The step a form was posted from (the step its `next` names), or None."""
    target = of_this_site(request, request.POST.get("next"))
    if not target:
        return None
    try:
        match = resolve(target.split("#")[0].split("?")[0])
    except Resolver404:
        return None
    if match.view_name == "admissions:step" and match.kwargs.get("step") in NAMES:
        return match.kwargs["step"]
    return None


def done(admission, context: dict) -> dict[str, bool]:
    """Which steps have what they ask for, from what the page already read."""
    woman = admission.prisoner
    children = context.get("children")
    return {
        "identity": True,
        "rights": all(offer is not None for _item, _label, offer in context["checklist"]),
        "children": children is not None and not any(c.needs_arrangement for c in children),
        "family": bool(context.get("family")),
        "home": woman.home_latitude is not None and context.get("allocation") is not None,
        "property": admission.property_signed_at is not None,
        "complete": admission.stage != Stage.RECEPTION,
    }


def context(request, admission, step: str, page: dict) -> dict:
    """The step's place in the admission: the steps with their state, the ones before and
    after, and where a save brings the officer back to (`stay_at`)."""
    finished = done(admission, page)
    at = NAMES.index(step)
    return {
        "step": step,
        "step_label": STEPS[at][1],
        "step_number": at + 1,
        "steps": [
            {
                "name": name,
                "label": label,
                "url": url(admission, name),
                "done": finished[name],
                "current": name == step,
            }
            for name, label in STEPS
        ],
        "previous_step": STEPS[at - 1] if at > 0 else None,
        "previous_url": url(admission, NAMES[at - 1]) if at > 0 else "",
        "next_step": STEPS[at + 1] if at + 1 < len(STEPS) else None,
        "next_url": url(admission, NAMES[at + 1]) if at + 1 < len(STEPS) else "",
        "stay_at": f"{url(admission, step)}#step-{step}",
    }
