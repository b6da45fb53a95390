// Nexus endpoints: the cluster-wide names that route Nexus requests to a namespace's task queue or to a URL.
#include "ops/operator/nexus.hpp"

#include "core/error.hpp"
#include "core/files.hpp"
#include "core/time_format.hpp"
#include "core/url.hpp"
#include "ops/confirm.hpp"
#include "ops/paging.hpp"
#include "output/proto_json.hpp"
#include "payload/payload.hpp"
#include "payload/text.hpp"

#include <fmt/format.h>

#include <optional>

#include "temporal/api/nexus/v1/message.pb.h"
#include "temporal/api/operatorservice/v1/request_response.pb.h"

namespace twctl::ops::operator_ {

namespace nexus = temporal::api::nexus::v1;
namespace osv = temporal::api::operatorservice::v1;

namespace {

void require_name(const std::string& name) {
  if (name.empty()) throw usage_error("--name must not be empty");
}

// The description as given: --description or the text of --description-file (not both; a file must not be
// empty). nullopt when neither was given.
std::optional<std::string> description_of(const NexusEndpointConfig& c) {
  if (!c.description.empty() && !c.description_file.empty()) {
    throw usage_error("--description and --description-file cannot be used together");
  }
  if (!c.description_file.empty()) {
    auto text = read_input_file("--description-file", c.description_file);
    if (text.empty()) throw usage_error(fmt::format("--description-file {}: the file is empty", c.description_file));
    return text;
  }
  if (!c.description.empty()) return c.description;
  return std::nullopt;
}

// Stored as the official CLI stores it: a json/plain payload of a JSON string.
payload::Payload description_payload(const NexusEndpointConfig& c, const std::string& text) {
  return payload::from_text(c.description_file.empty() ? "--description" : "--description-file " + c.description_file,
                            text);
}

// The description as text when it is a json/plain string; otherwise its JSON.
std::string description_text(const payload::Payload& p) {
  auto j = payload::to_json(p, true);
  return j.is_string() ? j.get<std::string>() : j.dump();
}

void check_url_alone(const NexusEndpointConfig& c) {
  if (!c.target_url.empty() && !c.target_namespace.empty()) {
    throw usage_error("--target-url and --target-namespace cannot be used together");
  }
  if (!c.target_url.empty() && !c.target_task_queue.empty()) {
    throw usage_error("--target-url and --target-task-queue cannot be used together");
  }
  if (auto p = c.target_url.empty() ? "" : http_url_problem(c.target_url); !p.empty()) {
    throw usage_error(fmt::format("--target-url: the value {}", p));  // the server's answer would not name it
  }
}

std::optional<nexus::Endpoint> find(const std::string& name, Context& ctx) {
  osv::ListNexusEndpointsRequest req;
  req.set_name(name);
  std::optional<nexus::Endpoint> found;
  for_each_page<osv::ListNexusEndpointsResponse>(ctx, req, [&](const osv::ListNexusEndpointsResponse& resp) {
    for (const auto& e : resp.endpoints()) {
      if (e.spec().name() == name) {
        found = e;
        return false;
      }
    }
    return true;
  });
  return found;
}

nexus::Endpoint find_or_throw(const std::string& name, Context& ctx) {
  auto e = find(name, ctx);
  if (!e) {
    Error err(ErrorKind::NotFound, fmt::format("Nexus endpoint {} not found", name));
    err.cause = "not_found";
    throw err;
  }
  return *e;
}

output::Card endpoint_card(const nexus::Endpoint& e, const Context& ctx) {
  const auto& s = e.spec();
  output::Card card{{"Id", e.id()}, {"Name", s.name()}, {"Version", std::to_string(e.version())}};
  if (e.has_created_time()) {
    card.emplace_back("CreatedTime", format_time(e.created_time(), ctx.globals.time_format, ctx.now()));
  }
  if (e.has_last_modified_time()) {
    card.emplace_back("LastModifiedTime", format_time(e.last_modified_time(), ctx.globals.time_format, ctx.now()));
  }
  if (s.target().has_external()) card.emplace_back("Target.External.URL", s.target().external().url());
  if (s.target().has_worker()) {
    card.emplace_back("Target.Worker.Namespace", s.target().worker().namespace_());
    card.emplace_back("Target.Worker.TaskQueue", s.target().worker().task_queue());
  }
  if (s.has_description()) card.emplace_back("Description", description_text(s.description()));
  if (!e.url_prefix().empty()) card.emplace_back("UrlPrefix", e.url_prefix());
  return card;
}

// Text: a confirmation on stderr; JSON: the endpoint as the server answered.
void print_changed(Context& ctx, const nexus::Endpoint& e, std::string_view what) {
  auto& out = ctx.printer();
  if (out.json()) out.document(output::proto_to_json(e, ctx.globals.shorthand_payloads));
  else if (out.text()) ctx.err << "Endpoint " << e.spec().name() << " " << what << ".\n";
}

}  // namespace

int nexus_endpoint_create(const NexusEndpointCreateOptions& opts, Context& ctx) {
  require_name(opts.name);
  const auto& c = opts.config;
  check_url_alone(c);
  bool worker = !c.target_namespace.empty() || !c.target_task_queue.empty();
  if (c.target_url.empty() && !worker) {
    throw usage_error("a target is required: --target-namespace and --target-task-queue, or --target-url");
  }
  if (worker && c.target_namespace.empty()) throw usage_error("--target-task-queue needs --target-namespace");
  if (worker && c.target_task_queue.empty()) throw usage_error("--target-namespace needs --target-task-queue");
  auto description = description_of(c);

  osv::CreateNexusEndpointRequest req;
  auto* spec = req.mutable_spec();
  spec->set_name(opts.name);
  if (description) *spec->mutable_description() = description_payload(c, *description);
  if (worker) {
    spec->mutable_target()->mutable_worker()->set_namespace_(c.target_namespace);
    spec->mutable_target()->mutable_worker()->set_task_queue(c.target_task_queue);
  } else {
    spec->mutable_target()->mutable_external()->set_url(c.target_url);
  }
  auto resp = client::call<osv::CreateNexusEndpointResponse>(ctx.gateway(), req);
  print_changed(ctx, resp.endpoint(), "created");
  return 0;
}

int nexus_endpoint_get(const NexusEndpointGetOptions& opts, Context& ctx) {
  require_name(opts.name);
  auto e = find_or_throw(opts.name, ctx);
  auto& out = ctx.printer();
  if (out.record(e, ctx.globals.shorthand_payloads)) return 0;
  if (out.json()) out.document(output::proto_to_json(e, ctx.globals.shorthand_payloads));
  else if (out.text()) out.write(output::render_card(endpoint_card(e, ctx), out.style()));
  return 0;
}

int nexus_endpoint_list(const NexusEndpointListOptions&, Context& ctx) {
  osv::ListNexusEndpointsRequest req;
  auto& out = ctx.printer();
  if (out.by_fields()) {
    stream_records<osv::ListNexusEndpointsResponse>(
        ctx, req, [](const osv::ListNexusEndpointsResponse& r) -> const auto& { return r.endpoints(); },
        ctx.globals.shorthand_payloads);
    return 0;
  }
  output::ListWriter items(out);
  bool first = true;
  for_each_page<osv::ListNexusEndpointsResponse>(ctx, req, [&](const osv::ListNexusEndpointsResponse& resp) {
    for (const auto& e : resp.endpoints()) {
      if (out.json()) {
        items.add(output::proto_to_json(e, ctx.globals.shorthand_payloads));
      } else if (out.text()) {
        if (!first) out.write("\n");  // cards apart by a blank line
        out.write(output::render_card(endpoint_card(e, ctx), out.style()));
        first = false;
      }
    }
    items.flush();
    return out.ok();
  });
  items.finish();
  return 0;
}

int nexus_endpoint_update(const NexusEndpointUpdateOptions& opts, Context& ctx) {
  require_name(opts.name);
  const auto& c = opts.config;
  check_url_alone(c);
  auto description = description_of(c);
  if (opts.unset_description && description) {
    throw usage_error(fmt::format("--unset-description and {} cannot be used together",
                                  c.description.empty() ? "--description-file" : "--description"));
  }
  bool worker = !c.target_namespace.empty() || !c.target_task_queue.empty();
  if (!description && !opts.unset_description && !worker && c.target_url.empty()) {
    throw usage_error("nothing to update: give --description, --description-file, --unset-description, "
                      "--target-namespace, --target-task-queue or --target-url");
  }

  auto existing = find_or_throw(opts.name, ctx);
  osv::UpdateNexusEndpointRequest req;
  req.set_id(existing.id());
  req.set_version(existing.version());
  auto* spec = req.mutable_spec();
  *spec = existing.spec();
  if (description) *spec->mutable_description() = description_payload(c, *description);
  if (opts.unset_description) spec->clear_description();
  if (!c.target_url.empty()) {
    spec->mutable_target()->mutable_external()->set_url(c.target_url);
  } else if (worker) {
    if (!spec->target().has_worker() && (c.target_namespace.empty() || c.target_task_queue.empty())) {
      throw usage_error(fmt::format("endpoint {} has an external target: switching it to a worker target needs "
                                    "both --target-namespace and --target-task-queue",
                                    opts.name));
    }
    auto* w = spec->mutable_target()->mutable_worker();
    if (!c.target_namespace.empty()) w->set_namespace_(c.target_namespace);
    if (!c.target_task_queue.empty()) w->set_task_queue(c.target_task_queue);
  }
  auto resp = client::call<osv::UpdateNexusEndpointResponse>(ctx.gateway(), req);
  print_changed(ctx, resp.endpoint(), "updated");
  return 0;
}

int nexus_endpoint_delete(const NexusEndpointDeleteOptions& opts, Context& ctx) {
  require_name(opts.name);
  confirm(ctx, opts.yes, fmt::format("Delete Nexus endpoint {}? y/N", opts.name),
          fmt::format("add --yes to delete Nexus endpoint {}", opts.name));
  auto existing = find_or_throw(opts.name, ctx);
  osv::DeleteNexusEndpointRequest req;
  req.set_id(existing.id());
  req.set_version(existing.version());
  client::call<osv::DeleteNexusEndpointResponse>(ctx.gateway(), req);
  auto& out = ctx.printer();
  if (out.json()) out.document({{"name", opts.name}, {"id", existing.id()}, {"deleted", true}});
  else if (out.text()) ctx.err << "Endpoint " << opts.name << " deleted (ID " << existing.id() << ").\n";
  return 0;
}

}  // namespace twctl::ops::operator_
