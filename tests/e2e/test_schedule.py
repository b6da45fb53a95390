"""schedule create/update/describe/list/count/delete/toggle/trigger/backfill/list-matching-times against the dev
server, with the rig's real worker (edge-tasks: Echo, LongRunning) running what the schedules start."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from helpers import wait_until

TQ = "edge-tasks"


def _ok(r):
    assert r.returncode == 0, f"exit {r.returncode}: {r.stderr}"
    return r


def _create(twctl, sid, *spec, type_="Echo", input_='"tick"'):
    args = ["schedule", "create", "-s", sid, "--type", type_, "-t", TQ, "-w", f"{sid}-wf", *spec]
    if input_ is not None:
        args += ["-i", input_]
    return _ok(twctl(*args))


def _describe(twctl, sid):
    return json.loads(_ok(twctl("schedule", "describe", "-s", sid, "-o", "json")).stdout)


def _runs(twctl, sid, status=None):
    q = f"TemporalScheduledById='{sid}'"
    if status:
        q += f" AND ExecutionStatus='{status}'"
    r = _ok(twctl("workflow", "list", "-q", q, "-o", "jsonl"))
    return [json.loads(line) for line in r.stdout.splitlines()]


def _card(text):
    card = {}
    for line in text.split("\n\n")[0].splitlines():
        parts = line.split(None, 1)
        card[parts[0]] = parts[1] if len(parts) > 1 else ""
    return card


def _rfc3339(t: datetime) -> str:
    return t.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def test_an_interval_schedule_starts_workflows_on_the_worker(twctl, unique_id):
    sid = unique_id
    _create(twctl, sid, "--interval", "2s")
    done = wait_until(lambda: len(_runs(twctl, sid, "Completed")) >= 2 and _runs(twctl, sid, "Completed"),
                      timeout=60, interval=0.5, message="two completed runs started by the schedule")
    assert all(run["execution"]["workflowId"].startswith(f"{sid}-wf-") for run in done)
    assert all(run["type"]["name"] == "Echo" for run in done)

    d = _ok(twctl("schedule", "describe", "-s", sid))
    card = _card(d.stdout)
    assert card["Spec"] == "every 2s"
    assert card["State"] == "Running"
    assert card["Action"] == f"start workflow Echo on task queue {TQ} (ID {sid}-wf)"
    assert int(card["ActionsTaken"]) >= 2
    recent = d.stdout.split("Recent actions:\n")[1].split("\n\n")[0]
    assert done[0]["execution"]["workflowId"] in recent or done[-1]["execution"]["workflowId"] in recent
    _ok(twctl("schedule", "delete", "-s", sid))


def test_describe_next_times_match_list_matching_times(twctl, unique_id):
    sid = unique_id
    _create(twctl, sid, "--interval", "1h/5m", "--time-zone", "Europe/Paris", "--notes", "hourly at five past")
    d = _describe(twctl, sid)
    future = d["info"]["futureActionTimes"]
    assert len(future) >= 3
    first = datetime.fromisoformat(future[0].replace("Z", "+00:00"))
    last = datetime.fromisoformat(future[-1].replace("Z", "+00:00"))
    m = json.loads(_ok(twctl("schedule", "list-matching-times", "-s", sid, "--start-time",
                             _rfc3339(first - timedelta(seconds=1)), "--end-time",
                             _rfc3339(last + timedelta(seconds=1)), "-o", "json")).stdout)
    assert m["startTime"] == future
    assert all(datetime.fromisoformat(t.replace("Z", "+00:00")).minute == 5 for t in future)

    week = _ok(twctl("schedule", "list-matching-times", "-s", sid, "--start-time", "now", "--end-time", "+7d"))
    assert len(week.stdout.splitlines()) in (168, 169)
    card = _card(_ok(twctl("schedule", "describe", "-s", sid)).stdout)
    assert card["Spec"] == "every 1h at :05"
    assert card["Notes"] == "hourly at five past"
    _ok(twctl("schedule", "delete", "-s", sid))


def test_trigger_starts_one_run_now(twctl, unique_id):
    sid = unique_id
    _create(twctl, sid, "--interval", "1d", "--paused")
    assert _describe(twctl, sid)["info"].get("actionCount", "0") == "0"
    t = _ok(twctl("schedule", "trigger", "-s", sid))
    assert t.stderr == f"Triggered schedule {sid}\n"
    runs = wait_until(lambda: _runs(twctl, sid, "Completed"), timeout=30, message="the triggered run")
    assert len(runs) == 1
    assert _describe(twctl, sid)["info"]["actionCount"] == "1"
    _ok(twctl("schedule", "delete", "-s", sid))


def test_backfill_over_a_past_window_starts_the_runs_it_matches(twctl, unique_id):
    sid = unique_id
    _create(twctl, sid, "--interval", "1m", "--paused")
    # A window that holds exactly five minute boundaries.
    start = datetime.now(timezone.utc).replace(second=30, microsecond=0) - timedelta(minutes=10)
    end = start + timedelta(minutes=5)
    b = _ok(twctl("schedule", "backfill", "-s", sid, "--start-time", _rfc3339(start), "--end-time", _rfc3339(end),
                  "--overlap-policy", "AllowAll", "-o", "json"))
    assert json.loads(b.stdout)["backfilled"] is True
    runs = wait_until(lambda: len(_runs(twctl, sid, "Completed")) >= 5 and _runs(twctl, sid, "Completed"),
                      timeout=60, message="five backfilled runs")
    assert len(runs) == 5
    # The relative forms: a window a day ago, a minute and a half long, holds one or two more.
    _ok(twctl("schedule", "backfill", "-s", sid, "--start-time", "now-1d", "--end-time", "-23h58m30s"))
    wait_until(lambda: len(_runs(twctl, sid, "Completed")) >= 6, timeout=60, message="the relative window's runs")
    _ok(twctl("schedule", "delete", "-s", sid))


def test_toggle_pauses_and_unpauses(twctl, unique_id):
    sid = unique_id
    _create(twctl, sid, "--interval", "1s")
    wait_until(lambda: _runs(twctl, sid), timeout=30, message="a first run")
    p = _ok(twctl("schedule", "toggle", "-s", sid, "--pause", "--reason", "maintenance window"))
    assert p.stderr == f"Paused schedule {sid}\n"
    paused = _describe(twctl, sid)
    assert paused["schedule"]["state"]["paused"] is True
    taken = int(paused["info"].get("actionCount", "0"))
    card = _card(_ok(twctl("schedule", "describe", "-s", sid)).stdout)
    assert card["State"] == "Paused: maintenance window"
    # Let three of its times go by (a condition on the clock, not a guess), then nothing new has run.
    after = datetime.now(timezone.utc) + timedelta(seconds=3)
    wait_until(lambda: datetime.now(timezone.utc) > after, timeout=10, message="three interval times passing")
    assert int(_describe(twctl, sid)["info"].get("actionCount", "0")) == taken

    _ok(twctl("schedule", "toggle", "-s", sid, "--unpause"))
    wait_until(lambda: int(_describe(twctl, sid)["info"].get("actionCount", "0")) > taken, timeout=30,
               message="a run after unpausing")
    assert _describe(twctl, sid)["schedule"]["state"].get("paused", False) is False
    _ok(twctl("schedule", "delete", "-s", sid))


@pytest.mark.parametrize("policy", ["Skip", "BufferOne", "AllowAll"])
def test_overlap_policies_on_a_long_running_action(twctl, unique_id, policy):
    """Three runs fall due together (a backfill over three past minutes; each has its own workflow ID) while
    the first is still running: Skip starts one and skips two, BufferOne starts one, buffers one and skips one,
    AllowAll starts all three."""
    sid = unique_id
    _create(twctl, sid, "--interval", "1m", "--paused", "--overlap-policy", policy, type_="LongRunning",
            input_="120")
    start = datetime.now(timezone.utc).replace(second=30, microsecond=0) - timedelta(minutes=10)
    _ok(twctl("schedule", "backfill", "-s", sid, "--start-time", _rfc3339(start), "--end-time",
              _rfc3339(start + timedelta(minutes=3))))
    want = {"Skip": (1, 2, 0, 1), "BufferOne": (1, 1, 1, 1), "AllowAll": (3, 0, 0, 3)}[policy]

    def settled():
        info = _describe(twctl, sid)["info"]
        seen = (int(info.get("actionCount", "0")), int(info.get("overlapSkipped", "0")),
                int(info.get("bufferSize", "0")), len(_runs(twctl, sid, "Running")))
        return seen == want or None

    wait_until(settled, timeout=30, message=f"the three due runs handled by {policy}")
    for run in _runs(twctl, sid, "Running"):
        _ok(twctl("workflow", "terminate", "-w", run["execution"]["workflowId"]))
    _ok(twctl("schedule", "delete", "-s", sid))


def test_update_replaces_everything_or_keeps_what_is_not_given(twctl, unique_id):
    sid = unique_id
    _create(twctl, sid, "--interval", "1h", "--paused", "--notes", "first", "--catchup-window", "10m")
    _ok(twctl("schedule", "update", "-s", sid, "--keep-unspecified", "--notes", "second"))
    kept = _describe(twctl, sid)["schedule"]
    assert kept["state"]["paused"] is True
    assert kept["state"]["notes"] == "second"
    assert kept["spec"]["interval"][0]["interval"] == "3600s"
    assert kept["policies"]["catchupWindow"] == "600s"
    assert kept["action"]["startWorkflow"]["workflowType"]["name"] == "Echo"

    _ok(twctl("schedule", "update", "-s", sid, "--interval", "2h", "--type", "Echo", "-t", TQ))
    replaced = _describe(twctl, sid)["schedule"]
    assert replaced["state"].get("paused", False) is False
    assert replaced["state"].get("notes", "") == ""
    assert replaced["spec"]["interval"][0]["interval"] == "7200s"
    _ok(twctl("schedule", "toggle", "-s", sid, "--pause"))
    _ok(twctl("schedule", "delete", "-s", sid))


def test_list_count_complete_and_delete(twctl, unique_id, rig):
    sid = unique_id
    _create(twctl, sid, "--cron", "0 12 * * MON-FRI", "--time-zone", "Europe/Paris", "--paused")

    def listed():
        r = _ok(twctl("schedule", "list", "-o", "jsonl"))
        return [json.loads(line) for line in r.stdout.splitlines() if json.loads(line)["scheduleId"] == sid]

    entry = wait_until(listed, timeout=30, message="the schedule in the list")[0]
    assert entry["info"]["workflowType"]["name"] == "Echo"
    long_ = _ok(twctl("schedule", "list", "--long"))
    row = next(line for line in long_.stdout.splitlines() if line.split()[0] == sid)
    assert "cron `0 12 * * MON-FRI` in Europe/Paris" in row
    assert json.loads(_ok(twctl("schedule", "list", "-o", "json")).stdout)
    assert int(_ok(twctl("schedule", "count")).stdout) >= 1

    comp = twctl("__complete", "--address", rig.address, "schedule", "describe", "-s", sid[:20], address=None)
    assert f"{sid}\tEcho, paused" in comp.stdout

    d = _ok(twctl("schedule", "delete", "-s", sid))
    assert d.stderr == f"Deleted schedule {sid}\n"
    gone = twctl("schedule", "describe", "-s", sid)
    assert gone.returncode == 4, gone.stderr


@pytest.mark.parametrize("spec,message", [
    (["--cron", "0 25 * * *"], "invalid --cron \"0 25 * * *\": hour"),
    (["--calendar", "{\"hour\": \"12\""], "invalid --calendar"),
    (["--time-zone", "Mars/Olympus"], "unknown time zone \"Mars/Olympus\" for --time-zone"),
    (["--interval", "1h", "--start-time", "now", "--end-time", "now-1h"], "--end-time must be after --start-time"),
    (["--interval", "1h", "--start-time", "next tuesday"], "invalid time \"next tuesday\" for --start-time"),
])
def test_bad_specs_are_usage_errors_and_create_nothing(twctl, unique_id, spec, message):
    r = twctl("schedule", "create", "-s", unique_id, "--type", "Echo", "-t", TQ, *spec)
    assert r.returncode == 2
    assert message in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    gone = twctl("schedule", "describe", "-s", unique_id)
    assert gone.returncode == 4, gone.stderr
