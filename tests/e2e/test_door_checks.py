"""The validation layer at the door, against the real server: every bad value is exit 2 with one line naming the
flag, variable or key, nothing on stdout, and nothing sent (the case's workflow does not exist afterwards); and
the messages of the mistakes found by trying are true."""

from __future__ import annotations

import json

import pytest

CERT = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ2Vy\ndA==\n-----END CERTIFICATE-----\n"
LONG = "a" * 1001


def start_args(wid, *extra):
    return ["workflow", "start", "--type", "Echo", "-t", "edge-tasks", "-w", wid, "-i", '"x"', *extra]


def assert_usage(r, needle):
    assert r.returncode == 2, (r.returncode, r.stderr)
    assert r.stdout == ""
    lines = r.stderr.splitlines()
    assert lines and lines[0].startswith("Error: " + needle), r.stderr
    # One error line; a parse error adds only the pointer to --help.
    assert all(line.startswith("Run 'twctl ") for line in lines[1:]), r.stderr


def assert_not_started(twctl, wid):
    d = twctl("workflow", "describe", "-w", wid)
    assert d.returncode == 4, (d.returncode, d.stderr)


def write_toml(tmp_path, text):
    folder = tmp_path / "xdg-config" / "temporalio"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "temporal.toml").write_text(text)


# (extra start flags, environment, needle); the case's workflow ID is unique_id.
START_CASES = {
    "empty-type": (["--type", ""], None, "--type: the value is empty"),
    "empty-task-queue": (["-t", ""], None, "--task-queue: the value is empty"),
    "empty-namespace": (["-n", ""], None, "--namespace: the value is empty"),
    "empty-namespace-equals": (["-n="], None, "--namespace: the value is empty"),
    "empty-start-delay": (["--start-delay", ""], None, "--start-delay: the value is empty"),
    "empty-config-file": (["--config-file", ""], None, "--config-file: the value is empty"),
    "empty-profile": (["--profile", ""], None, "--profile: the value is empty"),
    "empty-identity": (["--identity", ""], None, "--identity: the value is empty"),
    "empty-memo": (["--memo", ""], None, "--memo: the value is empty"),
    "empty-id-reuse-policy": (["--id-reuse-policy", ""], None, "--id-reuse-policy: the value is empty"),
    "empty-api-key": (["--api-key", ""], None, "--api-key: the value is empty"),
    "empty-input": (["-i", ""], None, "--input: the value is empty"),
    "long-type": (["--type", LONG], None, "--type: the value is 1001 bytes long; the server accepts at most 1000"),
    "long-task-queue": (["-t", LONG], None, "--task-queue: the value is 1001 bytes long"),
    "long-namespace-env": ([], {"TEMPORAL_NAMESPACE": LONG}, "TEMPORAL_NAMESPACE: the value is 1001 bytes long"),
    "overflow-start-delay": (["--start-delay", "99999999999999999h"], None, 'invalid duration "99999999999999999h" for --start-delay: too long'),
    "overflow-command-timeout": (["--command-timeout", "99999999999999999h"], None, 'invalid duration "99999999999999999h" for --command-timeout'),
    "overflow-days": (["--execution-timeout", "200000d"], None, 'invalid duration "200000d" for --execution-timeout: too long'),
    "codec-not-url": (["--codec-endpoint", "codec.local:8080"], None, "--codec-endpoint: the value is not an http(s) URL"),
    "codec-env-ftp": ([], {"TEMPORAL_CODEC_ENDPOINT": "ftp://codec"}, "TEMPORAL_CODEC_ENDPOINT: the value is not an http(s) URL"),
    "tls-ca-not-pem-data": (["--tls-ca-data", "hello"], None, "--tls-ca-data: the value is not PEM"),
    "cert-data-is-a-key": (["--tls-cert-data", CERT.replace("CERTIFICATE", "PRIVATE KEY")], None,
                           "--tls-cert-data: the value holds no PEM certificate"),
    "grpc-meta-colon": (["--grpc-meta", "authorization:Bearer s3cr3t-e2e"], None,
                        "--grpc-meta takes KEY=VALUE; the value given has no '='"),
    "unknown-flag-typo": (["--workflowid", "x"], None, "unknown flag --workflowid (did you mean --workflow-id?)"),
    "cron-and-delay": (["--cron", "* * * * *", "--start-delay", "1m"], None, "--cron and --start-delay cannot be used together"),
}


@pytest.mark.parametrize("case", list(START_CASES), ids=list(START_CASES))
def test_bad_start_values_are_refused_and_nothing_starts(twctl, unique_id, case):
    extra, env, needle = START_CASES[case]
    r = twctl(*start_args(unique_id, *extra), env=env)
    assert_usage(r, needle)
    assert "s3cr3t-e2e" not in r.stderr
    assert_not_started(twctl, unique_id)


def test_empty_workflow_id_on_start_is_refused_not_a_random_id(twctl, unique_id):
    r = twctl("workflow", "start", "--type", "Echo", "-t", "edge-tasks", "-w", "", "-i", json.dumps(unique_id))
    assert_usage(r, "--workflow-id: the value is empty")


def test_empty_address_is_refused(twctl, unique_id):
    r = twctl(*start_args(unique_id, "--address", ""), address=None)
    assert_usage(r, "--address: the value is empty")
    assert_not_started(twctl, unique_id)


@pytest.mark.parametrize(
    "args, needle",
    [
        (["workflow", "describe", "-w", ""], "--workflow-id: the value is empty"),
        (["workflow", "result", "-w", ""], "--workflow-id: the value is empty"),
        (["workflow", "show", "-w", ""], "--workflow-id: the value is empty"),
        (["workflow", "signal", "-w", "", "--name", "s"], "--workflow-id: the value is empty"),
        (["workflow", "signal", "-w", "w", "--name", ""], "--name: the value is empty"),
        (["workflow", "query", "-w", "w", "--name", ""], "--name: the value is empty"),
        (["workflow", "cancel", "-w", ""], "--workflow-id: the value is empty"),
        (["workflow", "terminate", "-w", "", "--reason", "r"], "--workflow-id: the value is empty"),
        (["workflow", "terminate", "-w", "w", "--reason", ""], "--reason: the value is empty"),
        (["workflow", "list", "-q", ""], "--query: the value is empty"),
        (["workflow", "update", "result", "-w", "w", "--update-id", ""], "--update-id: the value is empty"),
        (["workflow", "update", "describe", "-w", "w", "--update-id", ""], "--update-id: the value is empty"),
        (["batch", "describe", "--job-id", ""], "--job-id: the value is empty"),
        (["batch", "terminate", "--job-id", "", "--reason", "r"], "--job-id: the value is empty"),
        (["task-queue", "describe", "-t", ""], "--task-queue: the value is empty"),
        (["operator", "namespace", "describe", ""], "name: the value is empty"),
        (["workflow", "describe", "-w", "x" * 70000], "--workflow-id: the value is 70000 bytes long"),
        (["workflow", "describe", "--workflowid", "x"], "unknown flag --workflowid (did you mean --workflow-id?)"),
        (["workflow", "result", "--workfow-id", "x"], "unknown flag --workfow-id (did you mean --workflow-id?)"),
        (["workflow", "reset", "-w", "w", "-e", "0", "--reason", "r"], "--event-id: event IDs start at 1, not 0"),
        (["workflow", "list", "--command-timeout", "99999999999999999h"], 'invalid duration "99999999999999999h"'),
    ],
    ids=lambda v: v if isinstance(v, str) and len(v) < 40 else None,
)
def test_bad_values_of_other_commands_are_usage_errors(twctl, args, needle):
    assert_usage(twctl(*args), needle)


def test_tls_material_is_checked_as_pem_naming_flag_and_file(twctl, unique_id, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("not a certificate\n")
    cases = [
        (["--tls-ca-path", str(tmp_path)], None, f"--tls-ca-path: the file {tmp_path} is a directory"),
        (["--tls-ca-path", str(notes)], None, f"--tls-ca-path: the file {notes} is not PEM"),
        (["--tls-cert-path", str(tmp_path / "missing.pem")], None, f"--tls-cert-path: the file {tmp_path / 'missing.pem'} does not exist"),
        ([], {"TEMPORAL_TLS_SERVER_CA_CERT_PATH": str(notes)}, f"TEMPORAL_TLS_SERVER_CA_CERT_PATH: the file {notes} is not PEM"),
    ]
    for i, (extra, env, needle) in enumerate(cases):
        wid = f"{unique_id}-{i}"
        r = twctl(*start_args(wid, *extra), env=env)
        assert_usage(r, needle)
        assert "empty address list" not in r.stderr
        assert_not_started(twctl, wid)


@pytest.mark.parametrize(
    "toml, needle",
    [
        ("[profile.default]\naddress = 5\n", 'profile "default" key address must be a string, not an integer'),
        ("[profile.default]\napi_key = true\n", 'profile "default" key api_key must be a string, not a boolean'),
        ('[profile.default.tls]\ndisabled = "yes"\n', 'profile "default" key tls.disabled must be true or false, not a string'),
        ('[profile.default]\nnamespace = ""\n', "key namespace: the value is empty"),
    ],
    ids=["address-int", "api-key-bool", "tls-disabled-string", "empty-namespace"],
)
def test_toml_values_of_the_wrong_type_are_errors_never_coerced(twctl, unique_id, tmp_path, toml, needle):
    write_toml(tmp_path, toml)
    config = str(tmp_path / "xdg-config" / "temporalio" / "temporal.toml")
    r = twctl(*start_args(unique_id))
    assert r.returncode == 2, r.stderr
    assert r.stdout == ""
    assert len(r.stderr.splitlines()) == 1, r.stderr
    assert needle in r.stderr
    assert config in r.stderr
    s = twctl("settings", "-o", "json")
    assert s.returncode == 0
    settings = json.loads(s.stdout)
    assert needle in settings["problem"]
    assert settings["settings"]["address"]["source"] != "profile"
    assert "true" not in json.dumps(settings["settings"].get("api_key", {}))
    (tmp_path / "xdg-config" / "temporalio" / "temporal.toml").unlink()
    assert_not_started(twctl, unique_id)


def test_a_directory_as_input_file_is_said_to_be_one(twctl, unique_id, tmp_path):
    r = twctl("workflow", "start", "--type", "Echo", "-t", "edge-tasks", "-w", unique_id, "--input-file", str(tmp_path))
    assert_usage(r, f"--input-file {tmp_path}: the file is a directory")
    assert "JSON" not in r.stderr
    assert_not_started(twctl, unique_id)


def test_an_empty_variable_means_unset(twctl):
    r = twctl("workflow", "count", "-o", "json", env={"TEMPORAL_NAMESPACE": "", "TEMPORAL_PROFILE": "", "TEMPORAL_API_KEY": ""})
    assert r.returncode == 0, r.stderr
    s = twctl("settings", "-o", "json", env={"TEMPORAL_NAMESPACE": ""})
    assert json.loads(s.stdout)["settings"]["namespace"] == {"value": "default", "source": "default", "origin": "default"}


def test_command_timeout_zero_means_no_bound(twctl):
    r = twctl("workflow", "count", "--command-timeout", "0s", "-o", "json")
    assert r.returncode == 0, r.stderr
    assert isinstance(json.loads(r.stdout), dict)


def test_settings_summarise_pem_and_mask_codec_credentials(twctl):
    r = twctl("settings", "--tls-cert-data", CERT + CERT, "--tls-ca-data", CERT,
              "--codec-endpoint", "http://ann:pa55word-e2e@codec.local:8080/x")
    assert r.returncode == 0, r.stderr
    assert "(PEM, 2 certificates)" in r.stdout
    assert "(PEM, 1 certificate)" in r.stdout
    assert "BEGIN" not in r.stdout and "MIIB" not in r.stdout
    assert "http://********@codec.local:8080/x" in r.stdout
    assert "pa55word-e2e" not in r.stdout + r.stderr


def test_codec_url_credentials_are_masked_in_errors(twctl, unique_id):
    r = twctl(*start_args(unique_id, "--codec-endpoint", "http://ann:pa55word-e2e@127.0.0.1:9/x", "-o", "json"))
    assert r.returncode == 6, r.stderr
    assert "pa55word-e2e" not in r.stderr
    assert "http://********@127.0.0.1:9/x" in r.stderr


def test_a_cron_start_is_accepted(twctl, unique_id):
    r = twctl("workflow", "start", "--type", "Echo", "-t", "edge-tasks", "-w", unique_id, "-i", '"x"',
              "--cron", "0 0 1 1 *", "-o", "json")
    assert r.returncode == 0, r.stderr
    assert "StartDelay" not in r.stderr
    assert json.loads(r.stdout)["started"] is True
    t = twctl("workflow", "terminate", "-w", unique_id, "--reason", "test done")
    assert t.returncode == 0, t.stderr


def test_reject_duplicate_on_a_closed_run_is_not_called_running(twctl, unique_id):
    first = twctl(*start_args(unique_id))
    assert first.returncode == 0, first.stderr
    done = twctl("workflow", "result", "-w", unique_id)
    assert done.returncode == 0, done.stderr
    r = twctl(*start_args(unique_id, "--id-reuse-policy", "RejectDuplicate"))
    assert r.returncode == 5, r.stderr
    assert "already ran" in r.stderr and "closed" in r.stderr
    assert "already running" not in r.stderr
    assert "UseExisting" not in r.stderr


def test_query_syntax_errors_count_positions_in_the_query_as_typed(twctl):
    query = "WorkflowType = 'x' AND AND y"
    r = twctl("workflow", "list", "-q", query)
    assert r.returncode == 9, r.stderr
    assert "syntax error at character " in r.stderr
    position = int(r.stderr.split("syntax error at character ")[1].split()[0])
    assert 1 <= position <= len(query) + 1  # the server's own count starts 27 characters earlier
