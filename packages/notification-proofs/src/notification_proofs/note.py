"""Checkpoints as C2SP signed notes (c2sp.org/tlog-checkpoint, c2sp.org/signed-note).

A checkpoint's text is three lines: the log's origin, the tree size in decimal, the
root hash in standard base64. A blank line follows, then one signature line per signer:
`— <key name> <base64(4-byte key id || Ed25519 signature of the text)>`. The key id is
the first 4 bytes of SHA-256(key name || 0x0A || 0x01 || public key); a verifier key is
written `<name>+<key id, 8 hex digits>+<base64(0x01 || public key)>` (signed-note's
vkey encoding), which is what the platform publishes.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

ED25519 = b"\x01"
SIGNATURE_PREFIX = "\u2014 "


class NoteError(Exception):
    """A checkpoint or a key that does not parse or does not verify; says which check."""


@dataclass(frozen=True)
class Checkpoint:
    origin: str
    size: int
    root: bytes

    def text(self) -> str:
        """The signed body: origin, size, base64 root, each ending in a newline."""
        return f"{self.origin}\n{self.size}\n{base64.b64encode(self.root).decode()}\n"


def key_id(name: str, public_key: bytes) -> bytes:
    return hashlib.sha256(name.encode() + b"\n" + ED25519 + public_key).digest()[:4]


def _check_name(name: str) -> None:
    if not name or any(c.isspace() or c == "+" for c in name):
        raise NoteError(f"key name {name!r} must be non-empty, without spaces or '+'")


@dataclass(frozen=True)
class VerifierKey:
    name: str
    public_key: bytes

    @property
    def id(self) -> bytes:
        return key_id(self.name, self.public_key)

    def encoded(self) -> str:
        return f"{self.name}+{self.id.hex()}+{base64.b64encode(ED25519 + self.public_key).decode()}"

    @classmethod
    def parse(cls, text: str) -> VerifierKey:
        parts = text.strip().split("+", 2)
        if len(parts) != 3:
            raise NoteError("a verifier key is <name>+<key id>+<base64 key>")
        name, hex_id, encoded = parts
        _check_name(name)
        try:
            raw = base64.b64decode(encoded, validate=True)
        except binascii.Error as error:
            raise NoteError("the verifier key is not base64") from error
        if len(raw) != 33 or raw[:1] != ED25519:
            raise NoteError("the verifier key is not an Ed25519 key (0x01 and 32 bytes)")
        key = cls(name, raw[1:])
        if key.id.hex() != hex_id.lower():
            raise NoteError("the verifier key's id does not match its name and key")
        return key


@dataclass(frozen=True)
class SignerKey:
    name: str
    private_key: Ed25519PrivateKey

    @property
    def verifier(self) -> VerifierKey:
        raw = self.private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        return VerifierKey(self.name, raw)

    @classmethod
    def from_seed(cls, name: str, seed: bytes) -> SignerKey:
        _check_name(name)
        return cls(name, Ed25519PrivateKey.from_private_bytes(seed))

    def sign(self, checkpoint: Checkpoint) -> str:
        """The signed note of `checkpoint`."""
        text = checkpoint.text()
        signature = self.private_key.sign(text.encode())
        blob = base64.b64encode(self.verifier.id + signature).decode()
        return f"{text}\n{SIGNATURE_PREFIX}{self.name} {blob}\n"


def parse_checkpoint(note: str) -> tuple[Checkpoint, str, list[tuple[str, bytes, bytes]]]:
    """The checkpoint, its signed text and its signatures (name, key id, signature)."""
    text, separator, signatures = note.partition("\n\n")
    if not separator:
        raise NoteError("the checkpoint has no blank line before its signatures")
    text += "\n"
    lines = text.split("\n")[:-1]
    if len(lines) < 3:
        raise NoteError("the checkpoint needs an origin, a size and a root hash")
    origin, size_line, root_line = lines[:3]
    if not size_line.isdigit() or (size_line != "0" and size_line.startswith("0")):
        raise NoteError(f"the checkpoint's tree size {size_line!r} is not a decimal number")
    try:
        root = base64.b64decode(root_line, validate=True)
    except binascii.Error as error:
        raise NoteError("the checkpoint's root hash is not base64") from error
    if len(root) != 32:
        raise NoteError("the checkpoint's root hash is not 32 bytes")
    parsed = []
    for line in signatures.split("\n"):
        if not line:
            continue
        if not line.startswith(SIGNATURE_PREFIX):
            raise NoteError("a signature line does not start with an em dash and a space")
        name, _, blob = line[len(SIGNATURE_PREFIX) :].partition(" ")
        try:
            raw = base64.b64decode(blob, validate=True)
        except binascii.Error as error:
            raise NoteError(f"the signature by {name!r} is not base64") from error
        if len(raw) < 5:
            raise NoteError(f"the signature by {name!r} is too short")
        parsed.append((name, raw[:4], raw[4:]))
    if not parsed:
        raise NoteError("the checkpoint has no signature")
    return Checkpoint(origin, int(size_line), root), text, parsed


def verify_checkpoint(
    note: str, keys: list[VerifierKey], *, origin: str | None = None
) -> Checkpoint:
    """The checkpoint of `note` if one of `keys` signed it (and its origin is `origin`)."""
    checkpoint, text, signatures = parse_checkpoint(note)
    if origin is not None and checkpoint.origin != origin:
        raise NoteError(f"the checkpoint's origin {checkpoint.origin!r} is not {origin!r}")
    known = {(key.name, key.id): key for key in keys}
    found = False
    for name, kid, signature in signatures:
        key = known.get((name, kid))
        if key is None:
            continue
        found = True
        try:
            Ed25519PublicKey.from_public_bytes(key.public_key).verify(signature, text.encode())
        except InvalidSignature as error:
            raise NoteError(f"the signature by key {name!r} does not verify") from error
        return checkpoint
    if not found:
        names = ", ".join(sorted({name for name, _, _ in signatures}))
        raise NoteError(f"the checkpoint is signed by no known key (signed by: {names})")
    raise NoteError("the checkpoint's signature does not verify")  # pragma: no cover
