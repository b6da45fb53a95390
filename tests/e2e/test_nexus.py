"""operator nexus endpoint: a create/get/list/update/delete round trip against the dev server."""

from __future__ import annotations

import json
import uuid

import pytest


def card(text: str) -> dict:
    out = {}
    for line in text.splitlines():
        if line.strip():
            parts = line.strip().split(None, 1)
            out[parts[0]] = parts[1] if len(parts) > 1 else ""
    return out


def new_name() -> str:
    return f"twctl-ep-{uuid.uuid4().hex[:10]}"


@pytest.mark.compat
def test_endpoint_round_trip_in_text_and_json(twctl, tmp_path):
    name = new_name()
    c = twctl("operator", "nexus", "endpoint", "create", "--name", name, "--target-namespace", "default",
              "--target-task-queue", "nexus-tasks", "--description", "Orders *v1*")
    assert c.returncode == 0, c.stderr
    assert c.stdout == ""
    assert f"Endpoint {name} created." in c.stderr

    g = twctl("operator", "nexus", "endpoint", "get", "--name", name)
    assert g.returncode == 0, g.stderr
    got = card(g.stdout)
    assert got["Name"] == name
    assert got["Version"] == "1"
    assert got["Target.Worker.Namespace"] == "default"
    assert got["Target.Worker.TaskQueue"] == "nexus-tasks"
    assert got["Description"] == "Orders *v1*"

    gj = json.loads(twctl("operator", "nexus", "endpoint", "get", "--name", name, "-o", "json").stdout)
    assert gj["id"] == got["Id"]
    assert gj["spec"]["description"] == "Orders *v1*"
    assert gj["spec"]["target"]["worker"] == {"namespace": "default", "taskQueue": "nexus-tasks"}

    lst = twctl("operator", "nexus", "endpoint", "list", "-o", "jsonl")
    assert lst.returncode == 0, lst.stderr
    assert name in [json.loads(line)["spec"]["name"] for line in lst.stdout.splitlines()]
    text_list = twctl("operator", "nexus", "endpoint", "list")
    assert f"  Name                     {name}\n" in text_list.stdout

    # Only the queue changes; the description and namespace stay; the version moves on.
    u = twctl("operator", "nexus", "endpoint", "update", "--name", name, "--target-task-queue", "nexus-tasks-v2")
    assert u.returncode == 0, u.stderr
    after = json.loads(twctl("operator", "nexus", "endpoint", "get", "--name", name, "-o", "json").stdout)
    assert after["version"] == "2"
    assert after["spec"]["target"]["worker"] == {"namespace": "default", "taskQueue": "nexus-tasks-v2"}
    assert after["spec"]["description"] == "Orders *v1*"

    doc = tmp_path / "desc.md"
    doc.write_text("# Orders\nv2\n")
    uj = twctl("operator", "nexus", "endpoint", "update", "--name", name, "--target-url", "http://127.0.0.1:9/nexus",
               "--description-file", str(doc), "-o", "json")
    assert uj.returncode == 0, uj.stderr
    updated = json.loads(uj.stdout)
    assert updated["spec"]["target"] == {"external": {"url": "http://127.0.0.1:9/nexus"}}
    assert updated["spec"]["description"] == "# Orders\nv2\n"

    unset = twctl("operator", "nexus", "endpoint", "update", "--name", name, "--unset-description")
    assert unset.returncode == 0, unset.stderr
    assert "Description" not in card(twctl("operator", "nexus", "endpoint", "get", "--name", name).stdout)

    # No terminal and no --yes: refused, and the endpoint is still there.
    refused = twctl("operator", "nexus", "endpoint", "delete", "--name", name)
    assert refused.returncode == 2, refused.stderr
    assert "--yes" in refused.stderr
    assert twctl("operator", "nexus", "endpoint", "get", "--name", name).returncode == 0

    d = twctl("operator", "nexus", "endpoint", "delete", "--name", name, "--yes", "-o", "json")
    assert d.returncode == 0, d.stderr
    assert json.loads(d.stdout) == {"name": name, "id": gj["id"], "deleted": True}
    gone = twctl("operator", "nexus", "endpoint", "get", "--name", name)
    assert gone.returncode == 4, gone.stderr
    assert f"Nexus endpoint {name} not found" in gone.stderr


@pytest.mark.compat
def test_create_of_an_existing_name_is_already_exists(twctl):
    name = new_name()
    args = ["operator", "nexus", "endpoint", "create", "--name", name, "--target-url", "http://127.0.0.1:9/x"]
    assert twctl(*args).returncode == 0
    again = twctl(*args)
    assert again.returncode == 5, (again.returncode, again.stderr)
    twctl("operator", "nexus", "endpoint", "delete", "--name", name, "--yes")


@pytest.mark.parametrize(
    "args,flag",
    [
        (["create", "--target-url", "http://x"], "--name"),
        (["create", "--name", "n"], "--target-url"),
        (["create", "--name", "n", "--target-namespace", "default"], "--target-task-queue"),
        (["create", "--name", "n", "--target-namespace", "d", "--target-url", "http://x"], "--target-url"),
        (["create", "--name", "n", "--target-url", "http://x", "--description", "a", "--description-file", "f"],
         "--description-file"),
        (["update", "--name", "n"], "nothing to update"),
        (["delete", "--name", "n"], "--yes"),
    ],
)
def test_bad_input_is_a_usage_error(twctl, args, flag):
    r = twctl("operator", "nexus", "endpoint", *args, address="127.0.0.1:1")
    assert r.returncode == 2, r.stderr
    assert flag in r.stderr.splitlines()[0]
    assert r.stdout == ""
