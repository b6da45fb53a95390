"""Workflow updates: accepted, rejected by the validator, failed in the handler, and read back later."""

import json


def start(twctl, wid):
    assert twctl("workflow", "start", "--type", "Interactive", "-t", "interactive-tasks", "-w", wid).returncode == 0


def test_update_execute_start_result_and_describe(twctl, unique_id):
    start(twctl, unique_id)
    try:
        r = twctl("workflow", "update", "execute", "-w", unique_id, "--name", "add_item", "-i", '"a"', "-o", "json")
        assert r.returncode == 0, r.stderr
        doc = json.loads(r.stdout)
        assert doc["name"] == "add_item" and doc["result"] == 1

        s = twctl("workflow", "update", "start", "-w", unique_id, "--name", "add_item", "-i", '"b"',
                  "--wait-for-stage", "accepted", "--update-id", f"{unique_id}-u2")
        assert s.returncode == 0, s.stderr
        assert f"  UpdateId  {unique_id}-u2\n" in s.stdout
        res = twctl("workflow", "update", "result", "-w", unique_id, "--update-id", f"{unique_id}-u2", "-o", "json")
        assert json.loads(res.stdout) == {"updateId": f"{unique_id}-u2", "result": 2}
        d = twctl("workflow", "update", "describe", "-w", unique_id, "--update-id", f"{unique_id}-u2", "-o", "json")
        assert json.loads(d.stdout) == {"updateId": f"{unique_id}-u2", "stage": "Completed", "result": 2}
    finally:
        twctl("workflow", "terminate", "-w", unique_id)


def test_rejected_and_failed_updates_exit_12_with_a_structured_failure(twctl, unique_id):
    start(twctl, unique_id)
    try:
        rej = twctl("workflow", "update", "execute", "-w", unique_id, "--name", "add_item", "-i", '"bad"', "-o", "json")
        assert rej.returncode == 12
        err = json.loads(rej.stderr.splitlines()[-1])["error"]
        assert err["kind"] == "update_failed"
        assert err["details"]["failure"]["message"] == "value rejected: bad"
        assert json.loads(rej.stdout)["failure"]["applicationFailureInfo"]["type"] == "ValidationError"

        failed = twctl("workflow", "update", "execute", "-w", unique_id, "--name", "fail_update")
        assert failed.returncode == 12
        assert "update failed on purpose (UpdateError)" in failed.stdout
        assert failed.stderr.startswith("Error: update ")

        items = twctl("workflow", "query", "-w", unique_id, "--name", "items", "-o", "json")
        assert json.loads(items.stdout)["queryResult"] == [[]]
    finally:
        twctl("workflow", "terminate", "-w", unique_id)


def test_update_start_requires_the_stage_flag(twctl, unique_id):
    r = twctl("workflow", "update", "start", "-w", unique_id, "--name", "add_item")
    assert r.returncode == 2
    assert "--wait-for-stage" in r.stderr
