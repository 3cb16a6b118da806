"""Validate one conversation against the JSON Schema, then the rules a schema cannot say."""

from __future__ import annotations

import json
from datetime import datetime
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator

from backoffice.failures import DomainError

SCHEMA_PATH = Path(__file__).with_name("conversation.schema.json")


class InvalidConversation(DomainError, ValueError):
    """The conversation is rejected as a whole; the message names the field and the problem."""

    code = "invalid_conversation"


@cache
def _validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    # The same schema with its local $refs written out: resolving a $ref for every message and
    # attachment was half of the validation time.
    defs = schema.pop("$defs")

    def inline(node):
        if isinstance(node, dict):
            if "$ref" in node:
                return inline(defs[node["$ref"].removeprefix("#/$defs/")])
            return {key: inline(value) for key, value in node.items()}
        return [inline(item) for item in node] if isinstance(node, list) else node

    return Draft202012Validator(inline(schema))


def _where(path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(the conversation)"


def _problem(error) -> str:
    """The validator's message, without echoing a huge value back (a 20,000-character text)."""
    if error.validator in ("maxLength", "maxItems"):
        unit = "characters" if error.validator == "maxLength" else "items"
        return f"longer than {error.validator_value} {unit} ({len(error.instance)})"
    message = error.message
    return message if len(message) <= 300 else message[:300] + "…"


def parse_time(value: str, where: str) -> datetime:
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise InvalidConversation(f"{where}: {value!r} is not an ISO 8601 date and time") from None
    if moment.tzinfo is None:
        raise InvalidConversation(f"{where}: {value!r} has no UTC offset (write e.g. +08:00)")
    return moment


def _first_nul(node, path: tuple = ()) -> tuple | None:
    """The path of the first string (value or key) holding U+0000, if any."""
    if isinstance(node, str):
        return path if "\x00" in node else None
    if isinstance(node, dict):
        items = node.items()
    elif isinstance(node, list):
        items = enumerate(node)
    else:
        return None
    for key, value in items:
        if isinstance(key, str) and "\x00" in key:
            return (*path, key)
        found = _first_nul(value, (*path, key))
        if found is not None:
            return found
    return None


def validate(payload: object) -> dict:
    """Return the payload if it is a valid conversation; raise InvalidConversation otherwise."""
    if not isinstance(payload, dict):
        raise InvalidConversation("(the conversation): expected a JSON object")
    error = next(iter(sorted(_validator().iter_errors(payload), key=lambda e: list(e.path))), None)
    if error is not None:
        raise InvalidConversation(f"{_where(error.path)}: {_problem(error)}")
    nul = _first_nul(payload)
    if nul is not None:  # no database text column holds U+0000 (PostgreSQL refuses it)
        raise InvalidConversation(f"{_where(nul)}: contains a NUL character (U+0000); remove it")
    seen: set[str] = set()
    for i, message in enumerate(payload["messages"]):
        where = f"messages[{i}]"
        if message["external_id"] in seen:
            raise InvalidConversation(f"{where}.external_id: {message['external_id']!r} appears twice")
        seen.add(message["external_id"])
        if message.get("automated") and message["sender_role"] != "merchant":
            raise InvalidConversation(f"{where}.automated: only the shop's messages can be automatic replies")
        message["_sent_at"] = parse_time(message["sent_at"], f"{where}.sent_at")
    for i, report in enumerate(payload.get("reports") or []):
        report["_reported_at"] = parse_time(report["reported_at"], f"reports[{i}].reported_at")
    for i, review in enumerate(payload.get("reviews") or []):
        review["_reviewed_at"] = parse_time(review["reviewed_at"], f"reviews[{i}].reviewed_at")
    return payload
