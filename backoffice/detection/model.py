"""The learned second stage: is a message a violation, and of which of the four categories.

Two calibrated linear models over ``features.matrix`` (which includes the rule stage's hits as
features): p(violation), and p(category | violation). Trained by ``flask --app backoffice detect
train`` on the development corpus's train split (scikit-learn ``LogisticRegression``), calibrated
on the dev split (temperature scaling, folded into the weights), and stored next to the
lexicons as ``rules/models/detector.npz`` (weights of the features that occur, float16 on disk,
float32 in memory) and ``detector.json`` (format, feature version, categories, version, metrics).
The model's version is recorded on every flag it scores.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from scipy.special import expit

from backoffice.detection import features

#: 4: weights stored as float16 (half the file; on dev the probabilities moved by at most 0.0012
#: and no decision at the review threshold changed).
MODEL_FORMAT = 4
CATEGORIES = ("offsite_contact", "ads_spam", "illegal_service", "abuse")
DEFAULT_DIR = Path(__file__).resolve().parents[2] / "rules" / "models"


class ModelError(RuntimeError):
    """The model file is missing, unreadable or of another version; the message says what to do."""


def rule_features(hits) -> list[str]:
    """Named features for the rule stage's hits of one message."""
    out = set()
    for h in hits:
        out.add(f"rule:{h.category}")
        out.add(f"rule:{h.category}:{h.detector}")
        out.add(f"rule:{h.category}:view:{h.view}")
    return sorted(out)


def from_logits(z: np.ndarray) -> np.ndarray:
    """Category probabilities from the two stages' logits: p(violation) x p(category | violation).

    ``z[:, 0]`` is the log-odds of a violation, ``z[:, 1:]`` the categories' logits; the row sums
    of the result are p(violation).
    """
    violation = expit(z[:, 0])
    c = z[:, 1:] - z[:, 1:].max(axis=1, keepdims=True)
    e = np.exp(c)
    return violation[:, None] * e / e.sum(axis=1, keepdims=True)


@dataclass(frozen=True)
class Model:
    version: str
    categories: tuple[str, ...]
    #: (DIM, 1 + len(categories)) float32, dense for lookups: column 0 the log-odds of a violation,
    #: then the categories' logits given a violation (see ``from_logits``)
    weights: np.ndarray
    bias: np.ndarray  # (1 + len(categories),)
    meta: dict

    def probabilities(self, texts: list[str], extra: list[list[str]] | None = None) -> np.ndarray:
        """(len(texts), len(categories)): the calibrated probability of each category."""
        return from_logits(features.logits(texts, self.weights, self.bias, extra))

    def top_features(self, text: str, category: str, extra: list[str] = (), k: int = 3) -> tuple[str, ...]:
        """Up to k readable reasons this message weighs towards "a violation, of ``category``".

        Reasons a reviewer can check against the message: its character n-grams of two or more
        characters (a pinyin or initials feature is shown as the characters it was read from),
        the rule stage's hits and the number shapes, strongest first, without a reason that is
        part of a stronger one.
        """
        j = 1 + self.categories.index(category)
        w = self.weights
        scored = []
        for b, name in features.named(text, extra).items():
            weight = float(w[b, 0] + w[b, j] - w[b, 1:].mean())
            if weight > 0 and features.readable(name):
                scored.append((weight, name))
        out: list[str] = []
        for _, name in sorted(scored, reverse=True):
            if not any(name in kept for kept in out):
                out.append(name)
            if len(out) == k:
                break
        return tuple(out)


def save(directory: Path, categories: tuple[str, ...], weights: np.ndarray, bias: np.ndarray,
         meta: dict) -> Path:
    """Write detector.npz (nonzero rows only) and detector.json; return the npz path."""
    directory.mkdir(parents=True, exist_ok=True)
    rows = np.flatnonzero(np.any(weights != 0, axis=1)).astype(np.int32)
    buf = io.BytesIO()
    with np.errstate(over="ignore"):  # an overflow shows as inf, refused just below
        half = weights[rows].astype(np.float16)
    if not (np.isfinite(half).all() and np.isfinite(bias).all()):
        raise ValueError("a weight does not fit float16 (or is not finite); the model was not written")
    np.savez(buf, rows=rows, weights=half, bias=bias.astype(np.float32))
    data = buf.getvalue()
    digest = hashlib.sha256(data).hexdigest()
    npz = directory / "detector.npz"
    npz.write_bytes(data)
    meta = dict(meta, format=MODEL_FORMAT, features_version=features.FEATURES_VERSION, bits=features.BITS,
                categories=list(categories), sha256=digest,
                version=f"m{MODEL_FORMAT}.{features.FEATURES_VERSION}-{digest[:10]}")
    (directory / "detector.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2, sort_keys=True)
                                             + "\n", encoding="utf-8")
    return npz


def load(directory: Path | str | None = None) -> Model:
    """Load and check the model; raise ModelError with a clear message when it cannot be used."""
    directory = Path(directory) if directory else DEFAULT_DIR
    meta_path, npz_path = directory / "detector.json", directory / "detector.npz"
    hint = ("train one with 'BACKOFFICE_DETECTOR_MODEL=off flask --app backoffice detect train', "
            "or run the rules alone with BACKOFFICE_DETECTOR_MODEL=off")
    if not meta_path.is_file() or not npz_path.is_file():
        raise ModelError(f"detector model not found in {directory} ({hint})")
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"{meta_path}: unreadable ({exc}); {hint}") from exc
    if not isinstance(meta, dict):
        raise ModelError(f"{meta_path}: not a model description; {hint}")
    if meta.get("format") != MODEL_FORMAT or meta.get("features_version") != features.FEATURES_VERSION \
            or meta.get("bits") != features.BITS:
        raise ModelError(
            f"{meta_path}: model format {meta.get('format')}, features {meta.get('features_version')}, "
            f"but this code reads format {MODEL_FORMAT}, features {features.FEATURES_VERSION}; {hint}")
    data = npz_path.read_bytes()
    if hashlib.sha256(data).hexdigest() != meta.get("sha256"):
        raise ModelError(f"{npz_path}: does not match {meta_path.name} (sha256 differs); {hint}")
    try:
        with np.load(io.BytesIO(data)) as z:  # arrays only: np.load refuses pickled objects
            rows, w, bias = z["rows"], z["weights"], z["bias"]
        cats = tuple(meta["categories"])
        version = str(meta["version"])
    except (KeyError, ValueError, OSError, TypeError) as exc:
        raise ModelError(f"{npz_path}: incomplete model ({exc}); {hint}") from exc
    if w.ndim != 2 or w.shape != (len(rows), 1 + len(cats)) or bias.shape != (1 + len(cats),) \
            or (len(rows) and (rows.min() < 0 or rows.max() >= features.DIM)) \
            or w.dtype.kind != "f" or bias.dtype.kind != "f" or not (np.isfinite(w).all() and np.isfinite(bias).all()):
        raise ModelError(f"{npz_path}: weights of shape {w.shape} do not fit {len(cats)} categories "
                         f"or are not all finite; {hint}")
    dense = np.zeros((features.DIM, 1 + len(cats)), dtype=np.float32)
    dense[rows] = w
    return Model(version, cats, dense, bias.astype(np.float32), meta)


@cache
def default_model() -> Model:
    return load()
