#!/usr/bin/env python3
"""Latency of shell completion (`twctl __complete`): a command name, an enum value, live workflow IDs and
namespaces against a dev server, and live workflow IDs against an address that never answers (where the
~300 ms bound decides). Median and maximum wall time of N runs.

    python bench/completion.py [--runs 20] [--address HOST:PORT] BINARY

Without --address a dev server is started (tests/fixtures/rig.py) and stopped afterwards.
"""

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "fixtures"))


def measure(argv, runs):
    walls = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        walls.append((time.perf_counter() - start) * 1000)
    return statistics.median(walls), max(walls)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--address")
    ap.add_argument("binary")
    args = ap.parse_args()

    server = None
    address = args.address
    if not address:
        import rig
        server, address = rig.start_devserver(Path(tempfile.mkdtemp(prefix="twctl-bench-")))
    try:
        b = args.binary
        for i in range(20):
            subprocess.run([b, "workflow", "start", "--type", "Bench", "-t", "bench", "-w", f"bench-complete-{i}",
                            "--address", address], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        cases = [
            ("command name", [b, "__complete", "workflow", "st"]),
            ("enum value", [b, "__complete", "workflow", "list", "--output", ""]),
            ("workflow IDs (live)", [b, "__complete", "--address", address, "workflow", "describe", "-w", "bench-"]),
            ("namespaces (live)", [b, "__complete", "--address", address, "-n", ""]),
            ("workflow IDs, no answer", [b, "__complete", "--address", "192.0.2.1:7233", "workflow", "describe",
                                         "-w", ""]),
        ]
        print(f"{'case':<28} {'median ms':>10} {'max ms':>8}  (runs: {args.runs})")
        for name, argv in cases:
            med, worst = measure(argv, args.runs)
            print(f"{name:<28} {med:>10.1f} {worst:>8.1f}")
    finally:
        if server:
            rig.stop(server)


if __name__ == "__main__":
    main()
