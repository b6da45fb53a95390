#include "output/printer.hpp"
#include "output/proto_json.hpp"
#include "output/render.hpp"
#include "payload/payload.hpp"

#include <doctest/doctest.h>

#include <sstream>

#include "temporal/api/history/v1/message.pb.h"
#include "temporal/api/workflowservice/v1/request_response.pb.h"

using namespace twctl;
using namespace twctl::output;

TEST_CASE("render: a card pads names to the longest, with a two-space indent") {
  Card card{{"WorkflowId", "w1"}, {"RunId", "r-1"}, {"Type", "SayHello"}};
  CHECK(render_card(card) ==
        "  WorkflowId  w1\n"
        "  RunId       r-1\n"
        "  Type        SayHello\n");
}

TEST_CASE("render: a table right-aligns numbers, leaves the last column unpadded, and prints its header once") {
  Table t{{{"ID", true}, {"Time"}, {"Type"}},
          {{"1", "2024-07-03T16:48:06Z", "WorkflowExecutionStarted"}, {"10", "2024-07-03T16:48:07Z", "X"}}};
  CHECK(render_table(t, true) ==
        "  ID  Time                  Type\n"
        "   1  2024-07-03T16:48:06Z  WorkflowExecutionStarted\n"
        "  10  2024-07-03T16:48:07Z  X\n");
  t.rows = {{"11", "t", "Y"}};
  // The next page keeps the widths of the first.
  CHECK(render_table(t, false) == "  11  t                     Y\n");
}

TEST_CASE("render: colour wraps words, never padding, and only when enabled") {
  Table t{{{"Status", false, true}, {"WorkflowId"}}, {{"Running", "a"}, {"Completed", "b"}}};
  auto plain = render_table(t, false, Style(false));
  CHECK(plain.find('\x1b') == std::string::npos);
  auto colored = render_table(t, false, Style(true));
  CHECK(colored.find("\x1b[34mRunning\x1b[0m    a") != std::string::npos);
  CHECK(colored.find("\x1b[32mCompleted\x1b[0m  b") != std::string::npos);
}

TEST_CASE("render: a JSON list is an array with items separated by ',\\n'; jsonl is one item per line") {
  std::ostringstream json_out, jsonl_out, empty_json, empty_jsonl;
  {
    Printer p(json_out, OutputMode::Json, Style());
    ListWriter w(p);
    w.add({{"foo", "bar"}});
    w.add({{"baz", "qux"}});
  }
  CHECK(json_out.str() == "[\n{\n  \"foo\": \"bar\"\n},\n{\n  \"baz\": \"qux\"\n}\n]\n");
  {
    Printer p(jsonl_out, OutputMode::Jsonl, Style());
    ListWriter w(p);
    w.add({{"foo", "bar"}});
    w.add({{"baz", "qux"}});
  }
  CHECK(jsonl_out.str() == "{\"foo\":\"bar\"}\n{\"baz\":\"qux\"}\n");
  {
    Printer p(empty_json, OutputMode::Json, Style());
    ListWriter w(p);
  }
  CHECK(empty_json.str() == "[\n]\n");
  {
    Printer p(empty_jsonl, OutputMode::Jsonl, Style());
    ListWriter w(p);
  }
  CHECK(empty_jsonl.str().empty());
}

TEST_CASE("render: a list can be wrapped in an object field, indented as a whole document would be") {
  std::ostringstream out;
  {
    Printer p(out, OutputMode::Json, Style());
    ListWriter w(p, "events");
    w.add({{"a", 1}});
  }
  CHECK(out.str() == "{\n  \"events\": [\n    {\n      \"a\": 1\n    }\n  ]\n}\n");
  CHECK(nlohmann::json::parse(out.str())["events"][0]["a"] == 1);
}

TEST_CASE("render: text output writes nothing in JSON modes and vice versa; none writes nothing") {
  std::ostringstream out;
  Printer text(out, OutputMode::Text, Style());
  text.document({{"a", 1}});
  CHECK(out.str().empty());
  Printer none(out, OutputMode::None, Style());
  none.write("x");
  none.document({{"a", 1}});
  CHECK(out.str().empty());
}

TEST_CASE("proto json: camelCase names, enums by name, payloads as values with shorthand") {
  temporal::api::history::v1::HistoryEvent e;
  e.set_event_id(7);
  e.set_event_type(temporal::api::enums::v1::EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED);
  auto* attrs = e.mutable_workflow_execution_completed_event_attributes();
  *attrs->mutable_result()->add_payloads() = payload::from_json_text("x", "\"hi!\"");
  attrs->set_workflow_task_completed_event_id(6);

  auto j = proto_to_json(e, true);
  CHECK(j["eventId"] == "7");
  CHECK(j["eventType"] == "EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED");
  CHECK(j["workflowExecutionCompletedEventAttributes"]["result"] == nlohmann::ordered_json::parse(R"(["hi!"])"));

  auto raw = proto_to_json(e, false);
  CHECK(raw["workflowExecutionCompletedEventAttributes"]["result"]["payloads"][0]["data"] == "ImhpISI=");
}

TEST_CASE("proto json: payloads inside maps (memo fields) get the shorthand too") {
  temporal::api::workflowservice::v1::StartWorkflowExecutionRequest req;
  (*req.mutable_memo()->mutable_fields())["owner"] = payload::from_json_text("x", R"({"team":"core"})");
  auto j = proto_to_json(req, true);
  CHECK(j["memo"]["fields"]["owner"] == nlohmann::ordered_json{{"team", "core"}});
}
