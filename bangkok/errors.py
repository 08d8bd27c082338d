"""RuleBroken, the one way a service refuses what the Rules forbid, and the API's error shape.

What a refusal says (QUALITY S2, S15): a record that doesn't exist, a record outside the
caller's facilities, and a record or area her role may not reach all answer with one 404, the
same status, body and headers on every route, pages (`bangkok.views.handler403` and
`handler404`) and API (`api_exception_handler`). Django's and DRF's `PermissionDenied` are
therefore answered as that 404 wherever they are raised, whether a view refuses a role the
area's permission or a service refuses an action ("only the governor restricts contact"):
a 403 would tell a caller who may not see the area that the record behind the id exists, and
one answer for every refusal holds by construction, without each view having to know whether
its caller could see the record. A refusal that needs its reason told, about a record she can
see, is a `RuleBroken` (409, naming the rule) or a `ValidationError` (400, naming the field),
which say nothing about existence because the caller already reached the record.

Left as they are, because they say nothing about any record: 401 to a caller who isn't signed
in, 403 for a failed CSRF check (Django's CSRF failure view, and DRF's "CSRF Failed" for a
signed-in browser session), 405 for a method a route doesn't take (to every caller, refused
or not), 429 for a throttle.
"""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions, status
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import exception_handler, set_rollback

# The one body of every 404 in the API: missing, out of scope and refused alike.
NOT_FOUND = gettext_lazy("Not found.")
# What DRF's SessionAuthentication says when a signed-in browser session fails the CSRF check.
CSRF_FAILED = "CSRF Failed"


def rule_name(rule: str) -> str:
    """A rule as people read it: "M43" is "Mandela Rule 43", "22" is "Bangkok Rule 22"."""
    if rule.startswith("M"):
        return _("Mandela Rule %(rule)s") % {"rule": rule[1:]}
    if rule.startswith("H"):
        return _("Havana Rule %(rule)s") % {"rule": rule[1:]}
    return _("Bangkok Rule %(rule)s") % {"rule": rule}


class RuleBroken(Exception):
    """A service refused an action because a Rule forbids it.

    `rule` is the rule number as the rulebook writes it ("22", "2.1", "M7" for Mandela 7, "H19"
    for rule 19 of the UN Rules for the Protection of Juveniles Deprived of their Liberty, the
    Havana Rules).
    The message is shown to staff as it is, so it says what was refused and why.
    """

    def __init__(self, message: str, *, rule: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.rule = rule
        self.field = field

    def __str__(self) -> str:
        if self.rule.startswith("M"):
            return _("%(message)s (Mandela Rule %(rule)s)") % {
                "message": self.message,
                "rule": self.rule[1:],
            }
        if self.rule.startswith("H"):
            return _("%(message)s (Havana Rule %(rule)s)") % {
                "message": self.message,
                "rule": self.rule[1:],
            }
        return _("%(message)s (Bangkok Rule %(rule)s)") % {
            "message": self.message,
            "rule": self.rule,
        }


def is_csrf_failure(exc) -> bool:
    return isinstance(exc, exceptions.PermissionDenied) and str(exc.detail).startswith(CSRF_FAILED)


def hides_existence(exc) -> bool:
    """A missing record or a refusal of access: both answer as the same 404."""
    if isinstance(exc, (Http404, exceptions.NotFound)):
        return True
    if isinstance(exc, (DjangoPermissionDenied, exceptions.PermissionDenied)):
        return not is_csrf_failure(exc)
    return False


def takes_method(context) -> bool:
    """Whether the API view answers the request's method at all (DRF checks the caller's
    permission first, so without this a refused role would meet 404 where others meet 405)."""
    view, request = context.get("view"), context.get("request")
    if view is None or request is None:
        return True
    method = request.method.lower()
    return method in view.http_method_names and hasattr(view, method)


def not_found_json() -> bytes:
    """The API's 404 body, byte for byte as DRF renders it."""
    return JSONRenderer().render({"detail": str(NOT_FOUND)})


def api_exception_handler(exc, context):
    """DRF's handler, plus RuleBroken as 409, Django's ValidationError as 400, and every
    missing record and refusal of access as one 404 (see the module's docstring).

    A rule refusal's body names the rule: {"detail": ..., "rule": "22", "field": ...}.
    """
    if hides_existence(exc):
        if not takes_method(context):
            # A method the route doesn't take is a 405 for every caller, whatever the id.
            return exception_handler(
                exceptions.MethodNotAllowed(context["request"].method), context
            )
        set_rollback()
        return Response({"detail": str(NOT_FOUND)}, status=status.HTTP_404_NOT_FOUND)
    if isinstance(exc, RuleBroken):
        body = {"detail": str(exc), "rule": exc.rule}
        if exc.field:
            body["field"] = exc.field
        return Response(body, status=status.HTTP_409_CONFLICT)
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
        return Response(detail, status=status.HTTP_400_BAD_REQUEST)
    return exception_handler(exc, context)
