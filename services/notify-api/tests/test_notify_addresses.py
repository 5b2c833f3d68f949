"""Where a webhook may point: every IPv6 form that carries an IPv4 address, and both modes.

design.md "Delivery guarantees": every address must be public (no loopback, private,
link-local, metadata or multicast range, IPv4 or IPv6), except loopback in development
mode. Issue 15, finding 7: IPv6 forms carrying a refused IPv4 address passed, and
development mode let private ranges in.
"""

from __future__ import annotations

import ipaddress

import pytest

from notify.endpoints.addresses import address_refusal
from platform_shared.testing import InProcessService

#: (address, refused in production because, refused in development because); None: accepted.
CASES = [
    # 6to4 (2002::/16): the IPv4 address is bits 16-47.
    ("2002:7f00:1::", "loopback", "loopback"),
    ("2002:a9fe:a9fe::", "metadata", "metadata"),
    ("2002:a00:1::", "private", "private"),
    ("2002:c0a8:101::1", "private", "private"),
    ("2002:808:808::1", None, None),
    # Teredo (2001::/32): the client is the last 32 bits inverted (~0x3ffffdd2 = 192.0.2.45).
    ("2001:0:4136:e378:8000:63bf:3fff:fdd2", "private", "private"),
    ("2001:0:4136:e378:8000:63bf:80ff:fffe", "loopback", "loopback"),  # client 127.0.0.1
    ("2001:0:4136:e378:8000:63bf:5601:5601", "metadata", "metadata"),  # 169.254.169.254
    ("2001:0:a00:1:8000:63bf:f7f7:f7f7", "private", "private"),  # server 10.0.0.1
    ("2001:0:4136:e378:8000:63bf:f7f7:f7f7", None, None),  # client 8.8.8.8
    # NAT64, well-known prefix (RFC 6052) and local-use prefix (RFC 8215).
    ("64:ff9b::7f00:1", "loopback", "loopback"),
    ("64:ff9b::a9fe:a9fe", "metadata", "metadata"),
    ("64:ff9b::a00:1", "private", "private"),
    ("64:ff9b::808:808", None, None),
    ("64:ff9b:1::a00:1", "private", "private"),
    ("64:ff9b:1::808:808", "routable", "routable"),
    # IPv4-mapped: a socket to it talks IPv4 to the address, loopback included.
    ("::ffff:127.0.0.1", "loopback", None),
    ("::ffff:169.254.169.254", "metadata", "metadata"),
    ("::ffff:10.0.0.1", "private", "private"),
    ("::ffff:100.100.100.200", "metadata", "metadata"),
    # IPv4-compatible (deprecated) and SIIT IPv4-translated.
    ("::7f00:1", "loopback", "loopback"),
    ("::a9fe:a9fe", "metadata", "metadata"),
    ("::808:808", "routable", "routable"),
    ("::ffff:0:a00:1", "private", "private"),
    # ISATAP interface identifiers, under any prefix.
    ("2001:db8::5efe:a00:1", "private", "private"),
    ("2606:4700::200:5efe:a9fe:a9fe", "metadata", "metadata"),
    ("fe80::5efe:808:808", "link-local", "link-local"),
    # Plain addresses: development mode is loopback only, plus public.
    ("127.0.0.1", "loopback", None),
    ("::1", "loopback", None),
    ("10.1.2.3", "private", "private"),
    ("172.16.0.1", "private", "private"),
    ("192.168.1.10", "private", "private"),
    ("100.64.0.1", "private", "private"),
    ("fd12:3456::1", "private", "private"),
    ("169.254.169.254", "metadata", "metadata"),
    ("fd00:ec2::254", "metadata", "metadata"),
    ("::", "routable", "routable"),
    ("8.8.8.8", None, None),
    ("2606:4700:4700::1111", None, None),
]


@pytest.mark.parametrize(("address", "production", "development"), CASES)
def test_an_address_is_refused_when_it_or_the_ipv4_address_it_carries_is(
    address: str, production: str | None, development: str | None
) -> None:
    parsed = ipaddress.ip_address(address)

    refused_in_production = address_refusal(parsed, development=False)
    refused_in_development = address_refusal(parsed, development=True)

    if production is None:
        assert refused_in_production is None
    else:
        assert refused_in_production is not None and production in refused_in_production
    if development is None:
        assert refused_in_development is None
    else:
        assert refused_in_development is not None and development in refused_in_development


async def test_a_private_webhook_is_refused_in_development_mode(
    service: InProcessService,
) -> None:
    camden = await service.as_client("demo-camden")

    response = await camden.post(
        "/v1/endpoints", json={"channel": "webhook", "url": "https://10.1.2.3/hooks"}
    )

    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert error["field"] == "body.url"
    assert "private" in error["reason"]


async def test_a_6to4_address_of_the_metadata_service_is_refused(
    service: InProcessService,
) -> None:
    camden = await service.as_client("demo-camden")

    response = await camden.post(
        "/v1/endpoints", json={"channel": "webhook", "url": "https://[2002:a9fe:a9fe::]/hooks"}
    )

    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert error["field"] == "body.url"
    assert "metadata" in error["reason"]
