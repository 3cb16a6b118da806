"""Near-duplicate texts: MinHash signatures of character shingles, cut into bands for a database index.

Chinese chat has no word boundaries, so a text is read as its character 2-grams after the detector's
normalisation (simplified, half-width, lower case, separators removed): "加微信领优惠" and
"加 微 信 领 优 惠!" are one text. The signature (datasketch ``MinHash``, 64 permutations) estimates
the Jaccard similarity of two texts' shingle sets; its bands (21 of 3 values) are the keys of an
LSH index kept in the database, so that any ingesting process finds a merchant's earlier look-alike
messages by an indexed lookup. The bands are fixed, independent of the operator's similarity
threshold: they only gather candidates (two texts of similarity 0.6 share a band with probability
1 - (1 - 0.6^3)^21 = 0.994, at 0.5 still 0.94), and the threshold is applied to the signatures.
2-grams rather than 3-grams: one changed character in a 25-character advertisement (券/劵, 三/3)
costs two shingles instead of three, and templated variants stay above 0.6.
"""

from __future__ import annotations

import hashlib

import numpy as np
from datasketch import MinHash

from backoffice.detection.normalize import normalize

NUM_PERM = 64
BANDS, ROWS = 21, 3
SHINGLE = 2
#: Shorter texts (after normalisation) are not signed: "好的", "在的亲" say nothing about advertising.
MIN_CHARS = 8


def shingles(text: str) -> set[bytes]:
    """The character 2-grams of the normalised text."""
    folded = normalize(text)
    return {folded[i:i + SHINGLE].encode("utf-8") for i in range(max(len(folded) - SHINGLE + 1, 0))}


def signature(text: str) -> bytes | None:
    """The MinHash signature of ``text`` as bytes, or None for a text too short to compare."""
    if len(normalize(text)) < MIN_CHARS:
        return None
    sketch = MinHash(num_perm=NUM_PERM, seed=1)
    sketch.update_batch(sorted(shingles(text)))
    return sketch.hashvalues.astype("<u8").tobytes()


def band_keys(sig: bytes) -> list[int]:
    """One signed 64-bit key per band (the band's number is hashed in: equal values in two bands differ)."""
    values = np.frombuffer(sig, dtype="<u8")
    keys = []
    for band in range(BANDS):
        chunk = values[band * ROWS:(band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(bytes([band]) + chunk, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
    return keys


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of the two signed texts (0..1)."""
    return float(np.mean(np.frombuffer(a, dtype="<u8") == np.frombuffer(b, dtype="<u8")))
