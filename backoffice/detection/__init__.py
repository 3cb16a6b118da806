"""Pure detection layer: normalisation, lexicons, matchers, contact detectors,
exemptions and the reply-time detector. No database, no Flask models.

Public API:
    scan_text(text) -> list[Hit]
    scan_conversation(conv, platform="zbj", rule_map=None, tz="Asia/Shanghai") -> list[Flag]
    Scanner(directory=None).scan_texts(texts) -> [(index, [Hit])]   (flagged only)
    BatchScanner(processes=2).scan(texts) -> [(index, [Hit])]        (multi-core)
"""

from backoffice.detection.conversation import ConversationError, scan_conversation
from backoffice.detection.scanner import Flag, Hit, Scanner, default_scanner, scan_text

__all__ = [
    "ConversationError",
    "Flag",
    "Hit",
    "Scanner",
    "default_scanner",
    "scan_conversation",
    "scan_text",
]
