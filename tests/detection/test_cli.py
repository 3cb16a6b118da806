"""The scan CLI: one JSON line per input line, errors keep going."""

import json
from pathlib import Path

from click.testing import CliRunner
from flask import Flask
from flask.cli import ScriptInfo

from backoffice.detection.cli import scan_cli
from backoffice.policy import EXTENSION_KEY, load_rulebook

LINES = [
    json.dumps({"external_id": "c1", "messages": [
        {"sender_role": "customer", "sent_at": "2024-03-14T10:00:00+08:00", "text": "你好"},
        {"sender_role": "merchant", "sent_at": "2024-03-14T10:00:30+08:00", "text": "加我薇信 abc12345"},
    ]}, ensure_ascii=False),
    json.dumps({"id": "m1", "sender_role": "merchant", "text": "你个煞笔"}, ensure_ascii=False),
    "{not json",
    json.dumps({"id": "m2", "sender_role": "customer", "text": "我电话13812345678"}, ensure_ascii=False),
    json.dumps({"id": "m3", "sender_role": "boss", "text": "x"}),
    json.dumps([1, 2]),
]


RULEBOOK = load_rulebook(Path(__file__).resolve().parents[2] / "rules")


def run(args, stdin=None):
    app = Flask("t")
    app.extensions[EXTENSION_KEY] = RULEBOOK
    return CliRunner().invoke(scan_cli, args, input=stdin, obj=ScriptInfo(create_app=lambda: app))


def test_output_shape_from_stdin():
    result = run([], stdin="\n".join(LINES) + "\n")
    assert result.exit_code == 0, result.output
    out = [json.loads(x) for x in result.output.splitlines()]
    assert len(out) == len(LINES)
    assert out[0]["id"] == "c1"
    assert out[0]["flags"]
    flag = out[1]["flags"][0]
    assert {"message_index", "rule", "category", "start", "end", "matched", "detector", "confidence"} <= set(flag)
    assert flag == {**flag, "message_index": 0, "rule": None, "category": "abuse", "start": 2, "end": 4,
                    "matched": "煞笔", "detector": "lexicon"}
    assert out[0]["flags"][0]["rule"] == "zbj.offsite_contact"  # ZBJ has no abuse rule, but this one
    assert out[2]["error"].startswith("line 3: invalid JSON")
    assert out[3] == {"id": "m2", "flags": []}  # a customer's own number is not flagged
    assert out[4]["id"] == "m3"
    assert "line 5" in out[4]["error"]
    assert "sender_role" in out[4]["error"]
    assert out[5]["error"] == "line 6: expected a JSON object"


def test_reads_file_and_platform_option(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text(LINES[1] + "\n", encoding="utf-8")
    result = run([str(f), "--platform", "pdd"])
    assert json.loads(result.output)["flags"][0]["rule"] == "pdd.uncivil_language"


def test_help_text():
    out = run(["--help"]).output
    assert "Scan JSON Lines from FILE" in out
    assert "--platform" in out
