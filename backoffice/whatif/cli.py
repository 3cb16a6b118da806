"""``flask rules whatif PACK.yaml --since --until``: the what-if replay on the command line. Thin."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("whatif")
@click.argument("pack_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="First platform day (default: 29 days ago).")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]),
              help="Last platform day, included (default: today).")
@click.option("--csv", "csv_out", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the differences to this CSV file.")
def whatif(pack_file: Path, since, until, csv_out: Path | None) -> None:
    """Replay a period's decisions through a changed pack and print what would differ (nothing is changed)."""
    from backoffice.rulefiles import RuleFileError
    from backoffice.timeutil import platform_tz
    from backoffice.whatif import runner
    from backoffice.whatif.export import csv_text, rows

    first, last = runner.default_period()
    try:
        result = runner.run(pack_file.read_text(encoding="utf-8"), since.date() if since else first,
                            until.date() if until else last, name=str(pack_file))
    except RuleFileError as exc:
        click.echo(f"error: {exc}", err=True)
        raise click.exceptions.Exit(1) from None
    except (runner.PeriodError, UnicodeDecodeError) as exc:
        click.echo(f"error: {exc}", err=True)
        raise click.exceptions.Exit(2) from None
    for line in summary_lines(result):
        click.echo(line)
    tz = platform_tz()
    if result.report.differences:
        click.echo("\ndifferences:")
        last_decision = None
        for row in rows(result.report, tz):
            ref, name, decision, code, severity, at, off_before, off_after, measure = row[:9]
            before, after = row[10:12]
            if decision != last_decision:
                offence = off_before if off_before == off_after else f"{off_before} -> {off_after}"
                click.echo(f"  {ref} {name}  decision {decision}  {code} ({severity})  {at}  "
                           f"offence {offence}")
                last_decision = decision
            click.echo(f"      {measure}: {before or '-'} -> {after or '-'}")
    if csv_out is not None:
        csv_out.write_text(csv_text(result.report, tz), encoding="utf-8")
        click.echo(f"\nwrote {csv_out}")


def summary_lines(result) -> list[str]:
    r = result.report

    def names(ids) -> str:
        return ", ".join(f"{r.merchant(i).merchant_ref} {r.merchant(i).merchant_name}" for i in ids)

    lines = [
        f"pack {r.version} (in use: {result.current_version or '-'}), platform {r.platform}, "
        f"{result.since} to {result.until}",
        f"decisions replayed:                {len(r.outcomes)}",
        f"decisions with different measures: {len(r.differences)}",
        f"merchants with different measures: {len(r.merchants_affected)}",
        f"now removed:                       {len(r.now_removed)}"
        + (f" ({names(r.now_removed)})" if r.now_removed else ""),
        f"no longer removed:                 {len(r.no_longer_removed)}"
        + (f" ({names(r.no_longer_removed)})" if r.no_longer_removed else ""),
        f"integrity points deducted:         {r.before.integrity_points} -> {r.after.integrity_points}",
        f"violation points:                  {r.before.violation_points} -> {r.after.violation_points}",
        f"deposit deducted (yuan):           {r.before.deposit} -> {r.after.deposit}",
        f"consumer compensation (yuan):      {r.before.compensation} -> {r.after.compensation}",
        f"not replayed:                      {r.overturned} overturned, {r.superseded} reduced "
        "(replayed as the reduced decision)",
    ]
    for code, n in r.missing_rules.items():
        lines.append(f"rule missing from the pack:        {code} ({n} decisions not replayed)")
    for u in r.unreplayable:
        lines.append(f"cannot replay decision {u.record.id}: {u.reason}")
    if result.changes:
        lines.append("rule changes:")
        lines += [f"  {c.code} {c.what}: {c.before or '-'} -> {c.after or '-'}" for c in result.changes]
    lines.append(f"replayed in {result.seconds:.2f} s; nothing was changed")
    return lines
