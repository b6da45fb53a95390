"""Commands that call from a second thread: describe asks for a closed run's last event beside the describe, and a
list fetches its next page while it prints one. Descriptors are registered on first use, and registering one
beside another thread's use of descriptors corrupted the heap (message/pool.hpp); these ran into it about one
time in three. Calls now read messages with the schema tables and use no descriptors, but a thread that did
would show here. Each case runs many times, and every run must end well."""

import json

import pytest

RUNS = 40


@pytest.mark.compat
def test_describe_of_a_closed_run_with_its_close_event_in_another_thread(twctl, unique_id):
    r = twctl("workflow", "start", "--type", "AwaitsOperator", "-t", "edge-tasks", "-w", unique_id)
    assert r.returncode == 0, r.stderr
    assert twctl("workflow", "terminate", "-w", unique_id, "--reason", "threads").returncode == 0
    for _ in range(RUNS):
        d = twctl("workflow", "describe", "-w", unique_id, "-o", "json")
        assert d.returncode == 0, d.stderr
        doc = json.loads(d.stdout)
        assert doc["closeEvent"]["eventType"] == "EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED"


@pytest.mark.compat
def test_list_fetching_ahead_in_another_thread(twctl, unique_id, wait_until):
    for i in range(3):
        assert twctl("workflow", "start", "--type", "AwaitsOperator", "-t", "edge-tasks",
                     "-w", f"{unique_id}-{i}").returncode == 0
    query = f"WorkflowId STARTS_WITH '{unique_id}-'"
    wait_until(lambda: len(twctl("workflow", "list", "-q", query, "-o", "jsonl").stdout.splitlines()) == 3,
               message="three executions to be listed")
    for _ in range(RUNS):
        r = twctl("workflow", "list", "-q", query, "--page-size", "1", "-o", "jsonl")
        assert r.returncode == 0, r.stderr
        assert len(r.stdout.splitlines()) == 3
    for i in range(3):
        twctl("workflow", "terminate", "-w", f"{unique_id}-{i}")
