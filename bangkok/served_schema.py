"""The API's schema, built once a process for each language and format.

The schema is the same for every signed-in caller (SERVE_PUBLIC: it is not filtered by her
permissions) and changes only with the code, which a deploy restarts. Building it took
0.3-0.9 s and writing it as YAML another 0.3 s, on every request for it; now the first request
in each language and format pays that, and the rest are served the same bytes.
"""

from functools import cache
from typing import Any

from django.http import HttpResponse
from django.utils import translation
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SCHEMA_KWARGS, SpectacularAPIView
from rest_framework.request import Request


@cache
def document_json() -> str:
    """The schema as /api/schema/?format=json serves it, built once a process for the tests
    that read it in-process (no request: no caller to sign in)."""
    document = SchemaGenerator().get_schema(request=None, public=True)
    return OpenApiJsonRenderer().render(document).decode()


class SchemaView(SpectacularAPIView):
    """/api/schema/: served from the bytes written for the first caller of its language and
    format. Only a 200 is kept; a refusal (not signed in) is never stored."""

    _written: dict[tuple[str, str], tuple[bytes, dict[str, str]]] = {}

    def _key(self, request: Request) -> tuple[str, str]:
        return (translation.get_language() or "", request.accepted_media_type or "")

    @extend_schema(**SCHEMA_KWARGS)  # as the view it extends: the schema leaves itself out
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Any:
        written = self._written.get(self._key(request))
        if written is not None:
            content, headers = written
            return HttpResponse(content, headers=headers)
        return super().get(request, *args, **kwargs)

    def finalize_response(self, request: Request, response: Any, *args: Any, **kwargs: Any):
        response = super().finalize_response(request, response, *args, **kwargs)
        key = self._key(request)
        if request.method == "GET" and response.status_code == 200 and key not in self._written:
            response.render()
            headers = {
                name: response[name]
                for name in ("Content-Type", "Content-Disposition")
                if response.has_header(name)
            }
            self._written[key] = (response.content, headers)
        return response
