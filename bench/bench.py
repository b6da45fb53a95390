"""twctl side by side with the official Temporal CLI, on one dev server.

Starts its own dev server (tests/devserver, today's server) with the test workers, seeds the data, then runs
each case interleaved (twctl, official, official, twctl, ...) and prints one table: the median wall time of each
client, the ratio, each client's peak RSS, and the server's share: the median time a warm in-process client (the
Python SDK's raw service calls, connection already open) takes for the same calls, i.e. what no client can go
below. One-shot cases also run a floor program (bench/floor, linked as twctl is): a static program that exits
(exec floor), one that carries gRPC and protobuf and exits (beside --version), and a C++ gRPC client that makes
the one describe call and prints nothing but its size (beside describe).

    bench/run                  # the full set: 10,000 executions, 20,000- and 50,000-event histories
    bench/run --quick          # small data and few repetitions, to check that it works
    bench/run --cases describe,count --reps 31
    bench/run --cases bulk     # bulk starts: twctl --from-file vs the Python SDK vs shell loops (its own table)
    bench/run --server legacy  # on the official CLI's start-dev (server 1.29.1) instead of today's server

The official CLI is found as the test set-up installs it (scripts/lib.sh: $TWCTL_TEMPORAL_BIN, PATH, GOPATH);
without it the official columns are empty. Nothing here is a test: numbers only.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "fixtures"))
sys.path.insert(0, str(ROOT / "tests" / "workers"))

import rig  # noqa: E402

from temporalio.api.common.v1 import WorkflowExecution, WorkflowType  # noqa: E402
from temporalio.api.taskqueue.v1 import TaskQueue  # noqa: E402
from temporalio.api.workflowservice.v1 import (  # noqa: E402
    CountWorkflowExecutionsRequest,
    DescribeWorkflowExecutionRequest,
    GetWorkflowExecutionHistoryRequest,
    ListWorkflowExecutionsRequest,
    StartWorkflowExecutionRequest,
)
from temporalio.client import Client  # noqa: E402
from temporalio.service import RPCError, RPCStatusCode  # noqa: E402

NAMESPACE = "default"
LIST_TYPE = "SayHello"
LIST_QUERY = f"WorkflowType='{LIST_TYPE}'"
GNU_TIME = "/usr/bin/time"  # Debian package `time` (scripts/setup installs it)
IDLE_QUEUE = "bench-idle"  # no worker polls it: the start loop's workflows just wait


@dataclass
class Sizes:
    executions: int
    histories: tuple[int, ...]
    reps_one_shot: int
    reps_bulk: int
    loop_starts: int


FULL = Sizes(executions=10_000, histories=(20_000, 50_000), reps_one_shot=21, reps_bulk=5, loop_starts=200)
QUICK = Sizes(executions=500, histories=(2_000,), reps_one_shot=5, reps_bulk=2, loop_starts=20)


@dataclass
class Sample:
    seconds: list[float] = field(default_factory=list)
    peak_rss_kb: int = 0


@dataclass
class Row:
    case: str
    twctl: Sample
    official: Optional[Sample]
    server: Optional[float]  # seconds, median
    floor: Optional[Sample] = None  # the floor program of the case (bench/floor), run interleaved with the others


def run_once(argv: list[str], env: dict[str, str]) -> float:
    """Wall seconds of one run, output to /dev/null; a failure stops the benchmark."""
    start = time.perf_counter()
    proc = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        err = proc.stderr.decode(errors="replace").strip()[:400]
        raise SystemExit(f"bench: {' '.join(argv[:6])} … exited {proc.returncode}: {err}")
    return elapsed


def peak_rss_kb(argv: list[str], env: dict[str, str]) -> int:
    """Peak RSS (KiB) of one run, as GNU time reports it. Not from wait4 here: a child forked from this Python
    process inherits its RSS high-water mark across exec."""
    proc = subprocess.run([GNU_TIME, "-f", "%M", "--", *argv], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          env=env, text=True)
    lines = proc.stderr.strip().splitlines()
    if proc.returncode != 0 or not lines or not lines[-1].isdigit():
        raise SystemExit(f"bench: {' '.join(argv[:6])} … under {GNU_TIME} exited {proc.returncode}: {proc.stderr[:400]}")
    return int(lines[-1])


def interleaved(reps: int, clients: list[tuple[Sample, Callable[[int], list[str]]]], env: dict[str, str]) -> None:
    """Each repetition runs every client once, the order alternating, so that drift hits both alike; then one
    more run of each under GNU time for its peak RSS."""
    for i in range(reps):
        order = clients if i % 2 == 0 else list(reversed(clients))
        for sample, argv_for in order:
            sample.seconds.append(run_once(argv_for(i), env))
    for sample, argv_for in clients:
        sample.peak_rss_kb = peak_rss_kb(argv_for(reps), env)


async def warm_median(reps: int, call) -> float:
    """Median seconds of `call` made from an already-connected client."""
    times = []
    throttled = 0
    while len(times) < reps:
        start = time.perf_counter()
        try:
            await call()
        except RPCError as e:
            # The dev server's persistence rate limiter can refuse a burst right after seeding: such a sample
            # is dropped and the call made again, a few times at most.
            if e.status != RPCStatusCode.RESOURCE_EXHAUSTED or throttled >= 10:
                raise
            throttled += 1
            await asyncio.sleep(0.5)
            continue
        times.append(time.perf_counter() - start)
    return statistics.median(times)


# --------------------------------------------------------------------------- seeding


async def seed(client: Client, sizes: Sizes, log, only: Optional[set[str]] = None) -> dict[str, object]:
    """10,000 closed SayHello executions and the long histories, each only when a chosen case needs it; returns
    their IDs."""
    if only and not only & {"describe", "count", "list", "complete"}:
        sizes = Sizes(1, sizes.histories, sizes.reps_one_shot, sizes.reps_bulk, sizes.loop_starts)
    if only and "show" not in only:
        sizes = Sizes(sizes.executions, (), sizes.reps_one_shot, sizes.reps_bulk, sizes.loop_starts)
    tag = uuid.uuid4().hex[:6]
    svc = client.workflow_service
    have = (await svc.count_workflow_executions(
        CountWorkflowExecutionsRequest(namespace=NAMESPACE, query=LIST_QUERY))).count
    log(f"seeding {sizes.executions} {LIST_TYPE} executions")
    sem = asyncio.Semaphore(64)

    async def start_one(i: int) -> None:
        async with sem:
            await client.start_workflow(LIST_TYPE, f"bench-{i}", id=f"bench-list-{tag}-{i}", task_queue="hello-tasks")

    await asyncio.gather(*(start_one(i) for i in range(sizes.executions)))
    want = have + sizes.executions
    await until(lambda: svc.count_workflow_executions(CountWorkflowExecutionsRequest(
        namespace=NAMESPACE, query=f"{LIST_QUERY} AND ExecutionStatus='Completed'")),
        lambda r: r.count >= want, 600, f"{want} completed {LIST_TYPE} executions")

    histories = {}
    for events in sizes.histories:
        log(f"seeding a history of about {events} events")
        wid = f"bench-history-{tag}-{events}"
        handle = await client.start_workflow("BigHistory", args=[events, 64], id=wid, task_queue="interactive-tasks")
        await handle.result()
        histories[events] = wid
    describe_id = f"bench-list-{tag}-0"
    return {"histories": histories, "describe": describe_id}


async def until(fetch, ok, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while True:
        value = await fetch()
        if ok(value):
            return value
        if time.monotonic() > deadline:
            raise SystemExit(f"bench: no {what} within {timeout:.0f} s")
        await asyncio.sleep(0.5)


# --------------------------------------------------------------------------- the cases


def cases(twctl: str, official: Optional[str], seeded: dict, sizes: Sizes, address: str, client: Client,
          only: Optional[set[str]], floors: Optional[Path]):
    """(name, reps, argv builder for twctl, for the official CLI or None, warm server call or None, argv builder
    for the floor program or None)."""
    svc = client.workflow_service
    out = []

    def add(name, reps, args_for, warm, official_args_for=None, floor_for=None):
        if only and name.split()[0] not in only:
            return
        t = (lambda i: [twctl, *args_for(i)])
        o = None
        if official:
            o = (lambda i: [official, *(official_args_for or args_for)(i)])
        out.append((name, reps, t, o, warm, floor_for))

    if floors:
        add("exec floor", sizes.reps_one_shot, None, None, floor_for=lambda i: [str(floors / "exit_floor")])
    add("version", sizes.reps_one_shot, lambda i: ["--version"], None,
        floor_for=(lambda i: [str(floors / "grpc_exit")]) if floors else None)
    wid = seeded["describe"]
    add("describe", sizes.reps_one_shot, lambda i: ["workflow", "describe", "-w", wid, "-o", "json"],
        lambda: svc.describe_workflow_execution(DescribeWorkflowExecutionRequest(
            namespace=NAMESPACE, execution=WorkflowExecution(workflow_id=wid))),
        floor_for=(lambda i: [str(floors / "describe_floor"), address, NAMESPACE, wid]) if floors else None)
    add("count", sizes.reps_one_shot, lambda i: ["workflow", "count"],
        lambda: svc.count_workflow_executions(CountWorkflowExecutionsRequest(namespace=NAMESPACE)))

    async def page_all(make):
        token = b""
        while True:
            resp = await make(token)
            token = resp.next_page_token
            if not token:
                return
    add(f"list {sizes.executions}", sizes.reps_bulk,
        lambda i: ["workflow", "list", "-q", LIST_QUERY, "-o", "jsonl"],
        lambda: page_all(lambda tok: svc.list_workflow_executions(ListWorkflowExecutionsRequest(
            namespace=NAMESPACE, query=LIST_QUERY, page_size=1000, next_page_token=tok))))
    for events, hid in seeded["histories"].items():
        add(f"show {events}", sizes.reps_bulk, (lambda h: lambda i: ["workflow", "show", "-w", h, "-o", "jsonl"])(hid),
            (lambda h: lambda: page_all(lambda tok: svc.get_workflow_execution_history(
                GetWorkflowExecutionHistoryRequest(namespace=NAMESPACE, execution=WorkflowExecution(workflow_id=h),
                                                   next_page_token=tok))))(hid))

    n = sizes.loop_starts
    loop = ('for i in $(seq {n}); do "$0" workflow start --type Idle -t {q} -w "bench-loop-$1-$i" >/dev/null '
            '|| exit 1; done').format(n=n, q=IDLE_QUEUE)

    async def starts():
        tag = uuid.uuid4().hex[:8]
        for i in range(n):
            await svc.start_workflow_execution(StartWorkflowExecutionRequest(
                namespace=NAMESPACE, workflow_id=f"bench-warm-{tag}-{i}", workflow_type=WorkflowType(name="Idle"),
                task_queue=TaskQueue(name=IDLE_QUEUE), request_id=str(uuid.uuid4())))
    run_tag = uuid.uuid4().hex[:6]
    if not only or "start-loop" in only:
        t = lambda i: ["bash", "-c", loop, twctl, f"t{run_tag}{i}"]  # noqa: E731
        o = (lambda i: ["bash", "-c", loop, official, f"o{run_tag}{i}"]) if official else None  # noqa: E731
        out.append((f"start-loop {n}", sizes.reps_bulk, t, o, starts, None))
    if not only or "complete" in only:
        # One page of the most recent executions whose ID starts with the typed prefix (ops/complete/values.cpp).
        out.append(("complete -w", sizes.reps_one_shot,
                    lambda i: [twctl, "__complete", "workflow", "describe", "-w", "bench-list-"], None,
                    lambda: svc.list_workflow_executions(ListWorkflowExecutionsRequest(
                        namespace=NAMESPACE, page_size=200, query='WorkflowId STARTS_WITH "bench-list-"')), None))
    return out


# --------------------------------------------------------------------------- bulk starts


BULK_LINES = 2_000
BULK_RSS_LINES = 20_000
BULK_IN_FLIGHT = 64


def bulk_file(path: Path, prefix: str, n: int) -> Path:
    with path.open("w") as f:
        for i in range(n):
            f.write(f'{{"workflow-id": "{prefix}-{i}"}}\n')
    return path


def bulk_bench(twctl: str, official: Optional[str], client: Client, env: dict[str, str], tmp: str, reps: int,
               loop_n: int, log) -> list[list[str]]:
    """Starts per second of each way to start many workflows (Idle on a queue no worker polls: the starts alone),
    the median of `reps` runs, interleaved; then twctl's peak RSS for a 10x longer file."""
    tag = uuid.uuid4().hex[:6]
    twctl_argv = lambda f: [twctl, "workflow", "start", "--type", "Idle", "-t", IDLE_QUEUE,  # noqa: E731
                            "--from-file", str(f), "--concurrency", str(BULK_IN_FLIGHT)]
    loop = ('for i in $(seq {n}); do "$0" workflow start --type Idle -t {q} -w "$1-$i" >/dev/null '
            '|| exit 1; done').format(n=loop_n, q=IDLE_QUEUE)

    async def sdk(prefix: str) -> None:
        sem = asyncio.Semaphore(BULK_IN_FLIGHT)

        async def one(i: int) -> None:
            async with sem:
                await client.start_workflow("Idle", id=f"{prefix}-{i}", task_queue=IDLE_QUEUE)
        await asyncio.gather(*(one(i) for i in range(BULK_LINES)))

    times: dict[str, list[float]] = {"twctl": [], "sdk": [], "loop": [], "official": []}
    for rep in range(reps):
        log(f"bulk: repetition {rep + 1} of {reps}")
        f = bulk_file(Path(tmp) / f"bulk-{rep}.jsonl", f"bench-bulk-{tag}-t{rep}", BULK_LINES)
        times["twctl"].append(run_once(twctl_argv(f), env))
        start = time.perf_counter()
        asyncio.run_coroutine_threadsafe(sdk(f"bench-bulk-{tag}-s{rep}"), LOOP).result()
        times["sdk"].append(time.perf_counter() - start)
        times["loop"].append(run_once(["bash", "-c", loop, twctl, f"bench-bulk-{tag}-l{rep}"], env))
        if official:
            times["official"].append(run_once(["bash", "-c", loop, official, f"bench-bulk-{tag}-o{rep}"], env))
    small = peak_rss_kb(twctl_argv(bulk_file(Path(tmp) / "bulk-rss-small.jsonl", f"bench-bulk-{tag}-rs",
                                             BULK_LINES)), env)
    log(f"bulk: {BULK_RSS_LINES} lines for the peak RSS")
    large = peak_rss_kb(twctl_argv(bulk_file(Path(tmp) / "bulk-rss-large.jsonl", f"bench-bulk-{tag}-rl",
                                             BULK_RSS_LINES)), env)
    rate = {k: (BULK_LINES if k in ("twctl", "sdk") else loop_n) / statistics.median(v) for k, v in times.items() if v}
    rows = [
        [f"twctl start --from-file ({BULK_IN_FLIGHT} in flight)", f"{BULK_LINES}",
         fmt_ms(statistics.median(times["twctl"])), f"{rate['twctl']:.0f}", f"{rate['twctl'] / rate['sdk']:.0%}",
         f"{small / 1024:.1f} MB ({BULK_LINES} lines), {large / 1024:.1f} MB ({BULK_RSS_LINES} lines)"],
        [f"Python SDK, async ({BULK_IN_FLIGHT} in flight)", f"{BULK_LINES}", fmt_ms(statistics.median(times["sdk"])),
         f"{rate['sdk']:.0f}", "100%", "—"],
        ["bash loop of `twctl workflow start`", f"{loop_n}", fmt_ms(statistics.median(times["loop"])),
         f"{rate['loop']:.0f}", f"{rate['loop'] / rate['sdk']:.0%}", "—"],
    ]
    if official:
        rows.append(["bash loop of `temporal workflow start`", f"{loop_n}",
                     fmt_ms(statistics.median(times["official"])), f"{rate['official']:.0f}",
                     f"{rate['official'] / rate['sdk']:.0%}", "—"])
    rows.append([f"twctl --from-file vs the twctl loop", "", "", f"{rate['twctl'] / rate['loop']:.1f}×", "", ""])
    return rows


def print_table(header: list[str], table: list[list[str]]) -> None:
    widths = [max(len(row[i]) for row in [header, *table]) for i in range(len(header))]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in table:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths)) + " |")


LOOP: Optional[asyncio.AbstractEventLoop] = None  # the benchmark's event loop, for calls from its worker thread


def fmt_ms(s: Optional[float]) -> str:
    if s is None:
        return "—"
    return f"{s * 1000:.1f} ms" if s < 10 else f"{s:.2f} s"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small data, few repetitions")
    ap.add_argument("--cases", help="comma-separated: version,describe,count,list,show,start-loop,complete,bulk")
    ap.add_argument("--reps", type=int, help="repetitions of every case (default: 21 one-shot, 5 bulk)")
    ap.add_argument("--twctl", default=os.environ.get("TWCTL_BIN", str(ROOT / "build" / "cli" / "twctl")))
    ap.add_argument("--no-official", action="store_true", help="twctl alone")
    ap.add_argument("--floors", default=str(ROOT / "build" / "bench" / "floor"),
                    help="folder of the floor programs (cmake --build build --target bench_floors); none: no floors")
    ap.add_argument("--server", choices=rig.SERVERS, default="current",
                    help="the dev server: current (tests/devserver, today's server) or legacy (the official CLI's "
                         "start-dev)")
    args = ap.parse_args()
    sizes = QUICK if args.quick else FULL
    if args.reps:
        sizes = Sizes(sizes.executions, sizes.histories, args.reps, args.reps, sizes.loop_starts)
    if not os.access(args.twctl, os.X_OK):
        raise SystemExit(f"bench: no twctl at {args.twctl} (build it with ./scripts/build, or pass --twctl)")
    official = None
    if not args.no_official:
        try:
            official = rig.find_temporal()
        except Exception:  # noqa: BLE001
            official = None
    only = set(args.cases.split(",")) if args.cases else None
    floors = Path(args.floors) if args.floors != "none" else None
    if floors and not all(os.access(floors / p, os.X_OK) for p in ("exit_floor", "grpc_exit", "describe_floor")):
        print(f"bench: no floor programs in {floors} (cmake --build build --target bench_floors): no floor column",
              file=sys.stderr)
        floors = None
    if only and floors:
        only.add("exec")

    def log(msg: str) -> None:
        print(f"==> {msg}", file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="twctl-bench-") as tmp:
        server, address = rig.start_devserver(tmp, server=args.server)
        services = worker = None
        try:
            services, services_url = rig.start_services(tmp)
            worker = rig.start_worker(address, services_url, tmp)
            env = {k: v for k, v in os.environ.items() if not k.startswith("TEMPORAL_")}
            env.update(TEMPORAL_ADDRESS=address, TEMPORAL_NAMESPACE=NAMESPACE, HOME=tmp, XDG_CONFIG_HOME=tmp,
                       NO_COLOR="1")

            async def go():
                global LOOP
                LOOP = asyncio.get_running_loop()
                client = await Client.connect(address, namespace=NAMESPACE)
                rows, bulk_rows = [], None
                if not only or only - {"bulk"}:
                    seeded = await seed(client, sizes, log, only)
                    for name, reps, t, o, warm, f in cases(args.twctl, official, seeded, sizes, address, client,
                                                           only, floors):
                        log(f"{name}: {reps} interleaved runs")
                        if name == "exec floor":  # the floor alone
                            fs = Sample()
                            await asyncio.to_thread(interleaved, reps, [(fs, f)], env)
                            rows.append(Row(name, Sample(), None, None, fs))
                            continue
                        ts, os_, fs = Sample(), (Sample() if o else None), (Sample() if f else None)
                        clients = [(ts, t)] + ([(os_, o)] if o else []) + ([(fs, f)] if f else [])
                        await asyncio.to_thread(interleaved, reps, clients, env)
                        server_s = await warm_median(max(3, reps), warm) if warm else None
                        rows.append(Row(name, ts, os_, server_s, fs))
                if not only or "bulk" in only:
                    bulk_rows = await asyncio.to_thread(bulk_bench, args.twctl, official, client, env, tmp,
                                                        args.reps or 3, sizes.loop_starts, log)
                return rows, bulk_rows

            rows, bulk_rows = asyncio.run(go())
        finally:
            rig.stop(worker)
            rig.stop(services)
            rig.stop(server)

    print(f"{subprocess.run([args.twctl, '--version'], capture_output=True, text=True).stdout.strip()}"
          + (f" vs {subprocess.run([official, '--version'], capture_output=True, text=True).stdout.strip()}"
             if official else " (official CLI not found)"))
    print(f"dev server: {args.server}; {os.cpu_count()} CPUs; medians of interleaved runs; peak RSS of one run\n")
    if rows:
        header = ["case", "twctl", "official", "ratio", "floor", "twctl / floor", "twctl RSS", "official RSS",
                  "server's share"]
        table = []
        for r in rows:
            f = statistics.median(r.floor.seconds) if r.floor else None
            if not r.twctl.seconds:  # the exec floor
                table.append([r.case, "—", "—", "—", fmt_ms(f), "—", "—", "—", "—"])
                continue
            t = statistics.median(r.twctl.seconds)
            o = statistics.median(r.official.seconds) if r.official else None
            table.append([r.case, fmt_ms(t), fmt_ms(o), f"{o / t:.1f}×" if o else "—", fmt_ms(f),
                          f"{t / f:.1f}×" if f else "—", f"{r.twctl.peak_rss_kb / 1024:.1f} MB",
                          f"{r.official.peak_rss_kb / 1024:.1f} MB" if r.official else "—", fmt_ms(r.server)])
        print_table(header, table)
    if bulk_rows:
        if rows:
            print()
        print(f"Bulk starts (Idle workflows, no worker), median of {args.reps or 3} interleaved runs:\n")
        print_table(["client", "starts", "wall", "starts/s", "vs SDK", "twctl peak RSS"], bulk_rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
