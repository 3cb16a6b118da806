"""Seed 004 四: "可查看到违规处罚对应的考试入口及其开放时间" — the exam entrance has an opening time.

The seed gives no figures: the window is two operator settings of the Taobao pack (opens the natural
day after the penalty, open 15 natural days), and these tables check how a window is computed from
them, in Beijing natural days.
"""

from __future__ import annotations

import datetime as dt

import pytest

from backoffice.policy import LeniencyError, exam_window, load_rulebook
from backoffice.rulefiles import RuleFileError

from .conftest import SAMPLE_PACK, SHANGHAI, shanghai

SEED = "考试入口及其开放时间"


@pytest.mark.parametrize(("penalised", "opens_after", "open_days", "opens", "closes"), [
    pytest.param(shanghai(2018, 3, 25, 10, 0), 1, 15, shanghai(2018, 3, 26, 0, 0), shanghai(2018, 4, 10, 0, 0),
                 id=f"{SEED}: 举例1 3月25日 penalty, opens 3月26日 00:00, open 15 natural days to 4月9日 24:00"),
    pytest.param(shanghai(2018, 3, 25, 23, 59), 1, 15, shanghai(2018, 3, 26, 0, 0), shanghai(2018, 4, 10, 0, 0),
                 id=f"{SEED}: penalty at 23:59, still the next natural day (截止每天二十四点)"),
    pytest.param(shanghai(2018, 3, 26, 0, 30), 1, 15, shanghai(2018, 3, 27, 0, 0), shanghai(2018, 4, 11, 0, 0),
                 id=f"{SEED}: 00:30 Beijing is the day before in UTC; the Beijing day counts"),
    pytest.param(shanghai(2018, 12, 31, 9, 0), 1, 15, shanghai(2019, 1, 1, 0, 0), shanghai(2019, 1, 16, 0, 0),
                 id=f"{SEED}: across the natural year"),
    pytest.param(shanghai(2018, 3, 25, 10, 0), 0, 1, shanghai(2018, 3, 25, 10, 0), shanghai(2018, 3, 26, 0, 0),
                 id=f"{SEED}: opens_after 0 opens at once, 1 day closes at 24:00 that day"),
    pytest.param(shanghai(2018, 4, 1, 8, 0), 3, 7, shanghai(2018, 4, 4, 0, 0), shanghai(2018, 4, 11, 0, 0),
                 id=f"{SEED}: other settings, 3 days later for 7 days"),
])
def test_the_exam_entrance_window(penalised, opens_after, open_days, opens, closes):
    window = exam_window(penalised.astimezone(dt.UTC), opens_after, open_days, SHANGHAI)
    assert window == (opens.astimezone(dt.UTC), closes.astimezone(dt.UTC))
    assert all(moment.tzinfo is dt.UTC for moment in window)


@pytest.mark.parametrize(("opens_after", "open_days"), [(-1, 15), (1, 0)])
def test_a_window_that_never_opens_is_refused(opens_after, open_days):
    with pytest.raises(LeniencyError):
        exam_window(shanghai(2018, 3, 25, 10, 0), opens_after, open_days, SHANGHAI)


def test_the_taobao_pack_gives_the_window_as_operator_settings(rulebook):
    opens_after = rulebook.setting("taobao", "exam_entrance_opens_after_days")
    open_days = rulebook.setting("taobao", "exam_entrance_open_days")
    assert (opens_after.value, opens_after.unit, open_days.value, open_days.unit) == (
        1, "natural days", 15, "natural days")
    assert SEED in opens_after.note  # the seed names the opening time; the figures are ours
    assert opens_after.operator_setting is True
    assert open_days.operator_setting is True


def test_a_pack_with_exam_learning_needs_the_window(write_pack):
    text = SAMPLE_PACK.replace("exam_learning: false", "exam_learning: true")
    with pytest.raises(RuleFileError) as refused:
        load_rulebook(write_pack(text))
    problem = refused.value.problems[0]
    assert problem.path == "rules.0.exam_learning"
    assert "exam_entrance_opens_after_days, exam_entrance_open_days" in problem.message
    settings = ("  exam_entrance_opens_after_days: {value: 1, operator_setting: true, note: Assumed.}\n"
                "  exam_entrance_open_days: {value: 15, operator_setting: true, note: Assumed.}\n")
    text = text.replace("rules:\n", settings + "rules:\n", 1)
    assert load_rulebook(write_pack(text)).rule("zbj.sample").exam_learning
