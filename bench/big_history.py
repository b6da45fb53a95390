#!/usr/bin/env python3
"""`workflow show` on a big history: wall time, peak memory and output size of twctl (jsonl, json, text) and of
the official `temporal` CLI (json), median of N runs each.

    python bench/big_history.py [--events 20000] [--payload-bytes 1024] [--runs 3]
                                [--twctl build/cli/twctl] [--temporal PATH]

Starts a rig (tests/fixtures/rig.py: dev server, services, workers), builds the history with the `BigHistory`
workflow (tests/workers/load_workflows.py), measures, and stops the rig. Run it with the test venv's Python
(~/.cache/twctl/venv/bin/python), which has the temporalio package the rig needs. The dev server is the
`temporal` binary that is measured.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "fixtures"))

import rig  # noqa: E402  (tests/fixtures/rig.py)

TASK_QUEUE = "interactive-tasks"
GENERATION_TIMEOUT = 1800  # seconds


def child_env():
    """The caller's environment without TEMPORAL_* (twctl and temporal read their defaults from it)."""
    return {k: v for k, v in os.environ.items() if not k.startswith("TEMPORAL_")}


def run(argv, **kwargs):
    return subprocess.run(argv, env=child_env(), text=True, capture_output=True, **kwargs)


def check(proc, what):
    if proc.returncode != 0:
        raise SystemExit(f"{what} exited {proc.returncode}: {proc.stderr.strip()}")
    return proc


def generate(twctl, address, workflow_id, events, payload_bytes):
    """Run BigHistory to completion; returns (seconds, describe's workflowExecutionInfo)."""
    start = time.monotonic()
    check(run([twctl, "workflow", "start", "--type", "BigHistory", "-t", TASK_QUEUE, "-w", workflow_id,
               "-i", str(events), "-i", str(payload_bytes), "--address", address]), "workflow start")
    check(run([twctl, "workflow", "result", "-w", workflow_id, "--address", address],
              timeout=GENERATION_TIMEOUT), "workflow result")
    seconds = time.monotonic() - start
    described = check(run([twctl, "workflow", "describe", "-w", workflow_id, "-o", "json", "--address", address]),
                      "workflow describe")
    return seconds, json.loads(described.stdout)["workflowExecutionInfo"]


def timed(argv):
    """One run under GNU time, which execs the command itself (a child forked from Python would report Python's
    pages as its own). Returns (seconds, peak KiB); stdout goes to /dev/null."""
    proc = subprocess.run(["/usr/bin/time", "-f", "%e %M", *argv], env=child_env(), stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} exited {proc.returncode}: {proc.stderr.strip()[-2000:]}")
    seconds, kib = proc.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(kib)


def output_size(argv, jsonl):
    """Bytes the command writes to stdout, and the number of events in them where cheap to count."""
    with tempfile.TemporaryFile() as out:
        proc = subprocess.run(argv, env=child_env(), stdout=out, stderr=subprocess.PIPE)
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(argv)} exited {proc.returncode}: {proc.stderr.decode()[-2000:]}")
        size = out.tell()
        events = None
        if jsonl:
            out.seek(0)
            events = sum(1 for line in out if line.strip())
    return size, events


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=20000, help="events to build (default 20000; the server's "
                    "limit is 51200)")
    ap.add_argument("--payload-bytes", type=int, default=1024, help="size of each activity result (default 1024)")
    ap.add_argument("--runs", type=int, default=3, help="runs per command (default 3)")
    ap.add_argument("--twctl", default=str(ROOT / "build" / "cli" / "twctl"))
    ap.add_argument("--temporal", help="the official CLI, also the dev server (default: found as rig.py does)")
    args = ap.parse_args()

    twctl = os.path.abspath(args.twctl)
    if not (os.path.isfile(twctl) and os.access(twctl, os.X_OK)):
        raise SystemExit(f"twctl binary not found: {twctl} (build it, or pass --twctl)")
    if args.temporal:
        os.environ["TWCTL_TEMPORAL_BIN"] = os.path.abspath(args.temporal)  # rig.find_temporal reads it
    temporal = rig.find_temporal()

    log_dir = Path(tempfile.mkdtemp(prefix="twctl-bench-big-"))
    started = []
    try:
        t0 = time.monotonic()
        server, address = rig.start_devserver(log_dir)
        started.append(server)
        services, services_url = rig.start_services(log_dir)
        started.append(services)
        started.append(rig.start_worker(address, services_url, log_dir))
        print(f"rig up in {time.monotonic() - t0:.1f}s at {address} (logs in {log_dir})")
        print(f"twctl:    {twctl} ({check(run([twctl, '--version']), 'twctl --version').stdout.strip()})")
        version = check(run([temporal, "--version"]), "temporal --version").stdout.strip()
        print(f"temporal: {temporal} ({version})")

        workflow_id = f"bench-big-history-{os.getpid()}"
        print(f"building {workflow_id}: BigHistory({args.events}, {args.payload_bytes}) ...", flush=True)
        seconds, info = generate(twctl, address, workflow_id, args.events, args.payload_bytes)
        events = int(info["historyLength"])
        size = int(info["historySizeBytes"])
        print(f"built in {seconds:.1f}s: {events} events, {size} bytes ({size / 2**20:.1f} MiB), "
              f"{events / seconds:.0f} events/s")

        show = ["workflow", "show", "-w", workflow_id]
        commands = [
            ("twctl show -o jsonl", [twctl, *show, "-o", "jsonl", "--address", address], True),
            ("twctl show -o json", [twctl, *show, "-o", "json", "--address", address], False),
            ("temporal show -o json", [temporal, *show, "-o", "json", "--address", address], False),
            ("twctl show (text)", [twctl, *show, "--address", address], False),
        ]
        rows = []
        for name, argv, jsonl in commands:
            out_bytes, out_events = output_size(argv, jsonl)  # also warms the server's caches
            if out_events is not None and out_events != events:
                print(f"warning: {name} printed {out_events} events, describe says {events}")
            runs = [timed(argv) for _ in range(args.runs)]
            secs = statistics.median(r[0] for r in runs)
            mib = statistics.median(r[1] for r in runs) / 1024
            rows.append((name, secs, mib, events / secs if secs > 0 else float("inf"), out_bytes, runs))
            print(f"  {name}: " + ", ".join(f"{s:.2f}s/{k / 1024:.1f}MiB" for s, k in runs), flush=True)

        print()
        print(f"workflow show, {events} events, {size / 2**20:.1f} MiB of history, median of {args.runs} runs")
        print(f"{'command':<24} {'median s':>9} {'peak MiB':>9} {'events/s':>10} {'output bytes':>14}")
        for name, secs, mib, rate, out_bytes, _ in rows:
            print(f"{name:<24} {secs:>9.2f} {mib:>9.1f} {rate:>10.0f} {out_bytes:>14}")
    finally:
        for proc in reversed(started):
            rig.stop(proc)


if __name__ == "__main__":
    try:
        main()
        rc = 0
    except rig.RigError as err:
        print(f"rig: {err}", file=sys.stderr)
        rc = 1
    except SystemExit as err:
        rc = err.code if isinstance(err.code, int) else (0 if err.code is None else 1)
        if err.code is not None and not isinstance(err.code, int):
            print(err.code, file=sys.stderr)
    # Skip interpreter teardown: the rig's readiness check uses the temporalio client, whose native threads can
    # abort the process at exit (see tests/fixtures/rig.py).
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(rc)
