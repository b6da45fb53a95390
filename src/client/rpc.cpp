#include "client/rpc.hpp"

#include "client/gateway.hpp"
#include "core/error.hpp"
#include "message/utf8_fields.hpp"

#include <fmt/format.h>
#include <google/protobuf/descriptor.h>
#include <google/protobuf/message.h>

#include <array>
#include <map>
#include <optional>
#include <set>

#include "grpc/health/v1/health.pb.h"
#include "temporal/api/operatorservice/v1/service.pb.h"
#include "temporal/api/workflowservice/v1/service.pb.h"

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

// The generated files whose descriptors name the services. Referencing their tables keeps them in a static
// link (nothing else refers to the service files) and registers them before the pool is asked.
const gp::internal::DescriptorTable* const kServiceFiles[] = {
    &descriptor_table_temporal_2fapi_2fworkflowservice_2fv1_2fservice_2eproto,
    &descriptor_table_temporal_2fapi_2foperatorservice_2fv1_2fservice_2eproto,
    &descriptor_table_grpc_2fhealth_2fv1_2fhealth_2eproto,
};
constexpr std::string_view kServices[] = {
    "temporal.api.workflowservice.v1.WorkflowService",
    "temporal.api.operatorservice.v1.OperatorService",
    "grpc.health.v1.Health",
};

// Request type's full name → RPC; built once, on the first call. A request type that two unary RPCs take
// would make the call ambiguous: such types are kept apart and refused by rpc_for.
struct Table {
  std::map<std::string, Rpc, std::less<>> rpcs;
  std::set<std::string, std::less<>> ambiguous;
};
const Table& table() {
  static const auto rpcs = [] {
    Table out;
    const auto* pool = gp::DescriptorPool::generated_pool();
    for (const auto* file : kServiceFiles) (void)pool->FindFileByName(file->filename);
    for (auto service_name : kServices) {
      const auto* service = pool->FindServiceByName(std::string(service_name));
      if (service == nullptr) continue;
      for (int i = 0; i < service->method_count(); ++i) {
        const auto* m = service->method(i);
        if (m->client_streaming() || m->server_streaming()) continue;
        Rpc rpc{fmt::format("/{}/{}", service->full_name(), m->name()), service->name(), m->name(),
                m->input_type(), m->output_type()};
        if (!out.rpcs.emplace(m->input_type()->full_name(), std::move(rpc)).second) {
          out.ambiguous.insert(m->input_type()->full_name());
        }
      }
    }
    return out;
  }();
  return rpcs;
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
  const auto& [rpcs, ambiguous] = table();
  if (ambiguous.count(request.GetDescriptor()->full_name()) > 0) {
    throw Error(ErrorKind::General, fmt::format("more than one RPC takes a {}", request.GetDescriptor()->full_name()));
  }
  auto it = rpcs.find(request.GetDescriptor()->full_name());
  if (it == rpcs.end()) {
    throw Error(ErrorKind::General, fmt::format("no RPC takes a {}", request.GetDescriptor()->full_name()));
  }
  if (response != nullptr && response->GetDescriptor() != it->second.response) {
    throw Error(ErrorKind::General, fmt::format("{} answers with a {}, not a {}", it->second.name,
                                                it->second.response->full_name(),
                                                response->GetDescriptor()->full_name()));
  }
  return it->second;
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
