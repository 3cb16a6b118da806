"""`flask rules check` and `flask rules show`, on a throwaway Flask app."""

from __future__ import annotations

import pytest
from flask import Flask

from backoffice.policy.cli import rules_cli

from .conftest import RULES_DIR, SAMPLE_PACK


@pytest.fixture
def make_runner():
    def make(rules_dir=RULES_DIR):
        app = Flask(__name__)
        app.config["RULES_DIR"] = str(rules_dir)
        app.cli.add_command(rules_cli)
        return app.test_cli_runner()

    return make


def test_check_prints_one_line_per_pack_then_per_file_group(make_runner):
    result = make_runner().invoke(args=["rules", "check"])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert [line.split()[:2] for line in lines] == [
        ["ok", "community"], ["ok", "pdd"], ["ok", "taobao"], ["ok", "zbj"],
        ["ok", "lexicons"], ["ok", "contacts"], ["ok", "context"], ["ok", "conduct"], ["ok", "exams"],
        ["ok", "coverage"],
    ]
    assert "zbj-2024.2" in lines[3]
    assert "3 rules" in lines[3]
    assert "6 categories" in lines[4]
    assert lines[5].endswith(f"({RULES_DIR / 'lexicons' / 'contacts.yaml'})")
    assert lines[6].endswith(f"({RULES_DIR / 'lexicons' / 'context.yaml'})")
    assert lines[7].endswith(f"({RULES_DIR / 'lexicons' / 'conduct.yaml'})")
    assert "taobao: 8 questions" in lines[8]


def test_check_fails_with_file_line_and_problem(make_runner, write_pack):
    rules_dir = write_pack(SAMPLE_PACK.replace("days: 7}", "days: -7}"))
    result = make_runner(rules_dir).invoke(args=["rules", "check"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {rules_dir / 'packs' / 'sample.yaml'}:25: ")
    assert "greater than 0" in result.stderr
    assert result.stderr.rstrip().endswith("(at rules.0.ladder.general.0.measures.1.days)")


def test_show_prints_the_ladder_table(make_runner):
    result = make_runner().invoke(args=["rules", "show", "zbj.offsite_contact"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "引导脱离平台沟通" in out
    assert "《猪八戒平台服务商管理规则》" in out
    assert "window:   all time" in out
    assert "appeal:   7 days [operator setting" in out
    assert "automatic (on_flag): search demotion" in out
    rows = [line.split("|") for line in out.splitlines() if line.count("|") == 2]
    table = [[cell.strip() for cell in row] for row in rows]
    assert table == [
        ["severity", "offence", "measures"],
        ["general", "1st", "-40 integrity points + 15-day business restriction + deposit -5000.00 "
                               "+ 15-day search demotion [assumed]"],
        ["", "2nd and later", "removal + whole deposit"],
        ["serious", "every", "removal + whole deposit"],
    ]


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (
            "taobao.malicious_harassment",
            "2 general-violation points + 1000.00 compensation if complaint upheld",
        ),
        ("community.unfriendly", "4th and later | permanent mute"),
        ("pdd.offsite_luring", "10-minute mute [assumed] + fine up to 50000.00 (reviewer sets)"),
        ("pdd.uncivil_language", "serious | every | 10-minute mute [assumed] + compensation up to 300.00"),
        # A rule about customers (seed 000: 平台会按规则对该用户做处理): the customer's own offences.
        ("zbj.customer_fraud", "general | 2 | messaging_restriction 7 days [assumed]"),
    ],
)
def test_show_other_rules(make_runner, code, expected):
    result = make_runner().invoke(args=["rules", "show", code])
    assert result.exit_code == 0
    assert expected in " ".join(result.output.split())


def test_show_unknown_rule(make_runner):
    result = make_runner().invoke(args=["rules", "show", "zbj.nope"])
    assert result.exit_code == 1
    assert "no rule with code 'zbj.nope'" in result.stderr


@pytest.mark.parametrize(
    "args", [["rules", "--help"], ["rules", "check", "--help"], ["rules", "show", "--help"]]
)
def test_every_command_has_help(make_runner, args):
    result = make_runner().invoke(args=args)
    assert result.exit_code == 0
    help_text = result.output.split("Options:")[0]
    assert len(help_text.split("\n\n", 1)[1].strip()) > 20


def test_init_app_caches_the_rulebook_and_registers_the_commands():
    from backoffice.policy import get_rulebook, init_app

    app = Flask(__name__)
    app.config["RULES_DIR"] = str(RULES_DIR)
    init_app(app)
    with app.app_context():
        assert get_rulebook().version_of("zbj") == "zbj-2024.2"
    assert app.test_cli_runner().invoke(args=["rules", "check"]).exit_code == 0


def test_init_app_refuses_a_broken_pack(write_pack):
    from backoffice.policy import init_app
    from backoffice.rulefiles import RuleFileError

    app = Flask(__name__)
    app.config["RULES_DIR"] = str(write_pack(SAMPLE_PACK.replace("category: offsite_contact", "category: x")))
    with pytest.raises(RuleFileError, match=r"\(at rules.0.category\)"):
        init_app(app)
