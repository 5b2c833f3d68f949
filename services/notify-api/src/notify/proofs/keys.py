"""The key that signs the log's checkpoints, and the verifier keys published for it."""

from __future__ import annotations

import base64
import binascii
import hashlib

from notification_proofs.note import NoteError, SignerKey, VerifierKey
from notify.settings import Settings

#: Development only (refused elsewhere by the settings): a key anyone can recompute.
DEVELOPMENT_KEY_NAME = "care-platform-dev-notification-log"
DEVELOPMENT_SEED = hashlib.sha256(b"care-platform development notification log key").digest()


class ProofKeyError(ValueError):
    pass


def signer_of(settings: Settings) -> SignerKey:
    """The signing key of `proof_signing_key` (`name:base64 seed`), else the development one."""
    configured = settings.proof_signing_key
    if configured is None:
        return SignerKey.from_seed(DEVELOPMENT_KEY_NAME, DEVELOPMENT_SEED)
    name, _, encoded = configured.get_secret_value().partition(":")
    try:
        seed = base64.b64decode(encoded, validate=True)
    except binascii.Error as error:
        raise ProofKeyError("proof_signing_key: the seed is not base64") from error
    if len(seed) != 32:
        raise ProofKeyError("proof_signing_key: the seed must be 32 bytes")
    try:
        return SignerKey.from_seed(name, seed)
    except NoteError as error:
        raise ProofKeyError(f"proof_signing_key: {error}") from error


def published_keys(settings: Settings) -> list[VerifierKey]:
    """The current verifier key first, then those of earlier keys (rotation)."""
    keys = [signer_of(settings).verifier]
    keys.extend(VerifierKey.parse(text) for text in settings.proof_previous_verifier_keys)
    return keys
