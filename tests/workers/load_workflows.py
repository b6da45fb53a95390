"""Workflows on the ``interactive-tasks`` queue that make many events:
``TimerHeavy(n, ms)`` and ``BigHistory(count, payload_bytes)``."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from temporalio import workflow

with workflow.unsafe.imports_passed_through():
    from activities import make_payload


@workflow.defn(name="TimerHeavy")
class TimerHeavy:
    """Starts ``n`` timers of ``ms`` milliseconds at once, waits for all of
    them and returns ``n``."""

    @workflow.run
    async def run(self, n: int, ms: int) -> int:
        duration = timedelta(milliseconds=max(ms, 1))
        await asyncio.gather(*(workflow.sleep(duration) for _ in range(n)))
        return n


# Activities scheduled at once; the server and the worker take a few hundred
# per workflow task comfortably.
BIG_HISTORY_BATCH = 300
# Each activity adds Scheduled, Started and Completed; completions arriving
# apart add workflow tasks (3 events each) on top.
EVENTS_PER_ACTIVITY = 4
# Events the workflow needs after the last batch (last workflow task, close).
CLOSING_EVENTS = 8


@workflow.defn(name="BigHistory")
class BigHistory:
    """Builds a history of about ``count`` events: batches of concurrent
    ``make_payload`` activities, each returning a string of
    ``payload_bytes`` characters. Returns the number of activities run.

    It stops short of ``count`` rather than past it (the server fails a
    workflow whose history passes 51,200 events)."""

    @workflow.run
    async def run(self, count: int, payload_bytes: int) -> int:
        ran = 0
        while True:
            room = count - workflow.info().get_current_history_length() - CLOSING_EVENTS
            n = min(BIG_HISTORY_BATCH, room // EVENTS_PER_ACTIVITY)
            if n < 1:
                return ran
            await asyncio.gather(
                *(
                    workflow.execute_activity(
                        make_payload,
                        payload_bytes,
                        start_to_close_timeout=timedelta(seconds=30),
                    )
                    for _ in range(n)
                )
            )
            ran += n
