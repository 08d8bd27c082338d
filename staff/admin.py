import contextvars

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import (
    AdminPasswordChangeForm,
    AdminUserCreationForm,
    UserChangeForm,
)
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from bangkok.errors import RuleBroken
from facilities.models import Facility
from facilities.scope import facilities_of

from . import services
from .forms import AdminLoginForm
from .models import AccessChange, Employment, Gender, TrainingRecord, User
from .roles import ROLE_CHOICES, ROLES

WAITS = _(
    "A new role, facility or recorded gender takes effect when a governor of the facility "
    "concerned confirms it (another system administrator for the system administrator "
    "role). A facility taken away is taken away at once."
)


class WorkFields(forms.Form):
    """Her role and the facilities she works in: the only way access is granted."""

    role = forms.ChoiceField(
        label=_("Role"),
        choices=[("", _("No role (she reads and does nothing)")), *ROLE_CHOICES],
        required=False,
        help_text=WAITS,
    )
    facilities = forms.ModelMultipleChoiceField(
        label=_("Facilities she works in"),
        queryset=Facility.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("She sees the women of these facilities only. None: she sees nobody."),
    )


class AccessForm:
    """What the account forms share: the person saving (`actor`, set per request by the
    admin) may not change her own role, facilities or recorded gender, and a change already
    waiting for confirmation is not asked for twice."""

    actor = None

    posting_warned = False

    def clean(self):
        cleaned = super().clean()
        user = self.instance
        if "role" in cleaned:
            self._check_posting(cleaned)
        if user.pk is None or "role" not in cleaned:
            return cleaned
        asked = {"role": cleaned["role"], "gender": cleaned.get("gender", user.gender)}
        shown = self.initial
        changing = (
            asked["role"] != shown.get("role")
            or asked["gender"] != shown.get("gender")
            or set(cleaned.get("facilities") or []) != set(shown.get("facilities") or [])
        )
        if changing:
            services.refuse_if_herself(
                by=self.actor, user=user, what=gettext("role, facilities or recorded gender")
            )
        current = {"role": user.role_code, "gender": user.gender}
        for change in services.changes_about(user).filter(subject=user, kind__in=current):
            field = change.kind
            if asked[field] not in (current[field], change.new_value):
                self.add_error(
                    field,
                    gettext(
                        "A change to %(value)s is already waiting for confirmation: it is "
                        "confirmed or refused first."
                    )
                    % {"value": change.describe()},
                )
        return cleaned

    def _check_posting(self, cleaned) -> None:
        """Rule 33.1: a new facility for someone without the training in women's rights and
        gender-specific needs warns, or is refused (`staff.services.check_posting`)."""
        user = self.instance
        current = set(facilities_of(user)) if user.pk else set()
        role = ROLES.get(cleaned.get("role") or "")
        if not set(cleaned.get("facilities") or []) - current:
            return
        if role is not None and not role.works_with_women:
            return
        if user.pk is None:
            names = ("username", "first_name", "last_name")
            user = User(**{name: cleaned.get(name, "") for name in names})
        untrained = user.pk is None or not services.has_womens_training(user)
        try:
            self.posting_warned = services.check_posting(user, untrained=untrained)
        except RuleBroken as exc:
            self.add_error("facilities", str(exc))


class StaffChangeForm(AccessForm, UserChangeForm):
    role = WorkFields.base_fields["role"]
    facilities = WorkFields.base_fields["facilities"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.instance
        if user.pk:
            # What she will have once what is waiting is confirmed: saving it again asks for
            # nothing new.
            waiting = list(services.changes_about(user).filter(subject=user))
            asked = {c.kind: c.new_value for c in waiting}
            self.initial["role"] = asked.get(AccessChange.Kind.ROLE, user.role_code)
            self.initial["gender"] = asked.get(AccessChange.Kind.GENDER, user.gender)
            self.initial["facilities"] = [
                *facilities_of(user),
                *(c.facility for c in waiting if c.kind == AccessChange.Kind.FACILITY),
            ]
        if "gender" in self.fields:
            self.fields["gender"].help_text = WAITS


class StaffCreationForm(AccessForm, AdminUserCreationForm):
    role = WorkFields.base_fields["role"]
    facilities = WorkFields.base_fields["facilities"]

    class Meta(AdminUserCreationForm.Meta):
        model = User
        fields = ("username", "first_name", "last_name", "gender")


_resetting = contextvars.ContextVar("resetting", default=None)


class ResetPasswordForm(AdminPasswordChangeForm):
    """An administrator's reset: she sets a new password at her next sign-in, and every
    session and token she had ends (`services.reset_password`)."""

    @property
    def actor(self):
        return _resetting.get()

    def clean(self):
        cleaned = super().clean()
        if self.actor is not None and self.actor.pk == self.user.pk:
            raise ValidationError(gettext("Change your own password on your password page."))
        return cleaned

    def save(self, commit=True):
        password = (
            self.cleaned_data["password1"] if self.cleaned_data["set_usable_password"] else None
        )
        return services.reset_password(user=self.user, password=password, by=self.actor)


class EmploymentInline(admin.StackedInline):
    """Her post, grade (Rule 29) and the day she started working with women prisoners (Rule
    33.1: the new starter's training is due within the set time)."""

    model = Employment
    fk_name = "user"
    can_delete = False
    extra = 1
    max_num = 1
    fields = ("post", "grade", "started_on")


class TrainingInline(admin.TabularInline):
    """Her confirmed training, read only: training is recorded by whoever delivered or
    certified it, on the training page, and confirmed by a governor."""

    model = TrainingRecord
    fk_name = "user"
    extra = 0
    can_delete = False
    fields = ("course", "completed", "expires", "provider", "recorded_by", "confirmed_by")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


def _for(request, form_class):
    """The form class with the person saving bound to it (a class per request)."""
    return type(form_class.__name__, (form_class,), {"actor": request.user})


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    """Account management for the sysadmin: no case data is reachable from here.

    Access is granted only as a role plus facilities, each confirmed by a second person;
    superuser status, raw permissions and groups are not on the form, superusers are not
    listed, and nobody changes her own role, facilities or recorded gender.
    """

    form = StaffChangeForm
    add_form = StaffCreationForm
    change_password_form = ResetPasswordForm
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Person"), {"fields": ("first_name", "last_name", "email", "gender")}),
        (
            _("Role and facilities"),
            {"fields": ("role", "facilities", "waiting", "is_active", "must_change_password")},
        ),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "fields": (
                    "username",
                    "first_name",
                    "last_name",
                    "gender",
                    "usable_password",
                    "password1",
                    "password2",
                )
            },
        ),
        (_("Role and facilities"), {"fields": ("role", "facilities")}),
    )
    readonly_fields = ("last_login", "date_joined", "waiting", "must_change_password")
    list_display = ("username", "first_name", "last_name", "gender", "is_active")
    list_filter = ("is_active", "gender", "groups")
    search_fields = ("username", "first_name", "last_name", "email")
    inlines = [EmploymentInline, TrainingInline]
    actions = None  # no bulk changes of accounts

    @admin.display(description=_("Waiting for confirmation"))
    def waiting(self, obj):
        changes = services.changes_about(obj).filter(subject=obj) if obj and obj.pk else []
        if not changes:
            return gettext("Nothing")
        return format_html_join(
            ", ",
            "{}: {}",
            ((c.get_kind_display(), c.describe()) for c in changes),
        )

    def get_queryset(self, request):
        return super().get_queryset(request).filter(is_superuser=False)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Every account has her post: a new one starts working with women prisoners today
        # unless the form says otherwise (Rule 33.1's new starter).
        Employment.objects.get_or_create(
            user=form.instance, defaults={"started_on": None if change else timezone.localdate()}
        )

    def get_form(self, request, obj=None, **kwargs):
        return _for(request, super().get_form(request, obj, **kwargs))

    def has_delete_permission(self, request, obj=None):
        return False  # accounts are deactivated, never deleted: the audit trail points at them

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def user_change_password(self, request, id, form_url=""):
        token = _resetting.set(request.user)
        try:
            return super().user_change_password(request, id, form_url)
        finally:
            _resetting.reset(token)

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        activate = None
        if change:
            stored = User.objects.get(pk=obj.pk)
            # A new gender waits for confirmation; the account's status is changed by its
            # own service (deactivation ends her sessions and tokens).
            if obj.is_active != stored.is_active:
                activate = obj.is_active
            obj.gender, obj.is_active = stored.gender, stored.is_active
        else:
            obj.gender = Gender.UNDISCLOSED
        obj.is_superuser = False
        super().save_model(request, obj, form, change)
        services.request_access(
            user=obj,
            by=request.user,
            role=data["role"],
            facilities=data["facilities"],
            gender=data.get("gender"),
        )
        if form.posting_warned:
            messages.warning(
                request,
                f"{services.untrained_message(obj)} "
                + gettext("The governor who confirms the posting is told."),
            )
        if activate is True:
            services.reactivate(user=obj, by=request.user)
        elif activate is False:
            services.deactivate(user=obj, by=request.user)


@admin.register(TrainingRecord)
class TrainingRecordAdmin(admin.ModelAdmin):
    """Confirmed training, read only (the record of who recorded and who confirmed it)."""

    list_display = ("user", "course", "completed", "expires", "recorded_by", "confirmed_by")
    list_filter = ("course",)
    search_fields = ("user__username", "user__last_name")
    date_hierarchy = "expires"
    actions = None

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AccessChange)
class AccessChangeAdmin(admin.ModelAdmin):
    """Every change of access asked for, waiting, confirmed or refused, and by whom: read
    only (governors decide on their own page)."""

    list_display = (
        "subject",
        "kind",
        "new_value",
        "facility",
        "status",
        "requested_by",
        "decided_by",
    )
    list_filter = ("status", "kind")
    search_fields = ("subject__username", "subject__last_name")
    actions = None

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


_admin_password_change = admin.site.password_change


def _own_password_change(request, extra_context=None):
    """The admin's own change-password form, followed by what every change of her own
    password does (`services.password_changed`)."""
    with transaction.atomic():
        response = _admin_password_change(request, extra_context)
        if request.method == "POST" and response.status_code == 302:
            services.password_changed(user=request.user, keep_session=request.session.session_key)
    return response


admin.site.password_change = _own_password_change

# A username longer than the column is a form error here too, as on the sign-in page.
admin.site.login_form = AdminLoginForm
