"""Translation through a local HTTP service, a flaky API retried by an activity, and the edge cases."""

import json
import os
import re
import signal
import subprocess
import time

from helpers import wait_until


def start(twctl, wid, wf_type, tq, *inputs):
    args = ["workflow", "start", "--type", wf_type, "-t", tq, "-w", wid]
    for i in inputs:
        args += ["-i", i]
    r = twctl(*args)
    assert r.returncode == 0, r.stderr


def result_json(twctl, wid):
    r = twctl("workflow", "result", "-w", wid, "-o", "json")
    return r, json.loads(r.stdout)


def test_translation_calls_the_local_service(twctl, unique_id):
    start(twctl, unique_id, "TranslationWorkflow", "translation-tasks", '"Ada"')
    r, doc = result_json(twctl, unique_id)
    assert r.returncode == 0, r.stderr
    assert doc["result"] == "¡Hola, Ada!\n¡Adiós, Ada!"
    events = json.loads(twctl("workflow", "show", "-w", unique_id, "-o", "json").stdout)["events"]
    scheduled = [e["activityTaskScheduledEventAttributes"]["activityType"]["name"]
                 for e in events if e["eventType"] == "EVENT_TYPE_ACTIVITY_TASK_SCHEDULED"]
    assert scheduled == ["greet_in_spanish", "farewell_in_spanish"]


def test_flaky_api_retries_are_visible_in_describe(twctl, unique_id):
    start(twctl, unique_id, "FlakyApiWorkflow", "flaky-tasks", json.dumps({"key": unique_id, "failures": 3}))

    def retrying():
        doc = json.loads(twctl("workflow", "describe", "-w", unique_id, "-o", "json").stdout)
        acts = doc.get("pendingActivities", [])
        return acts[0] if acts and acts[0].get("attempt", 1) >= 2 and "lastFailure" in acts[0] else None

    act = wait_until(retrying, message="the activity to be retried")
    assert act["activityType"]["name"] == "call_flaky_api"
    assert "500" in act["lastFailure"]["message"]

    text = twctl("workflow", "describe", "-w", unique_id)
    if "Pending Activities: 1" in text.stdout:  # it may have succeeded meanwhile
        assert re.search(r"^  Type +call_flaky_api$", text.stdout, re.M)
        assert "LastFailure" in text.stdout

    r, doc = result_json(twctl, unique_id)
    assert r.returncode == 0, r.stderr
    assert doc["result"] == "ok after 3 failures"


def test_echo_returns_any_json_value(twctl, unique_id):
    value = {"n": 1, "list": [True, None, "x"], "nested": {"foo": None}}
    start(twctl, unique_id, "Echo", "edge-tasks", json.dumps(value))
    r, doc = result_json(twctl, unique_id)
    assert r.returncode == 0
    assert doc["result"] == value


def test_each_input_is_one_argument(twctl, unique_id):
    start(twctl, unique_id, "EchoPair", "edge-tasks", '["a","b"]', '{"c":3}')
    r, doc = result_json(twctl, unique_id)
    assert r.returncode == 0
    assert doc["result"] == [["a", "b"], {"c": 3}]


def test_input_file(twctl, unique_id, tmp_path):
    f = tmp_path / "input.json"
    f.write_text('{"from": "file"}\n')
    r = twctl("workflow", "start", "--type", "Echo", "-t", "edge-tasks", "-w", unique_id, "--input-file", str(f))
    assert r.returncode == 0, r.stderr
    assert result_json(twctl, unique_id)[1]["result"] == {"from": "file"}


def test_failing_workflow_exits_3_with_its_cause_chain(twctl, unique_id):
    start(twctl, unique_id, "AlwaysFails", "edge-tasks")
    r = twctl("workflow", "result", "-w", unique_id)
    assert r.returncode == 3
    assert "  Status   FAILED\n" in r.stdout
    assert "order processing failed" in r.stdout
    assert "database unreachable" in r.stdout
    assert r.stderr.startswith("Error: workflow failed: order processing failed (OrderError)")
    assert "database unreachable" in r.stderr

    j = twctl("workflow", "result", "-w", unique_id, "-o", "json")
    err = json.loads(j.stderr.splitlines()[-1])["error"]
    assert err["details"]["status"] == "FAILED"
    assert "database unreachable" in json.dumps(err["details"]["failure"]["cause"])


def test_result_follows_continue_as_new(twctl, unique_id):
    start(twctl, unique_id, "Countdown", "edge-tasks", "3")
    first = json.loads(twctl("workflow", "describe", "-w", unique_id, "-o", "json").stdout)
    first_run = first["workflowExecutionInfo"]["execution"]["runId"]
    r, doc = result_json(twctl, unique_id)
    assert r.returncode == 0, r.stderr
    assert doc["result"] == "liftoff"
    # Started from the first run, result waited through three continue-as-new runs to the last.
    pinned = twctl("workflow", "result", "-w", unique_id, "-r", first_run, "-o", "json")
    assert pinned.returncode == 0
    assert json.loads(pinned.stdout)["runId"] == doc["runId"] != first_run


def test_long_running_workflow_is_running_then_cancellable(twctl, unique_id):
    start(twctl, unique_id, "LongRunning", "edge-tasks", "3600")
    d = json.loads(twctl("workflow", "describe", "-w", unique_id, "-o", "json").stdout)
    assert d["workflowExecutionInfo"]["status"] == "WORKFLOW_EXECUTION_STATUS_RUNNING"
    assert "closeEvent" not in d
    assert twctl("workflow", "cancel", "-w", unique_id).returncode == 0
    r, doc = result_json(twctl, unique_id)
    assert r.returncode == 3
    assert doc["status"] == "CANCELED"


def test_result_times_out_with_command_timeout(twctl, unique_id):
    start(twctl, unique_id, "LongRunning", "edge-tasks", "3600")
    try:
        r = twctl("workflow", "result", "-w", unique_id, "--command-timeout", "1s", timeout=30)
        assert r.returncode == 7, r.stderr
        assert "timed out" in r.stderr
    finally:
        twctl("workflow", "cancel", "-w", unique_id)


def test_memo_and_search_attribute_are_stored(twctl, unique_id):
    r = twctl("workflow", "start", "--type", "LongRunning", "-t", "edge-tasks", "-w", unique_id, "-i", "3600",
              "--memo", 'owner={"team":"core"}', "--search-attribute", 'CustomKeywordField="blue"',
              "--execution-timeout", "2h", "--run-timeout", "1h")
    assert r.returncode == 0, r.stderr
    try:
        doc = json.loads(twctl("workflow", "describe", "-w", unique_id, "-o", "json").stdout)
        info = doc["workflowExecutionInfo"]
        assert info["memo"]["fields"]["owner"] == {"team": "core"}
        assert info["searchAttributes"]["indexedFields"]["CustomKeywordField"] == "blue"
        assert doc["executionConfig"]["workflowExecutionTimeout"] == "7200s"
        assert doc["executionConfig"]["workflowRunTimeout"] == "3600s"
        text = twctl("workflow", "describe", "-w", unique_id).stdout
        assert '  Memo                  {"owner":{"team":"core"}}\n' in text
    finally:
        twctl("workflow", "cancel", "-w", unique_id)


def test_interrupt_while_waiting_exits_130(twctl, rig, unique_id):
    start(twctl, unique_id, "LongRunning", "edge-tasks", "3600")
    try:
        proc = subprocess.Popen([os.environ["TWCTL_BIN"], "workflow", "result", "-w", unique_id,
                                 "--address", rig.address], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        # Once gRPC's threads exist the call is under way (and the signal thread is waiting).
        wait_until(lambda: len(os.listdir(f"/proc/{proc.pid}/task")) >= 3, timeout=10,
                   message="twctl to be waiting on the server")
        started = time.monotonic()
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=10)
        assert proc.returncode == 130
        assert time.monotonic() - started < 5
        assert out == ""
        assert err == "Error: interrupted\n"
    finally:
        twctl("workflow", "cancel", "-w", unique_id)


def test_cancel_in_json_prints_an_object(twctl, unique_id):
    start(twctl, unique_id, "LongRunning", "edge-tasks", "3600")
    r = twctl("workflow", "cancel", "-w", unique_id, "--reason", "done testing", "-o", "json")
    assert r.returncode == 0
    assert json.loads(r.stdout) == {"workflowId": unique_id, "runId": "", "cancelRequested": True}
    assert r.stderr == ""
    # The server holds the event back while a workflow task is in flight: wait for it.
    def requested_events():
        events = [json.loads(x) for x in twctl("workflow", "show", "-w", unique_id, "-o", "jsonl").stdout.splitlines()]
        return [e for e in events if e["eventType"] == "EVENT_TYPE_WORKFLOW_EXECUTION_CANCEL_REQUESTED"]

    requested = wait_until(requested_events, message="the cancel request to be in the history")
    assert requested[0]["workflowExecutionCancelRequestedEventAttributes"]["cause"] == "done testing"
