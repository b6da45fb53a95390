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
        # The list is read from visibility, which catches up with the routing change a moment later.
        def listed_row():
            listed = twctl("worker", "deployment", "list")
            assert listed.returncode == 0, listed.stderr
            rows = [line.split() for line in listed.stdout.splitlines()[1:]]
            return next((r for r in rows if r and r[0] == name and r[-3:] == ["v1", "v2", "25"]), None)

        wait_until(listed_row, timeout=30, message=f"{name} listed with v1 current and v2 ramping at 25%")
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


@pytest.mark.server("current")
def test_create_metadata_manager_and_drain(twctl, rig, tmp_path, unique_id):
    name = f"twctl-dep-{uuid.uuid4().hex[:8]}"
    queue = f"{name}-q"
    created = twctl("worker", "deployment", "create", "--name", name, "-o", "json")
    assert created.returncode == 0, created.stderr
    assert json.loads(created.stdout) == {"name": name, "created": True}
    again = twctl("worker", "deployment", "create", "--name", name)
    assert again.returncode == 5, again.stderr

    v1 = start_versioned(rig, tmp_path, name, "v1", queue)
    v2 = None
    try:
        def described(build):
            r = twctl("worker", "deployment", "describe-version", "--deployment-name", name, "--build-id", build,
                      "-o", "json")
            return r.returncode == 0 and json.loads(r.stdout)
        wait_until(lambda: described("v1"), timeout=60, message="version v1 registered by its worker's polls")

        md = twctl("worker", "deployment", "update-version-metadata", "--deployment-name", name, "--build-id", "v1",
                   "--metadata", 'commit="4f2a9c1"', "--metadata", 'owner={"team": "orders"}')
        assert md.returncode == 0, md.stderr
        assert "commit" in md.stdout and "4f2a9c1" in md.stdout
        rm = twctl("worker", "deployment", "update-version-metadata", "--deployment-name", name, "--build-id", "v1",
                   "--remove-entries", "owner", "-o", "json")
        assert rm.returncode == 0, rm.stderr
        assert json.loads(rm.stdout)["entries"] == {"commit": "4f2a9c1"}

        mine = twctl("worker", "deployment", "manager-identity", "set", "--deployment-name", name,
                     "--manager-identity", "deploy-bot", "--yes")
        assert mine.returncode == 0, mine.stderr
        info = json.loads(twctl("worker", "deployment", "describe", "--name", name, "-o", "json").stdout)
        assert info["managerIdentity"] == "deploy-bot"
        # Another identity may not change the routing now.
        other = twctl("worker", "deployment", "set-current-version", "--deployment-name", name, "--build-id", "v1",
                      "--yes", "--identity", "someone-else")
        assert other.returncode != 0
        unset = twctl("worker", "deployment", "manager-identity", "unset", "--deployment-name", name, "--yes",
                      "--identity", "deploy-bot", "-o", "json")
        assert unset.returncode == 0, unset.stderr
        assert json.loads(unset.stdout)["previousManagerIdentity"] == "deploy-bot"

        assert twctl("worker", "deployment", "set-current-version", "--deployment-name", name, "--build-id", "v1",
                     "--yes").returncode == 0
        # A workflow that ran on v1 and is pinned to it keeps v1 draining after v2 becomes current.
        pinned = f"{unique_id}-pinned"
        assert twctl("workflow", "start", "--type", "LongRunning", "-t", queue, "-w", pinned, "-i", "3600").returncode == 0
        wait_until(lambda: json.loads(twctl("workflow", "describe", "-w", pinned, "-o", "json").stdout)
                   ["workflowExecutionInfo"].get("versioningInfo", {}).get("deploymentVersion", {}).get("buildId") == "v1",
                   timeout=30, message="the workflow ran its first task on v1")
        pin = twctl("workflow", "update-options", "-w", pinned, "--versioning-override-behavior", "pinned",
                    "--versioning-override-deployment-name", name, "--versioning-override-build-id", "v1")
        assert pin.returncode == 0, pin.stderr
        v2 = start_versioned(rig, tmp_path, name, "v2", queue)
        wait_until(lambda: described("v2"), timeout=60, message="version v2 registered")
        slow = twctl("worker", "deployment", "set-current-version", "--deployment-name", name, "--build-id", "v2",
                     "--yes", "--wait-for-drain", "6s")
        assert slow.returncode == 7, slow.stderr
        assert "v1 did not drain within 6s" in slow.stderr
        assert described("v2")["workerDeploymentVersionInfo"]["status"] == "WORKER_DEPLOYMENT_VERSION_STATUS_CURRENT"

        # Batch: every workflow of the query gets the override (auto-upgrade replaces the pin).
        batch = twctl("workflow", "update-options", "-q", f"WorkflowId = '{pinned}'", "--versioning-override-behavior",
                      "auto_upgrade", "--yes", "--wait")
        assert batch.returncode == 0, batch.stderr
        info = json.loads(twctl("workflow", "describe", "-w", pinned, "-o", "json").stdout)["workflowExecutionInfo"]
        assert info["versioningInfo"]["versioningOverride"].get("autoUpgrade") is True
        assert twctl("workflow", "terminate", "-w", pinned).returncode == 0

        # Nothing pinned to v2 is open: moving back to v1 waits for v2 to drain, and it does.
        back = twctl("worker", "deployment", "set-current-version", "--deployment-name", name, "--build-id", "v1",
                     "--yes", "--wait-for-drain", "90s")
        assert back.returncode == 0, back.stderr
        assert f"Version v2 of {name} is drained" in back.stderr
    finally:
        for p in (v1, v2):
            _rig.stop(p)


@pytest.mark.server("current")
def test_reset_with_workflow_update_options_pins_the_new_run(twctl, rig, tmp_path, unique_id):
    name = f"twctl-dep-{uuid.uuid4().hex[:8]}"
    queue = f"{name}-q"
    v1 = start_versioned(rig, tmp_path, name, "v1", queue)
    try:
        wait_until(lambda: twctl("worker", "deployment", "describe-version", "--deployment-name", name,
                                 "--build-id", "v1").returncode == 0, timeout=60, message="version v1 registered")
        assert twctl("worker", "deployment", "set-current-version", "--deployment-name", name, "--build-id", "v1",
                     "--yes").returncode == 0
        r = twctl("workflow", "execute", "--type", "SayHello", "-t", queue, "-w", unique_id, "-i", '"v1"')
        assert r.returncode == 0, r.stderr
        reset = twctl("workflow", "reset", "with-workflow-update-options", "-w", unique_id, "-t", "FirstWorkflowTask",
                      "--reason", "pin it", "--versioning-override-behavior", "pinned",
                      "--versioning-override-deployment-name", name, "--versioning-override-build-id", "v1",
                      "-o", "json")
        assert reset.returncode == 0, reset.stderr
        new_run = json.loads(reset.stdout)["runId"]
        d = json.loads(twctl("workflow", "describe", "-w", unique_id, "-r", new_run, "-o", "json").stdout)
        override = d["workflowExecutionInfo"]["versioningInfo"]["versioningOverride"]
        assert override["pinned"]["version"] == {"deploymentName": name, "buildId": "v1"}
        text = twctl("workflow", "describe", "-w", unique_id, "-r", new_run)
        assert "Versioning Info:" in text.stdout and f"{name}.v1" in text.stdout
        points = twctl("workflow", "describe", "-w", unique_id, "-r", new_run, "--reset-points", "-o", "json")
        assert points.returncode == 0, points.stderr
        assert isinstance(json.loads(points.stdout), list)
    finally:
        _rig.stop(v1)
