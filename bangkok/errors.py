"""RuleBroken, the one way a service refuses what the Rules forbid, and the API's error shape."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler


class RuleBroken(Exception):
    """A service refused an action because a Rule forbids it.

    `rule` is the rule number as the rulebook writes it ("22", "2.1", "M7" for Mandela 7).
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
        return _("%(message)s (Bangkok Rule %(rule)s)") % {
            "message": self.message,
            "rule": self.rule,
        }


def api_exception_handler(exc, context):
    """DRF's handler, plus RuleBroken as 409 and Django's ValidationError as 400.

    A rule refusal's body names the rule: {"detail": ..., "rule": "22", "field": ...}.
    """
    if isinstance(exc, RuleBroken):
        body = {"detail": str(exc), "rule": exc.rule}
        if exc.field:
            body["field"] = exc.field
        return Response(body, status=status.HTTP_409_CONFLICT)
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
        return Response(detail, status=status.HTTP_400_BAD_REQUEST)
    return exception_handler(exc, context)
