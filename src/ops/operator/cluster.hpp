#pragma once
// `twctl operator cluster health | system | describe | list | upsert | remove`.

#include "app/context.hpp"

#include <string>

namespace twctl::ops::operator_ {

struct ClusterHealthOptions {
  std::string wait;  // a duration; empty: ask once
};
struct ClusterSystemOptions {};
struct ClusterDescribeOptions {
  bool detail = false;
};
struct ClusterListOptions {
  int limit = 0;
};
struct ClusterUpsertOptions {
  std::string frontend_address;
  bool enable_connection = false;
  bool enable_replication = false;
};
struct ClusterRemoveOptions {
  std::string name;
  bool yes = false;
};

// The gRPC health check of the frontend's WorkflowService. Without --wait: exit 0 and SERVING, or unavailable
// (exit 6). With --wait: asks again with a growing pause (a refused or reset connection, UNAVAILABLE or
// NOT_SERVING are waited out) until SERVING, or deadline_exceeded (exit 7) when the wait runs out.
int cluster_health(const ClusterHealthOptions& opts, Context& ctx);
// GetSystemInfo: the server's version and capabilities.
int cluster_system(const ClusterSystemOptions& opts, Context& ctx);
// GetClusterInfo: the cluster's name, stores and, with --detail, shards and versions.
int cluster_describe(const ClusterDescribeOptions& opts, Context& ctx);
// OperatorService ListClusters, paged.
int cluster_list(const ClusterListOptions& opts, Context& ctx);
// OperatorService AddOrUpdateRemoteCluster / RemoveRemoteCluster (remove confirms).
int cluster_upsert(const ClusterUpsertOptions& opts, Context& ctx);
int cluster_remove(const ClusterRemoveOptions& opts, Context& ctx);

}  // namespace twctl::ops::operator_
