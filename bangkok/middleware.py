from django.conf import settings
from django.utils.cache import add_never_cache_headers


class NoStoreForStaffMiddleware:
    """Pages for a signed-in user are never stored by a browser or proxy (ASVS 8.2)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
            response["Cache-Control"] = "no-store, private"
        return response


class RequestLineLimitMiddleware:
    """A request whose address (path and query) is longer than MAX_REQUEST_LINE is answered
    414 before any view, form or filter reads it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from bangkok.views import request_refused

        line = len(request.path_info) + len(request.META.get("QUERY_STRING", ""))
        if line > settings.MAX_REQUEST_LINE:
            return request_refused(request, status=414)
        return self.get_response(request)
