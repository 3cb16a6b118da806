"""/metrics: request latency by endpoint, flags by rule, job outcomes, queue depth, webhook lag; protected."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import sqlalchemy as sa
from prometheus_client.parser import text_string_to_metric_families

from backoffice.cases.models import Flag, FlagSource
from backoffice.db import utcnow
from backoffice.extensions import db
from backoffice.ingest.operations import ingest
from backoffice.merchants.models import Platform
from backoffice.ops import metrics
from backoffice.webhooks import operations as webhooks
from backoffice.webhooks.models import OutboxEvent
from tests.builders import CLI, WECHAT, chat


def scrape(client, **kwargs) -> dict[tuple[str, tuple], float]:
    response = client.get("/metrics", **kwargs)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == "text/plain"
    # One charset: a repeated parameter makes Prometheus 3's media-type parser refuse the scrape.
    assert response.headers["Content-Type"].count("charset") == 1
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for family in text_string_to_metric_families(response.get_data(as_text=True)) for s in family.samples}


def value(samples, name: str, **labels) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


def test_request_latency_is_counted_per_endpoint_and_status_class_never_per_path(client):
    before = scrape(client)
    for case_id in (101, 102, 103):
        client.get(f"/cases/{case_id}")  # redirected to the sign-in page: 3xx
    client.get("/no/such/page")
    after = scrape(client)
    key = dict(endpoint="cases.show", status="3xx")
    assert value(after, "backoffice_request_duration_seconds_count", **key) - \
        value(before, "backoffice_request_duration_seconds_count", **key) == 3
    assert value(after, "backoffice_request_duration_seconds_count", endpoint="unmatched", status="4xx") >= 1
    assert not any("/cases/10" in str(labels) for _, labels in after)


def test_flags_are_counted_by_rule_when_the_ingestion_commits_and_not_when_it_rolls_back(client):
    key = dict(rule="zbj.offsite_contact", category="offsite_contact", source="detector")
    before = value(scrape(client), "backoffice_flags_total", **key)
    ingest(CLI, chat("c-rolled-back", "m-1", ("merchant", WECHAT)))
    db.session.rollback()
    assert value(scrape(client), "backoffice_flags_total", **key) == before
    ingest(CLI, chat("c-kept", "m-1", ("merchant", WECHAT)))
    db.session.commit()
    raised = db.session.scalar(sa.select(sa.func.count()).select_from(Flag).where(
        Flag.rule_code == key["rule"], Flag.source == FlagSource.detector))
    assert raised >= 1
    assert value(scrape(client), "backoffice_flags_total", **key) == before + raised


def test_job_outcomes_and_queue_depth_come_from_the_job_queue(client, monkeypatch):
    before = value(scrape(client), "backoffice_job_outcomes_total", job="retention_purge", outcome="succeeded")
    metrics.record_job("retention_purge", "succeeded")
    monkeypatch.setattr(metrics, "queue_depth", lambda: {"default": 7, "webhooks": 2})
    after = scrape(client)
    assert value(after, "backoffice_job_outcomes_total", job="retention_purge", outcome="succeeded") == before + 1
    assert value(after, "backoffice_queue_depth", queue="default") == 7
    assert value(after, "backoffice_queue_depth", queue="webhooks") == 2


def test_webhook_lag_is_the_age_of_the_oldest_event_waiting_for_delivery(client, make_merchant):
    assert value(scrape(client), "backoffice_webhook_lag_seconds") == 0
    webhooks.add_endpoint(CLI, Platform.zbj, "http://127.0.0.1:9/hook")
    db.session.commit()
    make_merchant()  # its opening is an event, now waiting for the endpoint
    db.session.execute(sa.update(OutboxEvent).values(created_at=utcnow() - timedelta(hours=1)))
    db.session.commit()
    assert 3600 <= value(scrape(client), "backoffice_webhook_lag_seconds") < 3700


@pytest.mark.parametrize(("config", "environ", "headers", "allowed"), [
    ({}, {"REMOTE_ADDR": "127.0.0.1"}, {}, True),                      # the default: this machine
    ({}, {"REMOTE_ADDR": "203.0.113.9"}, {}, False),                   # the internet
    ({}, {"REMOTE_ADDR": "127.0.0.1"}, {"X-Forwarded-For": "203.0.113.9"}, False),  # an undeclared proxy
    ({"METRICS_NETWORKS": "10.0.0.0/8"}, {"REMOTE_ADDR": "10.1.2.3"}, {}, True),
    ({"METRICS_NETWORKS": "10.0.0.0/8"}, {"REMOTE_ADDR": "127.0.0.1"}, {}, False),
    ({"METRICS_NETWORKS": "", "METRICS_TOKEN": "s3cret-token"}, {"REMOTE_ADDR": "203.0.113.9"},
     {"Authorization": "Bearer s3cret-token"}, True),
    ({"METRICS_NETWORKS": "", "METRICS_TOKEN": "s3cret-token"}, {"REMOTE_ADDR": "203.0.113.9"},
     {"Authorization": "Bearer wrong"}, False),
    ({"METRICS_NETWORKS": "", "METRICS_TOKEN": ""}, {"REMOTE_ADDR": "203.0.113.9"}, {"Authorization": "Bearer "},
     False),                                                           # no token configured: none matches
])
def test_metrics_answer_only_allowed_networks_or_the_token(app, config, environ, headers, allowed):
    app.config.update(config)
    response = app.test_client().get("/metrics", environ_base=environ, headers=headers)
    assert response.status_code == (200 if allowed else 403)
    assert ("backoffice_request_duration_seconds" in response.get_data(as_text=True)) is allowed


def test_a_bad_network_setting_stops_the_start(app):
    from backoffice import create_app

    with pytest.raises(RuntimeError, match="METRICS_NETWORKS"):
        create_app({**{k: app.config[k] for k in ("TESTING", "DATABASE_URL", "SECRET_KEY")},
                    "METRICS_NETWORKS": "10.0.0.0/33"})


def test_several_processes_add_up_in_multiprocess_mode(tmp_path):
    """gunicorn workers are processes: each writes its own file and any of them answers for all."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(tmp_path)}
    count_one = ("from backoffice.ops import metrics; metrics.record_job('deliver', 'succeeded')")
    for _ in range(3):
        subprocess.run([sys.executable, "-c", count_one], env=env, check=True, timeout=120)
    read = ("import os; from prometheus_client import CollectorRegistry, generate_latest, multiprocess;"
            "r = CollectorRegistry(); multiprocess.MultiProcessCollector(r); print(generate_latest(r).decode())")
    out = subprocess.run([sys.executable, "-c", read], env=env, check=True, timeout=120,
                         capture_output=True, text=True).stdout
    assert re.search(r'backoffice_job_outcomes_total\{job="deliver",outcome="succeeded"\} 3\.0', out)
