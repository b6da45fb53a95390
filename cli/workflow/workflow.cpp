#include "cli/workflow/workflow.hpp"

namespace twctl::cli::workflow {

void add_group(CLI::App& root, Selection& sel, const Reach& reach) {
  auto* group = root.add_subcommand("workflow", "Start, inspect and control workflow executions");
  group->require_subcommand(1);
  add_reachable(*group, sel, reach,
                {
                    {{"start"}, add_start},
                    {{"describe"}, add_describe},
                    {{"query"}, add_query},
                    {{"signal"}, add_signal},
                    {{"signal-with-start"}, add_signal_with_start},
                    {{"update"}, add_update},
                    {{"start-update-with-start", "execute-update-with-start"}, add_update_with_start},
                    {{"cancel"}, add_cancel},
                    {{"terminate"}, add_terminate},
                    {{"delete"}, add_delete},
                    {{"result"}, add_result},
                    {{"execute"}, add_execute},
                    {{"list"}, add_list},
                    {{"count"}, add_count},
                    {{"show"}, add_show},
                    {{"stack"}, add_stack},
                    {{"metadata"}, add_metadata},
                    {{"reset"}, add_reset},
                    {{"trace"}, add_trace},
                    {{"pause", "unpause"}, add_pause},
                    {{"wait"}, add_wait},
                    {{"update-options"}, add_update_options},
                });
}

}  // namespace twctl::cli::workflow
