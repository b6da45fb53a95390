#!/usr/bin/env python3
"""One-shot commands in wall time beside their floor programs, interleaved: each round runs every case once, in
turn (forwards, then backwards the next round), so a machine that gets busier or quieter moves all cases alike.
Prints medians and each binary's ratio to its floor.

    python bench/oneshot.py [--runs 41] [--address HOST:PORT] [--floors DIR] BINARY [BINARY ...]
                                   with the test venv's python (tests/fixtures/rig.py needs temporalio)

Without --address a dev server is started (tests/fixtures/rig.py) and stopped afterwards. A workflow is started
and terminated first, so describe reads a closed execution (and makes its second call, for the close event).
--floors is the folder of grpc_exit and describe_floor (build/bench/floor, built by
`cmake --build build --target bench_floors`).
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


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=41)
    ap.add_argument("--address")
    ap.add_argument("--floors", default=str(ROOT / "build" / "bench" / "floor"))
    ap.add_argument("binaries", nargs="+")
    args = ap.parse_args()

    server = None
    address = args.address
    if not address:
        import rig
        server, address = rig.start_devserver(Path(tempfile.mkdtemp(prefix="twctl-bench-")))
    try:
        first = args.binaries[0]
        wid = f"bench-oneshot-{os.getpid()}"
        for argv in (["workflow", "start", "--type", "Bench", "-t", "bench", "-w", wid],
                     ["workflow", "terminate", "-w", wid, "--reason", "bench"]):
            subprocess.run([first, *argv, "--address", address], check=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
        floors = Path(args.floors)
        cases: list[tuple[str, str, list[str], str | None]] = []  # (binary, case, argv, floor case)
        cases.append(("floor", "grpc_exit", [str(floors / "grpc_exit")], None))
        cases.append(("floor", "describe_floor", [str(floors / "describe_floor"), address, "default", wid], None))
        for b in args.binaries:
            cases += [
                (b, "--version", [b, "--version"], "grpc_exit"),
                (b, "workflow describe -o json", [b, "workflow", "describe", "-w", wid, "-o", "json",
                                                  "--address", address], "describe_floor"),
                (b, "workflow describe", [b, "workflow", "describe", "-w", wid, "--address", address], None),
                (b, "workflow count", [b, "workflow", "count", "--address", address], None),
            ]
        times: dict[int, list[float]] = {i: [] for i in range(len(cases))}
        order = list(range(len(cases)))
        for r in range(args.runs):
            for i in (order if r % 2 == 0 else reversed(order)):
                start = time.perf_counter()
                proc = subprocess.run(cases[i][2], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                times[i].append((time.perf_counter() - start) * 1000)
                if proc.returncode != 0:
                    raise SystemExit(f"{' '.join(cases[i][2])} exited {proc.returncode}")
        medians = {i: statistics.median(t) for i, t in times.items()}
        floor_ms = {cases[i][1]: medians[i] for i in range(len(cases)) if cases[i][0] == "floor"}
        print(f"{args.runs} interleaved runs, medians\n")
        print("| binary | case | median | floor | ratio |")
        print("|---|---|---|---|---|")
        for i, (binary, case, _, floor) in enumerate(cases):
            f = f"{floor_ms[floor]:.2f} ms ({floor})" if floor else "—"
            ratio = f"{medians[i] / floor_ms[floor]:.2f}×" if floor else "—"
            print(f"| {binary} | {case} | {medians[i]:.2f} ms | {f} | {ratio} |")
    finally:
        if server:
            rig.stop(server)
    return 0


if __name__ == "__main__":
    sys.exit(main())
