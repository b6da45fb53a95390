"""A versioned worker: one Worker Deployment version (deployment name + build ID) polling one task queue with
the SayHello and LongRunning workflows (auto-upgrade), for the `worker deployment` tests. Prints READY once it polls.

    python versioned_worker.py --address HOST:PORT --deployment-name D --build-id B --task-queue Q
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys

from temporalio.client import Client
from temporalio.common import VersioningBehavior, WorkerDeploymentVersion
from temporalio.worker import Worker, WorkerDeploymentConfig

import activities
import workflows


async def run(args: argparse.Namespace) -> int:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    client = await Client.connect(args.address, namespace=args.namespace)
    worker = Worker(
        client,
        task_queue=args.task_queue,
        workflows=[workflows.SayHello, workflows.LongRunning],
        activities=[activities.say_hello],
        deployment_config=WorkerDeploymentConfig(
            version=WorkerDeploymentVersion(deployment_name=args.deployment_name, build_id=args.build_id),
            use_worker_versioning=True,
            default_versioning_behavior=VersioningBehavior.AUTO_UPGRADE,
        ),
    )
    async with worker:
        print("READY", flush=True)
        await stop.wait()
    return 0


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--address", required=True)
    p.add_argument("--namespace", default="default")
    p.add_argument("--deployment-name", required=True)
    p.add_argument("--build-id", required=True)
    p.add_argument("--task-queue", required=True)
    return asyncio.run(run(p.parse_args()))


if __name__ == "__main__":
    sys.exit(main())
