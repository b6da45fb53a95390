#pragma once

#include "cli/app.hpp"

#include <CLI/CLI.hpp>

namespace twctl::ops::workflow {
struct StartOptions;
struct VersioningOverrideFlags;
}

namespace twctl::cli::workflow {

// `twctl workflow ...`: one line per verb; each verb's flags, help and action live in its own file.
void add_group(CLI::App& root, Selection& sel, const Reach& reach = Reach::whole_tree());

// The flags of starting a workflow, shared by start, execute, signal-with-start and the update-with-start
// commands (the input family included).
void add_start_flags(CLI::App& cmd, ops::workflow::StartOptions& opts);

void add_start(CLI::App& group, Selection& sel);
void add_execute(CLI::App& group, Selection& sel);
void add_signal_with_start(CLI::App& group, Selection& sel);
void add_update_with_start(CLI::App& group, Selection& sel);  // start-… and execute-update-with-start
void add_describe(CLI::App& group, Selection& sel);
void add_query(CLI::App& group, Selection& sel);
void add_cancel(CLI::App& group, Selection& sel);
void add_terminate(CLI::App& group, Selection& sel);
void add_delete(CLI::App& group, Selection& sel);
void add_signal(CLI::App& group, Selection& sel);
void add_count(CLI::App& group, Selection& sel);
void add_update(CLI::App& group, Selection& sel);
void add_stack(CLI::App& group, Selection& sel);
void add_metadata(CLI::App& group, Selection& sel);
void add_result(CLI::App& group, Selection& sel);
void add_list(CLI::App& group, Selection& sel);
void add_show(CLI::App& group, Selection& sel);
void add_reset(CLI::App& group, Selection& sel);
void add_trace(CLI::App& group, Selection& sel);
// pause and unpause
void add_pause(CLI::App& group, Selection& sel);
void add_wait(CLI::App& group, Selection& sel);
void add_update_options(CLI::App& group, Selection& sel);
// --versioning-override-behavior (required), -deployment-name and -build-id: update-options and reset's
// with-workflow-update-options.
void add_override_flags(CLI::App& cmd, ops::workflow::VersioningOverrideFlags& f);

}  // namespace twctl::cli::workflow
