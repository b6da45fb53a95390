"""Helpers for the end-to-end tests (importable as ``from helpers import ...``)."""

from __future__ import annotations

import time
from typing import Callable, Optional, TypeVar

T = TypeVar("T")


def wait_until(
    predicate: Callable[[], T],
    timeout: float = 30,
    interval: float = 0.2,
    message: Optional[str] = None,
) -> T:
    """Call ``predicate`` every ``interval`` seconds until it returns a truthy
    value, and return that value. Raises AssertionError after ``timeout``
    seconds, with ``message`` and the last value or exception seen."""
    deadline = time.monotonic() + timeout
    last_value: object = None
    last_error: Optional[BaseException] = None
    while True:
        try:
            value = predicate()
        except AssertionError as err:
            last_error, value = err, None
        except Exception as err:  # noqa: BLE001 - report it if we time out
            last_error, value = err, None
        else:
            last_error = None
            last_value = value
        if value:
            return value
        if time.monotonic() >= deadline:
            detail = (
                f"last error: {last_error!r}"
                if last_error is not None
                else f"last value: {last_value!r}"
            )
            raise AssertionError(
                f"{message or 'condition not met'} (after {timeout}s; {detail})"
            )
        time.sleep(min(interval, max(0.0, deadline - time.monotonic())))
