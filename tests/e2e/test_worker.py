"""worker list, describe and count against the dev server: the rig's Python worker (temporalio 1.20.0) sends
worker heartbeats, one per worker (task queue) a minute, so the first ones come up to a minute after it started."""

from __future__ import annotations

import json

import pytest

from helpers import wait_until

TQ = "hello-tasks"


def _hello_worker(twctl):
    r = twctl("worker", "list", "-q", f"TaskQueue='{TQ}'", "-o", "jsonl")
    assert r.returncode == 0, r.stderr
    workers = [json.loads(line)["workerHeartbeat"] for line in r.stdout.splitlines()]
    return [w for w in workers if w["taskQueue"] == TQ]


@pytest.mark.server("current")
def test_worker_list_describe_count(twctl):
    workers = wait_until(lambda: _hello_worker(twctl), timeout=90, interval=1,
                         message=f"a worker heartbeat from the {TQ} worker")
    w = workers[0]
    assert w["sdkName"] == "temporal-python"
    assert w["status"] == "WORKER_STATUS_RUNNING"
    key = w["workerInstanceKey"]

    table = twctl("worker", "list", "-q", f"TaskQueue='{TQ}'")
    assert table.returncode == 0, table.stderr
    lines = table.stdout.splitlines()
    assert lines[0].split() == ["WorkerInstanceKey", "Status", "TaskQueue", "WorkerIdentity", "HostName",
                                "Deployment", "HeartbeatTime", "Elapsed"]
    row = next(line.split() for line in lines[1:] if line.split()[0] == key)
    assert row[1:4] == ["Running", TQ, w["workerIdentity"]]

    d = twctl("worker", "describe", "--worker-instance-key", key)
    assert d.returncode == 0, d.stderr
    card = {line.split()[0]: line.split(None, 1)[1] if len(line.split()) > 1 else ""
            for line in d.stdout.splitlines()}
    assert card["WorkerInstanceKey"] == key
    assert card["TaskQueue"] == TQ
    assert card["SdkName"] == "temporal-python"
    assert json.loads(card["HostInfo"])["hostName"] == w["hostInfo"]["hostName"]
    dj = twctl("worker", "describe", "--worker-instance-key", key, "-o", "json")
    assert json.loads(dj.stdout)["workerHeartbeat"]["workerInstanceKey"] == key

    c = twctl("worker", "count", "-q", f"TaskQueue='{TQ}'")
    assert c.returncode == 0, c.stderr
    assert int(c.stdout) >= 1
    cj = twctl("worker", "count", "-o", "json")
    assert int(json.loads(cj.stdout)["count"]) >= int(c.stdout)


@pytest.mark.server("current")
def test_worker_describe_unknown_key_is_not_found(twctl):
    r = twctl("worker", "describe", "--worker-instance-key", "no-such-worker")
    assert r.returncode == 4, (r.returncode, r.stderr)
    assert r.stdout == ""


def test_worker_bad_input_is_a_usage_error(twctl):
    for args, flag in [(["worker", "describe"], "--worker-instance-key"),
                       (["worker", "list", "--limit", "-1"], "--limit"),
                       (["worker", "list", "--limit", "many"], "--limit")]:
        r = twctl(*args, address="127.0.0.1:1")
        assert r.returncode == 2, (args, r.stderr)
        assert flag in r.stderr.splitlines()[0]


@pytest.mark.compat
@pytest.mark.server("legacy")
def test_worker_commands_on_a_server_without_worker_heartbeats_are_unsupported(twctl):
    for args in (["worker", "list"], ["worker", "count"], ["worker", "describe", "--worker-instance-key", "k"]):
        r = twctl(*args)
        assert r.returncode == 13, (args, r.returncode, r.stderr)
        assert r.stdout == ""
        assert len(r.stderr.splitlines()) == 1, r.stderr
