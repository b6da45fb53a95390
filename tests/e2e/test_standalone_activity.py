"""Standalone activities (activity start | execute | result | describe | list | count | cancel | terminate |
delete, and complete without -w) against the dev server with real Python workers: say_hello on hello-tasks
completes, fail_activity on edge-tasks fails without retries, await_operator on edge-tasks stays open until an
operator finishes it."""

from __future__ import annotations

import json

import pytest

from helpers import wait_until

pytestmark = pytest.mark.server("current")  # standalone activities are switched on in today's dev server only

EDGE = "edge-tasks"


def start(twctl, aid: str, type_: str, queue: str, *extra: str):
    return twctl("activity", "start", "-a", aid, "--type", type_, "-t", queue, "--start-to-close-timeout", "30s",
                 *extra)


def describe(twctl, aid: str) -> dict:
    r = twctl("activity", "describe", "-a", aid, "-o", "json")
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def wait_started(twctl, aid: str) -> dict:
    return wait_until(lambda: (lambda d: d if d["info"].get("runState") == "PENDING_ACTIVITY_STATE_STARTED" else None)(
        describe(twctl, aid)), timeout=30, message=f"activity {aid} started on the worker")


def test_execute_prints_the_result(twctl, unique_id):
    r = twctl("activity", "execute", "-a", unique_id, "--type", "say_hello", "-t", "hello-tasks",
              "--start-to-close-timeout", "30s", "-i", '"World"', "-o", "json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == {"activityId": unique_id, "runId": json.loads(r.stdout)["runId"],
                                    "status": "COMPLETED", "result": "Hello, World!"}
    text = twctl("activity", "result", "-a", unique_id)
    assert text.returncode == 0, text.stderr
    assert "Results:" in text.stdout and "Hello, World!" in text.stdout
    d = describe(twctl, unique_id)
    assert d["info"]["status"] == "ACTIVITY_EXECUTION_STATUS_COMPLETED"
    assert d["outcome"]["result"] == ["Hello, World!"]
    assert d["result"] == "Hello, World!"


def test_a_failed_activity_exits_3_with_its_failure(twctl, unique_id):
    s = start(twctl, unique_id, "fail_activity", EDGE, "-o", "json")
    assert s.returncode == 0, s.stderr
    started = json.loads(s.stdout)
    assert started["activityId"] == unique_id and started["started"] is True and started["runId"]
    r = twctl("activity", "result", "-a", unique_id, "-o", "json")
    assert r.returncode == 3, r.stderr
    out = json.loads(r.stdout)
    assert out["status"] == "FAILED"
    assert out["failure"]["message"] == "database unreachable"
    assert r.stderr.startswith("Error: activity failed")
    text = twctl("activity", "describe", "-a", unique_id)
    assert text.returncode == 0, text.stderr
    assert "Activity Execution Info:" in text.stdout
    assert "Failed" in text.stdout


def test_describe_list_count_and_complete_from_outside(twctl, unique_id):
    assert start(twctl, unique_id, "await_operator", EDGE, "-i", '"order-9"').returncode == 0
    d = wait_started(twctl, unique_id)
    assert d["info"]["activityType"]["name"] == "await_operator"
    assert d["info"]["attempt"] == 1
    query = f"ActivityId = '{unique_id}'"
    listed = wait_until(lambda: [json.loads(line) for line in
                                 twctl("activity", "list", "-q", query, "-o", "jsonl").stdout.splitlines()],
                        timeout=30, message="the activity in visibility")
    assert [a["activityId"] for a in listed] == [unique_id]
    table = twctl("activity", "list", "-q", query)
    assert table.stdout.splitlines()[0].split() == ["Status", "ActivityId", "Type", "ScheduleTime"]
    assert table.stdout.splitlines()[1].split()[:3] == ["Running", unique_id, "await_operator"]
    count = twctl("activity", "count", "-q", query)
    assert count.stdout == "Total: 1\n", count.stderr

    done = twctl("activity", "complete", "-a", unique_id, "--result", '{"approved": true}')
    assert done.returncode == 0, done.stderr
    r = twctl("activity", "result", "-a", unique_id, "-o", "json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["result"] == {"approved": True}


def test_pause_update_options_and_reset_a_standalone_activity(twctl, unique_id):
    assert start(twctl, unique_id, "await_operator", EDGE, "-i", '"order-11"').returncode == 0
    wait_started(twctl, unique_id)
    p = twctl("activity", "pause", "-a", unique_id, "--reason", "api down")
    assert p.returncode == 0, p.stderr
    assert p.stderr == f"Paused standalone activity {unique_id}\n"
    wait_until(lambda: describe(twctl, unique_id)["info"].get("runState") in
               ("PENDING_ACTIVITY_STATE_PAUSE_REQUESTED", "PENDING_ACTIVITY_STATE_PAUSED"), timeout=30,
               message="the activity paused")
    u = twctl("activity", "update-options", "-a", unique_id, "--heartbeat-timeout", "20s", "-o", "json")
    assert u.returncode == 0, u.stderr
    assert json.loads(u.stdout)["heartbeatTimeout"] == "20s"
    assert describe(twctl, unique_id)["info"]["heartbeatTimeout"] == "20s"
    r = twctl("activity", "unpause", "-a", unique_id)
    assert r.returncode == 0, r.stderr
    wait_until(lambda: describe(twctl, unique_id)["info"].get("runState") not in
               ("PENDING_ACTIVITY_STATE_PAUSE_REQUESTED", "PENDING_ACTIVITY_STATE_PAUSED"), timeout=30,
               message="the activity unpaused")
    assert twctl("activity", "terminate", "-a", unique_id).returncode == 0


def test_cancel_terminate_and_delete(twctl, unique_id):
    assert start(twctl, unique_id, "await_operator", EDGE, "-i", '"order-10"').returncode == 0
    wait_started(twctl, unique_id)
    c = twctl("activity", "cancel", "-a", unique_id, "--reason", "not needed")
    assert c.returncode == 0, c.stderr
    assert c.stderr == f"Cancellation requested for activity {unique_id}\n"
    assert describe(twctl, unique_id)["info"].get("canceledReason") == "not needed"

    t = twctl("activity", "terminate", "-a", unique_id, "--reason", "stuck", "-o", "json")
    assert t.returncode == 0, t.stderr
    assert json.loads(t.stdout) == {"activityId": unique_id, "runId": "", "terminated": True}
    r = twctl("activity", "result", "-a", unique_id, "-o", "json")
    assert r.returncode == 3
    assert json.loads(r.stdout)["status"] == "TERMINATED"

    no_yes = twctl("activity", "delete", "-a", unique_id)
    assert no_yes.returncode == 2 and "--yes" in no_yes.stderr
    assert describe(twctl, unique_id)  # still there
    gone = twctl("activity", "delete", "-a", unique_id, "--yes")
    assert gone.returncode == 0, gone.stderr
    wait_until(lambda: twctl("activity", "describe", "-a", unique_id).returncode == 4, timeout=30,
               message="the deleted activity not found")


def test_a_batch_terminates_what_the_query_matches(twctl, unique_id):
    ids = [f"{unique_id}-{i}" for i in range(2)]
    for aid in ids:
        assert start(twctl, aid, "await_operator", EDGE, "-i", '"batch"').returncode == 0
    query = f"ActivityId STARTS_WITH '{unique_id}-' AND ExecutionStatus = 'Running'"
    wait_until(lambda: twctl("activity", "count", "-q", query).stdout == "Total: 2\n", timeout=30,
               message="both activities in visibility")
    b = twctl("activity", "terminate", "-q", query, "--reason", "batch", "--yes", "--wait")
    assert b.returncode == 0, b.stderr
    for aid in ids:
        assert describe(twctl, aid)["info"]["status"] == "ACTIVITY_EXECUTION_STATUS_TERMINATED"


@pytest.mark.parametrize("args,flag", [
    (["activity", "start", "--type", "say_hello", "-t", "hello-tasks"], "--start-to-close-timeout"),
    (["activity", "start", "--type", "say_hello", "-t", "hello-tasks", "--start-to-close-timeout", "1x"],
     "--start-to-close-timeout"),
    (["activity", "start", "--type", "say_hello", "-t", "hello-tasks", "--start-to-close-timeout", "5s",
      "--retry-backoff-coefficient", "0.5"], "--retry-backoff-coefficient"),
    (["activity", "start", "--type", "say_hello", "-t", "hello-tasks", "--start-to-close-timeout", "5s",
      "--id-reuse-policy", "Sometimes"], "--id-reuse-policy"),
    (["activity", "start", "--type", "say_hello", "-t", "hello-tasks", "--start-to-close-timeout", "5s",
      "-i", "{not json"], "--input"),
    (["activity", "execute", "--type", "say_hello", "-t", "hello-tasks", "--start-to-close-timeout", "5s",
      "--priority-key", "0"], "--priority-key"),
])
def test_bad_start_input_is_a_usage_error_and_starts_nothing(twctl, unique_id, args, flag):
    r = twctl(*args, "-a", unique_id)
    assert r.returncode == 2, r.stderr
    assert flag in r.stderr
    assert r.stdout == ""
    assert twctl("activity", "describe", "-a", unique_id).returncode == 4


@pytest.mark.parametrize("args,flag", [
    (["activity", "cancel"], "--activity-id"),
    (["activity", "cancel", "-a", "x", "-q", "ActivityId='x'"], "-q/--query"),
    (["activity", "terminate", "-q", "ActivityId='x'", "-r", "r"], "--run-id"),
    (["activity", "terminate", "-a", "x", "--wait"], "--wait"),
    (["activity", "delete", "-q", "ActivityId='x'"], "--yes"),
    (["activity", "list", "--limit", "-1"], "--limit"),
    (["activity", "result"], "--activity-id"),
])
def test_bad_stop_input_is_a_usage_error(twctl, args, flag):
    r = twctl(*args, address="127.0.0.1:1")
    assert r.returncode == 2, r.stderr
    assert flag in r.stderr
    assert r.stdout == ""
