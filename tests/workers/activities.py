"""Activities used by the test workers (kept apart from the workflows so the
workflow sandbox can pass this module through)."""

from __future__ import annotations

import asyncio
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

from temporalio import activity
from temporalio.exceptions import ApplicationError

HTTP_TIMEOUT_SECONDS = 4.0


@dataclass
class ComposeEmail:
    email: str
    message: str
    count: int = 0


# --- hello-tasks -----------------------------------------------------------


@activity.defn(name="say_hello")
async def say_hello(name: str) -> str:
    return f"Hello, {name}!"


# --- email-subscription ----------------------------------------------------


@activity.defn(name="send_email")
async def send_email(details: ComposeEmail) -> str:
    activity.logger.info(
        "sending email #%s to %s: %s", details.count, details.email, details.message
    )
    return f"Sent email #{details.count} to {details.email}"


# --- edge-tasks --------------------------------------------------------------


@activity.defn(name="fail_activity")
async def fail_activity() -> None:
    raise ApplicationError(
        "database unreachable", type="DatabaseError", non_retryable=True
    )


# --- interactive-tasks -------------------------------------------------------


@activity.defn(name="await_operator")
async def await_operator(order: str) -> Any:
    """Completes asynchronously: an operator finishes it with `twctl activity complete|fail`."""
    activity.raise_complete_async()


@activity.defn(name="make_payload")
async def make_payload(size: int) -> str:
    """A string of ``size`` characters (a payload of about that many bytes)."""
    pattern = "twctl-payload-"
    return (pattern * (size // len(pattern) + 1))[:size]


# --- activities that call the local HTTP services -----------------------------


def _http_get(url: str) -> tuple[int, str]:
    """GET ``url`` and return (status, body text); HTTP errors are returned,
    not raised."""
    request = urllib.request.Request(url, method="GET")
    try:
        with urllib.request.urlopen(request, timeout=HTTP_TIMEOUT_SECONDS) as resp:
            return resp.status, resp.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        body = err.read().decode("utf-8", errors="replace")
        return err.code, body


class ServiceActivities:
    """Activities that need the base URL of the local HTTP services."""

    def __init__(self, services_url: str) -> None:
        self.services_url = services_url.rstrip("/")

    def _url(self, path: str, **params: object) -> str:
        query = urllib.parse.urlencode({k: str(v) for k, v in params.items()})
        return f"{self.services_url}{path}?{query}"

    async def _get_ok(self, path: str, **params: object) -> str:
        url = self._url(path, **params)
        status, body = await asyncio.to_thread(_http_get, url)
        if status != 200:
            # 4xx means the request itself is wrong: retrying cannot help.
            raise ApplicationError(
                f"HTTP {status} from {path}: {body}",
                type="HttpError",
                non_retryable=400 <= status < 500,
            )
        return body

    @activity.defn(name="greet_in_spanish")
    async def greet_in_spanish(self, name: str) -> str:
        return await self._get_ok("/get-spanish-greeting", name=name)

    @activity.defn(name="farewell_in_spanish")
    async def farewell_in_spanish(self, name: str) -> str:
        return await self._get_ok("/get-spanish-farewell", name=name)

    @activity.defn(name="call_flaky_api")
    async def call_flaky_api(self, req: dict) -> str:
        key = req.get("key")
        failures = req.get("failures", 0)
        if not isinstance(key, str) or not isinstance(failures, int):
            raise ApplicationError(
                'request must be {"key": str, "failures": int}',
                type="BadRequest",
                non_retryable=True,
            )
        return await self._get_ok("/flaky", key=key, failures=failures)
