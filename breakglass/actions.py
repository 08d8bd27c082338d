"""Break-glass, declared once for the API and the page (`bangkok.actions`): a custody officer
or the governor opens the emergency part of a woman's clinical file, with the reason; a second
person reviews the access. A woman outside the caller's facilities, an access she may not
reach and a role without the right are the 404 of one that doesn't exist; a reason missing is
refused naming Rule 8, with nothing written."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse

from bangkok.actions import Action, Area, Page, titled, to
from bangkok.schema import ERROR

from . import api, services
from . import serializers as io
from .forms import BreakGlassForm, ReviewForm
from .permissions import BREAK, REVIEW, access_access, access_her

NOT_FOUND = OpenApiResponse(
    ERROR,
    description=(
        "No such woman or break-glass read in your facilities, or your role doesn't do this "
        "(the same answer either way)."
    ),
)

WOMAN = Area(tag=api.TAG, access=access_her, not_found=NOT_FOUND, prefix="api-breakglass")


def _access(user, address: dict):
    found = access_access(user, address["uuid"], REVIEW)
    return found, found.prisoner


def _reviewed_already(request, access):
    """GET of the review of an access reviewed already: back to the list, saying so."""
    if getattr(access, "review", None) is None:
        return None
    messages.info(request, _("This break-glass read has been reviewed already."))
    return redirect(reverse("breakglass:index"))


ACCESS = Area(tag=api.TAG, access=None, not_found=NOT_FOUND, prefix="api-breakglass", find=_access)

BREAK_INTRO = titled(
    _("Break the glass: her clinical file in an emergency"),
    _(
        "Her clinical file is for health staff alone (Rule 8). In an emergency, when no member "
        "of health staff can tell you what you need, you may read what it says that an "
        "emergency may need, for this woman only and for a short time. Say why: every read is "
        "recorded, and a second person reviews it afterwards."
    ),
    _("Break the glass"),
)

BREAK_ACTIONS = [
    Action(
        "break-glass",
        "prisoners/<uuid:uuid>/break-glass/",
        "Open the emergency part of her clinical file to yourself by break-glass, with the "
        "reason, for BREAK_GLASS_MINUTES; each read is audited and a second person reviews it "
        "(Rule 8)",
        services.break_glass,
        io.BreakGlassAccessSerializer,
        io.BreakGlassInput,
        created=True,
        changes=False,
        rules=("8",),
        perm=BREAK,
        page=Page(
            "women/<uuid:uuid>/new/",
            BreakGlassForm,
            template="breakglass/form.html",
            context=BREAK_INTRO,
            done=_("The emergency part of her clinical file is open to you."),
            then=to("breakglass:read"),
        ),
    ),
]

REVIEW_ACTIONS = [
    Action(
        "review",
        "breakglass/<uuid:uuid>/review/",
        "Review a break-glass read made by someone else: justified or not, and why (Rule 8)",
        services.review_access,
        io.BreakGlassReviewSerializer,
        io.BreakGlassReviewInput,
        arg="access",
        created=True,
        changes=False,
        rules=("8",),
        perm=REVIEW,
        page=Page(
            "<uuid:uuid>/review/",
            ReviewForm,
            template="breakglass/review.html",
            instead=_reviewed_already,
            context=lambda request, access: {
                **titled(_("Review a break-glass read"), button=_("Record the review"))(
                    request, access
                ),
                "access": access,
            },
            done=_("The review is recorded."),
            then=lambda result, target: reverse("breakglass:index"),
        ),
    ),
]

GROUPS = ((BREAK_ACTIONS, WOMAN), (REVIEW_ACTIONS, ACCESS))
