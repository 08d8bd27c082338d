"""The client address for login lockouts.

Behind a reverse proxy every request comes from the proxy; the client is then the address the
last trusted proxy saw, counted from the right of X-Forwarded-For. With no trusted proxy, the
header is ignored (anyone can write it).
"""

from django.conf import settings


def client_ip(request) -> str:
    proxies = settings.TRUSTED_PROXIES
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "")
