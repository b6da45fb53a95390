// `twctl operator namespace create | describe | list | update | delete`.
#include "cli/flags.hpp"
#include "cli/operator/operator.hpp"
#include "cli/select.hpp"
#include "ops/operator/namespace.hpp"
#include "temporal/api/workflowservice/v1/request_response.pb.h"

namespace twctl::cli::operator_ {

namespace ops_op = ops::operator_;

namespace {

// NAME: the namespace, as the official CLI's deprecated argument; -n/--namespace does the same.
void add_name(CLI::App& cmd, std::string& name) {
  values_from(cmd, cmd.add_option("name", name, "The namespace (or -n/--namespace)")->type_name("NAME"),
              Values::Namespace);
}

// The flags create and update share; `create`: the defaults and help of create.
void add_settings(CLI::App& cmd, ops_op::NamespaceSettings& s, bool create) {
  auto* retention = cmd.add_option("--retention", s.retention,
                                   create ? "How long closed workflows are kept, e.g. 72h or 30d"
                                          : "How long closed workflows are kept, e.g. 30d (default: unchanged)");
  if (create) retention->capture_default_str();
  cmd.add_option("--description", s.description, "Namespace description");
  cmd.add_option("--email", s.email, "Owner's email address");
  add_repeatable(cmd, "--data", s.data, "Namespace data KEY=VALUE; repeatable");
  one_of_enum(cmd, cmd.add_option("--history-archival-state", s.history_archival_state, "History archival"),
              ops_op::kHistoryArchivalState);
  cmd.add_option("--history-uri", s.history_uri, "History archival URI (cannot be changed once set)");
  one_of_enum(cmd, cmd.add_option("--visibility-archival-state", s.visibility_archival_state, "Visibility archival"),
              ops_op::kVisibilityArchivalState);
  cmd.add_option("--visibility-uri", s.visibility_uri, "Visibility archival URI (cannot be changed once set)");
  cmd.add_option("--active-cluster", s.active_cluster,
                 create ? "Active cluster name" : "Fail the namespace over to this cluster (alone: no other change)");
  add_repeatable(cmd, "--cluster", s.clusters, "Cluster name; repeatable");
}

}  // namespace

void add_namespace(CLI::App& parent, Selection& sel) {
  auto* group = parent.add_subcommand("namespace", "Create, describe, list, update and delete namespaces");
  group->require_subcommand(1);

  auto create = std::make_shared<ops_op::NamespaceCreateOptions>();
  auto* create_cmd = group->add_subcommand("create", "Register a new namespace");
  add_name(*create_cmd, create->name);
  add_settings(*create_cmd, create->settings, true);
  create_cmd->add_flag("--global", create->global, "A global (replicated) namespace");
  create_cmd->add_flag("--if-not-exists", create->if_not_exists, "Succeed when the namespace already exists");
  set_help(*create_cmd,
           "Registers the namespace given as NAME or with -n (which must be named: the default namespace is not "
           "assumed). One that exists fails with exit 5 (already_exists), or exits 0 with --if-not-exists; nothing "
           "is changed then. The server may take a few seconds to make a new namespace usable everywhere.",
           {"twctl operator namespace create orders \\\n    --retention 30d \\\n    --description \"Order processing\"",
            "twctl operator namespace create \\\n    --namespace orders \\\n    --data team=payments \\\n"
            "    --if-not-exists"});
  bind(*create_cmd, sel, create, ops_op::namespace_create);

  auto describe = std::make_shared<ops_op::NamespaceDescribeOptions>();
  auto* describe_cmd = group->add_subcommand("describe", "Show a namespace's settings");
  add_name(*describe_cmd, describe->name);
  describe_cmd->add_option("--namespace-id", describe->namespace_id, "Describe by ID instead of by name");
  set_help(*describe_cmd, "Prints a card of the namespace's info, config and replication; -o json prints the "
                          "server's DescribeNamespace answer.",
           {"twctl operator namespace describe orders", "twctl operator namespace describe \\\n"
                                                        "    --namespace-id 5b7a2c1e-...."});
  add_record_output(*describe_cmd, &temporal::api::workflowservice::v1::DescribeNamespaceResponse::descriptor,
                    {"namespaceInfo.name", "namespaceInfo.id", "namespaceInfo.state",
                     "config.workflowExecutionRetentionTtl", "isGlobalNamespace"});
  bind(*describe_cmd, sel, describe, ops_op::namespace_describe);

  auto list = std::make_shared<ops_op::NamespaceListOptions>();
  auto* list_cmd = group->add_subcommand("list", "List the cluster's namespaces");
  set_help(*list_cmd, "A card per namespace in text; a JSON array (-o json) or one namespace per line (-o jsonl).",
           {"twctl operator namespace list", "twctl operator namespace list \\\n    --output jsonl"});
  add_record_output(*list_cmd, &temporal::api::workflowservice::v1::DescribeNamespaceResponse::descriptor,
                    {"namespaceInfo.name", "namespaceInfo.id", "namespaceInfo.state",
                     "config.workflowExecutionRetentionTtl", "isGlobalNamespace"});
  bind(*list_cmd, sel, list, ops_op::namespace_list);

  auto update = std::make_shared<ops_op::NamespaceUpdateOptions>();
  auto* update_cmd = group->add_subcommand("update", "Change a namespace's settings");
  add_name(*update_cmd, update->name);
  add_settings(*update_cmd, update->settings, false);
  update_cmd->add_flag("--promote-global", update->promote_global, "Promote a local namespace to global");
  one_of_enum(*update_cmd,
              update_cmd->add_option("--replication-state", update->replication_state, "Replication state"),
              ops_op::kReplicationState);
  set_help(*update_cmd,
           "Sends only what is given; the server keeps the rest (--data adds or replaces keys). --active-cluster "
           "is a failover and goes alone.",
           {"twctl operator namespace update orders \\\n    --retention 14d \\\n    --data owner=payments"});
  bind(*update_cmd, sel, update, ops_op::namespace_update);

  auto del = std::make_shared<ops_op::NamespaceDeleteOptions>();
  auto* delete_cmd = group->add_subcommand("delete", "Delete a namespace and its workflows");
  add_name(*delete_cmd, del->name);
  delete_cmd->add_flag("-y,--yes", del->yes, "Delete without asking");
  set_help(*delete_cmd,
           "Sends OperatorService DeleteNamespace: the server renames the namespace at once and removes its data "
           "in the background. On a terminal it asks for the namespace's name to be typed; otherwise (or with "
           "-o json) --yes is needed, and nothing is sent without it. The namespace must be named (NAME or -n).",
           {"twctl operator namespace delete orders \\\n    --yes"});
  bind(*delete_cmd, sel, del, ops_op::namespace_delete);
}

}  // namespace twctl::cli::operator_
