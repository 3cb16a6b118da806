"""``flask rules check`` and ``flask rules show RULE``. Thin: load, format, print."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click
from flask import current_app
from flask.cli import AppGroup

from backoffice.rulefiles import RuleFileError

from .coverage import uncovered
from .customer_rules import CustomerRule
from .exams import EXAMS_SUBDIR, load_bank
from .loader import RuleBook, UnknownRuleError, load_rulebook
from .measures import describe
from .schema import Rule, Rung

rules_cli = AppGroup("rules", help="Validate and inspect the rule files: policy packs, lexicons, exam banks.")
T = TypeVar("T")


def _rules_dir() -> Path:
    return Path(current_app.config["RULES_DIR"])


def _or_exit(load: Callable[[], T]) -> T:
    try:
        return load()
    except RuleFileError as exc:
        click.echo(f"error: {exc}", err=True)
        raise click.exceptions.Exit(1) from None


def _load_or_exit() -> RuleBook:
    return _or_exit(lambda: load_rulebook(_rules_dir()))


@rules_cli.command("check")
def check() -> None:
    """Validate RULES_DIR: packs, lexicons, contacts.yaml, context.yaml, exam banks; exit 1 on a broken file."""
    book = _load_or_exit()
    for platform, pack in sorted(book.packs.items()):
        assumed = len(pack.operator_settings)
        click.echo(
            f"ok  {platform:<10} {pack.version:<18} effective {pack.effective_from}  "
            f"{len(pack.rules)} rules, {assumed} operator settings  ({book.files.get(platform, '')})"
        )
    for group, summary, where in _or_exit(lambda: check_detection_and_exams(_rules_dir())):
        click.echo(f"ok  {group:<10} {summary}  ({where})")
    problems = _or_exit(lambda: detection_coverage(book, _rules_dir()))
    for problem in problems:
        click.echo(f"error: {problem}", err=True)
    if problems:
        raise click.exceptions.Exit(1)
    click.echo(f"ok  {'coverage':<10} every detector category and routed label goes to a rule or is "
               "listed as not policed, on every platform")


def detection_coverage(book: RuleBook, rules_dir: Path) -> list[str]:
    """What the detector raises on a platform that none of its rules takes (see ``coverage``)."""
    from backoffice.detection.lexicon import LEXICONS_SUBDIR, load_lexicon

    lex = load_lexicon(rules_dir / LEXICONS_SUBDIR)
    return uncovered(book, lex.labels(), lex.routed)


def check_detection_and_exams(rules_dir: Path) -> list[tuple[str, str, Path]]:
    """Load every rule file besides the packs; return (group, summary, place) per file group.

    :raises RuleFileError: on the first broken file.
    """
    # The detection loaders live with the detectors; imported here so that policy stays below detection.
    from backoffice.detection import context_rules
    from backoffice.detection.conduct import read_words
    from backoffice.detection.contacts import ContactDetector
    from backoffice.detection.lexicon import CONDUCT_FILE, CONTACTS_FILE, CONTEXT_FILE, LEXICONS_SUBDIR, load_lexicon

    lexicons = rules_dir / LEXICONS_SUBDIR
    lex = load_lexicon(lexicons)
    contacts = ContactDetector(lexicons)
    context = context_rules.load_rules(lexicons / CONTEXT_FILE)
    words = read_words(lexicons / CONDUCT_FILE)
    banks = [load_bank(path) for path in sorted((rules_dir / EXAMS_SUBDIR).glob("*.yaml"))]
    return [
        ("lexicons", f"{len(lex.files)} files, {len(lex.categories())} categories, {len(lex.terms)} spellings, "
                     f"{len(lex.exemptions)} exemptions", lexicons),
        ("contacts", f"{len(contacts.domains)} official domains, {len(contacts.trigger_words)} trigger words",
         lexicons / CONTACTS_FILE),
        ("context", f"window {context.window}, {len(context.keep_detectors)} kept detectors",
         lexicons / CONTEXT_FILE),
        ("conduct", f"{len(words.question_cues)} question words, "
                    f"{len(words.refusals) + len(words.refusals_whole)} refusals", lexicons / CONDUCT_FILE),
        ("exams", ", ".join(f"{b.platform}: {len(b.questions)} questions" for b in banks) or "no banks",
         rules_dir / EXAMS_SUBDIR),
    ]


@rules_cli.command("show")
@click.argument("code")
def show(code: str) -> None:
    """Print one rule (e.g. zbj.offsite_contact): source, window, appeal and its ladder."""
    book = _load_or_exit()
    try:
        lines = describe_rule(book.rule(code))
    except UnknownRuleError as exc:
        try:
            lines = describe_customer_rule(book.customer_rule(code))
        except UnknownRuleError:
            click.echo(f"error: {exc}", err=True)
            raise click.exceptions.Exit(1) from None
    click.echo("\n".join(lines))


def describe_customer_rule(rule: CustomerRule) -> list[str]:
    """The lines `rules show` prints for a rule about customers (the measure per confirmed offence)."""
    lines = [f"{rule.code}  (about the customer)", f"  {rule.title.zh} / {rule.title.en}",
             f"  source: {rule.source.zh}", "  ladder (the customer's own confirmed offences):"]
    for severity, rungs in rule.ladder.items():
        for n, measure in enumerate(rungs, start=1):
            text = measure.type + (f" {measure.days} days" if measure.days else "")
            assumed = " [assumed]" if measure.basis == "operator_setting" else ""
            lines.append(f"  {severity:<8} | {'every' if n == len(rungs) and n > 1 else n:<7} | {text}{assumed}")
    return lines


def describe_rule(rule: Rule) -> list[str]:
    """Return the lines `rules show` prints."""
    appeal = rule.appeal
    appeal_text = f"{appeal.days} days" + (
        ", clock paused during review" if appeal.clock_pauses_during_review else ""
    )
    if appeal.basis == "operator_setting":
        appeal_text += " [operator setting: assumed, not from the source]"
    lines = [
        f"{rule.code}  ({rule.category}{', default for detection' if rule.default_for_category else ''})",
        f"  {rule.title_zh}",
        f"  {rule.title_en}",
        f"  source:   {rule.source.document} {rule.source.clause}",
        f"  version:  {rule.ruleset_version}",
        f"  window:   {'all time' if rule.window_days is None else f'{rule.window_days} days'}",
        f"  appeal:   {appeal_text}",
        f"  leniency: self-check {'yes' if rule.self_check else 'no'}, "
        f"exam-learning {'yes' if rule.exam_learning else 'no'}",
    ]
    if (esc := rule.escalation) is not None:
        lines.append(f"  graded:   {esc.when} becomes {esc.becomes} from case no. {esc.occurrences} "
                     f"within {esc.window_days} days: {esc.note}")
    for auto in rule.automatic:
        lines.append(f"  automatic ({auto.at}): {auto.measure.type.replace('_', ' ')}")
    rows = [("severity", "offence", "measures")]
    for severity in rule.severities:
        rungs = rule.ladder[severity]
        for i, rung in enumerate(rungs, start=1):
            offence = _offence_label(i, len(rungs))
            rows.append((severity if i == 1 else "", offence, _rung_text(rung)))
    return [*lines, "", *_table(rows)]


def _offence_label(i: int, n: int) -> str:
    ordinal = {1: "1st", 2: "2nd", 3: "3rd"}.get(i, f"{i}th")
    if i == n:
        return "every" if n == 1 else f"{ordinal} and later"
    return ordinal


def _rung_text(rung: Rung) -> str:
    return " + ".join(describe(m) for m in rung.measures)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _table(rows: list[tuple[str, str, str]]) -> list[str]:
    widths = [max(_width(r[i]) for r in rows) for i in range(2)]
    out = []
    for n, row in enumerate(rows):
        cells = [row[i] + " " * (widths[i] - _width(row[i])) for i in range(2)]
        out.append(f"  {cells[0]} | {cells[1]} | {row[2]}")
        if n == 0:
            out.append(f"  {'-' * widths[0]}-+-{'-' * widths[1]}-+-{'-' * max(_width(r[2]) for r in rows)}")
    return out
