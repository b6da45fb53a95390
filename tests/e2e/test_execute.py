"""workflow execute, signal-with-start, and start-/execute-update-with-start against the real server."""

import json
import os
import subprocess

HELLO = "hello-tasks"
EDGE = "edge-tasks"
TQ = "interactive-tasks"


def items(twctl, wid):
    r = twctl("workflow", "query", "-w", wid, "--name", "items", "-o", "json")
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)["queryResult"][0]


# --- execute -------------------------------------------------------------------------------------------------


def test_execute_hello_text_result_on_stdout_progress_on_stderr(twctl, unique_id):
    r = twctl("workflow", "execute", "--type", "SayHello", "-t", HELLO, "-w", unique_id, "-i", '"World"')
    assert r.returncode == 0, r.stderr
    head, results = r.stdout.split("\n\n")
    assert head.splitlines()[0] == "Running execution:"
    assert f"  WorkflowId  {unique_id}\n" in head
    rows = dict(line.split(None, 1) for line in results.splitlines()[1:])
    assert results.splitlines()[0] == "Results:"
    assert rows["Status"] == "COMPLETED"
    assert rows["Result"] == '"Hello, World!"'
    assert "RunTime" in rows
    # The events, as they arrived, only on stderr.
    assert "WorkflowExecutionStarted" not in r.stdout
    lines = r.stderr.splitlines()
    assert lines[0] == "Progress:"
    assert lines[2].split()[0] == "1" and lines[2].split()[2] == "WorkflowExecutionStarted"
    assert "ActivityTaskCompleted" in r.stderr
    assert lines[-1].split()[2] == "WorkflowExecutionCompleted"


def test_execute_hello_json_is_one_object_on_stdout(twctl, unique_id):
    r = twctl("workflow", "execute", "--type", "SayHello", "-t", HELLO, "-w", unique_id, "-i", '"JSON"', "-o", "json")
    assert r.returncode == 0, r.stderr
    assert r.stderr == ""
    doc = json.loads(r.stdout)
    assert doc["workflowId"] == unique_id
    assert doc["type"] == "SayHello"
    assert doc["taskQueue"] == HELLO
    assert doc["status"] == "COMPLETED"
    assert doc["result"] == "Hello, JSON!"
    assert doc["closeEvent"]["eventType"] == "EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED"
    assert "history" not in doc
    assert int(doc["durationMillis"]) >= 0

    d = twctl("workflow", "execute", "--type", "SayHello", "-t", HELLO, "-w", f"{unique_id}-d", "-i", '"D"',
              "-o", "json", "--detailed")
    assert d.returncode == 0, d.stderr
    events = json.loads(d.stdout)["history"]["events"]
    assert events[0]["eventType"] == "EVENT_TYPE_WORKFLOW_EXECUTION_STARTED"
    assert events[-1]["eventType"] == "EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED"


def test_execute_follows_continue_as_new_to_the_last_run(twctl, unique_id):
    r = twctl("workflow", "execute", "--type", "Countdown", "-t", EDGE, "-w", unique_id, "-i", "2")
    assert r.returncode == 0, r.stderr
    assert '  Result          "liftoff"\n' in r.stdout
    # Three runs: each one's events start again at 1.
    assert r.stderr.count("WorkflowExecutionStarted") == 3
    assert r.stderr.count("WorkflowExecutionContinuedAsNew") == 2

    j = twctl("workflow", "execute", "--type", "Countdown", "-t", EDGE, "-w", f"{unique_id}-j", "-i", "1",
              "-o", "json")
    assert j.returncode == 0, j.stderr
    doc = json.loads(j.stdout)
    assert doc["result"] == "liftoff"
    first_run = json.loads(twctl("workflow", "describe", "-w", doc["workflowId"], "-o", "json").stdout)
    assert doc["runId"] == first_run["workflowExecutionInfo"]["execution"]["runId"]
    assert first_run["workflowExecutionInfo"]["firstRunId"] != doc["runId"]


def test_execute_detailed_text_shows_event_fields(twctl, unique_id):
    r = twctl("workflow", "execute", "--type", "SayHello", "-t", HELLO, "-w", unique_id, "-i", '"Sections"',
              "--detailed")
    assert r.returncode == 0, r.stderr
    assert "--------------- [1] WorkflowExecutionStarted ---------------" in r.stderr
    assert "workflowType.name: SayHello" in r.stderr
    assert "Hello, Sections!" in r.stdout


def test_execute_failing_workflow_exits_3(twctl, unique_id):
    r = twctl("workflow", "execute", "--type", "AlwaysFails", "-t", EDGE, "-w", unique_id, "-o", "json")
    assert r.returncode == 3
    doc = json.loads(r.stdout)
    assert doc["status"] == "FAILED"
    err = json.loads(r.stderr.splitlines()[-1])["error"]
    assert err["kind"] == "workflow_failed"
    assert err["details"]["failure"]["message"] == "order processing failed"

    t = twctl("workflow", "execute", "--type", "AlwaysFails", "-t", EDGE, "-w", f"{unique_id}-t")
    assert t.returncode == 3
    assert "  Status   FAILED\n" in t.stdout
    assert t.stderr.splitlines()[-1].startswith("Error: workflow failed: order processing failed")


def test_execute_on_a_running_id_exits_5_unless_use_existing(twctl, rig, unique_id):
    start = twctl("workflow", "start", "--type", "Interactive", "-t", TQ, "-w", unique_id)
    assert start.returncode == 0, start.stderr
    first_run = start.stdout.split("RunId")[1].split()[0]
    try:
        again = twctl("workflow", "execute", "--type", "Interactive", "-t", TQ, "-w", unique_id, "-o", "json")
        assert again.returncode == 5
        assert again.stdout == ""
        assert json.loads(again.stderr.splitlines()[-1])["error"]["kind"] == "already_exists"

        # UseExisting follows the running one: once its progress shows, finish it and get its result.
        cmd = [os.environ["TWCTL_BIN"], "workflow", "execute", "--type", "Interactive", "-t", TQ, "-w", unique_id,
               "--id-conflict-policy", "UseExisting", "--address", rig.address]
        env = {k: v for k, v in os.environ.items() if not k.startswith("TEMPORAL_")}
        with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                              stdin=subprocess.DEVNULL) as proc:
            try:
                assert proc.stderr.readline() == "warning: a run with this workflow ID was already running; following it\n"
                assert proc.stderr.readline() == "Progress:\n"
                sig = twctl("workflow", "signal", "-w", unique_id, "--name", "add", "-i", '"x"')
                assert sig.returncode == 0, sig.stderr
                assert twctl("workflow", "signal", "-w", unique_id, "--name", "finish").returncode == 0
                out, rest = proc.communicate(timeout=60)
            finally:
                if proc.poll() is None:
                    proc.kill()
        assert proc.returncode == 0, rest
        assert f"  RunId       {first_run}\n" in out
        assert '  Result          ["x"]\n' in out
        assert "WorkflowExecutionSignaled" in rest
    finally:
        twctl("workflow", "terminate", "-w", unique_id)


# --- signal-with-start ---------------------------------------------------------------------------------------


def test_signal_with_start_starts_then_signals_the_running_workflow(twctl, unique_id):
    args = ["workflow", "signal-with-start", "--type", "Interactive", "-t", TQ, "-w", unique_id]
    first = twctl(*args, "--signal-name", "add", "--signal-input", '"a"', "-o", "json")
    assert first.returncode == 0, first.stderr
    doc = json.loads(first.stdout)
    assert doc["started"] is True and doc["workflowId"] == unique_id and doc["signalName"] == "add"
    try:
        second = twctl(*args, "--signal-type", "add_pair", "--signal-input", '"b"', "--signal-input", '{"c":3}')
        assert second.returncode == 0, second.stderr
        assert "  Started     false (already running)\n" in second.stdout
        assert f"  RunId       {doc['runId']}\n" in second.stdout
        assert items(twctl, unique_id) == ["a", "b", {"c": 3}]
        assert twctl("workflow", "signal", "-w", unique_id, "--name", "finish").returncode == 0
        res = twctl("workflow", "result", "-w", unique_id, "-o", "json")
        assert json.loads(res.stdout)["result"] == ["a", "b", {"c": 3}]
    finally:
        twctl("workflow", "terminate", "-w", unique_id)


def test_signal_with_start_bad_input_exits_2_and_starts_nothing(twctl, unique_id):
    base = ["workflow", "signal-with-start", "--type", "Interactive", "-t", TQ, "-w", unique_id]
    for extra, needle in [([], "--signal-name"), (["--signal-name", "add", "--signal-input", "{"], "--signal-input #1")]:
        r = twctl(*base, *extra)
        assert r.returncode == 2, r.stderr
        assert needle in r.stderr.splitlines()[0]
    missing = twctl("workflow", "describe", "-w", unique_id)
    assert missing.returncode == 4


# --- update-with-start ---------------------------------------------------------------------------------------


def test_update_with_start_starts_updates_and_reports_rejections(twctl, unique_id):
    base = ["workflow", "--type", "Interactive", "-t", TQ, "-w", unique_id, "--id-conflict-policy", "UseExisting"]

    def uws(command, *extra):
        return twctl(base[0], command, *base[1:], *extra)

    s = uws("start-update-with-start", "--update-name", "add_item", "--update-input", '"a"',
            "--update-wait-for-stage", "accepted", "--update-id", f"{unique_id}-u1", "-o", "json")
    assert s.returncode == 0, s.stderr
    doc = json.loads(s.stdout)
    assert doc["started"] is True and doc["updateName"] == "add_item" and doc["updateId"] == f"{unique_id}-u1"
    try:
        e = uws("execute-update-with-start", "--update-type", "add_item", "--update-input", '"b"', "-o", "json")
        assert e.returncode == 0, e.stderr
        doc2 = json.loads(e.stdout)
        assert doc2["started"] is False and doc2["runId"] == doc["runId"]
        assert doc2["result"] == 2

        text = uws("execute-update-with-start", "--update-name", "add_item", "--update-input", '"c"')
        assert text.returncode == 0, text.stderr
        assert "  Started     false (already running)\n" in text.stdout
        assert "  Result    3\n" in text.stdout

        busy = twctl("workflow", "execute-update-with-start", "--type", "Interactive", "-t", TQ, "-w", unique_id,
                     "--id-conflict-policy", "Fail", "--update-name", "add_item", "--update-input", '"x"')
        assert busy.returncode == 5
        assert "already running" in busy.stderr.splitlines()[0]

        rej = uws("execute-update-with-start", "--update-name", "add_item", "--update-input", '"bad"', "-o", "json")
        assert rej.returncode == 12
        assert json.loads(rej.stdout)["failure"]["applicationFailureInfo"]["type"] == "ValidationError"
        err = json.loads(rej.stderr.splitlines()[-1])["error"]
        assert err["kind"] == "update_failed"
        assert err["details"]["failure"]["message"] == "value rejected: bad"

        rej2 = uws("start-update-with-start", "--update-name", "add_item", "--update-input=-1",
                   "--update-wait-for-stage", "accepted")
        assert rej2.returncode == 12
        assert "value rejected: -1 (ValidationError)" in rej2.stdout

        failed = uws("execute-update-with-start", "--update-name", "fail_update")
        assert failed.returncode == 12
        assert "update failed on purpose (UpdateError)" in failed.stdout

        assert items(twctl, unique_id) == ["a", "b", "c"]
    finally:
        twctl("workflow", "terminate", "-w", unique_id)


def test_update_with_start_rejected_on_a_new_workflow_still_exits_12(twctl, unique_id):
    r = twctl("workflow", "execute-update-with-start", "--type", "Interactive", "-t", TQ, "-w", unique_id,
              "--id-conflict-policy", "Fail", "--update-name", "add_item", "--update-input", '"bad"', "-o", "json")
    try:
        assert r.returncode == 12, r.stderr
        assert json.loads(r.stderr.splitlines()[-1])["error"]["details"]["failure"]["message"] == "value rejected: bad"
    finally:
        twctl("workflow", "terminate", "-w", unique_id)


def test_update_with_start_requires_the_conflict_policy(twctl, unique_id):
    r = twctl("workflow", "execute-update-with-start", "--type", "Interactive", "-t", TQ, "-w", unique_id,
              "--update-name", "add_item")
    assert r.returncode == 2
    assert "--id-conflict-policy" in r.stderr.splitlines()[0]
    assert twctl("workflow", "describe", "-w", unique_id).returncode == 4
