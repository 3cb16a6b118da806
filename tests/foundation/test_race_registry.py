"""Every state-changing operation has a race test, or a stated reason why it needs none.

An operation is a function of the package whose first parameter is the acting ``actor``. Adding one
without listing it here fails this test: write its race test (``tests/concurrency.race``) first.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import backoffice

TESTS = Path(__file__).resolve().parents[1]

#: operation -> the race tests (file::function) that attempt it concurrently on PostgreSQL
RACE_TESTS = {
    "cases.claims.claim": [
        "cases/test_claims.py::test_two_reviewers_claiming_the_same_case_at_once_get_a_message_not_a_crash"],
    "cases.claims.claim_next": ["cases/test_claims.py::test_claim_next_under_concurrency_on_postgresql",
                                "cases/test_saved_views.py::test_claim_next_in_a_view_under_concurrency_gives_each_case_once"],
    "cases.help_requests.answer": ["cases/test_help_requests.py::test_two_seniors_answering_at_once_answer_once"],
    "cases.claims.hold": ["cases/test_races.py::test_the_holder_acting_twice_at_once_acts_once"],
    "cases.claims.escalate": ["cases/test_races.py::test_the_holder_acting_twice_at_once_acts_once"],
    "cases.claims.release": ["cases/test_races.py::test_the_holder_acting_twice_at_once_acts_once"],
    "cases.claims.reassign": ["cases/test_races.py::test_two_managers_reassigning_one_case_at_once_assign_it_once"],
    "cases.decisions.decide": ["cases/test_races.py::test_a_decision_sent_twice_at_once_is_recorded_once"],
    "cases.undo.undo": ["cases/test_undo_races.py::test_an_undo_clicked_twice_at_once_undoes_once",
                        "cases/test_undo_races.py::test_an_undo_and_the_merchants_appeal_at_once_do_one_of_the_two",
                        "cases/test_undo_races.py::"
                        "test_an_undo_racing_a_top_up_of_the_same_shop_never_leaves_the_ledger_wrong"],
    "cases.conduct.decide_together": ["cases/test_removal_races.py::"
                                      "test_deciding_a_burst_together_while_another_reviewer_claims_one_of_it_does_one_of_the_two"],
    "cases.removal.close_others": [
        "cases/test_removal_races.py::test_a_removal_and_a_decision_on_another_case_of_the_shop_never_both_close_it"],
    "penalties.operations.withdraw": [
        "cases/test_undo_races.py::test_an_undo_racing_a_top_up_of_the_same_shop_never_leaves_the_ledger_wrong"],
    "penalties.automatic.restore_provisional": [
        "cases/test_undo_races.py::test_an_undo_clicked_twice_at_once_undoes_once"],
    "cases.decisions.approve": [
        "cases/test_approval_races.py::test_two_managers_approving_at_once_apply_the_decision_once"],
    "cases.sweep.open_sweep_case": [
        "cases/test_sweep.py::test_two_reviewers_sweeping_the_same_messages_at_once_open_one_case_and_the_other_gets_409"],
    "cases.decisions.bulk_dismiss": [
        "cases/test_races.py::test_two_reviewers_dismissing_the_same_cases_at_once_dismiss_each_once"],
    "appeals.filing.file_appeal": [
        "appeals/test_races.py::test_filing_the_same_appeal_twice_at_once_keeps_one_and_answers_409",
        "appeals/test_races.py::test_filing_twice_at_once_over_the_api_never_answers_500"],
    "appeals.operations.start": [
        "appeals/test_races.py::test_filing_the_same_appeal_twice_at_once_keeps_one_and_answers_409"],
    "appeals.operations.submit": [
        "appeals/test_action_races.py::test_an_appeal_submitted_from_two_tabs_at_once_is_submitted_once",
        "appeals/test_decision_deadline.py::test_answers_to_an_evidence_request_sent_at_once_resume_the_deadline_once"],
    "appeals.operations.save_statement": [
        "appeals/test_supplement_races.py::"
        "test_a_draft_saved_while_another_tab_submits_never_rewrites_the_submitted_statement"],
    "appeals.supplements.add_supplement": [
        "appeals/test_supplement_races.py::test_supplements_posted_at_once_are_all_kept_in_order",
        "appeals/test_decision_deadline.py::test_answers_to_an_evidence_request_sent_at_once_resume_the_deadline_once",
        "appeals/test_supplement_races.py::test_a_supplement_racing_the_decision_lands_before_it_or_is_refused"],
    "appeals.operations.decide": ["appeals/test_races.py::test_two_seniors_deciding_one_appeal_at_once_decide_it_once"],
    "appeals.operations.request_evidence": [
        "appeals/test_action_races.py::test_asking_for_evidence_while_a_colleague_decides_does_one_of_the_two"],
    "appeals.exam_operations.submit_exam": [
        "appeals/test_exam_races.py::test_an_exam_submitted_twice_at_once_is_graded_once_and_revokes_once"],
    "calibration.operations.submit": [
        "calibration/test_races.py::test_a_blind_review_submitted_twice_at_once_is_recorded_once"],
    "merchants.operations.top_up": ["ledger/test_races.py::test_top_ups_at_the_same_moment_all_count_once"],
    "ingest.operations.ingest": ["ingest/test_thresholds.py::test_two_sure_ingests_of_one_case_take_the_measures_once",
                                 "ingest/test_reviews.py::test_the_same_review_sent_four_times_at_once_is_stored_once",
                                 "quality/test_summary.py::test_ingestions_of_one_shop_at_once_leave_every_count"],
    "ingest.mass_sending.gather": [
        "ingest/test_mass_sending.py::test_concurrent_ingestions_of_one_burst_open_one_case",
        "ingest/test_mass_sending.py::test_concurrent_ingestions_fold_every_per_conversation_case"],
    "cases.operations.report_fraud": ["customers/test_fraud_report_joins.py::test_reports_sent_at_once_make_one_case"],
    "cases.merging.fold_into": [
        "ingest/test_mass_sending.py::test_concurrent_ingestions_fold_every_per_conversation_case"],
    "merchants.links.record_handles": [
        "ingest/test_linked_accounts.py::test_one_handle_from_concurrent_ingestions_is_kept_once"],
    # Not an operation on the database, but a state change all the same: the export job's start.
    "rulings.jobs.start": ["rulings/test_export_races.py::test_the_same_export_started_four_times_at_once_runs_once"],
    # A job, not an actor's verb: render and store a ruling's documents (two workers, or a retry, at once).
    "rulings.issued.store_issued_ruling": [
        "rulings/test_issued.py::test_storing_the_same_ruling_twice_at_once_keeps_one_document_per_language"],
    # A worker's sweep, not an actor's verb: delivery processes side by side (FOR UPDATE SKIP LOCKED).
    "webhooks.delivery.deliver_due": [
        "webhooks/test_delivery.py::test_two_delivery_processes_at_once_never_send_one_event_twice",
        "jobs/test_worker_kill.py::"
        "test_a_worker_killed_mid_job_leaves_it_to_another_worker_without_loss_or_duplicates"],
    # The other jobs (backoffice/jobs/catalogue.py): several workers, a wake-up and a sweep at once.
    "webhooks.delivery.report_expiries": ["jobs/test_job_races.py::test_expiry_sweeps_at_once_report_each_window_once"],
    "notifications.outbox.deliver_pending": [
        "jobs/test_job_races.py::test_outbox_workers_at_once_send_each_email_once"],
    "jobs.redis_backend.RedisBackend.schedule_due": [
        "jobs/test_redis.py::test_schedulers_running_at_once_send_each_periodic_job_once_per_period"],
    "audit.operations.record": ["foundation/test_audit.py::test_concurrent_writers_build_one_unbroken_chain"],
    # The ledger's writers, reached through the decisions, appeals and exams raced above.
    "customers.operations.impose": [
        "customers/test_races.py::test_a_customer_case_decided_twice_at_once_takes_one_measure",
        "customers/test_races.py::test_two_customer_cases_of_one_customer_decided_at_once_count_as_two_offences"],
    "penalties.operations.impose": [
        "cases/test_approval_races.py::test_two_managers_approving_at_once_apply_the_decision_once"],
    "penalties.operations.overturn": [
        "appeals/test_races.py::test_two_seniors_deciding_one_appeal_at_once_decide_it_once"],
    "penalties.operations.reduce": [
        "appeals/test_races.py::test_two_seniors_deciding_one_appeal_at_once_decide_it_once"],
    "penalties.operations.revoke_by_exam": [
        "appeals/test_exam_races.py::test_an_exam_submitted_twice_at_once_is_graded_once_and_revokes_once"],
    "penalties.automatic.apply_automatic": [
        "ingest/test_thresholds.py::test_two_sure_ingests_of_one_case_take_the_measures_once"],
    "notifications.staff.notify_overdue": [
        "cases/test_staff_notifications.py::test_overdue_sweeps_at_once_notify_each_person_once",
        "appeals/test_decision_deadline.py::test_appeal_deadline_sweeps_at_once_notify_each_person_once"],
    "notifications.staff.notify_due_soon": [
        "cases/test_sla_warnings.py::test_warning_sweeps_at_once_notify_each_person_once",
        "appeals/test_decision_deadline.py::test_appeal_deadline_sweeps_at_once_notify_each_person_once"],
    # A page's ping, not an actor's verb (no audit entry): one upsert per (case, person).
    "cases.presence.seen": ["cases/test_presence.py::test_pings_from_two_tabs_at_once_keep_one_row"],
    "retention.jobs.purge_expired": [
        "retention/test_races.py::test_two_purges_at_once_purge_each_conversation_once"],
    "retention.operations.purge_conversation": [
        "retention/test_races.py::test_two_purges_at_once_purge_each_conversation_once"],
    "penalties.automatic.lift_provisional": [
        "cases/test_races.py::test_a_decision_sent_twice_at_once_is_recorded_once"],
}

#: operation -> why concurrent attempts cannot do harm
NO_RACE_NEEDED = {
    "accounts.operations.create_user": "a unique login: the second insert fails the constraint, an admin-only page",
    "accounts.operations.update_user": "last writer wins on an admin's own edit of one account's fields",
    "accounts.operations.set_enabled": "idempotent: enabling or disabling twice leaves the same state",
    "accounts.operations.set_password": "last writer wins; each write ends the account's sessions",
    "accounts.operations.clear_failures": "idempotent: deletes the sign-in failure rows",
    "accounts.sessions.sign_out": "idempotent: revoking a revoked session changes nothing",
    "accounts.sessions.sign_out_everywhere": "idempotent: revokes whatever is still live",
    "accounts.sessions.revoke_session": "idempotent: revoking a revoked session changes nothing",
    "api.tokens.create_token": "each call is meant to make a new token",
    "audit.reads.record_read": "two tabs at once write at most two read events for the same hour; nothing else changes",
    "api.tokens.revoke_token": "idempotent: revoking a revoked token changes nothing",
    "appeals.operations.add_evidence": "each file is its own row; per-appeal limits are re-checked at submit",
    "appeals.exam_operations.start_exam": "reuses the open attempt; a second one only draws other questions",
    "calibration.operations.draw_sample": "a manager's sampling; a unique review per case and reviewer",
    "calibration.operations.withdraw": "idempotent: deletes an open assignment",
    "cases.operations.add_flags": "runs inside ingest, raced above",
    "cases.saved.save_view": "each call is meant to add a view (a name is no key: two views may share one)",
    "cases.saved.remove_view": "idempotent: a DELETE by id; a second one removes nothing",
    "rationales.operations.save_reason": "last writer wins on a manager's edit of one canned reason's wording",
    "rationales.operations.remove_reason": "a second removal finds no row (404); decisions keep their own text",
    "cases.carry.take_next": "claim_next, then release of the case left behind: both raced above",
    "cases.operations.add_customer_flags": "runs inside ingest, raced above",
    "ingest.batch.ingest_many": "calls ingest per conversation, raced above",
    "merchants.operations.upsert": "a unique (platform, external id): the second insert fails the constraint",
    "webhooks.operations.add_endpoint": "each call is meant to add an endpoint (an admin-only page)",
    "webhooks.operations.rotate_secret": "the endpoint row is locked: rotations serialise, each keeps the one before",
    "webhooks.operations.redeliver": "idempotent: marks the delivery pending, after any attempt in flight (row lock)",
}


#: Workers' and schedulers' work, not actors' verbs, raced all the same.
JOBS = {"webhooks.delivery.report_expiries", "notifications.outbox.deliver_pending",
        "jobs.redis_backend.RedisBackend.schedule_due", "notifications.staff.notify_overdue",
        "notifications.staff.notify_due_soon", "cases.presence.seen"}


def _operations() -> set[str]:
    found = set()
    for info in pkgutil.walk_packages(backoffice.__path__, "backoffice."):
        module = importlib.import_module(info.name)
        for name, obj in vars(module).items():
            if inspect.isfunction(obj) and obj.__module__ == module.__name__ and not name.startswith("_"):
                parameters = list(inspect.signature(obj).parameters)
                if parameters and parameters[0] == "actor":
                    found.add(f"{module.__name__.removeprefix('backoffice.')}.{name}")
    return found


def test_every_operation_is_raced_or_says_why_not():
    operations = _operations() | {"rulings.jobs.start", "webhooks.delivery.deliver_due",
                                  "rulings.issued.store_issued_ruling", *JOBS}
    assert not set(RACE_TESTS) & set(NO_RACE_NEEDED)
    assert operations - set(RACE_TESTS) - set(NO_RACE_NEEDED) == set(), "add a race test (tests/concurrency.race)"
    assert set(RACE_TESTS) | set(NO_RACE_NEEDED) <= operations, "an operation listed here no longer exists"


def test_each_named_race_test_exists():
    for tests in RACE_TESTS.values():
        for test in tests:
            path, name = test.split("::")
            tree = ast.parse((TESTS / path).read_text(encoding="utf-8"))
            functions = {node.name: node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}
            assert name in functions, test
