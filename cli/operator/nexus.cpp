// `twctl operator nexus endpoint create | get | list | update | delete`.
#include "cli/flags.hpp"
#include "cli/meta.hpp"
#include "cli/operator/operator.hpp"
#include "cli/select.hpp"
#include "ops/operator/nexus.hpp"
#include "temporal/api/nexus/v1/message.pb.h"

namespace twctl::cli::operator_ {

namespace ops_op = ops::operator_;

namespace {

void add_name(CLI::App& cmd, std::string& name, bool existing) {
  auto* opt = cmd.add_option("--name", name, "The endpoint's name")->required();
  if (existing) values_from(cmd, opt, Values::NexusEndpoint);
}

void add_config(CLI::App& cmd, ops_op::NexusEndpointConfig& c) {
  cmd.add_option("--description", c.description, "Description (Markdown), stored with the endpoint");
  values_from(cmd, cmd.add_option("--description-file", c.description_file, "Read the description from this file"),
              Values::File);
  values_from(cmd, cmd.add_option("--target-namespace", c.target_namespace, "Worker target: the namespace"),
              Values::Namespace);
  values_from(cmd, cmd.add_option("--target-task-queue", c.target_task_queue, "Worker target: the task queue"),
              Values::TaskQueue);
  cmd.add_option("--target-url", c.target_url, "External target: the URL Nexus requests are sent to");
}

}  // namespace

void add_nexus(CLI::App& parent, Selection& sel) {
  auto* nexus = parent.add_subcommand("nexus", "Manage Nexus endpoints");
  nexus->require_subcommand(1);
  auto* group = nexus->add_subcommand("endpoint", "Create, show, list, update and delete Nexus endpoints");
  group->require_subcommand(1);

  auto create = std::make_shared<ops_op::NexusEndpointCreateOptions>();
  auto* create_cmd = group->add_subcommand("create", "Create a Nexus endpoint");
  add_name(*create_cmd, create->name, false);
  add_config(*create_cmd, create->config);
  set_help(*create_cmd,
           "Creates an endpoint that routes Nexus requests to a worker target (--target-namespace and "
           "--target-task-queue) or to an external --target-url. The description is stored as a JSON string. "
           "Text output confirms on stderr; -o json prints the endpoint as the server made it.",
           {"twctl operator nexus endpoint create \\\n    --name orders \\\n    --target-namespace default \\\n"
            "    --target-task-queue orders-nexus \\\n    --description \"Order processing\""});
  bind(*create_cmd, sel, create, ops_op::nexus_endpoint_create);

  auto get = std::make_shared<ops_op::NexusEndpointGetOptions>();
  auto* get_cmd = group->add_subcommand("get", "Show a Nexus endpoint");
  add_name(*get_cmd, get->name, true);
  set_help(*get_cmd,
           "Prints the endpoint's ID, version, times, target and description; -o json prints the Endpoint. Exits 4 "
           "when no endpoint has the name.",
           {"twctl operator nexus endpoint get \\\n    --name orders"});
  add_record_output(*get_cmd, &temporal::api::nexus::v1::Endpoint::descriptor,
                    {"spec.name", "id", "spec.target"});
  bind(*get_cmd, sel, get, ops_op::nexus_endpoint_get);

  auto list = std::make_shared<ops_op::NexusEndpointListOptions>();
  auto* list_cmd = group->add_subcommand("list", "List the cluster's Nexus endpoints");
  set_help(*list_cmd, "A card per endpoint in text; a JSON array (-o json) or one endpoint per line (-o jsonl).",
           {"twctl operator nexus endpoint list", "twctl operator nexus endpoint list \\\n    --output jsonl"});
  add_record_output(*list_cmd, &temporal::api::nexus::v1::Endpoint::descriptor,
                    {"spec.name", "id", "spec.target"});
  bind(*list_cmd, sel, list, ops_op::nexus_endpoint_list);

  auto update = std::make_shared<ops_op::NexusEndpointUpdateOptions>();
  auto* update_cmd = group->add_subcommand("update", "Change a Nexus endpoint's target or description");
  add_name(*update_cmd, update->name, true);
  add_config(*update_cmd, update->config);
  update_cmd->add_flag("--unset-description", update->unset_description, "Remove the description");
  set_help(*update_cmd,
           "Looks the endpoint up by name for its ID and version, then sends UpdateNexusEndpoint with only what is "
           "given changed: --target-url replaces the target; --target-namespace or --target-task-queue alone changes "
           "that half of a worker target (both are needed to switch from a URL).",
           {"twctl operator nexus endpoint update \\\n    --name orders \\\n    --target-task-queue orders-nexus-v2",
            "twctl operator nexus endpoint update \\\n    --name orders \\\n    --description-file orders.md"});
  bind(*update_cmd, sel, update, ops_op::nexus_endpoint_update);

  auto del = std::make_shared<ops_op::NexusEndpointDeleteOptions>();
  auto* delete_cmd = group->add_subcommand("delete", "Delete a Nexus endpoint");
  add_name(*delete_cmd, del->name, true);
  delete_cmd->add_flag("-y,--yes", del->yes, "Delete without asking");
  set_help(*delete_cmd,
           "Asks first on a terminal; otherwise (or with -o json) --yes is needed, and nothing is sent without it. "
           "Then looks the endpoint up by name and deletes it by ID and version.",
           {"twctl operator nexus endpoint delete \\\n    --name orders \\\n    --yes"});
  bind(*delete_cmd, sel, del, ops_op::nexus_endpoint_delete);
}

}  // namespace twctl::cli::operator_
