"""Values checked where they enter: no abort, no bytes the server rejects, nothing sent; lost output is an error."""

import json
import os
import subprocess

import pytest


def clean_env(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEMPORAL_") and k != "NO_COLOR"}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "xdg-config")
    return env


@pytest.mark.parametrize(
    "args, env, needle",
    [
        (["-n", "a\nb"], None, "--namespace: the value contains a control character"),
        ([], {"TEMPORAL_NAMESPACE": "ns\x01"}, "TEMPORAL_NAMESPACE: the value contains a control character"),
        (["--grpc-meta", "x-team=a\tb"], None, "--grpc-meta: the value contains a control character"),
        (["--tls-server-name", "a" * 300], None, "--tls-server-name: the value is longer than a host name"),
        (["-n", "\udcff"], None, "--namespace: the value is not valid UTF-8"),
    ],
    ids=["newline-namespace", "control-env-namespace", "control-metadata", "long-server-name", "non-utf8-namespace"],
)
def test_bad_connection_values_exit_2_without_a_crash(twctl, args, env, needle):
    r = twctl("workflow", "count", *args, env=env)
    assert r.returncode == 2, (r.returncode, r.stderr)
    assert r.stdout == ""
    assert r.stderr.splitlines()[0].startswith("Error: " + needle.split(":")[0])
    assert needle in r.stderr


def test_a_workflow_id_that_is_not_utf8_is_refused_and_nothing_starts(twctl, unique_id):
    wid = unique_id + "-\udcff"
    r = twctl("workflow", "start", "--type", "Echo", "-t", "edge-tasks", "-w", wid)
    assert r.returncode == 2, r.stderr
    assert "workflow_id is not valid UTF-8" in r.stderr
    assert "libprotobuf" not in r.stderr
    listed = twctl("workflow", "count", "-q", f"WorkflowId STARTS_WITH '{unique_id}'", "-o", "json")
    assert listed.returncode == 0
    assert int(json.loads(listed.stdout).get("count", 0)) == 0, listed.stdout


def test_short_flag_with_equals_means_the_value(twctl):
    r = twctl("workflow", "count", "-n=default", "-o", "json")
    assert r.returncode == 0, r.stderr
    missing = twctl("workflow", "count", "-n=no-such-namespace-here")
    assert missing.returncode == 4, missing.stderr
    assert "no-such-namespace-here" in missing.stderr


def test_lost_output_is_an_error_but_a_closed_pipe_is_quiet(twctl, rig, tmp_path, unique_id):
    started = twctl("workflow", "start", "--type", "Echo", "-t", "edge-tasks", "-w", unique_id, "-i", "1")
    assert started.returncode == 0, started.stderr
    cmd = [os.environ["TWCTL_BIN"], "workflow", "list", "-o", "jsonl", "--address", rig.address]
    with open("/dev/full", "w") as full:
        r = subprocess.run(cmd, stdout=full, stderr=subprocess.PIPE, text=True, env=clean_env(tmp_path), timeout=60)
    assert r.returncode == 1, r.stderr
    assert "cannot write to standard output" in r.stderr

    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=clean_env(tmp_path))
    p.stdout.close()  # the reader goes away at once
    _, err = p.communicate(timeout=60)
    assert p.returncode == 0, err
    assert "cannot write" not in err
