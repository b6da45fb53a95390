#include "client/rpc.hpp"

#include "client/gateway.hpp"
#include "core/error.hpp"
#include "message/schema.hpp"
#include "message/utf8_fields.hpp"

#include <fmt/format.h>
#include <google/protobuf/message.h>

#include <array>
#include <map>
#include <mutex>
#include <optional>

namespace twctl::client {

namespace gp = google::protobuf;

namespace {

// What the rules get wrong, by RPC name. Keep it short: a rule that needs many exceptions is the wrong rule.
struct Exception {
  std::string_view rpc;
  std::optional<bool> repeatable;
  std::optional<bool> long_poll;
};
constexpr std::array kExceptions{
    // Both wait until the update reaches the stage its wait policy names.
    Exception{"UpdateWorkflowExecution", std::nullopt, true},
    Exception{"ExecuteMultiOperation", std::nullopt, true},
    // An upsert: sent twice, the remote cluster's settings are the same.
    Exception{"AddOrUpdateRemoteCluster", true, std::nullopt},
    // A check that changes nothing.
    Exception{"ValidateWorkerDeploymentVersionComputeConfig", true, std::nullopt},
    // Worker polls hand a task out: asked again after a lost answer, the first task would be stranded.
    Exception{"PollWorkflowTaskQueue", false, std::nullopt},
    Exception{"PollActivityTaskQueue", false, std::nullopt},
    Exception{"PollNexusTaskQueue", false, std::nullopt},
};

const Exception* exception_for(std::string_view rpc) {
  for (const auto& e : kExceptions) {
    if (e.rpc == rpc) return &e;
  }
  return nullptr;
}

// The RPC a request type belongs to, from its name: the services keep to one rule, that the method Foo of
// package P takes a P.FooRequest and answers with a P.FooResponse (the health check is the one exception).
// Naming the RPC this way, from the schema tables (message/schema.hpp), registers and builds no descriptor:
// a one-shot command's call would otherwise cost more than the rest of it. tests/unit/rpc_test.cpp holds the
// rule against every method of the services' descriptors.
struct Service {
  std::string_view package;
  std::string_view name;
};
constexpr Service kServices[] = {
    {"temporal.api.workflowservice.v1", "WorkflowService"},
    {"temporal.api.operatorservice.v1", "OperatorService"},
};
constexpr std::string_view kRequest = "Request";

std::optional<Rpc> derive(const schema::Message& request) {
  std::string_view full_name = request.full_name;
  if (full_name == "grpc.health.v1.HealthCheckRequest") {
    return Rpc{"/grpc.health.v1.Health/Check", "Health", "Check", &request,
               schema::find("grpc.health.v1.HealthCheckResponse")};
  }
  auto type = schema::short_name(request);
  auto package = full_name.substr(0, full_name.size() - type.size() - 1);
  if (type.size() <= kRequest.size() || !type.ends_with(kRequest)) return std::nullopt;
  for (const auto& service : kServices) {
    if (package != service.package) continue;
    std::string method(type.substr(0, type.size() - kRequest.size()));
    const auto* response = schema::find(fmt::format("{}.{}Response", package, method));
    if (response == nullptr) return std::nullopt;
    return Rpc{fmt::format("/{}.{}/{}", package, service.name, method), std::string(service.name), method, &request,
               response};
  }
  return std::nullopt;
}

// Request type → RPC, filled on first use of each type; the Rpc objects never move.
const Rpc* lookup(const schema::Message& request) {
  static std::mutex mu;
  static std::map<const schema::Message*, std::optional<Rpc>> rpcs;
  std::lock_guard lock(mu);
  auto it = rpcs.find(&request);
  if (it == rpcs.end()) it = rpcs.emplace(&request, derive(request)).first;
  return it->second ? &*it->second : nullptr;
}

bool starts_with_any(std::string_view name, std::initializer_list<std::string_view> prefixes) {
  for (auto p : prefixes) {
    if (name.substr(0, p.size()) == p) return true;
  }
  return false;
}

// The field at `path` (names, each but the last a singular message) and its value, if every step is set;
// nothing otherwise. Read from the serialized request with the schema tables.
std::optional<std::pair<const schema::Field*, schema::WireReader::Item>> value_at(
    const gp::Message& msg, std::initializer_list<std::string_view> path) {
  const auto* type = schema::find(msg);
  if (type == nullptr) return std::nullopt;
  std::string bytes = msg.SerializePartialAsString();
  std::string_view cur = bytes;
  size_t i = 0;
  for (auto name : path) {
    const auto* field = schema::field_by_name(*type, name);
    if (field == nullptr || field->repeated()) return std::nullopt;
    std::optional<schema::WireReader::Item> found;
    schema::WireReader r(cur);
    for (schema::WireReader::Item it; r.next(it);) {
      if (it.number == field->number) found = it;
    }
    if (!found) return std::nullopt;
    if (++i == path.size()) return std::pair{field, *found};
    if (field->type != schema::Type::Message || found->wire_type != 2) return std::nullopt;
    type = &schema::message_at(field->ref);
    cur = found->bytes;
  }
  return std::nullopt;
}

bool has_text(const gp::Message& msg, std::initializer_list<std::string_view> path) {
  auto v = value_at(msg, path);
  return v && (v->first->type == schema::Type::String || v->first->type == schema::Type::Bytes) &&
         v->second.wire_type == 2 && !v->second.bytes.empty();
}

bool is_true(const gp::Message& msg, std::string_view name) {
  auto v = value_at(msg, {name});
  return v && v->first->type == schema::Type::Bool && v->second.wire_type == 0 && v->second.scalar != 0;
}

}  // namespace

void check_request(const gp::Message& req) {
  if (auto p = message::invalid_utf8_field(req); !p.empty()) {
    const auto* type = schema::find(req);
    throw usage_error(fmt::format("cannot send {}: its {}; nothing was sent",
                                  type ? schema::short_name(*type) : schema::type_name(req), p));
  }
}

const Rpc& rpc_for(const gp::Message& request, const gp::Message* response) {
  const auto* type = schema::find(request);
  const auto* rpc = type ? lookup(*type) : nullptr;
  if (rpc == nullptr) throw Error(ErrorKind::General, fmt::format("no RPC takes a {}", schema::type_name(request)));
  if (response != nullptr && schema::find(*response) != rpc->response) {
    throw Error(ErrorKind::General, fmt::format("{} answers with a {}, not a {}", rpc->name, rpc->response->full_name,
                                                schema::type_name(*response)));
  }
  return *rpc;
}

bool is_read(const Rpc& rpc) {
  return starts_with_any(rpc.name, {"Describe", "Get", "List", "Count", "Query", "Poll", "Scan", "Fetch", "Check"});
}

bool is_repeatable(const Rpc& rpc, const gp::Message& request) {
  if (const auto* e = exception_for(rpc.name); e != nullptr && e->repeatable) return *e->repeatable;
  if (is_read(rpc)) return true;
  return has_text(request, {"request_id"}) || has_text(request, {"request", "meta", "update_id"});
}

bool is_long_poll(const Rpc& rpc, const gp::Message& request) {
  if (const auto* e = exception_for(rpc.name); e != nullptr && e->long_poll) return *e->long_poll;
  return starts_with_any(rpc.name, {"Poll"}) || is_true(request, "wait_new_event") ||
         has_text(request, {"long_poll_token"});
}

}  // namespace twctl::client
