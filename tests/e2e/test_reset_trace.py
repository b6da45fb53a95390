"""workflow reset (one workflow and batches), trace, and pause/unpause against the dev server."""

import json
import os
import re
import select
import signal
import subprocess
import time

import pytest

from helpers import wait_until

TQ = "interactive-tasks"


def start_interactive(twctl, wid):
    r = twctl("workflow", "start", "--type", "Interactive", "-t", TQ, "-w", wid)
    assert r.returncode == 0, r.stderr


def items(twctl, wid):
    r = twctl("workflow", "query", "-w", wid, "--name", "items", "-o", "json")
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)["queryResult"][0]


def send(twctl, wid, name, *inputs):
    args = ["workflow", "signal", "-w", wid, "--name", name]
    for value in inputs:
        args += ["-i", value]
    r = twctl(*args)
    assert r.returncode == 0, r.stderr


def info(twctl, wid, rid=None):
    args = ["workflow", "describe", "-w", wid, "-o", "json"] + (["-r", rid] if rid else [])
    r = twctl(*args)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)["workflowExecutionInfo"]


def events(twctl, wid, rid):
    r = twctl("workflow", "show", "-w", wid, "-r", rid, "-o", "json")
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)["events"]


def task_completed_ids(evs):
    return [int(e["eventId"]) for e in evs if e["eventType"] == "EVENT_TYPE_WORKFLOW_TASK_COMPLETED"]


def signaled(evs):
    return [e for e in evs if e["eventType"] == "EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED"]


def reset(twctl, *args):
    r = twctl("workflow", "reset", *args, "-o", "json")
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_reset_to_first_workflow_task_reapplies_signals_unless_excluded(twctl, unique_id):
    start_interactive(twctl, unique_id)
    try:
        send(twctl, unique_id, "add", '"a"')
        send(twctl, unique_id, "add", '"b"')
        assert wait_until(lambda: items(twctl, unique_id) == ["a", "b"])
        first = info(twctl, unique_id)["execution"]["runId"]

        out = reset(twctl, "-w", unique_id, "-t", "FirstWorkflowTask", "--reason", "replay")
        assert out["workflowId"] == unique_id and out["runId"] != first
        assert out["eventId"] == task_completed_ids(events(twctl, unique_id, first))[0]
        assert info(twctl, unique_id)["execution"]["runId"] == out["runId"]
        assert info(twctl, unique_id, first)["status"] == "WORKFLOW_EXECUTION_STATUS_TERMINATED"
        # The signals after the reset point are reapplied to the new run.
        assert len(signaled(events(twctl, unique_id, out["runId"]))) == 2
        assert wait_until(lambda: items(twctl, unique_id) == ["a", "b"])

        # From the original run again (in the new run, the reapplied signals come before its first completed
        # task), this time without the signals.
        excluded = reset(twctl, "-w", unique_id, "-r", first, "-t", "FirstWorkflowTask", "--reason", "no signals",
                         "--reapply-exclude", "Signal")
        assert excluded["baseRunId"] == first
        assert signaled(events(twctl, unique_id, excluded["runId"])) == []
        assert wait_until(lambda: items(twctl, unique_id) == [])
    finally:
        twctl("workflow", "terminate", "-w", unique_id)


def test_reset_to_last_workflow_task_and_by_event_id(twctl, unique_id):
    start_interactive(twctl, unique_id)
    try:
        send(twctl, unique_id, "add", '"a"')
        assert wait_until(lambda: items(twctl, unique_id) == ["a"])
        first = info(twctl, unique_id)["execution"]["runId"]
        completed = task_completed_ids(events(twctl, unique_id, first))
        assert len(completed) >= 2

        r = twctl("workflow", "reset", "-w", unique_id, "-t", "LastWorkflowTask", "--reason", "last")
        assert r.returncode == 0, r.stderr
        assert r.stdout.startswith(f"Reset execution:\n  WorkflowId  {unique_id}\n  RunId       ")
        assert f"  EventId     {completed[-1]}\n" in r.stdout
        second = info(twctl, unique_id)["execution"]["runId"]
        assert second != first and f"  RunId       {second}\n" in r.stdout
        assert wait_until(lambda: items(twctl, unique_id) == ["a"])

        by_id = reset(twctl, "-w", unique_id, "-r", first, "-e", str(completed[0]), "--reason", "by id")
        assert by_id["baseRunId"] == first and by_id["eventId"] == completed[0]
        assert info(twctl, unique_id)["execution"]["runId"] == by_id["runId"]
        assert info(twctl, unique_id, second)["status"] == "WORKFLOW_EXECUTION_STATUS_TERMINATED"
    finally:
        twctl("workflow", "terminate", "-w", unique_id)


def test_reset_to_last_continued_as_new_resets_the_previous_run(twctl, unique_id):
    start_interactive(twctl, unique_id)
    try:
        first = info(twctl, unique_id)["execution"]["runId"]
        none = twctl("workflow", "reset", "-w", unique_id, "-t", "LastContinuedAsNew", "--reason", "x")
        assert none.returncode == 1
        assert "did not continue from another" in none.stderr

        send(twctl, unique_id, "add", '"a"')
        send(twctl, unique_id, "restart")
        second = wait_until(lambda: (lambda rid: rid if rid != first else None)(
            info(twctl, unique_id)["execution"]["runId"]), message="the workflow to continue as new")

        out = reset(twctl, "-w", unique_id, "-t", "LastContinuedAsNew", "--reason", "previous run")
        assert out["baseRunId"] == first
        assert out["eventId"] == task_completed_ids(events(twctl, unique_id, first))[-1]
        assert info(twctl, unique_id, second)["status"] == "WORKFLOW_EXECUTION_STATUS_TERMINATED"
        failed = [e["workflowTaskFailedEventAttributes"] for e in events(twctl, unique_id, out["runId"])
                  if e["eventType"] == "EVENT_TYPE_WORKFLOW_TASK_FAILED"]
        assert any(a.get("cause") == "WORKFLOW_TASK_FAILED_CAUSE_RESET_WORKFLOW" and a.get("baseRunId") == first
                   for a in failed)
    finally:
        twctl("workflow", "terminate", "-w", unique_id)


def test_reset_to_a_build_id_uses_its_reset_point(twctl, unique_id):
    start_interactive(twctl, unique_id)
    try:
        send(twctl, unique_id, "add", '"a"')
        assert wait_until(lambda: items(twctl, unique_id) == ["a"])
        points = info(twctl, unique_id).get("autoResetPoints", {}).get("points", [])
        builds = [p for p in points if p.get("buildId")]
        if not builds:
            pytest.skip("the worker's tasks recorded no build ID in the reset points")
        out = reset(twctl, "-w", unique_id, "-t", "BuildId", "--build-id", builds[0]["buildId"], "--reason", "build")
        assert out["eventId"] == int(builds[0]["firstWorkflowTaskCompletedId"])
        assert info(twctl, unique_id)["execution"]["runId"] == out["runId"]
        missing = twctl("workflow", "reset", "-w", unique_id, "-t", "BuildId", "--build-id", "no-such-build",
                        "--reason", "x")
        assert missing.returncode == 1 and "build ID no-such-build" in missing.stderr
    finally:
        twctl("workflow", "terminate", "-w", unique_id)


def test_reset_errors(twctl, unique_id):
    missing = twctl("workflow", "reset", "-w", unique_id, "-e", "4", "--reason", "x")
    assert missing.returncode == 4, missing.stderr
    missing_type = twctl("workflow", "reset", "-w", unique_id, "-t", "FirstWorkflowTask", "--reason", "x")
    assert missing_type.returncode == 4, missing_type.stderr

    start_interactive(twctl, unique_id)
    try:
        run = info(twctl, unique_id)["execution"]["runId"]
        both = twctl("workflow", "reset", "-w", unique_id, "-e", "4", "-t", "FirstWorkflowTask", "--reason", "x")
        assert both.returncode == 2
        assert "exactly one of -e/--event-id and -t/--type" in both.stderr
        no_reason = twctl("workflow", "reset", "-w", unique_id, "-e", "4")
        assert no_reason.returncode == 2 and "--reason" in no_reason.stderr
        batch_event = twctl("workflow", "reset", "-q", f"WorkflowId='{unique_id}'", "-e", "4", "--reason", "x", "--yes")
        assert batch_event.returncode == 2 and "-e/--event-id" in batch_event.stderr
        # Nothing was reset.
        current = info(twctl, unique_id)
        assert current["execution"]["runId"] == run
        assert current["status"] == "WORKFLOW_EXECUTION_STATUS_RUNNING"
    finally:
        twctl("workflow", "terminate", "-w", unique_id)


def test_batch_reset_with_yes_and_wait(twctl, unique_id):
    ids = [f"{unique_id}-{i}" for i in range(2)]
    runs = {}
    try:
        for wid in ids:
            start_interactive(twctl, wid)
            send(twctl, wid, "add", '"x"')
            runs[wid] = info(twctl, wid)["execution"]["runId"]
        for wid in ids:
            assert wait_until(lambda: items(twctl, wid) == ["x"])
        query = f"WorkflowId STARTS_WITH '{unique_id}-' AND ExecutionStatus='Running'"
        wait_until(lambda: twctl("workflow", "count", "-q", query).stdout == "Total: 2\n", message="two running")

        r = twctl("workflow", "reset", "-q", query, "-t", "FirstWorkflowTask", "--reason", "batch reset",
                  "--yes", "--wait")
        assert r.returncode == 0, r.stderr
        assert "  CompletedCount  2/2\n" in r.stdout
        assert "  FailureCount    0/2\n" in r.stdout
        for wid in ids:
            assert info(twctl, wid)["execution"]["runId"] != runs[wid]
            assert wait_until(lambda: items(twctl, wid) == ["x"])
    finally:
        for wid in ids:
            twctl("workflow", "terminate", "-w", wid)


def test_batch_reset_without_yes_off_a_terminal_starts_nothing(twctl, unique_id):
    start_interactive(twctl, unique_id)
    try:
        run = info(twctl, unique_id)["execution"]["runId"]
        r = twctl("workflow", "reset", "-q", f"WorkflowId='{unique_id}'", "-t", "FirstWorkflowTask", "--reason", "x")
        assert r.returncode == 2
        assert "--yes" in r.stderr
        assert info(twctl, unique_id)["execution"]["runId"] == run
    finally:
        twctl("workflow", "terminate", "-w", unique_id)


def by_id(nodes):
    return {n["workflowId"]: n for n in nodes}


def test_trace_of_a_closed_tree_text_and_json(twctl, unique_id):
    # Parent(3 children, no waiting, child 2 fails, one grandchild each).
    r = twctl("workflow", "start", "--type", "Parent", "-t", TQ, "-w", unique_id, "-i", "3", "-i", "false",
              "-i", "true", "-i", "1")
    assert r.returncode == 0, r.stderr
    assert twctl("workflow", "result", "-w", unique_id).returncode == 0

    j = twctl("workflow", "trace", "-w", unique_id, "-o", "json")
    assert j.returncode == 0, j.stderr
    root = json.loads(j.stdout)
    assert (root["type"], root["status"], root["expanded"]) == ("Parent", "COMPLETED", True)
    kids = by_id(root["children"])
    assert sorted(kids) == [f"{unique_id}-child-{i}" for i in range(3)]
    ok, failed = kids[f"{unique_id}-child-0"], kids[f"{unique_id}-child-2"]
    assert (ok["status"], ok["expanded"], ok["children"]) == ("COMPLETED", False, [])  # folded by default
    assert failed["status"] == "FAILED" and "child 2 failed" in failed["failure"]
    assert [c["workflowId"] for c in failed["children"]] == [f"{unique_id}-child-2-child-0"]
    assert failed["children"][0]["status"] == "COMPLETED"

    t = twctl("workflow", "trace", "-w", unique_id, "--no-fold")
    assert t.returncode == 0, t.stderr
    lines = t.stdout.splitlines()
    assert len(lines) == 7
    assert re.fullmatch(rf"Parent  {unique_id}  \S+  Completed", lines[0])
    assert any(re.fullmatch(rf"[├└]─ Child  {unique_id}-child-2  \S+  Failed: child 2 failed \(ChildError\)", x)
               for x in lines)
    for i in range(3):
        assert any(re.fullmatch(rf"[│ ]  └─ Child  {unique_id}-child-{i}-child-0  \S+  Completed", x) for x in lines)

    shallow = twctl("workflow", "trace", "-w", unique_id, "--no-fold", "--depth", "1")
    assert len(shallow.stdout.splitlines()) == 4


def test_trace_of_a_running_tree_then_a_terminated_root(twctl, unique_id):
    r = twctl("workflow", "start", "--type", "Parent", "-t", TQ, "-w", unique_id, "-i", "2", "-i", "true",
              "-i", "false", "-i", "1")
    assert r.returncode == 0, r.stderr

    def full_tree():
        t = twctl("workflow", "trace", "-w", unique_id, "-o", "json")
        assert t.returncode == 0, t.stderr
        root = json.loads(t.stdout)
        kids = root["children"]
        if len(kids) == 2 and all(len(k["children"]) == 1 for k in kids):
            return root
        return None

    root = wait_until(full_tree, message="two children with one grandchild each")
    assert root["status"] == "RUNNING"
    assert all(k["status"] == "RUNNING" and k["children"][0]["status"] == "RUNNING" for k in root["children"])

    assert twctl("workflow", "terminate", "-w", unique_id, "--reason", "done tracing").returncode == 0
    t = twctl("workflow", "trace", "-w", unique_id)
    assert t.returncode == 3
    assert re.match(rf"Parent  {unique_id}  \S+  Terminated: done tracing\n", t.stdout)
    assert t.stderr == "Error: workflow was terminated: done tracing\n"


class Terminal:
    """twctl with its stdout on a pseudo-terminal (so it draws live), stderr on a pipe."""

    def __init__(self, rig, *args):
        self.master, slave = os.openpty()
        self.proc = subprocess.Popen([os.environ["TWCTL_BIN"], *args, "--address", rig.address], stdout=slave,
                                     stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)
        os.close(slave)
        self.screen = b""

    def read_until(self, predicate, timeout=30):
        deadline = time.monotonic() + timeout
        while not predicate(self.screen):
            left = deadline - time.monotonic()
            assert left > 0, f"terminal output never matched; got {self.screen!r}"
            ready, _, _ = select.select([self.master], [], [], min(left, 0.5))
            if ready:
                try:
                    self.screen += os.read(self.master, 65536)
                except OSError:  # the process closed the terminal
                    time.sleep(0.1)
        return self.screen

    def close(self):
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        os.close(self.master)


def test_trace_on_a_terminal_redraws_until_the_root_closes_or_ctrl_c(twctl, rig, unique_id):
    r = twctl("workflow", "start", "--type", "Parent", "-t", TQ, "-w", unique_id, "-i", "1", "-i", "true")
    assert r.returncode == 0, r.stderr
    interrupted = Terminal(rig, "workflow", "trace", "-w", unique_id)
    live = Terminal(rig, "workflow", "trace", "-w", unique_id)
    try:
        redrawn = re.compile(rb"\x1b\[\d+F\x1b\[J")  # back over the last frame, then clear it
        interrupted.read_until(lambda s: redrawn.search(s) and f"{unique_id}-child-0".encode() in s)
        interrupted.proc.send_signal(signal.SIGINT)
        assert interrupted.proc.wait(timeout=10) == 130
        assert interrupted.proc.stderr.read() == "Error: interrupted\n"

        live.read_until(lambda s: redrawn.search(s))
        assert live.proc.poll() is None  # still drawing while the workflow runs
        assert twctl("workflow", "terminate", "-w", unique_id, "--reason", "seen").returncode == 0
        assert live.proc.wait(timeout=30) == 3
        live.read_until(lambda s: b"Terminated" in s)
    finally:
        interrupted.close()
        live.close()
        twctl("workflow", "terminate", "-w", unique_id)


@pytest.mark.server("current")
def test_pause_shows_paused_in_describe_and_unpause_resumes(twctl, unique_id, wait_until):
    assert twctl("workflow", "start", "--type", "LongRunning", "-t", "edge-tasks", "-w", unique_id).returncode == 0
    try:
        paused = twctl("workflow", "pause", "-w", unique_id, "--reason", "investigating")
        assert paused.returncode == 0, paused.stderr
        assert paused.stdout == ""
        assert paused.stderr == f"Paused workflow {unique_id}\n"

        def described():
            return json.loads(twctl("workflow", "describe", "-w", unique_id, "-o", "json").stdout)

        d = wait_until(lambda: (lambda d: d if d["workflowExecutionInfo"]["status"] ==
                                "WORKFLOW_EXECUTION_STATUS_PAUSED" else None)(described()), message="status Paused")
        pause_info = d["workflowExtendedInfo"]["pauseInfo"]
        assert pause_info["reason"] == "investigating"
        assert pause_info["identity"].startswith("twctl:")
        text = twctl("workflow", "describe", "-w", unique_id)
        assert re.search(r"^  Status\s+Paused$", text.stdout, re.M)
        assert re.search(r"^  PauseReason\s+investigating$", text.stdout, re.M)
        assert re.search(r"^  PausedBy\s+twctl:", text.stdout, re.M)

        unpaused = twctl("workflow", "unpause", "-w", unique_id, "-o", "json")
        assert unpaused.returncode == 0, unpaused.stderr
        assert json.loads(unpaused.stdout) == {"workflowId": unique_id, "runId": "", "unpaused": True}
        wait_until(lambda: described()["workflowExecutionInfo"]["status"] == "WORKFLOW_EXECUTION_STATUS_RUNNING",
                   message="status Running again")
        assert "PauseReason" not in twctl("workflow", "describe", "-w", unique_id).stdout
    finally:
        twctl("workflow", "terminate", "-w", unique_id)


@pytest.mark.compat
@pytest.mark.server("legacy")
@pytest.mark.parametrize("verb", ["pause", "unpause"])
def test_pause_and_unpause_on_an_older_server_exit_13_naming_its_version(twctl, unique_id, verb):
    r = twctl("workflow", verb, "-w", unique_id, "--reason", "look", "-o", "json")
    assert r.returncode == 13
    assert r.stdout == ""
    first, second = r.stderr.splitlines()
    rpc = f"WorkflowService.{verb.capitalize()}WorkflowExecution"
    assert re.fullmatch(rf"Error: the cluster at \S+ \(Temporal server \d+\.\d+\.\d+\S*\) does not support {rpc}: "
                        r"it needs Temporal server 1\.32\.0 or newer \(twctl speaks Temporal API v1\.63\.5\)", first)
    err = json.loads(second)["error"]
    assert (err["kind"], err["cause"]) == ("unsupported", "unsupported")
    assert err["details"]["rpc"] == rpc
    assert re.fullmatch(r"1\.29\.\d+", err["details"]["serverVersion"])
    assert err["details"]["neededServerVersion"] == "1.32.0"


@pytest.mark.compat
@pytest.mark.parametrize("verb", ["pause", "unpause"])
def test_pause_and_unpause_bad_input_is_usage_and_sends_nothing(twctl, verb):
    assert twctl("workflow", verb, "--reason", "x").returncode == 2
    r = twctl("workflow", verb, "-w", "")
    assert r.returncode == 2
    assert "workflow-id" in r.stderr
