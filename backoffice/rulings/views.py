"""Ruling pages and downloads for staff and merchants, the public verification page, bulk exports."""

from __future__ import annotations

from datetime import date, timedelta
from io import BytesIO

from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user

from backoffice.accounts.models import STAFF_ROLES, Role
from backoffice.accounts.permissions import public, roles_required
from backoffice.db import db, utcnow
from backoffice.policy import get_rulebook
from backoffice.rulings import issuing, jobs
from backoffice.rulings.context import content_hash, ruling_facts
from backoffice.rulings.document import LANG_MODES
from backoffice.rulings.export import ExportFilter, known_rule, ruling_ids
from backoffice.rulings.facts import Ruling, ruling_number, ruling_time
from backoffice.rulings.issued import issued_pdf, latest_document, rulings_storage
from backoffice.rulings.queries import changed_on_appeal, find_ruling, get_ruling, ruling_of
from backoffice.rulings.verify import PdfTextError, Result, verify_claim, verify_pdf
from backoffice.storage import storage_for
from backoffice.storage.serving import redirect_url, redirects_enabled, send_stored
from backoffice.timeutil import to_platform_tz

bp = Blueprint("rulings", __name__)
EXPORTERS = (Role.manager, Role.admin)


@bp.app_template_filter("iso_platform_time")
def iso_platform_time(value: str | None) -> str:
    from backoffice.rulings.document import fmt

    return fmt(value)


@bp.after_app_request
def store_issued_rulings(response):
    """Rulings this request issued or superseded are rendered and stored now that it has committed."""
    issuing.store_committed()
    return response


def lang_arg() -> str:
    lang = request.args.get("lang", "zh")
    if lang not in LANG_MODES:
        abort(400)
    return lang


def send_ruling_pdf(ruling: Ruling, lang: str):
    """The ruling's document as issued (stored once, served as stored: rulings/issued.py); with
    BACKOFFICE_STORAGE_REDIRECT on S3, a redirect to a presigned URL of the stored file (the caller
    has checked access)."""
    document = latest_document(ruling.id, lang) if redirects_enabled() else None
    if document is not None and (url := redirect_url(
            rulings_storage(), document.storage_key, mimetype="application/pdf",
            download_name=f"ruling-{document.number}-{lang}.pdf")):
        response = redirect(url, 302)
    else:
        document, data = issued_pdf(ruling, lang)
        name = f"ruling-{document.number}-{lang}.pdf"  # read before the commit expires the document
        db.session.commit()  # a document rendered just now (never stored, or its file lost) is kept
        response = send_file(BytesIO(data), mimetype="application/pdf", as_attachment=True, download_name=name)
    response.headers["Cache-Control"] = "private, no-store"
    return response


def _staff_ruling(ruling_id: int) -> Ruling:
    ruling = get_ruling(ruling_id)
    if ruling is None:
        abort(404)
    return ruling


class FilterError(ValueError):
    """A filter a person can correct; the message says how."""


def filter_from(values, *, since_required: bool = False, default_days: int = 31) -> ExportFilter:
    """An ExportFilter from a form or query string (list and export share it)."""
    try:
        since = date.fromisoformat(values["since"]) if values.get("since") else None
        until = date.fromisoformat(values["until"]) if values.get("until") else None
    except ValueError as exc:
        raise FilterError(_("Give the days as YYYY-MM-DD.")) from exc
    if since is None:
        if since_required:
            raise FilterError(_("Give the first day as YYYY-MM-DD."))
        since = to_platform_tz(utcnow()).date() - timedelta(days=default_days - 1)
    lang = values.get("lang") if values.get("lang") in LANG_MODES else "zh"
    rule = (values.get("rule") or "").strip() or None
    if not known_rule(rule):
        raise FilterError(_("No rule has the code %(code)s.", code=rule))
    try:
        return ExportFilter(since, until, values.get("platform") or None, rule, lang,
                            (values.get("merchant") or "").strip() or None)
    except ValueError as exc:
        raise FilterError(_("The last day is before the first day.")) from exc


PAGE_SIZE = 50


@bp.get("/rulings")
@roles_required(*STAFF_ROLES)
def index():
    """Applied rulings, newest first, by period, platform, rule and merchant, or one by its number."""
    number = request.args.get("number", "").strip().upper()
    try:
        flt = filter_from(request.args)
    except FilterError as exc:
        flash(str(exc), "error")
        flt = filter_from({})
    if number:
        found = find_ruling(number)
        if found is not None:
            return redirect(url_for("rulings.show", ruling_id=found.id))
        flash(_("No ruling has the number %(n)s.", n=number), "error")
    ids = ruling_ids(flt)[::-1]
    page = max(request.args.get("page", 1, type=int), 1)
    shown = ids[(page - 1) * PAGE_SIZE:page * PAGE_SIZE]
    changed = changed_on_appeal(shown)
    rows = [dict(_row(get_ruling(i)), changed=changed.get(i)) for i in shown]
    return render_template("rulings/index.html", flt=flt, rows=rows, total=len(ids), page=page,
                           pages=max(1, -(-len(ids) // PAGE_SIZE)), rules=get_rulebook().rules(),
                           can_export=current_user.role in EXPORTERS)


def _row(ruling: Ruling) -> dict:
    case = ruling.case
    return {"id": ruling.id, "number": ruling_number(ruling), "case_id": case.id, "merchant": case.merchant,
            "platform": case.platform, "rule": ruling.rule_code, "severity": ruling.severity,
            "at": ruling_time(ruling).isoformat()}


@bp.get("/rulings/<int:ruling_id>")
@roles_required(*STAFF_ROLES)
def show(ruling_id: int):
    facts = ruling_facts(_staff_ruling(ruling_id))
    return render_template("rulings/show.html", f=facts, digest=content_hash(facts))


@bp.get("/rulings/<int:ruling_id>.pdf")
@roles_required(*STAFF_ROLES)
def staff_pdf(ruling_id: int):
    return send_ruling_pdf(_staff_ruling(ruling_id), lang_arg())


@bp.get("/merchant/rulings/<int:ruling_id>.pdf")
@roles_required(Role.merchant)
def merchant_pdf(ruling_id: int):
    return send_ruling_pdf(ruling_of(current_user.merchant_id, ruling_id), lang_arg())


@bp.route("/rulings/verify", methods=["GET", "POST"])
@public
def verify():
    """Anyone holding a copy may check it; the answer names no person and shows no content."""
    result: Result | None = None
    if request.method == "POST":
        upload = request.files.get("file")
        number, claimed = request.form.get("number", "").strip()[:40], request.form.get("sha256", "").strip()[:80]
        try:
            if upload and upload.filename:
                result = verify_pdf(upload.read(8 * 1024 * 1024 + 1))
            elif number and claimed:
                result = verify_claim(number, claimed)
            else:
                flash(_("Upload the ruling's PDF, or type both its number and the SHA-256 printed at its end."),
                      "error")
        except PdfTextError:
            flash(_("The file is not a PDF ruling that can be read."), "error")
    return render_template("rulings/verify.html", result=result)


@bp.route("/rulings/exports", methods=["GET", "POST"])
@roles_required(*EXPORTERS)
def exports():
    if request.method == "POST":
        try:
            flt = filter_from(request.form, since_required=True)
        except FilterError as exc:
            flash(str(exc), "error")
            return redirect(url_for("rulings.exports"))
        try:
            jobs.start(flt, current_user.id)
        except jobs.ExportRunning as exc:
            flash(exc.message, "info")
        except jobs.QueueUnavailable as exc:
            flash(exc.message, "error")
        else:
            flash(_("The export has started; this page shows its progress."), "success")
        return redirect(url_for("rulings.exports"))
    return render_template("rulings/exports.html", jobs=jobs.all_jobs(), rules=get_rulebook().rules())


@bp.get("/rulings/exports/<job_id>.json")
@roles_required(*EXPORTERS)
def export_status(job_id: str):
    job = jobs.load(job_id)
    if job is None:
        abort(404)
    return jsonify(job)


@bp.get("/rulings/exports/<job_id>.zip")
@roles_required(*EXPORTERS)
def export_download(job_id: str):
    job = jobs.load(job_id)
    if job is None or job["state"] != "done":
        abort(404)
    period = f"{job['filter']['since']}-to-{job['filter']['until'] or 'now'}"
    return send_stored(storage_for("exports"), jobs.zip_key(job_id), mimetype="application/zip", as_attachment=True,
                       download_name=f"rulings-{period}-{job_id}.zip")
