from rest_framework.permissions import BasePermission


def requires(perm: str) -> type[BasePermission]:
    """A DRF permission: signed in and holding the model permission `perm`, else refused with
    the 404 of a record that doesn't exist (`bangkok.errors`).

    This says what kind of record the role may touch; which records, the access funnel
    decides (`prisoners.permissions`).
    """

    class HasPerm(BasePermission):
        def has_permission(self, request, view):
            return bool(
                request.user and request.user.is_authenticated and request.user.has_perm(perm)
            )

    HasPerm.__name__ = f"Requires_{perm.replace('.', '_')}"
    return HasPerm
