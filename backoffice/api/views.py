"""The JSON API, version 1."""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from flask import Blueprint, g, jsonify

from backoffice.accounts.models import Role
from backoffice.accounts.permissions import public
from backoffice.api.auth import api_access

bp = Blueprint("api", __name__, url_prefix="/api/v1")

OPENAPI_FILE = Path(__file__).with_name("openapi.yaml")


@bp.get("/me")
@api_access(None, *Role)
def me():
    """Who the caller is: useful to check a token before wiring an integration."""
    user = g.api_user
    token = g.get("api_token")
    return jsonify(
        login=user.login,
        role=user.role.value,
        merchant=user.merchant.external_id if user.merchant else None,
        scopes=sorted(s.value for s in token.scope_set) if token else None,
    )


@bp.get("/openapi.json")
@public
def openapi():
    """The OpenAPI 3.1 description of this API (no token needed)."""
    return jsonify(openapi_document())


def openapi_document() -> dict[str, Any]:
    """The document as a fresh dict (the parsed file is cached)."""
    return copy.deepcopy(_load_openapi())


@cache
def _load_openapi() -> dict[str, Any]:
    document = yaml.safe_load(OPENAPI_FILE.read_text(encoding="utf-8"))
    schemas = document.get("components", {}).get("schemas", {})
    for name, schema in schemas.items():
        ref = schema.get("$ref") if isinstance(schema, dict) else None
        if isinstance(ref, str) and not ref.startswith("#") and len(schema) == 1:
            schemas[name] = _inline_schema(OPENAPI_FILE.parent / ref, f"#/components/schemas/{name}")
    return document


def _inline_schema(path: Path, pointer: str) -> dict[str, Any]:
    """A JSON Schema file embedded at ``pointer``: its local ``#/...`` references re-rooted there."""
    schema = json.loads(path.resolve().read_text(encoding="utf-8"))
    schema.pop("$id", None)  # keep references resolving inside this document

    def local(key, value) -> bool:
        return key == "$ref" and isinstance(value, str) and value.startswith("#/")

    def rebase(node):
        if isinstance(node, dict):
            return {k: pointer + v[1:] if local(k, v) else rebase(v) for k, v in node.items()}
        if isinstance(node, list):
            return [rebase(item) for item in node]
        return node

    return rebase(schema)
