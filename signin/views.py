"""Pages: the second step of signing in, enrolment, recovery codes, and her API tokens."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from bangkok.pagination import paginate
from bangkok.security import of_this_site

from . import twofactor
from .forms import CodeForm, ConfirmForm
from .models import ApiToken
from .tokens import revoke_token

TOKEN_ORDER = ("-created_at", "-id")
WRONG_CODE = gettext_lazy(
    "That code is not right, or it came too soon after a wrong one. Wait a few seconds and "
    "try the code your app shows now."
)


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next")
    return of_this_site(request, target) or settings.LOGIN_REDIRECT_URL


def _locked_out(request):
    logout(request)
    return render(request, "registration/locked_out.html", status=429)


@login_required
@require_http_methods(["GET", "POST"])
def verify(request):
    """The second step of signing in: a code from her app, or a recovery code."""
    user = request.user
    if twofactor.is_verified(user):
        return redirect(_next(request))
    if not twofactor.enrolled(user):
        return redirect(f"{reverse('signin:enrol')}?{request.GET.urlencode()}")
    form = CodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        checked = twofactor.verify_session(request=request, code=form.cleaned_data["code"])
        if checked.ok:
            return redirect(_next(request))
        if checked.locked:
            return _locked_out(request)
        form.add_error("code", WRONG_CODE)
    return render(
        request,
        "signin/verify.html",
        {"form": form, "next": _next(request)},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def enrol(request):
    """Set up her authenticator app: scan the QR code (or type the secret), confirm with a
    code, then keep the ten recovery codes shown once."""
    user = request.user
    if twofactor.enrolled(user):
        return redirect(
            reverse("signin:account") if twofactor.is_verified(user) else "signin:verify"
        )
    device = twofactor.pending_device(user)
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        codes = twofactor.confirm_enrolment(
            request=request, device=device, code=form.cleaned_data["code"]
        )
        if codes is not None:
            return render(
                request,
                "signin/recovery_codes.html",
                {"codes": codes, "next": _next(request), "enrolled": True},
            )
        form.add_error("code", WRONG_CODE)
    return render(
        request,
        "signin/enrol.html",
        {
            "form": form,
            "qr": twofactor.qr_svg(device),
            "secret": twofactor.secret_text(device),
            "required": twofactor.required_for(user),
            "next": _next(request),
        },
        status=400 if form.errors else 200,
    )


@require_POST
@login_required
def recovery_codes(request):
    """Ten new recovery codes (the old ones stop working), shown once."""
    if not twofactor.enrolled(request.user):
        raise Http404
    codes = twofactor.regenerate_recovery_codes(user=request.user)
    return render(
        request,
        "signin/recovery_codes.html",
        {"codes": codes, "next": reverse("signin:account"), "enrolled": False},
    )


@login_required
@require_safe
def account(request):
    """Her sign-in: two-factor status, and her API tokens with a way to revoke each."""
    user = request.user
    tokens = ApiToken.objects.filter(owner=user)
    return render(
        request,
        "signin/account.html",
        {
            "enrolled": twofactor.enrolled(user),
            "required": twofactor.required_for(user),
            "otp_on": settings.OTP_REQUIRED,
            "recovery_left": twofactor.recovery_codes_left(user),
            **paginate(request, tokens, fields=TOKEN_ORDER),
        },
    )


@require_POST
@login_required
def revoke(request, uuid):
    token = ApiToken.objects.filter(owner=request.user, uuid=uuid).first()
    if token is None:
        raise Http404
    if revoke_token(token=token, by=request.user, reason=ApiToken.Revoked.OWNER):
        messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
    return redirect("signin:account")
