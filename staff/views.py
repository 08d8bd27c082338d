from django import forms
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from bangkok.errors import RuleBroken
from bangkok.forms import DATE, StyledForm, govuk_styled, refusal_into
from bangkok.pagination import paginate

from . import services
from .forms import LoginForm, PasswordForm
from .models import AccessChange, Course

QUEUE_ORDER = ("requested_at", "id")
MINE_SHOWN = 50


class LoginView(auth_views.LoginView):
    template_name = "registration/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    pass


@login_required
@require_safe
def changes(request):
    """The changes of access waiting for her decision (a governor's: grants to her facility,
    role, gender and training of its staff), and those she asked for or that concern her."""
    page = paginate(request, services.changes_awaiting(request.user), fields=QUEUE_ORDER)
    mine = list(services.changes_about(request.user).order_by("-requested_at")[:MINE_SHOWN])
    postings = [c.subject for c in page["page"].items if c.kind == AccessChange.Kind.FACILITY]
    untrained = services.posted_without_training_among(postings)  # Rule 33.1
    return render(request, "staff/changes.html", {**page, "mine": mine, "untrained": untrained})


class RefuseForm(StyledForm):
    reason = forms.CharField(
        label=gettext_lazy("Why you refuse (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


@login_required
@require_POST
def decide(request, uuid, verdict):
    """Confirm or refuse one change waiting for her; anyone else's is a 404."""
    change = get_object_or_404(services.changes_awaiting(request.user), uuid=uuid)
    try:
        if verdict == "confirm":
            services.confirm(change=change, by=request.user)
            messages.success(request, _("Confirmed: the change has taken effect."))
            if change.kind == AccessChange.Kind.FACILITY and services.posted_without_training(
                change.subject
            ):
                messages.warning(request, services.untrained_message(change.subject))
        else:
            form = RefuseForm(request.POST)
            reason = form.cleaned_data["reason"] if form.is_valid() else ""
            services.refuse(change=change, by=request.user, reason=reason)
            messages.success(request, _("Refused: nothing has changed."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    except RuleBroken as exc:
        messages.error(request, str(exc))
    return redirect("accounts:changes")


class TrainingForm(StyledForm):
    trainee = forms.ModelChoiceField(label=gettext_lazy("Who was trained"), queryset=None)
    course = forms.ChoiceField(label=gettext_lazy("Course"), choices=Course.choices)
    completed = forms.DateField(label=gettext_lazy("Completed on"), widget=DATE)
    expires = forms.DateField(
        label=gettext_lazy("Expires on"),
        widget=DATE,
        required=False,
        help_text=gettext_lazy("Leave empty if it doesn't expire."),
    )
    provider = forms.CharField(
        label=gettext_lazy("Delivered or certified by"),
        max_length=200,
        help_text=gettext_lazy("You, or the body that certified it."),
    )

    def __init__(self, *args, by, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["trainee"].queryset = services.may_record_training_for(by)
        self.fields["trainee"].label_from_instance = lambda u: u.get_full_name() or u.username
        govuk_styled(self)


@login_required
def record_training(request):
    """Whoever delivered or certified a training records it; a governor confirms it."""
    form = TrainingForm(request.POST if request.method == "POST" else None, by=request.user)
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.record_training(
                    user=data["trainee"],
                    course=data["course"],
                    completed=data["completed"],
                    expires=data["expires"],
                    provider=data["provider"],
                    by=request.user,
                )
            except ValidationError as exc:
                refusal_into(form, exc)
            else:
                messages.success(
                    request,
                    _("Recorded. It counts once a governor of her facility confirms it."),
                )
                return redirect("accounts:changes")
        return render(request, "staff/record_training.html", {"form": form}, status=400)
    return render(request, "staff/record_training.html", {"form": form})


@login_required
def set_password(request):
    """She sets her own password (required after an administrator reset it)."""
    form = govuk_styled(
        PasswordForm(request.user, request.POST if request.method == "POST" else None)
    )
    if request.method == "POST":
        if form.is_valid():
            user = services.change_own_password(
                user=request.user,
                password=form.cleaned_data["new_password1"],
                keep_session=request.session.session_key,
            )
            update_session_auth_hash(request, user)
            messages.success(request, _("Your password has been changed."))
            return redirect("dashboard")
        return render(request, "staff/password.html", {"form": form}, status=400)
    return render(request, "staff/password.html", {"form": form})
