"""The charge page, where the governor records the hearing and decision, imposes sanctions and
reviews them (Rules 22, 23; Mandela 39-43). Laying a charge and the forms on this page are
declared with their actions (`discipline.actions`)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from bangkok.actions import page_form
from prisoners.permissions import access_record

from ..models import Charge, ChargeStatus
from ..reading import charges_of
from ..services.common import ADJUDICATE, VIEW_CHARGE


def as_shown(charge):
    """The charge as its page shows it (hearing, sanctions and their reviews read at once)."""
    shown = charges_of(charge.prisoner).get(pk=charge.pk)
    shown.prisoner = charge.prisoner
    return shown


def charge_page(request, charge, failed: dict | None = None):
    """The charge, with the forms the governor may use on it (one of them refused, if given,
    under its prefix)."""
    from ..actions import ACTIONS

    failed = failed or {}

    def form(name: str, target, key: str):
        return failed.get(key) or page_form(ACTIONS[name], request, target)

    adjudicates = request.user.has_perm(ADJUDICATE)
    context = {"woman": charge.prisoner, "charge": charge, "adjudicates": adjudicates}
    if adjudicates and charge.status == ChargeStatus.LAID:
        context["decision_form"] = form("charge-decision", charge, "decision")
    if adjudicates and charge.status == ChargeStatus.PROVED:
        context["sanction_form"] = form("charge-sanction", charge, "sanction")
    if adjudicates:
        context["reviews"] = [
            (s, form("sanction-review", s, f"review-{s.uuid}")) for s in charge.sanctions.all()
        ]
    return render(request, "discipline/charge.html", context)


@login_required
@require_GET
def charge_detail(request, uuid):
    return charge_page(request, as_shown(access_record(request.user, Charge, uuid, VIEW_CHARGE)))
