"""``flask rulings``: ruling PDFs, verification of copies, bulk export."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click
from flask.cli import AppGroup

rulings_cli = AppGroup("rulings", help="Ruling documents: PDFs, verification, bulk export.")

_DAY = click.DateTime(formats=["%Y-%m-%d"])
_MESSAGES = {
    "match": "MATCH: the copy matches ruling {number} as recorded.",
    "issued": "MATCH (as issued): the copy is authentic, but ruling {number} has changed since "
              "(appeal decision or end of the penalty); the current hash is {current}.",
    "mismatch": "MISMATCH: the copy's hash {claimed} is not the hash of ruling {number} ({current}).",
    "altered": "ALTERED: the number and hash of ruling {number} are genuine, but the text of the copy "
               "differs from the ruling on record.",
    "text_match": "TEXT ONLY: the text of the copy is that of ruling {number}, but the file is not one the "
                  "platform issued; its pages may show something else (content covered or redrawn), or "
                  "another program saved it again. Ask for the original file.",
    "unknown": "UNKNOWN: no ruling has the number {number}.",
    "unreadable": "UNREADABLE: no ruling number and SHA-256 could be read from the file.",
}


@rulings_cli.command("verify")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def verify(file: Path) -> None:
    """Check a ruling PDF against the database; exit 1 unless it matches."""
    from backoffice.rulings.verify import PdfTextError, verify_pdf

    try:
        result = verify_pdf(file.read_bytes())
    except PdfTextError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(_MESSAGES[result.verdict.value].format(**result.__dict__))
    if not result.authentic:
        raise SystemExit(1)


@rulings_cli.command("pdf")
@click.argument("ruling_id", type=int)
@click.option("--lang", type=click.Choice(["zh", "en", "both"]), default="zh", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
def pdf(ruling_id: int, lang: str, out: Path) -> None:
    """Write one ruling's PDF, as issued (stored; rendered and stored first if it never was)."""
    from backoffice.db import db
    from backoffice.rulings.issued import issued_pdf
    from backoffice.rulings.queries import get_ruling

    ruling = get_ruling(ruling_id)
    if ruling is None:
        raise click.ClickException(f"No applied violation ruling {ruling_id}.")
    document, data = issued_pdf(ruling, lang)
    out.write_bytes(data)
    db.session.commit()
    click.echo(f"{out}: ruling {document.number}, SHA-256 {document.content_sha256}")


@rulings_cli.command("store")
@click.option("--all", "every", is_flag=True, help="Also rulings that have stored documents (any state changed since).")
def store(every: bool) -> None:
    """Render and store the documents of rulings issued before they were stored (safe to rerun)."""
    from backoffice.rulings.issued import rulings_to_store, store_issued_ruling

    ids = rulings_to_store(every=every)
    with click.progressbar(ids, label=f"{len(ids)} ruling(s)") as bar:
        for ruling_id in bar:
            store_issued_ruling(ruling_id)


@rulings_cli.command("export")
@click.option("--since", type=_DAY, required=True, help="First platform day (YYYY-MM-DD).")
@click.option("--until", type=_DAY, help="Last platform day, inclusive.")
@click.option("--platform", type=click.Choice(["zbj", "taobao", "pdd", "community"]))
@click.option("--rule", help="Rule code, e.g. zbj.offsite_contact.")
@click.option("--merchant", help="The merchant's external id.")
@click.option("--lang", type=click.Choice(["zh", "en", "both"]), default="zh", show_default=True)
@click.option("--processes", type=int, default=2, show_default=True,
              help="PDF worker processes (0: in-process).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True)
def export(since: datetime, until: datetime | None, platform: str | None, rule: str | None, merchant: str | None,
           lang: str, processes: int, out: Path) -> None:
    """Export the matching rulings as a ZIP of PDFs; rerun the same command to resume."""
    from backoffice.rulings.export import ExportFilter, known_rule, run_export

    if not known_rule(rule):
        raise click.BadParameter(f"no rule has the code {rule!r} (see the rule packs under rules/packs)",
                                 param_hint="--rule")
    try:
        flt = ExportFilter(since.date(), until.date() if until else None, platform, rule, lang, merchant)
    except ValueError as exc:
        raise click.BadParameter(f"{exc} (--until {until:%Y-%m-%d} is before --since {since:%Y-%m-%d})",
                                 param_hint="--until") from exc
    state: dict = {}

    def progress(done: int, total: int) -> None:
        if "bar" not in state:
            state["bar"] = click.progressbar(length=total, label="Rendering rulings", show_pos=True)
            state["bar"].__enter__()
            state["seen"] = 0
        state["bar"].update(done - state["seen"])
        state["seen"] = done

    try:
        total = run_export(flt, out, processes=processes, progress=progress)
    finally:
        if "bar" in state:
            state["bar"].__exit__(None, None, None)
    click.echo(f"{out}: {total} ruling(s).")
