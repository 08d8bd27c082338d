import gc
import itertools

from django.conf import settings
from django.utils.cache import add_never_cache_headers
from django.utils.functional import LazyObject, empty

# The requests of a process after which what it keeps is frozen out of the collections.
SETTLED_AFTER = frozenset({1, 10, 100, 1000})
_served = itertools.count()


class SettledObjectsMiddleware:
    """Python's full garbage collection walks every object a process keeps: in a worker that
    has served a few pages (the apps, the routes, the compiled templates, each language's
    catalogue, the figures and schemas it keeps), about 120 ms, paid every dozen requests or
    so by the request it falls on (`make bench`: oversight's indicators, p95 175 ms against
    a median of 37). Before the process's next request after its 1st, 10th, 100th and
    1,000th, the garbage is collected and what is left frozen (`gc.freeze`): those objects
    are kept out of every later collection, which then walks only what was made since (3-5
    ms). Frozen objects are still freed when nothing refers to them; only a cycle among them
    would no longer be, and they are what the process keeps. One counter for the process,
    whatever the number of handlers (a test client makes its own)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if next(_served) in SETTLED_AFTER:
            gc.collect()
            gc.freeze()
        return self.get_response(request)


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


def resolved(value):
    """What a lazy object (`django.utils.functional.LazyObject`, however deeply wrapped) stands
    for, made now; anything else as it is."""
    while isinstance(value, LazyObject):
        if value._wrapped is empty:
            value._setup()
        value = value._wrapped
    return value


class ResolvedUserMiddleware:
    """`request.user` as the user herself rather than a lazy stand-in. Django's authentication
    sets a lazy object that loads her when first read, and django_otp wraps that in another
    that marks which device verified the session: every later read of any of her attributes
    (`has_perm`, `pk`, her name, a few hundred a page) went through both, each raising and
    catching an AttributeError (about a tenth of her page's CPU). Every request reads her
    right after (two-factor sign-in, the account guard), so she is loaded here, once.

    Goes just after django_otp's OTPMiddleware; signing in or out later in the request sets
    `request.user` anew, as Django does."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None:
            request.user = resolved(user)
        return self.get_response(request)
