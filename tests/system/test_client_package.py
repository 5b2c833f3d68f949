"""The client package (clients/python) drives journey 1 of the README over the platform.

One `platform_client` per organisation reaches all three services with the operations and
the shared models of `care_platform_client.generated`, and fetches its own tokens: Camden
records a child, a care order and an emergency placement in Derbyshire; Derbyshire's
webhook receives the notification, its inbox shows it due in 5 working days, and it
acknowledges it; Camden's duty board shows the duty met on time.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime
from typing import Any

import pytest
from journeys import CAMDEN, DERBYSHIRE, unique_family_name
from platform_harness import Platform, demo_secret, eventually
from webhook_receiver import WebhookReceiver

from care_platform_client import ClientCredentials, ServiceURLs, platform_client
from care_platform_client.generated import models
from care_platform_client.generated.api.care_status import (
    children_create_child,
    children_get_child,
    legal_statuses_create_legal_status,
    placements_create_placement,
)
from care_platform_client.generated.api.notify import (
    duties_list_duties,
    endpoints_register_endpoint,
    notifications_acknowledge_notification,
    notifications_list_notifications,
)
from care_platform_client.generated.client import AuthenticatedClient
from platform_shared.testing import serve_over_http

pytestmark = [pytest.mark.system]


def _urls(platform: Platform) -> ServiceURLs:
    return ServiceURLs(
        care_status=platform.url("care-status-api"),
        incidents=platform.url("incident-api"),
        notify=platform.url("notify-api"),
    )


def _credentials(platform: Platform, client_id: str, **options: Any) -> ClientCredentials:
    return ClientCredentials(
        f"{platform.auth_url}/oauth/token", client_id, demo_secret(client_id), **options
    )


@asynccontextmanager
async def _client(
    platform: Platform, credentials: ClientCredentials
) -> AsyncIterator[AuthenticatedClient]:
    async with platform_client(_urls(platform), credentials) as client:
        yield client


async def test_journey_1_runs_through_the_client_package(platform: Platform) -> None:
    camden_credentials = _credentials(platform, "demo-camden")
    derbyshire_credentials = _credentials(platform, "demo-derbyshire")
    receiver = WebhookReceiver()
    async with (
        serve_over_http(receiver.app) as receiver_url,
        _client(platform, camden_credentials) as camden,
        _client(platform, derbyshire_credentials) as derbyshire,
    ):
        endpoint = await endpoints_register_endpoint.asyncio(
            client=derbyshire,
            body=models.WebhookEndpointCreate(
                channel="webhook", url=f"{receiver_url}/hooks", rules=["placement-out-of-area"]
            ),
        )
        assert isinstance(endpoint, models.EndpointCreated)
        assert isinstance(endpoint.secret, str)
        receiver.secret = endpoint.secret

        child = await children_create_child.asyncio(
            client=camden,
            body=models.ChildCreate(
                given_name="Amelia",
                family_name=unique_family_name("Package"),
                date_of_birth=date(2011, 3, 15),
            ),
        )
        assert isinstance(child, models.ChildRecord)
        assert child.responsible_authority.code == CAMDEN
        care_order = await legal_statuses_create_legal_status.asyncio(
            child.id,
            client=camden,
            body=models.LegalStatusCreate(
                basis=models.LegalBasis.CARE_ORDER_S31, start_date=date(2025, 1, 10)
            ),
        )
        assert isinstance(care_order, models.LegalStatusOut)
        # Tuesday 22 December 2026: 25 and 28 December are bank holidays, 26-27 a weekend.
        placement = await placements_create_placement.asyncio(
            child.id,
            client=camden,
            body=models.PlacementCreate(
                placement_type=models.PlacementType.CHILDRENS_HOME,
                area_authority=DERBYSHIRE,
                start_date=date(2026, 12, 22),
                emergency=True,
            ),
        )
        assert isinstance(placement, models.PlacementOut)
        record = await children_get_child.asyncio(child.id, client=camden)
        assert isinstance(record, models.ChildRecord)
        assert [p.id for p in record.placements] == [placement.id]

        async def arrived() -> models.Notification | None:
            page = await notifications_list_notifications.asyncio(
                client=derbyshire, rule="placement-out-of-area", limit=200
            )
            assert isinstance(page, models.NotificationPage)
            found = [n for n in page.items if n.subject.person_ref == child.person_ref]
            return found[0] if found else None

        notification = await eventually(arrived, message="no placement-out-of-area notification")
        assert notification.recipient.org == DERBYSHIRE
        assert notification.due_at == datetime(2026, 12, 31, 23, 59, 59, tzinfo=UTC)

        async def pushed() -> dict[str, Any] | None:
            matching = [n for n in receiver.notifications() if n["id"] == str(notification.id)]
            return matching[0] if matching else None

        delivered = await eventually(pushed, message="the webhook was not delivered")
        assert delivered["rule"] == "placement-out-of-area"
        assert receiver.bad_signatures == 0

        acknowledged = await notifications_acknowledge_notification.asyncio(
            notification.id, client=derbyshire
        )
        assert isinstance(acknowledged, models.Notification)
        assert acknowledged.acknowledged_at is not None

        board = await duties_list_duties.asyncio(client=camden, state=models.DutyState.MET)
        assert isinstance(board, models.DutyPage)
        [duty] = [d for d in board.items if d.notification_id == notification.id]
        assert duty.met_on_time is True

    # Each organisation asked for one token, whatever the number of calls and services.
    assert camden_credentials.fetched == 1
    assert derbyshire_credentials.fetched == 1


async def test_a_token_near_its_expiry_is_fetched_again(platform: Platform) -> None:
    # The development server's tokens live an hour: a leeway longer than that makes every
    # cached token "near expiry".
    credentials = _credentials(platform, "demo-camden", leeway_seconds=7200)
    async with _client(platform, credentials) as camden:
        for _ in range(2):
            page = await children_list(camden)
            assert isinstance(page, models.ChildPage)

    assert credentials.fetched == 2


async def test_a_token_the_service_refuses_is_replaced_once(platform: Platform) -> None:
    credentials = _credentials(platform, "demo-camden")
    async with _client(platform, credentials) as camden:
        await children_list(camden)
        credentials._token = "revoked." + (credentials.token or "")  # as if revoked

        page = await children_list(camden)

    assert isinstance(page, models.ChildPage)
    assert credentials.fetched == 2


def test_the_sync_functions_work_too(platform: Platform) -> None:
    credentials = _credentials(platform, "demo-derbyshire")
    with platform_client(_urls(platform), credentials) as derbyshire:
        from care_platform_client.generated.api.notify import rules_list_rules

        rules = rules_list_rules.sync(client=derbyshire)

    assert isinstance(rules, models.RulePage)
    assert "placement-out-of-area" in {rule.id for rule in rules.items}


async def children_list(client: AuthenticatedClient) -> Any:
    from care_platform_client.generated.api.care_status import children_list_children

    return await children_list_children.asyncio(client=client, limit=1)
