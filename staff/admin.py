from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from rest_framework.authtoken.admin import TokenProxy

from .models import TrainingRecord, User


class TrainingInline(admin.TabularInline):
    model = TrainingRecord
    extra = 0


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    """Account management for the sysadmin: no case data is reachable from here."""

    fieldsets = (
        *BaseUserAdmin.fieldsets,
        (_("Work"), {"fields": ("gender",)}),
    )
    list_display = ("username", "first_name", "last_name", "gender", "is_active")
    list_filter = ("is_active", "gender", "groups")
    inlines = [TrainingInline]

    def has_delete_permission(self, request, obj=None):
        return False  # accounts are deactivated, never deleted: the audit trail points at them


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
