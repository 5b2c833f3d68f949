"""One client for the platform's three services (generated from their OpenAPI documents).

`platform_client` makes a client that sends each operation of `care_platform_client.generated.api` to its own
service with a client-credentials token it fetches, caches and refreshes itself; the
models of all three services are one set, in `care_platform_client.generated.models`.
See clients/python/README.md.
"""

from care_platform_client.platform import ServiceURLs, platform_client
from care_platform_client.tokens import ClientCredentials

__all__ = ["ClientCredentials", "ServiceURLs", "platform_client"]
