#!/usr/bin/env python3
"""Instructions one-shot commands execute (valgrind's callgrind), for one or more builds of twctl and for the
floor programs of bench/floor: a count that, unlike wall time, does not move with a busy machine.

    bench/run --instructions       build/'s twctl beside the floors (installs and builds what is missing)
    python bench/instructions.py [--address HOST:PORT] [--floors DIR] BINARY [BINARY ...]
                                   with the test venv's python (tests/fixtures/rig.py needs temporalio)

Without --address a dev server is started (tests/fixtures/rig.py) and stopped afterwards. A workflow is started
and terminated first, so describe reads a closed execution. --floors is the folder of exit_floor, grpc_exit and
describe_floor (build/bench/floor, built by `cmake --build build --target bench_floors`).
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "fixtures"))


def instructions(argv: list[str]) -> int:
    with tempfile.NamedTemporaryFile(prefix="callgrind-") as out:
        proc = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out.name}", *argv],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(argv)} exited {proc.returncode}:\n{proc.stderr[-2000:]}")
        m = re.search(r"Collected : (\d+)", proc.stderr)
        if not m:
            raise SystemExit(f"no instruction count from callgrind for {' '.join(argv)}")
        return int(m.group(1))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--address")
    ap.add_argument("--floors", help="folder of the floor programs (build/bench/floor)")
    ap.add_argument("binaries", nargs="+")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is needed (Debian: valgrind)")

    import rig
    server, address = None, args.address
    if not address:
        server, address = rig.start_devserver(Path(tempfile.mkdtemp(prefix="twctl-instructions-")))
    try:
        first = args.binaries[0]
        wid = f"bench-instructions-{os.getpid()}"
        for verb in (["start", "--type", "Bench", "-t", "bench"], ["terminate"]):
            proc = subprocess.run([first, "workflow", verb[0], *verb[1:], "-w", wid, "--address", address],
                                  capture_output=True, text=True)
            if proc.returncode != 0:
                raise SystemExit(f"workflow {verb[0]} exited {proc.returncode}: {proc.stderr.strip()}")
        conn = ["--address", address]
        cases = [
            ("--version", ["--version"], "grpc_exit", []),
            ("complete a command name", ["__complete", "workflow", "st"], None, None),
            ("complete a flag's values", ["__complete", "workflow", "list", "--output", ""], None, None),
            ("complete a proto enum's values", ["__complete", "workflow", "start", "--id-reuse-policy", ""], None,
             None),
            ("complete live workflow IDs", ["__complete", *conn, "workflow", "describe", "-w", "bench-"], None, None),
            ("workflow count", ["workflow", "count", *conn], None, None),
            ("workflow describe", ["workflow", "describe", "-w", wid, *conn], None, None),
            ("workflow describe -o json", ["workflow", "describe", "-w", wid, "-o", "json", *conn],
             "describe_floor", [address, "default", wid]),
            ("workflow start", ["workflow", "start", "--type", "Bench", "-t", "bench", *conn], None, None),
        ]
        names = [Path(b).name if len(args.binaries) == 1 else b for b in args.binaries]
        header = ["case", *names] + (["floor", "floor program"] if args.floors else [])
        rows = []
        for name, argv, floor, floor_args in cases:
            row = [name] + [f"{instructions([b, *argv]) / 1e6:.1f} M" for b in args.binaries]
            if args.floors:
                if floor:
                    row += [f"{instructions([str(Path(args.floors) / floor), *floor_args]) / 1e6:.1f} M", floor]
                else:
                    row += ["—", ""]
            rows.append(row)
        if args.floors:
            rows.append(["exit", *["—"] * len(args.binaries),
                         f"{instructions([str(Path(args.floors) / 'exit_floor')]) / 1e6:.2f} M", "exit_floor"])
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for r in rows:
            print("| " + " | ".join(r) + " |")
    finally:
        rig.stop(server)
    return 0


if __name__ == "__main__":
    sys.exit(main())
