"""The portal's pages under 10 concurrent signed-in people (issue 20: p95 under 100 ms).

    python bench/portal.py --base-port 8000 [--people 10] [--seconds 20]

Against a running platform (`make run`, or the system harness on another base port):
signs `--people` sessions in through the real OIDC flow (dev-auth's sign-in page), then
each loops over the inbox, the duties board, the rules and the start page for
`--seconds`, and prints the latency percentiles per page. On loopback the client's time
is the server's time plus well under a millisecond.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import statistics
import time
from html import unescape

import httpx

PAGES = ("/", "/inbox", "/duties", "/rules")
PEOPLE = ("camden-duty", "camden-manager", "derbyshire-duty", "camden-yot", "home-manager")


def _session(response: httpx.Response) -> str:
    # The cookie is Secure, which httpx keeps off plain HTTP; browsers allow it on loopback.
    found = re.search(r"portal_session=([^;]+)", response.headers.get("set-cookie", ""))
    assert found, "no session cookie"
    return found.group(1)


async def sign_in(portal: str, username: str) -> httpx.AsyncClient:
    client = httpx.AsyncClient(base_url=portal, timeout=30)
    start = await client.get("/sign-in")
    cookie = {"Cookie": f"portal_session={_session(start)}"}
    page = await client.get(start.headers["location"])
    form = dict(re.findall(r'type="hidden" name="([^"]+)" value="([^"]*)"', page.text))
    form = {k: unescape(v) for k, v in form.items()}
    form["username"] = username
    code = await client.post(str(page.url).split("?")[0], data=form)
    back = await client.get(code.headers["location"], headers=cookie)
    assert back.status_code == 303, back.text[:300]
    client.headers["Cookie"] = f"portal_session={_session(back)}"
    return client


async def person(
    client: httpx.AsyncClient,
    until: float,
    times: dict[str, list[float]],
    failures: list[tuple[str, int]],
) -> None:
    while time.monotonic() < until:
        for path in PAGES:
            started = time.perf_counter()
            response = await client.get(path)
            elapsed = (time.perf_counter() - started) * 1000
            if response.status_code == 200:
                times[path].append(elapsed)
            else:
                failures.append((path, response.status_code))


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base-port", type=int, default=8000)
    parser.add_argument("--people", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=20)
    args = parser.parse_args()
    portal = f"http://127.0.0.1:{args.base_port + 4}"
    clients = [await sign_in(portal, PEOPLE[i % len(PEOPLE)]) for i in range(args.people)]
    times: dict[str, list[float]] = {path: [] for path in PAGES}
    until = time.monotonic() + args.seconds
    failures: list[tuple[str, int]] = []
    await asyncio.gather(*(person(client, until, times, failures) for client in clients))
    everything = [t for path in PAGES for t in times[path]]
    print(f"{args.people} people, {len(everything)} pages in {args.seconds:.0f} s")
    print(f"failed pages: {len(failures)} {sorted(set(failures))}")
    for path, values in [*times.items(), ("all", everything)]:
        q = statistics.quantiles(values, n=100)
        print(f"{path:10} n={len(values):5} p50={q[49]:6.1f} ms p95={q[94]:6.1f} ms")
    for client in clients:
        await client.aclose()


if __name__ == "__main__":
    asyncio.run(main())
