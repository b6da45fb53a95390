#!/usr/bin/env python3
"""Writes the hand-made seeds of the fuzz targets into tests/fuzz/corpus/<target>/ (seed-* files).

    tests/fuzz/seeds.py PROTO_DIR

PROTO_DIR holds the Temporal API protos as the build fetches them (build-fuzz/proto/src): the seeds of render
are binary protobuf messages made from text form with `protoc --encode`. The seeds of cli and complete come
from the command tree's examples instead (scripts/fuzz --seeds). Files are named after their content's
purpose; running this again rewrites them.
"""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(ROOT, "corpus")


def put(target, name, data):
    d = os.path.join(CORPUS, target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(d, "seed-" + name), "wb") as f:
        f.write(data)


def words(*ws):
    return b"\0".join(w.encode() if isinstance(w, str) else w for w in ws)


def encode(proto_dir, type_name, proto_file, text):
    return subprocess.run(
        ["protoc", "-I" + proto_dir, "-I/usr/include", "--encode=" + type_name, proto_file],
        input=text.encode(), capture_output=True, check=True).stdout


PAYLOAD = 'metadata { key: "encoding" value: "json/plain" } data: "{\\"name\\":\\"Ada\\",\\"n\\":[1,2.5,null]}"'
EXEC = 'workflow_id: "order-42" run_id: "5b1c6c1e-0000-4000-8000-000000000001"'
STARTED = f'''events {{ event_id: 1 event_type: EVENT_TYPE_WORKFLOW_EXECUTION_STARTED
  event_time {{ seconds: 1700000000 nanos: 123 }}
  workflow_execution_started_event_attributes {{ workflow_type {{ name: "Greeting" }} task_queue {{ name: "tq" }}
    input {{ payloads {{ {PAYLOAD} }} }} workflow_run_timeout {{ seconds: 3600 }} attempt: 1
    memo {{ fields {{ key: "m" value {{ {PAYLOAD} }} }} }} }} }}'''
SCHEDULED = '''events { event_id: 2 event_type: EVENT_TYPE_ACTIVITY_TASK_SCHEDULED event_time { seconds: 1700000001 }
  activity_task_scheduled_event_attributes { activity_id: "1" activity_type { name: "Charge" }
    task_queue { name: "tq" } start_to_close_timeout { seconds: 10 nanos: 500000000 } } }'''
FAILED = '''events { event_id: 3 event_type: EVENT_TYPE_ACTIVITY_TASK_FAILED event_time { seconds: 1700000002 }
  activity_task_failed_event_attributes { scheduled_event_id: 2 failure { message: "card declined\\nline 2"
    stack_trace: "at x" application_failure_info { type: "Declined" non_retryable: true } cause { message: "inner" } } } }'''
COMPLETED = f'''events {{ event_id: 4 event_type: EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED event_time {{ seconds: 1700000003 }}
  workflow_execution_completed_event_attributes {{ result {{ payloads {{ {PAYLOAD} }}
    payloads {{ metadata {{ key: "encoding" value: "binary/plain" }} data: "\\377\\000bytes" }} }} }} }}'''
WF_FAILED = '''events { event_id: 4 event_type: EVENT_TYPE_WORKFLOW_EXECUTION_FAILED event_time { seconds: 1700000003 }
  workflow_execution_failed_event_attributes { failure { message: "boom" application_failure_info { type: "E" } } } }'''
INFO = f'''workflow_execution_info {{ execution {{ {EXEC} }} type {{ name: "Greeting" }}
  start_time {{ seconds: 1700000000 }} close_time {{ seconds: 1700000100 nanos: 999999999 }}
  status: WORKFLOW_EXECUTION_STATUS_COMPLETED history_length: 12 task_queue: "tq" history_size_bytes: 2048
  memo {{ fields {{ key: "note" value {{ {PAYLOAD} }} }} }}
  search_attributes {{ indexed_fields {{ key: "CustomKeywordField" value {{ metadata {{ key: "encoding" value: "json/plain" }}
    metadata {{ key: "type" value: "Keyword" }} data: "\\"k\\"" }} }} }}
  execution_duration {{ seconds: 100 }} parent_execution {{ workflow_id: "parent" run_id: "r0" }} }}'''
DESCRIBE = INFO + f'''
execution_config {{ task_queue {{ name: "tq" }} workflow_execution_timeout {{ seconds: 86400 }} }}
pending_activities {{ activity_id: "1" activity_type {{ name: "Charge" }} state: PENDING_ACTIVITY_STATE_STARTED
  heartbeat_details {{ payloads {{ {PAYLOAD} }} }} attempt: 3 maximum_attempts: 5
  last_failure {{ message: "timeout" }} }}
pending_children {{ workflow_id: "child-1" run_id: "rc" workflow_type_name: "Child" }}
pending_workflow_task {{ state: PENDING_WORKFLOW_TASK_STATE_SCHEDULED attempt: 2 }}'''

RENDER = [  # (case index in fuzz_render.cpp, name, type, file, text)
    (0, "describe", "workflowservice.v1.DescribeWorkflowExecutionResponse", DESCRIBE),
    (1, "describe-json", "workflowservice.v1.DescribeWorkflowExecutionResponse", DESCRIBE),
    (3, "show", "workflowservice.v1.GetWorkflowExecutionHistoryResponse",
     f"history {{ {STARTED} {SCHEDULED} {FAILED} {COMPLETED} }}"),
    (4, "show-detailed", "workflowservice.v1.GetWorkflowExecutionHistoryResponse",
     f"history {{ {STARTED} {SCHEDULED} {FAILED} {WF_FAILED} }}"),
    (5, "show-json", "workflowservice.v1.GetWorkflowExecutionHistoryResponse",
     f'history {{ {STARTED} {COMPLETED} }} next_page_token: "t"'),
    (7, "result", "workflowservice.v1.GetWorkflowExecutionHistoryResponse", f"history {{ {COMPLETED} }}"),
    (8, "result-failed", "workflowservice.v1.GetWorkflowExecutionHistoryResponse", f"history {{ {WF_FAILED} }}"),
    (9, "list", "workflowservice.v1.ListWorkflowExecutionsResponse",
     "executions " + INFO.split(" ", 1)[1] + " executions { execution { workflow_id: \"b\" } status: WORKFLOW_EXECUTION_STATUS_RUNNING }"),
    (11, "count", "workflowservice.v1.CountWorkflowExecutionsResponse",
     'count: 7 groups { group_values { metadata { key: "encoding" value: "json/plain" } data: "\\"Running\\"" } count: 7 }'),
    (12, "query", "workflowservice.v1.QueryWorkflowResponse", f"query_result {{ payloads {{ {PAYLOAD} }} }}"),
    (13, "schedule", "workflowservice.v1.DescribeScheduleResponse",
     '''schedule { spec { calendar { hour: "12" day_of_week: "MON-FRI" } interval { interval { seconds: 3600 } }
       cron_string: "0 12 * * *" timezone_name: "Europe/Paris" }
       action { start_workflow { workflow_id: "s-wf" workflow_type { name: "T" } task_queue { name: "tq" } } }
       state { paused: true notes: "paused for a reason" } }
     info { action_count: 3 recent_actions { schedule_time { seconds: 1700000000 } } }'''),
    (15, "schedule-list", "workflowservice.v1.ListSchedulesResponse",
     'schedules { schedule_id: "s1" info { workflow_type { name: "T" } notes: "n" } }'),
    (16, "task-queue", "workflowservice.v1.DescribeTaskQueueResponse",
     '''versions_info { key: "" value { types_info { key: 1 value { pollers { identity: "w@h"
       last_access_time { seconds: 1700000000 } rate_per_second: 100000 } stats { approximate_backlog_count: 4
       approximate_backlog_age { seconds: 90 } tasks_add_rate: 1.5 } } } task_reachability: BUILD_ID_TASK_REACHABILITY_REACHABLE } }'''),
    (18, "batch", "workflowservice.v1.DescribeBatchOperationResponse",
     '''operation_type: BATCH_OPERATION_TYPE_TERMINATE job_id: "j" state: BATCH_OPERATION_STATE_COMPLETED
       start_time { seconds: 1700000000 } total_operation_count: 10 complete_operation_count: 9
       failure_operation_count: 1 identity: "me" reason: "r"'''),
    (19, "namespace", "workflowservice.v1.DescribeNamespaceResponse",
     '''namespace_info { name: "ns" state: NAMESPACE_STATE_REGISTERED description: "d" owner_email: "o@x"
       data { key: "k" value: "v" } id: "id" }
       config { workflow_execution_retention_ttl { seconds: 259200 } }
       replication_config { active_cluster_name: "active" clusters { cluster_name: "active" } }'''),
    (20, "search-attributes", "operatorservice.v1.ListSearchAttributesResponse",
     'custom_attributes { key: "Color" value: INDEXED_VALUE_TYPE_KEYWORD } system_attributes { key: "WorkflowId" value: INDEXED_VALUE_TYPE_KEYWORD }'),
    (21, "cluster", "workflowservice.v1.GetClusterInfoResponse",
     'supported_clients { key: "temporal-cli" value: ">=1.0.0" } server_version: "1.32.1" cluster_id: "c" cluster_name: "active" history_shard_count: 4'),
    (22, "workers", "workflowservice.v1.ListWorkersResponse",
     'workers_info { worker_heartbeat { worker_instance_key: "k" worker_identity: "w@h" host_info { host_name: "h" } task_queue: "tq" sdk_name: "python" } }'),
    (23, "trace", "workflowservice.v1.DescribeWorkflowExecutionResponse", DESCRIBE),
]


def main():
    proto_dir = sys.argv[1]
    for index, name, type_name, text in RENDER:
        service = type_name.split(".")[0]
        data = encode(proto_dir, "temporal.api." + type_name,
                      f"temporal/api/{service.replace('.v1', '')}/v1/request_response.proto", text)
        put("render", f"{index:02d}-{name}", bytes([index]) + data)
    for index, (name, text) in enumerate([("event-started", STARTED), ("event-failed", FAILED)]):
        event = text.strip()[len("events {"):-1]
        data = encode(proto_dir, "temporal.api.history.v1.HistoryEvent", "temporal/api/history/v1/message.proto", event)
        put("render", f"{24 + index:02d}-{name}", bytes([24 + index]) + data)
    payload = encode(proto_dir, "temporal.api.common.v1.Payload", "temporal/api/common/v1/message.proto", PAYLOAD)
    put("payload", "binary-payload", payload)

    # payload: --input, KEY=JSON, the input option set.
    put("payload", "object", words('{"name":"Ada","tags":["a","b"],"n":1.5e3}', 'order={"id":42}'))
    put("payload", "scalars", words('"text"', "count=7", "null", "true"))
    put("payload", "meta", words('{"a":1}', "k=[]", "meta:encoding=json/protobuf", "meta:messageType=a.B", "[1]"))
    put("payload", "base64", words("eyJhIjoxfQ==", "k={}", "base64", "InRleHQi"))
    put("payload", "stdin", words("x", "k=1", "file:-", b'\x02{"from":"stdin"}'))
    put("payload", "unicode", words('"caf\u00e9 \\ud83d\\ude00"', 'k="\\u0000"'))

    # time: durations and time flags, then raw bytes as a Timestamp and a Duration.
    for i, t in enumerate(["10s", "1h30m", "500ms", "2d", "1.5d3h", "0", "1us", "999999h", "now", "now-1d",
                           "-15m", "+7d", "2024-07-03T16:48:06Z", "2024-07-03T18:48:06.123456789+02:00",
                           "now+2h30m", "1d2h3m4s5ms6us7ns"]):
        put("time", f"{i:02d}", words(t) + b"\0" + bytes(range(1, 29)))

    # pem: a real certificate and key, made here.
    tmp = os.path.join(os.environ.get("TMPDIR", "/tmp"), "twctl-fuzz-seeds")
    os.makedirs(tmp, exist_ok=True)
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                    "-nodes", "-subj", "/CN=localhost", "-days", "1", "-keyout", f"{tmp}/key.pem",
                    "-out", f"{tmp}/cert.pem"], check=True, capture_output=True)
    cert = open(f"{tmp}/cert.pem").read()
    key = open(f"{tmp}/key.pem").read()
    put("pem", "cert", cert)
    put("pem", "key", key)
    put("pem", "chain", cert + cert)
    put("pem", "cert-and-key", cert + "\n" + key)
    put("pem", "rsa-header", "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAAA\n-----END RSA PRIVATE KEY-----\n")
    put("pem", "crlf", cert.replace("\n", "\r\n"))

    # connection: the flags in fuzz_connection.cpp's order, then metadata; \x01 words are variables.
    put("connection", "plain", words("localhost:7233", "default", "", "", "me", "", "", "", "", "", "", "", "", "5s", "30s"))
    put("connection", "cloud", words("ns.acct.tmprl.cloud:7233", "ns.acct", "key-123\n", "auth.example", "", "true",
                                     cert, key, cert, "ns.acct.tmprl.cloud", "false",
                                     "https://user:pass@codec.example/path", "Bearer x", "10s", "1m", "",
                                     "team=payments", "codec:x-api=1"))
    put("connection", "ipv6", words("[::1]:7233", "ns") + b"\0\x01TEMPORAL_API_KEY=secret-key\n\0\x01TEMPORAL_GRPC_META_X_TEAM=a")
    put("connection", "env-only", b"\x01TEMPORAL_ADDRESS=dns:///h:7233\0\x01TEMPORAL_NAMESPACE=n\0\x01TEMPORAL_TLS=1\0\x01TEMPORAL_CODEC_ENDPOINT=http://c:8080")
    put("connection", "bad", words("http://host:7233", "ns\n", "k\x7f", "", "", "yes", "not pem", "", "", "x" * 300))

    # cli: the channels the examples do not use (environment, standard input, a profile named by a variable).
    put("cli", "env-namespace", words("workflow", "list", b"\x01TEMPORAL_NAMESPACE=ns", b"\x01TEMPORAL_API_KEY=k\n"))
    put("cli", "env-address", words("workflow", "count", b"\x01TEMPORAL_ADDRESS=[::1]:7233", b"\x01TEMPORAL_TLS=true"))
    put("cli", "stdin-input", words("workflow", "start", "--type", "T", "-t", "q", "-w", "w", "--input-file", "-",
                                    b'\x02{"a": [1, 2]}'))
    put("cli", "json-error", words("workflow", "describe", "-w", "", "-o", "json"))
    put("cli", "settings-env", words("settings", "-o", "json", b"\x01TEMPORAL_GRPC_META_TEAM=a",
                                     b"\x01TEMPORAL_CODEC_ENDPOINT=http://u:p@c:1"))

    # profile: temporal.toml as the SDKs write it.
    put("profile", "default", '[profile.default]\naddress = "localhost:7233"\nnamespace = "default"\n')
    put("profile", "full", f'''[profile.default]
address = "ns.acct.tmprl.cloud:7233"
namespace = "ns.acct"
api_key = "key"
authority = "auth"

[profile.default.tls]
disabled = false
server_name = "ns.acct.tmprl.cloud"
client_cert_data = """{cert}"""
client_key_data = """{key}"""
disable_host_verification = false

[profile.default.codec]
endpoint = "http://localhost:8081"
auth = "Bearer t"

[profile.default.grpc_meta]
team = "payments"
x-id = ""

[profile.other]
address = "[::1]:7233"
retry_window = "30s"
''')
    put("profile", "wrong-types", '[profile.default]\naddress = 5\napi_key = true\n[profile.default.tls]\ndisabled = "yes"\n')
    put("profile", "dotted", 'profile.default.address = "h:1"\nprofile.default.tls.disabled = true\n[profile.x.grpc_meta]\nA = "b"\n')
    put("profile", "not-a-table", 'profile = 3\n')


if __name__ == "__main__":
    main()
