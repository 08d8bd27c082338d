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
