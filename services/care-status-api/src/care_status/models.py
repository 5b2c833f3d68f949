"""Every table of care-status-api, imported in one place (for migrations and the app)."""

from __future__ import annotations

from care_status.children.models import Child
from care_status.imports.models import Import, ImportedChild, ImportFile, ImportIssue
from care_status.leaving_care.models import Consent, LeavingCare, PersonalAdviser
from care_status.legal_statuses.models import LegalStatus
from care_status.placements.models import Placement
from platform_shared.audit import AuditEntry
from platform_shared.db import Base
from platform_shared.idempotency import IdempotencyRecord
from platform_shared.outbox import OutboxEvent

__all__ = [
    "AuditEntry",
    "Base",
    "Child",
    "Consent",
    "IdempotencyRecord",
    "Import",
    "ImportFile",
    "ImportIssue",
    "ImportedChild",
    "LeavingCare",
    "LegalStatus",
    "OutboxEvent",
    "PersonalAdviser",
    "Placement",
]
