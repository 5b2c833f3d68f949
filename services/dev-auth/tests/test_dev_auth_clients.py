"""The demo clients file matches the table of docs/api.md ("Development authorization server")."""

from __future__ import annotations

import yaml

from dev_auth.clients import load_clients
from dev_auth.settings import DevAuthSettings

LOCAL_AUTHORITY = (
    "care-status:read care-status:write incidents:read incidents:write reports:read "
    "notifications:read notifications:ack endpoints:manage rules:read"
)
POLICE = (
    "care-status:lookup incidents:write incidents:read notifications:read notifications:ack "
    "rules:read"
)
YOT = "care-status:lookup incidents:read notifications:read notifications:ack endpoints:manage rules:read"
PROVIDER = "incidents:write incidents:read notifications:read rules:read"

#: The table of docs/api.md, written out: client_id -> (secret, org, scopes); police
#: clients also acknowledge their own duties (docs/api-changes.md, Revision 2).
API_MD_DEMO_CLIENTS = {
    "demo-camden": ("demo-camden-secret", "E09000007", LOCAL_AUTHORITY),
    "demo-derbyshire": ("demo-derbyshire-secret", "E10000007", LOCAL_AUTHORITY),
    "demo-met-custody": ("demo-met-custody-secret", "police-metropolitan", POLICE),
    "demo-derbyshire-police": ("demo-derbyshire-police-secret", "police-derbyshire", POLICE),
    "demo-yot-camden": ("demo-yot-camden-secret", "yot-E09000007", YOT),
    "demo-yot-derbyshire": ("demo-yot-derbyshire-secret", "yot-E10000007", YOT),
    "demo-home-provider": ("demo-home-provider-secret", "provider-demo-home", PROVIDER),
}

SANDBOX_AUTHORITY = (
    "notifications:read notifications:ack endpoints:manage events:publish reports:read rules:read"
)
#: The sandbox demo clients (docs/sandbox.md): the same organisations, sandbox tokens.
SANDBOX_DEMO_CLIENTS = {
    "sandbox-camden": ("demo-sandbox-camden-secret", "E09000007", SANDBOX_AUTHORITY),
    "sandbox-derbyshire": ("demo-sandbox-derbyshire-secret", "E10000007", SANDBOX_AUTHORITY),
    "sandbox-met": (
        "demo-sandbox-met-secret",
        "police-metropolitan",
        "notifications:read notifications:ack events:publish rules:read",
    ),
}


def test_the_sandbox_clients_are_the_sandbox_table_and_only_they_are_sandbox(
    dev_auth_settings: DevAuthSettings,
) -> None:
    clients = load_clients(dev_auth_settings.clients_file, dev_auth_settings)

    sandbox = {
        client.client_id: (client.secret.get_secret_value(), client.org, " ".join(client.scopes))
        for client in clients
        if client.sandbox
    }

    assert sandbox == SANDBOX_DEMO_CLIENTS


def test_every_demo_client_matches_the_api_table(dev_auth_settings: DevAuthSettings) -> None:
    clients = load_clients(dev_auth_settings.clients_file, dev_auth_settings)

    actual = {
        client.client_id: (client.secret.get_secret_value(), client.org, " ".join(client.scopes))
        for client in clients
        if client.client_id.startswith("demo-")
    }

    assert actual == API_MD_DEMO_CLIENTS


def test_platform_services_client_publishes_events_and_reads_care_status(
    dev_auth_settings: DevAuthSettings,
) -> None:
    client = load_clients(dev_auth_settings.clients_file, dev_auth_settings).get(
        "platform-services"
    )

    assert client is not None
    assert client.org == "platform"
    assert client.scopes == (
        "events:publish",
        "care-status:lookup",
        "care-status:read",
        "care-status:facts",
    )
    assert client.secret == dev_auth_settings.platform_client_secret


def test_only_platform_services_may_read_status_facts(dev_auth_settings: DevAuthSettings) -> None:
    clients = load_clients(dev_auth_settings.clients_file, dev_auth_settings)

    holders = [client.client_id for client in clients if "care-status:facts" in client.scopes]

    assert holders == ["platform-services"]


def test_platform_services_secret_is_not_written_in_the_file(
    dev_auth_settings: DevAuthSettings,
) -> None:
    document = yaml.safe_load(dev_auth_settings.clients_file.read_text())

    [platform] = [c for c in document["clients"] if c["client_id"] == "platform-services"]
    assert "secret" not in platform
    assert platform["secret_from_setting"] == "platform_client_secret"


def test_demo_set_is_exactly_the_table_the_platform_client_and_the_portal(
    dev_auth_settings: DevAuthSettings,
) -> None:
    clients = load_clients(dev_auth_settings.clients_file, dev_auth_settings)

    assert sorted(client.client_id for client in clients) == sorted(
        [*API_MD_DEMO_CLIENTS, *SANDBOX_DEMO_CLIENTS, "platform-services", "portal"]
    )
    # The portal signs people in; its own token would carry no one's authority.
    portal = clients.get("portal")
    assert portal is not None
    assert portal.scopes == ("openid",)
    assert portal.check_grant_type("authorization_code")
    assert not portal.check_grant_type("client_credentials")
