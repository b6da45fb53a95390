"""--fields, --no-header and -o tsv against the dev server: list, describe, show, count and batch jobs."""

import json

import pytest

from helpers import wait_until


def start_echo(twctl, wid, memo=None):
    args = ["workflow", "start", "--type", "Echo", "-t", "edge-tasks", "-w", wid, "-i", '"hi"']
    if memo:
        args += ["--memo", memo]
    r = twctl(*args)
    assert r.returncode == 0, r.stderr
    assert twctl("workflow", "result", "-w", wid).returncode == 0


@pytest.fixture
def two_done(twctl, unique_id):
    """Two completed Echo runs, visible to list queries; returns (ids, query)."""
    ids = [f"{unique_id}-a", f"{unique_id}-b"]
    start_echo(twctl, ids[0], memo='owner={"team":"ops\\tdesk"}')
    start_echo(twctl, ids[1])
    query = f"WorkflowId STARTS_WITH '{unique_id}-' AND ExecutionStatus='Completed'"
    wait_until(lambda: twctl("workflow", "count", "-q", query).stdout == "Total: 2\n", message="two to be listed")
    return ids, query


def test_list_fields_in_text_tsv_json_and_jsonl(twctl, two_done):
    ids, query = two_done
    fields = "execution.workflowId,status,memo.fields.owner"
    tsv = twctl("workflow", "list", "-q", query, "--fields", fields, "-o", "tsv", "--no-header")
    assert tsv.returncode == 0, tsv.stderr
    rows = sorted(line.split("\t") for line in tsv.stdout.splitlines())
    # The memo's tab stays inside its cell, escaped.
    assert rows == [[ids[0], "COMPLETED", '{"team":"ops\\\\tdesk"}'], [ids[1], "COMPLETED", ""]]

    with_header = twctl("workflow", "list", "-q", query, "--fields", fields, "-o", "tsv")
    assert with_header.stdout.splitlines()[0] == "execution.workflowId\tstatus\tmemo.fields.owner"

    text = twctl("workflow", "list", "-q", query, "--fields", "execution.workflowId,status")
    lines = text.stdout.splitlines()
    assert lines[0].split() == ["execution.workflowId", "status"]
    assert sorted(line.split() for line in lines[1:]) == [[ids[0], "COMPLETED"], [ids[1], "COMPLETED"]]
    no_header = twctl("workflow", "list", "-q", query, "--fields", "execution.workflowId", "--no-header")
    assert sorted(no_header.stdout.split()) == ids

    docs = json.loads(twctl("workflow", "list", "-q", query, "--fields", fields, "-o", "json").stdout)
    by_id = {d["execution"]["workflowId"]: d for d in docs}
    assert by_id[ids[0]] == {"execution": {"workflowId": ids[0]}, "status": "WORKFLOW_EXECUTION_STATUS_COMPLETED",
                             "memo": {"fields": {"owner": {"team": "ops\tdesk"}}}}
    assert by_id[ids[1]] == {"execution": {"workflowId": ids[1]}, "status": "WORKFLOW_EXECUTION_STATUS_COMPLETED"}
    lines = twctl("workflow", "list", "-q", query, "--fields", "status", "-o", "jsonl").stdout.splitlines()
    assert [json.loads(x) for x in lines] == [{"status": "WORKFLOW_EXECUTION_STATUS_COMPLETED"}] * 2


def test_list_tsv_without_fields_has_the_text_columns(twctl, two_done):
    ids, query = two_done
    r = twctl("workflow", "list", "-q", query, "-o", "tsv", "--time-format", "iso")
    lines = r.stdout.splitlines()
    assert lines[0] == "status\texecution.workflowId\ttype.name\tstartTime"
    rows = sorted(line.split("\t") for line in lines[1:])
    assert [row[:3] for row in rows] == [["COMPLETED", ids[0], "Echo"], ["COMPLETED", ids[1], "Echo"]]
    assert all(row[3].endswith("Z") for row in rows)
    text = twctl("workflow", "list", "-q", query, "--no-header")
    assert "WorkflowId" not in text.stdout and len(text.stdout.splitlines()) == 2


def test_describe_show_and_count_by_field(twctl, two_done):
    ids, query = two_done
    wid = ids[0]
    fields = "workflowExecutionInfo.status,workflowExecutionInfo.type.name"
    tsv = twctl("workflow", "describe", "-w", wid, "--fields", fields, "-o", "tsv")
    assert tsv.returncode == 0, tsv.stderr
    assert tsv.stdout == "workflowExecutionInfo.status\tworkflowExecutionInfo.type.name\nCOMPLETED\tEcho\n"
    doc = json.loads(twctl("workflow", "describe", "-w", wid, "--fields", fields, "-o", "json").stdout)
    assert doc == {"workflowExecutionInfo": {"status": "WORKFLOW_EXECUTION_STATUS_COMPLETED", "type": {"name": "Echo"}}}
    card = twctl("workflow", "describe", "-w", wid, "-o", "tsv").stdout.splitlines()
    assert len(card) == 2 and card[0].split("\t")[0] == "workflowExecutionInfo.execution.workflowId"
    assert card[1].split("\t")[0] == wid

    show = twctl("workflow", "show", "-w", wid, "--fields", "eventId,eventType", "-o", "tsv").stdout.splitlines()
    assert show[0] == "eventId\teventType"
    assert show[1] == "1\tWORKFLOW_EXECUTION_STARTED"
    assert show[-1].endswith("\tWORKFLOW_EXECUTION_COMPLETED")
    events = json.loads(twctl("workflow", "show", "-w", wid, "--fields", "eventId", "-o", "json").stdout)
    assert events["events"][0] == {"eventId": "1"}

    assert twctl("workflow", "count", "-q", query, "-o", "tsv", "--no-header").stdout == "2\n"
    assert json.loads(twctl("workflow", "count", "-q", query, "--fields", "count", "-o", "json").stdout) == {
        "count": "2"}


def test_a_bad_path_is_a_usage_error_and_nothing_is_sent(twctl, unique_id):
    # Nothing listens on port 1: a command that connected would fail with exit 6, not 2.
    r = twctl("workflow", "list", "--fields", "status,execution.workflowid", address="127.0.0.1:1")
    assert r.returncode == 2
    assert r.stdout == ""
    assert "no field \"execution.workflowid\" in WorkflowExecutionInfo (did you mean execution.workflowId" in r.stderr
    d = twctl("workflow", "describe", "-w", unique_id, "--fields", "status", "-o", "json", address="127.0.0.1:1")
    assert d.returncode == 2 and d.stdout == ""
    assert "workflowExecutionInfo.status" in d.stderr
    # -o tsv on a command that prints no records: refused before the start.
    s = twctl("workflow", "start", "--type", "Echo", "-t", "edge-tasks", "-w", unique_id, "-i", '"x"', "-o", "tsv")
    assert s.returncode == 2 and s.stdout == ""
    assert twctl("workflow", "describe", "-w", unique_id).returncode == 4


def test_batch_list_and_describe_by_field(twctl, unique_id):
    ids = [f"{unique_id}-{i}" for i in range(2)]
    for wid in ids:
        assert twctl("workflow", "start", "--type", "Interactive", "-t", "interactive-tasks", "-w", wid).returncode == 0
    query = f"WorkflowId STARTS_WITH '{unique_id}-' AND ExecutionStatus='Running'"
    wait_until(lambda: twctl("workflow", "count", "-q", query).stdout == "Total: 2\n", message="two running")
    started = twctl("workflow", "terminate", "-q", query, "--yes", "--reason", "fields", "-o", "json")
    assert started.returncode == 0, started.stderr
    job = json.loads(started.stdout)["batchJobId"]
    wait_until(lambda: twctl("batch", "describe", "--job-id", job, "--fields", "jobId,state", "-o", "tsv",
                             "--no-header").stdout == f"{job}\tCOMPLETED\n", message="the job to complete")
    desc = json.loads(twctl("batch", "describe", "--job-id", job, "--fields", "reason,totalOperationCount",
                            "-o", "json").stdout)
    assert desc == {"reason": "fields", "totalOperationCount": "2"}
    listed = twctl("batch", "list", "--fields", "jobId,state", "-o", "tsv")
    lines = listed.stdout.splitlines()
    assert lines[0] == "jobId\tstate"
    assert f"{job}\tCOMPLETED" in lines[1:]
    jl = [json.loads(x) for x in twctl("batch", "list", "--fields", "jobId", "-o", "jsonl").stdout.splitlines()]
    assert {"jobId": job} in jl
