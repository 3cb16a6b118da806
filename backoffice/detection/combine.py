"""Rules and model, one score per category.

For every merchant message the model gives a calibrated probability for each category it knows
(its inputs include the rule stage's hits, so a rule hit raises the score and a refusal or a
warning around the same words lowers it). A category is flagged when its score reaches the
platform's review threshold:

- the rule hits of that category become flags carrying the score (their spans show the reviewer
  what matched);
- with no rule hit, the model raises one flag over the whole message (``detector="model"``);
- rule hits of a category the model scores below the threshold are dropped.

Categories the model does not know (late replies, prohibited content) keep the rule stage's
hits with their confidence as score. Without a model, every rule hit stays (the rule-only path).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import numpy as np

from backoffice.detection.features import model_view
from backoffice.detection.model import Model, rule_features
from backoffice.detection.scanner import Hit, Scanner

DEFAULT_REVIEW_THRESHOLD = 0.5
#: A second category the rules hit in a message that is surely a violation is flagged too when
#: the model gives it at least this share of the violation's probability.
SECONDARY = 0.05
#: A message the model flags with no rule hit must have this many characters (folded, without
#: separators): two-character replies carry too little to judge, and the model's bias shows.
MIN_CHARS = 4
#: Messages longer than this (characters) are also scored clause by clause (see ``by_clause``).
LONG_MESSAGE = 40
_DIGITS = re.compile(r"[0-9]")
_CLAUSE_RE = re.compile(r"[。！？!?；;\n]+")
#: Structured contact detectors whose hits stand on their own: a phone number, QQ number, WeChat
#: id, e-mail address or link that survived the context rules was a violation in 98.3-100% of the
#: corpus's train and dev rows (eval/corpus, 2026-12-06), more often than the model says when the
#: rest of the message is friendly chat. Their confidence is a floor under the category's score.
STANDALONE = frozenset({"phone", "qq_number", "wechat_id", "email", "url", "phone_split", "qq_split"})
#: In a conversation (two or more merchant messages read together), a category that no rule found
#: in the message needs this score from the model alone. Each merchant message is another chance
#: for the model to be over-sure of a category on text unlike its training ("查到了，两笔都冻结成功"
#: read as an illegal offer at 0.74 in a car-rental chat), and a conversation counts as right only
#: with exactly its categories. On the corpus's dev conversations, with a model fitted on train
#: alone (m3.3-841124be71, eval/corpus 2026-12-07): 92/110 right at the review threshold, 95 at
#: 0.65, 99 at 0.75, 96 at 0.85 (nine mended, mostly a stray second category; two lost). A single
#: message, read alone, keeps the review threshold.
CONVERSATION_MODEL_ONLY = 0.75


class Scored:
    """A hit with the combined score, the model version and the model's reasons."""

    __slots__ = ("hit", "score", "model_version", "features")

    def __init__(self, hit: Hit, score: float | None, model_version: str | None, features: tuple[str, ...]):
        self.hit, self.score, self.model_version, self.features = hit, score, model_version, features


def combine(texts: Sequence[str], hits: Sequence[list[Hit]], model: Model | None,
            review: Mapping[str, float] | None = None, model_only: float = 0.0) -> list[list[Scored]]:
    """Scored hits per message (same order as ``texts``); ``model_only``: the score a category
    the rules did not find in a message needs (see CONVERSATION_MODEL_ONLY)."""
    if model is None:
        return [[Scored(h, None, None, ()) for h in hs] for hs in hits]
    extra = [rule_features(hs) for hs in hits]
    probs = by_clause(model, texts, extra, model.probabilities(list(texts), extra)) if texts else []
    return [_one(text, hs, ex, p, model, review or {}, model_only=model_only)
            for text, hs, ex, p in zip(texts, hits, extra, probs, strict=True)]


def scan_texts(scanner: Scanner, model: Model, texts: Sequence[str],
               review: Mapping[str, float] | None = None, chunk: int = 20_000,
               explain: bool = True) -> list[tuple[int, list[Scored]]]:
    """(index, scored hits) of the flagged messages only: the rule stage's batch pass, then the
    model over every message in chunks. ``explain=False`` leaves the model's reasons out (about
    0.6 ms per flagged message), for bulk scoring whose flags are explained when stored."""
    review = review or {}
    rule_hits = dict(scanner.scan_texts(list(texts)))
    limits = np.array([review.get(c, DEFAULT_REVIEW_THRESHOLD) for c in model.categories])
    known = set(model.categories)
    out = []
    for lo in range(0, len(texts), chunk):
        part = texts[lo:lo + chunk]
        hs = [rule_hits.get(lo + k, []) for k in range(len(part))]
        extra = [rule_features(h) if h else [] for h in hs]
        probs = by_clause(model, part, extra, model.probabilities(list(part), extra))
        for k in sorted(set(np.flatnonzero(probs.sum(axis=1) >= limits.min()).tolist())
                        | {k for k, h in enumerate(hs)
                           if any(x.category not in known or x.detector in STANDALONE for x in h)}):
            scored = _one(part[k], hs[k], extra[k], probs[k], model, review, explain)
            if scored:
                out.append((lo + k, scored))
    return out


def by_clause(model: Model, texts: Sequence[str], extra: Sequence[list[str]],
              probs: np.ndarray) -> np.ndarray:
    """Long messages also scored clause by clause; a clause surer of a violation raises each
    category to what the clause gives it.

    The corpus's messages are short (median 21 characters): a plain violation behind a long,
    friendly preamble otherwise drowns in it. Each clause carries the message's rule features.
    The clause never takes away what the whole message shows: "想学后期的话我们有个付费群，进群加QQ
    2837465190" is an ad by the whole and off-platform contact by its last clause.
    """
    long = [i for i, t in enumerate(texts) if len(t) > LONG_MESSAGE]
    if not long:
        return probs
    owners, clauses, clause_extra = [], [], []
    for i in long:
        for clause in _CLAUSE_RE.split(texts[i]):
            if substantial(clause):
                owners.append(i)
                clauses.append(clause)
                clause_extra.append(extra[i])
    if not clauses:
        return probs
    probs = probs.copy()
    for i, row in zip(owners, model.probabilities(clauses, clause_extra), strict=True):
        if row.sum() > probs[i].sum():
            probs[i] = np.maximum(row, probs[i])
    return probs


def floors(hits: Sequence[Hit]) -> dict[str, float]:
    """category -> the highest confidence of its standalone hits (see STANDALONE)."""
    out: dict[str, float] = {}
    for h in hits:
        if h.detector in STANDALONE:
            out[h.category] = max(out.get(h.category, 0.0), h.confidence)
    return out


def decide(p, rule_categories: set[str], categories: Sequence[str], review: Mapping[str, float],
           floor: Mapping[str, float] | None = None, model_only: float = 0.0) -> dict[str, float]:
    """category -> score for the categories to flag, from one message's probabilities ``p``.

    A category whose own probability reaches its threshold is flagged with it. A standalone
    hit's confidence is a floor under its category's score (``floor``, see STANDALONE). When no
    category reaches its threshold but the rules hit the message and the message is a violation
    of *some* kind with that confidence (p(violation), the sum of the categories'
    probabilities), the likeliest category the rules hit is flagged: the model often hesitates
    between two categories ("另外我们还接有偿删帖，价格好说": contact or illegal?) while being sure
    the message breaks a rule. Such a flag, and a second category the rules hit in a message
    surely breaking another rule, score only what their category earns on its own, raised to the
    review threshold: they reach a reviewer but never an automatic measure by the other
    category's certainty ("微信支付，你个蠢货" is abuse, not a demotion for contact). A category
    with neither a rule hit nor a floor needs at least ``model_only``.
    """
    floor = floor or {}
    score = {c: max(float(p[j]), floor.get(c, 0.0)) for j, c in enumerate(categories)}
    chosen = {c: v for c, v in score.items() if v >= review.get(c, DEFAULT_REVIEW_THRESHOLD)
              and (v >= model_only or c in rule_categories or c in floor)}
    total = float(sum(p))
    if chosen:
        # a message that surely breaks a rule also breaks the others the rules found in it, unless
        # the model all but rules them out (below SECONDARY of its certainty: with m3.3-23d5468210,
        # "刷单返利，加我薇信abc123" gave illegal service 0.03 of 0.99 and was flagged as contact only)
        for j, c in enumerate(categories):
            limit = review.get(c, DEFAULT_REVIEW_THRESHOLD)
            if c in rule_categories and c not in chosen and p[j] >= SECONDARY * total and total >= limit:
                chosen[c] = max(score[c], limit)
        return chosen
    pool = [j for j, c in enumerate(categories) if c in rule_categories]
    if not pool:  # without any rule hit, the model must be sure of one category on its own
        return {}
    best = max(pool, key=lambda j: p[j])
    cat = categories[best]
    limit = review.get(cat, DEFAULT_REVIEW_THRESHOLD)
    return {cat: max(score[cat], limit)} if total >= limit else {}


def substantial(text: str) -> bool:
    """Whether a message says enough for the model to flag it alone ("你是", "加我" do not)."""
    return len(model_view(text)) >= MIN_CHARS


def _term(reasons: Sequence[str]) -> str:
    """A model flag's term (its strongest reason) as the dashboard counts it, never a handle the
    message wrote (``token:``): contact details stay out of the term, which retention keeps."""
    return next((r for r in reasons if not r.startswith("token:")), "")[:64]


def _one(text: str, hs: list[Hit], extra: list[str], p, model: Model, review: Mapping[str, float],
         explain: bool = True, model_only: float = 0.0) -> list[Scored]:
    row: list[Scored] = []
    for cat, score in decide(p, {h.category for h in hs}, model.categories, review, floors(hs),
                             model_only).items():
        score = round(score, 4)
        reasons = model.top_features(text, cat, extra) if explain else ()
        mine = [h for h in hs if h.category == cat]
        row.extend(Scored(h, score, model.version, reasons) for h in mine)
        if not mine and substantial(text):
            row.append(Scored(Hit(cat, 0, len(text), text, "model", _term(reasons), score, "model"),
                              score, model.version, reasons))
    known = set(model.categories)
    row.extend(Scored(h, h.confidence, None, ()) for h in hs if h.category not in known)
    row.sort(key=lambda s: (s.hit.start, s.hit.end, s.hit.category))
    return row


def joined_runs(items: Sequence[tuple[int, object, str]], flagged: Mapping[int, set[str]], model: Model,
                review: Mapping[str, float] | None = None, window_seconds: float = 120,
                max_messages: int = 4, model_only: float = 0.0) -> list[tuple[int, int, Scored]]:
    """Violations only visible when a merchant's consecutive messages are read together.

    ``items``: (message_index, sent_at, text) of the merchant's messages in order; ``flagged``:
    message_index -> categories already flagged there. For each message, the run of up to
    ``max_messages`` merchant messages ending at it (adjacent in the conversation, within
    ``window_seconds`` of the run's first) is scored as one text ("v" / "信" / "zhang_88").
    A category that reaches its threshold and that no message of the run has yet is flagged on
    the run's last message. Returns (message_index, first message of the run, scored).
    """
    review = review or {}
    runs = []
    for b in range(1, len(items)):
        a = b
        while a > 0 and b - a + 1 < max_messages and items[a - 1][0] == items[a][0] - 1:
            t0, t1 = items[a - 1][1], items[b][1]
            if t0 is not None and t1 is not None and (t1 - t0).total_seconds() > window_seconds:
                break
            a -= 1
        if a < b:
            runs.append((a, b))
    if not runs:
        return []
    joined = ["".join(items[k][2] for k in range(a, b + 1)) for a, b in runs]
    probs = model.probabilities(joined)
    out: list[tuple[int, int, Scored]] = []
    seen = {k: set(v) for k, v in flagged.items()}
    for (a, b), text, p in zip(runs, joined, probs, strict=True):
        idx = items[b][0]
        if not substantial(_DIGITS.sub("", text)):
            continue  # bare numbers in pieces are the split detectors' to judge, with their context
        for cat, score in decide(p, set(), model.categories, review, model_only=model_only).items():
            score = round(score, 4)
            if any(cat in seen.get(items[k][0], ()) for k in range(a, b + 1)):
                continue  # a message of this run already carries the category
            seen.setdefault(idx, set()).add(cat)
            reasons = model.top_features(text, cat)
            last = items[b][2]
            hit = Hit(cat, 0, len(last), last, "model", _term(reasons), score, "joined")
            out.append((idx, items[a][0], Scored(hit, score, model.version, reasons)))
    return out
