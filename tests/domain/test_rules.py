"""Metric rules evaluated on file_stream ingest (in-process app, both dialects): baseline comparisons,
a baseline group's k·σ, scope, one alert per episode, detectors, verdicts and the gate, webhook
deliveries with their signature and retries, and running a rule over existing runs."""

from __future__ import annotations

import argparse
import json
import math
from datetime import timedelta

import pytest
from sqlalchemy import select

from app import cli
from app.db import tables
from app.db.types import utcnow
from app.domain import rules
from tests.support.rules import (
    CREATE_RULE,
    CREATE_WEBHOOK,
    DELIVERIES,
    RUN_ALERTS,
    SECRET,
    SET_BASELINE,
    VERDICTS,
    Receiver,
    log,
    new_run,
    rule_input,
    verify_signature,
    wait_for,
)
from tests.support import make_account


@pytest.fixture
def settings(settings):
    return settings.model_copy(
        update={"webhook_allow_private": True, "webhook_retry_base_seconds": 0.2, "job_poll_seconds": 0.2}
    )


@pytest.fixture
async def alice(runtime, gql):
    """alice with her project p (holding one empty run)."""
    account = await make_account(runtime, "alice")
    await new_run(gql, account.key, "alice", "p", "first")
    return account


def curve(start: int, count: int, scale: float = 1.0) -> list[dict]:
    return [{"_step": step, "loss": scale / (step + 1)} for step in range(start, start + count)]


async def alerts_of(gql, key, run: str, project: str = "p") -> list[dict]:
    data = await gql.data(RUN_ALERTS, {"e": "alice", "p": project, "r": run}, key=key)
    return data["project"]["run"]["alerts"]


async def verdicts_of(gql, key, run: str, project: str = "p") -> list[tuple[str, str]]:
    data = await gql.data(VERDICTS, {"e": "alice", "p": project, "r": run}, key=key)
    return [(v["rule"]["name"], v["verdict"]) for v in data["project"]["run"]["ruleVerdicts"]]


async def gate(settings, path: str) -> int:
    return await cli.run(settings, argparse.Namespace(command="gate", run_path=path))


async def test_a_run_worse_than_the_baseline_at_the_same_step_alerts_once_and_fails_the_gate(
    http, gql, alice, settings, capsys
):
    await new_run(gql, alice.key, "alice", "p", "base")
    await log(http, alice.key, "alice/p/base", curve(0, 10), complete=True)
    await gql.data(SET_BASELINE, {"e": "alice", "p": "p", "r": "base"}, key=alice.key)
    await gql.data(
        CREATE_RULE,
        rule_input(
            "alice", "p", "loss-vs-baseline", comparison="BASELINE_SAME_STEP", tolerance=0.1, toleranceKind="RELATIVE"
        ),
        key=alice.key,
    )
    with Receiver() as receiver:
        await gql.data(
            CREATE_WEBHOOK,
            {"input": {"entityName": "alice", "projectName": "p", "url": receiver.url, "secret": SECRET}},
            key=alice.key,
        )
        await new_run(gql, alice.key, "alice", "p", "worse")
        await log(http, alice.key, "alice/p/worse", curve(0, 5))
        await log(http, alice.key, "alice/p/worse", curve(5, 3, scale=2.0), offset=5)  # regresses at step 5
        await log(http, alice.key, "alice/p/worse", curve(8, 2, scale=2.0), offset=8, complete=True)
        await new_run(gql, alice.key, "alice", "p", "good")
        await log(http, alice.key, "alice/p/good", curve(0, 10, scale=0.95), complete=True)

        assert await wait_for(lambda: _at_least(receiver, 1))
        await _settle()
    assert len(receiver.received) == 1
    delivery = receiver.received[0]
    assert verify_signature(delivery)
    event = delivery.json
    assert event["event"] == "alert.opened"
    alert = event["alert"]
    assert (alert["rule"], alert["run"], alert["project"], alert["entity"], alert["step"]) == (
        "loss-vs-baseline",
        "worse",
        "p",
        "alice",
        5,
    )
    assert math.isclose(alert["value"], 2.0 / 6) and math.isclose(alert["baselineValue"], 1.0 / 6)
    assert alert["url"].endswith("/alice/p/runs/worse")

    [opened] = await alerts_of(gql, alice.key, "worse")
    assert (opened["kind"], opened["state"], opened["step"], opened["rule"]["name"]) == (
        "RULE",
        "RESOLVED",
        5,
        "loss-vs-baseline",
    )
    assert await alerts_of(gql, alice.key, "good") == []
    assert await verdicts_of(gql, alice.key, "worse") == [("loss-vs-baseline", "FAIL")]
    assert await verdicts_of(gql, alice.key, "good") == [("loss-vs-baseline", "PASS")]
    assert await gate(settings, "alice/p/worse") == 1
    assert "FAIL" in capsys.readouterr().out
    assert await gate(settings, "alice/p/good") == 0
    assert await gate(settings, "alice/p/missing") == 2


async def _at_least(receiver: Receiver, count: int) -> bool:
    return len(receiver.received) >= count


async def _settle() -> None:
    import asyncio

    await asyncio.sleep(0.6)  # room for a wrong second delivery to arrive


@pytest.mark.parametrize(("final_acc", "alerts"), [(0.79, 0), (0.70, 1)])
async def test_a_baseline_group_raises_only_outside_k_sigma(http, gql, alice, final_acc, alerts):
    for index, acc in enumerate((0.80, 0.82, 0.78)):
        await new_run(gql, alice.key, "alice", "p", f"seed{index}", tags=["reference"])
        await log(
            http, alice.key, f"alice/p/seed{index}", [{"_step": 0, "acc": acc}], summary={"acc": acc}, complete=True
        )
    await gql.data(
        CREATE_RULE,
        rule_input(
            "alice",
            "p",
            "acc-vs-seeds",
            metric="acc",
            direction="HIGHER_IS_BETTER",
            comparison="BASELINE_GROUP",
            baselineFilters=json.dumps({"tags": "reference"}),
            tolerance=2,
            toleranceKind="SIGMA",
        ),
        key=alice.key,
    )
    await new_run(gql, alice.key, "alice", "p", "candidate")
    await log(http, alice.key, "alice/p/candidate", [{"_step": 0, "acc": final_acc}], complete=True)
    # mean 0.80, σ 0.02: 2σ below is 0.76
    assert len(await alerts_of(gql, alice.key, "candidate")) == alerts
    assert await verdicts_of(gql, alice.key, "candidate") == [("acc-vs-seeds", "FAIL" if alerts else "PASS")]


async def test_a_scoped_rule_ignores_other_runs(http, gql, alice):
    await gql.data(
        CREATE_RULE,
        rule_input("alice", "p", "imagenet-loss", threshold=0.5, scope=json.dumps({"config.dataset": "imagenet"})),
        key=alice.key,
    )
    for name, dataset in (("cifar", "cifar10"), ("imnet", "imagenet")):
        await new_run(gql, alice.key, "alice", "p", name, config=json.dumps({"dataset": {"value": dataset}}))
        await log(http, alice.key, f"alice/p/{name}", [{"_step": 0, "loss": 0.9}])
    assert await alerts_of(gql, alice.key, "cifar") == []
    assert [a["kind"] for a in await alerts_of(gql, alice.key, "imnet")] == ["RULE"]


async def test_a_run_that_stays_bad_raises_once_and_again_after_recovering(http, gql, alice):
    await gql.data(
        CREATE_RULE, rule_input("alice", "p", "cap", threshold=0.5, window=2, aggregate="MEAN"), key=alice.key
    )
    await new_run(gql, alice.key, "alice", "p", "r")
    offset = 0
    for values in ([0.4, 0.9], [1.0, 1.1], [1.2], [0.1, 0.1], [0.9, 0.9]):
        rows = [{"_step": offset + i, "loss": v} for i, v in enumerate(values)]
        await log(http, alice.key, "alice/p/r", rows, offset=offset)
        offset += len(values)
    found = sorted(await alerts_of(gql, alice.key, "r"), key=lambda a: a["step"])
    # means of two: 0.65 (step 1: opens) 0.95 1.05 1.15 0.65 (all still open) 0.1 (step 6: resolves)
    # 0.5 (not above the threshold) 0.9 (step 8: a new episode)
    assert [(a["step"], a["state"]) for a in found] == [(1, "RESOLVED"), (8, "OPEN")]
    assert math.isclose(found[0]["value"], 0.65) and found[0]["baselineValue"] == 0.5
    assert math.isclose(found[0]["difference"], 0.15)


async def test_warmup_and_change_against_the_previous_window(http, gql, alice):
    await gql.data(
        CREATE_RULE,
        rule_input(
            "alice", "p", "jump", comparison="CHANGE", window=2, tolerance=0.5, toleranceKind="RELATIVE", warmupSteps=2
        ),
        key=alice.key,
    )
    await new_run(gql, alice.key, "alice", "p", "r")
    # steps 0-1 are warm-up (ignored); then 1.0, 1.0 | 1.2, 1.2 (fine) | 2.0, 2.0 against 1.2 (+67%: alert)
    losses = [9.0, 9.0, 1.0, 1.0, 1.2, 1.2, 2.0, 2.0]
    await log(http, alice.key, "alice/p/r", [{"_step": s, "loss": v} for s, v in enumerate(losses)])
    [alert] = await alerts_of(gql, alice.key, "r")
    assert alert["step"] == 7 and alert["value"] == 2.0 and math.isclose(alert["baselineValue"], 1.2)


async def test_nan_detector(http, gql, alice):
    await gql.data(CREATE_RULE, rule_input("alice", "p", "finite", threshold=10, detectNonFinite=True), key=alice.key)
    await new_run(gql, alice.key, "alice", "p", "r")
    await log(http, alice.key, "alice/p/r", [{"_step": 0, "loss": 1.0}, '{"_step": 1, "loss": NaN}'])
    [alert] = await alerts_of(gql, alice.key, "r")
    assert (alert["kind"], alert["step"], alert["state"]) == ("NON_FINITE", 1, "OPEN")
    await log(http, alice.key, "alice/p/r", [], complete=True)
    assert await verdicts_of(gql, alice.key, "r") == [("finite", "FAIL")]


async def test_a_failed_run_and_a_stalled_run(http, gql, alice, runtime):
    await gql.data(
        CREATE_RULE, rule_input("alice", "p", "watch", threshold=10, detectFailed=True, stallMinutes=5), key=alice.key
    )
    await new_run(gql, alice.key, "alice", "p", "dies")
    await log(http, alice.key, "alice/p/dies", [{"_step": 0, "loss": 1.0}], complete=True, exit_code=1)
    assert [(a["kind"], a["state"]) for a in await alerts_of(gql, alice.key, "dies")] == [("FAILED", "RESOLVED")]
    assert await verdicts_of(gql, alice.key, "dies") == [("watch", "FAIL")]

    await new_run(gql, alice.key, "alice", "p", "quiet")
    await log(http, alice.key, "alice/p/quiet", [{"_step": 0, "loss": 1.0}])
    async with runtime.session_factory.begin() as session:
        assert await rules.check_stalled(session, now=utcnow() + timedelta(minutes=1)) == 0
    async with runtime.session_factory.begin() as session:
        # quiet, and the project's first run, which never logged at all
        assert await rules.check_stalled(session, now=utcnow() + timedelta(minutes=6)) == 2
    async with runtime.session_factory.begin() as session:
        assert await rules.check_stalled(session, now=utcnow() + timedelta(minutes=7)) == 0  # still open: once
    assert [(a["kind"], a["state"]) for a in await alerts_of(gql, alice.key, "quiet")] == [("STALLED", "OPEN")]
    await log(http, alice.key, "alice/p/quiet", [{"_step": 1, "loss": 1.0}], offset=1)
    assert [(a["kind"], a["state"]) for a in await alerts_of(gql, alice.key, "quiet")] == [("STALLED", "RESOLVED")]


async def test_retries_until_delivered_and_every_attempt_is_recorded(http, gql, alice):
    with Receiver(statuses=[500, 500, 200]) as receiver:
        hook = await gql.data(
            CREATE_WEBHOOK,
            {"input": {"entityName": "alice", "projectName": "p", "url": receiver.url, "secret": SECRET}},
            key=alice.key,
        )
        await gql.data(CREATE_RULE, rule_input("alice", "p", "cap", threshold=0.5), key=alice.key)
        await new_run(gql, alice.key, "alice", "p", "r")
        await log(http, alice.key, "alice/p/r", [{"_step": 0, "loss": 0.9}])
        assert await wait_for(lambda: _at_least(receiver, 3))
        await _settle()
    assert len(receiver.received) == 3
    assert len({r.body for r in receiver.received}) == 1 and all(verify_signature(r) for r in receiver.received)
    hook_id = hook["createWebhook"]["webhook"]["id"]
    attempts = (await gql.data(DELIVERIES, {"id": hook_id}, key=alice.key))["webhookDeliveries"]
    assert [(a["attempt"], a["statusCode"], a["delivered"]) for a in reversed(attempts)] == [
        (1, 500, False),
        (2, 500, False),
        (3, 200, True),
    ]


async def test_link_local_and_metadata_webhooks_are_refused(gql, alice, runtime):
    for url in (
        "http://169.254.169.254/latest/meta-data",
        "http://[fe80::1]/hook",
        "http://metadata.google.internal/x",
        "ftp://example.com/x",
    ):
        response = await gql.post(
            CREATE_WEBHOOK,
            {"input": {"entityName": "alice", "projectName": None, "url": url, "secret": SECRET}},
            key=alice.key,
        )
        error = response.json()["errors"][0]
        assert error["extensions"]["code"] == "BAD_USER_INPUT", error
    async with runtime.session_factory() as session:
        assert (await session.scalars(select(tables.Webhook))).all() == []


async def test_delivery_refuses_private_addresses_unless_allowed(runtime):
    from app.domain import webhooks

    with pytest.raises(webhooks.RefusedAddress):
        await webhooks.check_resolved("http://127.0.0.1:9/x", allow_private=False)
    with pytest.raises(webhooks.RefusedAddress):
        await webhooks.check_resolved("http://10.1.2.3/x", allow_private=False)
    with pytest.raises(webhooks.RefusedAddress):
        await webhooks.check_resolved("http://169.254.169.254/x", allow_private=True)
    await webhooks.check_resolved("http://127.0.0.1:9/x", allow_private=True)


async def test_a_rule_created_later_runs_over_existing_runs(http, gql, alice):
    await new_run(gql, alice.key, "alice", "p", "old")
    await log(http, alice.key, "alice/p/old", [{"_step": s, "loss": 0.2 * s} for s in range(6)], complete=True)
    await gql.data(CREATE_RULE, rule_input("alice", "p", "cap", threshold=0.5), key=alice.key)
    assert await verdicts_of(gql, alice.key, "old") == []
    data = await gql.data(
        """mutation { evaluateMetricRule(input: {entityName: "alice", projectName: "p",
        name: "cap"}) { evaluatedRuns } }""",
        key=alice.key,
    )
    assert data["evaluateMetricRule"]["evaluatedRuns"] == 2  # old, and the empty first run
    assert [(a["step"], a["state"]) for a in await alerts_of(gql, alice.key, "old")] == [(3, "RESOLVED")]
    assert await verdicts_of(gql, alice.key, "old") == [("cap", "FAIL")]


async def test_rules_are_listed_updated_and_deleted_with_audit(gql, alice, runtime):
    await gql.data(CREATE_RULE, rule_input("alice", "p", "cap", threshold=0.5), key=alice.key)
    status, error = await gql.error(CREATE_RULE, rule_input("alice", "p", "cap", threshold=0.5), key=alice.key)
    assert error["extensions"]["code"] == "CONFLICT"
    status, error = await gql.error(CREATE_RULE, rule_input("alice", "p", "x"), key=alice.key)
    assert "threshold" in error["message"]
    await gql.data(
        """mutation { updateMetricRule(input: {entityName: "alice", projectName: "p", name: "cap",
        threshold: 0.7, window: 3}) { rule { threshold window } } }""",
        key=alice.key,
    )
    listed = await gql.data(
        '{ project(name: "p", entityName: "alice") { metricRules { name threshold window } } }', key=alice.key
    )
    assert listed["project"]["metricRules"] == [{"name": "cap", "threshold": 0.7, "window": 3}]
    await gql.data(
        """mutation { deleteMetricRule(input: {entityName: "alice", projectName: "p", name: "cap"}) {
        success } }""",
        key=alice.key,
    )
    async with runtime.session_factory() as session:
        actions = (await session.scalars(select(tables.AuditEvent.action).order_by(tables.AuditEvent.id))).all()
    assert [a for a in actions if a.startswith("metric_rule")] == [
        "metric_rule.create",
        "metric_rule.update",
        "metric_rule.delete",
    ]


async def test_acknowledge_and_snooze(http, gql, alice, runtime):
    await gql.data(CREATE_RULE, rule_input("alice", "p", "cap", threshold=0.5), key=alice.key)
    await new_run(gql, alice.key, "alice", "p", "r")
    await log(http, alice.key, "alice/p/r", [{"_step": 0, "loss": 0.9}])
    [alert] = await alerts_of(gql, alice.key, "r")
    acked = await gql.data(
        "mutation($id: ID!) { acknowledgeAlert(input: {id: $id}) { alert { state } } }",
        {"id": alert["id"]},
        key=alice.key,
    )
    assert acked["acknowledgeAlert"]["alert"]["state"] == "ACKNOWLEDGED"
    snoozed = await gql.data(
        "mutation($id: ID!) { snoozeAlert(input: {id: $id, minutes: 30}) { alert { snoozedUntil } } }",
        {"id": alert["id"]},
        key=alice.key,
    )
    assert snoozed["snoozeAlert"]["alert"]["snoozedUntil"]
    filtered = await gql.data(
        '{ project(name: "p", entityName: "alice") { alerts(states: [ACKNOWLEDGED]) { edges { node { id } } } } }',
        key=alice.key,
    )
    assert [e["node"]["id"] for e in filtered["project"]["alerts"]["edges"]] == [alert["id"]]
    async with runtime.session_factory() as session:
        actions = set((await session.scalars(select(tables.AuditEvent.action))).all())
    assert {"alert.acknowledge", "alert.snooze"} <= actions


async def test_notifications_survive_a_lost_listener_connection(runtime, database_url):
    import asyncio

    from sqlalchemy import text

    from app.db import notify

    if not database_url.startswith("postgresql"):
        pytest.skip("SQLite notifies in process")
    hub = runtime.hub
    with hub.subscribe(rules.ALERT_CHANNEL) as events:
        pid = hub._connection.get_server_pid()
        async with runtime.session_factory.begin() as session:
            await session.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})

        async def reconnected() -> bool:
            return (
                hub._connection is not None
                and not hub._connection.is_closed()
                and hub._connection.get_server_pid() != pid
            )

        assert await wait_for(reconnected, timeout=10)
        async with runtime.session_factory.begin() as session:
            await notify.notify(session, rules.ALERT_CHANNEL, '{"probe": 1}')
        assert json.loads(await asyncio.wait_for(events.get(), 10)) == {"probe": 1}
