"""The segregation page (Rule 22; Mandela 43-46), with its daily health visits, the governor's
extension and end, and her authority to give. Segregating her and the forms on this page are
declared with their actions (`discipline.actions`)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from authority.services import each_decidable, may_decide
from bangkok.actions import page_form
from prisoners.permissions import access_record

from ..models import Segregation
from ..reading import segregations_of
from ..services import segregation as services
from ..services.common import ADJUDICATE, VIEW_SEGREGATION, VISIT


def as_shown(segregation):
    """The segregation as its page shows it (its visits and deciders read at once)."""
    shown = segregations_of(segregation.prisoner).get(pk=segregation.pk)
    shown.prisoner = segregation.prisoner
    return shown


def segregation_page(request, segregation, failed: dict | None = None):
    """The segregation, with the forms this role may use on it (one of them refused, if given,
    under its prefix)."""
    from ..actions import ACTIONS

    failed = failed or {}

    def form(name: str, key: str):
        return failed.get(key) or page_form(ACTIONS[name], request, segregation)

    user = request.user
    context = {
        "woman": segregation.prisoner,
        "segregation": segregation,
        "can_decide": segregation.awaits_authority and may_decide(services.AREA, user, segregation),
        "extensions": each_decidable(
            services.EXTENSIONS,
            user,
            segregation.extensions.select_related(
                "asked_by",
                "authorised_by",
                "authority_refused_by",
                "authority_requested_by",
                "authority_sought_from",
            ),
        ),
    }
    if segregation.is_open and user.has_perm(VISIT):
        context["visit_form"] = form("segregation-visit", "visit")
    if segregation.is_open and user.has_perm(ADJUDICATE):
        context["extend_form"] = form("segregation-extend", "extend")
        context["end_form"] = form("segregation-end", "end")
    return render(request, "discipline/segregation.html", context)


@login_required
@require_GET
def segregation_detail(request, uuid):
    found = access_record(request.user, Segregation, uuid, VIEW_SEGREGATION)
    return segregation_page(request, as_shown(found))
