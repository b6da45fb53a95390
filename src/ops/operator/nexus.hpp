#pragma once
// `twctl operator nexus endpoint create | get | list | update | delete`. An endpoint is named by --name; the
// calls that change one by ID and version take both from a ListNexusEndpoints by name first.

#include "app/context.hpp"

#include <string>

namespace twctl::ops::operator_ {

// Where an endpoint routes (a worker target: namespace and task queue; or an external URL) and its description.
struct NexusEndpointConfig {
  std::string description;
  std::string description_file;
  std::string target_namespace;
  std::string target_task_queue;
  std::string target_url;
};

struct NexusEndpointCreateOptions {
  std::string name;
  NexusEndpointConfig config;
};
struct NexusEndpointGetOptions {
  std::string name;
};
struct NexusEndpointListOptions {};
struct NexusEndpointUpdateOptions {
  std::string name;
  NexusEndpointConfig config;
  bool unset_description = false;
};
struct NexusEndpointDeleteOptions {
  std::string name;
  bool yes = false;
};

// CreateNexusEndpoint: a worker target (--target-namespace and --target-task-queue) or --target-url.
int nexus_endpoint_create(const NexusEndpointCreateOptions& opts, Context& ctx);
// ListNexusEndpoints by name: a card, or the Endpoint in JSON; not_found (exit 4) when none has the name.
int nexus_endpoint_get(const NexusEndpointGetOptions& opts, Context& ctx);
// ListNexusEndpoints, every page: a card per endpoint, or Endpoint JSON items.
int nexus_endpoint_list(const NexusEndpointListOptions& opts, Context& ctx);
// The endpoint by name, then UpdateNexusEndpoint with its ID and version and the spec patched by what is given.
int nexus_endpoint_update(const NexusEndpointUpdateOptions& opts, Context& ctx);
// Confirms (a question on a terminal, --yes otherwise) before anything is sent, then looks the endpoint up by
// name and sends DeleteNexusEndpoint with its ID and version.
int nexus_endpoint_delete(const NexusEndpointDeleteOptions& opts, Context& ctx);

}  // namespace twctl::ops::operator_
