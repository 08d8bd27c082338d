from rest_framework.throttling import ScopedRateThrottle

from bangkok.security import client_ip


class ClientScopedRateThrottle(ScopedRateThrottle):
    """DRF's scoped throttle, counted per client address as `bangkok.security.client_ip`
    finds it (X-Forwarded-For only from a trusted proxy), in the shared cache."""

    def get_ident(self, request):
        return client_ip(request) or "unknown"
