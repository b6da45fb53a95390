"""Signals, terminate, delete, count, stack, metadata, and batch jobs over a query."""

import json
import subprocess

from helpers import wait_until

TQ = "interactive-tasks"


def start_interactive(twctl, wid):
    r = twctl("workflow", "start", "--type", "Interactive", "-t", TQ, "-w", wid)
    assert r.returncode == 0, r.stderr


def items(twctl, wid):
    r = twctl("workflow", "query", "-w", wid, "--name", "items", "-o", "json")
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)["queryResult"][0]


def test_signal_with_one_and_two_arguments_then_finish(twctl, unique_id):
    start_interactive(twctl, unique_id)
    r = twctl("workflow", "signal", "-w", unique_id, "--name", "add", "-i", '"apple"')
    assert r.returncode == 0, r.stderr
    assert r.stdout == ""
    assert r.stderr == f"Signal add sent to workflow {unique_id}\n"
    j = twctl("workflow", "signal", "-w", unique_id, "--name", "add_pair", "-i", '"b"', "-i", "3", "-o", "json")
    assert json.loads(j.stdout) == {"workflowId": unique_id, "runId": "", "signal": "add_pair"}
    assert wait_until(lambda: items(twctl, unique_id) == ["apple", "b", 3])
    assert twctl("workflow", "signal", "-w", unique_id, "--name", "finish").returncode == 0
    res = twctl("workflow", "result", "-w", unique_id, "-o", "json")
    assert json.loads(res.stdout)["result"] == ["apple", "b", 3]


def test_signal_input_from_stdin_and_base64(twctl, unique_id):
    start_interactive(twctl, unique_id)
    r = twctl("workflow", "signal", "-w", unique_id, "--name", "add", "--input-file", "-", input='{"from":"stdin"}')
    assert r.returncode == 0, r.stderr
    b = twctl("workflow", "signal", "-w", unique_id, "--name", "add", "-i", "eyJiIjoyfQ==", "--input-base64")
    assert b.returncode == 0, b.stderr
    assert wait_until(lambda: items(twctl, unique_id) == [{"from": "stdin"}, {"b": 2}])
    twctl("workflow", "terminate", "-w", unique_id)


def test_signal_errors(twctl, unique_id):
    missing = twctl("workflow", "signal", "-w", unique_id, "--name", "add", "-i", "1")
    assert missing.returncode == 4
    both = twctl("workflow", "signal", "-w", unique_id, "-q", "WorkflowId='x'", "--name", "add")
    assert both.returncode == 2 and "exactly one of" in both.stderr
    reason = twctl("workflow", "signal", "-w", unique_id, "--name", "add", "--reason", "why")
    assert reason.returncode == 2 and "--reason" in reason.stderr


def test_terminate_records_the_reason_and_result_exits_3(twctl, unique_id):
    start_interactive(twctl, unique_id)
    r = twctl("workflow", "terminate", "-w", unique_id, "--reason", "stuck")
    assert r.returncode == 0, r.stderr
    res = twctl("workflow", "result", "-w", unique_id)
    assert res.returncode == 3
    assert "  Status  TERMINATED\n" in res.stdout
    assert "  Reason  stuck\n" in res.stdout
    assert res.stderr == "Error: workflow was terminated: stuck\n"


def test_delete_removes_the_execution(twctl, unique_id):
    start_interactive(twctl, unique_id)
    r = twctl("workflow", "delete", "-w", unique_id, "-o", "json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["deleted"] is True
    wait_until(lambda: twctl("workflow", "describe", "-w", unique_id).returncode == 4,
               message="the deleted workflow to be gone")


def test_count_with_and_without_group_by(twctl, unique_id):
    for i in range(3):
        assert twctl("workflow", "start", "--type", "Echo", "-t", "edge-tasks", "-w", f"{unique_id}-{i}",
                     "-i", str(i)).returncode == 0
    query = f"WorkflowId STARTS_WITH '{unique_id}-'"
    wait_until(lambda: twctl("workflow", "count", "-q", query).stdout == "Total: 3\n", message="three to be counted")
    grouped = twctl("workflow", "count", "-q", f"{query} GROUP BY ExecutionStatus", "-o", "json")
    doc = json.loads(grouped.stdout)
    assert doc["count"] == "3"
    assert sum(int(g["count"]) for g in doc["groups"]) == 3
    assert all(len(g["groupValues"]) == 1 for g in doc["groups"])
    text = twctl("workflow", "count", "-q", f"{query} GROUP BY ExecutionStatus")
    assert text.stdout.startswith("Total: 3\nGroup total: ")


def test_stack_and_metadata(twctl, unique_id):
    start_interactive(twctl, unique_id)
    try:
        s = twctl("workflow", "stack", "-w", unique_id)
        assert s.returncode == 0, s.stderr
        assert f"workflow: Interactive, id: {unique_id}" in s.stdout
        m = twctl("workflow", "metadata", "-w", unique_id, "-o", "json")
        assert m.returncode == 0, m.stderr
        d = json.loads(m.stdout)["definition"]
        assert d["type"] == "Interactive"
        assert {"add", "add_pair", "finish"} <= {x["name"] for x in d["signalDefinitions"]}
        assert "items" in {x["name"] for x in d["queryDefinitions"]}
        assert "add_item" in {x["name"] for x in d["updateDefinitions"]}
        t = twctl("workflow", "metadata", "-w", unique_id)
        assert "Signal Definitions: " in t.stdout and "\n  add_pair" in t.stdout
    finally:
        twctl("workflow", "terminate", "-w", unique_id)


def test_batch_without_yes_off_a_terminal_is_a_usage_error_and_starts_nothing(twctl, unique_id):
    start_interactive(twctl, unique_id)
    try:
        r = twctl("workflow", "terminate", "-q", f"WorkflowId='{unique_id}'")
        assert r.returncode == 2
        assert "--yes" in r.stderr
        assert json.loads(twctl("workflow", "describe", "-w", unique_id, "-o", "json").stdout)[
            "workflowExecutionInfo"]["status"] == "WORKFLOW_EXECUTION_STATUS_RUNNING"
    finally:
        twctl("workflow", "terminate", "-w", unique_id)


def test_batch_signal_then_terminate_with_wait(twctl, unique_id, rig):
    ids = [f"{unique_id}-{i}" for i in range(3)]
    for wid in ids:
        start_interactive(twctl, wid)
    query = f"WorkflowId STARTS_WITH '{unique_id}-' AND ExecutionStatus='Running'"
    wait_until(lambda: twctl("workflow", "count", "-q", query).stdout == "Total: 3\n", message="three running")

    s = twctl("workflow", "signal", "-q", query, "--name", "add", "-i", '"batched"', "--yes", "--wait", "--rps", "50")
    assert s.returncode == 0, s.stderr
    assert "  CompletedCount  3/3\n" in s.stdout
    assert "  FailureCount    0/3\n" in s.stdout
    for wid in ids:
        assert wait_until(lambda: items(twctl, wid) == ["batched"])

    started = twctl("workflow", "terminate", "-q", query, "--yes", "--reason", "cleanup", "-o", "json")
    assert started.returncode == 0, started.stderr
    job = json.loads(started.stdout)["batchJobId"]
    desc = wait_until(lambda: (lambda d: d if d["state"] == "BATCH_OPERATION_STATE_COMPLETED" else None)(
        json.loads(twctl("batch", "describe", "--job-id", job, "-o", "json").stdout)), message="the job to complete")
    # Server 1.32 names the type anew; 1.29 sends the number now marked deprecated.
    want = "BATCH_OPERATION_TYPE_TERMINATE_WORKFLOW" if rig.server == "current" else "BATCH_OPERATION_TYPE_TERMINATE"
    assert desc["operationType"] == want
    assert desc["reason"] == "cleanup"
    for wid in ids:
        assert twctl("workflow", "result", "-w", wid).returncode == 3
    listed = twctl("batch", "list", "-o", "jsonl")
    assert job in [json.loads(x)["jobId"] for x in listed.stdout.splitlines()]
    text = twctl("batch", "list")
    assert text.stdout.splitlines()[0].split() == ["JobId", "State", "StartTime", "CloseTime"]


def test_batch_describe_unknown_job_is_not_found(twctl):
    r = twctl("batch", "describe", "--job-id", "00000000-0000-0000-0000-000000000000")
    assert r.returncode == 4, r.stderr
