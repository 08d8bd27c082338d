from django.contrib import admin

from .models import Facility, Unit


class UnitInline(admin.TabularInline):
    model = Unit
    extra = 0


@admin.register(Facility)
class FacilityAdmin(admin.ModelAdmin):
    """Facilities and units are reference data, not case data: the sysadmin keeps them."""

    list_display = ("code", "name", "kind", "capacity")
    inlines = [UnitInline]

    def has_delete_permission(self, request, obj=None):
        return False
