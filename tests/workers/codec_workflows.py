"""Workflows run by codec_worker.py (a module of their own: the workflow sandbox re-imports it)."""

from __future__ import annotations

from typing import Any

from temporalio import workflow


@workflow.defn(name="CodecEcho")
class CodecEcho:
    @workflow.run
    async def run(self, value: Any) -> Any:
        return {"echo": value}


@workflow.defn(name="CodecGreeter")
class CodecGreeter:
    """Stays open (until cancelled) so that it can be queried."""

    def __init__(self) -> None:
        self._greeting = ""

    @workflow.run
    async def run(self, name: str) -> None:
        self._greeting = f"Hello, {name}!"
        await workflow.wait_condition(lambda: False)

    @workflow.query
    def greeting(self) -> str:
        return self._greeting
