"""Workflows run by the test workers. Activities live in activities.py; the
``interactive-tasks`` workflows live in interactive_workflows.py and
load_workflows.py."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

from temporalio import workflow
from temporalio.common import RawValue, RetryPolicy
from temporalio.exceptions import ActivityError, ApplicationError, is_cancelled_exception

with workflow.unsafe.imports_passed_through():
    from activities import (
        ComposeEmail,
        ServiceActivities,
        await_operator,
        fail_activity,
        say_hello,
        send_email,
    )


# --- hello-tasks -----------------------------------------------------------


@workflow.defn(name="SayHello")
class SayHello:
    @workflow.run
    async def run(self, name: str) -> str:
        return await workflow.execute_activity(
            say_hello, name, start_to_close_timeout=timedelta(seconds=10)
        )


# --- email-subscription ----------------------------------------------------

EMAIL_INTERVAL = timedelta(seconds=2)
WELCOME_MESSAGE = "Welcome to our newsletter!"
GOODBYE_MESSAGE = "Sorry to see you go"


@workflow.defn(name="SendEmailWorkflow")
class SendEmailWorkflow:
    def __init__(self) -> None:
        self._email = ""
        self._message = ""
        self._count = 0

    @workflow.run
    async def run(self, email: str) -> None:
        self._email = email
        try:
            while True:
                self._count += 1
                if self._count == 1:
                    message = WELCOME_MESSAGE
                else:
                    message = (
                        "Thank you for staying subscribed! "
                        f"(email #{self._count})"
                    )
                self._message = message
                await workflow.execute_activity(
                    send_email,
                    ComposeEmail(email=email, message=message, count=self._count),
                    start_to_close_timeout=timedelta(seconds=10),
                )
                await workflow.sleep(EMAIL_INTERVAL)
        except (asyncio.CancelledError, ActivityError) as err:
            if not is_cancelled_exception(err):
                raise
            self._message = GOODBYE_MESSAGE
            await workflow.execute_activity(
                send_email,
                ComposeEmail(email=email, message=GOODBYE_MESSAGE, count=self._count),
                start_to_close_timeout=timedelta(seconds=10),
            )
            raise

    @workflow.query(name="greeting")
    def greeting(self) -> str:
        return f"Hello, {self._email}!"

    @workflow.query(name="message")
    def message(self) -> str:
        return self._message

    @workflow.query(name="count")
    def count(self) -> int:
        return self._count


# --- translation-tasks -----------------------------------------------------


@workflow.defn(name="TranslationWorkflow")
class TranslationWorkflow:
    @workflow.run
    async def run(self, name: str) -> str:
        greeting = await workflow.execute_activity_method(
            ServiceActivities.greet_in_spanish,
            name,
            start_to_close_timeout=timedelta(seconds=5),
        )
        farewell = await workflow.execute_activity_method(
            ServiceActivities.farewell_in_spanish,
            name,
            start_to_close_timeout=timedelta(seconds=5),
        )
        return f"{greeting}\n{farewell}"


# --- flaky-tasks -------------------------------------------------------------


@workflow.defn(name="FlakyApiWorkflow")
class FlakyApiWorkflow:
    @workflow.run
    async def run(self, req: dict) -> str:
        return await workflow.execute_activity_method(
            ServiceActivities.call_flaky_api,
            req,
            start_to_close_timeout=timedelta(seconds=5),
            retry_policy=RetryPolicy(
                initial_interval=timedelta(seconds=1),
                backoff_coefficient=1.0,
                maximum_interval=timedelta(seconds=1),
                maximum_attempts=0,  # unlimited
            ),
        )


# --- edge-tasks --------------------------------------------------------------


@workflow.defn(name="Echo")
class Echo:
    # RawValue passes the payload through untouched, so the result has the
    # same encoding and bytes as the input (e.g. JSON null stays json/plain).
    @workflow.run
    # (The hint must be exactly RawValue; Optional[RawValue] is not unwrapped.)
    async def run(self, value: RawValue = None) -> Any:  # type: ignore[assignment]
        return value


@workflow.defn(name="EchoPair")
class EchoPair:
    @workflow.run
    async def run(self, a: Any, b: Any) -> list:
        return [a, b]


@workflow.defn(name="AlwaysFails")
class AlwaysFails:
    @workflow.run
    async def run(self) -> None:
        try:
            await workflow.execute_activity(
                fail_activity, start_to_close_timeout=timedelta(seconds=10)
            )
        except ActivityError as err:
            raise ApplicationError(
                "order processing failed", type="OrderError", non_retryable=True
            ) from err


@workflow.defn(name="LongRunning")
class LongRunning:
    @workflow.run
    async def run(self, seconds: int) -> str:
        await workflow.sleep(timedelta(seconds=seconds))
        return f"slept {seconds}s"


@workflow.defn(name="Sleepy")
class Sleepy:
    @workflow.run
    async def run(self, seconds: int) -> str:
        await workflow.sleep(timedelta(seconds=seconds))
        return "woke"


@workflow.defn(name="Countdown")
class Countdown:
    @workflow.run
    async def run(self, n: int) -> str:
        if n > 0:
            workflow.continue_as_new(n - 1)
        return "liftoff"


@workflow.defn(name="AwaitsOperator")
class AwaitsOperator:
    """One activity, ID ``approve``, that its worker never finishes: `twctl activity complete` gives its result
    (returned by the workflow), `twctl activity fail` fails it (and so the workflow)."""

    @workflow.run
    async def run(self, order: str) -> Any:
        return await workflow.execute_activity(
            await_operator,
            order,
            activity_id="approve",
            start_to_close_timeout=timedelta(minutes=10),
            retry_policy=RetryPolicy(maximum_attempts=5),
        )
