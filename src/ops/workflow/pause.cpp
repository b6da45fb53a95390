#include "ops/workflow/pause.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

namespace twctl::ops::workflow {

namespace wsv = temporal::api::workflowservice::v1;

namespace {

int unsupported(const PauseOptions& opts, Context& ctx, std::string_view verb) {
  if (opts.ref.workflow_id.empty()) throw usage_error("-w/--workflow-id must not be empty");
  auto info = ctx.gateway().get_system_info(wsv::GetSystemInfoRequest());
  auto version = info.server_version().empty() ? std::string("of unknown version") : info.server_version();
  Error e(ErrorKind::General,
          fmt::format("cannot {} workflow {}: the cluster runs Temporal server {}, but this twctl's Temporal API "
                      "has no {}WorkflowExecution call: it does not support pausing workflows",
                      verb, opts.ref.workflow_id, version, verb == "pause" ? "Pause" : "Unpause"));
  e.cause = "unsupported";
  e.details = {{"serverVersion", info.server_version()}};
  throw e;
}

}  // namespace

int pause(const PauseOptions& opts, Context& ctx) { return unsupported(opts, ctx, "pause"); }
int unpause(const PauseOptions& opts, Context& ctx) { return unsupported(opts, ctx, "unpause"); }

}  // namespace twctl::ops::workflow
