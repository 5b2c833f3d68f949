"""The email channel against a real SMTP server (aiosmtpd)."""

from __future__ import annotations

import email
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.message import Message
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from notify.delivery.email import compose_email
from notify.delivery.worker import DeliveryWorker
from notify.rules.catalogue import load_catalogue
from notify.settings import Settings
from notify.testing import cloud_event, incident_data
from platform_shared.calendar import utc_now
from platform_shared.testing import InProcessService, free_port

T0 = datetime(2026, 12, 22, 9, 0, tzinfo=UTC)


class Mailbox:
    """An aiosmtpd handler that keeps every message it is given."""

    def __init__(self) -> None:
        self.messages: list[tuple[list[str], Message]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append((list(envelope.rcpt_tos), email.message_from_bytes(envelope.content)))
        return "250 OK"


@pytest.fixture
def smtp() -> Iterator[tuple[Mailbox, int]]:
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        yield mailbox, controller.port
    finally:
        controller.stop()


async def _deliver(service: InProcessService, settings: Settings, port: int) -> None:
    worker = DeliveryWorker(
        service.session_factory,
        settings=settings.model_copy(
            update={
                "smtp_port": port,
                "public_inbox_base_url": "https://inbox.care-platform.example/notifications",
            }
        ),
        catalogue=load_catalogue(),
        clock=lambda: utc_now() + timedelta(seconds=1),
    )
    await worker.deliver_due()
    await worker.aclose()


async def test_email_is_sent_without_personal_details_and_links_to_the_inbox_item(
    service: InProcessService, settings: Settings, smtp: tuple[Mailbox, int]
) -> None:
    mailbox, port = smtp
    camden = await service.as_client("demo-camden")
    platform = await service.as_client("platform-services")
    await camden.post("/v1/endpoints", json={"channel": "email", "address": "duty@camden.example"})
    data = {
        **incident_data("behaviour", T0),
        "given_name": "Alice",
        "family_name": "Example",
        "date_of_birth": "2010-05-04",
    }
    receipt = await platform.post(
        "/v1/events", json=cloud_event("incident.recorded", data, time=T0)
    )
    notification_id = receipt.json()["notifications"][0]["id"]

    await _deliver(service, settings, port)

    [(recipients, message)] = mailbox.messages
    body = message.get_payload(decode=True)
    assert isinstance(body, bytes)
    text = message.as_string() + body.decode()
    assert recipients == ["duty@camden.example"]
    assert f"https://inbox.care-platform.example/notifications/{notification_id}" in text
    for personal in ("Alice", "Example", "2010-05-04", "2010", "pr_0001"):
        assert personal not in text
    detail = (await camden.get(f"/v1/notifications/{notification_id}")).json()
    assert detail["status"] == "delivered"
    assert detail["deliveries"][0]["attempts"][0]["status_code"] == 250


async def test_unreachable_smtp_server_is_an_attempt_to_retry(
    service: InProcessService, settings: Settings
) -> None:
    camden = await service.as_client("demo-camden")
    platform = await service.as_client("platform-services")
    await camden.post("/v1/endpoints", json={"channel": "email", "address": "duty@camden.example"})
    receipt = await platform.post(
        "/v1/events",
        json=cloud_event("incident.recorded", incident_data("behaviour", T0), time=T0),
    )
    notification_id = receipt.json()["notifications"][0]["id"]

    await _deliver(service, settings, free_port())

    delivery = (await camden.get(f"/v1/notifications/{notification_id}")).json()["deliveries"][0]
    assert delivery["status"] == "pending"
    assert delivery["attempts"][0]["outcome"] == "retry"
    assert delivery["attempts"][0]["status_code"] is None


class RefusingMailbox:
    """An aiosmtpd handler that refuses at RCPT or at DATA with a given reply."""

    def __init__(self, *, at: str, reply: str) -> None:
        self.at = at
        self.reply = reply

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        if self.at == "RCPT":
            return self.reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        return self.reply if self.at == "DATA" else "250 OK"


async def _email_delivery_after_one_attempt(
    service: InProcessService, settings: Settings, handler: RefusingMailbox
) -> dict[str, Any]:
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        camden = await service.as_client("demo-camden")
        platform = await service.as_client("platform-services")
        await camden.post(
            "/v1/endpoints", json={"channel": "email", "address": "duty@camden.example"}
        )
        receipt = await platform.post(
            "/v1/events",
            json=cloud_event("incident.recorded", incident_data("behaviour", T0), time=T0),
        )
        notification_id = receipt.json()["notifications"][0]["id"]
        await _deliver(service, settings, controller.port)
    finally:
        controller.stop()
    detail = (await camden.get(f"/v1/notifications/{notification_id}")).json()
    delivery: dict[str, Any] = detail["deliveries"][0]
    return delivery


async def test_a_permanent_smtp_refusal_fails_the_email_at_once(
    service: InProcessService, settings: Settings
) -> None:
    handler = RefusingMailbox(at="DATA", reply="554 5.7.1 Message rejected")

    delivery = await _email_delivery_after_one_attempt(service, settings, handler)

    assert (delivery["status"], delivery["next_attempt_at"]) == ("failed", None)
    assert [(a["status_code"], a["outcome"]) for a in delivery["attempts"]] == [(554, "failed")]
    assert "SMTP 554" in delivery["ended_reason"]


async def test_a_refused_recipient_mailbox_fails_the_email_at_once(
    service: InProcessService, settings: Settings
) -> None:
    handler = RefusingMailbox(at="RCPT", reply="550 5.1.1 No such mailbox")

    delivery = await _email_delivery_after_one_attempt(service, settings, handler)

    assert delivery["status"] == "failed"
    assert [(a["status_code"], a["outcome"]) for a in delivery["attempts"]] == [(550, "failed")]


async def test_a_transient_smtp_refusal_is_retried(
    service: InProcessService, settings: Settings
) -> None:
    handler = RefusingMailbox(at="DATA", reply="451 4.3.0 Try again later")

    delivery = await _email_delivery_after_one_attempt(service, settings, handler)

    assert delivery["status"] == "pending"
    assert delivery["next_attempt_at"] is not None
    assert [(a["status_code"], a["outcome"]) for a in delivery["attempts"]] == [(451, "retry")]


def test_an_email_of_a_duty_met_before_an_event_says_what_it_must_come_before() -> None:
    """London protocol, "Police roles and responsibilities": the CIF has no fixed instant;
    the message says it is due before a charge rather than "no deadline"."""
    message = compose_email(
        {
            "id": "00000000-0000-0000-0000-000000000001",
            "rule": "london-child-information-form",
            "rule_title": "Child Information Form",
            "recipient": {"org": "police-metropolitan", "role": "provider"},
            "due_at_local": None,
            "before_events": ["charged", "outcome.recorded"],
            "sequence": 1,
        },
        sender="from@example.org",
        to="to@example.org",
        inbox_base_url="http://inbox.example/v1/notifications",
    )

    body = message.get_content()
    assert "Due: before any of these is recorded: charged, outcome.recorded" in body
    assert "no deadline" not in body
