"""The learned stage: features, training, loading, combination with the rules."""

from __future__ import annotations

import hashlib
import io
import json
import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backoffice import create_app
from backoffice.detection import features, model, train
from backoffice.detection.combine import CONVERSATION_MODEL_ONLY, by_clause, combine, decide, joined_runs
from backoffice.detection.conversation import scan_conversation
from backoffice.detection.scanner import Hit


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("加我微信vx0123456789 ，。!?🐧亻言abcQQ扣")), max_size=30))
def test_numpy_and_python_hashes_agree(text):
    """The batch featuriser and the per-message explainer name the same buckets."""
    x = features.matrix([text, "另一条消息"])
    assert set(x[0].indices.tolist()) == set(features.named(text))


def test_character_ngrams_do_not_care_about_direction():
    fwd = features.matrix(["加我微信"])[0]
    rev = features.matrix(["信微我加"])[0]
    c_buckets = {b for b, name in features.named("加我微信").items() if features.is_ngram(name)}
    assert c_buckets <= set(rev.indices.tolist())
    assert c_buckets <= set(fwd.indices.tolist())


def test_pinyin_view_meets_typed_pinyin():
    """微信, 薇信 and a typed "weixin" share their pinyin features."""
    buckets = {t: set(features.matrix([t])[0].indices.tolist()) for t in ("微信", "薇信", "weixin", "你好")}
    assert len(buckets["微信"] & buckets["weixin"]) >= 3
    assert len(buckets["薇信"] & buckets["weixin"]) >= 3
    assert not buckets["你好"] & buckets["weixin"]


def test_explanations_name_the_message_s_own_characters():
    names = set(features.named("加我薇信").values())
    assert "pinyin:薇信" in names  # a pinyin feature is named by the characters it was read from
    assert {"加我", "我薇", "薇信"} <= names


def test_letters_inside_a_handle_are_named_by_the_handle():
    """ "sh" out of "shancheng_design88" tells a reviewer nothing; the handle does. "vx" alone stays "vx"."""
    names = set(features.named("找我shancheng_design88，加vx").values())
    assert "token:shancheng_design88" in names  # as the message wrote it, not as the model reads it
    assert not {"sh", "ha", "g8", "initials:sh", "pinyin:shan"} & names
    assert "vx" in names
    assert "加v" in names  # an n-gram across the Chinese and the Latin is the message's own characters
    assert "token:vx：Shancheng_Design88" in set(features.named("加个薇信吧，vx：Shancheng_Design88").values())


@pytest.mark.parametrize(("text", "tokens"), [
    ("加vx", set()),  # a run read whole keeps its own name; single letters are never a run's
    ("Hi 加我vx", set()),
    ("价格100元，电话13812345678", set()),  # digits are the number features' to name
    ("please add me on WeChat shancheng_design88", {"token:please", "token:WeChat", "token:add",
                                                    "token:shancheng_design88"}),  # words, not a sentence
    ("ｓｈａｎ＿ｃｈｅｎｇ８８好", {"token:ｓｈａｎ＿ｃｈｅｎｇ８８"}),
    ("a" * 40 + "好", set()),  # too long for a handle
])
def test_only_letters_inside_a_longer_run_take_the_run_s_name(text, tokens):
    assert {n for n in features.named(text).values() if n.startswith("token:")} == tokens


def test_two_runs_spelled_alike_keep_their_own_places():
    named = features.named("abcd微abcd")
    assert "d微" in named.values()  # crosses from one run into the next: the message's characters
    assert "token:abcd" in named.values()


def test_a_model_flag_s_term_is_never_a_handle():
    from backoffice.detection.combine import _term

    assert _term(("token:lily_520", "加我", "vx")) == "加我"
    assert _term(("token:lily_520",)) == ""


@pytest.mark.parametrize(("text", "shapes"), [
    ("执行GB 4806.7-2016标准", {"num:decimal", "num:year", "num:code-year", "num:dash", "num:9-10"}),
    ("ISO 9001:2015认证", {"num:code-year", "num:year", "num:5-8"}),
    ("版本10.20.2", {"num:decimal", "num:dotted", "num:5-8"}),
    ("男性占比５６．３％", {"num:decimal", "num:percent", "num:1-3"}),
    ("¥120元两件", {"num:currency", "num:unit", "num:1-3"}),
    ("加我 138-1234-5678", {"num:dash", "num:11", "num:mobile"}),
    ("扣扣 123456789", {"num:9-10"}),
    ("138****5678", {"num:masked", "num:5-8"}),
])
def test_numbers_are_read_by_how_they_are_written(text, shapes):
    """A standard's number reads as 9 digits once its punctuation is dropped; how it was written
    (decimal point, year, code and year) is a feature of its own, on the batch path and in the
    explanations alike."""
    named = {name for name in features.named(text).values() if name.startswith("num:")}
    assert named == shapes
    assert {b for b, name in features.named(text).items() if name.startswith("num:")} <= set(
        features.matrix(["前一条", text])[1].indices.tolist())


_EXAMPLES = {
    None: ["您好，稿子今天下午发您", "收到，我们马上改", "发票已经开好了", "谢谢亲的耐心"],
    "offsite_contact": ["加我微信{}详聊", "打我电话{}", "vx {} 私聊", "扣扣{}发文件"],
    "ads_spam": ["招兼职日结{}元", "进群领券{}张", "低息贷款{}万秒批"],
    "illegal_service": ["刷单返佣{}元", "有偿删帖{}元一条", "好评返现{}元"],
    "abuse": ["你个蠢货{}", "再差评我就去你家{}楼", "滚吧你{}"],
}


def _rows(n: int, seed: int = 1) -> list[dict]:
    r = random.Random(seed)  # noqa: S311 - test data, not secrets
    kinds = list(_EXAMPLES)
    rows = []
    for i in range(n):
        kind = kinds[i % len(kinds)]
        text = r.choice(_EXAMPLES[kind])
        text = text.format(r.randint(10**9, 10**10)) if kind else text + str(i)
        split = "dev" if i % 3 == 2 else "train"
        rows.append({"text": text, "labels": [kind] if kind else [], "split": split})
    # Two test rows share 绝不 (in no other row): a leak would give it a weight (MIN_ROWS is 2).
    rows.append({"text": "这一行是测试集，训练绝不能读到它", "labels": ["abuse"], "split": "test"})
    rows.append({"text": "测试集里也说绝不", "labels": ["abuse"], "split": "test"})
    return rows


def _train(rows, out, seed=7):
    return train.train(rows, out, seed=seed, log=lambda *_: None, c_grid=(1.0,))


@pytest.fixture(scope="module")
def small_model(tmp_path_factory):
    out = tmp_path_factory.mktemp("model")
    return _train(_rows(120), out), out


def test_training_is_deterministic_and_never_reads_the_test_split(small_model, tmp_path):
    a, a_dir = small_model
    b = _train(_rows(120), tmp_path)
    assert (a_dir / "detector.npz").read_bytes() == (tmp_path / "detector.npz").read_bytes()
    assert a["version"] == b["version"]
    assert a["rows"] == {"train": 80, "dev": 40}  # the test row was not read
    m = model.load(a_dir)
    p = m.probabilities(["加我微信1234567890详聊", "稿子今天下午发您"])
    j = m.categories.index("offsite_contact")
    assert p[0, j] > 0.5 > p[1, j]


def test_the_written_model_is_refit_on_train_and_dev_with_what_dev_chose(tmp_path):
    """C and the temperatures are chosen on dev; the model written then learns from dev's rows
    too (a phrase only dev holds gets a weight), still without the test row."""
    rows = _rows(120) + [{"text": t, "labels": ["abuse"], "split": "dev"}
                         for t in ("只在开发集出现的骗子暗号蘑菇", "开发集的第二行也说蘑菇")]
    refit = train.train(rows, tmp_path / "refit", seed=7, log=lambda *_: None, c_grid=(0.5, 1.0))
    held = train.train(rows, tmp_path / "held", seed=7, log=lambda *_: None, c_grid=(0.5, 1.0), refit=False)
    assert refit["fit_on"] == "train+dev"
    assert held["fit_on"] == "train"
    assert refit["C"] == held["C"]
    refit_w, held_w = model.load(tmp_path / "refit").weights, model.load(tmp_path / "held").weights
    buckets = [b for b, name in features.named("蘑菇").items() if name == "蘑菇"]
    assert buckets
    assert np.any(refit_w[buckets] != 0)
    assert not np.any(held_w[buckets] != 0)
    # The test row's own words ("绝不" is in no other row) get no weight in either model.
    never = [b for b, name in features.named("绝不").items() if name == "绝不"]
    assert never
    assert not np.any(refit_w[never] != 0)
    assert not np.any(held_w[never] != 0)


def test_a_bucket_held_by_a_single_training_row_gets_no_weight(tmp_path):
    """MIN_ROWS: one row's one-off spelling (鹦鹉) teaches nothing; two rows' (河马) does."""
    assert train.MIN_ROWS == 2
    extra = [{"text": t, "labels": ["abuse"], "split": "train"}
             for t in ("你这个鹦鹉脑子的鹦鹉蠢货", "河马一样的蠢货", "蠢得像河马")]  # rows, not occurrences
    _train(_rows(120) + extra, tmp_path)
    w = model.load(tmp_path).weights

    def weighted(word):
        buckets = [b for b, name in features.named(word).items() if name == word]
        assert buckets
        return bool(np.any(w[buckets] != 0))

    assert not weighted("鹦鹉")
    assert weighted("河马")


def test_a_missing_model_is_a_clear_error_at_start(tmp_path):
    with pytest.raises(model.ModelError, match="detector model not found .*detect train"):
        create_app({"TESTING": True, "DATABASE_URL": "sqlite://", "DETECTOR_MODEL_DIR": str(tmp_path)})


@pytest.mark.parametrize(("change", "message"), [
    ({"features_version": 999}, "features 999"),
    ({"format": 1}, "model format 1"),
    ({"sha256": "0" * 64}, "sha256 differs"),
])
def test_a_model_of_another_version_is_refused(small_model, tmp_path, change, message):
    for name in ("detector.json", "detector.npz"):
        (tmp_path / name).write_bytes((small_model[1] / name).read_bytes())
    meta_path = tmp_path / "detector.json"
    meta = json.loads(meta_path.read_text())
    meta_path.write_text(json.dumps(meta | change))
    with pytest.raises(model.ModelError, match=message):
        model.load(tmp_path)


def test_the_rules_alone_still_work_when_the_model_is_off():
    app = create_app({"TESTING": True, "DATABASE_URL": "sqlite://", "DETECTOR_MODEL": "off"})
    runner = app.test_cli_runner()
    line = json.dumps({"id": "m1", "sender_role": "merchant", "text": "加我微信 zhang_1234 详聊"})
    out = json.loads(runner.invoke(args=["scan"], input=line + "\n").output.splitlines()[0])
    assert out["flags"]
    assert all("model_version" not in f for f in out["flags"])


def _toy_model(weight_for: dict[str, float]) -> model.Model:
    """A model that calls a message an off-platform contact exactly when it holds the given words."""
    cats = model.CATEGORIES
    w = np.zeros((features.DIM, 1 + len(cats)), dtype=np.float32)
    j = 1 + cats.index("offsite_contact")
    for text, weight in weight_for.items():
        for bucket in features.named(text):
            w[bucket, 0] += weight
            w[bucket, j] += weight
    b = np.zeros(1 + len(cats), dtype=np.float32)
    b[0] = -4.0  # harmless unless the message carries the weighted words
    return model.Model("toy-1", cats, w, b, {})


def test_combination_drops_rule_hits_the_model_rejects_and_raises_model_only_flags():
    m = _toy_model({"老地方见": 3.0})
    rule_hit = Hit("offsite_contact", 0, 2, "微信", "lexicon", "微信", 0.65)
    scored = combine(["我们不加微信", "老地方见"], [[rule_hit], []], m, {"offsite_contact": 0.5})
    assert scored[0] == []  # the model scores the first message low: the rule hit is dropped
    (only,) = scored[1]
    assert only.hit.detector == "model"
    assert only.hit.view == "model"
    assert only.model_version == "toy-1"
    assert only.score > 0.5
    assert only.features


def test_combination_keeps_categories_the_model_does_not_know():
    m = _toy_model({})
    late = Hit("prohibited_content", 0, 2, "算命", "lexicon", "封建迷信", 0.7)
    (kept,) = combine(["算命"], [[late]], m)[0]
    assert kept.score == 0.7
    assert kept.model_version is None


def test_shipped_model_scores_and_explains_flags():
    m = model.default_model()
    conv = {"messages": [{"sender_role": "merchant", "text": "信微我加，详细聊"}]}
    flags = scan_conversation(conv, model=m)
    assert flags
    assert flags[0].model_version == m.version
    assert flags[0].features


def test_feedback_rows_train_once_per_text_and_never_from_joined_pieces():
    rows = [{"text": "加我微信", "labels": ["offsite_contact"], "view": "folded"},
            {"text": "加我微信", "labels": ["offsite_contact"], "view": "pinyin"},  # same message
            {"text": "信", "labels": ["offsite_contact"], "view": "joined"}]
    assert train.extra_rows(rows) == [dict(rows[0], split="train")]


def test_a_second_category_never_borrows_the_first_one_s_certainty():
    """'微信支付，你个蠢货': abuse for sure; the contact hit reaches a reviewer, not a measure."""
    cats = model.CATEGORIES
    p = np.zeros(len(cats))
    p[cats.index("abuse")], p[cats.index("offsite_contact")] = 0.93, 0.06
    review = dict.fromkeys(cats, 0.45)
    chosen = decide(p, {"abuse", "offsite_contact"}, cats, review)
    assert chosen == {"abuse": pytest.approx(0.93), "offsite_contact": 0.45}
    # the fallback (no category sure on its own) scores what the category earns, raised to review
    q = np.zeros(len(cats))
    q[cats.index("illegal_service")], q[cats.index("offsite_contact")] = 0.40, 0.41
    assert decide(q, {"illegal_service"}, cats, review) == {"illegal_service": 0.45}


@pytest.mark.parametrize(("score", "rules", "floor", "model_only", "flagged"), [
    (0.67, set(), {}, 0.0, True),  # a message read alone: the review threshold
    (0.67, set(), {}, CONVERSATION_MODEL_ONLY, False),  # read with its conversation: the model alone is not enough
    (0.80, set(), {}, CONVERSATION_MODEL_ONLY, True),
    (0.67, {"offsite_contact"}, {}, CONVERSATION_MODEL_ONLY, True),  # a rule found it: the review threshold
    (0.30, set(), {"offsite_contact": 0.9}, CONVERSATION_MODEL_ONLY, True),  # a phone number stands on its own
])
def test_a_category_only_the_model_sees_needs_more_in_a_conversation(score, rules, floor, model_only, flagged):
    cats = model.CATEGORIES
    p = np.zeros(len(cats))
    p[cats.index("offsite_contact")] = score
    chosen = decide(p, rules, cats, dict.fromkeys(cats, 0.45), floor, model_only)
    assert ("offsite_contact" in chosen) is flagged


def test_a_conversation_s_merchant_messages_need_more_from_the_model_alone_than_one_read_alone():
    m = _toy_model({"老地方见": 0.2})  # p(contact | "老地方见") = 0.67: above review, below 0.75
    review = dict.fromkeys(model.CATEGORIES, 0.45)
    alone = {"messages": [{"sender_role": "merchant", "text": "老地方见"}]}
    assert [f.category for f in scan_conversation(alone, model=m, review=review)] == ["offsite_contact"]
    together = {"messages": [{"sender_role": "merchant", "text": "您好，在的"},
                             {"sender_role": "customer", "text": "什么时候能拿到"},
                             {"sender_role": "merchant", "text": "老地方见"}]}
    assert scan_conversation(together, model=m, review=review) == []
    # a rule hit in the same conversation still reaches the reviewer at the review threshold
    with_rule = {"messages": [{"sender_role": "merchant", "text": "您好，在的"},
                              {"sender_role": "merchant", "text": "老地方见，加我微信"}]}
    assert {f.category for f in scan_conversation(with_rule, model=m, review=review)} == {"offsite_contact"}


def test_short_replies_raise_no_model_flag_and_runs_flag_once():
    m = _toy_model({"你是": 6.0})
    assert combine(["你是"], [[]], m, {"offsite_contact": 0.5}) == [[]]
    items = [(i, None, t) for i, t in enumerate(["你", "是", "猪", "吗"])]
    flags = joined_runs(items, {}, _toy_model({"你是猪": 6.0}), {"offsite_contact": 0.5})
    assert len(flags) == 1


def test_a_long_friendly_preamble_does_not_drown_a_violation():
    m = _toy_model({"薇信": 6.0})
    preamble = ("您好！关于您的设计需求，我们已经整理好了初稿方案，"
                "包括三种配色和两种字体搭配，您先看一下。")
    (only,) = combine([preamble + "加我薇信详聊"], [[]], m, {"offsite_contact": 0.5})[0]
    assert only.hit.detector == "model"
    assert combine([preamble], [[]], m, {"offsite_contact": 0.5}) == [[]]


class _ByText:
    """Fixed probabilities per text: the combination rule under test, whatever a model learned."""

    categories = model.CATEGORIES

    def __init__(self, rows: dict[str, dict[str, float]]):
        self.rows = rows

    def probabilities(self, texts, extra=None):
        return np.array([[self.rows.get(t, {}).get(c, 0.0) for c in self.categories] for t in texts])


def test_a_clause_surer_of_a_violation_never_takes_away_what_the_whole_message_shows():
    """The community demo's message: an ad for a paid group by the whole, off-platform contact by
    its last clause. The clause raises contact; the ad stays (community has no contact rule, so
    losing it lost the case)."""
    whole = "谢谢！主要是16-35广角，偶尔用70-200。想学后期的话我们有个付费群，进群加QQ 2837465190。"
    last = "想学后期的话我们有个付费群，进群加QQ 2837465190"  # clauses end at 。！？ (and newlines)
    m = _ByText({whole: {"ads_spam": 0.6, "offsite_contact": 0.35},
                 last: {"offsite_contact": 0.98, "ads_spam": 0.01}})
    (p,) = by_clause(m, [whole], [[]], m.probabilities([whole]))
    cats = model.CATEGORIES
    assert p[cats.index("offsite_contact")] == pytest.approx(0.98)
    assert p[cats.index("ads_spam")] == pytest.approx(0.6)
    review = dict.fromkeys(cats, 0.45)
    assert set(decide(p, {"ads_spam", "offsite_contact"}, cats, review)) == {"ads_spam", "offsite_contact"}


def test_weights_are_stored_as_float16_and_a_weight_beyond_it_is_refused(small_model, tmp_path):
    with np.load(small_model[1] / "detector.npz") as z:
        assert z["weights"].dtype == np.float16
    m = model.load(small_model[1])
    w = m.weights.copy()
    w[np.flatnonzero(np.any(w != 0, axis=1))[0], 0] = 1e6  # past float16's 65504: would be inf
    with pytest.raises(ValueError, match="does not fit float16"):
        model.save(tmp_path, m.categories, w, m.bias, {})
    assert not (tmp_path / "detector.npz").exists()


def test_a_model_file_with_a_weight_that_is_not_finite_is_refused(small_model, tmp_path):
    with np.load(small_model[1] / "detector.npz") as z:
        rows, w, bias = z["rows"], z["weights"].copy(), z["bias"]
    w[0, 0] = np.inf
    buf = io.BytesIO()
    np.savez(buf, rows=rows, weights=w, bias=bias)
    (tmp_path / "detector.npz").write_bytes(buf.getvalue())
    meta = json.loads((small_model[1] / "detector.json").read_text())
    meta["sha256"] = hashlib.sha256(buf.getvalue()).hexdigest()
    (tmp_path / "detector.json").write_text(json.dumps(meta))
    with pytest.raises(model.ModelError, match="not all finite"):
        model.load(tmp_path)


def test_a_damaged_model_file_is_a_clear_error(small_model, tmp_path):
    for name in ("detector.json", "detector.npz"):
        (tmp_path / name).write_bytes((small_model[1] / name).read_bytes())
    meta_path = tmp_path / "detector.json"
    meta = json.loads(meta_path.read_text())
    del meta["categories"]
    meta_path.write_text(json.dumps(meta))
    with pytest.raises(model.ModelError, match="incomplete model"):
        model.load(tmp_path)


@pytest.mark.parametrize(("name", "shown"), [
    ("加我", True), ("pinyin:薇信", True), ("rule:offsite_contact", True), ("num:mobile", True),
    ("我", False), ("pinyin:,你懂", False), (",加", False), ("initials:我", False),
])
def test_only_readable_reasons_are_shown(name, shown):
    assert features.readable(name) is shown
