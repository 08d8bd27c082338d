from django.utils.translation import gettext_lazy as _
from rest_framework import parsers
from rest_framework.exceptions import ParseError

NESTED_TOO_DEEPLY = _("JSON parse error - nested too deeply.")


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser, answering JSON nested past Python's recursion limit with a 400 like
    any other malformed body, rather than a RecursionError and a 500."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(NESTED_TOO_DEEPLY) from None
