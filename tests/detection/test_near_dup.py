"""The near-duplicate signatures behind mass sending (detection/near_dup.py)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from backoffice.detection.near_dup import band_keys, signature, similarity

texts = st.text(alphabet="加微信领优惠券新店开业限时三天设计报价0123456789abc!，", min_size=8, max_size=60)


@settings(max_examples=60, deadline=None)
@given(texts, texts)
def test_similarity_is_symmetric_bounded_and_one_on_itself(a, b):
    sa, sb = signature(a), signature(b)
    if sa is None or sb is None:
        return
    assert similarity(sa, sa) == 1.0
    assert similarity(sa, sb) == similarity(sb, sa)
    assert 0.0 <= similarity(sa, sb) <= 1.0
    assert band_keys(sa) == band_keys(signature(a))  # the same text always lands in the same buckets


def test_short_texts_are_not_signed():
    assert signature("好的") is None
    assert signature("在的亲") is None
