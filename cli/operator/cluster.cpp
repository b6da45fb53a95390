// `twctl operator cluster health | system | describe | list | upsert | remove`.
#include "cli/flags.hpp"
#include "cli/operator/operator.hpp"
#include "cli/select.hpp"
#include "ops/operator/cluster.hpp"
#include "temporal/api/operatorservice/v1/request_response.pb.h"
#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::cli::operator_ {

namespace ops_op = ops::operator_;

void add_cluster(CLI::App& parent, Selection& sel) {
  auto* group = parent.add_subcommand("cluster", "Check the cluster's health, version and remote clusters");
  group->require_subcommand(1);

  auto health = std::make_shared<ops_op::ClusterHealthOptions>();
  auto* health_cmd = group->add_subcommand("health", "Check whether the cluster's frontend is serving");
  health_cmd->add_option("--wait", health->wait,
                         "Wait up to this long for the cluster to serve, e.g. 30s (default: ask once)");
  set_help(*health_cmd,
           "Asks the frontend's gRPC health service about the WorkflowService and prints SERVING, or fails with exit "
           "6 (unavailable). With --wait it asks again, pausing a little longer each time, while the server is "
           "not up yet (connection refused, UNAVAILABLE, NOT_SERVING), and fails with exit 7 (deadline_exceeded) "
           "when the wait runs out.",
           {"twctl operator cluster health", "twctl operator cluster health \\\n    --wait 30s"});
  bind(*health_cmd, sel, health, ops_op::cluster_health);

  auto system = std::make_shared<ops_op::ClusterSystemOptions>();
  auto* system_cmd = group->add_subcommand("system", "Show the server's version and capabilities");
  set_help(*system_cmd, "Prints GetSystemInfo: the server's version and every capability it reports.",
           {"twctl operator cluster system", "twctl operator cluster system \\\n    --output json"});
  add_record_output(*system_cmd, &temporal::api::workflowservice::v1::GetSystemInfoResponse::descriptor,
                    {"serverVersion"});
  bind(*system_cmd, sel, system, ops_op::cluster_system);

  auto describe = std::make_shared<ops_op::ClusterDescribeOptions>();
  auto* describe_cmd = group->add_subcommand("describe", "Show the cluster's name, ID and stores");
  describe_cmd->add_flag("--detail", describe->detail,
                         "Add shard count, failover versions, supported clients and version info");
  set_help(*describe_cmd, "Prints GetClusterInfo: cluster name and ID, server version, persistence and visibility "
                          "stores; more with --detail.",
           {"twctl operator cluster describe \\\n    --detail"});
  add_record_output(*describe_cmd, &temporal::api::workflowservice::v1::GetClusterInfoResponse::descriptor,
                    {"clusterName", "clusterId", "serverVersion", "persistenceStore", "visibilityStore"});
  bind(*describe_cmd, sel, describe, ops_op::cluster_describe);

  auto list = std::make_shared<ops_op::ClusterListOptions>();
  auto* list_cmd = group->add_subcommand("list", "List the cluster and its remote clusters");
  list_cmd->add_option("--limit", list->limit, "Stop after this many clusters (0: all)");
  set_help(*list_cmd, "Lists the clusters this cluster knows (itself included), page by page.",
           {"twctl operator cluster list", "twctl operator cluster list \\\n    --output jsonl"});
  add_record_output(*list_cmd, &temporal::api::operatorservice::v1::ClusterMetadata::descriptor,
                    {"clusterName", "clusterId", "address", "historyShardCount", "initialFailoverVersion",
                     "isConnectionEnabled", "isReplicationEnabled"});
  bind(*list_cmd, sel, list, ops_op::cluster_list);

  auto upsert = std::make_shared<ops_op::ClusterUpsertOptions>();
  auto* upsert_cmd = group->add_subcommand("upsert", "Add a remote cluster or update its settings");
  upsert_cmd->add_option("--frontend-address", upsert->frontend_address, "The remote cluster's frontend host:port")
      ->required();
  upsert_cmd->add_flag("--enable-connection", upsert->enable_connection, "Enable the connection to it");
  upsert_cmd->add_flag("--enable-replication", upsert->enable_replication, "Enable replication to it");
  set_help(*upsert_cmd, "Sends AddOrUpdateRemoteCluster; the server reads the remote cluster's name from it.",
           {"twctl operator cluster upsert \\\n    --frontend-address other-cluster:7233 \\\n"
            "    --enable-connection"});
  bind(*upsert_cmd, sel, upsert, ops_op::cluster_upsert);

  auto remove = std::make_shared<ops_op::ClusterRemoveOptions>();
  auto* remove_cmd = group->add_subcommand("remove", "Remove a remote cluster");
  values_from(*remove_cmd, remove_cmd->add_option("--name", remove->name, "The remote cluster's name")->required(),
              Values::RemoteCluster);
  remove_cmd->add_flag("-y,--yes", remove->yes, "Remove without asking");
  set_help(*remove_cmd,
           "Sends RemoveRemoteCluster. Asks first on a terminal; otherwise (or with -o json) --yes is needed.",
           {"twctl operator cluster remove \\\n    --name other-cluster \\\n    --yes"});
  bind(*remove_cmd, sel, remove, ops_op::cluster_remove);
}

}  // namespace twctl::cli::operator_
