"""The notification log: its entries, its signed checkpoints and its head."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from platform_shared.calendar import utc_now
from platform_shared.db import Base


class ProofLeaf(Base):
    """One entry of the log. `tree_index` is given by the sequencer after the commit (the
    life-cycle transactions never contend for a log position)."""

    __tablename__ = "proof_leaves"
    __table_args__ = (
        Index("ix_proof_leaves_notification_id", "notification_id"),
        Index("ix_proof_leaves_tree_index", "tree_index", unique=True),
    )

    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer(), "sqlite"), primary_key=True, autoincrement=True
    )
    tree_index: Mapped[int | None] = mapped_column(BigInteger)
    notification_id: Mapped[uuid.UUID]
    step: Mapped[str] = mapped_column(String(16))
    #: The canonical JSON hashed into the tree (`notification_proofs.leaves.canonical`).
    entry: Mapped[str] = mapped_column(Text)
    #: A delivered push's body salt (base64), outside the entry: see docs/proofs.md.
    salt: Mapped[str | None] = mapped_column(String(44))
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class ProofCheckpoint(Base):
    __tablename__ = "proof_checkpoints"

    size: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    root: Mapped[str] = mapped_column(String(64))
    #: The C2SP signed note, exactly as served and pushed to witnesses.
    note: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class ProofLogHead(Base):
    """One row (id 1): the sequenced size and the compact range to extend the tree from."""

    __tablename__ = "proof_log_head"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    size: Mapped[int] = mapped_column(BigInteger, default=0)
    #: Base64 hashes of the perfect subtrees (`notification_proofs.merkle.CompactRange`).
    compact: Mapped[list[Any]] = mapped_column(JSON, default=list)
    checkpointed_at: Mapped[datetime | None]
    #: What the monitor found last: the size it verified, and a failure (null: none).
    monitored_size: Mapped[int] = mapped_column(BigInteger, default=0)
    monitor_failure: Mapped[str | None] = mapped_column(Text)
    monitored_at: Mapped[datetime | None]
