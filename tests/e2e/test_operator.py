"""operator: the cluster, namespaces and search attributes, against the dev server."""

from __future__ import annotations

import json
import os
import subprocess
import threading
import uuid

import pytest

import rig as _rig
from helpers import wait_until

TQ = "hello-tasks"


def card(text: str) -> dict:
    """A text card as {name: value} (a value may be empty)."""
    out = {}
    for line in text.splitlines():
        if not line.strip():
            continue
        parts = line.strip().split(None, 1)
        out[parts[0]] = parts[1] if len(parts) > 1 else ""
    return out


def new_namespace() -> str:
    return f"twctl-op-{uuid.uuid4().hex[:10]}"


# --------------------------------------------------------------------------
# cluster


@pytest.mark.compat
def test_cluster_health_against_a_running_server(twctl):
    r = twctl("operator", "cluster", "health")
    assert r.returncode == 0, r.stderr
    assert r.stdout == "SERVING\n"
    j = twctl("operator", "cluster", "health", "-o", "json")
    assert j.returncode == 0, j.stderr
    assert json.loads(j.stdout) == {"status": "SERVING"}
    w = twctl("operator", "cluster", "health", "--wait", "10s")
    assert w.returncode == 0, w.stderr
    assert w.stdout == "SERVING\n"


def test_cluster_health_nothing_listening_exits_unavailable_or_waits_out(twctl):
    address = f"127.0.0.1:{_rig.free_port()}"
    once = twctl("operator", "cluster", "health", address=address)
    assert once.returncode == 6, once.stderr
    assert once.stdout == ""
    waited = twctl("operator", "cluster", "health", "--wait", "2s", address=address)
    assert waited.returncode == 7, waited.stderr
    assert "was not serving within 2s" in waited.stderr
    assert waited.stdout == ""


@pytest.mark.compat
def test_cluster_health_wait_rides_out_a_server_that_is_starting(tmp_path, rig):
    """twctl waits first (connection refused), then the server starts: twctl exits 0 once it serves."""
    if rig.server != "current" or rig.external:
        pytest.skip("starts a dev server of today's kind of its own")
    port = _rig.free_port()
    address = f"{_rig.HOST}:{port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEMPORAL_")}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "xdg-config")  # no temporal.toml of the machine's user
    waiting = subprocess.Popen(
        [os.environ["TWCTL_BIN"], "operator", "cluster", "health", "--wait", "120s", "--verbose",
         "--address", address],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(iter(waiting.stderr.readline, "")), daemon=True)
    reader.start()
    server = None
    try:
        wait_until(lambda: any("not serving yet" in line for line in lines), timeout=30,
                   message="twctl never reported waiting")
        assert waiting.poll() is None, "twctl gave up before the server started"
        server = _rig._popen(_rig.devserver_command(_rig.find_devserver(), port), tmp_path / "devserver.log",
                             detach=False, env=env)
        out, _ = waiting.communicate(timeout=120)
        reader.join(timeout=5)
        assert waiting.returncode == 0, "".join(lines)
        assert out == "SERVING\n"
        assert any("refused" in line for line in lines), "".join(lines)
    finally:
        if waiting.poll() is None:
            waiting.kill()
            waiting.wait()
        _rig.stop(server)


@pytest.mark.compat
def test_cluster_system_describe_and_list(twctl):
    s = twctl("operator", "cluster", "system")
    assert s.returncode == 0, s.stderr
    system = card(s.stdout)
    assert system["SupportsSchedules"] == "true"
    sj = json.loads(twctl("operator", "cluster", "system", "-o", "json").stdout)
    assert system["ServerVersion"] == sj["serverVersion"]

    d = twctl("operator", "cluster", "describe", "--detail")
    assert d.returncode == 0, d.stderr
    info = card(d.stdout)
    assert info["ServerVersion"] == sj["serverVersion"]
    assert int(info["HistoryShardCount"]) >= 1
    dj = json.loads(twctl("operator", "cluster", "describe", "-o", "json").stdout)
    assert dj["clusterName"] == info["ClusterName"]

    lj = twctl("operator", "cluster", "list", "-o", "jsonl")
    assert lj.returncode == 0, lj.stderr
    clusters = [json.loads(line) for line in lj.stdout.splitlines()]
    assert info["ClusterName"] in [c["clusterName"] for c in clusters]
    lt = twctl("operator", "cluster", "list")
    assert lt.stdout.splitlines()[0].split() == [
        "Name", "ClusterId", "Address", "HistoryShardCount", "InitialFailoverVersion", "IsConnectionEnabled",
        "IsReplicationEnabled"]


@pytest.mark.compat
def test_cluster_upsert_and_remove_reach_the_server_and_its_refusals_come_back(twctl, rig):
    # A remote cluster the server accepts needs a second cluster with another name and global namespaces, which no
    # dev server offers; what can be checked is that the server got the request and judged it: it dials the
    # frontend address given, sees itself, and refuses; removing an unknown cluster is not found.
    up = twctl("operator", "cluster", "upsert", "--frontend-address", rig.address, "--enable-connection")
    assert up.returncode == 9, up.stderr
    assert "Cannot update current cluster metadata" in up.stderr
    assert up.stdout == ""
    rm = twctl("operator", "cluster", "remove", "--name", "twctl-no-such-cluster", "--yes")
    assert rm.returncode == 4, rm.stderr
    assert "cannot be found" in rm.stderr
    listed = twctl("operator", "cluster", "list", "-o", "jsonl").stdout.splitlines()
    assert len(listed) == 1, listed  # nothing was added


# --------------------------------------------------------------------------
# namespaces


@pytest.mark.compat
def test_namespace_lifecycle(twctl, unique_id):
    ns = new_namespace()
    c = twctl("operator", "namespace", "create", ns, "--retention", "2d", "--description", "made by a test",
              "--email", "ops@example.com", "--data", "team=ops")
    assert c.returncode == 0, c.stderr
    assert c.stdout == ""
    assert c.stderr == f"Namespace {ns} successfully registered.\n"

    again = twctl("operator", "namespace", "create", "-n", ns)
    assert again.returncode == 5
    assert again.stderr.startswith(f"Error: namespace {ns} already exists")
    ok = twctl("operator", "namespace", "create", "-n", ns, "--if-not-exists", "-o", "json")
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout) == {"namespace": ns, "created": False}

    d = twctl("operator", "namespace", "describe", ns)
    assert d.returncode == 0, d.stderr
    desc = card(d.stdout)
    assert desc["NamespaceInfo.Name"] == ns
    assert desc["NamespaceInfo.State"] == "Registered"
    assert desc["NamespaceInfo.Description"] == "made by a test"
    assert desc["NamespaceInfo.OwnerEmail"] == "ops@example.com"
    assert desc["NamespaceInfo.Data"] == '{"team":"ops"}'
    assert desc["Config.WorkflowExecutionRetentionTtl"] == "48h0m0s"

    dj = json.loads(twctl("operator", "namespace", "describe", "-n", ns, "-o", "json").stdout)
    assert dj["namespaceInfo"]["name"] == ns
    assert dj["config"]["workflowExecutionRetentionTtl"] == "172800s"
    by_id = twctl("operator", "namespace", "describe", "--namespace-id", dj["namespaceInfo"]["id"], "-o", "json")
    assert by_id.returncode == 0, by_id.stderr
    assert json.loads(by_id.stdout)["namespaceInfo"]["name"] == ns

    listed = twctl("operator", "namespace", "list", "-o", "jsonl")
    assert listed.returncode == 0, listed.stderr
    names = [json.loads(line)["namespaceInfo"]["name"] for line in listed.stdout.splitlines()]
    assert ns in names and "default" in names
    array = json.loads(twctl("operator", "namespace", "list", "-o", "json").stdout)
    assert [n["namespaceInfo"]["name"] for n in array] == names
    text = twctl("operator", "namespace", "list").stdout
    assert f"NamespaceInfo.Name                    {ns}\n" in text

    u = twctl("operator", "namespace", "update", ns, "--retention", "3d", "--description", "changed",
              "--data", "env=test")
    assert u.returncode == 0, u.stderr
    assert u.stderr == f"Namespace {ns} updated.\n"
    after = json.loads(twctl("operator", "namespace", "describe", ns, "-o", "json").stdout)
    assert after["config"]["workflowExecutionRetentionTtl"] == "259200s"
    assert after["namespaceInfo"]["description"] == "changed"
    assert after["namespaceInfo"]["ownerEmail"] == "ops@example.com"
    assert after["namespaceInfo"]["data"] == {"team": "ops", "env": "test"}

    # A workflow in the new namespace (no worker needed to start one); the server may take a moment to
    # make the namespace usable.
    def started():
        r = twctl("workflow", "start", "-n", ns, "--type", "SayHello", "-t", TQ, "-w", unique_id, "-o", "json")
        return r.returncode == 0 and json.loads(r.stdout)
    run = wait_until(started, timeout=30, message="workflow start in the new namespace")
    assert run["namespace"] == ns
    wd = twctl("workflow", "describe", "-n", ns, "-w", unique_id, "-o", "json")
    assert wd.returncode == 0, wd.stderr
    assert json.loads(wd.stdout)["workflowExecutionInfo"]["execution"]["runId"] == run["runId"]

    # Without --yes off a terminal: a usage error, and the namespace is still there.
    refused = twctl("operator", "namespace", "delete", ns)
    assert refused.returncode == 2
    assert "--yes" in refused.stderr
    assert twctl("operator", "namespace", "describe", ns).returncode == 0

    gone = twctl("operator", "namespace", "delete", ns, "--yes", "-o", "json")
    assert gone.returncode == 0, gone.stderr
    assert json.loads(gone.stdout)["deletedNamespace"].startswith(ns)
    wait_until(lambda: twctl("operator", "namespace", "describe", ns).returncode == 4, timeout=30,
               message="the deleted namespace is not found")
    nf = twctl("operator", "namespace", "describe", ns)
    assert nf.stderr.startswith(f"Error: namespace {ns} not found")


# --------------------------------------------------------------------------
# search attributes


@pytest.mark.compat
def test_search_attribute_create_list_use_remove(twctl, rig, unique_id):
    name = f"TwctlOp{uuid.uuid4().hex[:8]}"
    c = twctl("operator", "search-attribute", "create", "--name", name, "--type", "keyword")
    assert c.returncode == 0, c.stderr
    assert c.stderr == f"Search attributes added: {name}\n"
    try:
        rows = [line.split() for line in twctl("operator", "search-attribute", "list").stdout.splitlines()]
        assert rows[0] == ["Name", "Type", "Kind"]
        assert [name, "Keyword", "custom"] in rows
        assert ["WorkflowId", "Keyword", "system"] in rows
        kinds = [r[2] for r in rows[1:]]
        assert kinds == sorted(kinds, key=lambda k: k != "system"), "system attributes come first"
        lj = json.loads(twctl("operator", "search-attribute", "list", "-o", "json").stdout)
        assert lj["customAttributes"][name] == "INDEXED_VALUE_TYPE_KEYWORD"

        again = twctl("operator", "search-attribute", "create", "--name", name, "--type", "Keyword")
        assert again.returncode == 5
        assert name in again.stderr
        same = twctl("operator", "search-attribute", "create", "--name", name, "--type", "KEYWORD",
                     "--if-not-exists")
        assert same.returncode == 0, same.stderr
        other = twctl("operator", "search-attribute", "create", "--name", name, "--type", "Int", "--if-not-exists")
        assert other.returncode == 5
        assert "with type Keyword, not Int" in other.stderr

        s = twctl("workflow", "start", "--type", "SayHello", "-t", TQ, "-w", unique_id, "-i", '"SA"',
                  "--search-attribute", f'{name}="blue"')
        assert s.returncode == 0, s.stderr

        def found():
            r = twctl("workflow", "list", "-q", f"{name}='blue'", "-o", "jsonl")
            ids = [json.loads(line)["execution"]["workflowId"] for line in r.stdout.splitlines()]
            return r.returncode == 0 and ids == [unique_id]
        wait_until(found, timeout=30, message="the workflow listed by its new search attribute")

        offered = subprocess.run([os.environ["TWCTL_BIN"], "__complete", "--address", rig.address, "operator",
                                  "search-attribute", "remove", "--name", name[:9]], capture_output=True, text=True)
        assert name in offered.stdout, offered

        asked = twctl("operator", "search-attribute", "remove", "--name", name)
        assert asked.returncode == 2
        assert "--yes" in asked.stderr
        assert name in twctl("operator", "search-attribute", "list").stdout
    finally:
        removed = twctl("operator", "search-attribute", "remove", "--name", name, "--yes")
    assert removed.returncode == 0, removed.stderr
    assert name not in twctl("operator", "search-attribute", "list").stdout


# --------------------------------------------------------------------------
# bad input


@pytest.mark.parametrize("args,flag", [
    (["namespace", "create", "{ns}", "--retention", "forever"], "--retention"),
    (["namespace", "create", "{ns}", "--history-archival-state", "sometimes"], "--history-archival-state"),
    (["namespace", "create", "{ns}", "--data", "novalue"], "--data"),
    (["namespace", "update", "{ns}", "--replication-state", "paused"], "--replication-state"),
    (["namespace", "create"], "-n NAME"),
    (["search-attribute", "create", "--name", "A{ns}", "--type", "Keyword", "--name", "B{ns}"], "--type"),
    (["search-attribute", "create", "--name", "A{ns}", "--type", "Strings"], "--type"),
    (["search-attribute", "create", "--name", "A{ns}"], "--type"),
    (["cluster", "health", "--wait", "soon"], "--wait"),
    (["cluster", "upsert"], "--frontend-address"),
])
def test_bad_input_is_a_usage_error_and_nothing_is_sent(twctl, args, flag):
    ns = new_namespace()
    r = twctl("operator", *[a.replace("{ns}", ns) for a in args])
    assert r.returncode == 2, r.stderr
    assert r.stdout == ""
    first = r.stderr.splitlines()[0]
    assert first.startswith("Error: ") and flag in first
    # Nothing was created.
    assert twctl("operator", "namespace", "describe", ns).returncode == 4
    attrs = twctl("operator", "search-attribute", "list").stdout
    assert f"A{ns}" not in attrs
