"""Runs the test workers against a Temporal server.

Usage:
  python worker.py --address HOST:PORT --namespace NS \
      --services-url http://127.0.0.1:PORT

Starts one temporalio Worker per task queue, prints exactly ``READY`` to
stdout once all of them are running, and exits cleanly on SIGTERM/SIGINT.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import signal
import sys
from pathlib import Path

# Make the sibling modules importable however this script is started.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from temporalio.api.workflowservice.v1 import DescribeNamespaceRequest  # noqa: E402
from temporalio.client import Client  # noqa: E402
from temporalio.worker import Worker  # noqa: E402

import activities  # noqa: E402
import interactive_workflows  # noqa: E402
import load_workflows  # noqa: E402
import workflows  # noqa: E402


INTERACTIVE_MAX_ACTIVITIES = 500
INTERACTIVE_ACTIVITY_POLLS = 10


def build_workers(client: Client, services_url: str) -> list[Worker]:
    services = activities.ServiceActivities(services_url)
    return [
        Worker(
            client,
            task_queue="hello-tasks",
            workflows=[workflows.SayHello],
            activities=[activities.say_hello],
        ),
        Worker(
            client,
            task_queue="email-subscription",
            workflows=[workflows.SendEmailWorkflow],
            activities=[activities.send_email],
        ),
        Worker(
            client,
            task_queue="translation-tasks",
            workflows=[workflows.TranslationWorkflow],
            activities=[services.greet_in_spanish, services.farewell_in_spanish],
        ),
        Worker(
            client,
            task_queue="flaky-tasks",
            workflows=[workflows.FlakyApiWorkflow],
            activities=[services.call_flaky_api],
        ),
        Worker(
            client,
            task_queue="edge-tasks",
            workflows=[
                workflows.Echo,
                workflows.EchoPair,
                workflows.AlwaysFails,
                workflows.LongRunning,
                workflows.Countdown,
                workflows.Sleepy,
                workflows.AwaitsOperator,
            ],
            activities=[activities.fail_activity, activities.await_operator],
        ),
        Worker(
            client,
            task_queue="interactive-tasks",
            workflows=[
                interactive_workflows.Interactive,
                interactive_workflows.Parent,
                interactive_workflows.Child,
                load_workflows.TimerHeavy,
                load_workflows.BigHistory,
            ],
            activities=[activities.make_payload],
            # BigHistory runs a few hundred short activities at once.
            max_concurrent_activities=INTERACTIVE_MAX_ACTIVITIES,
            max_concurrent_activity_task_polls=INTERACTIVE_ACTIVITY_POLLS,
        ),
    ]


async def run(address: str, namespace: str, services_url: str) -> int:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)

    client = await Client.connect(address, namespace=namespace)
    # Fail early and clearly if the namespace does not exist.
    await client.workflow_service.describe_namespace(
        DescribeNamespaceRequest(namespace=namespace)
    )

    workers = build_workers(client, services_url)
    async with contextlib.AsyncExitStack() as stack:
        for worker in workers:
            await stack.enter_async_context(worker)
        print("READY", flush=True)
        await stop.wait()
        logging.info("worker: shutting down")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the twctl test workers.")
    parser.add_argument("--address", required=True, help="HOST:PORT of the frontend")
    parser.add_argument("--namespace", default="default")
    parser.add_argument(
        "--services-url",
        default=os.environ.get("TWCTL_SERVICES_URL"),
        help="base URL of services.py (default: $TWCTL_SERVICES_URL)",
    )
    args = parser.parse_args(argv)
    if not args.services_url:
        parser.error("--services-url is required (or set TWCTL_SERVICES_URL)")

    logging.basicConfig(
        level=logging.INFO,
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    return asyncio.run(run(args.address, args.namespace, args.services_url))


if __name__ == "__main__":
    rc = main()
    # Skip interpreter teardown: temporalio's native threads can abort the
    # process during finalization (temporalio/sdk-python#300).
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(rc)
