"""workflow start --from-file and workflow signal --from-file against the dev server and the real workers:
many starts, an interrupted run resumed without duplicates, signals reaching their workflows, a bad file."""

import json
import os
import signal
import subprocess
import uuid

TQ = "interactive-tasks"


def env_for(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEMPORAL_") and k != "NO_COLOR"}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "xdg-config")
    return env


def write_lines(path, objects):
    path.write_text("".join(json.dumps(o) + "\n" for o in objects))
    return path


def read_results(path):
    return [json.loads(line) for line in path.read_text().splitlines()]


def count(twctl, query):
    r = twctl("workflow", "count", "-q", query, "-o", "json")
    assert r.returncode == 0, r.stderr
    return int(json.loads(r.stdout)["count"])


def terminate_all(twctl, query):
    twctl("workflow", "terminate", "-q", query, "--yes", "--reason", "test over")


def test_a_200_line_file_starts_200_workflows_with_the_flags_as_defaults(twctl, tmp_path, wait_until):
    tag = uuid.uuid4().hex[:12]
    query = f"CustomKeywordField='{tag}'"
    jobs = write_lines(tmp_path / "jobs.jsonl",
                       [{"workflow-id": f"bulk-{tag}-{i}", "input": [[f"item-{i}"]]} for i in range(200)])
    try:
        r = twctl("workflow", "start", "--type", "Interactive", "-t", TQ, "--search-attribute",
                  f'CustomKeywordField="{tag}"', "--from-file", jobs, "--concurrency", "32", timeout=120)
        assert r.returncode == 0, r.stderr
        rows = [json.loads(line) for line in r.stdout.splitlines()]
        assert len(rows) == 200
        assert sorted(row["line"] for row in rows) == list(range(1, 201))
        assert {row["status"] for row in rows} == {"started"}
        assert all(row["runId"] for row in rows)
        assert {row["workflowId"] for row in rows} == {f"bulk-{tag}-{i}" for i in range(200)}
        assert r.stderr == "200 workflow start(s): 200 started\n"
        wait_until(lambda: count(twctl, query) == 200, timeout=60, message="200 workflows visible by their tag")
        # The line's input reached the workflow as its argument.
        q = twctl("workflow", "query", "-w", f"bulk-{tag}-7", "--name", "items", "-o", "json")
        assert q.returncode == 0, q.stderr
        assert json.loads(q.stdout)["queryResult"][0] == ["item-7"]
        # Run again: every ID is running, so every line is already started, none failed.
        again = twctl("workflow", "start", "--type", "Interactive", "-t", TQ, "--from-file", jobs, timeout=120)
        assert again.returncode == 0, again.stderr
        assert {json.loads(x)["status"] for x in again.stdout.splitlines()} == {"already-started"}
    finally:
        terminate_all(twctl, query)


def test_an_interrupted_run_resumes_from_its_results_without_duplicates(twctl, rig, tmp_path, wait_until):
    tag = uuid.uuid4().hex[:12]
    query = f"CustomKeywordField='{tag}'"
    jobs = write_lines(tmp_path / "jobs.jsonl", [{"workflowId": f"resume-{tag}-{i}"} for i in range(200)])
    first = tmp_path / "first.jsonl"
    args = [os.environ["TWCTL_BIN"], "workflow", "start", "--type", "Interactive", "-t", TQ, "--search-attribute",
            f'CustomKeywordField="{tag}"', "--from-file", str(jobs), "--address", rig.address]
    try:
        # --rps keeps the run going long enough to be interrupted half-way.
        with first.open("w") as out:
            proc = subprocess.Popen(args + ["--rps", "40", "--concurrency", "8"], stdout=out, stderr=subprocess.PIPE,
                                    stdin=subprocess.DEVNULL, text=True, env=env_for(tmp_path))
            try:
                wait_until(lambda: len(first.read_text().splitlines()) >= 60 or proc.poll() is not None,
                           timeout=60, interval=0.05, message="60 results written")
                proc.send_signal(signal.SIGINT)
                err = proc.stderr.read()
                proc.wait(timeout=30)
            finally:
                if proc.poll() is None:
                    proc.kill()
        assert proc.returncode == 130, err
        assert "--resume-from" in err
        done = read_results(first)  # every line whole: results are written a line at a time
        assert 60 <= len(done) < 200
        succeeded = {row["line"] for row in done if row["status"] in ("started", "already-started")}
        assert succeeded

        second = twctl("workflow", "start", "--type", "Interactive", "-t", TQ, "--search-attribute",
                       f'CustomKeywordField="{tag}"', "--from-file", jobs, "--resume-from", first, timeout=120)
        assert second.returncode == 0, second.stderr
        rest = [json.loads(x) for x in second.stdout.splitlines()]
        assert {row["line"] for row in rest}.isdisjoint(succeeded)
        assert succeeded | {row["line"] for row in rest} == set(range(1, 201))
        assert f"{len(succeeded)} line(s) skipped (--resume-from)" in second.stderr
        # One execution per ID, whatever happened to the calls cut short.
        wait_until(lambda: count(twctl, query) == 200, timeout=60, message="200 workflows visible by their tag")
        assert count(twctl, f"{query} AND WorkflowId = 'resume-{tag}-0'") == 1
    finally:
        terminate_all(twctl, query)


def test_signal_from_file_reaches_each_workflow(twctl, tmp_path, wait_until):
    tag = uuid.uuid4().hex[:12]
    query = f"CustomKeywordField='{tag}'"
    ids = [f"sig-{tag}-{i}" for i in range(20)]
    starts = write_lines(tmp_path / "starts.jsonl", [{"workflow-id": w} for w in ids])
    try:
        s = twctl("workflow", "start", "--type", "Interactive", "-t", TQ, "--search-attribute",
                  f'CustomKeywordField="{tag}"', "--from-file", starts)
        assert s.returncode == 0, s.stderr
        adds = write_lines(tmp_path / "adds.jsonl", [{"workflow-id": w, "input": [f"v{i}"]} for i, w in enumerate(ids)]
                           + [{"workflowId": ids[0], "name": "add_pair", "input": ["a", 1]}])
        r = twctl("workflow", "signal", "--name", "add", "--from-file", adds, "-o", "jsonl")
        assert r.returncode == 0, r.stderr
        rows = [json.loads(x) for x in r.stdout.splitlines()]
        assert len(rows) == 21 and {row["status"] for row in rows} == {"signaled"}

        def items(wid):
            q = twctl("workflow", "query", "-w", wid, "--name", "items", "-o", "json")
            assert q.returncode == 0, q.stderr
            return json.loads(q.stdout)["queryResult"][0]
        wait_until(lambda: items(ids[5]) == ["v5"])
        wait_until(lambda: sorted(items(ids[0]), key=str) == sorted(["v0", "a", 1], key=str))

        # The flags are every line's defaults: finish them all from a file of IDs alone.
        finish = write_lines(tmp_path / "finish.jsonl", [{"workflow-id": w} for w in ids])
        f = twctl("workflow", "signal", "--name", "finish", "--from-file", finish)
        assert f.returncode == 0, f.stderr
        res = twctl("workflow", "result", "-w", ids[5], "-o", "json")
        assert res.returncode == 0, res.stderr
        assert json.loads(res.stdout)["result"] == ["v5"]

        # A workflow that does not exist (or no longer runs) is that line's failure: exit 11.
        assert twctl("workflow", "result", "-w", ids[1]).returncode == 0
        mixed = write_lines(tmp_path / "mixed.jsonl", [{"workflow-id": f"nobody-{tag}"}, {"workflow-id": ids[1]}])
        m = twctl("workflow", "signal", "--name", "add", "-i", '"late"', "--from-file", mixed)
        assert m.returncode == 11, m.stderr
        by_line = {row["line"]: row for row in map(json.loads, m.stdout.splitlines())}
        assert by_line[1]["status"] == "failed" and by_line[1]["kind"] == "not_found"
        assert "2 of 2 line(s) failed" in m.stderr
    finally:
        terminate_all(twctl, query)


def test_a_bad_file_exits_2_and_starts_nothing(twctl, tmp_path):
    tag = uuid.uuid4().hex[:12]
    bad = tmp_path / "jobs.txt"
    bad.write_text(f"\nworkflow bad-{tag}-1\n" + json.dumps({"workflow-id": f"bad-{tag}-2"}) + "\n")
    r = twctl("workflow", "start", "--type", "Interactive", "-t", TQ, "--from-file", bad)
    assert r.returncode == 2
    assert r.stdout == ""
    assert f"--from-file {bad}: line 2 is not a JSON object" in r.stderr
    assert twctl("workflow", "describe", "-w", f"bad-{tag}-2").returncode == 4

    missing = twctl("workflow", "start", "--type", "Interactive", "-t", TQ, "--from-file", tmp_path / "none.jsonl")
    assert missing.returncode == 2
    assert "none.jsonl: the file does not exist" in missing.stderr
