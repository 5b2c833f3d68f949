"""Where a webhook may point: checked when registered and again before every delivery.

design.md "Delivery guarantees": the host is resolved and every address must be public
(no loopback, private, link-local, metadata or multicast range, IPv4 or IPv6), except
loopback in development mode; a webhook is https, except loopback http in development mode
(api.md). Development mode accepts loopback and public addresses only: a private range is
another machine of the network, which the design never opens (issue 15, finding 7).

An IPv6 address that carries an IPv4 address (IPv4-mapped and -compatible, 6to4, Teredo,
NAT64, SIIT, ISATAP) is refused when the IPv4 address is: `2002:a9fe:a9fe::` reaches the
metadata service through a 6to4 relay as surely as `169.254.169.254` does.

The delivery connects to an address that was checked, so a second DNS answer cannot move
it (DNS rebinding).
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


@dataclass(frozen=True)
class Embedded:
    """An IPv4 address an IPv6 address carries, and how."""

    form: str
    ipv4: ipaddress.IPv4Address
    #: The form translates to the IPv4 address (a packet reaches it): once the IPv4
    #: address passes, the IPv6 address does. Otherwise the IPv6 checks decide as well.
    translates: bool


_TRANSLATIONS = (
    ("IPv4-compatible", ipaddress.IPv6Network("::/96"), False),
    ("SIIT IPv4-translated", ipaddress.IPv6Network("::ffff:0:0:0/96"), True),
    ("NAT64", ipaddress.IPv6Network("64:ff9b::/96"), True),
    # Local-use NAT64 (RFC 8215): where the IPv4 sits depends on the network's prefix
    # length; the last 32 bits are checked, and the IPv6 checks refuse the rest.
    ("local-use NAT64", ipaddress.IPv6Network("64:ff9b:1::/48"), False),
)
_TEREDO = ipaddress.IPv6Network("2001::/32")
#: RFC 5214 interface identifiers `0:5efe:a.b.c.d` and `200:5efe:a.b.c.d`, under any prefix.
_ISATAP_IDS = (0x00005EFE, 0x02005EFE)
#: `::` and `::1` are IPv6's own unspecified and loopback addresses, not IPv4-compatible.
_OWN_IPV6 = frozenset(ipaddress.IPv6Address(value) for value in ("::", "::1"))


def embedded_ipv4(address: ipaddress.IPv6Address) -> list[Embedded]:
    """Every IPv4 address an IPv6 address carries."""
    found: list[Embedded] = []
    low32 = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address.ipv4_mapped is not None:
        found.append(Embedded("IPv4-mapped", address.ipv4_mapped, translates=True))
    if address not in _OWN_IPV6:
        for form, network, translates in _TRANSLATIONS:
            if address in network:
                found.append(Embedded(form, low32, translates=translates))
    if address.sixtofour is not None:
        found.append(Embedded("6to4", address.sixtofour, translates=True))
    if address in _TEREDO and address.teredo is not None:
        # RFC 4380: the server in bits 32-63, the client in the last 32 bits inverted.
        server, client = address.teredo
        found.append(Embedded("Teredo client", client, translates=True))
        found.append(Embedded("Teredo server", server, translates=True))
    if (int(address) >> 32) & 0xFFFFFFFF in _ISATAP_IDS:
        found.append(Embedded("ISATAP", low32, translates=False))
    return found


def _embedding_refusal(address: ipaddress.IPv6Address, *, development: bool) -> str | None:
    """Why an IPv6 address is refused for an IPv4 address it carries; "" when it passes
    for them all and translates to them; None when the IPv6 checks are to decide."""
    if address.ipv4_mapped is not None:
        # A socket to ::ffff:a.b.c.d talks IPv4 to a.b.c.d: the IPv4 address decides alone.
        return address_refusal(address.ipv4_mapped, development=development) or ""
    carried = embedded_ipv4(address)
    for embedded in carried:
        # Development mode's exception is this machine's loopback; a relay or translator
        # never delivers to it, so a carried IPv4 address must be public.
        reason = address_refusal(embedded.ipv4, development=False)
        if reason:
            return f"{address} carries {embedded.ipv4} ({embedded.form}): {reason}"
    if carried and all(embedded.translates for embedded in carried):
        return ""
    return None


def address_refusal(address: IPAddress, *, development: bool) -> str | None:
    """Why a webhook may not go to `address`, or None when it may.

    Development mode accepts loopback besides public addresses; never private ranges.
    """
    if isinstance(address, ipaddress.IPv6Address):
        embedded = _embedding_refusal(address, development=development)
        if embedded is not None:
            return embedded or None
    if address in METADATA_ADDRESSES:
        return f"{address} is a cloud metadata address"
    if address.is_link_local:
        return f"{address} is a link-local address"
    if address.is_multicast:
        return f"{address} is a multicast address"
    if address.is_loopback:
        return None if development else f"{address} is a loopback address"
    if address.is_unspecified or address.is_reserved:
        return f"{address} is not a routable address"
    if address.is_private or address in _CARRIER_NAT or not address.is_global:
        return f"{address} is a private address"
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
