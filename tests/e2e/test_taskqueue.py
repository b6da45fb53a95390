"""task-queue describe and list-partition against the dev server and the test workers."""

from __future__ import annotations

import json
import uuid

import pytest

from helpers import wait_until

TQ = "hello-tasks"


def unserved_queue() -> str:
    return f"twctl-unserved-{uuid.uuid4().hex[:10]}"


@pytest.mark.compat
def test_describe_shows_the_workers_pollers(twctl):
    # A worker's pollers show once each has polled: right after the rig starts, one type may be missing.
    def both_types():
        j = twctl("task-queue", "describe", "-t", TQ, "-o", "json")
        assert j.returncode == 0, j.stderr
        doc = json.loads(j.stdout)
        kinds = {p["taskQueueType"] for p in doc["pollers"]}
        return {"TASK_QUEUE_TYPE_WORKFLOW", "TASK_QUEUE_TYPE_ACTIVITY"} <= kinds and doc

    doc = wait_until(both_types, timeout=30, message="workflow and activity pollers on hello-tasks")
    assert doc["reachability"] is None
    assert all(p["identity"] and p["lastAccessTime"].endswith("Z") for p in doc["pollers"])
    assert {s["taskQueueType"] for s in doc["stats"]} >= {"TASK_QUEUE_TYPE_WORKFLOW"}

    r = twctl("task-queue", "describe", "-t", TQ)
    assert r.returncode == 0, r.stderr
    assert "Task Queue Statistics:" in r.stdout
    pollers = r.stdout.split("Pollers:\n", 1)[1].splitlines()
    assert pollers[0].split() == ["BuildID", "TaskQueueType", "Identity", "LastAccessTime", "RatePerSecond"]
    rows = [line.split() for line in pollers[1:] if line.strip()]
    assert {row[1] for row in rows} >= {"Workflow", "Activity"}
    assert {row[2] for row in rows} == {p["identity"] for p in doc["pollers"]}


def test_describe_one_type_without_stats_with_reachability(twctl):
    r = twctl("task-queue", "describe", "-t", TQ, "--task-queue-type", "activity", "--disable-stats",
              "--report-reachability", "-o", "json")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["stats"] is None
    assert doc["pollers"] and {p["taskQueueType"] for p in doc["pollers"]} == {"TASK_QUEUE_TYPE_ACTIVITY"}
    assert doc["reachability"][0]["buildId"] == ""
    assert doc["reachability"][0]["reachability"].startswith("BUILD_ID_TASK_REACHABILITY_")


@pytest.mark.compat
def test_describe_report_config_and_legacy_mode(twctl):
    c = twctl("task-queue", "describe", "-t", TQ, "--task-queue-type", "activity", "--report-config")
    assert c.returncode == 0, c.stderr
    config = c.stdout.split("Task Queue Configuration:\n", 1)[1].splitlines()
    assert config[1].split()[0] == "Activity"
    assert "rps" in config[1]

    legacy = twctl("task-queue", "describe", "-t", TQ, "--legacy-mode", "--partitions-legacy", "2", "-o", "json")
    assert legacy.returncode == 0, legacy.stderr
    doc = json.loads(legacy.stdout)
    assert [q["partition"] for q in doc["taskQueues"]] == [0, 1]
    assert all("identity" in p for p in doc["pollers"])


@pytest.mark.compat
def test_require_pollers_on_served_and_unserved_queues(twctl):
    served = twctl("task-queue", "describe", "-t", TQ, "--require-pollers", "-o", "none")
    assert served.returncode == 0, served.stderr
    assert served.stdout == ""
    waited = twctl("task-queue", "describe", "-t", TQ, "--require-pollers", "--wait", "10s", "-o", "none")
    assert waited.returncode == 0, waited.stderr

    queue = unserved_queue()
    once = twctl("task-queue", "describe", "-t", queue, "--require-pollers")
    assert once.returncode == 4, once.stderr
    assert f"no poller on task queue {queue}" in once.stderr
    assert "Pollers:" in once.stdout

    timed = twctl("task-queue", "describe", "-t", queue, "--require-pollers", "--wait", "1500ms", "-o", "json")
    assert timed.returncode == 7, timed.stderr
    assert "within 1.5s" in timed.stderr
    assert json.loads(timed.stdout)["pollers"] == []


def test_backlog_on_an_unserved_queue(twctl, unique_id):
    queue = unserved_queue()
    count = 3
    for i in range(count):
        s = twctl("workflow", "start", "--type", "Nobody", "-t", queue, "-w", f"{unique_id}-{i}", "-o", "none")
        assert s.returncode == 0, s.stderr

    def backlog():
        r = twctl("task-queue", "describe", "-t", queue, "--task-queue-type", "workflow", "-o", "json")
        assert r.returncode == 0, r.stderr
        stats = json.loads(r.stdout)["stats"]
        return stats and stats[0]["approximateBacklogCount"] >= count and stats[0]

    stats = wait_until(backlog, timeout=30, message=f"a backlog of {count} on {queue}")
    assert stats["approximateBacklogAge"].endswith("s")
    text = twctl("task-queue", "describe", "-t", queue, "--task-queue-type", "workflow")
    row = text.stdout.split("Task Queue Statistics:\n", 1)[1].splitlines()[1].split()
    assert row[:2] == ["UNVERSIONED", "Workflow"]
    assert int(row[2]) >= count
    for i in range(count):
        twctl("workflow", "terminate", "-w", f"{unique_id}-{i}", "--reason", "test done")


@pytest.mark.compat
def test_list_partition(twctl):
    r = twctl("task-queue", "list-partition", "-t", TQ)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("Workflow Task Queue Partitions:\n")
    assert "Activity Task Queue Partitions:" in r.stdout
    assert f"  {TQ} " in r.stdout
    j = twctl("task-queue", "list-partition", "-t", TQ, "-o", "json")
    doc = json.loads(j.stdout)
    keys = [p["key"] for p in doc["workflowTaskQueuePartitions"]]
    assert TQ in keys
    assert all(p["ownerHostName"] for p in doc["activityTaskQueuePartitions"])


@pytest.mark.parametrize(
    "args,flag",
    [
        (["task-queue", "describe"], "--task-queue"),
        (["task-queue", "describe", "-t", TQ, "--task-queue-type", "sticky"], "--task-queue-type"),
        (["task-queue", "describe", "-t", TQ, "--wait", "5s"], "--wait"),
        (["task-queue", "describe", "-t", TQ, "--require-pollers", "--wait", "soon"], "--wait"),
        (["task-queue", "describe", "-t", TQ, "--partitions-legacy", "2"], "--partitions-legacy"),
        (["task-queue", "describe", "-t", TQ, "--legacy-mode", "--disable-stats"], "--disable-stats"),
        (["task-queue", "list-partition"], "--task-queue"),
    ],
)
def test_bad_input_is_a_usage_error(twctl, args, flag):
    # An address nothing listens on: a usage error must come before any connection.
    r = twctl(*args, address="127.0.0.1:1")
    assert r.returncode == 2, r.stderr
    assert flag in r.stderr.splitlines()[0]
    assert r.stdout == ""


@pytest.mark.server("current")
def test_config_set_and_get_round_trip(twctl):
    queue = unserved_queue()
    base = ["-t", queue, "--task-queue-type", "activity"]
    empty = twctl("task-queue", "config", "get", *base)
    assert empty.returncode == 0, empty.stderr
    assert [line.split()[-2:] for line in empty.stdout.splitlines()[1:]] == [["Not", "Set"], ["Not", "Set"]]

    s = twctl("task-queue", "config", "set", *base, "--queue-rps-limit", "25", "--queue-rps-limit-reason",
              "protect the api", "--fairness-key-weight", "gold=2", "--fairness-key-weight", "silver=0.5")
    assert s.returncode == 0, s.stderr
    assert "Task queue configuration updated." in s.stderr
    assert "  Queue Rate Limit                 25.00 rps  protect the api" in s.stdout

    g = twctl("task-queue", "config", "get", *base, "-o", "json")
    config = json.loads(g.stdout)
    assert config["queueRateLimit"]["rateLimit"]["requestsPerSecond"] == 25
    assert config["queueRateLimit"]["metadata"]["reason"] == "protect the api"
    assert config["fairnessWeightOverrides"] == {"gold": 2, "silver": 0.5}

    # describe --report-config shows the same limit, and that it now comes from the API.
    d = json.loads(twctl("task-queue", "describe", *base, "--report-config", "-o", "json").stdout)
    assert d["config"][0]["config"]["queueRateLimit"]["rateLimit"]["requestsPerSecond"] == 25
    assert d["config"][0]["effectiveRateLimit"]["rateLimitSource"] == "RATE_LIMIT_SOURCE_API"

    c = twctl("task-queue", "config", "set", *base, "--fairness-key-weight-clear-all", "--queue-rps-limit", "default")
    assert c.returncode == 0, c.stderr
    assert "Unsetting 2 fairness weight override(s)" in c.stderr
    after = json.loads(twctl("task-queue", "config", "get", *base, "-o", "json").stdout)
    assert "fairnessWeightOverrides" not in after
    assert "rateLimit" not in after.get("queueRateLimit", {})


@pytest.mark.parametrize(
    "args,flag",
    [
        (["task-queue", "config", "get", "-t", TQ], "--task-queue-type"),
        (["task-queue", "config", "set", "-t", TQ, "--task-queue-type", "activity"], "nothing to set"),
        (["task-queue", "config", "set", "-t", TQ, "--task-queue-type", "workflow", "--queue-rps-limit", "3"],
         "--queue-rps-limit"),
        (["task-queue", "config", "set", "-t", TQ, "--task-queue-type", "activity", "--fairness-key-weight", "a=0"],
         "--fairness-key-weight"),
    ],
)
def test_config_bad_input_is_a_usage_error(twctl, args, flag):
    r = twctl(*args, address="127.0.0.1:1")
    assert r.returncode == 2, r.stderr
    assert flag in r.stderr.splitlines()[0]


@pytest.mark.compat
@pytest.mark.server("legacy")
def test_config_set_on_a_server_without_fairness_weights_says_they_were_not_applied(twctl):
    # Server 1.29 drops the fields it does not know and answers as if all went well.
    base = ["-t", unserved_queue(), "--task-queue-type", "activity"]
    s = twctl("task-queue", "config", "set", *base, "--queue-rps-limit", "25", "--fairness-key-weight", "gold=2")
    assert s.returncode == 13, s.stderr
    assert "did not apply --fairness-key-weight for gold" in s.stderr
    assert "25.00 rps" in s.stdout
    g = json.loads(twctl("task-queue", "config", "get", *base, "-o", "json").stdout)
    assert g["queueRateLimit"]["rateLimit"]["requestsPerSecond"] == 25
