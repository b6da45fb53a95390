// `twctl worker deployment list | describe | create | delete | describe-version | delete-version |
// set-current-version | set-ramping-version | update-version-metadata | manager-identity set | unset`.
#include "cli/flags.hpp"
#include "cli/meta.hpp"
#include "cli/select.hpp"
#include "cli/worker/worker.hpp"
#include "ops/worker/deployment.hpp"
#include "temporal/api/deployment/v1/message.pb.h"
#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::cli::worker {

namespace ops_wk = ops::worker;

namespace {

void add_version_flags(CLI::App& cmd, std::string& deployment_name, std::string& build_id, bool build_required) {
  values_from(cmd, cmd.add_option("--deployment-name", deployment_name, "The worker deployment's name"),
              Values::DeploymentName)
      ->required();
  auto* b = values_from(cmd, cmd.add_option("--build-id", build_id, "The version's build ID"), Values::BuildId);
  if (build_required) b->required();
}

void add_routing_flags(CLI::App& cmd, ops_wk::RoutingOptions& o) {
  add_version_flags(cmd, o.deployment_name, o.build_id, false);
  cmd.add_flag("--unversioned", o.unversioned, "The workers without a version, instead of --build-id");
  cmd.add_flag("--ignore-missing-task-queues", o.ignore_missing_task_queues,
               "Go ahead although the version does not poll every task queue the current one does");
  cmd.add_flag("--allow-no-pollers", o.allow_no_pollers, "Go ahead although no worker of the version polls yet");
  cmd.add_flag("-y,--yes", o.yes, "Do it without asking");
}

}  // namespace

void add_deployment(CLI::App& group, Selection& sel) {
  auto* dep = group.add_subcommand("deployment", "Worker Deployments and their versions");
  dep->require_subcommand(1);

  auto list = std::make_shared<ops_wk::DeploymentOptions>();
  auto* list_cmd = dep->add_subcommand("list", "List the namespace's worker deployments");
  set_help(*list_cmd, "Name, creation time, the current and the ramping build and its percentage; page by page.",
           {"twctl worker deployment list"});
  using Summary = temporal::api::workflowservice::v1::ListWorkerDeploymentsResponse::WorkerDeploymentSummary;
  add_record_output(*list_cmd, &Summary::descriptor,
                    {"name", "createTime", "routingConfig.currentDeploymentVersion.buildId",
                     "routingConfig.rampingDeploymentVersion.buildId", "routingConfig.rampingVersionPercentage"});
  bind(*list_cmd, sel, list, ops_wk::deployment_list);

  auto describe = std::make_shared<ops_wk::DeploymentOptions>();
  auto* describe_cmd = dep->add_subcommand("describe", "Show a worker deployment's routing and versions");
  values_from(*describe_cmd, describe_cmd->add_option("-d,--name", describe->name, "The worker deployment's name"),
              Values::DeploymentName)
      ->required();
  set_help(*describe_cmd, "A card of the current and ramping versions, then a table of every version.",
           {"twctl worker deployment describe \\\n    --name orders"});
  add_record_output(*describe_cmd, &temporal::api::deployment::v1::WorkerDeploymentInfo::descriptor,
                    {"name", "createTime", "routingConfig.currentDeploymentVersion.buildId",
                     "routingConfig.rampingDeploymentVersion.buildId", "routingConfig.rampingVersionPercentage"});
  bind(*describe_cmd, sel, describe, ops_wk::deployment_describe);

  auto del = std::make_shared<ops_wk::DeploymentOptions>();
  auto* del_cmd = dep->add_subcommand("delete", "Delete a worker deployment that has no versions left");
  values_from(*del_cmd, del_cmd->add_option("-d,--name", del->name, "The worker deployment's name"),
              Values::DeploymentName)
      ->required();
  set_help(*del_cmd, "Sends DeleteWorkerDeployment; the server refuses while the deployment has versions.",
           {"twctl worker deployment delete \\\n    --name orders"});
  bind(*del_cmd, sel, del, ops_wk::deployment_delete);

  auto dv = std::make_shared<ops_wk::VersionOptions>();
  auto* dv_cmd = dep->add_subcommand("describe-version", "Show a worker deployment version");
  add_version_flags(*dv_cmd, dv->deployment_name, dv->build_id, true);
  dv_cmd->add_flag("--report-task-queue-stats", dv->report_task_queue_stats, "Add each task queue's backlog");
  set_help(*dv_cmd, "Status, since when it is current or ramping, drainage, and the task queues it polls.",
           {"twctl worker deployment describe-version \\\n    --deployment-name orders \\\n    --build-id v2"});
  add_record_output(*dv_cmd, &temporal::api::workflowservice::v1::DescribeWorkerDeploymentVersionResponse::descriptor,
                    {"workerDeploymentVersionInfo.deploymentVersion.deploymentName",
                     "workerDeploymentVersionInfo.deploymentVersion.buildId", "workerDeploymentVersionInfo.status",
                     "workerDeploymentVersionInfo.createTime"});
  bind(*dv_cmd, sel, dv, ops_wk::version_describe);

  auto xv = std::make_shared<ops_wk::VersionOptions>();
  auto* xv_cmd = dep->add_subcommand("delete-version", "Delete a worker deployment version");
  add_version_flags(*xv_cmd, xv->deployment_name, xv->build_id, true);
  xv_cmd->add_flag("--skip-drainage", xv->skip_drainage, "Delete it although workflows may still run on it");
  set_help(*xv_cmd, "The server refuses a version that is current or ramping, still polled, or draining.",
           {"twctl worker deployment delete-version \\\n    --deployment-name orders \\\n    --build-id v1"});
  bind(*xv_cmd, sel, xv, ops_wk::version_delete);

  auto cur = std::make_shared<ops_wk::RoutingOptions>();
  auto* cur_cmd = dep->add_subcommand("set-current-version", "Make a version the one new workflows start on");
  add_routing_flags(*cur_cmd, *cur);
  cur_cmd->add_option("--wait-for-drain", cur->wait_for_drain,
                      "Then wait this long at most (e.g. 30m) for the version that was current to drain: exit 7 if "
                      "it has not");
  set_help(*cur_cmd,
           "Reads the deployment (for its conflict token; on a terminal it shows it and asks), then sends "
           "SetWorkerDeploymentCurrentVersion. Without a terminal, --yes is needed. With --wait-for-drain, a deploy "
           "step can wait until no workflow pinned to the previous version is open (its drainage status as the "
           "server reports it, checked with a growing pause).",
           {"twctl worker deployment set-current-version \\\n    --deployment-name orders \\\n    --build-id v2 \\\n"
            "    --yes",
            "twctl worker deployment set-current-version \\\n    --deployment-name orders \\\n    --build-id v3 \\\n"
            "    --yes \\\n    --wait-for-drain 30m"});
  bind(*cur_cmd, sel, cur, ops_wk::set_current);

  auto ramp = std::make_shared<ops_wk::RoutingOptions>();
  auto* ramp_cmd = dep->add_subcommand("set-ramping-version", "Send a share of new workflows to a version");
  add_routing_flags(*ramp_cmd, *ramp);
  ramp_cmd->add_option("--percentage", ramp->percentage, "Share of new workflows, 0 to 100");
  ramp_cmd->add_flag("--delete", ramp->delete_ramp, "Stop ramping");
  set_help(*ramp_cmd,
           "Like set-current-version, with --percentage; --delete stops the ramp. Without a terminal, --yes is "
           "needed.",
           {"twctl worker deployment set-ramping-version \\\n    --deployment-name orders \\\n    --build-id v3 \\\n"
            "    --percentage 10 \\\n    --yes"});
  bind(*ramp_cmd, sel, ramp, ops_wk::set_ramping);

  auto create = std::make_shared<ops_wk::DeploymentOptions>();
  auto* create_cmd = dep->add_subcommand("create", "Create a worker deployment before its workers poll");
  values_from(*create_cmd, create_cmd->add_option("-d,--name", create->name, "The worker deployment's name"),
              Values::DeploymentName)
      ->required();
  set_help(*create_cmd, "Sends CreateWorkerDeployment; the server refuses a name that exists (exit 5).",
           {"twctl worker deployment create \\\n    --name orders"});
  bind(*create_cmd, sel, create, ops_wk::deployment_create);

  auto md = std::make_shared<ops_wk::MetadataOptions>();
  auto* md_cmd = dep->add_subcommand("update-version-metadata", "Set or remove metadata entries of a version");
  add_version_flags(*md_cmd, md->deployment_name, md->build_id, true);
  add_repeatable(*md_cmd, "--metadata", md->metadata, "Entry KEY=JSON to set; repeatable");
  add_repeatable(*md_cmd, "--remove-entries", md->remove_entries, "Entry KEY to remove; repeatable");
  set_help(*md_cmd,
           "Sends UpdateWorkerDeploymentVersionMetadata and prints the metadata the version has now (a deploy "
           "pipeline can record a commit, an image or an owner there).",
           {"twctl worker deployment update-version-metadata \\\n    --deployment-name orders \\\n"
            "    --build-id v2 \\\n    --metadata 'commit=\"4f2a9c1\"' \\\n    --remove-entries owner"});
  bind(*md_cmd, sel, md, ops_wk::version_update_metadata);

  auto* mgr = dep->add_subcommand("manager-identity", "Who may change a worker deployment's routing");
  mgr->require_subcommand(1);
  auto mset = std::make_shared<ops_wk::ManagerOptions>();
  auto* mset_cmd = mgr->add_subcommand("set", "Set the identity that manages a worker deployment");
  values_from(*mset_cmd, mset_cmd->add_option("--deployment-name", mset->deployment_name, "The worker deployment's name"),
              Values::DeploymentName)
      ->required();
  mset_cmd->add_option("--manager-identity", mset->manager_identity, "The identity that may change the routing");
  mset_cmd->add_flag("--self", mset->self, "This client's identity (--identity)");
  mset_cmd->add_flag("-y,--yes", mset->yes, "Do it without asking");
  set_help(*mset_cmd,
           "Reads the deployment (conflict token; on a terminal it shows it and asks), then sends "
           "SetWorkerDeploymentManager: changes by any other identity are then refused.",
           {"twctl worker deployment manager-identity set \\\n    --deployment-name orders \\\n"
            "    --manager-identity deploy-bot \\\n    --yes"});
  bind(*mset_cmd, sel, mset, ops_wk::manager_identity);

  auto munset = std::make_shared<ops_wk::ManagerOptions>();
  munset->unset = true;
  auto* munset_cmd = mgr->add_subcommand("unset", "Let any identity change a worker deployment's routing");
  values_from(*munset_cmd,
              munset_cmd->add_option("--deployment-name", munset->deployment_name, "The worker deployment's name"),
              Values::DeploymentName)
      ->required();
  munset_cmd->add_flag("-y,--yes", munset->yes, "Do it without asking");
  set_help(*munset_cmd, "SetWorkerDeploymentManager with an empty identity, confirmed as `set` is.",
           {"twctl worker deployment manager-identity unset \\\n    --deployment-name orders \\\n    --yes"});
  bind(*munset_cmd, sel, munset, ops_wk::manager_identity);
}

}  // namespace twctl::cli::worker
