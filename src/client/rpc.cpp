#include "client/rpc.hpp"

#include "client/gateway.hpp"
#include "core/error.hpp"
#include "message/utf8_fields.hpp"

#include <fmt/format.h>
#include <google/protobuf/descriptor.h>
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
// Naming the RPC this way builds no service descriptor: those files (every method and its HTTP annotations)
// cost a one-shot command a sixth of its instructions. tests/unit/rpc_test.cpp holds the rule against
// every method of the services' descriptors.
struct Service {
  std::string_view package;
  std::string_view name;
};
constexpr Service kServices[] = {
    {"temporal.api.workflowservice.v1", "WorkflowService"},
    {"temporal.api.operatorservice.v1", "OperatorService"},
};
constexpr std::string_view kRequest = "Request";

std::optional<Rpc> derive(const gp::Descriptor& request) {
  const auto& package = request.file()->package();
  if (request.full_name() == "grpc.health.v1.HealthCheckRequest") {
    return Rpc{"/grpc.health.v1.Health/Check", "Health", "Check", &request,
               request.file()->FindMessageTypeByName("HealthCheckResponse")};
  }
  const auto& type = request.name();
  if (type.size() <= kRequest.size() || type.compare(type.size() - kRequest.size(), kRequest.size(), kRequest) != 0) {
    return std::nullopt;
  }
  for (const auto& service : kServices) {
    if (package != service.package) continue;
    std::string method = type.substr(0, type.size() - kRequest.size());
    const auto* response = request.file()->FindMessageTypeByName(method + "Response");
    if (response == nullptr) return std::nullopt;
    return Rpc{fmt::format("/{}.{}/{}", package, service.name, method), std::string(service.name), method, &request,
               response};
  }
  return std::nullopt;
}

// Request type → RPC, filled on first use of each type; the Rpc objects never move.
const Rpc* lookup(const gp::Descriptor& request) {
  static std::mutex mu;
  static std::map<const gp::Descriptor*, std::optional<Rpc>> rpcs;
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

// The field at `path` (names, each but the last a singular message) if every step is set; null otherwise.
const gp::FieldDescriptor* field_at(const gp::Message& msg, std::initializer_list<std::string_view> path,
                                    const gp::Message** owner) {
  const gp::Message* cur = &msg;
  const gp::FieldDescriptor* field = nullptr;
  size_t i = 0;
  for (auto name : path) {
    field = cur->GetDescriptor()->FindFieldByName(std::string(name));
    if (field == nullptr || field->is_repeated()) return nullptr;
    if (++i == path.size()) break;
    if (field->cpp_type() != gp::FieldDescriptor::CPPTYPE_MESSAGE || !cur->GetReflection()->HasField(*cur, field)) {
      return nullptr;
    }
    cur = &cur->GetReflection()->GetMessage(*cur, field);
  }
  *owner = cur;
  return field;
}

bool has_text(const gp::Message& msg, std::initializer_list<std::string_view> path) {
  const gp::Message* owner = nullptr;
  const auto* f = field_at(msg, path, &owner);
  if (f == nullptr || f->cpp_type() != gp::FieldDescriptor::CPPTYPE_STRING) return false;
  std::string scratch;
  return !owner->GetReflection()->GetStringReference(*owner, f, &scratch).empty();
}

bool is_true(const gp::Message& msg, std::string_view name) {
  const gp::Message* owner = nullptr;
  const auto* f = field_at(msg, {name}, &owner);
  return f != nullptr && f->cpp_type() == gp::FieldDescriptor::CPPTYPE_BOOL && owner->GetReflection()->GetBool(*owner, f);
}

}  // namespace

void check_request(const gp::Message& req) {
  if (auto p = message::invalid_utf8_field(req); !p.empty()) {
    throw usage_error(fmt::format("cannot send {}: its {}; nothing was sent", req.GetDescriptor()->name(), p));
  }
}

const Rpc& rpc_for(const gp::Message& request, const gp::Message* response) {
  const auto* rpc = lookup(*request.GetDescriptor());
  if (rpc == nullptr) {
    throw Error(ErrorKind::General, fmt::format("no RPC takes a {}", request.GetDescriptor()->full_name()));
  }
  if (response != nullptr && response->GetDescriptor() != rpc->response) {
    throw Error(ErrorKind::General, fmt::format("{} answers with a {}, not a {}", rpc->name, rpc->response->full_name(),
                                                response->GetDescriptor()->full_name()));
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
