from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import OuterRef, Q, Subquery, Value
from django.db.models.functions import Concat

from .roles import ROLES


class StaffBackend(ModelBackend):
    """Django's model backend, except that a superuser never signs in on the web or the API
    (her account is for management commands): neither her password nor an existing session
    authenticates her; and her account, her role and her permissions (her own and her
    role's) are read in one query a request rather than three."""

    def user_can_authenticate(self, user):
        return super().user_can_authenticate(user) and not getattr(user, "is_superuser", False)

    def get_user(self, user_id):
        """The signed-in session's account, read on every request, with her access."""
        from .models import User

        user = User._default_manager.annotate(**access_of("pk")).filter(pk=user_id).first()
        if user is None or not self.user_can_authenticate(user):
            return None
        return remember_access(user)

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            if user_obj.is_superuser:
                return super().get_all_permissions(user_obj)
            user_obj._perm_cache = set(
                _permissions(Q(user=user_obj) | Q(group__user=user_obj)).values_list(
                    "dotted", flat=True
                )
            )
        return user_obj._perm_cache


def _permissions(whose: Q):
    return (
        Permission.objects.filter(whose)
        .order_by()
        .annotate(dotted=Concat("content_type__app_label", Value("."), "codename"))
        .values("dotted")
        .distinct()
    )


def access_of(account: str) -> dict:
    """Annotations that read, with an account (`account`, the path to her id from the
    query's model), her role's name and her permissions: `remember_access` keeps them."""
    her = OuterRef(account)
    return {
        "_role_name": Subquery(
            Group.objects.filter(user=her, name__in=list(ROLES)).values("name")[:1]
        ),
        "_permission_names": ArraySubquery(_permissions(Q(user=her) | Q(group__user=her))),
    }


def remember_access(user, annotated=None):
    """Her role and permissions as `access_of` read them (from `annotated`, the row that
    carries them, if not the account itself), so that neither is asked again this request."""
    row = user if annotated is None else annotated
    name = row._role_name
    user.__dict__["role"] = ROLES[name] if name else None
    if user.is_active and not user.is_superuser:
        user._perm_cache = set(row._permission_names)
    return user
