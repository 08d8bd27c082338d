import functools

from django.contrib.auth.backends import ModelBackend
from django.db import connection

from bangkok.planned import planned_cursor
from facilities.scope import ASSIGNED, assigned_sql

from .roles import ROLES


class StaffBackend(ModelBackend):
    """Django's model backend, except that a superuser never signs in on the web or the API
    (her account is for management commands): neither her password nor an existing session
    authenticates her; and her role and her permissions (her own and her role's) are read in
    one statement a request rather than two (`read_access`)."""

    def user_can_authenticate(self, user):
        return super().user_can_authenticate(user) and not getattr(user, "is_superuser", False)

    def get_user(self, user_id):
        """The signed-in session's account, read on every request, with her access: one
        statement (`account_columns`)."""
        with planned_cursor() as cursor:
            cursor.execute(_account_sql(), [list(ROLES), user_id])
            row = cursor.fetchone()
        if row is None:
            return None
        user, _rest = account_from(row)
        return user if self.user_can_authenticate(user) else None

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            if user_obj.is_superuser:
                return super().get_all_permissions(user_obj)
            read_access(user_obj)
        return user_obj._perm_cache


def read_access(user):
    """Her role (the first of her groups that names one) and her permissions, her own and her
    role's, in one statement, kept on her for the rest of the request. Written in SQL: it runs
    on every request, and the ORM took longer to build the same statement than PostgreSQL took
    to answer it."""
    with planned_cursor() as cursor:
        cursor.execute(f"SELECT {access_columns()}", [user.pk, list(ROLES), user.pk, user.pk])
        name, permissions = cursor.fetchone()
    return with_access(user, name, permissions)


def with_access(user, role_name: str | None, permissions: list[str]):
    """Her role and permissions as `access_columns` read them, kept on her for the request."""
    user.__dict__["role"] = ROLES[role_name] if role_name else None
    if user.is_active and not user.is_superuser:
        user._perm_cache = set(permissions)
    return user


@functools.cache
def account_columns(alias: str) -> str:
    """Her account's columns, her role's name and her permissions (`access_columns`), then
    her facilities' ids (`facilities.scope.assigned_sql`), for the account table read as
    `alias`; the names of the roles are their one parameter. `account_from` makes her of a
    row that starts with them."""
    from .models import User

    quote = connection.ops.quote_name
    columns = ", ".join(f"{alias}.{quote(f.column)}" for f in User._meta.concrete_fields)
    return f"{columns}, {access_columns(f'{alias}.id')}, {assigned_sql(f'{alias}.id')}"


def account_from(row):
    """Her account with her access, from a row that starts with `account_columns`; and the
    row's columns after them."""
    from .models import User

    names = [field.attname for field in User._meta.concrete_fields]
    user = User.from_db(connection.alias, names, row[: len(names)])
    role_name, permissions, facilities = row[len(names) : len(names) + 3]
    setattr(user, ASSIGNED, facilities)
    return with_access(user, role_name, permissions), row[len(names) + 3 :]


def accounts(usernames) -> dict:
    """The accounts of these usernames as a signed-in request reads hers (`get_user`): each
    with her role, permissions and facilities' ids, in one statement; by username."""
    with planned_cursor() as cursor:
        cursor.execute(_account_sql("u.username = ANY(%s)"), [list(ROLES), list(usernames)])
        found = [account_from(row)[0] for row in cursor.fetchall()]
    return {user.username: user for user in found}


@functools.cache
def _account_sql(where: str = "u.id = %s") -> str:
    """Her account as `account_from` reads it (`account_columns`), from the account table as
    `u`, for the accounts `where` chooses (a condition with one parameter)."""
    from .models import User

    table = connection.ops.quote_name(User._meta.db_table)
    return f"SELECT {account_columns('u')} FROM {table} u WHERE {where}"  # noqa: S608


@functools.cache
def access_columns(user: str = "%s") -> str:
    """Two columns: her role's name and her permissions, for the account `user` names (a
    parameter, or a column of a statement that reads her account, e.g. "u.id"). The names of
    the roles are the one parameter besides."""
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.models import ContentType

    from .models import User

    quote = connection.ops.quote_name
    groups = quote(User.groups.through._meta.db_table)
    own = quote(User.user_permissions.through._meta.db_table)
    granted = quote(Group.permissions.through._meta.db_table)
    group, permission = quote(Group._meta.db_table), quote(Permission._meta.db_table)
    kinds = quote(ContentType._meta.db_table)
    # Table names from the models, quoted; every value is a parameter.
    return f"""
          (SELECT g.name FROM {group} g JOIN {groups} ug ON ug.group_id = g.id
            WHERE ug.user_id = {user} AND g.name = ANY(%s) LIMIT 1),
          ARRAY(SELECT ct.app_label || '.' || p.codename
                  FROM {permission} p JOIN {kinds} ct ON ct.id = p.content_type_id
                 WHERE p.id IN (SELECT permission_id FROM {own} WHERE user_id = {user}
                                UNION
                                SELECT gp.permission_id FROM {granted} gp
                                  JOIN {groups} ug ON ug.group_id = gp.group_id
                                 WHERE ug.user_id = {user}))
    """  # noqa: S608
