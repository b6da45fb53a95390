#!/usr/bin/env python3
"""Start-up cost of twctl: wall time and peak memory of `--version` and of one `workflow describe` against a
local dev server, median of N runs, for one or more builds of the binary.

    python bench/startup.py [--runs 30] [--address HOST:PORT] BINARY [BINARY ...]

Without --address a dev server is started (tests/fixtures/rig.py) and stopped afterwards.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "fixtures"))


def measure(argv, runs):
    """Median wall time (ms) and peak resident memory (MiB). Memory comes from GNU time, which execs the
    command from a small process: a child forked from Python would report Python's pages as its own."""
    walls, rss = [], []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        walls.append(time.perf_counter() - start)
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(argv)} exited {proc.returncode}")
        timed = subprocess.run(["/usr/bin/time", "-f", "%M", *argv], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True, check=True)
        rss.append(int(timed.stderr.strip().splitlines()[-1]))  # KiB
    return statistics.median(walls) * 1000, statistics.median(rss) / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--address")
    ap.add_argument("binaries", nargs="+")
    args = ap.parse_args()

    server = None
    address = args.address
    if not address:
        import rig
        log_dir = Path(tempfile.mkdtemp(prefix="twctl-bench-"))
        server, address = rig.start_devserver(log_dir)
    try:
        wid = f"bench-describe-{os.getpid()}"
        subprocess.run([args.binaries[0], "workflow", "start", "--type", "Bench", "-t", "bench", "-w", wid,
                        "--address", address], check=True, stdout=subprocess.DEVNULL)
        print(f"{'binary':<40} {'command':<20} {'median ms':>10} {'peak MiB':>9}  (runs: {args.runs})")
        ms, mib = measure(["/bin/true"], args.runs)
        print(f"{'/bin/true (the cost of spawning)':<40} {'':<20} {ms:>10.2f} {mib:>9.1f}")
        for binary in args.binaries:
            for name, argv in (("--version", [binary, "--version"]),
                               ("workflow describe", [binary, "workflow", "describe", "-w", wid, "--address", address])):
                ms, mib = measure(argv, args.runs)
                print(f"{binary:<40} {name:<20} {ms:>10.2f} {mib:>9.1f}")
    finally:
        if server:
            rig.stop(server)


if __name__ == "__main__":
    main()
