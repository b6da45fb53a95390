"""`workflow show`: --follow on running workflows (and across continue-as-new), --reverse, --detailed, and the
Details column of the text table, against the real dev server and workers."""

from __future__ import annotations

import json
import os
import subprocess
import threading

import pytest

from helpers import wait_until


class Follower:
    """`twctl workflow show --follow` as a child process; its stdout lines are collected as they come."""

    def __init__(self, rig, args, tmp_path):
        self.err_path = tmp_path / "follow.err"
        env = {k: v for k, v in os.environ.items() if not k.startswith("TEMPORAL_") and k != "NO_COLOR"}
        with open(self.err_path, "w") as err:
            self.proc = subprocess.Popen(
                [os.environ["TWCTL_BIN"], "workflow", "show", "--follow", *args, "--address", rig.address],
                stdout=subprocess.PIPE, stderr=err, stdin=subprocess.DEVNULL, text=True, env=env)
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self):
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))

    def stderr(self) -> str:
        return self.err_path.read_text()

    def wait(self, timeout=60) -> int:
        try:
            code = self.proc.wait(timeout=timeout)
        finally:
            self.close()
        self._reader.join(timeout=10)
        return code

    def close(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture
def follower(rig, tmp_path):
    made = []

    def make(*args):
        f = Follower(rig, args, tmp_path)
        made.append(f)
        return f

    yield make
    for f in made:
        f.close()


def event_types(lines):
    return [json.loads(line)["eventType"] for line in lines if line.strip()]


def start(twctl, type_, queue, wid, *inputs):
    args = ["workflow", "start", "--type", type_, "-t", queue, "-w", wid, "-o", "json"]
    for i in inputs:
        args += ["-i", i]
    r = twctl(*args)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)["runId"]


def table_rows(stdout):
    """The rows of the Progress table: (id, type, details)."""
    rows = []
    for line in stdout.splitlines():
        parts = line.split(None, 3)
        if len(parts) >= 3 and parts[0].isdigit():
            rows.append((int(parts[0]), parts[2], parts[3] if len(parts) > 3 else ""))
    return rows


def test_follow_streams_events_of_a_running_workflow_until_it_completes(twctl, unique_id, follower):
    start(twctl, "Interactive", "interactive-tasks", unique_id)
    f = follower("-w", unique_id, "-o", "jsonl")
    # The events written so far arrive while the workflow still waits for its signal.
    wait_until(lambda: "EVENT_TYPE_WORKFLOW_TASK_COMPLETED" in event_types(f.lines), timeout=30,
               message="the first workflow task in the followed output")
    assert f.proc.poll() is None, "show --follow ended before the workflow did"

    assert twctl("workflow", "signal", "-w", unique_id, "--name", "add", "-i", '"pear"').returncode == 0
    wait_until(lambda: "EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED" in event_types(f.lines), timeout=30,
               message="the signal in the followed output")
    assert f.proc.poll() is None
    assert twctl("workflow", "signal", "-w", unique_id, "--name", "finish").returncode == 0

    assert f.wait(timeout=60) == 0, f.stderr()
    types = event_types(f.lines)
    assert types[0] == "EVENT_TYPE_WORKFLOW_EXECUTION_STARTED"
    assert types[-1] == "EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED"
    assert types.count("EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED") == 2
    # The same events, in the same order, as show prints once it is over.
    after = twctl("workflow", "show", "-w", unique_id, "-o", "jsonl")
    assert [json.loads(x) for x in after.stdout.splitlines()] == [json.loads(x) for x in f.lines]


def test_follow_goes_into_the_new_run_after_continue_as_new(twctl, unique_id, follower):
    first_run = start(twctl, "Interactive", "interactive-tasks", unique_id, '["a"]')
    f = follower("-w", unique_id)
    wait_until(lambda: any("WorkflowTaskCompleted" in line for line in f.lines), timeout=30,
               message="the first run's workflow task in the followed table")
    assert twctl("workflow", "signal", "-w", unique_id, "--name", "restart").returncode == 0
    moved = wait_until(lambda: "Continued as new: following run" in f.stderr(), timeout=30,
                       message="the move to the new run on stderr")
    assert moved
    new_run = f.stderr().split("following run ", 1)[1].split()[0]
    assert new_run != first_run
    described = json.loads(twctl("workflow", "describe", "-w", unique_id, "-o", "json").stdout)
    assert described["workflowExecutionInfo"]["execution"]["runId"] == new_run
    assert f.proc.poll() is None

    assert twctl("workflow", "signal", "-w", unique_id, "--name", "finish").returncode == 0
    assert f.wait(timeout=60) == 0, f.stderr()
    out = "\n".join(f.lines)
    rows = table_rows(out)
    types = [t for _, t, _ in rows]
    assert types.count("WorkflowExecutionStarted") == 2
    can = [d for _, t, d in rows if t == "WorkflowExecutionContinuedAsNew"]
    assert can == [f"newRunId={new_run} workflowType=Interactive taskQueue=interactive-tasks"]
    assert types[-1] == "WorkflowExecutionCompleted"
    assert "Results:" in f.lines
    assert any(line.split() == ["Status", "COMPLETED"] for line in f.lines)
    assert any(line.split(None, 1) == ["Result", '["a"]'] for line in f.lines)


def test_follow_from_a_given_run_through_several_continue_as_new(twctl, unique_id, follower):
    first_run = start(twctl, "Countdown", "edge-tasks", unique_id, "3")
    f = follower("-w", unique_id, "-r", first_run, "-o", "jsonl")
    assert f.wait(timeout=60) == 0, f.stderr()
    types = event_types(f.lines)
    assert types.count("EVENT_TYPE_WORKFLOW_EXECUTION_STARTED") == 4
    assert types.count("EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW") == 3
    assert types[-1] == "EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED"
    assert f.stderr() == ""  # in JSON modes the moves are not announced


def test_reverse_prints_newest_first_and_is_refused_with_follow(twctl, unique_id):
    start(twctl, "SayHello", "hello-tasks", unique_id, '"World"')
    assert twctl("workflow", "result", "-w", unique_id).returncode == 0
    forward = [json.loads(x) for x in twctl("workflow", "show", "-w", unique_id, "-o", "jsonl").stdout.splitlines()]
    backward = twctl("workflow", "show", "-w", unique_id, "--reverse", "-o", "jsonl")
    assert backward.returncode == 0, backward.stderr
    assert [json.loads(x) for x in backward.stdout.splitlines()] == list(reversed(forward))

    text = twctl("workflow", "show", "-w", unique_id, "--reverse")
    ids = [i for i, _, _ in table_rows(text.stdout)]
    assert ids == sorted(ids, reverse=True) and ids[-1] == 1
    assert "Results:" in text.stdout

    both = twctl("workflow", "show", "-w", unique_id, "--reverse", "--follow")
    assert both.returncode == 2
    assert both.stdout == ""
    assert "--reverse" in both.stderr and "--follow" in both.stderr


def test_details_column_names_activities_signals_and_timers(twctl, unique_id):
    hello = f"{unique_id}-hello"
    start(twctl, "SayHello", "hello-tasks", hello, '"World"')
    assert twctl("workflow", "result", "-w", hello).returncode == 0
    rows = table_rows(twctl("workflow", "show", "-w", hello).stdout)
    details = {t: d for _, t, d in rows}
    assert details["WorkflowExecutionStarted"] == "workflowType=SayHello taskQueue=hello-tasks"
    assert details["ActivityTaskScheduled"] == "activityType=say_hello activityId=1"
    assert details["ActivityTaskStarted"] == "activityType=say_hello activityId=1 attempt=1"
    assert details["ActivityTaskCompleted"] == "activityType=say_hello activityId=1"
    # The JSON says the same.
    events = json.loads(twctl("workflow", "show", "-w", hello, "-o", "json").stdout)["events"]
    scheduled = [e for e in events if e["eventType"] == "EVENT_TYPE_ACTIVITY_TASK_SCHEDULED"][0]
    assert scheduled["activityTaskScheduledEventAttributes"]["activityType"]["name"] == "say_hello"

    sleepy = f"{unique_id}-sleepy"
    start(twctl, "Sleepy", "edge-tasks", sleepy, "1")
    assert twctl("workflow", "result", "-w", sleepy).returncode == 0
    rows = table_rows(twctl("workflow", "show", "-w", sleepy).stdout)
    timer = [d for _, t, d in rows if t in ("TimerStarted", "TimerFired")]
    assert timer == ["timerId=1 duration=1s", "timerId=1 duration=1s"]

    signaled = f"{unique_id}-signals"
    start(twctl, "Interactive", "interactive-tasks", signaled)
    assert twctl("workflow", "signal", "-w", signaled, "--name", "add", "-i", "1").returncode == 0
    assert twctl("workflow", "signal", "-w", signaled, "--name", "finish").returncode == 0
    assert twctl("workflow", "result", "-w", signaled).returncode == 0
    rows = table_rows(twctl("workflow", "show", "-w", signaled).stdout)
    assert [d for _, t, d in rows if t == "WorkflowExecutionSignaled"] == ["signalName=add", "signalName=finish"]


def test_details_column_gives_the_failure_and_its_cause(twctl, unique_id):
    start(twctl, "AlwaysFails", "edge-tasks", unique_id)
    assert twctl("workflow", "result", "-w", unique_id).returncode == 3
    rows = table_rows(twctl("workflow", "show", "-w", unique_id).stdout)
    failed = [d for _, t, d in rows if t == "WorkflowExecutionFailed"]
    assert len(failed) == 1
    assert failed[0].startswith('failure="order processing failed (OrderError); caused by: ')


def test_detailed_prints_every_event_as_a_card_with_payloads_decoded(twctl, unique_id):
    start(twctl, "SayHello", "hello-tasks", unique_id, '"World"')
    assert twctl("workflow", "result", "-w", unique_id).returncode == 0
    r = twctl("workflow", "show", "-w", unique_id, "--detailed")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0] == "Progress:"
    assert lines[1] == "--------------- [1] WorkflowExecutionStarted ---------------"
    card = lines[2:lines.index("")]
    fields = {line.split(None, 1)[0]: line.split(None, 1)[1] for line in card}
    assert fields["workflowType.name"] == "SayHello"
    assert fields["taskQueue.name"] == "hello-tasks"
    assert fields["input[0]"] == '"World"'
    assert "eventTime" in fields and "taskId" in fields
    headers = [line for line in lines if line.startswith("--------------- [")]
    events = twctl("workflow", "show", "-w", unique_id, "-o", "jsonl").stdout.splitlines()
    assert len(headers) == len(events)
    assert any(line.split(None, 1) == ["result[0]", '"Hello, World!"'] for line in lines)
    assert lines[-3:] == ["  Status          COMPLETED", '  Result          "Hello, World!"',
                          "  ResultEncoding  json/plain"]


def test_follow_is_interrupted_by_ctrl_c_with_exit_130(twctl, unique_id, follower):
    import signal

    start(twctl, "Interactive", "interactive-tasks", unique_id)
    f = follower("-w", unique_id, "-o", "jsonl")
    wait_until(lambda: "EVENT_TYPE_WORKFLOW_TASK_COMPLETED" in event_types(f.lines), timeout=30,
               message="the first workflow task in the followed output")
    # It is now waiting in a long poll: SIGINT aborts the call in flight.
    f.proc.send_signal(signal.SIGINT)
    assert f.wait(timeout=10) == 130
    assert "interrupted" in f.stderr()
    twctl("workflow", "terminate", "-w", unique_id)


def test_event_type_and_limit_read_only_what_is_asked(twctl, unique_id):
    r = twctl("workflow", "execute", "--type", "SayHello", "-t", "hello-tasks", "-w", unique_id, "-i", '"Limit"')
    assert r.returncode == 0, r.stderr
    full = twctl("workflow", "show", "-w", unique_id, "-o", "jsonl").stdout
    everything = [json.loads(line) for line in full.splitlines()]
    scheduled = twctl("workflow", "show", "-w", unique_id, "--event-type", "ActivityTaskScheduled", "-o", "jsonl")
    assert scheduled.returncode == 0, scheduled.stderr
    rows = [json.loads(line) for line in scheduled.stdout.splitlines()]
    assert [e["eventType"] for e in rows] == ["EVENT_TYPE_ACTIVITY_TASK_SCHEDULED"]
    assert rows == [e for e in everything if e["eventType"] == "EVENT_TYPE_ACTIVITY_TASK_SCHEDULED"]
    first = [json.loads(line) for line in twctl("workflow", "show", "-w", unique_id, "--limit", "3", "-o",
                                                "jsonl").stdout.splitlines()]
    assert first == everything[:3]
    last = twctl("workflow", "show", "-w", unique_id, "--reverse", "--limit", "1")
    assert last.returncode == 0, last.stderr
    assert "WorkflowExecutionCompleted" in last.stdout
    assert "WorkflowExecutionStarted" not in last.stdout
