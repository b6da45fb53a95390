"""Bad input, missing workflows, duplicate starts and a server that is down: one exit code each."""

import json
import socket
import time

import pytest


def assert_not_started(twctl, wid):
    d = twctl("workflow", "describe", "-w", wid)
    assert d.returncode == 4, f"workflow {wid} exists: {d.stdout}"


@pytest.mark.parametrize(
    "extra, needle",
    [
        (["-i", "{not json"], "--input #1 is not valid JSON"),
        (["--execution-timeout", "ten minutes"], "--execution-timeout"),
        (["--unknown-flag"], "--unknown-flag"),
        (["--memo", "k=bare words"], "--memo"),
    ],
    ids=["malformed-json", "bad-duration", "unknown-flag", "bad-memo"],
)
def test_bad_input_exits_2_and_starts_nothing(twctl, unique_id, extra, needle):
    r = twctl("workflow", "start", "--type", "Echo", "-t", "edge-tasks", "-w", unique_id, *extra)
    assert r.returncode == 2
    assert r.stdout == ""
    assert r.stderr.startswith("Error: ")
    assert needle in r.stderr.splitlines()[0]
    assert_not_started(twctl, unique_id)


def test_missing_task_queue_exits_2_and_starts_nothing(twctl, unique_id):
    r = twctl("workflow", "start", "--type", "Echo", "-w", unique_id, "-i", "1")
    assert r.returncode == 2
    assert "--task-queue" in r.stderr
    assert_not_started(twctl, unique_id)


def test_usage_error_in_json_mode_is_also_a_json_object(twctl, unique_id):
    r = twctl("workflow", "start", "--type", "Echo", "-t", "edge-tasks", "-w", unique_id, "-i", "{", "-o", "json")
    assert r.returncode == 2
    err = json.loads(r.stderr.splitlines()[1])["error"]
    assert err["code"] == 2 and err["kind"] == "usage"
    assert "--input #1" in err["message"]


@pytest.mark.compat
def test_unknown_workflow_is_not_found(twctl, unique_id):
    for verb in (["describe"], ["result"], ["show"], ["cancel"], ["query", "--name", "count"]):
        r = twctl("workflow", *verb, "-w", unique_id, "-o", "json")
        assert r.returncode == 4, (verb, r.stderr)
        err = json.loads(r.stderr.splitlines()[-1])["error"]
        assert err["kind"] == "not_found"
        assert err["grpcStatus"]["name"] == "NOT_FOUND"


def test_unknown_namespace_is_not_found(twctl):
    r = twctl("workflow", "list", "-n", "no-such-namespace")
    assert r.returncode == 4
    assert "no-such-namespace" in r.stderr


def test_starting_a_running_id_again_is_already_started(twctl, unique_id):
    args = ["workflow", "start", "--type", "LongRunning", "-t", "edge-tasks", "-w", unique_id, "-i", "3600"]
    first = twctl(*args)
    assert first.returncode == 0
    try:
        again = twctl(*args, "-o", "json")
        assert again.returncode == 5
        err = json.loads(again.stderr.splitlines()[-1])["error"]
        assert err["kind"] == "already_exists"
        assert "already running" in err["message"]
        assert err["details"][0]["type"] == "WorkflowExecutionAlreadyStartedFailure"

        # Asking for the existing run is not an error.
        existing = twctl(*args, "--id-conflict-policy", "UseExisting", "-o", "json")
        assert existing.returncode == 0, existing.stderr
        doc = json.loads(existing.stdout)
        assert doc["started"] is False
        first_run = first.stdout.split("RunId")[1].split()[0]
        assert doc["runId"] == first_run
    finally:
        twctl("workflow", "cancel", "-w", unique_id)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_server_down_is_unavailable_within_bounded_time(twctl):
    address = f"127.0.0.1:{free_port()}"
    started = time.monotonic()
    r = twctl("workflow", "list", "-o", "json", address=address, timeout=30)
    elapsed = time.monotonic() - started
    assert r.returncode == 6
    assert elapsed < 25
    err = json.loads(r.stderr.splitlines()[-1])["error"]
    assert err["kind"] == "unavailable"
    assert address in err["message"]
    assert "connection refused" in err["message"]
    assert r.stdout == ""


def test_address_from_environment(twctl, rig):
    r = twctl("workflow", "list", "--limit", "1", "-o", "json", address=None, env={"TEMPORAL_ADDRESS": rig.address})
    assert r.returncode == 0, r.stderr
    bad = twctl("workflow", "list", "--limit", "1", address=None, env={"TEMPORAL_ADDRESS": f"127.0.0.1:{free_port()}"})
    assert bad.returncode == 6


def test_grpc_never_writes_its_own_log_lines(twctl):
    r = twctl("workflow", "list", address="127.0.0.1:1")
    assert r.returncode == 6
    assert len(r.stderr.splitlines()) == 1, r.stderr


def test_version_and_help(twctl):
    v = twctl("--version", address=None)
    assert v.returncode == 0 and v.stdout.startswith("twctl ")
    h = twctl("workflow", "--help", address=None)
    assert h.returncode == 0
    for verb in ("start", "describe", "query", "cancel", "result", "list", "show"):
        assert verb in h.stdout
    none = twctl("workflow", address=None)
    assert none.returncode == 2
