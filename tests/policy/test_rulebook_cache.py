"""The rule book is parsed once per rules directory and content of its packs."""

from __future__ import annotations

import shutil

from backoffice import create_app
from backoffice.config import PROJECT_ROOT
from backoffice.policy import get_rulebook, rulebook_of


def _app(rules_dir):
    return create_app({"TESTING": True, "DATABASE_URL": "sqlite://", "SECRET_KEY": "k" * 32,
                       "DETECTOR_MODEL": "off", "RULES_DIR": str(rules_dir)})


def test_two_apps_on_one_directory_share_the_parsed_rule_book(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(PROJECT_ROOT / "rules" / "packs", rules / "packs")
    with _app(rules).app_context():
        first = get_rulebook()
    with _app(rules).app_context():
        assert get_rulebook() is first


def test_an_edited_pack_is_read_again(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(PROJECT_ROOT / "rules" / "packs", rules / "packs")
    before = rulebook_of(rules)
    pack = rules / "packs" / "zbj.yaml"
    pack.write_text(pack.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    after = rulebook_of(rules)
    assert after is not before
    assert after.packs.keys() == before.packs.keys()


def test_another_directory_is_another_rule_book(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    for rules in (one, two):
        shutil.copytree(PROJECT_ROOT / "rules" / "packs", rules / "packs")
    assert rulebook_of(one) is not rulebook_of(two)
