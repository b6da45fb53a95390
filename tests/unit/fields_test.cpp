// --fields, -o tsv and --no-header: paths checked against the record type, values, escaping, and the commands.
#include "cli/app.hpp"
#include "cli/meta.hpp"
#include "cli/options/record_output.hpp"
#include "fake_gateway.hpp"
#include "history_events.hpp"
#include "output/field_paths.hpp"
#include "output/records.hpp"

#include <CLI/CLI.hpp>
#include <doctest/doctest.h>

#include <algorithm>

#include "temporal/api/enums/v1/batch_operation.pb.h"
#include "temporal/api/enums/v1/workflow.pb.h"
#include "temporal/api/workflow/v1/message.pb.h"

namespace wsv = temporal::api::workflowservice::v1;
namespace enums = temporal::api::enums::v1;
using temporal::api::workflow::v1::WorkflowExecutionInfo;

using namespace twctl;
using namespace twctl::testing;

namespace {

const google::protobuf::Descriptor& info_type() { return *WorkflowExecutionInfo::descriptor(); }

std::string usage_message(std::string_view path) {
  try {
    output::resolve_field_path(info_type(), path);
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::Usage);
    return e.what();
  }
  return "(no error)";
}

WorkflowExecutionInfo sample_info(const std::string& id) {
  WorkflowExecutionInfo info;
  info.mutable_execution()->set_workflow_id(id);
  info.mutable_execution()->set_run_id("run-" + id);
  info.mutable_type()->set_name("Echo");
  info.set_status(enums::WORKFLOW_EXECUTION_STATUS_COMPLETED);
  info.set_history_length(12);
  info.mutable_start_time()->set_seconds(1'700'000'000);
  auto& memo = (*info.mutable_memo()->mutable_fields())["owner"];
  (*memo.mutable_metadata())["encoding"] = "json/plain";
  memo.set_data("{\"team\":\"ops\"}");
  return info;
}

}  // namespace

TEST_CASE("fields: paths are JSON names into the record, map keys included") {
  auto p = output::resolve_field_path(info_type(), "execution.workflowId");
  REQUIRE(p.steps.size() == 2);
  CHECK(p.leaf()->name() == "workflow_id");
  auto memo = output::resolve_field_path(info_type(), "memo.fields.owner.with.dots");
  REQUIRE(memo.steps.size() == 3);
  CHECK(memo.steps[2].key == "owner.with.dots");  // a map of payloads: the key is the whole rest
  CHECK(memo.leaf()->message_type()->name() == "Payload");
  CHECK(output::resolve_field_path(info_type(), "execution").steps.size() == 1);  // a whole message
  CHECK(output::resolve_field_path(info_type(), "startTime").steps.size() == 1);
}

TEST_CASE("fields: a path not in the record type is a usage error naming it and the closest paths") {
  CHECK(usage_message("execution.workflowid") ==
        "--fields: no field \"execution.workflowid\" in WorkflowExecutionInfo (did you mean execution.workflowId, "
        "rootExecution.workflowId?)");
  CHECK(usage_message("workflowId") ==
        "--fields: no field \"workflowId\" in WorkflowExecutionInfo (did you mean execution.workflowId, "
        "rootExecution.workflowId, parentExecution.workflowId?)");
  CHECK(usage_message("stauts") == "--fields: no field \"stauts\" in WorkflowExecutionInfo (did you mean status?)");
  CHECK(usage_message("zzzzzzzzzzzz") ==
        "--fields: no field \"zzzzzzzzzzzz\" in WorkflowExecutionInfo (the fields are the names in -o json's output)");
  CHECK(usage_message("startTime.seconds") ==
        "--fields: nothing below a value in \"startTime.seconds\" in WorkflowExecutionInfo (did you mean startTime?)");
  CHECK(usage_message("status.") ==
        "--fields: an empty part in \"status.\" in WorkflowExecutionInfo (did you mean status?)");
  CHECK_THROWS_WITH_AS(output::resolve_field_list(info_type(), "status,,type.name"),
                       "--fields: an empty field name in \"status,,type.name\"", Error);
  CHECK_THROWS_WITH_AS(output::resolve_field_list(info_type(), "status,status"), "--fields: \"status\" is named twice",
                       Error);
  auto list = output::resolve_field_list(*wsv::DescribeWorkflowExecutionResponse::descriptor(),
                                         "pendingActivities");  // a list, whole
  CHECK(list.size() == 1);
  CHECK_THROWS_WITH_AS(output::resolve_field_path(*wsv::DescribeWorkflowExecutionResponse::descriptor(),
                                                  "pendingActivities.activityId"),
                       "--fields: \"pendingActivities.activityId\" goes into a list of "
                       "DescribeWorkflowExecutionResponse; a list is picked whole: \"pendingActivities\"",
                       Error);
}

TEST_CASE("fields: known paths go through messages but stop at leaves, lists and repeated types") {
  auto known = output::known_field_paths(info_type());
  auto has = [&](const std::string& p) { return std::find(known.begin(), known.end(), p) != known.end(); };
  CHECK(has("execution.workflowId"));
  CHECK(has("memo.fields"));
  CHECK(has("startTime"));
  CHECK_FALSE(has("startTime.seconds"));
  CHECK(std::is_sorted(known.begin(), known.end()));
  // A recursive type (Failure.cause) does not go on for ever.
  CHECK(output::known_field_paths(*temporal::api::history::v1::HistoryEvent::descriptor()).size() < 20000);
}

TEST_CASE("fields: plain values are enum names without their prefix, times per format, payloads as JSON") {
  auto info = sample_info("wf-1");
  output::ValueFormat iso{TimeFormat::Iso, TimePoint(std::chrono::seconds(1'700'000'100)), true};
  auto value = [&](std::string_view path, const output::ValueFormat& f) {
    return output::plain_value(info, output::resolve_field_path(info_type(), path), f);
  };
  CHECK(value("status", iso) == "COMPLETED");
  CHECK(value("execution.workflowId", iso) == "wf-1");
  CHECK(value("historyLength", iso) == "12");
  CHECK(value("historySizeBytes", iso) == "0");
  CHECK(value("startTime", iso) == "2023-11-14T22:13:20Z");
  auto relative = iso;
  relative.time_format = TimeFormat::Relative;
  CHECK(value("startTime", relative) == "1 minute ago");
  CHECK(value("closeTime", iso).empty());
  CHECK(value("memo.fields.owner", iso) == "{\"team\":\"ops\"}");
  CHECK(value("memo.fields.nobody", iso).empty());
  CHECK(value("memo.fields", iso) == "{\"owner\":{\"team\":\"ops\"}}");
  CHECK(value("execution", iso) == "{\"workflowId\":\"wf-1\",\"runId\":\"run-wf-1\"}");
}

TEST_CASE("fields: JSON keeps only the chosen paths, nested as in the whole, absent ones left out") {
  auto info = sample_info("wf-1");
  auto paths = output::resolve_field_list(info_type(), "execution.workflowId,status,closeTime,memo.fields.owner");
  auto j = output::pick_json(info, paths, true);
  CHECK(j.dump() ==
        "{\"execution\":{\"workflowId\":\"wf-1\"},\"status\":\"WORKFLOW_EXECUTION_STATUS_COMPLETED\","
        "\"memo\":{\"fields\":{\"owner\":{\"team\":\"ops\"}}}}");
}

TEST_CASE("fields: cells escape backslash, tab, newline and carriage return so a record stays one line") {
  CHECK(output::escape_cell("a\tb\nc\\d\re") == "a\\tb\\nc\\\\d\\re");
  CHECK(output::escape_cell("plain") == "plain");
  CHECK(output::tsv_line({"a", "", "c"}) == "a\t\tc\n");
}

namespace {

void two_pages(FakeCluster& c) {
  for (int p = 0; p < 2; ++p) {
    wsv::ListWorkflowExecutionsResponse resp;
    *resp.add_executions() = sample_info("wf-" + std::to_string(p));
    if (p == 0) resp.set_next_page_token("next");
    c.then(resp);
  }
}

}  // namespace

TEST_CASE("workflow list --fields: exactly those columns in text, tsv, json and jsonl") {
  std::vector<std::string> base{"workflow", "list", "--fields", "execution.workflowId,status,historyLength"};
  auto run = [&](std::vector<std::string> extra) {
    FakeCluster c;
    two_pages(c);
    auto args = base;
    args.insert(args.end(), extra.begin(), extra.end());
    return run_cli(c, args);
  };
  auto text = run({});
  CHECK(text.code == 0);
  CHECK(text.out ==
        "  execution.workflowId  status     historyLength\n"
        "  wf-0                  COMPLETED  12\n"
        "  wf-1                  COMPLETED  12\n");
  CHECK(run({"--no-header"}).out ==
        "  wf-0  COMPLETED  12\n"
        "  wf-1  COMPLETED  12\n");
  CHECK(run({"-o", "tsv"}).out ==
        "execution.workflowId\tstatus\thistoryLength\n"
        "wf-0\tCOMPLETED\t12\n"
        "wf-1\tCOMPLETED\t12\n");
  CHECK(run({"-o", "tsv", "--no-header"}).out == "wf-0\tCOMPLETED\t12\nwf-1\tCOMPLETED\t12\n");
  CHECK(run({"-o", "jsonl"}).out ==
        "{\"execution\":{\"workflowId\":\"wf-0\"},\"status\":\"WORKFLOW_EXECUTION_STATUS_COMPLETED\","
        "\"historyLength\":\"12\"}\n"
        "{\"execution\":{\"workflowId\":\"wf-1\"},\"status\":\"WORKFLOW_EXECUTION_STATUS_COMPLETED\","
        "\"historyLength\":\"12\"}\n");
  auto json = nlohmann::json::parse(run({"-o", "json"}).out);
  REQUIRE(json.size() == 2);
  CHECK(json[1] == nlohmann::json::parse(R"({"execution":{"workflowId":"wf-1"},)"
                                         R"("status":"WORKFLOW_EXECUTION_STATUS_COMPLETED","historyLength":"12"})"));
}

TEST_CASE("workflow list -o tsv: without --fields, the text table's columns, values plain") {
  FakeCluster c;
  two_pages(c);
  auto r = run_cli(c, {"workflow", "list", "-o", "tsv", "--time-format", "iso"});
  CHECK(r.code == 0);
  CHECK(r.out ==
        "status\texecution.workflowId\ttype.name\tstartTime\n"
        "COMPLETED\twf-0\tEcho\t2023-11-14T22:13:20Z\n"
        "COMPLETED\twf-1\tEcho\t2023-11-14T22:13:20Z\n");
  FakeCluster t;
  two_pages(t);
  CHECK(run_cli(t, {"workflow", "list", "--no-header"}).out ==
        "  Completed  wf-0  Echo  1 minute ago\n"
        "  Completed  wf-1  Echo  1 minute ago\n");
}

TEST_CASE("fields: values with tabs and newlines stay on one tsv line") {
  FakeCluster c;
  wsv::ListWorkflowExecutionsResponse resp;
  auto info = sample_info("a\tb\nc");
  *resp.add_executions() = info;
  c.then(resp);
  auto r = run_cli(c, {"workflow", "list", "--fields", "execution.workflowId,memo.fields.owner", "-o", "tsv"});
  CHECK(r.out == "execution.workflowId\tmemo.fields.owner\na\\tb\\nc\t{\"team\":\"ops\"}\n");
}

TEST_CASE("fields: a bad path, or -o tsv where there are no records, exits 2 before anything is sent") {
  FakeCluster c;
  auto r = run_cli(c, {"workflow", "list", "--fields", "status,execution.workflowid"});
  CHECK(r.code == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("Error: --fields: no field \"execution.workflowid\" in WorkflowExecutionInfo (did you mean "
                   "execution.workflowId, rootExecution.workflowId?)\n") == 0);
  CHECK(c.gateways_made == 0);

  FakeCluster d;
  auto desc = run_cli(d, {"workflow", "describe", "-w", "x", "--fields", "status"});
  CHECK(desc.code == 2);
  CHECK(desc.err.find("workflowExecutionInfo.status") != std::string::npos);
  CHECK(d.gateways_made == 0);

  FakeCluster s;
  auto start = run_cli(s, {"workflow", "start", "--type", "T", "-t", "q", "-o", "tsv"});
  CHECK(start.code == 2);
  CHECK(start.err.find("-o tsv: this command prints no records") != std::string::npos);
  CHECK(s.gateways_made == 0);
}

TEST_CASE("workflow describe: -o tsv prints a header and one row; --fields works in every format") {
  auto answer = [](FakeCluster& c) {
    auto& resp = c.answer<wsv::DescribeWorkflowExecutionResponse>();
    *resp.mutable_workflow_execution_info() = sample_info("wf-9");
    resp.mutable_workflow_execution_info()->set_task_queue("q");
    resp.mutable_workflow_execution_info()->clear_close_time();
  };
  FakeCluster c;
  answer(c);
  auto tsv = run_cli(c, {"workflow", "describe", "-w", "wf-9", "-o", "tsv", "--time-format", "iso"});
  CHECK(tsv.code == 0);
  CHECK(tsv.out ==
        "workflowExecutionInfo.execution.workflowId\tworkflowExecutionInfo.execution.runId\t"
        "workflowExecutionInfo.type.name\tworkflowExecutionInfo.taskQueue\tworkflowExecutionInfo.status\t"
        "workflowExecutionInfo.startTime\tworkflowExecutionInfo.closeTime\tworkflowExecutionInfo.historyLength\n"
        "wf-9\trun-wf-9\tEcho\tq\tCOMPLETED\t2023-11-14T22:13:20Z\t\t12\n");
  // By field, the close event is not read: one call.
  CHECK(c.requests<wsv::GetWorkflowExecutionHistoryRequest>().empty());

  FakeCluster t;
  answer(t);
  auto text = run_cli(t, {"workflow", "describe", "-w", "wf-9", "--fields",
                          "workflowExecutionInfo.status,workflowExecutionInfo.memo.fields.owner"});
  CHECK(text.out ==
        "  workflowExecutionInfo.status  workflowExecutionInfo.memo.fields.owner\n"
        "  COMPLETED                     {\"team\":\"ops\"}\n");

  FakeCluster j;
  answer(j);
  auto json =
      run_cli(j, {"workflow", "describe", "-w", "wf-9", "-o", "jsonl", "--fields", "workflowExecutionInfo.status"});
  CHECK(json.out == "{\"workflowExecutionInfo\":{\"status\":\"WORKFLOW_EXECUTION_STATUS_COMPLETED\"}}\n");
}

TEST_CASE("workflow count and batch list, describe: records by field") {
  FakeCluster c;
  c.answer<wsv::CountWorkflowExecutionsResponse>().set_count(7);
  CHECK(run_cli(c, {"workflow", "count", "-o", "tsv", "--no-header"}).out == "7\n");
  FakeCluster cj;
  cj.answer<wsv::CountWorkflowExecutionsResponse>().set_count(7);
  CHECK(run_cli(cj, {"workflow", "count", "-o", "jsonl", "--fields", "count"}).out == "{\"count\":\"7\"}\n");

  FakeCluster b;
  auto& list = b.answer<wsv::ListBatchOperationsResponse>();
  auto* job = list.add_operation_info();
  job->set_job_id("job-1");
  job->set_state(enums::BATCH_OPERATION_STATE_RUNNING);
  CHECK(run_cli(b, {"batch", "list", "-o", "tsv", "--fields", "jobId,state,closeTime"}).out ==
        "jobId\tstate\tcloseTime\njob-1\tRUNNING\t\n");

  FakeCluster d;
  auto& desc = d.answer<wsv::DescribeBatchOperationResponse>();
  desc.set_job_id("job-1");
  desc.set_state(enums::BATCH_OPERATION_STATE_COMPLETED);
  desc.set_operation_type(enums::BATCH_OPERATION_TYPE_TERMINATE);
  desc.set_total_operation_count(3);
  desc.set_complete_operation_count(3);
  CHECK(run_cli(d, {"batch", "describe", "--job-id", "job-1", "--fields", "state,operationType,totalOperationCount",
                    "--no-header"})
            .out == "  COMPLETED  TERMINATE  3\n");
}

TEST_CASE("workflow show --fields: the chosen paths of each event, in {\"events\": [...]} in json") {
  auto pages = [](FakeCluster& c) {
    c.then(page({event(1, enums::EVENT_TYPE_WORKFLOW_EXECUTION_STARTED)}, "p2"));
    c.then(page({completed(2, "1")}));
  };
  FakeCluster c;
  pages(c);
  auto r = run_cli(c, {"workflow", "show", "-w", "w", "--fields", "eventId,eventType", "-o", "tsv"});
  CHECK(r.code == 0);
  CHECK(r.out == "eventId\teventType\n1\tWORKFLOW_EXECUTION_STARTED\n2\tWORKFLOW_EXECUTION_COMPLETED\n");
  FakeCluster j;
  pages(j);
  auto json = run_cli(j, {"workflow", "show", "-w", "w", "--fields", "eventId", "-o", "json"});
  CHECK(nlohmann::json::parse(json.out) == nlohmann::json::parse(R"({"events":[{"eventId":"1"},{"eventId":"2"}]})"));
  FakeCluster t;
  pages(t);
  CHECK(run_cli(t, {"workflow", "show", "-w", "w", "--no-header"}).out.find("Progress:") == std::string::npos);
}

namespace {

void each_command(const CLI::App& app, const std::string& path, std::vector<std::string>& with_records) {
  for (const auto* sub : app.get_subcommands({})) {
    auto name = path.empty() ? sub->get_name() : path + " " + sub->get_name();
    if (cli::command_meta(*sub).records) {
      CAPTURE(name);
      // Every declared record type exists and every column the command shows is a path in it.
      CHECK_NOTHROW(cli::resolve_record_output(*sub, output::OutputMode::Tsv));
      CHECK(cli::record_field_paths(*sub).size() > 0);
      with_records.push_back(name);
    }
    each_command(*sub, name, with_records);
  }
}

}  // namespace

TEST_CASE("fields: every command that prints records declares a type its columns resolve in") {
  auto tree = cli::build_tree();
  std::vector<std::string> names;
  each_command(*tree->app, "", names);
  for (const auto* expected : {"workflow list", "workflow describe", "workflow show", "workflow count", "batch list",
                               "batch describe", "schedule list", "schedule describe", "operator namespace list",
                               "operator namespace describe", "operator search-attribute list",
                               "operator nexus endpoint list", "operator nexus endpoint get", "worker list",
                               "worker describe", "worker deployment list", "worker deployment describe"}) {
    CAPTURE(expected);
    CHECK(std::find(names.begin(), names.end(), expected) != names.end());
  }
}

TEST_CASE("fields: --fields completes the paths of the command's record type, after the last comma") {
  FakeCluster c;
  auto r = run_cli(c, {"__complete", "workflow", "list", "--fields", "status,execution.wo"});
  CHECK(r.code == 0);
  CHECK(r.out.find("status,execution.workflowId\n") != std::string::npos);
  CHECK(r.out.find(":6\n") != std::string::npos);  // no files, no space
}
