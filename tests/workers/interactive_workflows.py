"""Workflows on the ``interactive-tasks`` queue that are driven from outside:
signals, queries, updates, continue-as-new and child workflows.

- ``Interactive(items=None)``: a list that signals and updates append to.
- ``Parent(n, wait, fail_child=False, grandchildren=0)`` /
  ``Child(i, wait, fail_child=False, grandchildren=0)``: a tree for ``trace``.

The load generators on the same queue live in load_workflows.py.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta
from numbers import Number
from typing import Any, Optional

from temporalio import workflow
from temporalio.exceptions import ApplicationError, ChildWorkflowError

# --- Interactive ---------------------------------------------------------------


def _rejected(value: Any) -> bool:
    if isinstance(value, str):
        return value == "bad"
    # bool is a Number too, but True/False are never negative.
    return isinstance(value, Number) and not isinstance(value, bool) and value < 0


@workflow.defn(name="Interactive")
class Interactive:
    """Holds a list of items until signal ``finish`` makes it return them.

    Signals: ``add(value)``, ``add_pair(a, b)``, ``finish()``, ``restart()``
    (continue-as-new, carrying the items). Query: ``items``. Updates:
    ``add_item(value) -> int`` (new length; its validator rejects "bad" and
    negative numbers), ``fail_update()`` (accepted, then fails),
    ``slow_update(seconds) -> "done"``.
    """

    @workflow.init
    def __init__(self, items: Optional[list] = None) -> None:
        self._items: list = list(items or [])
        self._finish = False
        self._restart = False

    @workflow.run
    async def run(self, items: Optional[list] = None) -> list:
        await workflow.wait_condition(lambda: self._finish or self._restart)
        # Let running update handlers (slow_update) complete first.
        await workflow.wait_condition(workflow.all_handlers_finished)
        if self._restart and not self._finish:
            workflow.continue_as_new(args=[self._items])
        return self._items

    @workflow.signal(name="add")
    def add(self, value: Any) -> None:
        self._items.append(value)

    @workflow.signal(name="add_pair")
    def add_pair(self, a: Any, b: Any) -> None:
        self._items.extend([a, b])

    @workflow.signal(name="finish")
    def finish(self) -> None:
        self._finish = True

    @workflow.signal(name="restart")
    def restart(self) -> None:
        self._restart = True

    @workflow.query(name="items")
    def items(self) -> list:
        return self._items

    @workflow.update(name="add_item")
    def add_item(self, value: Any) -> int:
        self._items.append(value)
        return len(self._items)

    @add_item.validator
    def _validate_add_item(self, value: Any) -> None:
        if _rejected(value):
            raise ApplicationError(f"value rejected: {value}", type="ValidationError")

    @workflow.update(name="fail_update")
    def fail_update(self) -> None:
        raise ApplicationError("update failed on purpose", type="UpdateError")

    @workflow.update(name="slow_update")
    async def slow_update(self, seconds: float) -> str:
        await workflow.sleep(timedelta(seconds=seconds))
        return "done"


# --- Parent / Child --------------------------------------------------------------

FAILING_CHILD = 2


@workflow.defn(name="Child")
class Child:
    """Returns ``child <i> done``; with ``wait`` only after signal ``release``.
    With ``fail_child`` the child with i == 2 fails (ChildError) instead.
    With ``grandchildren`` it first starts that many children of its own,
    ``Child(j, wait)`` with IDs ``<its id>-child-<j>``, and waits for them
    before it returns or fails."""

    def __init__(self) -> None:
        self._released = False

    @workflow.run
    async def run(
        self, i: int, wait: bool, fail_child: bool = False, grandchildren: int = 0
    ) -> str:
        own_id = workflow.info().workflow_id
        handles = [
            await workflow.start_child_workflow(
                Child.run, args=[j, wait], id=f"{own_id}-child-{j}"
            )
            for j in range(grandchildren)
        ]
        if wait:
            await workflow.wait_condition(lambda: self._released)
        for handle in handles:
            await handle
        if fail_child and i == FAILING_CHILD:
            raise ApplicationError(
                f"child {i} failed", type="ChildError", non_retryable=True
            )
        return f"child {i} done"

    @workflow.signal(name="release")
    def release(self) -> None:
        self._released = True


@workflow.defn(name="Parent")
class Parent:
    """Starts children ``Child(i, wait, fail_child, grandchildren)`` for i in
    0..n-1, all at once, with IDs ``<parent id>-child-<i>``, and returns their
    results in order; a failed child's place holds its failure message."""

    @workflow.run
    async def run(
        self, n: int, wait: bool, fail_child: bool = False, grandchildren: int = 0
    ) -> list[str]:
        parent_id = workflow.info().workflow_id
        handles = await asyncio.gather(
            *(
                workflow.start_child_workflow(
                    Child.run,
                    args=[i, wait, fail_child, grandchildren],
                    id=f"{parent_id}-child-{i}",
                )
                for i in range(n)
            )
        )
        return list(await asyncio.gather(*(self._result(h) for h in handles)))

    @staticmethod
    async def _result(handle: workflow.ChildWorkflowHandle) -> str:
        try:
            return await handle
        except ChildWorkflowError as err:
            # The child's own ApplicationError is the cause.
            return err.cause.message if err.cause is not None else err.message
