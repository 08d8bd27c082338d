from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission
from django.db.models import Q


class StaffBackend(ModelBackend):
    """Django's model backend, except that a superuser never signs in on the web or the API
    (her account is for management commands): neither her password nor an existing session
    authenticates her; and her permissions, her own and her role's, are read in one query a
    request rather than two."""

    def user_can_authenticate(self, user):
        return super().user_can_authenticate(user) and not getattr(user, "is_superuser", False)

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            if user_obj.is_superuser:
                return super().get_all_permissions(user_obj)
            fields = ("content_type__app_label", "codename")
            rows = (
                Permission.objects.filter(Q(user=user_obj) | Q(group__user=user_obj))
                .order_by()
                .values_list(*fields)
                .distinct()
            )
            user_obj._perm_cache = {f"{app}.{codename}" for app, codename in rows}
        return user_obj._perm_cache
