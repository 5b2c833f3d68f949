"""Request and response bodies of legal statuses (care episodes)."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field, StrictBool

from platform_shared.contracts.vocabularies import LegalBasis
from platform_shared.fields import IsoDate


class LegalStatusCreate(BaseModel):
    """A care episode. Dates are half-open: `end_date` is the day it ceased (SSDA903)."""

    model_config = ConfigDict(extra="forbid")

    basis: LegalBasis
    start_date: IsoDate
    end_date: IsoDate | None = Field(default=None, description="The day the status ceased")
    short_break: StrictBool = Field(
        default=False,
        description="A pre-planned short break (respite, s.20(4); Care Planning regs 2010 "
        "reg 48): section 20 only; looked after while on it, not counted for care leaving",
    )


class LegalStatusEnd(BaseModel):
    """Records (or corrects) the day the legal status ceased."""

    model_config = ConfigDict(extra="forbid")

    end_date: IsoDate


class LegalStatusOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    child_id: uuid.UUID
    basis: LegalBasis
    short_break: bool
    start_date: date
    end_date: date | None
    version: int
    created_at: datetime
    updated_at: datetime
