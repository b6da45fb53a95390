"""workflow wait: until a workflow is in a wanted state, or a visibility query's count is, against the dev server
and the test workers. Each case asserts the exit code a script would branch on."""

from __future__ import annotations

import json

import pytest

EDGE = "edge-tasks"


def start(twctl, wid: str, wf_type: str, *inputs: str) -> None:
    args = ["workflow", "start", "--type", wf_type, "-t", EDGE, "-w", wid]
    for i in inputs:
        args += ["-i", i]
    r = twctl(*args)
    assert r.returncode == 0, r.stderr


@pytest.mark.compat
def test_running_then_completed(twctl, unique_id):
    start(twctl, unique_id, "Sleepy", "2")
    running = twctl("workflow", "wait", "-w", unique_id, "--for", "running", "--timeout", "30s")
    assert running.returncode == 0, running.stderr
    assert "Running" in running.stdout
    done = twctl("workflow", "wait", "-w", unique_id, "--for", "completed", "--timeout", "60s", "-o", "json")
    assert done.returncode == 0, done.stderr
    info = json.loads(done.stdout)
    assert info["execution"]["workflowId"] == unique_id
    assert info["status"] == "WORKFLOW_EXECUTION_STATUS_COMPLETED"
    assert done.stderr == ""


def test_an_unwanted_close_is_exit_3_and_any_close_matches_closed(twctl, unique_id):
    start(twctl, unique_id, "AlwaysFails")
    r = twctl("workflow", "wait", "-w", unique_id, "--for", "completed", "--timeout", "60s")
    assert r.returncode == 3, r.stderr
    assert "closed as Failed, not completed" in r.stderr
    assert r.stdout == ""
    closed = twctl("workflow", "wait", "-w", unique_id, "--for", "closed", "--timeout", "10s")
    assert closed.returncode == 0, closed.stderr
    assert "Failed" in closed.stdout


def test_continue_as_new_is_followed_to_the_last_run(twctl, unique_id):
    start(twctl, unique_id, "Countdown", "3")
    r = twctl("workflow", "wait", "-w", unique_id, "--for", "completed", "--timeout", "60s", "-o", "json")
    assert r.returncode == 0, r.stderr
    last = json.loads(twctl("workflow", "describe", "-w", unique_id, "-o", "json").stdout)
    assert json.loads(r.stdout)["execution"]["runId"] == last["workflowExecutionInfo"]["execution"]["runId"]


@pytest.mark.compat
def test_not_found_is_exit_4_and_timeout_is_exit_7(twctl, unique_id):
    missing = twctl("workflow", "wait", "-w", unique_id, "--for", "completed", "--timeout", "10s")
    assert missing.returncode == 4, missing.stderr
    start(twctl, unique_id, "LongRunning", "600")
    try:
        slow = twctl("workflow", "wait", "-w", unique_id, "--for", "completed", "--timeout", "1s")
        assert slow.returncode == 7, slow.stderr
        assert f"workflow {unique_id} is Running after 1s (waiting for completed)" in slow.stderr
        assert slow.stdout == ""
    finally:
        twctl("workflow", "terminate", "-w", unique_id)


def test_query_count_at_most_zero_waits_until_none_match(twctl, unique_id):
    start(twctl, unique_id, "Sleepy", "2")
    query = f"WorkflowId='{unique_id}' AND ExecutionStatus='Running'"
    # The start is visible to the visibility API a moment later: wait for it to be counted first.
    seen = twctl("workflow", "wait", "-q", query, "--count-at-least", "1", "--timeout", "30s")
    assert seen.returncode == 0, seen.stderr
    assert seen.stdout == "Total: 1\n"
    gone = twctl("workflow", "wait", "-q", query, "--count-at-most", "0", "--timeout", "60s", "-o", "json")
    assert gone.returncode == 0, gone.stderr
    assert json.loads(gone.stdout) == {"query": query, "count": 0}
    status = json.loads(twctl("workflow", "describe", "-w", unique_id, "-o", "json").stdout)
    assert status["workflowExecutionInfo"]["status"] == "WORKFLOW_EXECUTION_STATUS_COMPLETED"


def test_bad_input_is_a_usage_error_and_nothing_is_sent(twctl, unique_id):
    r = twctl("workflow", "wait", "-w", unique_id, "--for", "finished")
    assert r.returncode == 2
    assert "--for" in r.stderr
    assert twctl("workflow", "describe", "-w", unique_id).returncode == 4
