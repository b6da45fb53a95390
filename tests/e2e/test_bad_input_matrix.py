"""The bad-input matrix: every command group (workflow, activity, schedule, batch, operator, task-queue, worker,
worker deployment, settings/config) and every input channel (flag, environment variable, temporal.toml profile,
file named by a flag, standard input). Each case asserts the class's exit code (2, usage, unless the case says
otherwise), one error line on stderr naming the culprit (flag, variable, key or file), nothing on stdout, and
that nothing reached the cluster: the workflow and the schedule named by the case's unique ID do not exist
afterwards (a command that acts on an existing one would have answered not found, exit 4, had it been sent).

Placeholders in a case's words: {id} is the case's unique ID, {tmp} its own temporary folder (files a case
names are written there first), {long} 1001 bytes (over the server's limit.maxIDLength), {bad} a byte that is
not UTF-8.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import pytest

CERT = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ2Vy\ndA==\n-----END CERTIFICATE-----\n"
KEY = CERT.replace("CERTIFICATE", "PRIVATE KEY")
LONG = "a" * 1001
BAD = "\udcff"  # the byte 0xff once encoded for the child (surrogateescape): not UTF-8


@dataclass
class Case:
    args: list
    culprit: str  # what the first stderr line must name
    env: Optional[dict] = None
    toml: Optional[str] = None  # the default temporal.toml (XDG_CONFIG_HOME) during the run
    files: dict = field(default_factory=dict)  # name in {tmp} → text
    stdin: Optional[str] = None
    code: int = 2


def sub(value, uid, tmp):
    return value.replace("{id}", uid).replace("{tmp}", str(tmp)).replace("{long}", LONG).replace("{bad}", BAD)


START = ["workflow", "start", "--type", "Echo", "-t", "edge-tasks", "-w", "{id}"]
EXECUTE = ["workflow", "execute", "--type", "Echo", "-t", "edge-tasks", "-w", "{id}"]
SWS = ["workflow", "signal-with-start", "--type", "Echo", "-t", "edge-tasks", "-w", "{id}", "--signal-name", "s"]
SCHEDULE = ["schedule", "create", "-s", "{id}", "--interval", "1h", "--type", "Echo", "-t", "edge-tasks",
            "-w", "{id}"]
ACTIVITY = ["activity", "complete", "-w", "{id}", "-a", "1", "--result", '"x"']

CASES: dict[str, Case] = {}


def add(group, channel, name, case):
    CASES[f"{group}-{channel}-{name}"] = case


# ---- workflow: flags -------------------------------------------------------------------------------------
# The workflow ID of every command that names one: empty, not UTF-8, over the limit.
WORKFLOW_ID_COMMANDS = {
    "describe": ["workflow", "describe"],
    "result": ["workflow", "result"],
    "show": ["workflow", "show"],
    "signal": ["workflow", "signal", "--name", "s"],
    "query": ["workflow", "query", "--name", "q"],
    "cancel": ["workflow", "cancel"],
    "terminate": ["workflow", "terminate", "--reason", "r"],
    "delete": ["workflow", "delete"],
    "update-execute": ["workflow", "update", "execute", "--name", "u"],
    "pause": ["workflow", "pause", "--reason", "r"],
    "trace": ["workflow", "trace"],
    "reset": ["workflow", "reset", "-e", "3", "--reason", "r"],
}
for cmd, words in WORKFLOW_ID_COMMANDS.items():
    add("workflow", "flag", f"{cmd}-empty-id", Case([*words, "-w", ""], "--workflow-id"))
    add("workflow", "flag", f"{cmd}-long-id", Case([*words, "-w", "{long}"], "--workflow-id"))
for cmd in ("describe", "signal", "cancel", "terminate", "update-execute", "reset"):
    add("workflow", "flag", f"{cmd}-non-utf8-id", Case([*WORKFLOW_ID_COMMANDS[cmd], "-w", "x{bad}"], "workflow_id"))

for name, (extra, culprit) in {
    "empty-type": (["--type", ""], "--type"),
    "bad-priority-key": (["--priority-key", "p{bad}"], "--priority-key"),
    "long-task-queue": (["-t", "{long}"], "--task-queue"),
    "non-utf8-fairness-key": (["--fairness-key", "f{bad}"], "fairness_key"),
    "bad-json-input": (["-i", "{"], "--input"),
    "input-and-file": (["-i", "1", "--input-file", "{tmp}/in.json"], "--input"),
    "bad-base64": (["-i", "!!", "--input-base64"], "--input"),
    "meta-no-equals": (["-i", "1", "--input-meta", "encoding"], "--input-meta"),
    "memo-no-equals": (["--memo", "note"], "--memo"),
    "memo-bad-json": (["--memo", "note={"], "--memo"),
    "search-attribute-bad-json": (["--search-attribute", "CustomKeywordField=x y"], "--search-attribute"),
    "bad-execution-timeout": (["--execution-timeout", "5 minutes"], "--execution-timeout"),
    "negative-run-timeout": (["--run-timeout", "-1s"], "--run-timeout"),
    "overflow-task-timeout": (["--task-timeout", "99999999999999999h"], "--task-timeout"),
    "bad-start-delay": (["--start-delay", "soon"], "--start-delay"),
    "unknown-reuse-policy": (["--id-reuse-policy", "Sometimes"], "--id-reuse-policy"),
    "unknown-conflict-policy": (["--id-conflict-policy", "Whatever"], "--id-conflict-policy"),
    "cron-and-delay": (["--cron", "* * * * *", "--start-delay", "1m"], "--cron"),
    "bad-fairness-weight": (["--fairness-weight", "heavy"], "--fairness-weight"),
    "unknown-flag": (["--workflowid", "x"], "--workflowid"),
    "empty-identity": (["--identity", ""], "--identity"),
    "bad-command-timeout": (["--command-timeout", "1x"], "--command-timeout"),
}.items():
    add("workflow", "flag", f"start-{name}", Case([*START, *extra], culprit))

for name, (extra, culprit) in {
    "bad-json-input": (["-i", "[1,"], "--input"),
    "unknown-reuse-policy": (["--id-reuse-policy", "Never"], "--id-reuse-policy"),
    "empty-task-queue": (["-t", ""], "--task-queue"),
}.items():
    add("workflow", "flag", f"execute-{name}", Case([*EXECUTE, *extra], culprit))
for name, (extra, culprit) in {
    "bad-signal-input": (["--signal-input", "{"], "--signal-input"),
    "empty-signal-name": (["--signal-name", ""], "--signal-name"),
    "bad-memo": (["--memo", "x"], "--memo"),
}.items():
    add("workflow", "flag", f"signal-with-start-{name}", Case([*SWS, *extra], culprit))

for name, (args, culprit) in {
    "signal-bad-input": (["workflow", "signal", "-w", "{id}", "--name", "s", "-i", "nope"], "--input"),
    "signal-empty-name": (["workflow", "signal", "-w", "{id}", "--name", ""], "--name"),
    "query-bad-input": (["workflow", "query", "-w", "{id}", "--name", "q", "-i", "{"], "--input"),
    "query-unknown-reject": (["workflow", "query", "-w", "{id}", "--name", "q", "--reject-condition", "Maybe"],
                             "--reject-condition"),
    "update-bad-input": (["workflow", "update", "execute", "-w", "{id}", "--name", "u", "-i", "{"], "--input"),
    "update-empty-id": (["workflow", "update", "result", "-w", "{id}", "--update-id", ""], "--update-id"),
    "update-unknown-stage": (["workflow", "update", "start", "-w", "{id}", "--name", "u", "--wait-for-stage", "x"],
                             "--wait-for-stage"),
    "reset-event-zero": (["workflow", "reset", "-w", "{id}", "-e", "0", "--reason", "r"], "--event-id"),
    "reset-unknown-type": (["workflow", "reset", "-w", "{id}", "-t", "Middle", "--reason", "r"], "--type"),
    "reset-empty-reason": (["workflow", "reset", "-w", "{id}", "-e", "3", "--reason", ""], "--reason"),
    "terminate-non-utf8-reason": (["workflow", "terminate", "-w", "{id}", "--reason", "r{bad}"], "reason"),
    "cancel-id-and-query": (["workflow", "cancel", "-w", "{id}", "-q", "WorkflowId='{id}'"], "-q"),
    "list-bad-limit": (["workflow", "list", "--limit", "ten"], "--limit"),
    "list-empty-query": (["workflow", "list", "-q", ""], "--query"),
    "count-non-utf8-query": (["workflow", "count", "-q", "WorkflowId='{bad}'"], "query"),
    "show-bad-limit": (["workflow", "show", "-w", "{id}", "--limit", "-3"], "--limit"),
    "trace-bad-depth": (["workflow", "trace", "-w", "{id}", "--depth", "deep"], "--depth"),
    "wait-bad-timeout": (["workflow", "wait", "-w", "{id}", "--for", "completed", "--timeout", "forever"],
                         "--timeout"),
    "start-non-utf8-type": (["workflow", "start", "--type", "E{bad}", "-t", "edge-tasks", "-w", "{id}"],
                            "workflow_type.name"),
    "start-non-utf8-task-queue": (["workflow", "start", "--type", "Echo", "-t", "q{bad}", "-w", "{id}"],
                                  "task_queue.name"),
    "update-options-unknown-behavior": (["workflow", "update-options", "-w", "{id}",
                                         "--versioning-override-behavior", "sometimes"],
                                        "--versioning-override-behavior"),
    "describe-typo-flag": (["workflow", "describe", "--workfow-id", "{id}"], "--workfow-id"),
    "unknown-output": (["workflow", "describe", "-w", "{id}", "-o", "yaml"], "--output"),
    "unknown-time-format": (["workflow", "list", "--time-format", "epoch"], "--time-format"),
}.items():
    add("workflow", "flag", name, Case(args, culprit))

# ---- workflow: files named by flags, and standard input ----------------------------------------------------
for name, (args, files, culprit) in {
    "start-missing-input-file": ([*START, "--input-file", "{tmp}/missing.json"], {}, "{tmp}/missing.json"),
    "start-input-file-is-dir": ([*START, "--input-file", "{tmp}"], {}, "{tmp}"),
    "start-input-file-not-json": ([*START, "--input-file", "{tmp}/in.txt"], {"in.txt": "hello\n"}, "{tmp}/in.txt"),
    "start-second-input-file-bad": ([*START, "--input-file", "{tmp}/a.json", "--input-file", "{tmp}/b.json"],
                                    {"a.json": "1", "b.json": "{"}, "{tmp}/b.json"),
    "execute-input-file-not-json": ([*EXECUTE, "--input-file", "{tmp}/in.txt"], {"in.txt": "{'a': 1}"},
                                    "{tmp}/in.txt"),
    "signal-input-file-not-json": (["workflow", "signal", "-w", "{id}", "--name", "s", "--input-file",
                                    "{tmp}/in.txt"], {"in.txt": "x"}, "{tmp}/in.txt"),
    "query-missing-input-file": (["workflow", "query", "-w", "{id}", "--name", "q", "--input-file",
                                  "{tmp}/none.json"], {}, "{tmp}/none.json"),
    "update-input-file-is-dir": (["workflow", "update", "execute", "-w", "{id}", "--name", "u", "--input-file",
                                  "{tmp}"], {}, "{tmp}"),
    "sws-signal-input-file-not-json": ([*SWS, "--signal-input-file", "{tmp}/s.txt"], {"s.txt": "nope"},
                                       "{tmp}/s.txt"),
    "start-tls-ca-path-dir": ([*START, "--tls-ca-path", "{tmp}"], {}, "--tls-ca-path"),
    "start-tls-cert-path-not-pem": ([*START, "--tls-cert-path", "{tmp}/c.pem"], {"c.pem": "not pem\n"},
                                    "--tls-cert-path"),
    "start-tls-key-path-missing": ([*START, "--tls-key-path", "{tmp}/k.pem", "--tls-cert-data", CERT], {},
                                   "--tls-key-path"),
    "start-tls-key-path-holds-cert": ([*START, "--tls-key-path", "{tmp}/k.pem", "--tls-cert-data", CERT],
                                      {"k.pem": CERT}, "--tls-key-path"),
    "start-config-file-missing": ([*START, "--config-file", "{tmp}/nope.toml"], {}, "{tmp}/nope.toml"),
    "start-config-file-not-toml": ([*START, "--config-file", "{tmp}/t.toml"], {"t.toml": "[profile.default\n"},
                                   "{tmp}/t.toml"),
    "start-config-file-bad-address": ([*START, "--config-file", "{tmp}/t.toml"],
                                      {"t.toml": '[profile.default]\naddress = "host:abc"\n'}, "key address"),
}.items():
    add("workflow", "file", name, Case(args, culprit, files=files))

for name, (args, stdin, culprit) in {
    "start-stdin-not-json": ([*START, "--input-file", "-"], "not json", "--input-file -"),
    "start-stdin-twice": ([*START, "--input-file", "-", "--input-file", "-"], "1", "--input-file -"),
    "execute-stdin-truncated": ([*EXECUTE, "--input-file", "-"], '{"a": [1, 2', "--input-file -"),
    "signal-stdin-not-json": (["workflow", "signal", "-w", "{id}", "--name", "s", "--input-file", "-"], "x",
                              "--input-file -"),
    "query-stdin-empty": (["workflow", "query", "-w", "{id}", "--name", "q", "--input-file", "-"], "",
                          "--input-file -"),
    "update-stdin-not-json": (["workflow", "update", "execute", "-w", "{id}", "--name", "u", "--input-file", "-"],
                              "{", "--input-file -"),
    "sws-stdin-not-json": ([*SWS, "--signal-input-file", "-"], "nope", "--signal-input-file -"),
    "start-stdin-not-base64": ([*START, "--input-file", "-", "--input-base64"], "!!!", "--input-file -"),
}.items():
    add("workflow", "stdin", name, Case(args, culprit, stdin=stdin))

# ---- the connection settings: environment variables and profiles, each on another command group -----------
ENV_CASES = {
    "address-url": ({"TEMPORAL_ADDRESS": "http://localhost:7233"}, START),
    "address-port-word": ({"TEMPORAL_ADDRESS": "localhost:abc"}, SCHEDULE),
    "address-port-range": ({"TEMPORAL_ADDRESS": "localhost:99999"}, ["batch", "list"]),
    "address-ipv6-open": ({"TEMPORAL_ADDRESS": "[::1:7233"}, ["operator", "namespace", "list"]),
    "address-space": ({"TEMPORAL_ADDRESS": "local host:7233"}, ["task-queue", "describe", "-t", "q"]),
    "address-no-port": ({"TEMPORAL_ADDRESS": "localhost"}, ["worker", "list"]),
    "namespace-newline": ({"TEMPORAL_NAMESPACE": "default\n"}, START),
    "namespace-non-utf8": ({"TEMPORAL_NAMESPACE": "d{bad}"}, ["schedule", "list"]),
    "namespace-long": ({"TEMPORAL_NAMESPACE": "{long}"}, ["worker", "deployment", "list"]),
    "api-key-control": ({"TEMPORAL_API_KEY": "key\x01"}, ACTIVITY),
    "api-key-non-ascii": ({"TEMPORAL_API_KEY": "kéy"}, ["operator", "search-attribute", "list"]),
    "api-key-two-newlines": ({"TEMPORAL_API_KEY": "key\n\n"}, ["batch", "list"]),
    "grpc-meta-newline": ({"TEMPORAL_GRPC_META_TEAM": "a\nb"}, START),
    "grpc-meta-non-ascii": ({"TEMPORAL_GRPC_META_TEAM": "zürich"}, ["task-queue", "list-partition", "-t", "q"]),
    "tls-server-name-long": ({"TEMPORAL_TLS_SERVER_NAME": "h" * 300}, ["worker", "count"]),
    "tls-bad-bool": ({"TEMPORAL_TLS": "maybe"}, START),
    "tls-ca-data-not-pem": ({"TEMPORAL_TLS_SERVER_CA_CERT_DATA": "hello"}, ["schedule", "list"]),
    "tls-key-data-holds-cert": ({"TEMPORAL_TLS_CLIENT_KEY_DATA": CERT, "TEMPORAL_TLS_CLIENT_CERT_DATA": CERT},
                                ["operator", "cluster", "health"]),
    "tls-ca-path-missing": ({"TEMPORAL_TLS_CA": "{tmp}/none.pem"}, ["worker", "deployment", "list"]),
    "codec-not-url": ({"TEMPORAL_CODEC_ENDPOINT": "codec.local:8080"}, ["workflow", "describe", "-w", "{id}"]),
    "codec-auth-newline": ({"TEMPORAL_CODEC_ENDPOINT": "http://127.0.0.1:9", "TEMPORAL_CODEC_AUTH": "a\nb"},
                           START),
    "retry-window-bad": ({"TWCTL_RETRY_WINDOW": "a while"}, ["workflow", "list"]),
    "profile-missing": ({"TEMPORAL_PROFILE": "nowhere"}, ACTIVITY),
    "config-file-missing": ({"TEMPORAL_CONFIG_FILE": "{tmp}/none.toml"}, SCHEDULE),
}
for name, (env, args) in ENV_CASES.items():
    culprit = next(iter(env)) if "CLIENT_CERT" not in "".join(env) else "TEMPORAL_TLS_CLIENT_KEY_DATA"
    if name == "codec-auth-newline":
        culprit = "TEMPORAL_CODEC_AUTH"
    group = args[0] if args[0] != "worker" or args[1] != "deployment" else "deployment"
    add(group, "env", name, Case(args, culprit, env=env))

PROFILE_CASES = {
    "address-int": ("address = 5", START, "key address"),
    "address-url": ('address = "https://h:7233"', ["schedule", "list"], "key address"),
    "namespace-empty": ('namespace = ""', ["batch", "list"], "key namespace"),
    "namespace-tab": ('namespace = "a\\tb"', ["operator", "namespace", "describe"], "key namespace"),
    "api-key-bool": ("api_key = true", ["task-queue", "describe", "-t", "q"], "key api_key"),
    "api-key-newline-inside": ('api_key = "a\\nb"', ["worker", "list"], "key api_key"),
    "authority-non-ascii": ('authority = "hôte"', ACTIVITY, "key authority"),
    "tls-disabled-string": ('[profile.default.tls]\ndisabled = "yes"', START, "key tls.disabled"),
    "tls-ca-data-not-pem": ('[profile.default.tls]\nserver_ca_cert_data = "hello"', SCHEDULE,
                            "key tls.server_ca_cert_data"),
    "tls-cert-path-dir": ('[profile.default.tls]\nclient_cert_path = "{tmp}"', ["worker", "deployment", "list"],
                          "key tls.client_cert_path"),
    "tls-server-name-array": ('[profile.default.tls]\nserver_name = ["a"]', ["worker", "count"],
                              "key tls.server_name"),
    "codec-endpoint-ftp": ('[profile.default.codec]\nendpoint = "ftp://codec"', ["workflow", "list"],
                           "key codec.endpoint"),
    "grpc-meta-bad-key": ('[profile.default.grpc_meta]\n"bad key" = "v"', ["operator", "search-attribute", "list"],
                          "bad key"),
    "grpc-meta-int": ("[profile.default.grpc_meta]\nteam = 3", ["batch", "list"], "grpc_meta"),
    "retry-window-bad": ('retry_window = "often"', ["workflow", "count"], "retry_window"),
    "not-toml": (None, ["task-queue", "list-partition", "-t", "q"], "temporal.toml"),
}
for name, (body, args, culprit) in PROFILE_CASES.items():
    toml = "address = = 1\n" if body is None else f"[profile.default]\n{body}\n"
    if body is not None and body.startswith("[profile.default."):
        toml = body + "\n"
    group = args[0] if args[0] != "worker" or args[1] != "deployment" else "deployment"
    add(group, "profile", name, Case(args, culprit, toml=toml))
add("workflow", "profile", "profile-flag-missing",
    Case([*START, "--profile", "nowhere"], "--profile", toml='[profile.default]\naddress = "localhost:7233"\n'))

# ---- connection flags, each on another command group -------------------------------------------------------
for name, (extra, args, culprit) in {
    "address-url": (["--address", "http://h:7233"], ["schedule", "list"], "--address"),
    "address-ipv6-bare": (["--address", "::1:7233"], ["batch", "list"], "--address"),
    "address-empty": (["--address", ""], ["worker", "list"], "--address"),
    "namespace-non-utf8": (["-n", "n{bad}"], ["task-queue", "describe", "-t", "q"], "--namespace"),
    "namespace-equals-empty": (["-n="], ["workflow", "count"], "--namespace"),
    "api-key-control": (["--api-key", "k\x1b"], ["operator", "namespace", "list"], "--api-key"),
    "grpc-meta-colon": (["--grpc-meta", "authorization:Bearer s3cr3t-matrix"], ACTIVITY, "--grpc-meta"),
    "grpc-meta-upper-grpc": (["--grpc-meta", "grpc-x=1"], ["worker", "deployment", "list"], "--grpc-meta"),
    "grpc-meta-newline": (["--grpc-meta", "x=a\nb"], SCHEDULE, "--grpc-meta"),
    "tls-server-name-long": (["--tls-server-name", "h" * 256], ["workflow", "list"], "--tls-server-name"),
    "tls-cert-data-key": (["--tls-cert-data", KEY], ["operator", "cluster", "system"], "--tls-cert-data"),
    "tls-bool": (["--tls=perhaps"], ["worker", "count"], "--tls"),
    "codec-endpoint-no-scheme": (["--codec-endpoint", "codec:8080"], START, "--codec-endpoint"),
    "codec-header-no-equals": (["--codec-endpoint", "http://127.0.0.1:9", "--codec-header", "x"], START,
                               "--codec-header"),
    "connect-timeout-bad": (["--client-connect-timeout", "10"], ["batch", "list"], "--client-connect-timeout"),
    "retry-window-overflow": (["--retry-window", "99999999999999999h"], ["schedule", "list"], "--retry-window"),
    "command-timeout-negative": (["--command-timeout", "-5s"], ["task-queue", "list-partition", "-t", "q"],
                                 "--command-timeout"),
}.items():
    group = args[0] if args[0] != "worker" or args[1] != "deployment" else "deployment"
    add(group, "flag", name, Case([*args, *extra], culprit))

# ---- schedule ----------------------------------------------------------------------------------------------
for name, (args, culprit) in {
    "create-bad-cron": ([*SCHEDULE, "--cron", "61 * * * *"], "--cron"),
    "create-cron-fields": ([*SCHEDULE, "--cron", "* * *"], "--cron"),
    "create-bad-interval": ([*SCHEDULE, "--interval", "often"], "--interval"),
    "create-calendar-not-json": ([*SCHEDULE, "--calendar", "{hour: 1}"], "--calendar"),
    "create-calendar-unknown-key": ([*SCHEDULE, "--calendar", '{"hours": "1"}'], "--calendar"),
    "create-unknown-zone": ([*SCHEDULE, "--time-zone", "Mars/Olympus"], "--time-zone"),
    "create-end-before-start": ([*SCHEDULE, "--start-time", "2030-01-02T00:00:00Z", "--end-time",
                                 "2030-01-01T00:00:00Z"], "--end-time"),
    "create-bad-start-time": ([*SCHEDULE, "--start-time", "tomorrow"], "--start-time"),
    "create-unknown-overlap": ([*SCHEDULE, "--overlap-policy", "Sometimes"], "--overlap-policy"),
    "create-bad-jitter": ([*SCHEDULE, "--jitter", "1 min"], "--jitter"),
    "create-bad-catchup": ([*SCHEDULE, "--catchup-window", "x"], "--catchup-window"),
    "create-negative-actions": ([*SCHEDULE, "--remaining-actions", "-1"], "--remaining-actions"),
    "create-empty-id": (["schedule", "create", "-s", "", "--interval", "1h", "--type", "Echo", "-t", "edge-tasks"],
                        "--schedule-id"),
    "create-long-id": (["schedule", "create", "-s", "{long}", "--interval", "1h", "--type", "Echo", "-t",
                        "edge-tasks"], "--schedule-id"),
    "create-bad-input": ([*SCHEDULE, "-i", "{"], "--input"),
    "create-bad-schedule-memo": ([*SCHEDULE, "--schedule-memo", "m"], "--schedule-memo"),
    "create-bad-execution-timeout": ([*SCHEDULE, "--execution-timeout", "1y"], "--execution-timeout"),
    "update-no-type": (["schedule", "update", "-s", "{id}", "--interval", "1h", "-t", "edge-tasks"], "--type"),
    "toggle-both": (["schedule", "toggle", "-s", "{id}", "--pause", "--unpause", "--reason", "r"], "--pause"),
    "backfill-bad-end": (["schedule", "backfill", "-s", "{id}", "--start-time", "now-1d", "--end-time", "later"],
                         "--end-time"),
    "matching-times-bad-start": (["schedule", "list-matching-times", "-s", "{id}", "--start-time", "x",
                                  "--end-time", "+1d"], "--start-time"),
    "trigger-empty-id": (["schedule", "trigger", "-s", ""], "--schedule-id"),
    "delete-non-utf8-id": (["schedule", "delete", "-s", "s{bad}"], "schedule_id"),
    "describe-unknown-flag": (["schedule", "describe", "--schedule", "{id}"], "--schedule"),
    "list-empty-query": (["schedule", "list", "-q", ""], "--query"),
}.items():
    add("schedule", "flag", name, Case(args, culprit))
add("schedule", "stdin", "create-stdin-not-json", Case([*SCHEDULE, "--input-file", "-"], "--input-file -", stdin="{"))
add("schedule", "file", "create-input-file-dir", Case([*SCHEDULE, "--input-file", "{tmp}"], "{tmp}"))

# ---- batch -------------------------------------------------------------------------------------------------
for name, (args, culprit) in {
    "describe-empty-job": (["batch", "describe", "--job-id", ""], "--job-id"),
    "describe-long-job": (["batch", "describe", "--job-id", "{long}"], "--job-id"),
    "terminate-empty-reason": (["batch", "terminate", "--job-id", "{id}", "--reason", ""], "--reason"),
    "list-bad-limit": (["batch", "list", "--limit", "many"], "--limit"),
    "signal-query-no-yes": (["workflow", "signal", "-q", "WorkflowId='{id}'", "--name", "s"], "--yes"),
    "terminate-bad-rps": (["workflow", "terminate", "-q", "WorkflowId='{id}'", "--reason", "r", "--rps", "fast",
                           "-y"], "--rps"),
    "cancel-query-syntax": (["workflow", "cancel", "-q", "WorkflowId = = '{id}'", "-y"], "-q"),
}.items():
    add("batch", "flag", name, Case(args, culprit, code=9 if name == "cancel-query-syntax" else 2))

# ---- operator ----------------------------------------------------------------------------------------------
for name, (args, culprit) in {
    "namespace-create-no-name": (["operator", "namespace", "create"], "namespace"),
    "namespace-create-bad-retention": (["operator", "namespace", "create", "{id}", "--retention", "3 days"],
                                       "--retention"),
    "namespace-create-bad-data": (["operator", "namespace", "create", "{id}", "--data", "k"], "--data"),
    "namespace-create-archival": (["operator", "namespace", "create", "{id}", "--history-archival-state", "on"],
                                  "--history-archival-state"),
    "namespace-describe-empty": (["operator", "namespace", "describe", ""], "name"),
    "namespace-delete-no-yes": (["operator", "namespace", "delete", "{id}"], "--yes"),
    "namespace-update-failover-and-more": (["operator", "namespace", "update", "{id}", "--active-cluster", "a",
                                            "--description", "d"], "--active-cluster"),
    "search-attribute-create-bad-type": (["operator", "search-attribute", "create", "--name", "X{id}", "--type",
                                          "Color"], "--type"),
    "search-attribute-create-empty-name": (["operator", "search-attribute", "create", "--name", "", "--type",
                                            "Keyword"], "--name"),
    "nexus-create-empty-name": (["operator", "nexus", "endpoint", "create", "--name", "", "--target-url",
                                 "http://x"], "--name"),
    "nexus-create-target-not-url": (["operator", "nexus", "endpoint", "create", "--name", "e{id}",
                                     "--target-url", "x y"], "--target-url"),
    "nexus-update-nothing": (["operator", "nexus", "endpoint", "update", "--name", "e{id}"], "--description"),
    "cluster-health-bad-wait": (["operator", "cluster", "health", "--wait", "a bit"], "--wait"),
    "cluster-list-bad-limit": (["operator", "cluster", "list", "--limit", "x"], "--limit"),
}.items():
    add("operator", "flag", name, Case(args, culprit))
add("operator", "file", "nexus-description-file-missing",
    Case(["operator", "nexus", "endpoint", "create", "--name", "e{id}", "--target-url", "http://x",
          "--description-file", "{tmp}/none.md"], "{tmp}/none.md"))
add("operator", "file", "nexus-description-file-dir",
    Case(["operator", "nexus", "endpoint", "create", "--name", "e{id}", "--target-url", "http://x",
          "--description-file", "{tmp}"], "{tmp}"))

# ---- task-queue --------------------------------------------------------------------------------------------
for name, (args, culprit) in {
    "describe-empty": (["task-queue", "describe", "-t", ""], "--task-queue"),
    "describe-long": (["task-queue", "describe", "-t", "{long}"], "--task-queue"),
    "describe-unknown-type": (["task-queue", "describe", "-t", "q", "--task-queue-type", "Nexus2"],
                              "--task-queue-type"),
    "describe-bad-wait": (["task-queue", "describe", "-t", "q", "--require-pollers", "--wait", "x"], "--wait"),
    "describe-legacy-only-flag": (["task-queue", "describe", "-t", "q", "--partitions-legacy", "2"],
                                  "--partitions-legacy"),
    "config-set-negative-rps": (["task-queue", "config", "set", "-t", "q", "--task-queue-type", "Activity",
                                 "--queue-rps-limit", "-1"], "--queue-rps-limit"),
    "config-set-reason-alone": (["task-queue", "config", "set", "-t", "q", "--task-queue-type", "Activity",
                                 "--queue-rps-limit-reason", "r"], "--queue-rps-limit-reason"),
    "config-get-no-type": (["task-queue", "config", "get", "-t", "q"], "--task-queue-type"),
    "list-partition-non-utf8": (["task-queue", "list-partition", "-t", "q{bad}"], "task_queue"),
}.items():
    add("task-queue", "flag", name, Case(args, culprit))

# ---- worker and worker deployment --------------------------------------------------------------------------
for name, (args, culprit) in {
    "list-bad-limit": (["worker", "list", "--limit", "lots"], "--limit"),
    "list-empty-query": (["worker", "list", "-q", ""], "--query"),
    "describe-empty-key": (["worker", "describe", "--worker-instance-key", ""], "--worker-instance-key"),
    "count-non-utf8-query": (["worker", "count", "-q", "x{bad}"], "query"),
}.items():
    add("worker", "flag", name, Case(args, culprit))
for name, (args, culprit) in {
    "describe-empty-name": (["worker", "deployment", "describe", "--name", ""], "--name"),
    "describe-version-empty-build": (["worker", "deployment", "describe-version", "--deployment-name", "d",
                                      "--build-id", ""], "--build-id"),
    "ramping-over-100": (["worker", "deployment", "set-ramping-version", "--deployment-name", "d", "--build-id",
                          "b", "--percentage", "150", "-y"], "--percentage"),
    "ramping-not-number": (["worker", "deployment", "set-ramping-version", "--deployment-name", "d",
                            "--build-id", "b", "--percentage", "half", "-y"], "--percentage"),
    "set-current-no-build": (["worker", "deployment", "set-current-version", "--deployment-name", "d", "-y"],
                             "--build-id"),
    "delete-long-name": (["worker", "deployment", "delete", "--name", "{long}"], "--name"),
}.items():
    add("deployment", "flag", name, Case(args, culprit))

# ---- activity ----------------------------------------------------------------------------------------------
for name, (args, culprit) in {
    "complete-bad-result": (["activity", "complete", "-w", "{id}", "-a", "1", "--result", "{"], "--result"),
    "complete-empty-activity": (["activity", "complete", "-w", "{id}", "-a", "", "--result", "1"],
                                "--activity-id"),
    "fail-bad-detail": (["activity", "fail", "-w", "{id}", "-a", "1", "--detail", "{"], "--detail"),
    "pause-empty-workflow": (["activity", "pause", "-w", "", "-a", "1"], "--workflow-id"),
    "unpause-bad-jitter": (["activity", "unpause", "-w", "{id}", "-a", "1", "--jitter", "some"], "--jitter"),
    "reset-bad-jitter": (["activity", "reset", "-w", "{id}", "-a", "1", "--jitter", "-1s"], "--jitter"),
    "update-options-bad-timeout": (["activity", "update-options", "-w", "{id}", "-a", "1",
                                    "--start-to-close-timeout", "1 h"], "--start-to-close-timeout"),
    "update-options-bad-coefficient": (["activity", "update-options", "-w", "{id}", "-a", "1",
                                        "--retry-backoff-coefficient", "double"], "--retry-backoff-coefficient"),
    "update-options-negative-attempts": (["activity", "update-options", "-w", "{id}", "-a", "1",
                                          "--retry-maximum-attempts", "-2"], "--retry-maximum-attempts"),
    "complete-non-utf8-activity": (["activity", "complete", "-w", "{id}", "-a", "a{bad}", "--result", "1"],
                                   "activity_id"),
}.items():
    add("activity", "flag", name, Case(args, culprit))

# ---- settings and config (local: nothing to send; the file must stay as it was) ----------------------------
for name, (args, culprit) in {
    "set-unknown-prop": (["config", "set", "--prop", "adress", "--value", "h:1"], "adress"),
    "set-bad-bool": (["config", "set", "--prop", "tls.disabled", "--value", "maybe"], "tls.disabled"),
    "set-empty-value": (["config", "set", "--prop", "address", "--value", ""], "--value"),
    "delete-unknown-prop": (["config", "delete", "--prop", "nope"], "nope"),
    "get-unknown-prop": (["config", "get", "--prop", "nope"], "nope"),
    "set-empty-profile": (["config", "set", "--profile", "", "--prop", "address", "--value", "h:1"], "--profile"),
    "settings-unknown-output": (["settings", "-o", "xml"], "--output"),
}.items():
    add("config", "flag", name, Case(args, culprit))
add("config", "file", "set-config-file-dir",
    Case(["config", "set", "--config-file", "{tmp}", "--prop", "address", "--value", "h:1"], "{tmp}"))
add("config", "profile", "get-broken-file",
    Case(["config", "get"], "temporal.toml", toml="[profile.default\n"))


def test_the_matrix_is_wide():
    """At least 150 cases, over every command group and every input channel."""
    assert len(CASES) >= 150, len(CASES)
    groups = {k.split("-")[0] for k in CASES} | {"task-queue" for k in CASES if k.startswith("task-queue")}
    assert {"workflow", "activity", "schedule", "batch", "operator", "task", "worker", "deployment",
            "config"} <= groups, groups
    channels = {c for k in CASES for c in ("flag", "env", "profile", "file", "stdin") if f"-{c}-" in k}
    assert channels == {"flag", "env", "profile", "file", "stdin"}


def toml_path(tmp_path):
    return tmp_path / "xdg-config" / "temporalio" / "temporal.toml"


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input(twctl, unique_id, tmp_path, name):
    case = CASES[name]
    uid = unique_id
    for fname, text in case.files.items():
        (tmp_path / fname).write_text(text)
    path = toml_path(tmp_path)
    if case.toml is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(sub(case.toml, uid, tmp_path))
    before = path.read_bytes() if path.exists() else None
    env = {k: sub(v, uid, tmp_path) for k, v in (case.env or {}).items()}
    args = [sub(a, uid, tmp_path) for a in case.args]
    # The address under test comes from the case: the rig's is not added over it.
    own_address = ("TEMPORAL_ADDRESS" in env or "--address" in args
                   or any("address =" in text for text in [case.toml or "", *case.files.values()]))
    r = twctl(*args, env=env or None, input=case.stdin, **({"address": None} if own_address else {}))
    assert r.returncode == case.code, (r.returncode, r.stderr)
    assert r.stdout == ""
    lines = r.stderr.splitlines()
    assert lines and lines[0].startswith("Error: "), r.stderr
    assert sub(case.culprit, uid, tmp_path) in lines[0], r.stderr
    # One error line; a parse error adds only the pointer to --help.
    assert all(line.startswith("Run 'twctl ") for line in lines[1:]), r.stderr
    assert "s3cr3t-matrix" not in r.stderr
    # Nothing reached the cluster, and no file was changed.
    assert (path.read_bytes() if path.exists() else None) == before
    if path.exists():
        path.unlink()
    d = twctl("workflow", "describe", "-w", uid)
    assert d.returncode == 4, (d.returncode, d.stderr)
    if args[0] == "schedule":
        s = twctl("schedule", "describe", "-s", uid)
        assert s.returncode == 4, (s.returncode, s.stderr)
