"""The client address, for login lockouts and throttles, and whether an address is of this site.

Anyone can write an X-Forwarded-For header, so it is believed only when the request comes
from a configured reverse proxy (`TRUSTED_PROXIES`: addresses or networks). Then the client
is the first address, counted from the right, that is not itself a trusted proxy. With no
trusted proxy configured, or a request from anywhere else, the header is ignored.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


@lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]) -> tuple:
    try:
        return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)
    except ValueError as exc:
        raise ImproperlyConfigured(
            f"TRUSTED_PROXIES lists addresses or networks of reverse proxies: {exc}"
        ) from exc


def _trusted(address: str, networks) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_ip(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    networks = _networks(tuple(settings.TRUSTED_PROXIES))
    if not networks or not _trusted(remote, networks):
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _trusted(hop, networks):
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:
                return remote  # a proxy passed on something that is no address
    return remote


def of_this_site(request, target: str | None) -> str | None:
    """`target` if it is an address on this site, else None: a posted or linked `next` never
    sends staff from a trusted page to another site (an open redirect)."""
    from django.utils.http import url_has_allowed_host_and_scheme

    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None
