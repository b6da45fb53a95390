#pragma once
// `twctl operator namespace create | describe | list | update | delete`. The namespace acted on is the
// positional NAME or -n/--namespace (flag, TEMPORAL_NAMESPACE or the profile), as the official CLI takes it.

#include "app/context.hpp"
#include "ops/enum_flag.hpp"

#include <string>
#include <vector>

namespace twctl::ops::operator_ {

inline constexpr EnumFlag kHistoryArchivalState{"--history-archival-state", "temporal.api.enums.v1.ArchivalState"};
inline constexpr EnumFlag kVisibilityArchivalState{"--visibility-archival-state",
                                                   "temporal.api.enums.v1.ArchivalState"};
inline constexpr EnumFlag kReplicationState{"--replication-state", "temporal.api.enums.v1.ReplicationState"};

// What create and update share (update: empty means "unchanged").
struct NamespaceSettings {
  std::string retention;    // a duration
  std::string description;
  std::string email;
  std::vector<std::string> data;  // KEY=VALUE each
  std::string history_archival_state;
  std::string history_uri;
  std::string visibility_archival_state;
  std::string visibility_uri;
  std::string active_cluster;
  std::vector<std::string> clusters;
};

struct NamespaceCreateOptions {
  NamespaceCreateOptions() { settings.retention = "72h"; }
  std::string name;  // positional; else -n
  NamespaceSettings settings;
  bool global = false;
  bool if_not_exists = false;
};
struct NamespaceDescribeOptions {
  std::string name;
  std::string namespace_id;
};
struct NamespaceListOptions {};
struct NamespaceUpdateOptions {
  std::string name;
  NamespaceSettings settings;
  bool promote_global = false;
  std::string replication_state;
};
struct NamespaceDeleteOptions {
  std::string name;
  bool yes = false;
};

// RegisterNamespace. A namespace that exists fails with already_exists (exit 5), or exits 0 with
// --if-not-exists.
int namespace_create(const NamespaceCreateOptions& opts, Context& ctx);
// DescribeNamespace by name or by --namespace-id.
int namespace_describe(const NamespaceDescribeOptions& opts, Context& ctx);
// ListNamespaces, paged: a card per namespace in text, protobuf JSON otherwise.
int namespace_list(const NamespaceListOptions& opts, Context& ctx);
// UpdateNamespace with only what was given (the server keeps the rest).
int namespace_update(const NamespaceUpdateOptions& opts, Context& ctx);
// OperatorService DeleteNamespace, after a confirmation (the name typed on a terminal, or --yes).
int namespace_delete(const NamespaceDeleteOptions& opts, Context& ctx);

}  // namespace twctl::ops::operator_
