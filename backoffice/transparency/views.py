"""Managers' page of DSA statements of reasons: list, problems, and downloads of JSON batches."""

from __future__ import annotations

import json
from datetime import date

import sqlalchemy as sa
from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from backoffice.accounts.models import Role
from backoffice.accounts.permissions import roles_required
from backoffice.db import db
from backoffice.transparency import operations as ops
from backoffice.transparency.models import StatementOfReasons, StatementTrigger
from backoffice.transparency.schema import BATCH_LIMIT

bp = Blueprint("statements", __name__, url_prefix="/statements")
MANAGERS = (Role.manager, Role.admin)
PAGE_SIZE = 50
STATES = ("pending", "exported", "all")


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _selection(args) -> ops.Selection:
    trigger = args.get("trigger")
    state = args.get("state")
    return ops.Selection(
        since=_day(args.get("since")), until=_day(args.get("until")),
        trigger=StatementTrigger(trigger) if trigger in StatementTrigger.__members__ else None,
        state=state if state in STATES else "pending",
    )


def _filter_args(sel: ops.Selection) -> dict[str, str]:
    args = {"state": sel.state}
    if sel.since:
        args["since"] = sel.since.isoformat()
    if sel.until:
        args["until"] = sel.until.isoformat()
    if sel.trigger:
        args["trigger"] = sel.trigger.value
    return args


def _count(stmt: sa.Select) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(stmt.subquery())) or 0


@bp.get("")
@roles_required(*MANAGERS)
def index():
    sel = _selection(request.args)
    page = max(1, request.args.get("page", 1, type=int) or 1)
    stmt = sel.query().order_by(StatementOfReasons.application_date.desc(), StatementOfReasons.id.desc())
    rows = list(db.session.scalars(stmt.offset((page - 1) * PAGE_SIZE).limit(PAGE_SIZE + 1)))
    more = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    pending = ops.Selection(sel.since, sel.until, sel.trigger, "pending").query()
    summary = {
        "shown": _count(sel.query()),
        "pending": _count(pending),
        "pending_problems": sum(1 for problems in db.session.scalars(
            pending.with_only_columns(StatementOfReasons.problems)) if problems),
    }
    return render_template(
        "transparency/index.html", rows=rows, sel=sel, filter_args=_filter_args(sel), page=page, more=more,
        summary=summary, outcomes={r.id: ops.appeal_outcome(r) for r in rows}, batches=ops.recent_batches(),
        batch_limit=BATCH_LIMIT, states=STATES, triggers=list(StatementTrigger))


@bp.get("/<int:statement_id>")
@roles_required(*MANAGERS)
def show(statement_id: int):
    row = db.session.get(StatementOfReasons, statement_id)
    if row is None:
        abort(404)
    return render_template("transparency/show.html", row=row, outcome=ops.appeal_outcome(row),
                           payload=json.dumps(row.payload, ensure_ascii=False, indent=2))


@bp.post("/check")
@roles_required(*MANAGERS)
def recheck():
    """Validate and scan the pending statements of the filter again."""
    sel = _selection(request.form)
    pending = ops.Selection(sel.since, sel.until, sel.trigger, "pending")
    rows = list(db.session.scalars(pending.query()))
    failing = sum(1 for row in rows if ops.check(row))
    db.session.commit()
    flash(_("%(n)d pending statement(s) checked; %(bad)d cannot be exported yet.", n=len(rows), bad=failing),
          "error" if failing else "success")
    return redirect(url_for("statements.index", **_filter_args(sel)))


@bp.post("/<int:statement_id>/rebuild")
@roles_required(*MANAGERS)
def rebuild(statement_id: int):
    """Build a pending statement again from current data (after its rule or a setting was corrected)."""
    row = db.session.get(StatementOfReasons, statement_id)
    if row is None:
        abort(404)
    try:
        problems = ops.rebuild(row)
    except ops.NotRebuildable:
        db.session.rollback()
        flash(_("Only a statement that has not been exported can be rebuilt, and only while its measures "
                "still call for one."), "error")
        return redirect(url_for("statements.show", statement_id=statement_id))
    db.session.commit()
    if problems:
        flash(_("Rebuilt; %(n)d problem(s) remain.", n=len(problems)), "error")
    else:
        flash(_("Rebuilt; the statement passes every check."), "success")
    return redirect(url_for("statements.show", statement_id=statement_id))


@bp.post("/export")
@roles_required(*MANAGERS)
def export():
    """Download the pending statements of the filter that pass every check, and mark them exported."""
    sel = _selection(request.form)
    single = request.form.get("format") == "batch"
    result = ops.export(ops.Selection(sel.since, sel.until, sel.trigger, "pending"),
                        max_batches=1 if single else None)
    if result.refused:
        flash(_("%(n)d statement(s) were not exported because of problems; they are listed as pending.",
                n=len(result.refused)), "error")
    if not result.batches:
        db.session.commit()  # the problems found are stored
        flash(_("No pending statement can be exported for this filter."), "info")
        return redirect(url_for("statements.index", **_filter_args(sel)))
    if single:
        batch, batch_rows = result.batches[0]
        body, mimetype, name = ops.batch_document(batch_rows), "application/json", f"statements-{batch}.json"
    else:
        body, mimetype, name = ops.zip_document(result), "application/zip", f"statements-{result.run}.zip"
    db.session.commit()
    flash(_("%(n)d statement(s) exported.", n=result.exported), "success")
    return Response(body, mimetype=mimetype, headers={
        "Content-Disposition": f"attachment; filename={name}", "Cache-Control": "private, no-store",
        "X-Statements-Exported": str(result.exported), "X-Statements-Refused": str(len(result.refused))})


@bp.get("/batches/<batch>.json")
@roles_required(*MANAGERS)
def download_batch(batch: str):
    """An exported batch again, exactly as it was exported (nothing is marked)."""
    rows = ops.batch_rows(batch)
    if not rows:
        abort(404)
    return Response(ops.batch_document(rows), mimetype="application/json", headers={
        "Content-Disposition": f"attachment; filename=statements-{batch}.json",
        "Cache-Control": "private, no-store"})
