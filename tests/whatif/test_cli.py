"""``flask rules whatif PACK.yaml --since --until``: the summary and the differences, or the problems."""

from __future__ import annotations

import csv

from .conftest import SINCE, UNTIL, at, changed, pack_text
from .test_replay import HARSHER


def invoke(runner, path, *extra):
    period = ["--since", str(SINCE), "--until", str(UNTIL)]
    return runner.invoke(args=["rules", "whatif", str(path), *period, *extra])


def test_the_command_prints_the_summary_and_the_differences(runner, make_merchant, impose, tmp_path):
    first = impose(make_merchant("m-first", name="设计工作室"), when=at(3, 5))
    impose(make_merchant("m-spam"), "zbj.ads_spam", when=at(3, 6))
    pack = tmp_path / "harsher.yaml"
    pack.write_text(HARSHER, encoding="utf-8")
    out = tmp_path / "diff.csv"
    result = invoke(runner, pack, "--csv", str(out))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "pack zbj-whatif-harsher (in use: zbj-2024.2), platform zbj, 2024-03-01 to 2024-03-31" in lines
    assert "decisions replayed:                2" in lines
    assert "decisions with different measures: 1" in lines
    assert "merchants with different measures: 1" in lines
    assert "deposit deducted (yuan):           5000.00 -> 8000.00" in lines
    head = f"  m-first 设计工作室  decision {first.id}  zbj.offsite_contact (general)  2024-03-05 10:00  offence 1"
    assert head in lines
    assert "      deposit_deduction: deposit -5000.00 yuan -> deposit -8000.00 yuan" in lines
    rows = list(csv.DictReader(out.read_text(encoding="utf-8").lstrip("\ufeff").splitlines()))
    assert [(r["decision_id"], r["after_value"]) for r in rows] == [(str(first.id), "8000.00")]


def test_a_broken_pack_exits_1_with_the_line(runner, tmp_path):
    text = changed(pack_text(), "{type: business_restriction, days: 15}",
                   "{type: business_restriction, days: 0}")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "days: 0}" in row)
    pack = tmp_path / "broken.yaml"
    pack.write_text(text, encoding="utf-8")
    result = invoke(runner, pack)
    assert result.exit_code == 1
    (error,) = [row for row in result.output.splitlines() if "broken.yaml:" in row]
    assert f"broken.yaml:{line}: " in error
    assert error.endswith(" (at rules.2.ladder.general.0.measures.1.days)")


def test_a_backwards_period_exits_2(runner, tmp_path):
    pack = tmp_path / "zbj.yaml"
    pack.write_text(pack_text(), encoding="utf-8")
    result = runner.invoke(args=["rules", "whatif", str(pack), "--since", "2024-03-31",
                                 "--until", "2024-03-01"])
    assert result.exit_code == 2
    assert "ends before it starts" in result.output
