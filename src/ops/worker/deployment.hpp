#pragma once
// `twctl worker deployment …`: Worker Deployments and their versions (which build gets new workflows and how
// much traffic a ramping build takes).

#include "app/context.hpp"

#include <string>
#include <vector>

namespace twctl::ops::worker {

struct DeploymentOptions {
  std::string name;  // -d/--name
};

struct VersionOptions {
  std::string deployment_name;
  std::string build_id;
  bool report_task_queue_stats = false;  // describe-version
  bool skip_drainage = false;            // delete-version
};

struct MetadataOptions {
  std::string deployment_name;
  std::string build_id;
  std::vector<std::string> metadata;        // --metadata KEY=JSON (repeatable): entries to set
  std::vector<std::string> remove_entries;  // --remove-entries KEY (repeatable)
};

struct ManagerOptions {
  std::string deployment_name;
  std::string manager_identity;  // set: --manager-identity, or --self
  bool self = false;
  bool unset = false;            // manager-identity unset
  bool yes = false;
};

struct RoutingOptions {
  std::string deployment_name;
  std::string build_id;  // "" with --unversioned: the unversioned workers
  bool unversioned = false;
  bool ignore_missing_task_queues = false;
  bool allow_no_pollers = false;
  bool yes = false;
  std::string percentage;  // set-ramping-version: 0 to 100
  bool delete_ramp = false;  // set-ramping-version --delete
  std::string wait_for_drain;  // set-current-version: a duration to wait for the previous version to drain
};

// ListWorkerDeployments, paged: name, create time, current and ramping versions; JSON: each summary.
int deployment_list(const DeploymentOptions& opts, Context& ctx);
// DescribeWorkerDeployment: a card of its routing and a table of its versions; JSON: the response.
int deployment_describe(const DeploymentOptions& opts, Context& ctx);
// DeleteWorkerDeployment (only one without versions).
int deployment_delete(const DeploymentOptions& opts, Context& ctx);
// DescribeWorkerDeploymentVersion: a card and its task queues (with --report-task-queue-stats, their backlog).
int version_describe(const VersionOptions& opts, Context& ctx);
// DeleteWorkerDeploymentVersion (--skip-drainage).
int version_delete(const VersionOptions& opts, Context& ctx);
// Set the current / ramping version: DescribeWorkerDeployment for the conflict token (and the card shown before
// asking; --yes without a terminal), then SetWorkerDeploymentCurrentVersion / RampingVersion.
// set-current-version --wait-for-drain D: then waits (up to D) until the version that was current before reports
// drained (no open pinned workflows left): progress on stderr on a terminal; exit 7 when D passes first.
int set_current(const RoutingOptions& opts, Context& ctx);
int set_ramping(const RoutingOptions& opts, Context& ctx);
// CreateWorkerDeployment: a deployment before any worker of it polls (refused if it exists: exit 5).
int deployment_create(const DeploymentOptions& opts, Context& ctx);
// UpdateWorkerDeploymentVersionMetadata: set and remove entries; prints the metadata the version has now.
int version_update_metadata(const MetadataOptions& opts, Context& ctx);
// SetWorkerDeploymentManager: who may change the deployment's routing (another identity is refused); confirmed
// as set-current-version is, with the conflict token.
int manager_identity(const ManagerOptions& opts, Context& ctx);

}  // namespace twctl::ops::worker
