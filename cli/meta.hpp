#pragma once
// What a command or flag needs beyond what CLI11 holds: enum choices, where live values come from, environment
// variables, the long description and the examples. Kept by the root of each tree, keyed by CLI11's own
// pointers and filled by the same helpers that declare the flags, so that there is no second table: help, man
// pages and shell completion all read this and the CLI11 tree.

#include <CLI/CLI.hpp>

#include "ops/enum_flag.hpp"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace google::protobuf {
class Descriptor;
}  // namespace google::protobuf

namespace twctl::cli {

// Where a flag's values come from when completing it.
enum class Values {
  None,          // free text
  File,          // a path (the shell completes files)
  Directory,     // a folder
  WorkflowId,    // recent executions (visibility API)
  RunId,         // runs of the workflow given with -w
  WorkflowType,  // types of recent executions
  Namespace,     // ListNamespaces
  BatchJobId,    // ListBatchOperations
  TaskQueue,     // task queues of recent executions
  WorkerInstanceKey,  // ListWorkers
  NexusEndpoint,      // OperatorService ListNexusEndpoints
  ScheduleId,         // ListSchedules
  SearchAttribute,    // the namespace's custom search attributes (OperatorService ListSearchAttributes)
  RemoteCluster,      // clusters other than this one (OperatorService ListClusters)
  ActivityId,    // pending activities of the workflow given with -w; without -w, standalone activities
  ActivityType,  // pending activities' types of the workflow given with -w; without -w, standalone ones'
  DeploymentName,  // ListWorkerDeployments
  BuildId,         // versions of the deployment given with --deployment-name
  QueryName,     // from the __temporal_workflow_metadata query of the workflow given with -w
  SignalName,
  UpdateName,
  Profile,       // profiles in temporal.toml
  ConfigProp,    // properties `config set` knows
  FieldPath,     // the paths of the command's record type (--fields)
};

struct FlagMeta {
  std::vector<std::string> choices;  // an enum flag's values (flag_meta fills them from lazy_choices)
  std::function<std::vector<std::string>()> lazy_choices;
  Values values = Values::None;
  std::vector<std::string> env;  // environment variables that set it (see config/settings.cpp)
};

// --fields and --no-header as typed (cli/options/record_output).
struct RecordFlags {
  std::string fields;
  bool no_header = false;
};

// A command that prints records: the records' message type (its generated descriptor(), so that only that
// type's file is registered and built), the paths of the columns its text table or card shows (what -o tsv
// prints without --fields), and its typed flags.
struct RecordMeta {
  const google::protobuf::Descriptor* (*type)() = nullptr;
  std::vector<std::string> columns;
  std::shared_ptr<RecordFlags> flags;
};

struct CommandMeta {
  std::string description;
  std::vector<std::string> examples;
  std::optional<RecordMeta> records;
};

class Registry {
 public:
  FlagMeta& flag(const CLI::Option* opt) { return flags_[opt]; }
  const FlagMeta* find(const CLI::Option* opt) const;
  CommandMeta& command(const CLI::App* app) { return commands_[app]; }
  const CommandMeta* find(const CLI::App* app) const;

 private:
  std::map<const CLI::Option*, FlagMeta> flags_;
  std::map<const CLI::App*, CommandMeta> commands_;
};

// The root of a twctl command tree: a CLI11 app that carries the tree's registry.
class RootApp : public CLI::App {
 public:
  using CLI::App::App;
  Registry meta;
};

// The registry of the tree `app` belongs to; null when its root is a plain CLI::App (metadata is then dropped).
Registry* registry_of(CLI::App& app);
const Registry* registry_of(const CLI::App& app);

// An enum flag: checks the value and records the choices for completion and man pages.
CLI::Option* one_of(CLI::App& cmd, CLI::Option* opt, const std::vector<std::string>& choices,
                    bool ignore_case = false);
// An enum flag whose values are a proto enum's (ops/enum_flag.hpp): the same, with the values read from the
// descriptor only when needed (a value checked, help, completion or a man page), not at every start.
CLI::Option* one_of_enum(CLI::App& cmd, CLI::Option* opt, const ops::EnumFlag& e);
// Says where the flag's values come from, for completion.
CLI::Option* values_from(CLI::App& cmd, CLI::Option* opt, Values values);

// The flag's metadata, or an empty one.
FlagMeta flag_meta(const CLI::App& cmd, const CLI::Option* opt);
CommandMeta command_meta(const CLI::App& cmd);

}  // namespace twctl::cli
