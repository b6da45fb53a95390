"""A worker whose client uses the zlib payload codec (codec.py), on task queue ``codec-tasks``: everything it
reads and writes through the server is encoded. Prints ``READY`` once polling.

Usage: python codec_worker.py --address HOST:PORT [--namespace NS]
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import os
import signal
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from temporalio.client import Client  # noqa: E402
from temporalio.converter import DataConverter  # noqa: E402
from temporalio.worker import Worker  # noqa: E402

import codec  # noqa: E402
from codec_workflows import CodecEcho, CodecGreeter  # noqa: E402

TASK_QUEUE = "codec-tasks"


async def run(address: str, namespace: str) -> int:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    converter = dataclasses.replace(DataConverter.default, payload_codec=codec.ZlibCodec())
    client = await Client.connect(address, namespace=namespace, data_converter=converter)
    async with Worker(client, task_queue=TASK_QUEUE, workflows=[CodecEcho, CodecGreeter]):
        print("READY", flush=True)
        await stop.wait()
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--address", required=True)
    parser.add_argument("--namespace", default="default")
    args = parser.parse_args()
    rc = asyncio.run(run(args.address, args.namespace))
    sys.stdout.flush()
    os._exit(rc)  # skip interpreter teardown (temporalio/sdk-python#300)
