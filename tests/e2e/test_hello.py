"""Hello world: every read command on one completed workflow, in text and JSON."""

import json

import pytest

from helpers import wait_until

TQ = "hello-tasks"


@pytest.fixture
def hello(twctl, unique_id):
    r = twctl("workflow", "start", "--type", "SayHello", "--task-queue", TQ,
              "--workflow-id", unique_id, "--input", '"World"')
    assert r.returncode == 0, r.stderr
    return unique_id


@pytest.mark.compat
def test_start_prints_the_ids_card(twctl, unique_id):
    r = twctl("workflow", "start", "--type", "SayHello", "-t", TQ, "-w", unique_id, "-i", '"Text"')
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0] == "Running execution:"
    card = dict(line.split(None, 1) for line in lines[1:])
    assert card["WorkflowId"] == unique_id
    assert card["Type"] == "SayHello"
    assert card["Namespace"] == "default"
    assert card["TaskQueue"] == TQ
    assert len(card["RunId"]) == 36
    assert r.stderr == ""


@pytest.mark.compat
def test_start_json_and_result_json(twctl, unique_id):
    r = twctl("workflow", "start", "--type", "SayHello", "-t", TQ, "-w", unique_id, "-i", '"JSON"', "-o", "json")
    assert r.returncode == 0, r.stderr
    started = json.loads(r.stdout)
    assert started["workflowId"] == unique_id
    assert started["type"] == "SayHello"
    assert started["started"] is True

    res = twctl("workflow", "result", "-w", unique_id, "-o", "json")
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout)
    assert doc["status"] == "COMPLETED"
    assert doc["result"] == "Hello, JSON!"
    assert doc["runId"] == started["runId"]
    assert doc["closeEvent"]["eventType"] == "EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED"


def test_result_text(twctl, hello):
    r = twctl("workflow", "result", "-w", hello)
    assert r.returncode == 0, r.stderr
    assert r.stdout == (
        "Results:\n"
        "  Status          COMPLETED\n"
        '  Result          "Hello, World!"\n'
        "  ResultEncoding  json/plain\n"
    )


@pytest.mark.compat
def test_describe_closed_in_text_and_json(twctl, hello):
    assert twctl("workflow", "result", "-w", hello).returncode == 0
    t = twctl("workflow", "describe", "-w", hello)
    assert t.returncode == 0, t.stderr
    assert t.stdout.startswith("Execution Info:\n")
    assert f"  WorkflowId            {hello}\n" in t.stdout
    assert "  Status                Completed\n" in t.stdout
    assert "Results:\n  Status          COMPLETED\n" in t.stdout
    assert '  Result          "Hello, World!"' in t.stdout

    j = twctl("workflow", "describe", "-w", hello, "-o", "json")
    assert j.returncode == 0, j.stderr
    doc = json.loads(j.stdout)
    info = doc["workflowExecutionInfo"]
    assert info["execution"]["workflowId"] == hello
    assert info["status"] == "WORKFLOW_EXECUTION_STATUS_COMPLETED"
    assert info["type"]["name"] == "SayHello"
    assert doc["result"] == "Hello, World!"
    assert doc["closeEvent"]["workflowExecutionCompletedEventAttributes"]["result"] == ["Hello, World!"]


@pytest.mark.compat
def test_show_text_json_and_jsonl(twctl, hello):
    assert twctl("workflow", "result", "-w", hello).returncode == 0
    t = twctl("workflow", "show", "-w", hello)
    assert t.returncode == 0, t.stderr
    lines = t.stdout.splitlines()
    assert lines[0] == "Progress:"
    assert lines[1].split() == ["ID", "Time", "Type", "Details"]
    assert lines[2].split()[0] == "1" and lines[2].split()[2] == "WorkflowExecutionStarted"
    types = [l.split()[2] for l in lines[2:] if l.strip() and l.split()[0].isdigit()]
    assert "ActivityTaskCompleted" in types
    assert types[-1] == "WorkflowExecutionCompleted"
    assert "Results:" in lines

    j = twctl("workflow", "show", "-w", hello, "-o", "json")
    events = json.loads(j.stdout)["events"]
    assert [e["eventId"] for e in events] == [str(i) for i in range(1, len(events) + 1)]
    assert events[0]["eventType"] == "EVENT_TYPE_WORKFLOW_EXECUTION_STARTED"
    assert events[-1]["eventType"] == "EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED"
    assert len(events) == len(types)

    l = twctl("workflow", "show", "-w", hello, "-o", "jsonl")
    per_line = [json.loads(x) for x in l.stdout.splitlines()]
    assert per_line == events


@pytest.mark.compat
def test_list_finds_it_in_text_json_and_jsonl(twctl, hello):
    assert twctl("workflow", "result", "-w", hello).returncode == 0
    query = f"WorkflowId='{hello}'"
    # Visibility is eventually consistent: wait for the closed status to be indexed.
    rows = wait_until(
        lambda: [json.loads(x) for x in twctl("workflow", "list", "-q", query, "-o", "jsonl").stdout.splitlines()
                 if "COMPLETED" in x],
        message="the completed workflow to appear in list")
    assert len(rows) == 1
    assert rows[0]["execution"]["workflowId"] == hello
    assert rows[0]["type"]["name"] == "SayHello"

    j = twctl("workflow", "list", "-q", query, "-o", "json")
    assert json.loads(j.stdout) == rows

    t = twctl("workflow", "list", "-q", query)
    lines = t.stdout.splitlines()
    assert lines[0].split() == ["Status", "WorkflowId", "Type", "StartTime"]
    assert lines[1].split()[:3] == ["Completed", hello, "SayHello"]


def test_list_streams_pages_and_honours_limit(twctl, unique_id):
    for i in range(5):
        r = twctl("workflow", "start", "--type", "Echo", "-t", "edge-tasks", "-w", f"{unique_id}-{i}", "-i", str(i))
        assert r.returncode == 0, r.stderr
    query = f"WorkflowId STARTS_WITH '{unique_id}-'"
    # Closed, all five: a run that closes between two pages moves in the list's order (close time first), and
    # the pages would then miss it or hold it twice.
    closed = query + " AND ExecutionStatus = 'Completed'"
    wait_until(lambda: len(twctl("workflow", "list", "-q", closed, "-o", "jsonl").stdout.splitlines()) == 5,
               message="five executions to be listed as completed")
    paged = twctl("workflow", "list", "-q", query, "--page-size", "2", "-o", "jsonl")
    ids = sorted(json.loads(x)["execution"]["workflowId"] for x in paged.stdout.splitlines())
    assert ids == [f"{unique_id}-{i}" for i in range(5)]
    limited = twctl("workflow", "list", "-q", query, "--page-size", "2", "--limit", "3", "-o", "json")
    assert len(json.loads(limited.stdout)) == 3
    empty = twctl("workflow", "list", "-q", f"WorkflowId='{unique_id}-none'", "-o", "json")
    assert empty.returncode == 0 and empty.stdout == "[\n]\n"


def test_priority_and_fairness_reach_the_server(twctl, unique_id):
    r = twctl("workflow", "start", "--type", "SayHello", "-t", TQ, "-w", unique_id, "-i", '"P"',
              "--priority-key", "2", "--fairness-key", "tenant-a", "--fairness-weight", "1.5")
    assert r.returncode == 0, r.stderr
    info = json.loads(twctl("workflow", "describe", "-w", unique_id, "-o", "json").stdout)["workflowExecutionInfo"]
    assert info["priority"] == {"priorityKey": 2, "fairnessKey": "tenant-a", "fairnessWeight": 1.5}
