from django.core.exceptions import RequestDataTooBig
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.utils.translation import gettext_lazy
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from bangkok.errors import not_found_json


def favicon(request):
    # Resolved per request: the hashed name exists only after collectstatic.
    return HttpResponsePermanentRedirect(static("bangkok/assets/favicon.svg"))


@never_cache
@require_safe
def healthz(request):
    """200 when the database answers, 503 when it doesn't. No detail for the outside."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})


def _api_or_page(status: int, detail: str, page_view):
    def handler(request, exception=None, **kwargs):
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": detail}, status=status)
        if exception is None:
            return page_view(request, **kwargs)
        return page_view(request, exception, **kwargs)

    return handler


def not_found(request, exception=None):
    """One 404 for a page or record that doesn't exist, is outside her facilities, or is in
    an area her role may not reach (`bangkok.errors` says why): nothing from the request or
    the exception reaches the body, so two ids answer alike byte for byte."""
    if request.path.startswith("/api/"):
        return HttpResponse(not_found_json(), content_type="application/json", status=404)
    return render(request, "404.html", status=404)


REFUSED = {
    413: (
        gettext_lazy("The request is too large."),
        gettext_lazy("Nothing was saved. Send less at once: a shorter text, or fewer fields."),
    ),
    414: (
        gettext_lazy("The address is too long."),
        gettext_lazy("Nothing was read. Search with fewer or shorter words."),
    ),
}


def request_refused(request, *, status: int):
    """413 for a body over DATA_UPLOAD_MAX_MEMORY_SIZE, 414 for a request line over
    MAX_REQUEST_LINE: JSON under /api/, a page elsewhere."""
    title, message = REFUSED[status]
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": str(title)}, status=status)
    context = {"title": title, "message": message}
    return render(request, "too_large.html", context, status=status)


_bad_request = _api_or_page(400, "Bad request.", defaults.bad_request)


def handler400(request, exception=None):
    """Django answers a body over the limit as a SuspiciousOperation (400); it is a 413."""
    if isinstance(exception, RequestDataTooBig):
        return request_refused(request, status=413)
    return _bad_request(request, exception)


# A refusal of access is answered as the 404 of a record that doesn't exist. A failed CSRF
# check keeps its own 403 (Django's CSRF_FAILURE_VIEW, which doesn't come here).
handler403 = not_found
handler404 = not_found
handler500 = _api_or_page(500, "Server error.", defaults.server_error)
