"""What the proof endpoints answer (the bundle's format is `notification_proofs.bundle`'s)."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, Field


class ProofContent(StrEnum):
    """Whether the notification's personal data is still held, or purged past retention."""

    HELD = "held"
    PURGED = "purged"


class BundleLeaf(BaseModel):
    index: int = Field(description="The entry's position in the log")
    entry: str = Field(description="The entry, canonical JSON, as hashed (RFC 9162 leaf)")
    salt: str | None = Field(
        description="Base64 salt of a delivered body's hash; null for other steps"
    )
    inclusion_path: list[str] = Field(description="Base64 hashes, leaf to root (RFC 9162)")


class Step(BaseModel):
    step: str
    at: str | None


class ProofBundle(BaseModel):
    """A notification's steps, their inclusion proofs and the checkpoint they lead to."""

    format: Literal["notification-proof-bundle/v1"]
    notification_id: str
    checkpoint: str | None = Field(description="The C2SP signed note of the tree's head")
    tree_size: int
    leaves: list[BundleLeaf]
    pending: list[Step] = Field(description="Steps logged after the checkpoint (next one)")
    provable: list[Step] = Field(description="What the proofs establish: each step and its time")
    content: ProofContent = Field(
        description="`purged`: the personal data is gone past retention; the steps still prove"
    )


class ConsistencyProof(BaseModel):
    from_: int = Field(alias="from")
    to: int
    proof: list[str] = Field(description="Base64 hashes (RFC 9162 2.1.4)")

    model_config = {"populate_by_name": True}
