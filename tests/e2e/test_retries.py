"""Transient failures are retried: a dev server restarted under a running `workflow result` (same port,
persistent database) is ridden out; a stopped server fails in bounded time with exit 6."""

from __future__ import annotations

import json
import subprocess
import os
import time

import pytest

import rig as _rig


@pytest.mark.parametrize("command", ["result", "show-follow"])
def test_restart_under_a_waiting_command_is_ridden_out(twctl, own_server, unique_id, wait_until, tmp_path, command):
    address, box, restart_server = own_server
    # No worker yet: the workflow stays open until one comes, after the restart.
    s = twctl("workflow", "start", "--type", "LongRunning", "-t", "edge-tasks", "-w", unique_id, "-i", "1",
              address=address)
    assert s.returncode == 0, s.stderr

    args = ["workflow", "result", "-o", "json"] if command == "result" else ["workflow", "show", "--follow", "-o", "jsonl"]
    err_path = tmp_path / "twctl.err"
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEMPORAL_")}
    with open(err_path, "w") as err:
        waiting = subprocess.Popen([os.environ["TWCTL_BIN"], *args, "-w", unique_id, "--address", address, "--verbose"],
                                   stdout=subprocess.PIPE, stderr=err, text=True, env=env)
    try:
        # Its first call went through: the cluster is known to be there, and the wait begins.
        wait_until(lambda: "DescribeWorkflowExecution answered" in err_path.read_text(), timeout=20,
                   message="twctl's first call answered")
        assert waiting.poll() is None
        restart_server()
        assert waiting.poll() is None, "twctl gave up while the server restarted"
        box["worker"] = _rig.start_worker(address, "http://127.0.0.1:9", tmp_path)
        out, _ = waiting.communicate(timeout=120)
    finally:
        if waiting.poll() is None:
            waiting.kill()
            waiting.wait()
    stderr = err_path.read_text()
    assert waiting.returncode == 0, stderr
    assert "twctl: retrying" in stderr, stderr
    if command == "result":
        assert json.loads(out)["result"] == "slept 1s"
    else:
        assert "EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED" in out


def test_stopped_server_fails_in_bounded_time_with_retries_shown(twctl):
    address = f"127.0.0.1:{_rig.free_port()}"
    started = time.monotonic()
    r = twctl("workflow", "describe", "-w", "x", "-o", "json", "--verbose", address=address, timeout=30)
    elapsed = time.monotonic() - started
    assert r.returncode == 6
    assert elapsed < 10
    assert "twctl: retrying DescribeWorkflowExecution" in r.stderr
    err = json.loads(r.stderr.splitlines()[-1])["error"]
    assert err["cause"] == "refused"
    assert address in err["message"]


def test_command_timeout_bounds_the_retries(twctl):
    address = f"127.0.0.1:{_rig.free_port()}"
    started = time.monotonic()
    r = twctl("workflow", "list", "--command-timeout", "300ms", address=address, timeout=30)
    assert time.monotonic() - started < 5
    assert r.returncode in (6, 7)


@pytest.mark.parametrize("tls", [False, True], ids=["plaintext", "tls"])
def test_a_silent_server_hits_the_connect_timeout(twctl, tls):
    # A socket that accepts TCP (the kernel's backlog) but never speaks HTTP/2 or TLS.
    import socket

    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        address = f"127.0.0.1:{silent.getsockname()[1]}"
        started = time.monotonic()
        r = twctl("workflow", "list", "--client-connect-timeout", "1s", "-o", "json", *(["--tls"] if tls else []),
                  address=address, timeout=30)
        elapsed = time.monotonic() - started
    assert r.returncode == 6
    assert elapsed < 8
    err = json.loads(r.stderr.splitlines()[-1])["error"]
    assert err["cause"] == "connect_timeout"
    assert address in err["message"] and "--client-connect-timeout" in err["message"]
