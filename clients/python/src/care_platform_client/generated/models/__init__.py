"""Contains all the data models used in inputs/outputs"""

from .access_log_entry import AccessLogEntry
from .access_log_page import AccessLogPage
from .acknowledge_request import AcknowledgeRequest
from .acknowledgement import Acknowledgement
from .age_band import AgeBand
from .attempt_outcome import AttemptOutcome
from .attempt_trigger import AttemptTrigger
from .authority_ref import AuthorityRef
from .authority_relation import AuthorityRelation
from .batch_receipt import BatchReceipt
from .batch_receipts import BatchReceipts
from .batch_status import BatchStatus
from .body_imports_create_import import BodyImportsCreateImport
from .breakdowns import Breakdowns
from .breakdowns_age_band import BreakdownsAgeBand
from .breakdowns_ethnicity import BreakdownsEthnicity
from .breakdowns_out_of_area import BreakdownsOutOfArea
from .breakdowns_placement_type import BreakdownsPlacementType
from .breakdowns_send_or_disability import BreakdownsSendOrDisability
from .breakdowns_sex import BreakdownsSex
from .breakdowns_uasc import BreakdownsUasc
from .bundle_leaf import BundleLeaf
from .caller_role import CallerRole
from .care_leaver_category import CareLeaverCategory
from .care_status import CareStatus
from .channel import Channel
from .checklist_figures import ChecklistFigures
from .checklist_section_out import ChecklistSectionOut
from .child_create import ChildCreate
from .child_page import ChildPage
from .child_record import ChildRecord
from .child_summary import ChildSummary
from .child_update import ChildUpdate
from .cloud_event import CloudEvent
from .cloud_event_data_type_0 import CloudEventDataType0
from .cloud_event_datacontenttype_type_0 import CloudEventDatacontenttypeType0
from .condition_trace import ConditionTrace
from .consent_answer import ConsentAnswer
from .consent_out import ConsentOut
from .consent_put import ConsentPut
from .consistency_proof import ConsistencyProof
from .continuously_looked_after_cohort import ContinuouslyLookedAfterCohort
from .cooling_off import CoolingOff
from .cps_checklist import CpsChecklist
from .dead_letter import DeadLetter
from .dead_letter_page import DeadLetterPage
from .deadline_trace import DeadlineTrace
from .delivery import Delivery
from .delivery_attempt import DeliveryAttempt
from .delivery_counts import DeliveryCounts
from .delivery_exhausted_webhook import DeliveryExhaustedWebhook
from .delivery_recovered_webhook import DeliveryRecoveredWebhook
from .delivery_retried import DeliveryRetried
from .delivery_status import DeliveryStatus
from .delivery_stream import DeliveryStream
from .dry_run_answer import DryRunAnswer
from .dry_run_notification import DryRunNotification
from .dry_run_request import DryRunRequest
from .dry_run_request_data_type_0 import DryRunRequestDataType0
from .dry_run_request_dates_type_0 import DryRunRequestDatesType0
from .dry_run_request_facts_type_0 import DryRunRequestFactsType0
from .dry_run_request_specversion_type_0 import DryRunRequestSpecversionType0
from .duplicate_child_problem import DuplicateChildProblem
from .duty import Duty
from .duty_counts import DutyCounts
from .duty_figures import DutyFigures
from .duty_figures_row import DutyFiguresRow
from .duty_holder_role import DutyHolderRole
from .duty_page import DutyPage
from .duty_series_point import DutySeriesPoint
from .duty_state import DutyState
from .email_endpoint_create import EmailEndpointCreate
from .ended_reason import EndedReason
from .endpoint import Endpoint
from .endpoint_created import EndpointCreated
from .endpoint_disabled_webhook import EndpointDisabledWebhook
from .endpoint_failing_webhook import EndpointFailingWebhook
from .endpoint_heartbeat_webhook import EndpointHeartbeatWebhook
from .endpoint_page import EndpointPage
from .endpoint_stats import EndpointStats
from .endpoint_update import EndpointUpdate
from .escalation_step import EscalationStep
from .ethnicity import Ethnicity
from .event_receipt import EventReceipt
from .event_refused_webhook import EventRefusedWebhook
from .event_window import EventWindow
from .event_window_when import EventWindowWhen
from .export_format import ExportFormat
from .facts_status import FactsStatus
from .failure_streak import FailureStreak
from .field_error import FieldError
from .figures import Figures
from .figures_format import FiguresFormat
from .health import Health
from .health_checks import HealthChecks
from .heartbeat_data import HeartbeatData
from .http_validation_error import HTTPValidationError
from .import_counts import ImportCounts
from .import_progress import ImportProgress
from .import_report import ImportReport
from .import_view import ImportView
from .incident_create import IncidentCreate
from .incident_kind import IncidentKind
from .incident_out import IncidentOut
from .incident_page import IncidentPage
from .incident_update import IncidentUpdate
from .later_event import LaterEvent
from .later_event_match import LaterEventMatch
from .later_event_when import LaterEventWhen
from .leaving_care_out import LeavingCareOut
from .leaving_care_put import LeavingCarePut
from .legal_basis import LegalBasis
from .legal_basis_category import LegalBasisCategory
from .legal_status_create import LegalStatusCreate
from .legal_status_end import LegalStatusEnd
from .legal_status_out import LegalStatusOut
from .local_protocol import LocalProtocol
from .london_incident_level import LondonIncidentLevel
from .lookup_audit_entry import LookupAuditEntry
from .lookup_audit_page import LookupAuditPage
from .lookup_holder import LookupHolder
from .lookup_identifiers import LookupIdentifiers
from .lookup_match import LookupMatch
from .lookup_purpose import LookupPurpose
from .lookup_request import LookupRequest
from .lookup_result import LookupResult
from .lookup_result_type import LookupResultType
from .measure_figures import MeasureFigures
from .measure_of_control import MeasureOfControl
from .measure_year import MeasureYear
from .monitoring_figures import MonitoringFigures
from .monitoring_figures_records_by_kind import MonitoringFiguresRecordsByKind
from .national_measure import NationalMeasure
from .notification import Notification
from .notification_detail import NotificationDetail
from .notification_escalation_webhook import NotificationEscalationWebhook
from .notification_figures import NotificationFigures
from .notification_kind import NotificationKind
from .notification_notice_webhook import NotificationNoticeWebhook
from .notification_overdue_webhook import NotificationOverdueWebhook
from .notification_page import NotificationPage
from .notification_recurring_webhook import NotificationRecurringWebhook
from .notification_rule_webhook import NotificationRuleWebhook
from .notification_status import NotificationStatus
from .notification_subject import NotificationSubject
from .notification_summary import NotificationSummary
from .notification_test_webhook import NotificationTestWebhook
from .outcome import Outcome
from .personal_adviser_out import PersonalAdviserOut
from .personal_adviser_put import PersonalAdviserPut
from .placed_child_view import PlacedChildView
from .placement_create import PlacementCreate
from .placement_end import PlacementEnd
from .placement_out import PlacementOut
from .placement_type import PlacementType
from .presence import Presence
from .problem import Problem
from .proof_bundle import ProofBundle
from .proof_content import ProofContent
from .provider_type import ProviderType
from .reasonable_parent_test import ReasonableParentTest
from .reasonable_parent_test_in import ReasonableParentTestIn
from .recipient import Recipient
from .recipient_role import RecipientRole
from .recipient_rule import RecipientRule
from .recipient_rule_when import RecipientRuleWhen
from .recipient_trace import RecipientTrace
from .recover_request import RecoverRequest
from .recovered import Recovered
from .recurrence import Recurrence
from .recurrence_step import RecurrenceStep
from .recurrence_unit import RecurrenceUnit
from .report_format import ReportFormat
from .report_line import ReportLine
from .report_period import ReportPeriod
from .response_category import ResponseCategory
from .restorative_approach import RestorativeApproach
from .restorative_outcome import RestorativeOutcome
from .retry_accepted import RetryAccepted
from .role import Role
from .rule_basis import RuleBasis
from .rule_figures import RuleFigures
from .rule_in_force import RuleInForce
from .rule_in_force_applies_to_type_0 import RuleInForceAppliesToType0
from .rule_in_force_authority_recurrences import RuleInForceAuthorityRecurrences
from .rule_in_force_authority_windows import RuleInForceAuthorityWindows
from .rule_in_force_conditions import RuleInForceConditions
from .rule_in_force_unless import RuleInForceUnless
from .rule_outcome import RuleOutcome
from .rule_page import RulePage
from .rule_trace import RuleTrace
from .secret_rotated import SecretRotated
from .section_write import SectionWrite
from .send_or_disability import SendOrDisability
from .series_unit import SeriesUnit
from .setting import Setting
from .sex import Sex
from .skip_reason import SkipReason
from .skipped_day import SkippedDay
from .skipped_notification import SkippedNotification
from .status_facts import StatusFacts
from .status_summary import StatusSummary
from .step import Step
from .step_trace import StepTrace
from .test_send import TestSend
from .test_send_data import TestSendData
from .trace import Trace
from .undelivered_delivery import UndeliveredDelivery
from .undelivered_status import UndeliveredStatus
from .unmatched_events import UnmatchedEvents
from .validation_error import ValidationError
from .validation_error_context import ValidationErrorContext
from .webhook_endpoint_create import WebhookEndpointCreate
from .window import Window
from .window_direction import WindowDirection
from .window_unit import WindowUnit
from .window_when import WindowWhen
from .withheld_trace import WithheldTrace

__all__ = (
    "AccessLogEntry",
    "AccessLogPage",
    "AcknowledgeRequest",
    "Acknowledgement",
    "AgeBand",
    "AttemptOutcome",
    "AttemptTrigger",
    "AuthorityRef",
    "AuthorityRelation",
    "BatchReceipt",
    "BatchReceipts",
    "BatchStatus",
    "BodyImportsCreateImport",
    "Breakdowns",
    "BreakdownsAgeBand",
    "BreakdownsEthnicity",
    "BreakdownsOutOfArea",
    "BreakdownsPlacementType",
    "BreakdownsSendOrDisability",
    "BreakdownsSex",
    "BreakdownsUasc",
    "BundleLeaf",
    "CallerRole",
    "CareLeaverCategory",
    "CareStatus",
    "Channel",
    "ChecklistFigures",
    "ChecklistSectionOut",
    "ChildCreate",
    "ChildPage",
    "ChildRecord",
    "ChildSummary",
    "ChildUpdate",
    "CloudEvent",
    "CloudEventDataType0",
    "CloudEventDatacontenttypeType0",
    "ConditionTrace",
    "ConsentAnswer",
    "ConsentOut",
    "ConsentPut",
    "ConsistencyProof",
    "ContinuouslyLookedAfterCohort",
    "CoolingOff",
    "CpsChecklist",
    "DeadLetter",
    "DeadLetterPage",
    "DeadlineTrace",
    "Delivery",
    "DeliveryAttempt",
    "DeliveryCounts",
    "DeliveryExhaustedWebhook",
    "DeliveryRecoveredWebhook",
    "DeliveryRetried",
    "DeliveryStatus",
    "DeliveryStream",
    "DryRunAnswer",
    "DryRunNotification",
    "DryRunRequest",
    "DryRunRequestDataType0",
    "DryRunRequestDatesType0",
    "DryRunRequestFactsType0",
    "DryRunRequestSpecversionType0",
    "DuplicateChildProblem",
    "Duty",
    "DutyCounts",
    "DutyFigures",
    "DutyFiguresRow",
    "DutyHolderRole",
    "DutyPage",
    "DutySeriesPoint",
    "DutyState",
    "EmailEndpointCreate",
    "EndedReason",
    "Endpoint",
    "EndpointCreated",
    "EndpointDisabledWebhook",
    "EndpointFailingWebhook",
    "EndpointHeartbeatWebhook",
    "EndpointPage",
    "EndpointStats",
    "EndpointUpdate",
    "EscalationStep",
    "Ethnicity",
    "EventReceipt",
    "EventRefusedWebhook",
    "EventWindow",
    "EventWindowWhen",
    "ExportFormat",
    "FactsStatus",
    "FailureStreak",
    "FieldError",
    "Figures",
    "FiguresFormat",
    "HTTPValidationError",
    "Health",
    "HealthChecks",
    "HeartbeatData",
    "ImportCounts",
    "ImportProgress",
    "ImportReport",
    "ImportView",
    "IncidentCreate",
    "IncidentKind",
    "IncidentOut",
    "IncidentPage",
    "IncidentUpdate",
    "LaterEvent",
    "LaterEventMatch",
    "LaterEventWhen",
    "LeavingCareOut",
    "LeavingCarePut",
    "LegalBasis",
    "LegalBasisCategory",
    "LegalStatusCreate",
    "LegalStatusEnd",
    "LegalStatusOut",
    "LocalProtocol",
    "LondonIncidentLevel",
    "LookupAuditEntry",
    "LookupAuditPage",
    "LookupHolder",
    "LookupIdentifiers",
    "LookupMatch",
    "LookupPurpose",
    "LookupRequest",
    "LookupResult",
    "LookupResultType",
    "MeasureFigures",
    "MeasureOfControl",
    "MeasureYear",
    "MonitoringFigures",
    "MonitoringFiguresRecordsByKind",
    "NationalMeasure",
    "Notification",
    "NotificationDetail",
    "NotificationEscalationWebhook",
    "NotificationFigures",
    "NotificationKind",
    "NotificationNoticeWebhook",
    "NotificationOverdueWebhook",
    "NotificationPage",
    "NotificationRecurringWebhook",
    "NotificationRuleWebhook",
    "NotificationStatus",
    "NotificationSubject",
    "NotificationSummary",
    "NotificationTestWebhook",
    "Outcome",
    "PersonalAdviserOut",
    "PersonalAdviserPut",
    "PlacedChildView",
    "PlacementCreate",
    "PlacementEnd",
    "PlacementOut",
    "PlacementType",
    "Presence",
    "Problem",
    "ProofBundle",
    "ProofContent",
    "ProviderType",
    "ReasonableParentTest",
    "ReasonableParentTestIn",
    "Recipient",
    "RecipientRole",
    "RecipientRule",
    "RecipientRuleWhen",
    "RecipientTrace",
    "RecoverRequest",
    "Recovered",
    "Recurrence",
    "RecurrenceStep",
    "RecurrenceUnit",
    "ReportFormat",
    "ReportLine",
    "ReportPeriod",
    "ResponseCategory",
    "RestorativeApproach",
    "RestorativeOutcome",
    "RetryAccepted",
    "Role",
    "RuleBasis",
    "RuleFigures",
    "RuleInForce",
    "RuleInForceAppliesToType0",
    "RuleInForceAuthorityRecurrences",
    "RuleInForceAuthorityWindows",
    "RuleInForceConditions",
    "RuleInForceUnless",
    "RuleOutcome",
    "RulePage",
    "RuleTrace",
    "SecretRotated",
    "SectionWrite",
    "SendOrDisability",
    "SeriesUnit",
    "Setting",
    "Sex",
    "SkipReason",
    "SkippedDay",
    "SkippedNotification",
    "StatusFacts",
    "StatusSummary",
    "Step",
    "StepTrace",
    "TestSend",
    "TestSendData",
    "Trace",
    "UndeliveredDelivery",
    "UndeliveredStatus",
    "UnmatchedEvents",
    "ValidationError",
    "ValidationErrorContext",
    "WebhookEndpointCreate",
    "Window",
    "WindowDirection",
    "WindowUnit",
    "WindowWhen",
    "WithheldTrace",
)
