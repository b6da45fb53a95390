#pragma once

#include "app/context.hpp"
#include "ops/workflow/target_options.hpp"
#include "payload/input.hpp"

namespace twctl::ops::workflow {

struct SignalOptions {
  Target target;
  std::string name;
  payload::Input input;
  std::vector<std::string> headers;
};

int signal(const SignalOptions& opts, Context& ctx);

}  // namespace twctl::ops::workflow
