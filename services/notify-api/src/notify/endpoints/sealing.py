"""Webhook signing secrets at rest: envelope encryption under a key-encryption key (KEK).

HMAC signing needs the secret itself, so it cannot be hashed; it is sealed instead. Each
secret gets its own data key (AES-256-GCM, bound to its endpoint's id, so a sealed secret
copied onto another endpoint does not open), and the data key is wrapped by a KEK from
the settings (`NOTIFY_WEBHOOK_SECRET_KEYS`, decisions.md D17). A sealed value names the
KEK that wrapped it, so after a rotation the old KEKs still open what they wrapped and
`notify-api rewrap-secrets` re-wraps the data keys under the new one (the secrets and
their ciphertexts do not change).

Sealed text: `v1.<kek id>.<nonce + wrapped data key>.<nonce + ciphertext>`, base64url.
"""

from __future__ import annotations

import base64
import binascii
import os
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

FORMAT = "v1"
_KEY_ID = re.compile(r"^[A-Za-z0-9_-]{1,32}$")
_NONCE_BYTES = 12
_KEY_BYTES = 32

#: The development mode's KEK, refused outside development (like the demo client secrets).
DEVELOPMENT_KEYS = "dev:" + base64.urlsafe_b64encode(b"development-only-webhook-kek-32b").decode()


class SealingError(ValueError):
    """A keyring setting or a sealed value that cannot be used (never names the secret)."""


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as error:
        raise SealingError("not base64url") from error


def _wrap_aad(key_id: str) -> bytes:
    return b"notify.webhook-secret.data-key:" + key_id.encode()


def _secret_aad(endpoint_id: uuid.UUID) -> bytes:
    return b"notify.webhook-secret:" + endpoint_id.bytes


@dataclass(frozen=True)
class _Sealed:
    key_id: str
    wrapped: bytes
    ciphertext: bytes

    @classmethod
    def parse(cls, sealed: str) -> _Sealed:
        parts = sealed.split(".")
        if len(parts) != 4 or parts[0] != FORMAT:
            raise SealingError("not a sealed webhook secret")
        return cls(parts[1], _unb64(parts[2]), _unb64(parts[3]))

    def text(self) -> str:
        return ".".join((FORMAT, self.key_id, _b64(self.wrapped), _b64(self.ciphertext)))


@dataclass(frozen=True)
class Keyring:
    """The KEKs by id; `current` wraps new data keys, every one opens what it wrapped."""

    current: str
    keys: Mapping[str, bytes]

    @classmethod
    def parse(cls, text: str) -> Keyring:
        """`id:base64key,id:base64key,...`: the first is current; keys are 32 bytes."""
        keys: dict[str, bytes] = {}
        for entry in (part.strip() for part in text.split(",")):
            key_id, separator, encoded = entry.partition(":")
            if not separator or not _KEY_ID.match(key_id):
                raise SealingError("each key is `<id>:<base64 key>`, the id [A-Za-z0-9_-]{1,32}")
            if key_id in keys:
                raise SealingError(f"key id {key_id} is given twice")
            key = _unb64(encoded.strip())
            if len(key) != _KEY_BYTES:
                raise SealingError(f"key {key_id} is not 32 bytes (AES-256)")
            keys[key_id] = key
        return cls(current=next(iter(keys)), keys=keys)

    def seal(self, secret: str, endpoint_id: uuid.UUID) -> str:
        """The secret encrypted under a new data key, wrapped by the current KEK."""
        data_key = AESGCM.generate_key(bit_length=256)
        nonce = os.urandom(_NONCE_BYTES)
        ciphertext = nonce + AESGCM(data_key).encrypt(
            nonce, secret.encode(), _secret_aad(endpoint_id)
        )
        return _Sealed(self.current, self._wrap(data_key), ciphertext).text()

    def open(self, sealed: str, endpoint_id: uuid.UUID) -> str:
        """The secret a sealed value holds (SealingError when no key of ours opens it)."""
        parsed = _Sealed.parse(sealed)
        data_key = self._unwrap(parsed)
        nonce, body = parsed.ciphertext[:_NONCE_BYTES], parsed.ciphertext[_NONCE_BYTES:]
        try:
            return AESGCM(data_key).decrypt(nonce, body, _secret_aad(endpoint_id)).decode()
        except InvalidTag as error:
            raise SealingError("the sealed secret does not belong to this endpoint") from error

    def rewrap(self, sealed: str) -> str | None:
        """The value with its data key wrapped by the current KEK; None if it already is."""
        parsed = _Sealed.parse(sealed)
        if parsed.key_id == self.current:
            return None
        wrapped = self._wrap(self._unwrap(parsed))
        return _Sealed(self.current, wrapped, parsed.ciphertext).text()

    def _wrap(self, data_key: bytes) -> bytes:
        nonce = os.urandom(_NONCE_BYTES)
        kek = AESGCM(self.keys[self.current])
        return nonce + kek.encrypt(nonce, data_key, _wrap_aad(self.current))

    def _unwrap(self, parsed: _Sealed) -> bytes:
        key = self.keys.get(parsed.key_id)
        if key is None:
            raise SealingError(f"sealed under key {parsed.key_id}, which is not configured")
        nonce, body = parsed.wrapped[:_NONCE_BYTES], parsed.wrapped[_NONCE_BYTES:]
        try:
            return AESGCM(key).decrypt(nonce, body, _wrap_aad(parsed.key_id))
        except InvalidTag as error:
            raise SealingError(f"key {parsed.key_id} does not open this data key") from error
