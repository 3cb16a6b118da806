"""One way to fail: operation errors are DomainErrors with an HTTP status; one web helper, one API handler."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from flask import get_flashed_messages

import backoffice
from backoffice.accounts.operations import AccountError
from backoffice.api.tokens import TokenError
from backoffice.appeals.exam_operations import ExamError
from backoffice.appeals.operations import AppealChanged, AppealClosed, AppealError, NotIndependent
from backoffice.appeals.storage import UploadRejected
from backoffice.audit.operations import Actor, record
from backoffice.calibration.operations import AlreadySubmitted, CalibrationError
from backoffice.cases.claims import ReviewConflict, ReviewError
from backoffice.cases.decisions import ApproverNotIndependent, DecisionConflict
from backoffice.cases.states import TransitionRefused
from backoffice.extensions import db
from backoffice.failures import Conflict, DomainError, NotAllowed
from backoffice.ingest.validation import InvalidConversation
from backoffice.ledger.operations import LedgerError
from backoffice.merchants.models import Merchant, Platform
from backoffice.merchants.operations import MerchantConflict, MerchantError
from backoffice.penalties.operations import PenaltyChanged, PenaltyError
from backoffice.transparency.operations import NotRebuildable
from backoffice.web import acting_user, committing
from backoffice.whatif.runner import PeriodError, TooManyDecisions

# error class -> (HTTP status, JSON error code, the family an ``except`` of old still catches)
FAMILIES = {
    ReviewError: (422, "unprocessable_entity", ReviewError),
    ReviewConflict: (409, "conflict", ReviewError),
    DecisionConflict: (409, "conflict", ReviewError),
    ApproverNotIndependent: (403, "forbidden", ReviewError),
    AppealError: (422, "unprocessable_entity", AppealError),
    AppealClosed: (409, "conflict", AppealError),
    AppealChanged: (409, "conflict", AppealError),
    NotIndependent: (403, "forbidden", AppealError),
    UploadRejected: (422, "upload_rejected", UploadRejected),
    ExamError: (422, "unprocessable_entity", ExamError),
    PenaltyError: (422, "unprocessable_entity", PenaltyError),
    PenaltyChanged: (409, "conflict", PenaltyError),
    LedgerError: (422, "unprocessable_entity", LedgerError),
    AccountError: (422, "unprocessable_entity", AccountError),
    MerchantError: (422, "unprocessable_entity", MerchantError),
    MerchantConflict: (409, "conflict", MerchantError),
    CalibrationError: (422, "unprocessable_entity", CalibrationError),
    AlreadySubmitted: (409, "conflict", CalibrationError),
    TokenError: (422, "unprocessable_entity", TokenError),
    InvalidConversation: (422, "invalid_conversation", InvalidConversation),
    NotRebuildable: (409, "conflict", NotRebuildable),
    PeriodError: (422, "unprocessable_entity", PeriodError),
    TransitionRefused: (409, "conflict", TransitionRefused),
}
#: Exceptions of the package that are not refusals of an operation: configuration and loader errors,
#: tool errors, integrity guards and the API's own request errors.
NOT_OPERATION_ERRORS = {
    "RuleFileError", "UnknownRuleError", "PathError", "ModelError",
    "ConversationError", "PdfTextError", "RefusedURL", "FilterError", "AuditLogIsAppendOnly", "ApiError",
    # pure policy functions (no backoffice imports); the operations that call them re-raise as DomainErrors
    "ParameterError", "LeniencyError",
    # file storage: a bad BACKOFFICE_STORAGE_URL stops the start; a missing object and a bad key are
    # caught by their callers (404, or the ruling rendered again), never shown as a refusal
    "StorageConfigError", "ObjectMissing", "InvalidKey",
}


@pytest.mark.parametrize("error", list(FAMILIES), ids=lambda e: e.__name__)
def test_each_error_family_has_its_status(error):
    status, code, family = FAMILIES[error]
    exc = error("无法办理")
    assert isinstance(exc, DomainError)
    assert isinstance(exc, family)
    assert isinstance(exc, ValueError)  # callers that catch ValueError still do
    assert exc.status == status
    assert isinstance(exc, Conflict) is (status == 409)
    assert isinstance(exc, NotAllowed) is (status == 403)
    assert (error.code or {422: "unprocessable_entity", 409: "conflict", 403: "forbidden"}[status]) == code
    assert exc.message == "无法办理"


def test_the_message_is_translated_when_read(app):
    from flask_babel import force_locale
    from flask_babel import lazy_gettext as _l

    exc = AppealError(_l("The appeal period has ended."))
    with app.test_request_context("/"):
        with force_locale("zh"):
            assert exc.message == "申诉期已过。"
        with force_locale("en"):
            assert exc.message == "The appeal period has ended."


def test_too_many_decisions_is_a_period_error_with_its_message():
    exc = TooManyDecisions(600, 500)
    assert exc.status == 422
    assert isinstance(exc, PeriodError)
    assert "600 decisions" in exc.message


def test_every_exception_of_the_package_is_a_domain_error_or_named_as_not_one(app):
    found = {}
    for info in pkgutil.walk_packages(backoffice.__path__, "backoffice."):
        module = importlib.import_module(info.name)
        for name, obj in vars(module).items():
            if inspect.isclass(obj) and issubclass(obj, BaseException) and obj.__module__ == module.__name__:
                found[name] = obj
    assert set(FAMILIES) <= set(found.values())
    strays = {name for name, cls in found.items() if not issubclass(cls, DomainError)} - NOT_OPERATION_ERRORS
    assert strays == set()


# -- the web helper ----------------------------------------------------------------------------------

def _merchant(external_id: str) -> Merchant:
    merchant = Merchant(external_id=external_id, platform=Platform.zbj, name="测试")
    db.session.add(merchant)
    db.session.flush()
    record(Actor.system(), "merchant.create", "merchant", merchant.id)
    return merchant


def _kept(external_id: str) -> bool:
    db.session.rollback()  # read what was committed, not what the session still holds
    return db.session.query(Merchant).filter_by(external_id=external_id).count() == 1


def test_committing_commits_and_flashes_the_success_message(app):
    with app.test_request_context("/"):
        with committing("Saved.") as done:
            _merchant("m-ok")
        assert done
        assert done.status == 200
        assert done.error is None
        assert get_flashed_messages(with_categories=True) == [("success", "Saved.")]
    assert _kept("m-ok")


def test_committing_rolls_back_everything_and_flashes_the_refusal(app, count_rows):
    from backoffice.audit.models import AuditEvent

    events = count_rows(AuditEvent)
    with app.test_request_context("/"):
        with committing("Saved.") as done:
            _merchant("m-half")  # written and flushed ...
            raise AppealClosed("The appeal period has ended.")  # ... then refused
        assert not done
        assert done.status == 409
        assert isinstance(done.error, AppealClosed)
        assert get_flashed_messages(with_categories=True) == [("error", "The appeal period has ended.")]
        db.session.commit()  # the view carries on; whatever it commits later holds nothing of the block
    assert not _kept("m-half")
    assert count_rows(AuditEvent) == events


def test_committing_rolls_back_and_lets_other_exceptions_through(app):
    with app.test_request_context("/"):
        def buggy():
            with committing("Saved."):
                _merchant("m-bug")
                raise KeyError("bug")

        with pytest.raises(KeyError):
            buggy()
        db.session.commit()
        assert get_flashed_messages() == []
    assert not _kept("m-bug")


def test_acting_user_is_the_signed_in_person(app, make_user, client, login):
    user = make_user("reviewer", login="rev")
    seen = []

    @app.get("/test-actor")
    def who():
        seen.append(acting_user())
        return "ok"

    login("rev")
    assert client.get("/test-actor").status_code == 200
    assert [(a.user.id, a.via, a.token_id) for a in seen] == [(user.id, "web", None)]


# -- the API handler ---------------------------------------------------------------------------------

@pytest.fixture
def failing_routes(app):
    """``/api/v1/test-fail/<kind>`` and ``/test-fail/<kind>`` write a merchant, then raise a domain error."""
    errors = {"conflict": MerchantConflict("merchant m-x is on taobao, not zbj"),
              "independence": NotIndependent("You took part in the original decision."),
              "upload": UploadRejected("The file is empty."), "plain": AccountError("No such merchant.")}

    def fail(kind: str):
        _merchant(f"m-{kind}")
        raise errors[kind]

    app.add_url_rule("/api/v1/test-fail/<kind>", "api_fail", fail, methods=["POST"])
    app.add_url_rule("/test-fail/<kind>", "web_fail", fail, methods=["POST"])
    return errors


@pytest.mark.parametrize(("kind", "status", "code"), [
    ("conflict", 409, "conflict"), ("independence", 403, "forbidden"), ("upload", 422, "upload_rejected"),
    ("plain", 422, "unprocessable_entity")])
def test_api_answers_a_domain_error_with_its_status_and_shape(client, failing_routes, kind, status, code):
    response = client.post(f"/api/v1/test-fail/{kind}")
    assert response.status_code == status
    assert response.json == {"error": {"code": code, "message": failing_routes[kind].message}}
    assert not _kept(f"m-{kind}")  # rolled back


def test_a_domain_error_escaping_a_web_view_is_an_internal_error(client, failing_routes):
    response = client.post("/test-fail/plain")
    assert response.status_code == 500
    assert not response.is_json
    assert not _kept("m-plain")
