#include "cli/workflow/workflow.hpp"

namespace twctl::cli::workflow {

void add_group(CLI::App& root, Selection& sel) {
  auto* group = root.add_subcommand("workflow", "Start, inspect and control workflow executions");
  group->require_subcommand(1);
  add_start(*group, sel);
  add_describe(*group, sel);
  add_query(*group, sel);
  add_signal(*group, sel);
  add_signal_with_start(*group, sel);
  add_update(*group, sel);
  add_update_with_start(*group, sel);
  add_cancel(*group, sel);
  add_terminate(*group, sel);
  add_delete(*group, sel);
  add_result(*group, sel);
  add_execute(*group, sel);
  add_list(*group, sel);
  add_count(*group, sel);
  add_show(*group, sel);
  add_stack(*group, sel);
  add_metadata(*group, sel);
  add_reset(*group, sel);
  add_trace(*group, sel);
  add_pause(*group, sel);
  add_wait(*group, sel);
  add_update_options(*group, sel);
}

}  // namespace twctl::cli::workflow
