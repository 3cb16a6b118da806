"""Import every model module so that the metadata is complete (migrations, tests)."""

from backoffice.accounts.models import LoginFailure, User  # noqa: F401
from backoffice.api.models import ApiToken  # noqa: F401
from backoffice.appeals.models import Appeal, Evidence, ExamAttempt  # noqa: F401
from backoffice.audit.models import AuditEvent  # noqa: F401
from backoffice.calibration.models import CalibrationReview  # noqa: F401
from backoffice.cases.help_requests import HelpRequest  # noqa: F401
from backoffice.cases.models import Case, CaseDecision, CaseNote, Flag, Report  # noqa: F401
from backoffice.cases.presence import CaseViewer  # noqa: F401
from backoffice.cases.saved import SavedView  # noqa: F401
from backoffice.conversations.models import Conversation, Message  # noqa: F401
from backoffice.customers.models import Customer, CustomerMeasure  # noqa: F401
from backoffice.ingest.models import MassSending, MessageSignature, SignatureBand  # noqa: F401
from backoffice.ledger.models import LedgerEntry, MerchantBalance  # noqa: F401
from backoffice.merchants.models import Merchant, MerchantHandle  # noqa: F401
from backoffice.notifications.models import Notification, OutboxEmail  # noqa: F401
from backoffice.penalties.models import ExamRevocation, PenaltyDecision  # noqa: F401
from backoffice.quality.models import QualityDay  # noqa: F401
from backoffice.rationales.models import CannedReason  # noqa: F401
from backoffice.rulings.models import RetainedQuotes, RulingCopy  # noqa: F401
from backoffice.transparency.models import StatementOfReasons  # noqa: F401
from backoffice.webhooks.models import OutboxEvent, WebhookDelivery, WebhookEndpoint  # noqa: F401
