"""The email subscription: a long-running workflow with queries, cancelled by the user."""

import json

from helpers import wait_until

TQ = "email-subscription"


def query(twctl, wid, name, *extra):
    r = twctl("workflow", "query", "-w", wid, "--name", name, "-o", "json", *extra)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)["queryResult"][0]


def test_queries_describe_cancel_and_result(twctl, unique_id):
    email = "ada@example.com"
    r = twctl("workflow", "start", "--type", "SendEmailWorkflow", "-t", TQ, "-w", unique_id, "-i", json.dumps(email))
    assert r.returncode == 0, r.stderr

    wait_until(lambda: query(twctl, unique_id, "count") >= 1, message="the first email to be sent")
    assert query(twctl, unique_id, "greeting") == f"Hello, {email}!"
    assert query(twctl, unique_id, "message") in (
        "Welcome to our newsletter!",
        *(f"Thank you for staying subscribed! (email #{n})" for n in range(2, 100)),
    )

    text = twctl("workflow", "query", "-w", unique_id, "--name", "greeting")
    assert text.returncode == 0
    assert text.stdout == f'Query result:\n  QueryResult  "Hello, {email}!"\n'

    running = twctl("workflow", "describe", "-w", unique_id)
    assert "  Status                Running\n" in running.stdout
    assert "Pending Activities:" in running.stdout

    c = twctl("workflow", "cancel", "-w", unique_id)
    assert c.returncode == 0, c.stderr
    assert c.stdout == ""
    assert unique_id in c.stderr

    res = twctl("workflow", "result", "-w", unique_id, "-o", "json")
    assert res.returncode == 3, res.stderr
    assert json.loads(res.stdout)["status"] == "CANCELED"
    err = json.loads(res.stderr.splitlines()[-1])["error"]
    assert err["kind"] == "workflow_failed" and err["code"] == 3

    desc = json.loads(twctl("workflow", "describe", "-w", unique_id, "-o", "json").stdout)
    assert desc["workflowExecutionInfo"]["status"] == "WORKFLOW_EXECUTION_STATUS_CANCELED"
    assert desc["closeEvent"]["eventType"] == "EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED"

    # The goodbye email went out after the cancel request: it is in the history.
    events = [json.loads(x) for x in twctl("workflow", "show", "-w", unique_id, "-o", "jsonl").stdout.splitlines()]
    types = [e["eventType"] for e in events]
    cancel_at = types.index("EVENT_TYPE_WORKFLOW_EXECUTION_CANCEL_REQUESTED")
    assert "EVENT_TYPE_ACTIVITY_TASK_COMPLETED" in types[cancel_at:]
    assert types[-1] == "EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED"


def test_query_on_a_closed_workflow_can_be_rejected(twctl, unique_id):
    assert twctl("workflow", "start", "--type", "SendEmailWorkflow", "-t", TQ, "-w", unique_id,
                 "-i", '"bob@example.com"').returncode == 0
    assert twctl("workflow", "cancel", "-w", unique_id).returncode == 0
    assert twctl("workflow", "result", "-w", unique_id).returncode == 3
    r = twctl("workflow", "query", "-w", unique_id, "--name", "count", "--reject-condition", "not_open")
    assert r.returncode == 9
    assert r.stderr.startswith("Error: query was rejected, workflow has status: Canceled")


def test_unknown_query_name_is_rejected_by_the_worker(twctl, unique_id):
    assert twctl("workflow", "start", "--type", "SendEmailWorkflow", "-t", TQ, "-w", unique_id,
                 "-i", '"eve@example.com"').returncode == 0
    try:
        wait_until(lambda: query(twctl, unique_id, "count") >= 1)
        r = twctl("workflow", "query", "-w", unique_id, "--name", "no_such_query")
        assert r.returncode == 9, r.stderr
        assert "no_such_query" in r.stderr
    finally:
        twctl("workflow", "cancel", "-w", unique_id)
