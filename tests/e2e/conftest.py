"""Fixtures for the twctl end-to-end tests.

- ``rig`` (session): a Temporal dev server, the local HTTP services and the
  test workers, started with tests/fixtures/rig.py; logs in a temp dir. If
  TWCTL_E2E_ADDRESS is set, that running server is used instead and neither
  services nor workers are started (TWCTL_SERVICES_URL is passed through).
  The server is today's (tests/devserver), or the older one of the official
  CLI v1.5.1 with TWCTL_SERVER=legacy; ``rig.server`` says which.
- ``twctl``: runs $TWCTL_BIN with ``--address <rig.address>`` appended.
- ``unique_id``: a fresh workflow ID per test.
- ``wait_until``: the helper from helpers.py, also as a fixture.
- ``own_server``: a dev server of the test's own with a database file, which the test can stop and start again.

Markers:

- ``compat``: the compatibility subset, which must pass against the older
  server too: ``TWCTL_SERVER=legacy pytest -m compat tests/e2e`` (CTest's
  ``e2e-compat``). Without TWCTL_SERVER the whole suite, these included,
  runs against today's server.
- ``server("legacy")`` / ``server("current")``: the test runs only against
  that server and is skipped against the other (e.g. a call the older server
  does not support). Combine with ``compat`` to have e2e-compat run it.

Every twctl call made by a test is shown in the report when the test fails.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import pytest

_HERE = Path(__file__).resolve().parent
_FIXTURES = _HERE.parent / "fixtures"
for _p in (str(_HERE), str(_FIXTURES)):
    if _p not in sys.path:
        sys.path.insert(0, _p)

import rig as _rig  # noqa: E402  (tests/fixtures/rig.py)
from helpers import wait_until as _wait_until  # noqa: E402

DEFAULT = object()
"""Sentinel: ``twctl(..., address=DEFAULT)`` appends the rig's address."""

_CALLS_KEY = pytest.StashKey[list]()
_OUTPUT_LIMIT = 4000


@dataclass
class Rig:
    address: str
    services_url: Optional[str]
    log_dir: Path
    namespace: str = "default"
    external: bool = False
    server: str = "current"  # which dev server: "current" or "legacy" (rig.SERVERS)
    processes: list = field(default_factory=list, repr=False)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "compat: in the compatibility subset run against the older server (TWCTL_SERVER=legacy)")
    config.addinivalue_line(
        "markers", "server(kind): run only against that dev server, 'current' or 'legacy'; skipped otherwise")


def pytest_runtest_setup(item: pytest.Item) -> None:
    wanted = {m.args[0] for m in item.iter_markers(name="server")}
    if wanted:
        unknown = wanted - set(_rig.SERVERS)
        if unknown:
            pytest.fail(f"server marker names unknown servers {sorted(unknown)}: want {_rig.SERVERS}")
        kind = _rig.server_kind()
        if kind not in wanted:
            pytest.skip(f"runs only against the {'/'.join(sorted(wanted))} dev server; this run uses {kind}")


@pytest.fixture(scope="session")
def rig(tmp_path_factory: pytest.TempPathFactory):
    external = os.environ.get("TWCTL_E2E_ADDRESS")
    log_dir = tmp_path_factory.mktemp("rig")
    kind = _rig.server_kind()
    if external:
        _rig.wait_for_server(external, deadline=30)
        yield Rig(
            address=external,
            services_url=os.environ.get("TWCTL_SERVICES_URL"),
            log_dir=log_dir,
            external=True,
            server=kind,
        )
        return

    started: list[subprocess.Popen] = []
    try:
        server, address = _rig.start_devserver(log_dir, server=kind)
        started.append(server)
        services, services_url = _rig.start_services(log_dir)
        started.append(services)
        worker = _rig.start_worker(address, services_url, log_dir)
        started.append(worker)
        yield Rig(
            address=address,
            services_url=services_url,
            log_dir=log_dir,
            processes=list(started),
            server=kind,
        )
    finally:
        for proc in reversed(started):
            _rig.stop(proc)


def _trim(text: Optional[str]) -> str:
    if not text:
        return ""
    if len(text) <= _OUTPUT_LIMIT:
        return text
    return text[:_OUTPUT_LIMIT] + f"\n... ({len(text) - _OUTPUT_LIMIT} more chars)"


def _format_call(entry: dict) -> str:
    lines = [f"$ {entry['cmd']}"]
    if entry.get("env"):
        lines.append(f"  env overrides: {entry['env']!r}")
    if entry.get("input") is not None:
        lines.append(f"  stdin: {_trim(entry['input'])!r}")
    lines.append(f"  exit: {entry['exit']}")
    for stream in ("stdout", "stderr"):
        text = _trim(entry.get(stream))
        if text:
            lines.append(f"  {stream}:")
            lines.extend("    " + line for line in text.splitlines())
    return "\n".join(lines)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call):
    report = yield
    if report.failed:
        calls = item.stash.get(_CALLS_KEY, None)
        if calls:
            report.sections.append(
                ("twctl calls", "\n\n".join(_format_call(c) for c in calls))
            )
    return report


def _child_env(overrides: Optional[dict], config_home: Optional[Path] = None) -> dict:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("TEMPORAL_") and k != "NO_COLOR"
    }
    # No profile file of the machine's user leaks into a test: an empty config folder unless the test sets one.
    if config_home is not None:
        env["XDG_CONFIG_HOME"] = str(config_home)
    for key, value in (overrides or {}).items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = str(value)
    return env


@pytest.fixture
def twctl(request: pytest.FixtureRequest):
    """``twctl(*args, input=None, env=None, timeout=60, address=DEFAULT)``
    runs $TWCTL_BIN and returns the CompletedProcess (text stdout/stderr).

    address=DEFAULT appends ``--address <rig.address>``; address=None appends
    nothing; any other string appends ``--address <that>``. In ``env``, a
    value of None removes the variable. TEMPORAL_* and NO_COLOR are removed
    from the inherited environment, and XDG_CONFIG_HOME points at an empty
    folder of the test's own, so no temporal.toml of the machine is read."""
    binary = os.environ.get("TWCTL_BIN")
    if not binary:
        pytest.fail("TWCTL_BIN is not set: point it at the twctl binary to test")
    if not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
        pytest.fail(f"TWCTL_BIN={binary!r} is not an executable file")
    # Only now start (or reuse) the rig, so a missing binary fails fast.
    rig: Rig = request.getfixturevalue("rig")

    calls = request.node.stash.setdefault(_CALLS_KEY, [])
    config_home = request.getfixturevalue("tmp_path") / "xdg-config"

    def run(*args, input=None, env=None, timeout=60, address=DEFAULT):  # noqa: A002
        cmd = [binary, *(str(a) for a in args)]
        if address is DEFAULT:
            cmd += ["--address", rig.address]
        elif address is not None:
            cmd += ["--address", str(address)]
        entry = {
            "cmd": shlex.join(cmd),
            "env": env,
            "input": input,
            "exit": None,
            "stdout": "",
            "stderr": "",
        }
        calls.append(entry)
        try:
            result = subprocess.run(
                cmd,
                input=input,
                capture_output=True,
                text=True,
                env=_child_env(env, config_home),
                timeout=timeout,
                stdin=None if input is not None else subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired as err:
            def _text(b):
                if isinstance(b, bytes):
                    return b.decode(errors="replace")
                return b or ""
            entry["exit"] = f"timed out after {timeout}s"
            entry["stdout"] = _text(err.stdout)
            entry["stderr"] = _text(err.stderr)
            raise AssertionError(
                f"twctl timed out after {timeout}s: {entry['cmd']}\n"
                f"stdout: {_trim(entry['stdout'])}\nstderr: {_trim(entry['stderr'])}"
            ) from None
        entry["exit"] = result.returncode
        entry["stdout"] = result.stdout
        entry["stderr"] = result.stderr
        return result

    return run


@pytest.fixture
def unique_id(request: pytest.FixtureRequest) -> str:
    name = re.sub(r"[^A-Za-z0-9_-]+", "-", request.node.name).strip("-")
    return f"{name[:60]}-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def wait_until():
    return _wait_until


@pytest.fixture
def own_server(tmp_path):
    """A dev server of this test's own, on a fixed port with a database file, so it can be restarted:
    yields (address, box, restart_server); box["server"] and box["worker"] are stopped at the end.
    restart_server(stopped=None) stops the server, calls ``stopped()`` if given (the outage), and starts it
    again on the same port and database."""
    db = tmp_path / "temporal.db"
    port = _rig.free_port()
    server, address = _rig.start_devserver(tmp_path, port=port, db_filename=str(db))
    box = {"server": server, "worker": None}

    def restart_server(stopped=None):
        _rig.stop(box["server"])
        box["server"] = None
        if stopped is not None:
            stopped()
        box["server"], _ = _rig.start_devserver(tmp_path, port=port, db_filename=str(db), log_name="devserver2.log")

    try:
        yield address, box, restart_server
    finally:
        _rig.stop(box["worker"])
        _rig.stop(box["server"])
