#pragma once

#include "app/context.hpp"
#include "ops/workflow/target.hpp"

namespace twctl::ops::workflow {

struct TerminateOptions {
  Target target;
};

int terminate(const TerminateOptions& opts, Context& ctx);

struct DeleteOptions {
  Target target;
};

int delete_workflow(const DeleteOptions& opts, Context& ctx);

struct CancelOptions {
  Target target;
};

int cancel(const CancelOptions& opts, Context& ctx);

}  // namespace twctl::ops::workflow
