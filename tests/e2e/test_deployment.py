"""worker deployment: list, describe, describe-version, set-current-version, set-ramping-version, delete-version
and delete, against the dev server with two real versioned workers (tests/workers/versioned_worker.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

import rig as _rig
from helpers import wait_until

WORKERS = Path(__file__).resolve().parents[1] / "workers"


def start_versioned(rig, tmp_path, name: str, build: str, queue: str) -> subprocess.Popen:
    log = tmp_path / f"worker-{build}.log"
    proc = _rig._popen([sys.executable, "-u", str(WORKERS / "versioned_worker.py"), "--address", rig.address,
                        "--deployment-name", name, "--build-id", build, "--task-queue", queue], log, False)
    _rig._wait_for_line(proc, log, r"READY", 60, f"versioned worker {build}")
    return proc


@pytest.mark.server("current")
def test_a_deployment_from_first_version_to_ramp_and_cleanup(twctl, rig, tmp_path, unique_id):
    name = f"twctl-dep-{uuid.uuid4().hex[:8]}"
    queue = f"{name}-q"
    v1 = start_versioned(rig, tmp_path, name, "v1", queue)
    v2 = None
    try:
        def described(build):
            r = twctl("worker", "deployment", "describe-version", "--deployment-name", name, "--build-id", build,
                      "-o", "json")
            return r.returncode == 0 and json.loads(r.stdout)
        wait_until(lambda: described("v1"), timeout=60, message="version v1 registered by its worker's polls")

        no_yes = twctl("worker", "deployment", "set-current-version", "--deployment-name", name, "--build-id", "v1")
        assert no_yes.returncode == 2, no_yes.stderr
        assert "--yes" in no_yes.stderr
        before = json.loads(twctl("worker", "deployment", "describe", "--name", name, "-o", "json").stdout)
        assert "currentDeploymentVersion" not in before.get("routingConfig", {})
        cur = twctl("worker", "deployment", "set-current-version", "--deployment-name", name, "--build-id", "v1",
                    "--yes")
        assert cur.returncode == 0, cur.stderr
        assert cur.stderr == f"Current version of {name} set to v1\n"

        d = twctl("worker", "deployment", "describe", "--name", name)
        assert d.returncode == 0, d.stderr
        card = dict(line.split(None, 1) for line in d.stdout.split("\n\n")[0].splitlines()[1:])
        assert card["CurrentVersion"] == f"{name}/v1"
        info = json.loads(twctl("worker", "deployment", "describe", "--name", name, "-o", "json").stdout)
        assert info["routingConfig"]["currentDeploymentVersion"]["buildId"] == "v1"

        # The workflow runs on the current version.
        r = twctl("workflow", "execute", "--type", "SayHello", "-t", queue, "-w", unique_id, "-i", '"v1"',
                  "-o", "json")
        assert r.returncode == 0, r.stderr

        v2 = start_versioned(rig, tmp_path, name, "v2", queue)
        wait_until(lambda: described("v2"), timeout=60, message="version v2 registered")
        ramp = twctl("worker", "deployment", "set-ramping-version", "--deployment-name", name, "--build-id", "v2",
                     "--percentage", "25", "--yes", "-o", "json")
        assert ramp.returncode == 0, ramp.stderr
        assert json.loads(ramp.stdout)["percentage"] == 25
        listed = twctl("worker", "deployment", "list")
        row = next(line.split() for line in listed.stdout.splitlines() if line.split()[0] == name)
        assert row[-3:] == ["v1", "v2", "25"]
        v2info = described("v2")["workerDeploymentVersionInfo"]
        assert v2info["rampPercentage"] == 25

        # A workflow's versioning override: pinned to v2, then removed.
        waiting = f"{unique_id}-pinned"
        assert twctl("workflow", "start", "--type", "NobodyRunsThis", "-t", queue, "-w", waiting).returncode == 0
        pin = twctl("workflow", "update-options", "-w", waiting, "--versioning-override-behavior", "pinned",
                    "--versioning-override-deployment-name", name, "--versioning-override-build-id", "v2")
        assert pin.returncode == 0, pin.stderr
        assert f"pinned to {name}/v2" in pin.stdout
        info = json.loads(twctl("workflow", "describe", "-w", waiting, "-o", "json").stdout)["workflowExecutionInfo"]
        assert info["versioningInfo"]["versioningOverride"]["pinned"]["version"]["buildId"] == "v2"
        unpin = twctl("workflow", "update-options", "-w", waiting, "--versioning-override-behavior", "unspecified",
                      "-o", "json")
        assert unpin.returncode == 0, unpin.stderr
        assert "versioningOverride" not in json.loads(unpin.stdout)
        twctl("workflow", "terminate", "-w", waiting)

        stop = twctl("worker", "deployment", "set-ramping-version", "--deployment-name", name, "--delete", "--yes")
        assert stop.returncode == 0, stop.stderr
        busy = twctl("worker", "deployment", "delete-version", "--deployment-name", name, "--build-id", "v1")
        assert busy.returncode != 0  # the current version cannot go
        assert busy.stdout == ""
    finally:
        for p in (v1, v2):
            _rig.stop(p)


@pytest.mark.parametrize("args,flag", [
    (["worker", "deployment", "describe"], "--name"),
    (["workflow", "update-options", "-w", "w", "--versioning-override-behavior", "pinned"],
     "--versioning-override-deployment-name"),
    (["workflow", "update-options", "-w", "w", "--versioning-override-behavior", "auto_upgrade",
      "--versioning-override-build-id", "b"], "--versioning-override-build-id"),
    (["workflow", "update-options", "-w", "w", "--versioning-override-behavior", "sticky"],
     "--versioning-override-behavior"),
    (["worker", "deployment", "describe-version", "--deployment-name", "d"], "--build-id"),
    (["worker", "deployment", "set-current-version", "--deployment-name", "d", "--yes"], "--build-id"),
    (["worker", "deployment", "set-current-version", "--deployment-name", "d", "--build-id", "b", "--unversioned",
      "--yes"], "--unversioned"),
    (["worker", "deployment", "set-ramping-version", "--deployment-name", "d", "--build-id", "b", "--percentage",
      "101", "--yes"], "--percentage"),
    (["worker", "deployment", "set-ramping-version", "--deployment-name", "d", "--delete", "--percentage", "5",
      "--yes"], "--delete"),
])
def test_bad_input_is_a_usage_error(twctl, args, flag):
    r = twctl(*args, address="127.0.0.1:1")
    assert r.returncode == 2, r.stderr
    assert flag in r.stderr
