"""Train the learned stage: ``flask --app backoffice detect train``.

Reproducible: the corpus rows are read in file order, the rule stage is deterministic, and
scikit-learn's lbfgs logistic regression with a fixed ``random_state`` gives the same weights for
the same rows, so the same corpus and seed write the same model bytes.

- two logistic regressions: violation or harmless (harmless rows weighted up to balance the
  corpus; features NB-scaled), and which category given a violation (multinomial: the
  categories compete, so an ad is not also called an illegal offer unless the text says both);
- fit on the ``train`` split (plus any extra labelled rows, e.g. reviewers' feedback);
- choose each one's regularisation on the ``dev`` split (log loss);
- calibrate each on ``dev`` by temperature scaling, folded into the weights;
- never read the ``test`` split.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.optimize import minimize_scalar
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, log_loss

from backoffice.detection import features, model
from backoffice.detection.scanner import Scanner

C_GRID = (0.125, 0.25, 0.5, 1.0, 2.0)
CATEGORY_C_SHIFT = 8
DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "eval" / "corpus" / "messages.jsonl"
#: The corpus's short conversations: the merchant's messages of the harmless ones are harmless rows.
DEFAULT_CONVERSATIONS = Path(__file__).resolve().parents[2] / "eval" / "corpus" / "conversations.jsonl"
#: The first, smaller evaluation set (all of it training data now; its rows carry no split).
LEGACY_CORPUS = Path(__file__).resolve().parents[2] / "eval" / "messages.jsonl"


def read_rows(paths: Iterable[Path]) -> list[dict]:
    rows = []
    for path in paths:
        for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            row = json.loads(line)
            if not isinstance(row.get("text"), str) or not isinstance(row.get("labels"), list):
                raise ValueError(f"{path}:{n}: a row needs 'text' (string) and 'labels' (list)")
            rows.append(row)
    return rows


def conversation_rows(path: Path) -> list[dict]:
    """The merchant's messages of the harmless conversations, as harmless rows of their split.

    Ordinary replies in a chat ("好的 下单时备注名字就行", "您稍等") are what a live conversation is
    mostly made of, and what single-message families under-represent. A violation conversation's
    label belongs to the conversation, not to each message, so its messages are not used.
    """
    rows = []
    for conv in read_conversations(path):
        if conv.get("labels") or conv.get("split") == "test":
            continue
        for m in conv["messages"]:
            if m.get("sender_role") == "merchant" and (m.get("text") or "").strip():
                rows.append({"text": m["text"], "labels": [], "split": conv.get("split", "train")})
    return rows


def read_conversations(path: Path) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def extra_rows(rows: list[dict]) -> list[dict]:
    """Extra labelled rows (e.g. ``detect export-feedback``) ready for training: all in the train
    split, one per distinct text and labels (the export writes a row per flag, and a message
    can carry several), and none from a flag raised on messages read together (``view`` "joined":
    the single message holds only a piece of the evidence)."""
    out, seen = [], set()
    for r in rows:
        key = (r["text"], tuple(sorted(r["labels"])))
        if r.get("view") == "joined" or key in seen:
            continue
        seen.add(key)
        out.append(dict(r, split="train"))
    return out


def design(rows: list[dict], scanner: Scanner):
    """Feature rows and class labels: 0 for harmless, 1 + the category's index otherwise.

    A row with two categories appears once per category (the softmax shares its mass)."""
    texts, extra, labels = [], [], []
    for r in rows:
        feats = model.rule_features(scanner.hits(r["text"]))
        for label in [c for c in r["labels"] if c in model.CATEGORIES] or [None]:
            texts.append(r["text"])
            extra.append(feats)
            labels.append(0 if label is None else 1 + model.CATEGORIES.index(label))
    return features.matrix(texts, extra), np.array(labels)


def _logistic(c: float, seed: int, class_weight) -> LogisticRegression:
    return LogisticRegression(C=c, max_iter=5000, random_state=seed, class_weight=class_weight)


def _fit_best(x, y, x_dev, y_dev, c_grid, seed, class_weight, log, name):
    """The logistic regression of the grid's C with the best dev log loss."""
    best = None
    for c in c_grid:
        clf = _logistic(c, seed, class_weight).fit(x, y)
        loss = log_loss(y_dev, clf.predict_proba(x_dev), labels=clf.classes_)
        log(f"{name}: C={c} dev log loss {loss:.4f}")
        if best is None or loss < best[0] - 1e-9:
            best = (loss, c, clf)
    return best[1], best[2]


def _nb_scale(x, positive: np.ndarray) -> np.ndarray:
    """|log ratio| of each feature's share among positive and negative rows (add-one smoothed)."""
    present = x.copy()
    present.data[:] = 1
    p = np.asarray(present[positive].sum(axis=0)).ravel() + 1.0
    q = np.asarray(present[~positive].sum(axis=0)).ravel() + 1.0
    return np.abs(np.log((p / p.sum()) / (q / q.sum())))


def _nb_scale_classes(x, y: np.ndarray, classes) -> np.ndarray:
    """The largest |log ratio| of each feature over the classes, each class against the others."""
    return np.max([_nb_scale(x, y == k) for k in classes], axis=0)


def _two_columns(decision: np.ndarray) -> np.ndarray:
    """A binary model's decision values as two logits (harmless 0, violation f)."""
    return np.column_stack([np.zeros_like(decision), decision])


def _ranking_quality(z: np.ndarray, y: np.ndarray) -> float:
    """Mean average precision on dev from logits ``z``: each category, and "any violation"."""
    p = model.from_logits(z)
    aps = [average_precision_score(y == k + 1, p[:, k]) for k in range(p.shape[1]) if (y == k + 1).any()]
    aps.append(average_precision_score(y != 0, p.sum(axis=1)))
    return float(np.mean(aps))


def _temperature(logits: np.ndarray, y: np.ndarray) -> float:
    """The temperature that minimises the dev split's log loss (Guo et al. 2017)."""
    def loss(t: float) -> float:
        z = logits / t
        z = z - z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        return -float(logp[np.arange(len(y)), y].mean())

    return float(minimize_scalar(loss, bounds=(0.05, 20.0), method="bounded").x)


def _balance(bad: np.ndarray) -> dict:
    """Harmless rows weigh as much as all violations together: the corpus holds more violations
    than harmless rows, while real chat is mostly harmless."""
    return {False: max(1.0, bad.sum() / max(1, (~bad).sum())), True: 1.0}


def _category_scale(x, y: np.ndarray) -> np.ndarray:
    bad = y != 0
    return _nb_scale_classes(x[bad], y[bad], range(1, 1 + len(model.CATEGORIES)))


def _weights(used, binary, cats, nb, nb_cat, t_bin: float, t_cat: float) -> tuple[np.ndarray, np.ndarray]:
    """The stored weights: column 0 the log-odds of a violation, columns 1.. the categories'
    logits given a violation; the NB scales and the temperatures folded in."""
    w = np.zeros((features.DIM, 1 + len(model.CATEGORIES)), dtype=np.float32)
    w[used, 0] = binary.coef_[0] * nb / t_bin
    w[used, 1:] = cats.coef_.T * nb_cat[:, None] / t_cat
    bias = np.concatenate([binary.intercept_ / t_bin, cats.intercept_ / t_cat]).astype(np.float32)
    return w, bias


#: A bucket gets a weight only when at least this many rows of the training design hold it (a
#: message with two categories is two design rows, see ``design``, so its buckets pass). A bucket of
#: one row is mostly that row's slot values and one-off spellings: on dev (2026-12-08, train-only
#: models) dropping them gave recall 0.885 / precision 0.919 / 126 of 138 conversations against
#: 0.887 / 0.916 / 127, with a third fewer weights (4.4 MB -> 3.1 MB).
MIN_ROWS = 2


def _in_use(x) -> np.ndarray:
    """The buckets (columns of ``x``) present in at least MIN_ROWS rows (not occurrences: a word
    written twice in one message is one row)."""
    return np.flatnonzero(np.asarray((x > 0).sum(axis=0)).ravel() >= MIN_ROWS)


def _refit(x, y: np.ndarray, c_bin: float, c_cat: float, seed: int):
    """Both stages fit on ``x`` with the chosen regularisation: (used columns, binary, categories,
    NB scale, category NB scale)."""
    used = _in_use(x)
    x = x[:, used]
    bad = y != 0
    nb, nb_cat = _nb_scale(x, bad), _category_scale(x, y)
    binary = _logistic(c_bin, seed, _balance(bad)).fit(x.multiply(nb).tocsr(), bad)
    cats = _logistic(c_cat, seed, None).fit(x[bad].multiply(nb_cat).tocsr(), y[bad] - 1)
    return used, binary, cats, nb, nb_cat


def train(rows: list[dict], out_dir: Path, seed: int = 20261206, scanner: Scanner | None = None,
          log=print, c_grid: tuple[float, ...] = C_GRID, refit: bool = True) -> dict:
    """Fit on train, pick C and the temperature on dev, write the model; return its metadata.

    With ``refit`` (the default) the written model is then fit once more on train and dev
    together, with the C and the temperatures chosen on dev: a fifth more families to learn
    from, and the test split still unseen. The dev figures of such a model are no longer
    held out; its ``dev_mean_average_precision`` is the train-only model's.
    """
    scanner = scanner or Scanner()
    rows = [r for r in rows if r.get("split", "train") != "test"]  # the held-out split stays unseen
    fit_rows = [r for r in rows if r.get("split", "train") == "train"]
    dev_rows = [r for r in rows if r.get("split") == "dev"]
    if not fit_rows or not dev_rows:
        raise ValueError("training needs rows of the 'train' and the 'dev' split")
    x_all_fit, y_fit = design(fit_rows, scanner)
    x_all_dev, y_dev = design(dev_rows, scanner)
    # Only buckets held by at least MIN_ROWS training rows get a weight (the others stay zero):
    # solve over those columns alone, a hundred thousand instead of a million, then put them back.
    used = _in_use(x_all_fit)
    x_fit, x_dev = x_all_fit[:, used], x_all_dev[:, used]
    if set(np.unique(y_fit)) != set(range(1 + len(model.CATEGORIES))):
        raise ValueError("the train split needs harmless rows and rows of every category "
                         f"({', '.join(model.CATEGORIES)})")
    # Stage 1: violation or not, harmless rows weighted up (see _balance).
    bad_fit, bad_dev = y_fit != 0, y_dev != 0
    # Each feature scaled by how unevenly it falls on violations and harmless rows (NB-weighted
    # logistic regression, Wang & Manning 2012): on the dev split it lifted recall at precision
    # 0.95 from 0.916 to 0.953. The scale is folded into the stored weights.
    nb = _nb_scale(x_fit, bad_fit)
    xs_fit, xs_dev = x_fit.multiply(nb).tocsr(), x_dev.multiply(nb).tocsr()
    c_bin, binary = _fit_best(xs_fit, bad_fit, xs_dev, bad_dev, c_grid, seed, _balance(bad_fit), log,
                              "violation")
    t_bin = _temperature(_two_columns(binary.decision_function(xs_dev)), bad_dev.astype(int))
    # Stage 2: which category, given a violation (a row with two categories counts for both).
    # NB-scaled too, each feature by how unevenly it falls on one category against the others:
    # on dev, category accuracy 0.886 -> 0.900 and log loss 0.345 -> 0.308 (2026-12-07). Scaled
    # features are larger, so the grid is shifted down (C / CATEGORY_C_SHIFT). The categories are
    # not weighted by size: on dev (2026-12-07) "balanced" weights gained 0.010 recall but cost
    # 0.003 precision, a conversation, and the illegal services' automatic precision (0.976 < 0.98).
    nb_cat = _category_scale(x_fit, y_fit)
    xc_fit, xc_dev = x_fit[bad_fit].multiply(nb_cat).tocsr(), x_dev[bad_dev].multiply(nb_cat).tocsr()
    c_cat, cats = _fit_best(xc_fit, y_fit[bad_fit] - 1, xc_dev, y_dev[bad_dev] - 1,
                            tuple(c / CATEGORY_C_SHIFT for c in c_grid), seed, None, log, "category")
    t_cat = _temperature(np.asarray(cats.decision_function(xc_dev)), y_dev[bad_dev] - 1)
    log(f"temperatures: violation {t_bin:.3f}, category {t_cat:.3f}; {len(used)} features in use")
    w, bias = _weights(used, binary, cats, nb, nb_cat, t_bin, t_cat)
    quality = _ranking_quality(np.asarray(x_dev @ w[used]) + bias, y_dev)
    log(f"dev mean average precision {quality:.4f}")
    if refit:
        fitted = _refit(sparse.vstack([x_all_fit, x_all_dev]).tocsr(), np.concatenate([y_fit, y_dev]),
                        c_bin, c_cat, seed)
        w, bias = _weights(*fitted, t_bin, t_cat)
        log(f"refit on train and dev: {len(fitted[0])} features in use")
    corpus_hash = hashlib.sha256(json.dumps([[r["text"], r["labels"], r.get("split")] for r in rows],
                                            ensure_ascii=False).encode()).hexdigest()
    meta = {"seed": seed, "C": {"violation": c_bin, "category": c_cat},
            "temperature": {"violation": round(t_bin, 4), "category": round(t_cat, 4)},
            "dev_mean_average_precision": round(quality, 4), "fit_on": "train+dev" if refit else "train",
            "rows": {"train": len(fit_rows), "dev": len(dev_rows)}, "corpus_sha256": corpus_hash,
            "min_rows": MIN_ROWS}
    path = model.save(out_dir, model.CATEGORIES, w, bias, meta)
    log(f"wrote {path} ({path.stat().st_size / 1e6:.2f} MB)")
    return json.loads((out_dir / "detector.json").read_text(encoding="utf-8"))
