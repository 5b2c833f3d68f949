"""`platform_client`: the generated operations of three services through one client.

The merged document prefixes every path with its service (`/care-status-api/v1/...`);
the client's transport sends each call to that service's URL, without the prefix, so one
`Client` serves every operation of `care_platform_client.generated.api`. Behind a gateway
that routes the same prefixes (`https://api.example/care-status-api/...`), pass one URL
for all three.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from care_platform_client.generated.client import AuthenticatedClient
from care_platform_client.tokens import ClientCredentials

#: The origin of the merged document's paths; the transport replaces it.
PLACEHOLDER = "http://care-platform.invalid"
SERVICES = ("care-status-api", "incident-api", "notify-api")


@dataclass(frozen=True)
class ServiceURLs:
    care_status: str
    incidents: str
    notify: str

    @classmethod
    def behind_gateway(cls, url: str) -> ServiceURLs:
        """One origin that routes `/care-status-api/`, `/incident-api/`, `/notify-api/`."""
        base = url.rstrip("/")
        return cls(f"{base}/care-status-api", f"{base}/incident-api", f"{base}/notify-api")

    def of(self, service: str) -> str:
        return {
            "care-status-api": self.care_status,
            "incident-api": self.incidents,
            "notify-api": self.notify,
        }[service].rstrip("/")


def _routed(request: httpx.Request, urls: ServiceURLs) -> httpx.Request:
    """`request` sent to its service: the prefix of its path names which."""
    if request.url.host != httpx.URL(PLACEHOLDER).host:
        return request  # the token endpoint, or any absolute URL
    service, _, rest = request.url.raw_path.decode("ascii").lstrip("/").partition("/")
    if service not in SERVICES:
        raise ValueError(f"{request.url.path} is not an operation of the platform")
    target = httpx.URL(f"{urls.of(service)}/{rest}")
    request.url = target
    request.headers["Host"] = target.netloc.decode("ascii")
    return request


class _RoutingTransport(httpx.BaseTransport):
    def __init__(self, urls: ServiceURLs, inner: httpx.BaseTransport | None = None) -> None:
        self._urls = urls
        self._inner = inner or httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self._inner.handle_request(_routed(request, self._urls))

    def close(self) -> None:
        self._inner.close()


class _AsyncRoutingTransport(httpx.AsyncBaseTransport):
    def __init__(self, urls: ServiceURLs, inner: httpx.AsyncBaseTransport | None = None) -> None:
        self._urls = urls
        self._inner = inner or httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self._inner.handle_async_request(_routed(request, self._urls))

    async def aclose(self) -> None:
        await self._inner.aclose()


def platform_client(
    urls: ServiceURLs,
    credentials: ClientCredentials,
    *,
    timeout: float = 30.0,
    raise_on_unexpected_status: bool = True,
) -> AuthenticatedClient:
    """A generated client for all three services, authenticated by `credentials`.

    ```python
    platform = platform_client(
        ServiceURLs("https://care.example", "https://incidents.example", "https://notify.example"),
        ClientCredentials(token_url, "my-client", secret),
    )
    async with platform:
        child = await children_create_child.asyncio(client=platform, body=ChildCreate(...))
    ```

    Both an `httpx.Client` and an `httpx.AsyncClient` are set: the operations' `sync*`
    and `asyncio*` functions both work. Neither opens a connection before its first call.
    """
    limits = httpx.Timeout(timeout)
    # The generated AuthenticatedClient would send one fixed token; its httpx clients are
    # replaced by ones whose `credentials` fetch and refresh the token, so `token` is unused.
    client = AuthenticatedClient(
        base_url=PLACEHOLDER,
        token="",
        timeout=limits,
        raise_on_unexpected_status=raise_on_unexpected_status,
    )
    client.set_httpx_client(
        httpx.Client(
            base_url=PLACEHOLDER,
            timeout=limits,
            auth=credentials,
            transport=_RoutingTransport(urls),
        )
    )
    client.set_async_httpx_client(
        httpx.AsyncClient(
            base_url=PLACEHOLDER,
            timeout=limits,
            auth=credentials,
            transport=_AsyncRoutingTransport(urls),
        )
    )
    return client
