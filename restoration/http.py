"""Facts about the HTTP request that more than one app needs."""

import ipaddress

from django.conf import settings
from django.http.request import split_domain_port


def _address(text):
    """``text`` as an IP address (an IPv4-mapped IPv6 address as plain IPv4), or None if it is not one."""
    try:
        address = ipaddress.ip_address(text.strip())
    except ValueError:
        return None
    return getattr(address, "ipv4_mapped", None) or address


def _is_trusted_proxy(address):
    return any(address in network for network in settings.TRUSTED_PROXIES)


def client_address(request):
    """The visitor's address: REMOTE_ADDR, unless that is one of our own proxies (TRUSTED_PROXIES).

    Only then is X-Forwarded-For believed, and only its rightmost entry that is not a trusted proxy: each proxy
    appends the address it was reached from, so everything further left was written by the client and can be
    forged. Someone who reaches the app port directly is known by REMOTE_ADDR whatever header they send.
    """
    remote_addr = request.META.get("REMOTE_ADDR", "")
    client = _address(remote_addr)
    if client is None:
        return remote_addr
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    while _is_trusted_proxy(client) and forwarded:
        entry = _address(forwarded.pop())
        if entry is None:  # no header, or a proxy wrote something else ("unknown"): the last proxy is all we know
            break
        client = entry
    return str(client)


DEFAULT_PORTS = {"http": 80, "https": 443}


def site_origin(request):
    """The address this site goes by, for links that leave the page and for the page cache's key.

    SITE_URL when set. Otherwise the request's scheme and host as a browser writes them: lower case, no trailing
    dot, and no port but the one this server listens on. Django accepts any port, letter case and trailing dot on
    an allowed host, so the host as sent would let anyone make the site name itself in endless ways.
    """
    if settings.SITE_URL:
        return settings.SITE_URL
    name, port = split_domain_port(request.get_host())
    listening = request.META.get("SERVER_PORT", "")
    if port and int(port) != DEFAULT_PORTS.get(request.scheme) and listening.isdigit() and int(port) == int(listening):
        name = f"{name}:{int(port)}"
    return f"{request.scheme}://{name}"


def names_site_origin(request):
    """True when the request was sent to the site's own address (site_origin) exactly as browsers write it."""
    return f"{request.scheme}://{request.get_host()}" == site_origin(request)


def counted_address(address):
    """Whom a limit counts for ``address``: the address itself, or for IPv6 its /64 (as that network's first
    address), since one home or phone network is given a whole /64 and could otherwise take a new address for every
    request. Anything that is not an address is returned as it is."""
    parsed = _address(address)
    if parsed is None:
        return address
    if parsed.version == 6:
        return str(ipaddress.ip_network((parsed, 64), strict=False).network_address)
    return str(parsed)


def client_counted_address(request):
    """The client's address as limits count it (counted_address); what django-axes locks sign-ins by."""
    return counted_address(client_address(request))
