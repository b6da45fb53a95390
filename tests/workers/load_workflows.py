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
    """Starts ``n`` timers of ``ms`` milliseconds at once (at least 1 ms: a
    zero sleep makes no timer), waits for all of them and returns ``n``."""

    @workflow.run
    async def run(self, n: int, ms: int) -> int:
        duration = timedelta(milliseconds=max(ms, 1))
        await asyncio.gather(*(workflow.sleep(duration) for _ in range(n)))
        return n


# Each round runs this many activities at once, then this many timers at
# once. Activities carry the payloads but cost the dev server several
# milliseconds of CPU each; 1 ms timers cost it almost nothing and fire within
# about a second. Measured here (2 busy cores): 20,000 events in ~70 s with
# activities alone, ~10 s with timers alone, ~30 s with this mix.
ROUND_ACTIVITIES = 300
ROUND_TIMERS = 900
# Bytes of activity results per round, at most: the server force-closes a
# workflow task over 2 MiB of buffered events and refuses a batch of events
# over 4 MiB.
ROUND_PAYLOAD_BYTES = 1_000_000
# The timers wait for the activities: the server force-closes a started
# workflow task when more than 100 events arrive meanwhile
# (history.maximumBufferedEventsBatch), and timers that fire together while
# activity completions keep a workflow task busy do exactly that; the worker
# then drops the run from its cache and replays the whole history.
#
# Expected events: an activity adds Scheduled, Started and Completed (plus a
# share of the workflow tasks its completion causes), a timer Started and
# Fired. Overestimated, so that the history stays under ``count``.
EVENTS_PER_ACTIVITY = 4
EVENTS_PER_TIMER = 2
# Events the workflow needs after the last round (last workflow task, close).
CLOSING_EVENTS = 8


@workflow.defn(name="BigHistory")
class BigHistory:
    """Builds a history of about ``count`` events, quickly: rounds of
    concurrent ``make_payload`` activities, each returning a string of
    ``payload_bytes`` characters, followed by concurrent 1 ms timers. Returns
    the number of activities and timers run.

    It stops a little short of ``count`` rather than past it (the server
    fails a workflow whose history passes 51,200 events or 50 MiB). With
    large payloads it runs fewer activities per round (ROUND_PAYLOAD_BYTES)."""

    @workflow.run
    async def run(self, count: int, payload_bytes: int) -> int:
        ran = 0
        round_activities = min(
            ROUND_ACTIVITIES, max(1, ROUND_PAYLOAD_BYTES // max(payload_bytes, 1))
        )
        per_round = (
            round_activities * EVENTS_PER_ACTIVITY + ROUND_TIMERS * EVENTS_PER_TIMER
        )
        while True:
            history = workflow.info().get_current_history_length()
            room = count - history - CLOSING_EVENTS
            share = min(1.0, room / per_round)
            activities = int(round_activities * share)
            timers = int(ROUND_TIMERS * share)
            if activities + timers < 1:
                return ran
            await asyncio.gather(
                *(
                    workflow.execute_activity(
                        make_payload,
                        payload_bytes,
                        start_to_close_timeout=timedelta(seconds=30),
                    )
                    for _ in range(activities)
                )
            )
            await asyncio.gather(
                *(workflow.sleep(timedelta(milliseconds=1)) for _ in range(timers))
            )
            ran += activities + timers
