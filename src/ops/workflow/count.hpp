#pragma once

#include "app/context.hpp"

#include <string>

namespace twctl::ops::workflow {

struct CountOptions {
  std::string query;
};

// The number of executions a visibility query matches, and per group with GROUP BY.
int count(const CountOptions& opts, Context& ctx);

}  // namespace twctl::ops::workflow
