from django.contrib import admin

from .models import Breach


@admin.register(Breach)
class BreachAdmin(admin.ModelAdmin):
    """Read only: a breach is recorded through its service and never changed."""

    list_display = ("kind", "rule", "occurred_at", "facility", "recorded_at")
    list_filter = ("rule", "facility")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
