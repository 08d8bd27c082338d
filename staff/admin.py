from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.utils.translation import gettext_lazy as _
from rest_framework.authtoken.admin import TokenProxy

from prisoners.models import Facility
from prisoners.permissions import facilities_of

from . import services
from .models import TrainingRecord, User
from .roles import ROLE_CHOICES


class WorkFields(forms.Form):
    """Her role and the facilities she works in: the only way access is granted."""

    role = forms.ChoiceField(label=_("Role"), choices=ROLE_CHOICES)
    facilities = forms.ModelMultipleChoiceField(
        label=_("Facilities she works in"),
        queryset=Facility.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("She sees the women of these facilities only. None: she sees nobody."),
    )


class StaffChangeForm(UserChangeForm):
    role = WorkFields.base_fields["role"]
    facilities = WorkFields.base_fields["facilities"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["role"] = self.instance.role_code
            self.initial["facilities"] = list(facilities_of(self.instance))


class StaffCreationForm(AdminUserCreationForm):
    role = WorkFields.base_fields["role"]
    facilities = WorkFields.base_fields["facilities"]

    class Meta(AdminUserCreationForm.Meta):
        model = User
        fields = ("username", "first_name", "last_name", "gender")


class TrainingInline(admin.TabularInline):
    model = TrainingRecord
    extra = 0


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    """Account management for the sysadmin: no case data is reachable from here.

    Access is granted only as a role plus facilities; superuser status, raw permissions and
    groups are not on the form, so an account manager can't widen anyone's access beyond a
    role, her own included.
    """

    form = StaffChangeForm
    add_form = StaffCreationForm
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Person"), {"fields": ("first_name", "last_name", "email", "gender")}),
        (_("Role and facilities"), {"fields": ("role", "facilities", "is_active")}),
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
    readonly_fields = ("last_login", "date_joined")
    list_display = ("username", "first_name", "last_name", "gender", "is_active")
    list_filter = ("is_active", "gender", "groups")
    search_fields = ("username", "first_name", "last_name", "email")
    inlines = [TrainingInline]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(is_superuser=False)

    def has_delete_permission(self, request, obj=None):
        return False  # accounts are deactivated, never deleted: the audit trail points at them

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.set_role(user=obj, role=form.cleaned_data["role"], by=request.user)
        services.set_facilities(
            user=obj, facilities=form.cleaned_data["facilities"], by=request.user
        )


@admin.register(TrainingRecord)
class TrainingRecordAdmin(admin.ModelAdmin):
    list_display = ("user", "course", "completed", "expires")
    list_filter = ("course",)
    search_fields = ("user__username", "user__last_name")
    date_hierarchy = "expires"

    def has_delete_permission(self, request, obj=None):
        return False


# API tokens are secrets: nobody browses them, and a lost one is revoked by a new login.
admin.site.unregister(TokenProxy)
