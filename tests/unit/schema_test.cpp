// The schema tables (message/schema.hpp) against the generated descriptors they stand in for, and the JSON the
// writer reads through them against the JSON it writes by reflection.
#include "message/pool.hpp"
#include "message/schema.hpp"
#include "message/utf8_fields.hpp"
#include "output/json_text.hpp"
#include "payload/payload.hpp"

#include <doctest/doctest.h>
#include <google/protobuf/any.pb.h>
#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/duration.pb.h>
#include <google/protobuf/message.h>
#include <google/protobuf/timestamp.pb.h>
#include <nlohmann/json.hpp>

#include <random>
#include <set>

#include "google/rpc/status.pb.h"
#include "temporal/api/errordetails/v1/message.pb.h"
#include "temporal/api/history/v1/message.pb.h"
#include "temporal/api/workflowservice/v1/request_response.pb.h"

using namespace twctl;
namespace gp = google::protobuf;
namespace wsv = temporal::api::workflowservice::v1;
namespace history = temporal::api::history::v1;
namespace enums = temporal::api::enums::v1;

namespace {

void collect(const gp::Descriptor* d, std::vector<const gp::Descriptor*>& out) {
  out.push_back(d);
  for (int i = 0; i < d->nested_type_count(); ++i) collect(d->nested_type(i), out);
}

// Every message of the files pool() registers, and of the files they import.
std::vector<const gp::Descriptor*> all_messages() {
  const auto& pool = message::pool();
  std::vector<const gp::FileDescriptor*> files;
  std::set<const gp::FileDescriptor*> seen;
  for (const char* name : {"temporal/api/workflowservice/v1/request_response.proto",
                           "temporal/api/operatorservice/v1/request_response.proto",
                           "temporal/api/errordetails/v1/message.proto", "google/rpc/status.proto"}) {
    const auto* f = pool.FindFileByName(name);
    REQUIRE(f != nullptr);
    files.push_back(f);
  }
  std::vector<const gp::Descriptor*> out;
  while (!files.empty()) {
    const auto* f = files.back();
    files.pop_back();
    if (!seen.insert(f).second) continue;
    for (int i = 0; i < f->dependency_count(); ++i) files.push_back(f->dependency(i));
    for (int i = 0; i < f->message_type_count(); ++i) collect(f->message_type(i), out);
  }
  return out;
}

std::string by_schema(const gp::Message& m, output::JsonLayout layout = {}) {
  std::string out;
  output::append_json(m, out, layout);
  return out;
}

std::string by_reflection(const gp::Message& m, output::JsonLayout layout = {}) {
  std::string out;
  output::append_json_by_reflection(m, out, layout);
  return out;
}

history::HistoryEvent rich_event() {
  history::HistoryEvent e;
  e.set_event_id(7);
  e.set_event_type(enums::EVENT_TYPE_WORKFLOW_EXECUTION_STARTED);
  e.mutable_event_time()->set_seconds(1'720'025'286);
  e.mutable_event_time()->set_nanos(120'000);
  auto* a = e.mutable_workflow_execution_started_event_attributes();
  a->mutable_workflow_type()->set_name("Hello");
  *a->mutable_input()->add_payloads() = payload::from_json_text("input", "{\"name\": \"Wörld\", \"n\": [1, 2.5]}");
  auto* binary = a->mutable_input()->add_payloads();
  (*binary->mutable_metadata())["encoding"] = "binary/plain";
  binary->set_data(std::string("\x00\xff\x10", 3));
  a->mutable_workflow_run_timeout()->set_seconds(-3);
  a->mutable_workflow_run_timeout()->set_nanos(-500'000'000);
  a->mutable_retry_policy()->set_backoff_coefficient(1.5);
  a->mutable_retry_policy()->set_maximum_attempts(-5);
  a->mutable_retry_policy()->add_non_retryable_error_types("Fatal");
  a->mutable_retry_policy()->add_non_retryable_error_types("tab\t\"q\" \x01");
  (*a->mutable_memo()->mutable_fields())["owner"] = payload::from_json_text("memo", "\"ops\"");
  a->mutable_header();
  a->set_attempt(2);
  a->set_first_execution_run_id("r");
  e.add_links()->mutable_workflow_event()->set_workflow_id("linked");
  return e;
}

}  // namespace

TEST_CASE("schema: the tables hold every message's fields and every enum's values as the descriptors do") {
  auto messages = all_messages();
  CHECK(messages.size() > 500);  // 705 in API v1.63.5
  std::set<const gp::EnumDescriptor*> enums_seen;
  for (const auto* d : messages) {
    CAPTURE(d->full_name());
    const auto* t = schema::find(d->full_name());
    REQUIRE(t != nullptr);
    CHECK(std::string_view(t->full_name) == d->full_name());
    CHECK(t->map_entry == d->options().map_entry());
    // The generated class finds the same table by its C++ type.
    if (!d->options().map_entry()) {
      const auto* prototype = gp::MessageFactory::generated_factory()->GetPrototype(d);
      REQUIRE(prototype != nullptr);
      CHECK(schema::find(*prototype) == t);
      CHECK(schema::type_name(*prototype) == d->full_name());
    }
    REQUIRE(t->field_count == d->field_count());
    int previous = 0;
    for (const auto& f : schema::fields(*t)) {
      CAPTURE(f.name);
      const auto* fd = d->FindFieldByNumber(f.number);
      REQUIRE(fd != nullptr);
      CHECK(f.number > previous);  // by number
      previous = f.number;
      CHECK(fd->name() == f.name);
      CHECK(fd->json_name() == f.json_name);
      CHECK(static_cast<int>(fd->type()) == static_cast<int>(f.type));
      CHECK(fd->is_repeated() == f.repeated());
      CHECK(fd->is_map() == f.map());
      CHECK(schema::field_by_number(*t, f.number) == &f);
      CHECK(schema::field_by_name(*t, fd->name()) == &f);
      if (fd->message_type() != nullptr) {
        CHECK(std::string_view(schema::message_at(f.ref).full_name) == fd->message_type()->full_name());
      } else if (fd->enum_type() != nullptr) {
        const auto& e = schema::enum_at(f.ref);
        CHECK(std::string_view(e.full_name) == fd->enum_type()->full_name());
        if (enums_seen.insert(fd->enum_type()).second) {
          REQUIRE(e.value_count == fd->enum_type()->value_count());
          for (int i = 0; i < fd->enum_type()->value_count(); ++i) {
            const auto* v = fd->enum_type()->value(i);
            const auto* found = schema::enum_value(e, v->number());
            REQUIRE(found != nullptr);
            CHECK(std::string_view(found->name) == fd->enum_type()->FindValueByNumber(v->number())->name());
          }
          CHECK(schema::enum_value(e, 1 << 30) == nullptr);
        }
      } else {
        CHECK(f.ref == -1);
      }
    }
  }
  CHECK(enums_seen.size() > 50);
  CHECK(schema::find("temporal.api.NoSuchMessage") == nullptr);
  CHECK(schema::find(typeid(int)) == nullptr);
}

TEST_CASE("schema: the JSON read through the tables is the JSON written by reflection") {
  std::vector<std::unique_ptr<gp::Message>> cases;
  cases.push_back(std::make_unique<history::HistoryEvent>(rich_event()));
  auto described = std::make_unique<wsv::DescribeWorkflowExecutionResponse>();
  auto* info = described->mutable_workflow_execution_info();
  info->mutable_execution()->set_workflow_id("w");
  info->set_history_length(12);
  info->set_status(enums::WORKFLOW_EXECUTION_STATUS_TERMINATED);
  info->mutable_close_time()->set_seconds(-86'401);
  described->add_pending_activities()->set_activity_id("1");
  described->add_pending_activities()->mutable_last_failure()->set_message("HTTP 500\n");
  cases.push_back(std::move(described));
  // An Any of a Temporal type, of a well-known type, and of a type no table holds.
  auto status = std::make_unique<google::rpc::Status>();
  status->set_code(6);
  status->set_message("exists");
  temporal::api::errordetails::v1::WorkflowExecutionAlreadyStartedFailure started;
  started.set_run_id("run-1");
  status->add_details()->PackFrom(started);
  gp::Timestamp ts;
  ts.set_seconds(5);
  status->add_details()->PackFrom(ts);
  auto* unknown = status->add_details();
  unknown->set_type_url("type.googleapis.com/no.such.Type");
  unknown->set_value("\x08\x01");
  cases.push_back(std::move(status));
  cases.push_back(std::make_unique<history::HistoryEvent>());

  for (const auto& m : cases) {
    CAPTURE(m->GetTypeName());
    for (bool shorthand : {false, true}) {
      for (output::JsonLayout layout : {output::JsonLayout{-1, 0, shorthand}, output::JsonLayout{2, 4, shorthand}}) {
        CHECK(by_schema(*m, layout) == by_reflection(*m, layout));
      }
    }
  }
}

TEST_CASE("schema: messages parsed from damaged bytes give the same JSON both ways") {
  // Byte flips in a serialized event make unknown fields, other wire types, packed and unpacked elements, odd
  // enum numbers and cut messages; whatever protobuf still parses must read the same through the tables.
  std::string good = rich_event().SerializeAsString();
  std::mt19937 rng(20261203);
  int parsed = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string bytes = good;
    int flips = 1 + static_cast<int>(rng() % 3);
    for (int i = 0; i < flips; ++i) bytes[rng() % bytes.size()] = static_cast<char>(rng() & 0xff);
    if (rng() % 4 == 0) bytes.resize(rng() % bytes.size());
    history::HistoryEvent e;
    if (!e.ParseFromString(bytes)) continue;
    ++parsed;
    CAPTURE(round);
    // Multi-key maps come in hash order by reflection and sorted through the tables: compared as documents.
    auto a = nlohmann::json::parse(by_schema(e), nullptr, false);
    auto b = nlohmann::json::parse(by_reflection(e), nullptr, false);
    CHECK(a == b);
  }
  CHECK(parsed > 300);
}

TEST_CASE("schema: map entries come sorted by key") {
  history::HistoryEvent e;
  auto* fields = e.mutable_workflow_execution_started_event_attributes()->mutable_memo()->mutable_fields();
  for (const char* k : {"zeta", "alpha", "mid", "beta"}) (*fields)[k] = payload::from_json_text("memo", "1");
  auto text = by_schema(e);
  auto at = [&](const char* k) { return text.find(std::string("\"") + k + "\""); };
  CHECK(at("alpha") < at("beta"));
  CHECK(at("beta") < at("mid"));
  CHECK(at("mid") < at("zeta"));
}

TEST_CASE("schema: the request check names a bad field through the tables, with its index") {
  wsv::StartWorkflowExecutionRequest req;
  req.set_workflow_id("ok");
  req.mutable_input()->add_payloads()->set_data("\xff");  // bytes: anything goes
  CHECK(message::invalid_utf8_field(req).empty());
  auto* header = req.mutable_header()->mutable_fields();
  (*header)["k"] = payload::from_json_text("header", "1");
  req.mutable_retry_policy()->add_non_retryable_error_types("fine");
  req.mutable_retry_policy()->add_non_retryable_error_types("bad\xc0");
  CHECK(message::invalid_utf8_field(req) == "retry_policy.non_retryable_error_types[1] is not valid UTF-8 (byte 4)");
}
