from django.contrib import admin

from facilities.models import Facility

from .models import Unit


class UnitInline(admin.TabularInline):
    model = Unit
    extra = 0


@admin.register(Facility)
class FacilityAdmin(admin.ModelAdmin):
    """Facilities and units are reference data, not case data: the sysadmin keeps them.
    Registered here, not in `facilities`, because a facility's page lists its units."""

    list_display = ("code", "name", "kind", "capacity")
    inlines = [UnitInline]

    def has_delete_permission(self, request, obj=None):
        return False
