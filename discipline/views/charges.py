"""Pages for charges: lay one (custody), and the charge page where the governor records the
hearing and decision, imposes sanctions and reviews them (Rules 22, 23; Mandela 39-43)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bangkok.forms import carrying
from prisoners.permissions import access_record, access_woman

from ..forms import ChargeForm, DecisionForm, ReviewForm, SanctionForm
from ..models import Charge, ChargeStatus, Sanction
from ..reading import charges_of
from ..services import charges as services
from ..services.common import ADJUDICATE, LAY_CHARGE, VIEW_CHARGE
from .common import submit


@login_required
@require_http_methods(["GET", "POST"])
def lay_charge(request, uuid):
    woman = access_woman(request.user, uuid, LAY_CHARGE)

    def page(form):
        return render(request, "discipline/lay_charge.html", {"woman": woman, "form": form})

    if request.method == "GET":
        return page(ChargeForm())
    return submit(
        request,
        ChargeForm(request.POST),
        lambda **data: services.lay_charge(by=request.user, prisoner=woman, **data),
        done=_("Charge laid. The governor hears it."),
        then=lambda charge: reverse("discipline:charge", kwargs={"uuid": charge.uuid}),
        again=page,
    )


def _charge(request, uuid, *perms):
    found = access_record(request.user, Charge, uuid, *perms)
    charge = charges_of(found.prisoner).get(pk=found.pk)
    charge.prisoner = found.prisoner
    return charge


def charge_page(request, charge, failed: dict | None = None):
    failed = failed or {}
    adjudicates = request.user.has_perm(ADJUDICATE)
    context = {"woman": charge.prisoner, "charge": charge, "adjudicates": adjudicates}
    if adjudicates and charge.status == ChargeStatus.LAID:
        context["decision_form"] = failed.get("decision") or carrying(
            DecisionForm(prefix="decision"), charge
        )
    if adjudicates and charge.status == ChargeStatus.PROVED:
        context["sanction_form"] = failed.get("sanction") or carrying(
            SanctionForm(prefix="sanction"), charge
        )
    if adjudicates:
        context["reviews"] = [
            (
                s,
                failed.get(f"review-{s.uuid}")
                or carrying(ReviewForm(prefix=f"review-{s.uuid}"), s),
            )
            for s in charge.sanctions.all()
        ]
    return render(request, "discipline/charge.html", context)


@login_required
@require_GET
def charge_detail(request, uuid):
    return charge_page(request, _charge(request, uuid, VIEW_CHARGE))


def _post_on_charge(request, charge, form, save, key: str, done: str, record=None):
    return submit(
        request,
        form,
        save,
        record=record or charge,
        done=done,
        then=lambda _result: reverse("discipline:charge", kwargs={"uuid": charge.uuid}),
        again=lambda bound: charge_page(request, charge, {key: bound}),
    )


@login_required
@require_POST
def decide(request, uuid):
    charge = _charge(request, uuid, ADJUDICATE)
    return _post_on_charge(
        request,
        charge,
        DecisionForm(request.POST, prefix="decision"),
        lambda **data: services.decide_charge(by=request.user, charge=charge, **data),
        "decision",
        _("Hearing and decision recorded."),
    )


@login_required
@require_POST
def impose(request, uuid):
    charge = _charge(request, uuid, ADJUDICATE)
    return _post_on_charge(
        request,
        charge,
        SanctionForm(request.POST, prefix="sanction"),
        lambda **data: services.impose_sanction(by=request.user, charge=charge, **data),
        "sanction",
        _("Sanction imposed. It is in force once a governor confirms it."),
    )


@login_required
@require_POST
def review(request, uuid):
    sanction = access_record(request.user, Sanction, uuid, ADJUDICATE)
    charge = _charge(request, sanction.charge.uuid, ADJUDICATE)
    key = f"review-{sanction.uuid}"
    return _post_on_charge(
        request,
        charge,
        ReviewForm(request.POST, prefix=key),
        lambda **data: services.review_sanction(by=request.user, sanction=sanction, **data),
        key,
        _("Review recorded."),
        record=sanction,
    )
