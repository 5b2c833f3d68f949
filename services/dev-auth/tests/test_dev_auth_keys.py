"""Signing keys: generated on first start, rotated without restart, published until unused."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

import httpx
import pytest
from joserfc.jwk import RSAKey

from dev_auth.cli import main
from dev_auth.keys import PUBLISH_GRACE_SECONDS, KeyStore, StoredKey
from dev_auth.main import create_app
from dev_auth.settings import DevAuthSettings
from dev_auth.testing import mint_token


def key_files(settings: DevAuthSettings) -> list[Path]:
    return sorted((settings.key_dir / "keys").glob("*.json"))


async def kids_published(auth: httpx.AsyncClient) -> list[str]:
    return [key["kid"] for key in (await auth.get("/jwks.json")).json()["keys"]]


def test_first_start_writes_one_private_key_only_the_owner_can_read(
    dev_auth_app: Any, dev_auth_settings: DevAuthSettings
) -> None:
    [path] = key_files(dev_auth_settings)

    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    document = json.loads(path.read_text())
    key = RSAKey.import_key(document["jwk"])
    assert key.is_private
    assert key.kid == key.thumbprint() == path.stem
    assert key.raw_value.key_size == 2048


def test_restart_keeps_the_existing_key(dev_auth_settings: DevAuthSettings) -> None:
    create_app(dev_auth_settings)
    first = key_files(dev_auth_settings)

    create_app(dev_auth_settings)

    assert key_files(dev_auth_settings) == first


async def test_rotated_key_signs_and_the_old_key_still_verifies(
    auth: httpx.AsyncClient,
    dev_auth_settings: DevAuthSettings,
    verify_token: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    old_token = await mint_token(auth, "demo-camden")
    [old_kid] = await kids_published(auth)
    monkeypatch.setenv("DEV_AUTH_KEY_DIR", str(dev_auth_settings.key_dir))

    assert main(["rotate-key"]) == 0

    new_token = await mint_token(auth, "demo-camden")
    new_kid = (await verify_token(new_token)).header["kid"]
    assert new_kid != old_kid
    assert await kids_published(auth) == [new_kid, old_kid]
    assert (await verify_token(old_token)).header["kid"] == old_kid


def test_replaced_key_is_published_until_its_last_token_expired(tmp_path: Path) -> None:
    now = [1_000_000.0]
    store = KeyStore(tmp_path, token_lifetime_seconds=3600, clock=lambda: now[0])
    old_kid = store.ensure_signing_key()
    now[0] += 10
    new_kid = store.rotate()

    now[0] += 3600 + PUBLISH_GRACE_SECONDS - 1
    still_published = [key.kid for key in store.published_keys()]
    now[0] += 2
    later_published = [key.kid for key in store.published_keys()]

    assert still_published == [new_kid, old_kid]
    assert later_published == [new_kid]


def test_rotation_deletes_keys_whose_tokens_have_all_expired(tmp_path: Path) -> None:
    now = [1_000_000.0]
    store = KeyStore(tmp_path, token_lifetime_seconds=60, clock=lambda: now[0])
    first_kid = store.ensure_signing_key()
    now[0] += 1
    second_kid = store.rotate()
    now[0] += 60 + PUBLISH_GRACE_SECONDS + 1

    third_kid = store.rotate()

    remaining = sorted(path.stem for path in (tmp_path / "keys").glob("*.json"))
    assert first_kid not in remaining
    assert sorted([second_kid, third_kid]) == remaining


def test_unreadable_key_file_is_ignored(tmp_path: Path) -> None:
    store = KeyStore(tmp_path, token_lifetime_seconds=3600)
    kid = store.ensure_signing_key()
    (tmp_path / "keys" / "broken.json").write_text("{not json")

    assert store.signing_key().kid == kid


def test_unchanged_key_directory_is_not_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = KeyStore(tmp_path, token_lifetime_seconds=3600)
    store.ensure_signing_key()
    settled = (tmp_path / "keys").stat().st_mtime - 60
    os.utime(tmp_path / "keys", (settled, settled))
    store.signing_key()
    reads = []
    read_all = KeyStore._read_all

    def counting_read_all(self: KeyStore) -> list[StoredKey]:
        reads.append(1)
        return read_all(self)

    monkeypatch.setattr(KeyStore, "_read_all", counting_read_all)

    store.signing_key()
    store.published_keys()

    assert reads == []
