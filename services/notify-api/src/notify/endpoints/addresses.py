"""Where a webhook may point: checked when registered and again before every delivery.

design.md "Delivery guarantees": the host is resolved and every address must be public
(no loopback, private, link-local, metadata or multicast range, IPv4 or IPv6), except
loopback (and private ranges) in development mode; a webhook is https, except loopback
http in development mode (api.md). The delivery connects to an address that was checked,
so a second DNS answer cannot move it (DNS rebinding).
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

#: Cloud instance metadata services, refused whatever the mode.
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(address)
    for address in ("169.254.169.254", "169.254.170.2", "100.100.100.200", "fd00:ec2::254")
)
_CARRIER_NAT = ipaddress.ip_network("100.64.0.0/10")


class AddressRefused(ValueError):
    """The URL, or an address its host resolves to, may not receive webhooks."""


@dataclass(frozen=True)
class CheckedUrl:
    """A webhook URL and the checked address a delivery connects to."""

    url: str
    scheme: str
    host: str
    port: int
    address: IPAddress

    def connect_url(self) -> str:
        """The URL with its host replaced by the checked address (Host header keeps the name)."""
        parts = urlsplit(self.url)
        literal = f"[{self.address}]" if self.address.version == 6 else str(self.address)
        netloc = f"{literal}:{self.port}"
        return SplitResult(parts.scheme, netloc, parts.path or "/", parts.query, "").geturl()

    @property
    def host_header(self) -> str:
        default = 443 if self.scheme == "https" else 80
        name = f"[{self.host}]" if ":" in self.host else self.host
        return name if self.port == default else f"{name}:{self.port}"


def address_refusal(address: IPAddress, *, development: bool) -> str | None:
    """Why a webhook may not go to `address`, or None when it may."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address_refusal(address.ipv4_mapped, development=development)
    if address in METADATA_ADDRESSES:
        return f"{address} is a cloud metadata address"
    if address.is_link_local:
        return f"{address} is a link-local address"
    if address.is_multicast:
        return f"{address} is a multicast address"
    if address.is_unspecified or address.is_reserved:
        return f"{address} is not a routable address"
    if address.is_loopback:
        return None if development else f"{address} is a loopback address"
    if address.is_private or address in _CARRIER_NAT or not address.is_global:
        return None if development else f"{address} is a private address"
    return None


def parse_webhook_url(url: str) -> SplitResult:
    """The parts of a webhook URL, or AddressRefused saying what is wrong with it."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise AddressRefused(f"not a URL: {error}") from error
    if parts.scheme not in ("http", "https"):
        raise AddressRefused("must be an https URL (http only to loopback in development mode)")
    if not parts.hostname:
        raise AddressRefused("has no host")
    if parts.username is not None or parts.password is not None:
        raise AddressRefused("must not carry credentials")
    if parts.fragment:
        raise AddressRefused("must not have a fragment")
    if port == 0:
        raise AddressRefused("port 0 is not a port")
    return parts


async def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address `host` resolves to (an IP literal resolves to itself)."""
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    loop = asyncio.get_running_loop()
    try:
        answers = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        raise AddressRefused(f"host {host} does not resolve") from error
    addresses: list[IPAddress] = []
    for _family, _type, _proto, _name, sockaddr in answers:
        address = ipaddress.ip_address(str(sockaddr[0]).split("%")[0])
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise AddressRefused(f"host {host} does not resolve")
    return addresses


async def check_webhook_url(url: str, *, development: bool) -> CheckedUrl:
    """Resolve and check a webhook URL; raises AddressRefused with the reason."""
    parts = parse_webhook_url(url)
    host = str(parts.hostname)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    addresses = await resolve(host, port)
    for address in addresses:
        reason = address_refusal(address, development=development)
        if reason:
            raise AddressRefused(reason)
    if parts.scheme == "http" and not (
        development and all(address.is_loopback for address in addresses)
    ):
        raise AddressRefused("must be https (http only to loopback in development mode)")
    return CheckedUrl(url=url, scheme=parts.scheme, host=host, port=port, address=addresses[0])
