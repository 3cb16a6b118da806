"""The precision table by term speaks words: the detector kind, its term as written and a quoted example
of what it matched, never the detector's keys (``mass_sending``, ``pinyin:你给``, ``reply within 180 s``)."""

from __future__ import annotations

import re
from html import unescape

import pytest
import sqlalchemy as sa

from backoffice.cases.models import Flag, FlagSource, FlagStatus
from backoffice.extensions import db
from tests.dashboard.conftest import NOW, at

# (detector, term, view, matched, what the Chinese page says, the key it must not show)
TERMS = [
    pytest.param("model", "pinyin:你给", "model", "你给中评什么意思？赶紧改了，不然我天天打电话给你。",
                 "模型：拼音 你给,例如 “你给中评什么意思？赶紧改了，不然我天天打电话给你…”", "pinyin",
                 id="模型特征-拼音"),
    pytest.param("model", "initials:13度", "model", "糖度在13度以上",
                 "模型：拼音首字母 13度,例如 “糖度在13度以上”", "initials", id="模型特征-拼音首字母"),
    pytest.param("model", "rule:offsite_contact:wechat_id", "model", "vx：shancheng_design88",
                 "模型：规则命中：微信号,例如 “vx：shancheng_design88”", "rule:offsite_contact:wechat_id",
                 id="模型特征-规则命中"),
    pytest.param("reply_time", "reply within 180 s", "folded", "衣服起球了",
                 "回复超时（时限 3 分钟）,例如 “衣服起球了”", "reply within", id="回复超时-180秒"),
    pytest.param("customer_fraud", "download_app", "folded", "下载这个app接单", "客户诈骗特征：引诱下载不明软件",
                 "download_app", id="雇主诈骗-引诱下载不明软件"),
    pytest.param("customer_fraud", "part_time_lure", "folded", "视频剪辑兼职日结", "客户诈骗特征：兼职引诱",
                 "part_time_lure", id="雇主诈骗-兼职引诱"),
    pytest.param("mass_sending", None, "folded", "诚招代理，日结工资",
                 "同一广告群发给多位客户,例如 “诚招代理，日结工资”", "mass_sending", id="群发广告"),
    pytest.param("lexicon", "薇信", "pinyin", "weixin", "关键词：“薇信”的拼音,例如 “weixin”", "lexicon",
                 id="关键词-拼音"),
]


@pytest.fixture
def frozen(monkeypatch):
    monkeypatch.setattr("backoffice.dashboard.views.utcnow", lambda: NOW)


def _term_table(client) -> str:
    html = client.get("/dashboard?days=7").get_data(as_text=True)
    table = html[html.index('id="precision-by-term"'):]
    return unescape(re.sub(r"<[^>]+>", " ", table[:table.index("</table>")]))


@pytest.mark.parametrize(("detector", "term", "view", "matched", "words", "key"), TERMS)
def test_each_term_reads_as_words_with_an_example(world, login, client, frozen, detector, term, view, matched,
                                                  words, key):
    conversation_id = db.session.scalar(sa.select(Flag.conversation_id).limit(1))
    db.session.add(Flag(conversation_id=conversation_id, source=FlagSource.detector, rule_code="zbj.offsite_contact",
                        detector=detector, term=term, view=view, matched=matched, status=FlagStatus.confirmed,
                        created_at=at(9, 10)))
    db.session.commit()
    login("boss")
    text = _term_table(client)
    assert words in text
    assert key not in text
