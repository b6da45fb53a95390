#pragma once
// Live values for shell completion: what the cluster and the config file hold right now. Each function makes at
// most one or two calls; the caller bounds them in time (--command-timeout's deadline) and hides any failure.

#include "app/context.hpp"
#include "ops/workflow/reference_options.hpp"

#include <string>
#include <vector>

namespace twctl::ops::complete {

struct Candidate {
  std::string value;
  std::string description;  // "" when none
};

// Workflow IDs of recent executions starting with `prefix`, newest first, each once ("type, status").
std::vector<Candidate> workflow_ids(const std::string& prefix, Context& ctx);
// Runs of one workflow, newest first, with their status.
std::vector<Candidate> run_ids(const std::string& workflow_id, Context& ctx);
// Workflow types of recent executions starting with `prefix` (the server filters by the prefix), each once.
std::vector<Candidate> workflow_types(const std::string& prefix, Context& ctx);
// The namespace's batch jobs ("Running", "Completed", ...).
std::vector<Candidate> batch_jobs(Context& ctx);
// The cluster's namespaces.
std::vector<Candidate> namespaces(Context& ctx);
// Task queues of recent executions (no API lists task queues).
std::vector<Candidate> task_queues(Context& ctx);
// Instance keys of the namespace's workers ("identity on task queue").
std::vector<Candidate> worker_instance_keys(Context& ctx);
// The namespace's schedules ("workflow type, paused").
std::vector<Candidate> schedule_ids(Context& ctx);
// The cluster's Nexus endpoints ("namespace/task-queue" or the URL of their target).
std::vector<Candidate> nexus_endpoints(Context& ctx);
// The namespace's custom search attributes, with their types.
std::vector<Candidate> custom_search_attributes(Context& ctx);
// The clusters this one knows besides itself, with their addresses.
std::vector<Candidate> remote_clusters(Context& ctx);

// Activities of the workflow `ref` names (its pending ones), or without a workflow ID recent standalone
// activities: IDs ("type, state") and types.
std::vector<Candidate> activity_ids(const workflow::WorkflowRef& ref, Context& ctx);
std::vector<Candidate> activity_types(const workflow::WorkflowRef& ref, Context& ctx);
// The namespace's worker deployments ("current: BUILD"), and the build IDs of one's versions (their status).
std::vector<Candidate> deployment_names(Context& ctx);
std::vector<Candidate> build_ids(const std::string& deployment_name, Context& ctx);

enum class Handler { Query, Signal, Update };
// The handlers of `kind` the workflow defines, from its __temporal_workflow_metadata query.
std::vector<Candidate> handler_names(const workflow::WorkflowRef& ref, Handler kind, Context& ctx);

// Profile names in the config file the settings name; properties `config set` knows.
std::vector<Candidate> profiles(const Context& ctx);
std::vector<Candidate> config_props();

}  // namespace twctl::ops::complete
