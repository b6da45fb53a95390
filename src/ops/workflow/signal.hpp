#pragma once

#include "core/context.hpp"
#include "ops/workflow/target.hpp"
#include "payload/payload.hpp"

namespace twctl::ops::workflow {

struct SignalOptions {
  Target target;
  std::string name;
  payload::Input input;
  std::vector<std::string> headers;
};

int signal(const SignalOptions& opts, Context& ctx);

}  // namespace twctl::ops::workflow
