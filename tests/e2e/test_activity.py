"""activity complete | fail: an operator finishes an activity its worker left open (AwaitsOperator on edge-tasks,
whose activity `approve` completes asynchronously), against the dev server."""

from __future__ import annotations

import json

import pytest

from helpers import wait_until

EDGE = "edge-tasks"


def start_awaiting(twctl, wid: str) -> None:
    r = twctl("workflow", "start", "--type", "AwaitsOperator", "-t", EDGE, "-w", wid, "-i", '"order-7"')
    assert r.returncode == 0, r.stderr

    def started():
        d = json.loads(twctl("workflow", "describe", "-w", wid, "-o", "json").stdout)
        return any(a.get("activityId") == "approve" and a.get("state") == "PENDING_ACTIVITY_STATE_STARTED"
                   for a in d.get("pendingActivities", []))
    wait_until(started, timeout=30, message="the activity started on the worker")


@pytest.mark.compat
def test_complete_gives_the_workflow_its_result(twctl, unique_id):
    start_awaiting(twctl, unique_id)
    c = twctl("activity", "complete", "-w", unique_id, "-a", "approve", "--result", '{"approved": true}')
    assert c.returncode == 0, c.stderr
    assert c.stdout == ""
    assert c.stderr == f"Completed activity approve of workflow {unique_id}\n"
    r = twctl("workflow", "result", "-w", unique_id, "-o", "json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["result"] == {"approved": True}


@pytest.mark.compat
def test_fail_fails_it_without_retries(twctl, unique_id):
    start_awaiting(twctl, unique_id)
    f = twctl("activity", "fail", "-w", unique_id, "-a", "approve", "--reason", "card declined",
              "--detail", '{"code": 51}', "-o", "json")
    assert f.returncode == 0, f.stderr
    assert json.loads(f.stdout) == {"workflowId": unique_id, "runId": "", "activityId": "approve", "failed": True}
    r = twctl("workflow", "result", "-w", unique_id, "-o", "json")
    assert r.returncode == 3, r.stderr
    close = json.loads(r.stdout)["closeEvent"]
    cause = close["workflowExecutionFailedEventAttributes"]["failure"]["cause"]
    assert cause["message"] == "card declined"
    assert cause["applicationFailureInfo"]["type"] == "CLIFailure"
    history = twctl("workflow", "show", "-w", unique_id, "--event-type", "ActivityTaskStarted", "-o", "jsonl")
    started = [json.loads(line) for line in history.stdout.splitlines()]
    assert [e["activityTaskStartedEventAttributes"]["attempt"] for e in started] == [1]


def test_unknown_activity_is_not_found_and_bad_input_sends_nothing(twctl, unique_id):
    start_awaiting(twctl, unique_id)
    try:
        missing = twctl("activity", "complete", "-w", unique_id, "-a", "no-such", "--result", "1")
        assert missing.returncode == 4, missing.stderr
        bad = twctl("activity", "complete", "-w", unique_id, "-a", "approve", "--result", "{not json")
        assert bad.returncode == 2
        assert "--result" in bad.stderr
        none = twctl("activity", "fail", "-w", unique_id)
        assert none.returncode == 2
        assert "--activity-id" in none.stderr
        d = json.loads(twctl("workflow", "describe", "-w", unique_id, "-o", "json").stdout)
        assert d["workflowExecutionInfo"]["status"] == "WORKFLOW_EXECUTION_STATUS_RUNNING"
    finally:
        twctl("workflow", "terminate", "-w", unique_id)


def pending(twctl, wid: str) -> dict:
    d = json.loads(twctl("workflow", "describe", "-w", wid, "-o", "json").stdout)
    return next(a for a in d["pendingActivities"] if a["activityId"] == "approve")


@pytest.mark.compat
def test_pause_unpause_and_reset(twctl, rig, unique_id):
    start_awaiting(twctl, unique_id)
    try:
        p = twctl("activity", "pause", "-w", unique_id, "-a", "approve", "--reason", "api down")
        assert p.returncode == 0, p.stderr
        assert p.stderr == f"Paused activity approve of workflow {unique_id}\n"
        a = pending(twctl, unique_id)
        assert a["paused"] is True
        assert a["pauseInfo"]["manual"]["reason"] == "api down"
        text = twctl("workflow", "describe", "-w", unique_id).stdout
        assert "  PauseReason         api down\n" in text

        u = twctl("activity", "unpause", "-w", unique_id, "--activity-type", "await_operator", "-o", "json")
        assert u.returncode == 0, u.stderr
        assert json.loads(u.stdout)["activityType"] == "await_operator"
        assert "paused" not in pending(twctl, unique_id)

        # Server 1.29 does not know match_all on ResetActivity (it looks for an activity without an ID).
        which = ["--match-all"] if rig.server == "current" else ["-a", "approve"]
        r = twctl("activity", "reset", "-w", unique_id, *which, "--reset-heartbeats")
        assert r.returncode == 0, r.stderr
        words = "all activities" if rig.server == "current" else "activity approve"
        assert r.stderr == f"Reset {words} of workflow {unique_id}\n"
    finally:
        twctl("workflow", "terminate", "-w", unique_id)


@pytest.mark.parametrize("args,flag", [
    (["activity", "pause", "-w", "x"], "--activity-id"),
    (["activity", "pause", "-w", "x", "-a", "a", "--activity-type", "t"], "--activity-type"),
    (["activity", "unpause", "--activity-type", "a"], "--workflow-id"),
    (["activity", "unpause", "-a", "a", "--reset-attempts"], "--reset-attempts"),
    (["activity", "reset", "-w", "x", "-a", "a", "--jitter", "soon"], "--jitter"),
])
def test_pause_family_bad_input_is_a_usage_error(twctl, args, flag):
    r = twctl(*args, address="127.0.0.1:1")
    assert r.returncode == 2, r.stderr
    assert flag in r.stderr
    assert r.stdout == ""


@pytest.mark.compat
def test_update_options_changes_only_what_is_given(twctl, unique_id):
    start_awaiting(twctl, unique_id)
    try:
        u = twctl("activity", "update-options", "-w", unique_id, "-a", "approve", "--start-to-close-timeout", "2m",
                  "--retry-maximum-attempts", "9")
        assert u.returncode == 0, u.stderr
        card = {line.split()[0]: line.split(None, 1)[1] for line in u.stdout.splitlines()[1:]}
        assert card["StartToCloseTimeout"] == "2m0s"
        assert card["MaximumAttempts"] == "9"
        assert card["TaskQueue"] == EDGE  # unchanged
        j = twctl("activity", "update-options", "-w", unique_id, "-a", "approve", "--heartbeat-timeout", "30s",
                  "-o", "json")
        assert j.returncode == 0, j.stderr
        options = json.loads(j.stdout)
        assert options["heartbeatTimeout"] == "30s"
        assert options["startToCloseTimeout"] == "120s"
        assert options["retryPolicy"]["maximumAttempts"] == 9
    finally:
        twctl("workflow", "terminate", "-w", unique_id)
