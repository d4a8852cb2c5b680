"""Case-management models, one module per sub-domain (the same names as services, selectors,
api, views, forms and schemas). Everything is re-exported here: ``from naungan.cases.models
import Case`` keeps working."""

from naungan.core.vocabulary import Channel, Sex, Triage, ViolenceType

from .assignment import Assignment
from .cases import (
    Case,
    CaseStatus,
    ClosureReason,
    ClosureRequest,
    ClosureStatus,
    Note,
    NoteKind,
    StatusChange,
)
from .documents import CaseDocument, DocumentKind
from .incidents import Abduction, GbvType, HarmfulPractice, Incident, Place, TpksType
from .notifications import Notification, NotificationKind
from .people import (
    CaseParty,
    Education,
    MaritalStatus,
    PartyRole,
    Person,
    PersonNameToken,
    Relationship,
)
from .plans import InterventionPlan, MonitoringEntry, PlanAction, PlanStatus
from .saved_filters import SavedFilter
from .tasks import Task, TaskKind, TaskStatus
from .transfers import CaseTransfer, TransferStatus

__all__ = [
    "Abduction",
    "Assignment",
    "Case",
    "CaseDocument",
    "CaseParty",
    "CaseStatus",
    "CaseTransfer",
    "Channel",
    "ClosureReason",
    "ClosureRequest",
    "ClosureStatus",
    "DocumentKind",
    "Education",
    "GbvType",
    "HarmfulPractice",
    "Incident",
    "InterventionPlan",
    "MaritalStatus",
    "MonitoringEntry",
    "Note",
    "NoteKind",
    "Notification",
    "NotificationKind",
    "PartyRole",
    "Person",
    "PersonNameToken",
    "Place",
    "PlanAction",
    "PlanStatus",
    "Relationship",
    "SavedFilter",
    "Sex",
    "StatusChange",
    "Task",
    "TaskKind",
    "TaskStatus",
    "TpksType",
    "TransferStatus",
    "Triage",
    "ViolenceType",
]
